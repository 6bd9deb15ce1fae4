"""Word forms handed out before the meeting (DOMAIN.md §6–§7): Mẫu 2A (with a leadership post),
2B (without), 2C (outside the political system), each pre-filled with the member's identity, and a
Mẫu 01 skeleton (the collective's report). Vietnamese, never translated.

Built as DocumentBlocks (content.py: Line, FillLines, CheckBoxes, Columns — the Party header and the
signatures as borderless two-column blocks) and rendered by render_docx (Times New Roman 14, A4,
margins 20/20/30/15 mm); render_pdf renders the same blocks. For the ~500 forms of a large cell each
form kind is rendered once with placeholders and filled per member (docx_fill.py)."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Callable, Iterable

from ..model import Category, Member, PartyPost
from ..model.levels import LEVEL_LABELS
from ..model.member import PARTY_POST_LABELS
from ..rules.attendance import eligibility
from ..rules.majority import LEVELS_TOP_DOWN
from ..store.atomic import write_many_atomically
from ..vn.text import fold, nfc
from .common import BLANK, POST_ORDER, date_vn, slug
from .content import BOX, CheckBoxes, Columns, DocumentBlocks, FillLines, Line, TableBlock
from .render import docx_bytes, write_docx
from .text import Marking

WORD_FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15
SPACING = 1.15                 # the forms' line spacing (Word's multiple), tighter than the minutes'
NO_MARKING = Marking(draft=False)   # a form to fill by hand says neither DỰ THẢO nor a revision
Progress = Callable[[Path], None]

FORM_SUBTITLES = {
    "2A": "(Dùng cho cán bộ, đảng viên giữ chức vụ lãnh đạo, quản lý)",
    "2B": "(Dùng cho đảng viên không giữ chức vụ lãnh đạo, quản lý)",
    "2C": "(Dùng cho đảng viên không công tác trong hệ thống chính trị: nghỉ hưu, học sinh, sinh viên, "
          "làm việc ngoài khu vực nhà nước…)",
}
# words of a government post that make it a leadership or management post
_LEADER_WORDS = ("truong", "pho", "giam doc", "chu tich", "chanh", "chu nhiem", "bi thu", "tong bien tap")


def has_leadership_post(member: Member) -> bool:
    post = f" {fold(member.government_post)} "
    return any(f" {w} " in post or post.strip().startswith(w) for w in _LEADER_WORDS)


def form_for(member: Member, outside_system: bool = False) -> str:
    """2A for bí thư, phó bí thư, chi ủy viên or a leadership post; 2C when asked (the model has no
    setting for members outside the political system yet); otherwise 2B."""
    if member.party_post != PartyPost.MEMBER or has_leadership_post(member):
        return "2A"
    return "2C" if outside_system else "2B"


# -- the content ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MemberFields:
    """What a Mẫu 2A/2B/2C says of its member (the rest is the meeting's)."""
    full_name: str
    birth_date: str
    party_post: str
    government_post: str
    work_unit: str

    @classmethod
    def of(cls, member: Member) -> "MemberFields":
        return cls(full_name=member.full_name or "", birth_date=date_vn(member.birth_date),
                   party_post=PARTY_POST_LABELS[member.party_post],
                   government_post=member.government_post or BLANK, work_unit=member.work_unit or BLANK)

    @classmethod
    def placeholders(cls) -> "MemberFields":
        from .docx_fill import placeholder

        return cls(**{f.name: placeholder(f.name) for f in fields(cls)})

    def values(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _line(text: str = "", style: str = "", **layout) -> Line:
    layout.setdefault("spacing", SPACING)
    return Line.of(nfc(text), style, **layout)


def _lines(n: int = 3) -> FillLines:
    return FillLines(n, spacing=SPACING)


def _item(doc: DocumentBlocks, text: str, style: str = "", lines: int = 3) -> None:
    doc.add(_line(text, style, space_after=2))
    if lines:
        doc.add(_lines(lines))


def _header(doc: DocumentBlocks, session, form_label: str, number_suffix: str | None = None) -> None:
    """The form's label at the right, then the Party header: left the organisation, right the
    Party's name and the date line to fill in (the year printed)."""
    cell = session.cell
    if form_label:
        doc.add(_line(form_label, "b", size=13, align="right", space_after=0))
    left = [_line((cell.higher_org or f"ĐẢNG BỘ {BLANK}").upper(), align="center"),
            _line((cell.name or f"CHI BỘ {BLANK}").upper(), "b", align="center", space_after=0),
            _line("*", align="center", space_after=0)]
    if number_suffix:
        left.append(_line(f"Số        -{number_suffix}", align="center", space_after=0))
    right = [_line("ĐẢNG CỘNG SẢN VIỆT NAM", "bu", size=15, align="center"),
             _line(f"{BLANK}, ngày {BLANK} tháng {BLANK} năm {session.meeting.rating_year}", "i",
                   align="center", space_after=0)]
    doc.add(Columns(left, right, left_share=0.42), _line(space_after=6))


def _self_rating(doc: DocumentBlocks, session) -> None:
    """B. TỰ ĐÁNH GIÁ, XẾP LOẠI: points (366) or the four criteria graded (124), then the level proposed."""
    rules = session.rules
    doc.add(_line("B. TỰ ĐÁNH GIÁ, XẾP LOẠI", "b", space_after=2))
    sc = rules.data.get("scoring", {})
    if rules.scoring_kind == "points":
        g, t, total = sc.get("general_max", 30), sc.get("task_max", 70), sc.get("total_max", 100)
        doc.add(_line(f"1. Tự chấm điểm ({rules.regulation_code}):", "b", space_after=2),
                _line(f"- Điểm các tiêu chí chung: {BLANK}/{g} điểm.", space_after=2),
                _line(f"- Điểm kết quả thực hiện nhiệm vụ: {BLANK}/{t} điểm.", space_after=2),
                _line(f"- Tổng điểm: {BLANK}/{total} điểm.", space_after=2))
    else:
        criteria = sc.get("criteria", [])
        grades = sc.get("grades", ["Xuất sắc", "Tốt", "Trung bình", "Kém"])
        doc.add(_line(f"1. Tự đánh giá các tiêu chí ({rules.regulation_code}):", "b", space_after=2))
        doc.add(TableBlock(header=["Tiêu chí", *grades], rows=[[nfc(c), *[BOX] * len(grades)] for c in criteria],
                           widths_mm=[65] + [(TEXT_WIDTH_MM - 65) / len(grades)] * (len(grades) - 1),
                           left_columns=(0,), font_size=13))
    doc.add(_line("2. Đề xuất mức xếp loại (đánh dấu X vào một ô):", "b", space_after=2),
            CheckBoxes([LEVEL_LABELS[lv] for lv in LEVELS_TOP_DOWN], indent_mm=8, spacing=SPACING))


def _signature(doc: DocumentBlocks, left_lines: list[tuple[str, str]], right_title: list[str], name: str) -> None:
    left = [_line(text, style, size=12, space_after=3) for text, style in left_lines]
    right = [_line(t, "b", align="center") for t in right_title]
    right.append(_line("(Ký, ghi rõ họ tên)", "i", size=13, align="center"))
    right += [_line(space_after=0) for _ in range(3)]
    right.append(_line(name or "", "b", align="center"))
    doc.add(_line(space_after=0), Columns(left, right, left_share=0.45))


def self_review_blocks(session, who: MemberFields, form: str) -> DocumentBlocks:
    """Mẫu 2A/2B/2C pre-filled with the member's identity (``who``: MemberFields.of(member), or the
    placeholders of a template)."""
    if form not in FORM_SUBTITLES:
        raise ValueError(form)
    year = session.meeting.rating_year
    doc = DocumentBlocks(nfc(f"Mẫu {form} — {who.full_name} — năm {year}"))
    _header(doc, session, f"Mẫu {form}")
    doc.add(_line(f"BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN – Năm {year}", "b", align="center", space_after=0),
            _line(FORM_SUBTITLES[form], "i", align="center", size=13, space_after=8),
            Line([("Họ và tên: ", ""), (nfc(who.full_name), "b"), ("        Ngày sinh: ", ""),
                  (who.birth_date, "")], spacing=SPACING, space_after=2),
            _line(f"Chức vụ đảng: {who.party_post}.", space_after=2))
    if form == "2C":
        doc.add(_line(f"Nơi làm việc (nếu có) / nơi cư trú: {who.work_unit}.", space_after=2))
    else:
        doc.add(_line(f"Chức vụ chính quyền, đoàn thể: {who.government_post}.", space_after=2),
                _line(f"Đơn vị công tác: {who.work_unit}.", space_after=2))
    org = session.cell.name or f"Chi bộ {BLANK}"
    doc.add(_line(f"Sinh hoạt tại chi bộ: {org}" + (f", {session.cell.higher_org}" if session.cell.higher_org else "")
                  + ".", space_after=8))

    doc.add(_line("A. NỘI DUNG KIỂM ĐIỂM", "b", space_after=2),
            _line("I. Ưu điểm, kết quả đạt được", "b", space_after=2))
    _item(doc, "1. Về phẩm chất chính trị, đạo đức, lối sống, ý thức tổ chức kỷ luật, tác phong, lề lối làm việc:")
    _item(doc, "2. Về kết quả thực hiện chức trách, nhiệm vụ được giao"
          + (" (nhiệm vụ chi bộ giao, nơi cư trú, phù hợp sức khỏe và độ tuổi):" if form == "2C" else ":"))
    n = 3
    if form == "2A":
        _item(doc, "3. Về thực hiện chức trách, nhiệm vụ lãnh đạo, quản lý: kết quả lãnh đạo, chỉ đạo ở cơ quan, "
                   f"đơn vị được giao phụ trách (tỷ lệ hoàn thành nhiệm vụ của đơn vị: {BLANK}%); kết quả đánh giá, "
                   "xếp loại các đơn vị thuộc quyền; việc thực hiện trách nhiệm nêu gương; kết quả lấy phiếu tín "
                   "nhiệm (nếu có):")
        n = 4
    _item(doc, f"{n}. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm:")
    doc.add(_line("II. Hạn chế, khuyết điểm và nguyên nhân", "b", space_after=2))
    _item(doc, "1. Hạn chế, khuyết điểm (theo từng nội dung của mục I):")
    _item(doc, "2. Nguyên nhân của hạn chế, khuyết điểm:")
    _item(doc, "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được "
               "chỉ ra ở các kỳ kiểm điểm trước", "b")
    _item(doc, "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)", "b")
    _item(doc, "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể"
          + (" lãnh đạo, quản lý" if form == "2A" else "") + " (nếu có)", "b")
    _item(doc, "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", "b")
    _self_rating(doc, session)
    _signature(doc, [], ["NGƯỜI TỰ KIỂM ĐIỂM"], who.full_name)
    return doc


def collective_report_blocks(session) -> DocumentBlocks:
    """Mẫu 01 skeleton: the collective's review report, the same parts for the collective."""
    year = session.meeting.rating_year
    who = "chi ủy" if session.cell.has_committee else "chi bộ"
    doc = DocumentBlocks(nfc(f"Mẫu 01 — báo cáo kiểm điểm tập thể năm {year}"))
    _header(doc, session, "Mẫu 01", number_suffix="BC/CB")
    doc.add(_line("BÁO CÁO", "b", align="center", size=15, space_after=0),
            _line(f"KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ {who.upper()} – Năm {year}", "b",
                  align="center", space_after=8),
            _line(f"Căn cứ Quy định {session.rules.regulation_code}, Hướng dẫn {session.rules.guidance_code} và kế "
                  f"hoạch của cấp ủy cấp trên, tập thể {who} {session.cell.name or BLANK} kiểm điểm năm {year} như sau:",
                  first_indent_mm=10),
            _line("A. NỘI DUNG KIỂM ĐIỂM", "b", space_after=2),
            _line("I. Ưu điểm, kết quả đạt được", "b", space_after=2))
    _item(doc, "1. Về lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan, đơn vị (kết quả, chỉ tiêu; tỷ lệ hoàn "
               f"thành nhiệm vụ: {BLANK}%):")
    _item(doc, "2. Về xây dựng Đảng về chính trị, tư tưởng, đạo đức, tổ chức và cán bộ; phòng, chống tham nhũng, "
               "lãng phí, tiêu cực:")
    _item(doc, "3. Về thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc; giữ gìn đoàn kết nội bộ:")
    _item(doc, "4. Về công tác kiểm tra, giám sát và thi hành kỷ luật đảng:")
    doc.add(_line("II. Hạn chế, khuyết điểm và nguyên nhân", "b", space_after=2))
    _item(doc, "1. Hạn chế, khuyết điểm:")
    _item(doc, "2. Nguyên nhân (khách quan, chủ quan):")
    _item(doc, "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được "
               "chỉ ra ở các kỳ kiểm điểm trước", "b")
    _item(doc, "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)", "b")
    _item(doc, "V. Làm rõ trách nhiệm của tập thể và cá nhân đối với những hạn chế, khuyết điểm", "b")
    _item(doc, "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", "b")
    _self_rating(doc, session)
    secretary = next((m.full_name for m in session.member_list if m.party_post == PartyPost.SECRETARY), "")
    _signature(doc, [("Nơi nhận:", "b"), (f"- {session.cell.higher_org or 'Cấp ủy cấp trên'},", ""),
                     ("- Các đồng chí đảng viên,", ""), ("- Lưu chi bộ.", "")],
               [f"T/M {who.upper()}", "BÍ THƯ"], secretary)
    return doc


# -- the files -------------------------------------------------------------------------------------------
def build_self_review_form(session, member: Member, target: str | Path, form: str | None = None) -> Path:
    """One member's form, rendered directly (build_self_review_forms fills a template for many)."""
    return write_docx(self_review_blocks(session, MemberFields.of(member), form or form_for(member)), target,
                      NO_MARKING)


def build_collective_report(session, target: str | Path) -> Path:
    return write_docx(collective_report_blocks(session), target, NO_MARKING)


class FormTemplates:
    """Each form kind rendered once with the placeholders of MemberFields, then filled per member."""

    def __init__(self, session):
        self.session = session
        self._templates: dict = {}

    def fill(self, member: Member, form: str) -> bytes:
        """The member's form as the bytes of a .docx."""
        from .docx_fill import DocxTemplate

        template = self._templates.get(form)
        if template is None:
            blocks = self_review_blocks(self.session, MemberFields.placeholders(), form)
            template = self._templates[form] = DocxTemplate(docx_bytes(blocks, NO_MARKING))
        return template.fill(MemberFields.of(member).values())


def form_names(session, *, outside_system: Iterable[str] = ()) -> list[tuple[Member, str, str]]:
    """(member, form, file name) for every member reviewed here: mau-2a-<slug>.docx / mau-2b-… / mau-2c-…
    (a second member of the same name gets -2, -3…)."""
    outside = set(outside_system)
    used: set[str] = set()
    out = []
    for m in members_reviewed(session):
        form = form_for(m, m.id in outside)
        name = f"mau-{form.lower()}-{slug(m.full_name)}"
        base, k = name, 2
        while name in used:
            name, k = f"{base}-{k}", k + 1
        used.add(name)
        out.append((m, form, f"{name}.docx"))
    return out


def build_self_review_forms(session, folder: str | Path, *, outside_system: Iterable[str] = (),
                            progress: Progress | None = None) -> list[Path]:
    """Mẫu 2A/2B/2C for every member reviewed here (form_names), each file written atomically
    (synced by batches: store.atomic.write_many_atomically); ``progress(path)`` after each."""
    folder = Path(folder)
    templates = FormTemplates(session)
    files = ((folder / name, templates.fill(m, form)) for m, form, name in form_names(session, outside_system=outside_system))
    return write_many_atomically(files, done=progress)


def members_reviewed(session) -> list[Member]:
    out = [m for m in session.member_list if session.categories[m.id] != Category.NOT_IN_CELL
           and eligibility(session.rules, session.categories[m.id]).reviewed]
    return sorted(out, key=lambda m: POST_ORDER[m.party_post])


def build_forms(session, folder: str | Path, *, outside_system: Iterable[str] = (),
                progress: Progress | None = None) -> list[Path]:
    """mau-2a-<slug>.docx / mau-2b-… / mau-2c-… for every member reviewed here, then mau-01.docx.
    ``outside_system``: ids of members who get Mẫu 2C (unless they hold a post, then 2A);
    ``progress(path)`` after each file."""
    out = build_self_review_forms(session, folder, outside_system=outside_system, progress=progress)
    out.append(build_collective_report(session, Path(folder) / "mau-01.docx"))
    if progress:
        progress(out[-1])
    return out
