"""`make bench`: every performance goal of the program, measured side by side with its anchor, as
one table. Whole processes of the `kiemdiem` commands users run, on the demo meeting
(`kiemdiem demo --finished`), paired with their anchors (a bare PySide6 window with a 40-row table;
LibreOffice converting our own .docx of the same meeting to PDF; an `openssl cms` loop), after a
warm-up; medians with min–max; the load average before and after.

    .venv/bin/python bench/table.py [--runs 5] [--only startup,minutes,documents,package,open,bundle] [--before main]
        [--bundle-before DIR]   (DIR: an older build's dist/kiemdiem, run in the bundle rows' paired rounds)
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
BUNDLE_BEFORE: list[Path] = []  # --bundle-before DIR: an older bundle (dist/kiemdiem), run in the bundle rows' series
PASSPHRASE = "bench-passphrase"
LO_PEAK: list[float] = []   # LibreOffice's peak memory converting the 500-member minutes, once measured


def lo_anchor() -> str:
    return f"LibreOffice {LO_PEAK[0]:.0f} MiB" if LO_PEAK else "LibreOffice (make bench: minutes first)"


def row(work: str, anchor: str, ours: str, ratio: str, goal: str) -> None:
    ROWS.append((work, anchor, ours, ratio, goal))
    print(f"  {work}: {ours}  [{anchor}]  {ratio}  (goal {goal})", flush=True)


def first_paint(work: str, ours: list[str], runs: int, env: dict, *, before=None, goal: str = "≤ 1.3×",
                with_before: bool = True, before_cmd: list[str] | None = None) -> None:
    """First-paint rows: ours beside the bare window, from the launch to the "painted" line each prints
    after its first frame, and the whole process (ours then closes its file as on any exit: checkpoint
    and automatic copy); with --before (or ``before_cmd``: an older bundle), the older program too,
    interleaved in the same rounds (an older program that printed nothing has its whole-process row only)."""
    bare = [PY, str(ROOT / "bench" / "bare_window.py"), "1200", "760"]
    cmds = [(bare, env), (ours, env)]
    with_before = (with_before and bool(BEFORE)) or before_cmd is not None
    if before_cmd is not None:
        cmds.append((before_cmd, env))
    elif with_before:
        cmds.append((ours, {**env, "PYTHONPATH": str(BEFORE[0])}))
    series = interleaved(cmds, runs, before=before, marker=b"painted")
    a, o = series[0], series[1]
    fa, fo = a.first_series(), o.first_series()
    row(work, f"bare window {fa.text()}", fo.text(), ratio(fo, fa), goal)
    if a.first_cpus and o.first_cpus:       # both said their processor time to the first frame
        ca, co = a.first_cpu_series(), o.first_cpu_series()
        ma, mo = a.first_cpu_series(main_thread=True), o.first_cpu_series(main_thread=True)
        row(f"{work}: processor time to the first frame, whole process; main thread",
            f"bare window {ca.text()}; {ma.text()}", f"{co.text()}; {mo.text()}",
            f"{ratio(co, ca)}; {ratio(mo, ma)}", "—")
    row(f"{work}, whole process (closing the file: checkpoint, automatic copy; exit)",
        f"bare window {a.text()}; {a.cpu_text()}", f"{o.text()}; {o.cpu_text()}", both_ratios(o, a), "—")
    if with_before:
        b = series[2]
        fb = b.first_series()
        if fb.samples:
            row(f"{work} — before", f"bare window {fa.text()}", fb.text(), ratio(fb, fa), goal)
        row(f"{work}, whole process — before", f"bare window {a.text()}; {a.cpu_text()}",
            f"{b.text()}; {b.cpu_text()}", both_ratios(b, a), "—")


def ratio(o: Series, a: Series) -> str:
    return f"{o.median / a.median:.2f}×"


def both_ratios(o: Series, a: Series) -> str:
    """Wall time and processor time: on a loaded machine a long single process loses more wall time to
    the others than a loop of short ones, so both are said."""
    return f"{o.median / a.median:.2f}× (CPU {o.cpu_median / a.cpu_median:.2f}×)"


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
        b = None
        if BEFORE and lo:       # --before REV: that revision's minutes in the same rounds
            a, o, b = interleaved([(lo, env), (ours, env), (ours, {**env, "PYTHONPATH": str(BEFORE[0])})], runs)
        else:
            o, a = paired(ours, lo, runs, env)
        goal = "≥ 4× faster" if members == 500 else "≥ 4× faster; build ≤ 90 ms in an open program"
        row(f"minutes PDF, {members} members, whole process",
            f"LibreOffice .docx→PDF {a.text()}{cpu_text(a)}" if a else "LibreOffice not installed",
            o.text() + cpu_text(o), f"{faster(o, a)} (CPU {a.cpu / o.cpu:.1f}×)" if a else "—", goal)
        if b is not None:
            row(f"minutes PDF, {members} members, whole process — before",
                f"LibreOffice .docx→PDF {a.text()}{cpu_text(a)}", b.text() + cpu_text(b),
                f"{faster(b, a)} (CPU {a.cpu / b.cpu:.1f}×)", goal)
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
    """`kiemdiem documents` on the 500-member demo meeting, whole processes (a warm-up, then
    ``max(3, runs // 2)`` runs, each into an emptied folder), with the load average over the runs;
    then where the time goes: one in-process build timed file by file (progress callback)."""
    db = demo(tmp, 500, env)
    mid = meeting_id(db, env)
    out = tmp / "tai-lieu"

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
    before = load()
    cmd = KIEMDIEM + ["documents", "--db", str(db), "--meeting", mid, "--out", str(out)]
    if BEFORE:     # --before: the older program in the same rounds, alternating with ours
        o, b = interleaved([(cmd, env), (cmd, {**env, "PYTHONPATH": str(BEFORE[0])})], max(3, runs // 2),
                           before=clean)
    else:
        (o, _), b = paired(cmd, None, max(3, runs // 2), env, before=clean), None
    files = len(list(out.iterdir())) if out.exists() else 0
    row(f"documents, 500 members ({files} files), whole process", "—",
        f"{o.text()}, {o.cpu_text()}, load {before} → {load()}", "—", "≤ 4 s")
    row("peak memory, documents, 500 members", lo_anchor(), f"{o.peak:.0f} MiB", "—", "≤ 150 MiB")
    if b is not None:
        row("documents, 500 members, whole process — before", "—", f"{b.text()}, {b.cpu_text()}", "—", "≤ 4 s")
        row("peak memory, documents, 500 members — before", lo_anchor(), f"{b.peak:.0f} MiB", "—", "≤ 150 MiB")
    if shutil.which("taskset"):     # one core: the program writes every file in its own process
        one = ["taskset", "-c", "0"] + cmd
        cmds = [(one, env)] + ([(one, {**env, "PYTHONPATH": str(BEFORE[0])})] if BEFORE else [])
        series = interleaved(cmds, max(3, runs // 2), before=clean)
        row("documents, 500 members, whole process on one core (taskset -c 0)", "—", series[0].text(), "—",
            "not slower than before")
        if BEFORE:
            row("documents, 500 members, whole process on one core — before", "—", series[1].text(), "—", "—")
    documents_breakdown(db, mid, env)
    documents_memory(db, mid, env)


def documents_memory(db: Path, mid: str, env: dict) -> None:
    """Peak memory of each process when the second one writes the largest PDFs (the whole-process row
    gives the larger of the two): this one and the worker, and their sum (an upper bound of the total)."""
    code = f"""
import resource, tempfile
from pathlib import Path
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk
from kiemdiem_desktop.documents.all_documents import build_documents, minutes_pdf_and_docx
cf = CellFile.open({str(db)!r})
desk = VotingDesk(MeetingSession(cf, {mid!r}))
build_documents(desk, Path(tempfile.mkdtemp()), minutes=minutes_pdf_and_docx, minutes_files=2, workers=2)
me, worker = (resource.getrusage(w).ru_maxrss / 1024 for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(f"this process {{me:.0f}} MiB, the second process {{worker:.0f}} MiB, together at most {{me + worker:.0f}} MiB")
cf.close(backup=False)
"""
    res = subprocess.run([PY, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    text = res.stdout.strip() if res.returncode == 0 else "failed: " + res.stderr.strip()[-200:]
    print(f"  documents, 500 members, two processes, peak memory: {text}", flush=True)


def documents_breakdown(db: Path, mid: str, env: dict) -> None:
    """Seconds per document in one in-process build (the Mẫu 2 forms together; every file in this one
    process, ``workers=1``, so that each file's time is its own): what remains."""
    code = f"""
import time, tempfile
from pathlib import Path
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk
from kiemdiem_desktop.documents.all_documents import build_documents, minutes_pdf_and_docx
cf = CellFile.open({str(db)!r})
desk = VotingDesk(MeetingSession(cf, {mid!r}))
spent, last = {{}}, [time.perf_counter()]
def step(done, total, path):
    now = time.perf_counter()
    key = "mau-2*.docx" if path.name.startswith("mau-2") else path.name
    spent[key] = spent.get(key, 0) + now - last[0]
    last[0] = now
build_documents(desk, Path(tempfile.mkdtemp()), minutes=minutes_pdf_and_docx, minutes_files=2, progress=step, workers=1)
print("; ".join(f"{{k}} {{v:.2f}} s" for k, v in sorted(spent.items(), key=lambda kv: -kv[1])))
cf.close(backup=False)
"""
    res = subprocess.run([PY, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    text = res.stdout.strip() if res.returncode == 0 else "failed: " + res.stderr.strip()[-200:]
    print(f"  documents, 500 members, in one process, by file: {text}", flush=True)


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
    """Two PAdES signatures (chủ trì, thư ký, each with their own key) and the package (the cell's
    key), in an open program: after a warm-up build (imports, fonts). Said twice: the builds with every
    key unlocked for the first time in the process (each .p12 parsed and its RSA key checked), and the
    later builds (a key unlocked once is reused); wall and processor time. ``runs`` rounds of one
    process each doing two builds of each kind; with --before, the older program's process in the same
    rounds, the order reversed every other round (paired A/B)."""
    import json
    import statistics

    db = demo(tmp, 40, env)
    mid = meeting_id(db, env)
    k = keys(tmp, env)
    script = tmp / "package_build.py"       # run from tmp: the program comes from PYTHONPATH, not the cwd
    script.write_text(f"""
import json, time
from pathlib import Path
from kiemdiem_desktop.services import CellFile
from kiemdiem_desktop.session import MeetingSession
from kiemdiem_desktop.voting import VotingDesk
from kiemdiem_desktop.documents.minutes import build_minutes
from kiemdiem_desktop.crypto import keys
from kiemdiem_desktop.crypto.keys import load_pkcs12_key, load_recipient_certificate
from kiemdiem_desktop.crypto.pdf_sign import sign_pdf
from kiemdiem_desktop.services.package import make_package
d = Path({str(tmp)!r}); pw = {PASSPHRASE!r}
cf = CellFile.open({str(db)!r})
build_minutes(VotingDesk(MeetingSession(cf, {mid!r})), d / "bb.pdf")

def build(i):
    t, c = time.perf_counter(), time.process_time()
    sign_pdf(d / "bb.pdf", "chu-tri", load_pkcs12_key({str(k['chu-tri'])!r}, pw), d / "bb1.pdf")
    sign_pdf(d / "bb1.pdf", "thu-ky", load_pkcs12_key({str(k['thu-ky'])!r}, pw), d / "bb2.pdf")
    make_package(cf, {mid!r}, load_pkcs12_key({str(k['chi-bo'])!r}, pw),
                 [load_recipient_certificate({str(k['cap-uy'].with_suffix('.crt'))!r})],
                 out=d / f"goi{{i}}.p7m", signed_minutes=d / "bb2.pdf")
    return time.perf_counter() - t, time.process_time() - c

build(0)                                   # warm-up: imports, fonts
firsts = []
for i in range(2):
    keys.forget_unlocked_keys()
    firsts.append(build(100 + i))
later = [build(i) for i in range(1, 3)]
print(json.dumps([firsts, later]))
cf.close(backup=False)
""", encoding="utf-8")
    programs = [("", env)]
    if BEFORE:
        programs.append((" — before", {**env, "PYTHONPATH": str(BEFORE[0])}))
    got = {label: ([], []) for label, _ in programs}
    before = load()
    for r in range(runs):
        for label, penv in (programs if r % 2 == 0 else programs[::-1]):
            out = subprocess.run([PY, str(script)], capture_output=True, text=True, cwd=tmp, env=penv)
            if out.returncode != 0:
                row(f"package build (2 signatures + package), 40 members{label}", "—",
                    "failed: " + out.stderr.strip()[-200:], "—", "≤ 0.5 s")
                return
            firsts, later = json.loads(out.stdout.strip().splitlines()[-1])
            got[label][0].extend(firsts)
            got[label][1].extend(later)
    for label, _ in programs:
        for series, when in zip(got[label], ("each key unlocked for the first time",
                                             "keys already unlocked in the program")):
            w, c = [x[0] for x in series], [x[1] for x in series]
            row(f"package build (2 signatures + package), 40 members, after imports, {when}{label}", "—",
                f"{fmt(statistics.median(w))} ({fmt(min(w))}–{fmt(max(w))}); CPU {fmt(statistics.median(c))} "
                f"({fmt(min(c))}–{fmt(max(c))}); load {before} → {load()}", "—", "≤ 0.5 s")


def distinct_packages(tmp: Path, db: Path, count: int, signers: int = 10) -> tuple[Path, Path, Path, Path]:
    """``count`` real packages of the 40-member demo meeting, each from its own cell (code, name,
    member and meeting UUIDs), signed by one of ``signers`` cell keys and encrypted for the
    committee: (folder, the committee's .p12, its .crt, a PEM bundle of the cells' certificates)."""
    import json
    import uuid

    from kiemdiem_desktop.crypto.keys import load_pkcs12_key, load_recipient_certificate, new_key
    from kiemdiem_desktop.crypto.package import make_manifest, seal
    from kiemdiem_desktop.services.package import meeting_documents
    from kiemdiem_desktop.services import CellFile

    folder, keys = tmp / "hop-thu", tmp / "khoa-chi-bo"
    committee = tmp / "cap-uy-hop-thu.p12"
    bundle = tmp / "chi-bo.pem"
    if folder.exists():
        return folder, committee, committee.with_suffix(".crt"), bundle
    keys.mkdir()
    new_key("Đảng ủy", committee, PASSPHRASE, purpose="encryption")
    cell_keys = []
    for i in range(signers):
        new_key(f"Chi bộ {i}", keys / f"cb{i}.p12", PASSPHRASE, purpose="signing")
        cell_keys.append(load_pkcs12_key(keys / f"cb{i}.p12", PASSPHRASE))
    bundle.write_bytes(b"".join((keys / f"cb{i}.crt").read_bytes() for i in range(signers)))
    cf = CellFile.open(db)
    try:
        files, cell_part, meeting_part = meeting_documents(cf, cf.meetings()[0].id)
    finally:
        cf.close(backup=False)
    recipient = load_recipient_certificate(committee.with_suffix(".crt"))
    template = files["meeting.json"].decode("utf-8")
    data = json.loads(template)
    folder.mkdir()
    for n in range(1, count + 1):
        text = template
        for m in data["members"]:
            text = text.replace(m["id"], str(uuid.uuid4()))
        mid = str(uuid.uuid4())
        doc = json.loads(text.replace(data["meeting"]["id"], mid))
        doc["cell"]["code"], doc["cell"]["name"] = f"CB{n:03d}", f"Chi bộ số {n}"
        mine = dict(files, **{"meeting.json": json.dumps(doc, ensure_ascii=False).encode("utf-8")})
        key = cell_keys[n % signers]
        manifest = make_manifest(mine, cell={**cell_part, "code": f"CB{n:03d}", "name": f"Chi bộ số {n}"},
                                 meeting={**meeting_part, "id": mid}, signer=key.fingerprint)
        (folder / f"goi-{n:03d}.p7m").write_bytes(seal(mine, manifest, key, [recipient]))
    return folder, committee, committee.with_suffix(".crt"), bundle


def open_many(tmp: Path, env: dict, runs: int, count: int = 200) -> None:
    """A folder of ``count`` packages from ``count`` cells (10 signing keys), opened in one process
    into a new register (``--trust``: every cell is first seen), paired with an ``openssl cms``
    decrypt + verify loop over the same files (the cells' certificates as the trust anchors)."""
    db = demo(tmp, 40, env)
    k = keys(tmp, env)
    folder, p12, crt, bundle = distinct_packages(tmp, db, count)
    files = sorted(str(f) for f in folder.glob("*.p7m"))
    pem = tmp / "cap-uy-hop-thu.key"
    subprocess.run(["openssl", "pkcs12", "-in", str(p12), "-nocerts", "-nodes", "-out", str(pem),
                    "-passin", f"file:{k['pass']}"], check=True, capture_output=True)
    script = tmp / "openssl-loop.sh"
    script.write_text(
        "set -e\nfor f in \"$@\"; do\n"
        f"  openssl cms -decrypt -inform DER -binary -in \"$f\" -inkey {pem} -recip {crt} -out {tmp}/x.der\n"
        f"  openssl cms -verify -inform DER -binary -CAfile {bundle} -purpose any -in {tmp}/x.der -out {tmp}/x.zip 2>/dev/null\n"
        "done\n", encoding="utf-8")
    anchor = ["bash", str(script)] + files
    out, register = tmp / "mo", tmp / "so-dang-ky.kiemdiem"

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{register}{suffix}").unlink(missing_ok=True)
    common = ["--key", str(p12), "--passphrase-file", str(k["pass"]), "--out", str(out)]
    o, a = paired(KIEMDIEM + ["open", str(folder), "--register", str(register), "--trust"] + common, anchor,
                  max(3, runs // 2), env, before=clean)
    row(f"opening + verifying {count} packages (a folder, one process, into the register: figures checked)",
        f"openssl cms loop {a.text()}; {a.cpu_text()}", f"{o.text()}; {o.cpu_text()}", both_ratios(o, a), "≤ 3×")
    o, a = paired(KIEMDIEM + ["open", str(folder)] + common, anchor, max(3, runs // 2), env, before=clean)
    row(f"opening + verifying {count} packages (a folder, one process, no register)",
        f"openssl cms loop {a.text()}; {a.cpu_text()}", f"{o.text()}; {o.cpu_text()}", both_ratios(o, a), "≤ 3×")


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def bundle(tmp: Path, env: dict, runs: int) -> None:
    """The bundle's size and first paint beside the bare window; with --bundle-before, an older bundle
    in the same rounds. Also one command line command (`meeting list`), which needs no Qt."""
    dist = ROOT / "dist" / "kiemdiem"
    if not dist.exists():
        row("bundle size", "—", "not built (make dist)", "—", "≤ 150 MB")
        return
    row("bundle size", "—", f"{folder_mb(dist):.1f} MB", "—", "≤ 150 MB")
    old = BUNDLE_BEFORE[0] if BUNDLE_BEFORE else None
    if old:
        row("bundle size — before", "—", f"{folder_mb(old):.1f} MB", "—", "≤ 150 MB")
    exe = dist / "kiemdiem"
    db = demo(tmp, 40, env)        # the roster on screen, as in the start-up rows
    first_paint("the installed bundle's first paint, 40 members (offscreen)",
                [str(exe), "--db", str(db), "--exit-when-shown"], runs, env, with_before=False,
                before_cmd=[str(old / "kiemdiem"), "--db", str(db), "--exit-when-shown"] if old else None)
    listing = [str(exe), "meeting", "list", "--db", str(db), "--json"]
    if old:
        o, b = paired(listing, [str(old / "kiemdiem")] + listing[1:], runs, env)
        row("the bundle's `meeting list --json` (no window), whole process", f"before {b.text()}; {b.cpu_text()}",
            f"{o.text()}; {o.cpu_text()}", f"{o.median / b.median:.2f}× of before", "—")
    else:
        o, _ = paired(listing, None, runs, env)
        row("the bundle's `meeting list --json` (no window), whole process", "—", f"{o.text()}; {o.cpu_text()}",
            "—", "—")


SECTIONS = {"minutes": minutes, "startup": startup, "documents": documents, "package": package,
            "open": open_many, "bundle": bundle}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", default=",".join(SECTIONS))
    ap.add_argument("--before", metavar="REV", help="minutes, start-up, documents and package rows: also run "
                    "the program of git revision REV (e.g. main) in the same paired rounds")
    ap.add_argument("--bundle-before", metavar="DIR", help="bundle rows: also run the older bundle in DIR "
                    "(a dist/kiemdiem folder built from the older revision) in the same paired rounds")
    args = ap.parse_args()
    if args.bundle_before:
        BUNDLE_BEFORE.append(Path(args.bundle_before).resolve())
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
