"""`make bench`: every performance goal of the program, measured side by side with its anchor, as
one table. Whole processes of the `kiemdiem` commands users run, on the demo meeting
(`kiemdiem demo --finished`), paired with their anchors (a bare PySide6 window with a 40-row table;
LibreOffice converting our own .docx of the same meeting to PDF; an `openssl cms` loop), after a
warm-up; medians with min–max; the load average before and after.

    .venv/bin/python bench/table.py [--runs 5] [--only startup,minutes,documents,package,open,bundle] [--before main]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    KIEMDIEM, PY, ROOT, Series, bench_env, demo, fmt, interleaved, load, meeting_id, paired, run, source_tree,
)

ROWS: list[tuple[str, str, str, str, str]] = []   # work, anchor, ours, ratio, goal
BEFORE: list[Path] = []     # --before REV: that revision's program, run in the same paired series
PASSPHRASE = "bench-passphrase"
LO_PEAK: list[float] = []   # LibreOffice's peak memory converting the 500-member minutes, once measured


def lo_anchor() -> str:
    return f"LibreOffice {LO_PEAK[0]:.0f} MiB" if LO_PEAK else "LibreOffice (make bench: minutes first)"


def row(work: str, anchor: str, ours: str, ratio: str, goal: str) -> None:
    ROWS.append((work, anchor, ours, ratio, goal))
    print(f"  {work}: {ours}  [{anchor}]  {ratio}  (goal {goal})", flush=True)


def first_paint(work: str, ours: list[str], runs: int, env: dict, *, before=None, goal: str = "≤ 1.3×",
                with_before: bool = True) -> None:
    """First-paint rows: ours beside the bare window, from the launch to the "painted" line each prints
    after its first frame, and the whole process (ours then closes its file as on any exit: checkpoint
    and automatic copy); with --before, the older program too, interleaved in the same rounds (an
    older program that printed nothing has its whole-process row only)."""
    bare = [PY, str(ROOT / "bench" / "bare_window.py"), "1200", "760"]
    cmds = [(bare, env), (ours, env)]
    with_before = with_before and bool(BEFORE)
    if with_before:
        cmds.append((ours, {**env, "PYTHONPATH": str(BEFORE[0])}))
    series = interleaved(cmds, runs, before=before, marker=b"painted")
    a, o = series[0], series[1]
    fa, fo = a.first_series(), o.first_series()
    row(work, f"bare window {fa.text()}", fo.text(), ratio(fo, fa), goal)
    row(f"{work}, whole process (closing the file: checkpoint, automatic copy; exit)", f"bare window {a.text()}",
        o.text(), ratio(o, a), "—")
    if with_before:
        b = series[2]
        fb = b.first_series()
        if fb.samples:
            row(f"{work} — before", f"bare window {fa.text()}", fb.text(), ratio(fb, fa), goal)
        row(f"{work}, whole process — before", f"bare window {a.text()}", b.text(), ratio(b, a), "—")


def ratio(o: Series, a: Series) -> str:
    return f"{o.median / a.median:.2f}×"


def faster(o: Series, a: Series) -> str:
    return f"{a.median / o.median:.1f}× faster"


# -- start-up --------------------------------------------------------------------------------
def xvfb() -> subprocess.Popen | None:
    if not shutil.which("Xvfb"):
        return None
    proc = subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return proc if proc.poll() is None else None


def startup(tmp: Path, env: dict, runs: int) -> None:
    """The window's first painted frame, whole process (``--exit-when-shown``), beside the bare window.
    Our window shows the roster (the demo cell after its meeting is locked: no meeting under way), as
    the bare window shows its 40-row table; the program's own demo, with its meeting being prepared,
    opens on the Cuộc họp tab instead (a row of its own). Bytecode cached unless said otherwise."""
    server = xvfb()
    try:
        platforms = [("offscreen", {"QT_QPA_PLATFORM": "offscreen"})]
        if server:
            platforms.append(("Xvfb", {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":97"}))
        for name, extra in platforms:
            for members in (40, 500):
                db = demo(tmp, members, env)
                first_paint(f"first paint, {members} members ({name})",
                            KIEMDIEM + ["--db", str(db), "--exit-when-shown"], runs, {**env, **extra})
        db = demo(tmp, 40, env, finished=False)
        first_paint("first paint, the demo with its meeting being prepared (Cuộc họp tab, offscreen)",
                    KIEMDIEM + ["--db", str(db), "--exit-when-shown"], runs, env)
        startup_bytecode(tmp, env, runs)
        db = demo(tmp, 500, env)
        gui = run(KIEMDIEM + ["--db", str(db), "--exit-when-shown"], env)
        row("peak memory, window on 500 members", lo_anchor(), f"{gui.peak_mib:.0f} MiB", "—", "≤ 150 MiB")
    finally:
        if server:
            server.terminate()
            server.wait()


def startup_bytecode(tmp: Path, env: dict, runs: int) -> None:
    """Start-up with and without cached bytecode (offscreen, 40 members), each paired with the bare
    window under the same condition: cached (as installed); the program's own modules compiled at every
    start (PYTHONDONTWRITEBYTECODE=1 and no cached bytecode of ours, as after a source checkout);
    nothing cached at all (a fresh PYTHONPYCACHEPREFIX per run: the standard library and PySide6's
    Python parts are compiled too, on both sides)."""
    db = demo(tmp, 40, env)
    ours = KIEMDIEM + ["--db", str(db), "--exit-when-shown"]
    n = max(3, runs // 2)
    first_paint("first paint, 40 members, bytecode cached (offscreen)", ours, n, env, goal="—")
    warm = Path(env["PYTHONPYCACHEPREFIX"])
    ours_only = tmp / "pycache-without-ours"

    def without_ours() -> None:        # everything cached but the program's own package
        if not ours_only.exists():
            shutil.copytree(warm, ours_only)
        for folder in list(ours_only.rglob("kiemdiem_desktop")):
            shutil.rmtree(folder, ignore_errors=True)
    first_paint("first paint, 40 members, the program's own modules not cached (offscreen)", ours, n,
                {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(ours_only)},
                before=without_ours, goal="—")
    cold = tmp / "pycache-cold"

    def fresh() -> None:
        shutil.rmtree(cold, ignore_errors=True)
    first_paint("first paint, 40 members, no cached bytecode at all (offscreen)", ours, n,
                {**env, "PYTHONPYCACHEPREFIX": str(cold)}, before=fresh, goal="—")


# -- documents -------------------------------------------------------------------------------
def soffice_cmd(tmp: Path, docx: Path, out: Path) -> list[str] | None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return None
    profile = (tmp / "lo-profile").as_uri()
    return [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)]


def cpu_text(s: Series) -> str:
    return f"; CPU {fmt(s.cpu)}" if s.cpus else ""


def minutes(tmp: Path, env: dict, runs: int) -> None:
    """The minutes of the demo meeting, whole processes paired with LibreOffice converting our own
    .docx of the same meeting; wall medians (min–max) and, for a loaded machine, CPU medians."""
    for members in (500, 40):
        db = demo(tmp, members, env)
        mid = meeting_id(db, env)
        docx = tmp / f"bb-{members}.docx"
        ours_docx = KIEMDIEM + ["minutes", "--db", str(db), "--meeting", mid, "--out", str(docx), "--docx"]
        run(ours_docx, env)
        ours = KIEMDIEM + ["minutes", "--db", str(db), "--meeting", mid, "--out", str(tmp / f"bb-{members}.pdf")]
        lo = soffice_cmd(tmp, docx, tmp / "lo")
        o, a = paired(ours, lo, runs, env)
        goal = "≥ 4× faster" if members == 500 else "≥ 4× faster; build ≤ 90 ms in an open program"
        row(f"minutes PDF, {members} members, whole process",
            f"LibreOffice .docx→PDF {a.text()}{cpu_text(a)}" if a else "LibreOffice not installed",
            o.text() + cpu_text(o), f"{faster(o, a)} (CPU {a.cpu / o.cpu:.1f}×)" if a else "—", goal)
        if members == 500:
            if a:
                LO_PEAK.append(a.peak)
            row("peak memory, minutes PDF, 500 members", lo_anchor(), f"{o.peak:.0f} MiB", "—", "≤ 150 MiB")
            w, _ = paired(ours_docx, None, runs, env)
            row("minutes Word, 500 members, whole process", "—", w.text() + cpu_text(w), "—", "≤ 1.5 s")
            row("peak memory, minutes Word, 500 members", lo_anchor(), f"{w.peak:.0f} MiB", "—", "≤ 150 MiB")
        else:
            row("minutes PDF, 40 members, build in an open program", "—", in_process_minutes(db, mid), "—", "≤ 90 ms")


def in_process_minutes(db: Path, mid: str) -> str:
    code = f"""
