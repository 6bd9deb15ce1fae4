"""Shared pieces of the benchmarks: whole-process runs with their peak memory, paired series
(anchor, ours, anchor, ours…) reduced to medians with min–max, and the machine's load."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
# The command users run: the venv's `kiemdiem` script (`make run`); `python -m` when it is not installed.
_SCRIPT = Path(PY).with_name("kiemdiem.exe" if sys.platform == "win32" else "kiemdiem")
KIEMDIEM = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "kiemdiem_desktop"]


@dataclass
class Run:
    seconds: float
    peak_mib: float
    code: int = 0
    cpu: float = 0.0          # user + system seconds of the process and the children it waited for
    first: float | None = None      # when the process printed the marker (its first painted frame)
    first_cpu: tuple[float, float] | None = None   # processor time to it, said on the marker's line
                                                   # ("cpu=… main=…" ms): the whole process, its main thread


def run(cmd: list[str], env: dict | None = None, *, cwd: Path = ROOT, check: bool = True,
        marker: bytes | None = None) -> Run:
    """One whole process: wall time and peak resident memory (from wait4's rusage); with ``marker``,
    also the time at which it printed that line on standard output."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE if marker else subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    first = first_cpu = None
    if marker and p.stdout:
        for line in p.stdout:
            if first is None and marker in line:
                first = time.perf_counter() - start
                said = dict(w.split(b"=", 1) for w in line.split() if b"=" in w)
                if b"cpu" in said and b"main" in said:
                    first_cpu = (float(said[b"cpu"]) / 1000, float(said[b"main"]) / 1000)
        p.stdout.close()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace") if p.stderr else ""
    if p.stderr:
        p.stderr.close()
    if check and p.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} -> exit {p.returncode}: {err[-800:]}")
    return Run(elapsed, usage.ru_maxrss / 1024, p.returncode, usage.ru_utime + usage.ru_stime, first, first_cpu)


@dataclass
class Series:
    samples: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    firsts: list[float] = field(default_factory=list)
    first_cpus: list[tuple[float, float]] = field(default_factory=list)

    def add(self, r: Run) -> None:
        self.samples.append(r.seconds)
        self.peaks.append(r.peak_mib)
        self.cpus.append(r.cpu)
        if r.first is not None:
            self.firsts.append(r.first)
        if r.first_cpu is not None:
            self.first_cpus.append(r.first_cpu)

    def first_cpu_series(self, main_thread: bool = False) -> "Series":
        """The processor time to the first frame (the whole process, or its main thread) as a series."""
        return Series([c[1 if main_thread else 0] for c in self.first_cpus])

    @property
    def cpu(self) -> float:
        """Median CPU time (user + system): on a shared, loaded machine steadier than the wall clock."""
        return statistics.median(self.cpus) if self.cpus else 0.0

    def first_series(self) -> "Series":
        """The times to the marker (the first painted frame) as a series of their own."""
        return Series(list(self.firsts))

    @property
    def cpu_median(self) -> float:
        return self.cpu

    def cpu_text(self) -> str:
        """The processor time (user + system), which a loaded machine stretches far less than the wall time."""
        return f"CPU {fmt(self.cpu_median)} ({fmt(min(self.cpus))}–{fmt(max(self.cpus))})"

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def text(self) -> str:
        return f"{fmt(self.median)} ({fmt(min(self.samples))}–{fmt(max(self.samples))})"

    @property
    def peak(self) -> float:
        return max(self.peaks) if self.peaks else 0.0


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def paired(ours: list[str], anchor: list[str] | None, runs: int, env: dict | None = None,
           *, before=None) -> tuple[Series, Series | None]:
    """Alternate anchor and ours after one warm-up of each; ``before`` runs ahead of every sample."""
    a, o = Series(), Series()
    for cmd in ([anchor] if anchor else []) + [ours]:
        if before:
            before()
        run(cmd, env)
    for _ in range(runs):
        if anchor:
            if before:
                before()
            a.add(run(anchor, env))
        if before:
            before()
        o.add(run(ours, env))
    return o, (a if anchor else None)


def interleaved(cmds: list[tuple[list[str], dict]], runs: int, *, before=None,
                marker: bytes | None = None) -> list[Series]:
    """Like ``paired`` for any number of (command, environment): one warm-up each, then ``runs`` rounds
    with every command once per round, the order reversed every other round."""
    out = [Series() for _ in cmds]
    for cmd, env in cmds:
        if before:
            before()
        run(cmd, env, marker=marker)
    for i in range(runs):
        order = list(range(len(cmds)))
        for k in (order if i % 2 == 0 else order[::-1]):
            if before:
                before()
            out[k].add(run(cmds[k][0], cmds[k][1], marker=marker))
    return out


def source_tree(rev: str, dest: Path) -> Path:
    """The program as it was at git revision ``rev`` (its package, resources and ui), to run with
    PYTHONPATH=dest: a before/after comparison inside one paired series."""
    import tarfile
    import io

    if not dest.exists():
        data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "kiemdiem_desktop", "resources", "ui"],
                              capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(dest, filter="data")
    return dest


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def bench_env(tmp: Path) -> dict:
    """The environment of every run: a private data folder, and bytecode cached as on a user's machine
    (an installed package is compiled; the bundle carries its bytecode). The caller's
    PYTHONDONTWRITEBYTECODE would compile every module of the program at each start; the cache goes to
    a folder of the run (PYTHONPYCACHEPREFIX), filled by the warm-up, so the source tree stays clean."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["KIEMDIEM_DATA_DIR"] = str(tmp / "data")
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["PYTHONPATH"] = str(ROOT)
    return env


def meeting_id(db: Path, env: dict) -> str:
    import json

    out = subprocess.run(KIEMDIEM + ["meeting", "list", "--db", str(db), "--json"], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [m for m in json.loads(out) if m["state"] == "locked"][0]["id"]


def demo(tmp: Path, members: int, env: dict, *, finished: bool = True) -> Path:
    """The demo cell of `kiemdiem demo` (the same meeting as the program's demo), made once."""
    db = tmp / f"demo-{members}{'-held' if finished else ''}.kiemdiem"
    if not db.exists():
        cmd = KIEMDIEM + ["demo", "--db", str(db), "--members", str(members)] + (["--finished"] if finished else [])
        run(cmd, env)
    return db
