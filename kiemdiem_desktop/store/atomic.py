"""Write a file so that a crash leaves either the old file or the new one, never half of one."""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Callable, Iterable

from ..i18n import QT_TRANSLATE_NOOP, msg, translate
from .errors import OutputClashError, WriteFailedError

# Files no write in this process may replace: the open data files (and their -wal, -shm, -journal)
# and the inputs of the running command. Key: the resolved path, normalised for case where the
# file system ignores it; value: (what it is, in Vietnamese; (st_dev, st_ino) when it existed).
_protected: dict[str, tuple[str, tuple[int, int] | None]] = {}


def _key(path: Path) -> str:
    try:
        resolved = Path(path).resolve()
    except (OSError, RuntimeError):
        resolved = Path(os.path.abspath(path))
    return os.path.normcase(str(resolved))


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def protect(path: str | os.PathLike, what: str) -> None:
    """No write_atomically in this process may replace ``path`` (refused with ``what`` named)."""
    _protected[_key(Path(path))] = (what, _inode(Path(path)))


def unprotect(path: str | os.PathLike) -> None:
    _protected.pop(_key(Path(path)), None)


def protect_data_file(path: str | os.PathLike) -> None:
    what = translate(QT_TRANSLATE_NOOP("core", "tệp dữ liệu đang mở"))
    protect(path, what)
    for suffix in ("-wal", "-shm", "-journal"):
        protect(f"{path}{suffix}", str(msg(QT_TRANSLATE_NOOP(
            "core", "tệp đi kèm ({suffix}) của tệp dữ liệu đang mở"), suffix=suffix)))


def unprotect_data_file(path: str | os.PathLike) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        unprotect(f"{path}{suffix}")


def clash(target: str | os.PathLike) -> str | None:
    """What ``target`` is, if writing it would replace a protected file; else None."""
    target = Path(target)
    found = _protected.get(_key(target))
    if found:
        return found[0]
    inode = _inode(target)
    if inode is not None:
        for what, other in _protected.values():
            if other == inode:
                return what
    return None


def refuse_clash(target: str | os.PathLike) -> None:
    what = clash(target)
    if what:
        raise OutputClashError(target, what)


def fsync_dir(directory: Path) -> None:
    if sys.platform == "win32":
        return  # directories cannot be opened for fsync on Windows
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_name(target: Path) -> Path:
    """Beside the target, hidden, with this process's id (stale ones are found by it) and a random part
    (nobody can plant a file or a link there in advance)."""
    # os.urandom(6).hex() is secrets.token_hex(6) (the same system source) without importing secrets,
    # which loads hmac and OpenSSL while the window closes its file
    return target.with_name(f".{target.name}.{os.getpid()}.t{os.urandom(6).hex()}.tmp")


def _temp_pid(name: str) -> int | None:
    parts = name[:-len(".tmp")].split(".")
    if len(parts) >= 2 and parts[-1].startswith("t") and parts[-2].isdigit():
        return int(parts[-2])
    if parts and parts[-1].isdigit():           # the older form, without the random part
        return int(parts[-1])
    return None


def _create_temp(tmp: Path, private: bool) -> None:
    """Create tmp exclusively (never through a link or over another file), 0600 when private."""
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(tmp, flags, 0o600 if private else 0o666))


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return False        # checked by age instead (see remove_stale_temps)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temps(folder: Path, name: str = "*") -> int:
    """Remove the temporary files (``.NAME.PID.tmp``, a whole copy of a backup, say) left in ``folder``
    by a process that was killed. Returns how many were removed."""
    import time

    removed = 0
    try:
        if name == "*":
            pattern = name
        else:
            import glob as globbing     # (not when opening a file: its backup folder is searched with "*")

            pattern = globbing.escape(name)
        candidates = list(Path(folder).glob(f".{pattern}.*.tmp"))
    except OSError:
        return 0
    for tmp in candidates:
        pid = _temp_pid(tmp.name)
        if pid is None or pid == os.getpid():
            continue
        if sys.platform == "win32":
            try:
                if time.time() - tmp.stat().st_mtime < 3600:
                    continue
            except OSError:
                continue
        elif _pid_alive(pid):
            continue
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                leftover.unlink()
                removed += leftover == tmp
            except OSError:
                pass
    return removed