import statistics, time, tempfile, os
from pathlib import Path
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk
from kiemdiem_desktop.documents.minutes import build_minutes
cf = CellFile.open({str(db)!r})
desk = VotingDesk(MeetingSession(cf, {mid!r}))
out = Path(tempfile.mkdtemp()) / "bb.pdf"
build_minutes(desk, out)
samples, cpu = [], []
for _ in range(9):
    t, c = time.perf_counter(), time.process_time()
    build_minutes(desk, out)
    samples.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
print(statistics.median(samples), min(samples), max(samples), statistics.median(cpu))
cf.close(backup=False)
"""
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, cwd=ROOT, env=bench_env(db.parent))
    if out.returncode != 0:
        return "failed: " + out.stderr.strip().splitlines()[-1]
    med, lo, hi, cpu = map(float, out.stdout.split())
    return f"{fmt(med)} ({fmt(lo)}–{fmt(hi)}); CPU {fmt(cpu)}"


def documents(tmp: Path, env: dict, runs: int) -> None:
    db = demo(tmp, 500, env)
    mid = meeting_id(db, env)
    out = tmp / "tai-lieu"

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
    o, _ = paired(KIEMDIEM + ["documents", "--db", str(db), "--meeting", mid, "--out", str(out)], None,
                  max(2, runs // 2), env, before=clean)
    row("documents, 500 members, whole process", "—", o.text(), "—", "≤ 4 s")
    row("peak memory, documents, 500 members", lo_anchor(), f"{o.peak:.0f} MiB", "—", "≤ 150 MiB")


# -- signatures and packages -----------------------------------------------------------------
def keys(tmp: Path, env: dict) -> dict[str, Path]:
    pw = tmp / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = {"pass": pw}
    for stem, name, purpose in (("chi-bo", "Chi bộ", "signing"), ("chu-tri", "Chủ trì", "signing"),
                                ("thu-ky", "Thư ký", "signing"), ("cap-uy", "Cấp ủy", "encryption")):
        p12 = tmp / f"{stem}.p12"
        if not p12.exists():
            run(KIEMDIEM + ["keys", "new", "--name", name, "--out", str(p12), "--for", purpose,
                            "--passphrase-file", str(pw)], env)
        out[stem] = p12
    return out


def package(tmp: Path, env: dict, runs: int) -> None:
    db = demo(tmp, 40, env)
    mid = meeting_id(db, env)
    k = keys(tmp, env)
    code = f"""
