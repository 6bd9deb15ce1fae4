"""Demo data: a plausible cell, written only into a new file marked as demo."""
from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

from .model import (
    Cell, DisciplineForm, DisciplineRecord, Gender, Meeting, Member, PartyPost, Period, PeriodKind,
)
from .model.category import add_months
from .store import repositories as repo

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương"]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Công", "Xuân", "Ngọc", "Đình"]
MIDDLE_FEMALE = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Bích", "Phương", "Kim", "Diệu"]
GIVEN_MALE = ["Hùng", "Dũng", "Tuấn", "Cường", "Hải", "Long", "Thắng", "Quang", "Bình", "Đạt", "Khải",
              "Nghĩa", "Phúc", "Sơn", "Trung", "Việt", "Vinh", "Hiếu", "Toàn", "Lộc"]
GIVEN_FEMALE = ["Hương", "Lan", "Hà", "Mai", "Ngọc", "Thảo", "Trang", "Yến", "Hằng", "Nga", "Oanh",
                "Quyên", "Uyên", "Ánh", "Diệp", "Giang", "Huyền", "Liên", "Nhung", "Xuân"]
UNITS = ["Phòng Tổ chức – Hành chính", "Phòng Kế hoạch – Tài chính", "Phòng Nghiệp vụ",
         "Phòng Thanh tra", "Văn phòng"]
POSTS = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên chính", "Chuyên viên", "Kế toán viên", "Cán sự"]


def demo_members(count: int, today: date, seed: int = 2025) -> list[Member]:
    rnd = random.Random(seed + count)
    members: list[Member] = []
    used: set[str] = set()
    for i in range(count):
        female = rnd.random() < 0.45
        while True:
            name = " ".join([rnd.choice(FAMILY), rnd.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
                             rnd.choice(GIVEN_FEMALE if female else GIVEN_MALE)])
            if name not in used or len(used) > 3000:
                used.add(name)
                break
        birth = date(rnd.randint(1966, 1998), rnd.randint(1, 12), rnd.randint(1, 28))
        admission = date(max(birth.year + 19, 1990) + rnd.randint(0, 8), rnd.randint(1, 12), rnd.randint(1, 28))
        admission = min(admission, today - timedelta(days=800))
        post = PartyPost.MEMBER
        if i == 0:
            post = PartyPost.SECRETARY
        elif i == 1:
            post = PartyPost.DEPUTY
        elif i == 2 and count >= 9:
            post = PartyPost.COMMITTEE
        m = Member(
            full_name=name, birth_date=birth, gender=Gender.FEMALE if female else Gender.MALE,
            admission_date=admission, official_date=add_months(admission, 12),
            card_number=f"{rnd.randint(10, 99)}.{i + 1:06d}", party_post=post,
            government_post=POSTS[min(i, len(POSTS) - 1)] if i < 3 else rnd.choice(POSTS[2:]),
            work_unit=rnd.choice(UNITS), last_year_level=rnd.choice(["GOOD", "GOOD", "GOOD", "EXCELLENT", "COMPLETED"]),
            periods=[Period(PeriodKind.MEMBERSHIP, admission + timedelta(days=rnd.randint(0, 2000)))])
        m.periods[0].start = min(m.periods[0].start, today - timedelta(days=400))
        members.append(m)

    def special(index: int, fn) -> None:
        if index < count:
            fn(members[index])

    def probationary(m: Member) -> None:   # admitted 8 months ago: reviewed and rated, does not vote
        m.admission_date, m.official_date = add_months(today, -8), None
        m.periods[0].start = m.admission_date
        m.card_number = ""

    def recent(m: Member) -> None:         # admitted 3 months ago: not reviewed here yet
        m.admission_date, m.official_date = add_months(today, -3), None
        m.periods[0].start = m.admission_date
        m.card_number = ""

    def maternity(m: Member) -> None:
        m.gender = Gender.FEMALE
        m.periods.append(Period(PeriodKind.MATERNITY_LEAVE, add_months(today, -2), add_months(today, 4)))

    def elsewhere(m: Member) -> None:
        m.periods.append(Period(PeriodKind.TEMPORARY_OUT, add_months(today, -5), add_months(today, 7),
                                "Biệt phái về Sở Kế hoạch và Đầu tư"))

    def disciplined(m: Member) -> None:   # decided in the rating year (today's year)
        decided = max(add_months(today, -4), date(today.year, 1, 1))
        m.discipline.append(DisciplineRecord(DisciplineForm.REPRIMAND, decided,
                                             add_months(decided, -2), duty_linked=True,
                                             note="Chậm triển khai nhiệm vụ được giao"))

    def exempted(m: Member) -> None:
        m.birth_date = date(1962, 5, 19)
        m.periods.append(Period(PeriodKind.EXEMPTION, add_months(today, -14), None, "Tuổi cao, sức yếu"))

    special(5, probationary)
    special(7, recent)
    special(4, maternity)
    special(9, elsewhere)
    special(6, disciplined)
    special(10, exempted)
    return members


def demo_cell(count: int) -> Cell:
    return Cell(name="Chi bộ Văn phòng Sở", higher_org="Đảng bộ Sở Nội vụ", code="CB-VP",
                is_grassroots=False, has_committee=count >= 9, locality="Hà Nội")


def fill_demo(conn: sqlite3.Connection, count: int, today: date, finished: bool = False) -> list[Member]:
    """Runs on the writer thread, in one transaction. Returns the members in the order made.
    With ``finished`` the meeting is left to demo_meeting (held through the session code)."""
    repo.set_meta(conn, "is_demo", "1")
    repo.save_cell(conn, demo_cell(count))
    members = demo_members(count, today)
    repo.save_members(conn, members)
    if not finished:
        repo.save_meeting(conn, Meeting(rating_year=today.year, meeting_date=date(today.year, 12, 10),
                                        place="Phòng họp tầng 3", document_number=""))
    return members
