"""The history of a meeting after its first lock, in words (DOMAIN.md §7 Revisions).

``describe_changes`` turns the row changes of one edit made while the minutes were reopened
into lines a clerk reads — the field, where, the old and the new value — stored with the
history row when the edit is written. ``revisions`` reads the append-only history back into
one fact per revision: when it was locked, and for revision 2 onward when and why the
minutes were reopened; the documents print these (a sentence in the minutes, the foot line).
No Qt, no clock: everything comes from the stored rows.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable

# What a column is called in the window (Vietnamese, as in the guide). Columns not listed are
# bookkeeping (the current step, the state, positions) and are not described.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "agenda_step": {"report": "Nội dung trình bày", "answer": "Tiếp thu, giải trình",
                    "conclusion": "Kết luận của chủ trì", "notes": "Ghi chú", "title": "Tên mục",
                    "chair_id": "Người chủ trì", "started_at": "Giờ bắt đầu", "finished_at": "Giờ kết thúc"},
    "meeting": {"place": "Địa điểm", "document_number": "Số biên bản", "start_time": "Giờ khai mạc",
                "end_time": "Giờ bế mạc", "chair_id": "Chủ trì", "minute_taker_id": "Thư ký",
                "meeting_date": "Ngày họp"},
    "comment": {"text": "Ý kiến", "speaker_name": "Người phát biểu", "spoken_at": "Giờ phát biểu"},
    "attendance": {"status": "Điểm danh", "reason": "Lý do vắng", "arrived_at": "Giờ đến", "left_at": "Giờ về"},
    "self_review": {"summary": "Tóm tắt bản tự kiểm điểm", "general_score": "Điểm chung tự chấm",
                    "task_score": "Điểm nhiệm vụ tự chấm", "proposed_level": "Mức tự xếp loại"},
    "written_comment": {"text": "Ý kiến bằng văn bản"},
    "vote": {"yes": "Tán thành", "no": "Không tán thành", "abstain": "Không biểu quyết", "taken_at": "Giờ biểu quyết",
             "question": "Câu hỏi biểu quyết"},
    "vote_level": {"count": "Số phiếu"},
    "rating": {"accepted_general": "Điểm chung chi bộ chấp nhận", "accepted_task": "Điểm nhiệm vụ chi bộ chấp nhận",
               "score_change_reason": "Lý do đổi điểm", "justifications": "Lý do giữ mức đã biểu quyết"},
    "delegate": {"name": "Đại biểu", "title": "Chức vụ đại biểu"},
    "ballot": {"issued": "Phiếu phát ra", "returned": "Phiếu thu vào", "valid": "Phiếu hợp lệ",
               "invalid": "Phiếu không hợp lệ"},
}
TABLE_LABELS = {"agenda_step": "mục", "comment": "ý kiến", "attendance": "điểm danh", "delegate": "đại biểu",
                "written_comment": "ý kiến bằng văn bản", "vote": "biểu quyết", "ballot": "kiểm phiếu",
                "self_review": "bản tự kiểm điểm", "rating": "xếp loại", "vote_level": "số phiếu"}
CUT = 300        # a long text is cut in the history line (the whole text stays in the detail)


def plain_value(column: str, v: Any, names: dict[str, str] | None = None) -> Any:
    """A stored value as the window shows it: a member's name for an id, a level's or a
    presence's words for its code (never a UUID or an English code in the history)."""
    from ..model.attendance import PRESENCE_LABELS, Presence
    from ..model.levels import LEVEL_LABELS, Level

    if v in (None, ""):
        return v
    if column.endswith("_id") and names is not None:
        return names.get(str(v), "(người khác)")
    if column == "status":
        try:
            return PRESENCE_LABELS[Presence(v)]
        except (ValueError, KeyError):
            return v
    if column == "proposed_level":
        try:
            return LEVEL_LABELS[Level(v)]
        except (ValueError, KeyError):
            return v
    return v


def _value(v: Any) -> str:
    if v is None or v == "":
        return "(trống)"
    text = str(v).replace("\n", " ").strip()
    if len(text) > CUT:
        text = text[:CUT].rstrip() + "…"
    return f"“{text}”"