import statistics, time
from pathlib import Path
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk
from kiemdiem_desktop.documents.minutes import build_minutes
from kiemdiem_desktop.crypto.keys import load_pkcs12_key, load_recipient_certificate
from kiemdiem_desktop.crypto.pdf_sign import sign_pdf
from kiemdiem_desktop.crypto.package import make_package
d = Path({str(tmp)!r}); pw = {PASSPHRASE!r}
cf = CellFile.open({str(db)!r})
build_minutes(VotingDesk(MeetingSession(cf, {mid!r})), d / "bb.pdf")
samples = []
for i in range({runs + 1}):
    t = time.perf_counter()
    sign_pdf(d / "bb.pdf", "chu-tri", load_pkcs12_key({str(k['chu-tri'])!r}, pw), d / "bb1.pdf")
    sign_pdf(d / "bb1.pdf", "thu-ky", load_pkcs12_key({str(k['thu-ky'])!r}, pw), d / "bb2.pdf")
    make_package(cf, {mid!r}, load_pkcs12_key({str(k['chi-bo'])!r}, pw),
                 [load_recipient_certificate({str(k['cap-uy'].with_suffix('.crt'))!r})],
                 out=d / f"goi{{i}}.p7m", signed_minutes=d / "bb2.pdf")
    samples.append(time.perf_counter() - t)
