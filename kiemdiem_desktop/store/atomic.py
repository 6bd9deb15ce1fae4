"""Write a file so that a crash leaves either the old file or the new one, never half of one."""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Callable

from ..i18n import QT_TRANSLATE_NOOP, UserError, msg


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
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def os_error_message(target: Path, err: OSError) -> UserError:
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        detail = QT_TRANSLATE_NOOP("core", "ổ đĩa đã đầy")
    elif err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        detail = QT_TRANSLATE_NOOP("core", "không có quyền ghi hoặc ổ đĩa chỉ cho đọc")
    elif sys.platform == "win32" and getattr(err, "winerror", None) in (32, 33):
        detail = QT_TRANSLATE_NOOP("core", "Tệp đang mở trong chương trình khác")
    else:
        detail = err.strerror or str(err)
    return UserError(msg(QT_TRANSLATE_NOOP(
        "core", "Không ghi được tệp {path}: {detail}. Không có tệp nào bị ghi dở."),
        path=str(target), detail=detail))


def write_atomically(target: str | os.PathLike, produce: Callable[[Path], None], *, private: bool = False) -> Path:
    """``produce(tmp)`` writes the whole content to tmp; then tmp is synced and renamed to target."""
    target = Path(target)
    tmp = temp_name(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        produce(tmp)
        if private and sys.platform != "win32":
            os.chmod(tmp, 0o600)
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise os_error_message(target, err) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_bytes_atomically(target: str | os.PathLike, data: bytes, *, private: bool = False) -> Path:
    return write_atomically(target, lambda tmp: Path(tmp).write_bytes(data), private=private)