_ERRNO_TEXTS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("core", "ổ đĩa đã đầy"),
    getattr(errno, "EDQUOT", -1): QT_TRANSLATE_NOOP("core", "ổ đĩa đã đầy"),
    errno.EACCES: QT_TRANSLATE_NOOP("core", "không có quyền ghi hoặc ổ đĩa chỉ cho đọc"),
    errno.EPERM: QT_TRANSLATE_NOOP("core", "không có quyền ghi hoặc ổ đĩa chỉ cho đọc"),
    errno.EROFS: QT_TRANSLATE_NOOP("core", "ổ đĩa chỉ cho đọc"),
    errno.ENOENT: QT_TRANSLATE_NOOP("core", "thư mục không tồn tại"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("core", "một phần của đường dẫn không phải thư mục"),
    errno.EISDIR: QT_TRANSLATE_NOOP("core", "đó là một thư mục, không phải tệp"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("core", "tên tệp quá dài"),
    errno.EIO: QT_TRANSLATE_NOOP("core", "lỗi đọc ghi ổ đĩa"),
    errno.EFBIG: QT_TRANSLATE_NOOP("core", "tệp quá lớn"),
    errno.EEXIST: QT_TRANSLATE_NOOP("core", "tệp đã có"),
}


def os_error_detail(err: OSError) -> str:
    """Why an operating-system call failed, in Vietnamese."""
    if sys.platform == "win32" and getattr(err, "winerror", None) in (32, 33):
        return translate(QT_TRANSLATE_NOOP("core", "Tệp đang mở trong chương trình khác"))
    text = _ERRNO_TEXTS.get(err.errno) if err.errno is not None else None
    if text:
        return translate(text)
    return str(msg(QT_TRANSLATE_NOOP("core", "lỗi hệ thống số {number}"), number=err.errno or "?"))


def os_error_message(target: Path, err: OSError) -> WriteFailedError:
    return WriteFailedError(msg(QT_TRANSLATE_NOOP(
        "core", "Không ghi được tệp {path}: {detail}. Không có tệp nào bị ghi dở."),
        path=str(target), detail=os_error_detail(err)))


def write_atomically(target: str | os.PathLike, produce: Callable[[Path], None], *, private: bool = False,
                     no_clobber: bool = False) -> Path:
    """``produce(tmp)`` writes the whole content to tmp; then tmp is synced and renamed to target.

    ``private``: tmp is created 0600 before ``produce`` writes to it (``produce`` must write into the
    existing file, not replace it). ``no_clobber``: an existing target is never replaced
    (FileExistsError)."""
    target = Path(target)
    refuse_clash(target)
    tmp = temp_name(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(target.parent, target.name)
        _create_temp(tmp, private)      # private: never a moment readable by others
        produce(tmp)
        fsync_file(tmp)
        if no_clobber:
            _link_new(tmp, target)
        else:
            os.replace(tmp, target)
        fsync_dir(target.parent)
    except FileExistsError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise os_error_message(target, err) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _link_new(tmp: Path, target: Path) -> None:
    """Give tmp the name target, failing (FileExistsError) if target exists, even in a race."""
    try:
        os.link(tmp, target)            # atomic, and never replaces
    except FileExistsError:
        raise
    except OSError:
        # No hard links (FAT on a USB stick): create exclusively, then copy.
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
        try:
            with open(tmp, "rb") as src:
                while chunk := src.read(1 << 20):
                    os.write(fd, chunk)
            os.fsync(fd)
        finally:
            os.close(fd)
    tmp.unlink(missing_ok=True)


def write_bytes_atomically(target: str | os.PathLike, data: bytes, *, private: bool = False,
                           no_clobber: bool = False) -> Path:
    def produce(tmp: Path) -> None:
        with open(tmp, "r+b" if private else "wb") as f:
            f.write(data)

    return write_atomically(target, produce, private=private, no_clobber=no_clobber)


def _syncfs(folder: Path) -> bool:
    """Flush the whole file system holding ``folder`` (Linux syncfs); False where there is none."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        call = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        if call(fd) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code))
    finally:
        os.close(fd)
    return True


def write_many_atomically(items: Iterable[tuple[str | os.PathLike, bytes]], *, batch: int = 128,
                          done: Callable[[Path], None] | None = None) -> list[Path]:
    """Many whole files, each as write_bytes_atomically writes one — after a crash every file is
    its old content or its new one, never half — but synced a batch at a time: the batch's
    temporary files written, the file system flushed once (syncfs; where there is none, each
    file synced), renamed, then each folder synced once. Two fsyncs per file cost ~3 ms each on
    a plain disk: most of the time of the ~500 forms of a large cell. ``items`` is read lazily
    (a batch's bytes at most in memory); ``done(target)`` after each file is in place."""
    out: list[Path] = []
    cleaned: set[Path] = set()
    pending: list[tuple[Path, Path]] = []

    def finish() -> None:
        if not pending:
            return
        current = pending[0][0]          # the file named if this fails
        try:
            folders = list(dict.fromkeys(target.parent for target, _ in pending))
            if not all(_syncfs(f) for f in folders):
                for current, tmp in pending:
                    fsync_file(tmp)
            for current, tmp in pending:
                os.replace(tmp, current)
            for f in folders:
                fsync_dir(f)
        except OSError as err:
            for _, tmp in pending:
                tmp.unlink(missing_ok=True)
            raise os_error_message(current, err) from err
        for target, _ in pending:
            out.append(target)
            if done:
                done(target)
        pending.clear()

    try:
        for target, data in items:
            target = Path(target)
            refuse_clash(target)
            if target.parent not in cleaned:
                target.parent.mkdir(parents=True, exist_ok=True)
                remove_stale_temps(target.parent)
                cleaned.add(target.parent)
            tmp = temp_name(target)
            pending.append((target, tmp))
            try:        # created exclusively, never through a link (as _create_temp), and written
                fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
                             | getattr(os, "O_NOFOLLOW", 0), 0o666)
                try:
                    view = memoryview(data)
                    while view:
                        view = view[os.write(fd, view):]
                finally:
                    os.close(fd)
            except OSError as err:
                raise os_error_message(target, err) from err
            if len(pending) >= batch:
                finish()
        finish()
    except BaseException:
        for _, tmp in pending:
            tmp.unlink(missing_ok=True)
        raise
    return out