def describe_changes(changes: Iterable[Any], befores: Iterable[dict | None],
                     where: Callable[[str, dict], str] = lambda table, key: "",
                     names: dict[str, str] | None = None) -> list[str]:
    """One line per field changed: "Ghi chú (mục 8. Bế mạc): “cũ” thành “mới”". ``changes`` are
    RowChange-like (table, key, values), ``befores`` the rows as they were (None: no row);
    ``where(table, key)`` names the row ("mục 8. Bế mạc", "ý kiến của đồng chí …")."""
    lines: list[str] = []
    for c, before in zip(changes, befores):
        labels = FIELD_LABELS.get(c.table, {})
        place = where(c.table, c.key)
        at = f" ({place})" if place else ""
        if c.values is None:
            if before is not None:
                lines.append(f"Xóa {TABLE_LABELS.get(c.table, 'dòng')}{at}"
                             + (f": {_value(next((before.get(k) for k in labels if before.get(k)), ''))}"
                                if labels else ""))
            continue
        if before is None:
            shown = [k for k in labels if c.values.get(k) not in (None, "")]
            if shown:
                lines.append(f"Thêm {TABLE_LABELS.get(c.table, 'dòng')}{at}: "
                             + "; ".join(f"{labels[k]} {_value(plain_value(k, c.values[k], names))}" for k in shown))
            continue
        for column, new in c.values.items():
            old = before.get(column)
            if column not in labels or old == new or (old in (None, "") and new in (None, "")):
                continue
            lines.append(f"{labels[column]}{at}: {_value(plain_value(column, old, names))} thành "
                         f"{_value(plain_value(column, new, names))}")
    return lines


def history_detail(changes: Iterable[Any], befores: Iterable[dict | None], lines: list[str]) -> str:
    """What a "change" history row keeps: the lines in words, and every row change with the
    values before and after (JSON, for anyone who checks)."""
    rows = [[c.table, c.key, c.values, b if c.values is None or b is None else {k: b.get(k) for k in c.values}]
            for c, b in zip(changes, befores)]
    return json.dumps({"text": lines, "changes": rows}, ensure_ascii=False)


def detail_lines(detail: str) -> list[str]:
    """The lines in words of a history row's detail ([] for older rows, which kept only the changes)."""
    try:
        data = json.loads(detail or "")
    except ValueError:
        return []
    return [str(x) for x in data.get("text", [])] if isinstance(data, dict) else []


@dataclass(frozen=True)
class Revision:
    """One locked revision: its number, when it was locked, and (from 2 on) when and why the
    minutes had been reopened before it."""

    number: int
    locked_at: str             # ISO local time of the lock, "" if not locked yet
    reopened_at: str = ""
    reason: str = ""

    @property
    def locked_on(self) -> str:
        return format_day(self.locked_at)

    @property
    def reopened_on(self) -> str:
        return format_day(self.reopened_at)


def format_day(iso: str) -> str:
    """"2025-12-10T11:20:05" -> "10/12/2025"."""
    try:
        return datetime.fromisoformat(iso).strftime("%d/%m/%Y")
    except (TypeError, ValueError):
        return ""


def format_moment(iso: str) -> str:
    """"2025-12-10T11:20:05" -> "11 giờ 20 ngày 10/12/2025"."""
    try:
        t = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return ""
    return f"{t.hour} giờ {t.minute:02d} ngày {t:%d/%m/%Y}"


def revisions(history: list[dict]) -> list[Revision]:
    """Every revision in order, from the history rows (oldest first). A reopening not yet
    followed by a lock is the last item, with ``locked_at`` "" and the next number."""
    out: list[Revision] = []
    reopened_at, reason = "", ""
    for h in history:
        if h.get("action") == "reopen":
            reopened_at, reason = h.get("at", ""), h.get("why", "")
        elif h.get("action") == "lock":
            out.append(Revision(int(h.get("revision") or len(out) + 1), h.get("at", ""), reopened_at, reason))
            reopened_at, reason = "", ""
    if reopened_at:
        out.append(Revision(len(out) + 1, "", reopened_at, reason))
    return out


def revision_sentences(history: list[dict]) -> list[str]:
    """The minutes' account of the reopenings (none while the minutes were never reopened)."""
    revs = revisions(history)
    out = []
    for prev, rev in zip(revs, revs[1:]):
        text = (f"Biên bản đã được thông qua và khóa ngày {prev.locked_on} (bản chính thức lần {prev.number}); "
                f"được mở lại lúc {format_moment(rev.reopened_at)} để sửa, lý do: {rev.reason.rstrip(' .')}")
        text += (f"; khóa lại ngày {rev.locked_on} thành bản sửa đổi lần {rev.number}." if rev.locked_at
                 else "; đang sửa, chưa khóa lại.")
        out.append(text)
    return out