samples = samples[1:]
print(statistics.median(samples), min(samples), max(samples))
cf.close(backup=False)
"""
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    if out.returncode != 0:
        row("package build (2 signatures + package), 40 members", "—", "failed: " + out.stderr.strip()[-200:], "—", "≤ 0.5 s")
        return
    med, lo, hi = map(float, out.stdout.split())
    row("package build (2 signatures + package), 40 members, after imports", "—",
        f"{fmt(med)} ({fmt(lo)}–{fmt(hi)})", "—", "≤ 0.5 s")


def open_many(tmp: Path, env: dict, runs: int, count: int = 200) -> None:
    db = demo(tmp, 40, env)
    mid = meeting_id(db, env)
    k = keys(tmp, env)
    one = tmp / "goi.p7m"
    if not one.exists():
        run(KIEMDIEM + ["package", "--db", str(db), "--meeting", mid, "--key", str(k["chi-bo"]),
                        "--passphrase-file", str(k["pass"]), "--to", str(k["cap-uy"].with_suffix(".crt")),
                        "--out", str(one)], env)
    folder = tmp / "hop-thu"
    folder.mkdir(exist_ok=True)
    files = []
    for i in range(count):
        f = folder / f"goi-{i:03d}.p7m"
        if not f.exists():
            shutil.copyfile(one, f)
        files.append(str(f))
    # openssl needs the committee's key as PEM, and the cell's certificate as the trust anchor.
    pem = tmp / "cap-uy.key"
    subprocess.run(["openssl", "pkcs12", "-in", str(k["cap-uy"]), "-nocerts", "-nodes", "-out", str(pem),
                    "-passin", f"file:{k['pass']}"], check=True, capture_output=True)
    script = tmp / "openssl-loop.sh"
    script.write_text(
        "set -e\nfor f in \"$@\"; do\n"
        f"  openssl cms -decrypt -inform DER -binary -in \"$f\" -inkey {pem} -recip {k['cap-uy'].with_suffix('.crt')} -out {tmp}/x.der\n"
        f"  openssl cms -verify -inform DER -binary -CAfile {k['chi-bo'].with_suffix('.crt')} -purpose any -in {tmp}/x.der -out {tmp}/x.zip 2>/dev/null\n"
        "done\n", encoding="utf-8")
    anchor = ["bash", str(script)] + files
    out = tmp / "mo"

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
    ours = KIEMDIEM + ["open"] + files + ["--key", str(k["cap-uy"]), "--passphrase-file", str(k["pass"]),
                                          "--out", str(out)]
    how = "one process"
    if run(ours, env, check=False).code != 0:      # a program that opens one package per call
        how = "one process per package"
        loop = tmp / "kiemdiem-loop.sh"
        loop.write_text("set -e\nfor f in \"$@\"; do\n  " + " ".join(KIEMDIEM) + " open \"$f\" --key "
                        f"{k['cap-uy']} --passphrase-file {k['pass']} --out {out}/$(basename \"$f\" .p7m)\n"
                        "done\n", encoding="utf-8")
        ours = ["bash", str(loop)] + files
    clean()
    o, a = paired(ours, anchor, max(2, runs // 2), env, before=clean)
    row(f"opening + verifying {count} packages, {how}", f"openssl cms loop {a.text()}", o.text(),
        ratio(o, a), "≤ 3×")


def bundle(tmp: Path, env: dict, runs: int) -> None:
    dist = ROOT / "dist" / "kiemdiem"
    if not dist.exists():
        row("bundle size", "—", "not built (make dist)", "—", "≤ 150 MB")
        return
    size = sum(p.stat().st_size for p in dist.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    row("bundle size", "—", f"{size:.0f} MB", "—", "≤ 150 MB")
    exe = dist / "kiemdiem"
    db = demo(tmp, 40, env)        # the roster on screen, as in the start-up rows
    first_paint("the installed bundle's first paint, 40 members (offscreen)",
                [str(exe), "--db", str(db), "--exit-when-shown"], runs, env, with_before=False)


SECTIONS = {"minutes": minutes, "startup": startup, "documents": documents, "package": package,
            "open": open_many, "bundle": bundle}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default=",".join(SECTIONS))
    ap.add_argument("--before", metavar="REV", help="start-up rows: also run the program of git revision REV "
                    "(e.g. main) in the same paired rounds")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="kiemdiem-bench-") as t:
        tmp = Path(t)
        env = bench_env(tmp)
        if args.before:
            BEFORE.append(source_tree(args.before, tmp / "before"))
            print(f"before: {args.before} ({BEFORE[0]})", flush=True)
        for name in args.only.split(","):
            print(f"[{name}] load {load()}", flush=True)
            SECTIONS[name](tmp, env, args.runs)
    print(f"\nload average after: {load()}\n")
    print("| work | anchor | ours (median, min–max) | ratio | goal |")
    print("|---|---|---|---|---|")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
