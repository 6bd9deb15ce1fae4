"""A second process that turns documents' content into PDF files while this one writes the others
(issue 15: ``build_documents`` of a large meeting on a machine with two cores or more).

The worker is this program itself started with ``--render-worker`` (``__main__`` hands it here before
importing anything else; the bundle's executable the same way, so no ``multiprocessing`` is needed and
the bundle keeps leaving it out). It reads no data file: it is given only the content built here —
``DocumentBlocks``, plain data — with the target path and the marking, pickled on its standard input,
and writes each file with the one PDF renderer (render.write_pdf: the very bytes this process would
write, atomically). For each job it answers, pickled on its standard output, the path written or the
error raised (the same exception, so the same Vietnamese message). A "stop" makes it finish the file
under way and skip the rest: a file is whole or absent, never half written.

Frames on both pipes: an 8-byte little-endian length, then the pickle."""
from __future__ import annotations

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from pathlib import Path

FLAG = "--render-worker"       # __main__.py checks for it before anything else
_LEN = struct.Struct("<Q")
_STOP = "stop"


def usable_cores() -> int:
    """The processors this process may run on (a CPU affinity or a container's limit counts)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):       # Windows, macOS
        return os.cpu_count() or 1


# -- frames ------------------------------------------------------------------------------------
def _write(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LEN.pack(len(data)) + data)
    stream.flush()


def _read_bytes(stream) -> bytes | None:
    head = stream.read(_LEN.size)
    if len(head) < _LEN.size:
        return None
    (n,) = _LEN.unpack(head)
    data = stream.read(n)
    return data if len(data) == n else None


# -- the worker's side ---------------------------------------------------------------------------
def serve() -> int:
    """The worker's main loop: jobs (key, blocks, target, marking) in, (key, path | exception) out."""
    # the pipes the program opened (a windowed executable may have no sys.stdin / sys.stdout objects)
    jobs_in = sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb")
    out = sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb")
    sys.stdout = sys.stderr           # a stray print must never corrupt the answers
    jobs: queue.Queue = queue.Queue()

    def read() -> None:               # reads ahead, so a "stop" is seen while a file is being written
        while True:
            data = _read_bytes(jobs_in)
            if data is None:
                jobs.put(None)
                return
            job = pickle.loads(data)
            if job == _STOP:
                stopped.set()
            jobs.put(job)
    stopped = threading.Event()
    threading.Thread(target=read, name="kiemdiem-render-jobs", daemon=True).start()
    from .render import write_pdf

    while True:
        job = jobs.get()
        if job is None or job == _STOP or stopped.is_set():
            return 0
        key, blocks, target, marking = job
        try:
            answer = (key, str(write_pdf(blocks, target, marking)), None)
        except BaseException as err:  # noqa: BLE001 - handed back to the program that asked
            answer = (key, None, _portable(err))
        del blocks, job
        _write(out, answer)


def _portable(err: BaseException) -> BaseException:
    """The exception itself when it survives pickling (a UserError with its Vietnamese message, an
    OSError), else a RuntimeError with its text."""
    try:
        back = pickle.loads(pickle.dumps(err))
        if str(back) == str(err):
            return err
    except Exception:  # noqa: BLE001 - any exception that cannot travel
        pass
    return RuntimeError(str(err))


# -- this program's side -------------------------------------------------------------------------
def worker_command() -> list[str]:
    if getattr(sys, "frozen", False):      # the bundle: its executable is the program
        return [sys.executable, FLAG]
    return [sys.executable, "-P", "-m", "kiemdiem_desktop", FLAG]   # -P: not the working folder's modules


class WorkerGone(Exception):
    """The worker could not start or ended without answering: its files are written here instead."""


class RenderWorker:
    """One worker process: ``submit`` PDF jobs (never blocks), ``done()`` the answers received so far,
    ``wait()`` the next one; ``close()`` lets it finish the file under way and end."""

    def __init__(self) -> None:
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parent.parent.parent)
        if not getattr(sys, "frozen", False):          # where this program's package is, first
            env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)          # no console window on Windows
        try:
            self.proc = subprocess.Popen(worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, env=env, creationflags=flags)
        except OSError as err:
            raise WorkerGone(str(err)) from err
        self.pending: dict[str, tuple] = {}          # key → (blocks, target, marking) until answered
        self._answers: queue.Queue = queue.Queue()
        self._outbox: queue.Queue = queue.Queue()
        self.gone = False
        threading.Thread(target=self._send, name="kiemdiem-render-send", daemon=True).start()
        threading.Thread(target=self._receive, name="kiemdiem-render-receive", daemon=True).start()

    def _send(self) -> None:
        stream = self.proc.stdin
        while True:
            data = self._outbox.get()
            try:
                if data is None:
                    stream.close()
                    return
                stream.write(data)
                stream.flush()
            except OSError:         # the worker has ended: its jobs are done here (WorkerGone)
                return

    def _receive(self) -> None:
        stream = self.proc.stdout
        while True:
            try:
                data = _read_bytes(stream)
            except OSError:
                data = None
            if data is None:
                self._answers.put(None)
                return
            self._answers.put(pickle.loads(data))

    def submit(self, key: str, blocks, target: Path, marking) -> None:
        self.pending[key] = (blocks, Path(target), marking)
        data = pickle.dumps((key, blocks, str(target), marking), protocol=pickle.HIGHEST_PROTOCOL)
        self._outbox.put(_LEN.pack(len(data)) + data)

    def _take(self, answer) -> list[tuple[str, Path | None, BaseException | None]]:
        if answer is None:            # it ended: what it was given is still in ``pending``
            self.gone = True
            return []
        key, path, err = answer
        self.pending.pop(key, None)
        return [(key, (Path(path) if path else None), err)]

    def done(self) -> list[tuple[str, Path | None, BaseException | None]]:
        """The answers already received: (key, path, None) or (key, None, the worker's exception)."""
        out = []
        while not self.gone:
            try:
                answer = self._answers.get_nowait()
            except queue.Empty:
                break
            out += self._take(answer)
        return out

    def wait(self) -> list[tuple[str, Path | None, BaseException | None]]:
        """The next answer (none when the worker has ended)."""
        return [] if self.gone else self._take(self._answers.get())

    def close(self, stop: bool = False) -> None:
        """End the worker: at once after the file under way (``stop``), or after its jobs."""
        if stop:
            data = pickle.dumps(_STOP)
            self._outbox.put(_LEN.pack(len(data)) + data)
        self._outbox.put(None)
        try:
            self.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:       # never seen: a hung worker is not left behind
            self.proc.kill()
            self.proc.wait()
        for stream in (self.proc.stdout,):
            if stream:
                stream.close()
