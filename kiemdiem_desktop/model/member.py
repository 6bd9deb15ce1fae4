from __future__ import annotations

from ..i18n import QT_TRANSLATE_NOOP

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum


class PartyPost(str, Enum):
    SECRETARY = "party_secretary"            # bí thư chi bộ
    DEPUTY = "deputy_secretary"              # phó bí thư
    COMMITTEE = "committee_member"           # chi ủy viên
    MEMBER = "member"                        # đảng viên


PARTY_POST_LABELS = {
    PartyPost.SECRETARY: QT_TRANSLATE_NOOP("core", "Bí thư"),
    PartyPost.DEPUTY: QT_TRANSLATE_NOOP("core", "Phó Bí thư"),
    PartyPost.COMMITTEE: QT_TRANSLATE_NOOP("core", "Chi ủy viên"),
    PartyPost.MEMBER: QT_TRANSLATE_NOOP("core", "Đảng viên"),
}


class Gender(str, Enum):
    MALE = "male"
    FEMALE = "female"


GENDER_LABELS = {Gender.MALE: QT_TRANSLATE_NOOP("core", "Nam"), Gender.FEMALE: QT_TRANSLATE_NOOP("core", "Nữ")}


class PeriodKind(str, Enum):
    """Dated periods of DOMAIN.md §4. Admission and official membership are dates on Member."""

    MEMBERSHIP = "membership"            # sinh hoạt tại chi bộ này
    EXEMPTION = "exemption"              # miễn công tác và sinh hoạt đảng
    SUSPENSION = "suspension"            # đình chỉ sinh hoạt đảng
    PROSECUTION = "prosecution"          # bị khởi tố, truy tố, tạm giam
    TEMPORARY_OUT = "temporary_out"      # sinh hoạt tạm thời nơi khác
    TEMPORARY_IN = "temporary_in"        # sinh hoạt tạm thời tại chi bộ này (từ chi bộ khác)
    SICK_LEAVE = "sick_leave"            # nghỉ ốm dài ngày
    MATERNITY_LEAVE = "maternity_leave"  # nghỉ thai sản
    INSPECTION = "inspection"            # đang bị kiểm tra, khiếu nại chưa giải quyết


# States of a member who stays on the roll of the cell (they change the category, or are
# reported, but never take the member off the roll): DOMAIN.md §4.
ON_THE_ROLL_STATES = frozenset({
    PeriodKind.EXEMPTION, PeriodKind.SUSPENSION, PeriodKind.PROSECUTION, PeriodKind.TEMPORARY_OUT,
    PeriodKind.SICK_LEAVE, PeriodKind.MATERNITY_LEAVE, PeriodKind.INSPECTION,
})

PERIOD_LABELS = {
    PeriodKind.MEMBERSHIP: QT_TRANSLATE_NOOP("core", "Sinh hoạt tại chi bộ"),
    PeriodKind.EXEMPTION: QT_TRANSLATE_NOOP("core", "Miễn công tác và sinh hoạt đảng"),
    PeriodKind.SUSPENSION: QT_TRANSLATE_NOOP("core", "Đình chỉ sinh hoạt đảng"),
    PeriodKind.PROSECUTION: QT_TRANSLATE_NOOP("core", "Bị khởi tố, truy tố hoặc tạm giam"),
    PeriodKind.TEMPORARY_OUT: QT_TRANSLATE_NOOP("core", "Sinh hoạt tạm thời nơi khác"),
    PeriodKind.TEMPORARY_IN: QT_TRANSLATE_NOOP("core", "Sinh hoạt tạm thời tại chi bộ"),
    PeriodKind.SICK_LEAVE: QT_TRANSLATE_NOOP("core", "Nghỉ ốm dài ngày"),
    PeriodKind.MATERNITY_LEAVE: QT_TRANSLATE_NOOP("core", "Nghỉ thai sản"),
    PeriodKind.INSPECTION: QT_TRANSLATE_NOOP("core", "Đang bị kiểm tra / khiếu nại chưa giải quyết"),
}


@dataclass
class Period:
    kind: PeriodKind
    start: date
    end: date | None = None    # inclusive; None = still running
    note: str = ""
    id: int | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class DisciplineForm(str, Enum):
    REPRIMAND = "khien_trach"    # khiển trách
    WARNING = "canh_cao"         # cảnh cáo
    DISMISSAL = "cach_chuc"      # cách chức
    EXPULSION = "khai_tru"       # khai trừ


DISCIPLINE_LABELS = {
    DisciplineForm.REPRIMAND: QT_TRANSLATE_NOOP("core", "Khiển trách"),
    DisciplineForm.WARNING: QT_TRANSLATE_NOOP("core", "Cảnh cáo"),
    DisciplineForm.DISMISSAL: QT_TRANSLATE_NOOP("core", "Cách chức"),
    DisciplineForm.EXPULSION: QT_TRANSLATE_NOOP("core", "Khai trừ"),
}


@dataclass
class DisciplineRecord:
    form: DisciplineForm
    decision_date: date
    violation_date: date | None = None
    duty_linked: bool = False            # gắn với thực thi công vụ / nhiệm vụ được giao
    self_detected_remedied: bool = False # tự phát hiện và khắc phục xong hậu quả
    previous_unit: bool = False          # vi phạm tại đơn vị công tác trước
    note: str = ""
    id: int | None = None


def new_id() -> str:
    import uuid     # here: the window starts without it (ids of stored rows come from the file)

    return str(uuid.uuid4())


@dataclass
class Member:
    full_name: str
    birth_date: date | None = None
    gender: Gender | None = None
    admission_date: date | None = None     # ngày vào Đảng
    official_date: date | None = None      # ngày chính thức
    card_number: str = ""                  # số thẻ đảng viên
    party_post: PartyPost = PartyPost.MEMBER
    government_post: str = ""              # chức vụ chính quyền / đoàn thể
    work_unit: str = ""                    # đơn vị công tác
    quota_group: str = ""                  # nhóm tính tỷ lệ HTXSNV; "" = the cell's one group
    last_year_level: str = ""              # EXCELLENT / GOOD / COMPLETED / NOT_COMPLETED
    # When a roster gives only "Loại đảng viên" without dates: what it said, and on which day.
    declared_type: str = ""                # "official" / "probationary" / ""
    declared_on: date | None = None
    note: str = ""
    periods: list[Period] = field(default_factory=list)
    discipline: list[DisciplineRecord] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def periods_of(self, kind: PeriodKind) -> list[Period]:
        return [p for p in self.periods if p.kind == kind]

    def left_on(self) -> date | None:
        """The day the member left the cell ("ngày chuyển đi"), when no membership period is
        still running: the day after the last one ends (a period's end is its last day here).
        From that day the member no longer counts as "đang sinh hoạt"."""
        ms = self.periods_of(PeriodKind.MEMBERSHIP)
        if not ms or any(p.end is None for p in ms):
            return None
        return max(p.end for p in ms if p.end is not None) + timedelta(days=1)

    def states_off_the_roll(self) -> list["Period"]:
        """Exemption, suspension, prosecution, temporary activity elsewhere, leave or inspection
        running after the member's membership here ended: these are states of a member who stays
        on the roll (DOMAIN.md §4), so such a period means the membership was ended by mistake."""
        left = self.left_on()
        if left is None:
            return []
        return [p for p in self.periods if p.kind in ON_THE_ROLL_STATES and (p.end is None or p.end >= left)]
