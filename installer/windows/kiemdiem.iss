; Inno Setup 6 script: Kiểm điểm Desktop, per-user installer in Vietnamese.
; Built by installer/build-windows.ps1 (ISCC /DAppVersion=… /DSourceDir=…\dist\kiemdiem /DOutputDir=…).
; Save this file as UTF-8 with BOM (Inno Setup 6 reads Unicode scripts).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\kiemdiem"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6B0E6C52-4C1E-4E63-9B8A-2F0D7A1C9E11}
AppName=Kiểm điểm
AppVersion={#AppVersion}
AppVerName=Kiểm điểm {#AppVersion}
AppPublisher=Kiểm điểm Desktop
; Per user, no administrator rights: %LOCALAPPDATA%\Programs\KiemDiem
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\KiemDiem
DefaultGroupName=Kiểm điểm
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; Windows 10 (1809+) 64-bit only: Python 3.11 and Qt 6 need it. See [Code] for the Vietnamese message.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=KiemDiem-{#AppVersion}-cai-dat
SetupIconFile=kiemdiem.ico
UninstallDisplayIcon={app}\kiemdiem.exe
UninstallDisplayName=Kiểm điểm
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes
; Signing: build-windows.ps1 passes /Ssigntool=… when a certificate is configured (see WINDOWS.md).
#ifdef SignTool
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
; Inno Setup has no official Vietnamese translation; the unofficial Vietnamese.isl (jrsoftware.org,
; "Unofficial translations") is used when placed beside this script, else the English defaults with
; the messages below, which we wrote ourselves.
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
Name: "vi"; MessagesFile: "Vietnamese.isl"
#else
Name: "vi"; MessagesFile: "compiler:Default.isl"
#endif

[Messages]
; Ours, in Vietnamese, whatever the base file (these override it).
vi.SetupAppTitle=Cài đặt
vi.SetupWindowTitle=Cài đặt %1
vi.WelcomeLabel1=Chào mừng đến với trình cài đặt [name]
vi.WelcomeLabel2=Trình này sẽ cài [name/ver] cho riêng tài khoản của bạn, không cần quyền quản trị.%n%nNên đóng các chương trình khác trước khi tiếp tục.
vi.ButtonBack=< &Quay lại
vi.ButtonNext=&Tiếp >
vi.ButtonInstall=&Cài đặt
vi.ButtonOK=Đồng ý
vi.ButtonCancel=Hủy
vi.ButtonYes=&Có
vi.ButtonNo=&Không
vi.ButtonFinish=&Hoàn tất
vi.ButtonBrowse=&Chọn...
vi.ExitSetupTitle=Thoát cài đặt
vi.ExitSetupMessage=Việc cài đặt chưa xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nBạn có thể chạy lại trình cài đặt vào lúc khác.%n%nThoát cài đặt?
vi.WizardSelectDir=Chọn thư mục cài đặt
vi.SelectDirDesc=Cài [name] vào đâu?
vi.SelectDirLabel3=Trình cài đặt sẽ cài [name] vào thư mục sau.
vi.SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
vi.WizardSelectTasks=Chọn việc cần làm thêm
vi.SelectTasksDesc=Cần làm thêm những việc nào?
vi.SelectTasksLabel2=Chọn những việc trình cài đặt cần làm thêm khi cài [name], rồi bấm Tiếp.
vi.WizardReady=Sẵn sàng cài đặt
vi.ReadyLabel1=Đã sẵn sàng cài [name] vào máy.
vi.ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại để xem lại hay thay đổi lựa chọn.
vi.WizardInstalling=Đang cài đặt
vi.InstallingLabel=Xin chờ trong khi [name] được cài vào máy.
vi.FinishedHeadingLabel=Đã cài xong [name]
vi.FinishedLabelNoIcons=Đã cài xong [name].
vi.FinishedLabel=Đã cài xong [name]. Có thể mở chương trình bằng biểu tượng vừa tạo.
vi.ClickFinish=Bấm Hoàn tất để đóng trình cài đặt.
vi.RunEntryExec=Mở %1
vi.StatusExtractFiles=Đang chép các tệp...
vi.StatusCreateIcons=Đang tạo lối tắt...
vi.WindowsVersionNotSupported=Chương trình này chỉ chạy trên Windows 10 64-bit (bản 1809) trở lên. Máy này dùng phiên bản Windows cũ hơn.
vi.OnlyOnTheseArchitectures=Chương trình này chỉ cài được trên Windows 10 64-bit trở lên. Máy này dùng Windows 32-bit.
vi.SetupAppRunningError=Kiểm điểm đang mở. Hãy đóng chương trình rồi bấm Đồng ý để tiếp tục, hoặc Hủy để thoát.
vi.UninstallAppRunningError=Kiểm điểm đang mở. Hãy đóng chương trình rồi bấm Đồng ý để tiếp tục, hoặc Hủy để thoát.
vi.ConfirmUninstall=Gỡ bỏ %1? Dữ liệu của chi bộ (thư mục %LOCALAPPDATA%\KiemDiem) được giữ nguyên.
vi.UninstallStatusLabel=Xin chờ trong khi %1 được gỡ khỏi máy.
vi.UninstalledAll=Đã gỡ %1 khỏi máy. Dữ liệu của chi bộ vẫn còn trong %LOCALAPPDATA%\KiemDiem.
vi.AdditionalIcons=Lối tắt:
vi.CreateDesktopIcon=Tạo lối tắt trên màn hình &nền

[CustomMessages]
vi.OldWindows=Kiểm điểm cần Windows 10 64-bit (bản 1809) trở lên.%n%nMáy này dùng phiên bản Windows cũ hơn hoặc Windows 32-bit nên không cài được. Xin liên hệ cán bộ phụ trách tin học.
vi.UninstallProgram=Gỡ bỏ Kiểm điểm
vi.ProgramComment=Biên bản hội nghị kiểm điểm, đánh giá, xếp loại đảng viên

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Kiểm điểm"; Filename: "{app}\kiemdiem.exe"; Comment: "{cm:ProgramComment}"
Name: "{autoprograms}\{cm:UninstallProgram}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Kiểm điểm"; Filename: "{app}\kiemdiem.exe"; Comment: "{cm:ProgramComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\kiemdiem.exe"; Description: "{cm:LaunchProgram,Kiểm điểm}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes only what [Files] and [Icons] installed (and the folder if then empty).
; The data ({localappdata}\KiemDiem: the cell's files, settings, backups) is never listed here,
; so it stays. No [UninstallDelete] on purpose.

[Code]
{ MinVersion and ArchitecturesAllowed already refuse old or 32-bit Windows with the messages above;
  this check says it once more in plain words before anything else is shown. }
function InitializeSetup(): Boolean;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  Result := IsWin64 and ((V.Major > 10) or ((V.Major = 10) and (V.Build >= 17763)));
  if not Result then
    SuppressibleMsgBox(CustomMessage('OldWindows'), mbCriticalError, MB_OK, IDOK);
end;
