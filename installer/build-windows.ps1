# Build the Windows program and its installer on a Windows 10/11 64-bit machine.
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 [-Python py -3.11] [-Version 0.1.0]
# Signing (optional): set KIEMDIEM_SIGN_CERT (a .pfx) and KIEMDIEM_SIGN_PASSWORD, or
# KIEMDIEM_SIGN_THUMBPRINT (a certificate in the user's store, e.g. on a token). See installer\WINDOWS.md.
param(
    [string]$Python = "py",
    [string]$PythonArgs = "-3.11",
    [string]$Version = "0.1.0",
    [string]$TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..")
Set-Location $Root
$Venv = Join-Path $Root ".venv-win"
$Dist = Join-Path $Root "dist"

function Step($text) { Write-Host "==> $text" -ForegroundColor Cyan }

Step "Python 3.11 64-bit, venv $Venv"
& $Python $PythonArgs -c "import struct, sys; assert sys.version_info[:2] == (3, 11) and struct.calcsize('P') == 8, sys.version"
if ($LASTEXITCODE -ne 0) { throw "Cần Python 3.11 64-bit (python.org), cài cho riêng người dùng." }
if (-not (Test-Path "$Venv\Scripts\python.exe")) { & $Python $PythonArgs -m venv $Venv }
$Py = "$Venv\Scripts\python.exe"
& $Py -m pip install -q --upgrade pip
# Every package from the hashed lock (make lock), then the program without resolving anything more.
& $Py -m pip install -q --require-hashes -r installer\lock\requirements-windows.txt
if ($LASTEXITCODE -ne 0) { throw "pip install (requirements-windows.txt) thất bại" }
& $Py -m pip install -q --no-deps -e .
if ($LASTEXITCODE -ne 0) { throw "pip install thất bại" }

Step "PyInstaller (installer\kiemdiem.spec)"
if (Test-Path "$Dist\kiemdiem") { Remove-Item -Recurse -Force "$Dist\kiemdiem" }
& $Py -m PyInstaller --noconfirm --clean --distpath $Dist --workpath (Join-Path $Root "build\pyinstaller") installer\kiemdiem.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller thất bại" }
$Exe = "$Dist\kiemdiem\kiemdiem.exe"
$CliExe = "$Dist\kiemdiem\kiemdiem-cli.exe"

Step "selftest of the bundle (console program, so its lines are shown)"
& $CliExe selftest
if ($LASTEXITCODE -ne 0) { throw "kiemdiem-cli.exe selftest thất bại (mã $LASTEXITCODE)" }

# signtool: from the Windows SDK (or set KIEMDIEM_SIGNTOOL).
$SignTool = $env:KIEMDIEM_SIGNTOOL
if (-not $SignTool) {
    $found = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" -ErrorAction SilentlyContinue |
             Sort-Object FullName -Descending | Select-Object -First 1
    if ($found) { $SignTool = $found.FullName }
}
$SignArgs = $null
if ($env:KIEMDIEM_SIGN_CERT) {
    $SignArgs = @("sign", "/fd", "SHA256", "/td", "SHA256", "/tr", $TimestampUrl, "/f", $env:KIEMDIEM_SIGN_CERT)
    if ($env:KIEMDIEM_SIGN_PASSWORD) { $SignArgs += @("/p", $env:KIEMDIEM_SIGN_PASSWORD) }
} elseif ($env:KIEMDIEM_SIGN_THUMBPRINT) {
    $SignArgs = @("sign", "/fd", "SHA256", "/td", "SHA256", "/tr", $TimestampUrl, "/sha1", $env:KIEMDIEM_SIGN_THUMBPRINT)
}
if ($SignArgs) {
    if (-not $SignTool) { throw "Đã cấu hình chứng thư ký nhưng không tìm thấy signtool.exe (Windows SDK)." }
    Step "Authenticode: kiemdiem.exe and our DLLs"
    & $SignTool @SignArgs $Exe $CliExe
    if ($LASTEXITCODE -ne 0) { throw "Ký kiemdiem.exe thất bại" }
} else {
    Write-Warning "Không ký (chưa đặt KIEMDIEM_SIGN_CERT hoặc KIEMDIEM_SIGN_THUMBPRINT): SmartScreen sẽ cảnh báo."
}

Step "Inno Setup (installer\windows\kiemdiem.iss)"
$Iscc = $env:KIEMDIEM_ISCC
if (-not $Iscc) {
    foreach ($c in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                     "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) { if (Test-Path $c) { $Iscc = $c; break } }
}
if (-not $Iscc) { throw "Không tìm thấy ISCC.exe (Inno Setup 6): cài từ jrsoftware.org hoặc đặt KIEMDIEM_ISCC." }
$IsccArgs = @("/DAppVersion=$Version", "/DSourceDir=$Dist\kiemdiem", "/DOutputDir=$Dist")
if ($SignArgs) {
    $quoted = ($SignArgs | ForEach-Object { if ($_ -match '\s') { "`"$_`"" } else { $_ } }) -join " "
    $IsccArgs += @("/DSignTool", "/Ssigntool=`"$SignTool`" $quoted `$f")
}
& $Iscc @IsccArgs installer\windows\kiemdiem.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC thất bại" }
Step "Done: $Dist\KiemDiem-$Version-cai-dat.exe"
