"""The demo cell (`kiemdiem demo`, the first-run screen's "Dùng dữ liệu mẫu"): a new file marked
as demo data, with a held, adopted and locked meeting when asked."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..demo import fill_demo
from ..demo_meeting import hold_demo_meeting
from ..i18n import QT_TRANSLATE_NOOP, UserError, msg
from ..store.database import Database
from . import CellFile


def create_demo(path: str | os.PathLike, *, members: int = 12, finished: bool = False,
                today: date | None = None) -> CellFile:
    """A new file marked as demo data. Demo data never enters an existing (real) file."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise UserError(msg(QT_TRANSLATE_NOOP(
            "core", "Tệp {path} đã có. Dữ liệu mẫu chỉ được ghi vào một tệp mới."), path=str(path)))
    if finished and members < 3:
        raise UserError(msg(QT_TRANSLATE_NOOP(
            "core", "Cuộc họp mẫu đã họp cần ít nhất 3 đảng viên (chủ trì, thư ký và người được kiểm điểm).")))
    today = today or date.today()
    db = Database(path, create=True)
    roster = db.write(fill_demo, members, today, finished).result()
    cf = CellFile(db)
    if finished:
        hold_demo_meeting(cf, roster, today)
    return cf
