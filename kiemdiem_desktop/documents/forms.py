"""Word forms handed out before the meeting (DOMAIN.md §6–§7): Mẫu 2A (with a leadership post),
2B (without), 2C (outside the political system), each pre-filled with the member's identity, and a
Mẫu 01 skeleton (the collective's report). Party header as a borderless two-column table, Times New
Roman 14, A4, margins 20/20/30/15 mm. Vietnamese, never translated."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..model import Category, Member, PartyPost
from ..model.levels import LEVEL_LABELS
from ..model.member import PARTY_POST_LABELS
from ..rules.attendance import eligibility
from ..rules.majority import LEVELS_TOP_DOWN
from ..store.atomic import write_atomically
from ..vn.text import fold, nfc
from .common import BLANK, POST_ORDER, date_vn, slug
from .render_docx import no_borders as _no_borders, vietnamese_defaults

WORD_FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15
BOX = "□"          # U+25A1, in Times New Roman (WGL4)

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


# -- the Word document --------------------------------------------------------------------------------------
_BLANK_FORM: bytes | None = None     # the set-up empty document, made once per process


def _new_document():
    """An empty A4 document with our styles. Setting up the styles is most of the cost of a form
    (500 forms in `documents`): it is done once, and each form starts from a copy of those bytes."""
    global _BLANK_FORM
    if _BLANK_FORM is None:
        buf = io.BytesIO()
        _set_up_document().save(buf)
        _BLANK_FORM = buf.getvalue()
    return Document(io.BytesIO(_BLANK_FORM))


def _set_up_document():
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    for name in ("Normal",):
        style = doc.styles[name]
        style.font.name = WORD_FONT
        style.font.size = Pt(14)
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), WORD_FONT)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.line_spacing = 1.15
    vietnamese_defaults(doc)          # proofing language vi-VN: Word underlines nothing
    doc.core_properties.author = "Kiểm điểm Desktop"
    return doc


def _para(container, text: str = "", *, bold=False, italic=False, underline=False, size=None,
          align=None, indent_mm: float | None = None, space_after: float | None = None):
    para = container.add_paragraph()
    if text:
        run = para.add_run(nfc(text))
        run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        para.alignment = align
    if indent_mm is not None:
        para.paragraph_format.first_line_indent = Mm(indent_mm)
    if space_after is not None:
        para.paragraph_format.space_after = Pt(space_after)
    return para


def _runs(para, parts: list[tuple[str, bool]]):
    for text, bold in parts:
        para.add_run(nfc(text)).bold = bold or None
    return para


def _header(doc, session, form_label: str, number_suffix: str | None = None) -> None:
    """The Party header: a borderless table, left the organisation, right the Party's name and date."""
    if form_label:
        _para(doc, form_label, bold=True, size=13, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=0)
    cell = session.cell
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _no_borders(t)
    widths = (Mm(TEXT_WIDTH_MM * 0.42), Mm(TEXT_WIDTH_MM * 0.58))
    for c, w in zip(t.rows[0].cells, widths):
        c.width = w
    left, right = t.rows[0].cells
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraphs[0].add_run(nfc((cell.higher_org or f"ĐẢNG BỘ {BLANK}").upper()))
    _para(left, (cell.name or f"CHI BỘ {BLANK}").upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(left, "*", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    if number_suffix:
        _para(left, f"Số        -{number_suffix}", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    r.bold, r.underline = True, True
    r.font.size = Pt(15)
    _para(right, f"{BLANK}, ngày {BLANK} tháng {BLANK} năm {session.meeting.rating_year}", italic=True,
          align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(doc, "", space_after=6)


def _lines(doc, n: int = 3) -> None:
    """Dotted lines to write on."""
    for _ in range(n):
        para = doc.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        para.add_run("\t")
        para.paragraph_format.space_after = Pt(0)


def _item(doc, text: str, *, bold=False, italic=False, lines: int = 3) -> None:
    _para(doc, text, bold=bold, italic=italic, space_after=2)
    if lines:
        _lines(doc, lines)


def _self_rating(doc, session, subject: str) -> None:
    """B. TỰ ĐÁNH GIÁ, XẾP LOẠI: points (366) or the four criteria graded (124), then the level proposed."""
    rules = session.rules
    _para(doc, "B. TỰ ĐÁNH GIÁ, XẾP LOẠI", bold=True, space_after=2)
    if rules.scoring_kind == "points":
        sc = rules.data.get("scoring", {})
        g, t, total = sc.get("general_max", 30), sc.get("task_max", 70), sc.get("total_max", 100)
        _para(doc, f"1. Tự chấm điểm ({rules.regulation_code}):", bold=True, space_after=2)
        _para(doc, f"- Điểm các tiêu chí chung: {BLANK}/{g} điểm.", space_after=2)
        _para(doc, f"- Điểm kết quả thực hiện nhiệm vụ: {BLANK}/{t} điểm.", space_after=2)
        _para(doc, f"- Tổng điểm: {BLANK}/{total} điểm.", space_after=2)
    else:
        sc = rules.data.get("scoring", {})
        criteria = sc.get("criteria", [])
        grades = sc.get("grades", ["Xuất sắc", "Tốt", "Trung bình", "Kém"])
        _para(doc, f"1. Tự đánh giá các tiêu chí ({rules.regulation_code}):", bold=True, space_after=2)
        t = doc.add_table(rows=1 + len(criteria), cols=1 + len(grades))
        t.style = doc.styles["Table Grid"]
        t.rows[0].cells[0].text = "Tiêu chí"
        for j, g in enumerate(grades, 1):
            t.rows[0].cells[j].text = g
        for i, c in enumerate(criteria, 1):
            t.rows[i].cells[0].text = nfc(c)
            for j in range(1, len(grades) + 1):
                t.rows[i].cells[j].text = BOX
                t.rows[i].cells[j].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for j, row in enumerate(t.rows):
            row.cells[0].width = Mm(65)
            for c in row.cells[1:]:
                c.width = Mm((TEXT_WIDTH_MM - 65) / len(grades))
            if j == 0:
                for c in row.cells:
                    for r in c.paragraphs[0].runs:
                        r.bold = True
                    c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _para(doc, "", space_after=2)
    _para(doc, "2. Đề xuất mức xếp loại (đánh dấu X vào một ô):", bold=True, space_after=2)
    for lv in LEVELS_TOP_DOWN:
        _para(doc, f"{BOX} {LEVEL_LABELS[lv]}", space_after=1).paragraph_format.left_indent = Mm(8)


def _signature(doc, left_lines: list[tuple[str, bool]], right_title: list[str], name: str) -> None:
    _para(doc, "", space_after=0)
    t = doc.add_table(rows=1, cols=2)
    _no_borders(t)
    left, right = t.rows[0].cells
    left.width, right.width = Mm(TEXT_WIDTH_MM * 0.45), Mm(TEXT_WIDTH_MM * 0.55)
    first = True
    for text, bold in left_lines:
        para = left.paragraphs[0] if first else left.add_paragraph()
        first = False
        run = para.add_run(nfc(text))
        run.bold, run.font.size = bold or None, Pt(12)
    first = True
    for title in right_title:
        para = right.paragraphs[0] if first else right.add_paragraph()
        first = False
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(nfc(title)).bold = True
    _para(right, "(Ký, ghi rõ họ tên)", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=13)
    for _ in range(3):
        _para(right, "", space_after=0)
    _para(right, name or "", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def self_review_document(session, member: Member, form: str):
    """Mẫu 2A/2B/2C pre-filled with the member's identity."""
    if form not in FORM_SUBTITLES:
        raise ValueError(form)
    year = session.meeting.rating_year
    doc = _new_document()
    doc.core_properties.title = nfc(f"Mẫu {form} — {member.full_name} — năm {year}")
    _header(doc, session, f"Mẫu {form}")
    _para(doc, f"BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN – Năm {year}", bold=True,
          align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(doc, FORM_SUBTITLES[form], italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=13, space_after=8)
    _runs(_para(doc, space_after=2), [("Họ và tên: ", False), (member.full_name, True),
                                      ("        Ngày sinh: ", False), (date_vn(member.birth_date), False)])
    party = PARTY_POST_LABELS[member.party_post]
    _para(doc, f"Chức vụ đảng: {party}.", space_after=2)
    if form == "2C":
        _para(doc, f"Nơi làm việc (nếu có) / nơi cư trú: {member.work_unit or BLANK}.", space_after=2)
    else:
        _para(doc, f"Chức vụ chính quyền, đoàn thể: {member.government_post or BLANK}.", space_after=2)
        _para(doc, f"Đơn vị công tác: {member.work_unit or BLANK}.", space_after=2)
    org = session.cell.name or f"Chi bộ {BLANK}"
    _para(doc, f"Sinh hoạt tại chi bộ: {org}" + (f", {session.cell.higher_org}" if session.cell.higher_org else "")
          + ".", space_after=8)

    _para(doc, "A. NỘI DUNG KIỂM ĐIỂM", bold=True, space_after=2)
    _para(doc, "I. Ưu điểm, kết quả đạt được", bold=True, space_after=2)
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
    _para(doc, "II. Hạn chế, khuyết điểm và nguyên nhân", bold=True, space_after=2)
    _item(doc, "1. Hạn chế, khuyết điểm (theo từng nội dung của mục I):")
    _item(doc, "2. Nguyên nhân của hạn chế, khuyết điểm:")
    _para(doc, "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được "
               "chỉ ra ở các kỳ kiểm điểm trước", bold=True, space_after=2)
    _lines(doc, 3)
    _para(doc, "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)", bold=True, space_after=2)
    _lines(doc, 3)
    _para(doc, "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể"
          + (" lãnh đạo, quản lý" if form == "2A" else "") + " (nếu có)", bold=True, space_after=2)
    _lines(doc, 3)
    _para(doc, "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", bold=True, space_after=2)
    _lines(doc, 3)
    _self_rating(doc, session, member.id)
    _signature(doc, [], ["NGƯỜI TỰ KIỂM ĐIỂM"], member.full_name)
    return doc


def collective_report_document(session):
    """Mẫu 01 skeleton: the collective's review report, the same parts for the collective."""
    year = session.meeting.rating_year
    who = "chi ủy" if session.cell.has_committee else "chi bộ"
    doc = _new_document()
    doc.core_properties.title = nfc(f"Mẫu 01 — báo cáo kiểm điểm tập thể năm {year}")
    _header(doc, session, "Mẫu 01", number_suffix="BC/CB")
    _para(doc, "BÁO CÁO", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=15, space_after=0)
    _para(doc, f"KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ {who.upper()} – Năm {year}", bold=True,
          align=WD_ALIGN_PARAGRAPH.CENTER, space_after=8)
    _para(doc, f"Căn cứ Quy định {session.rules.regulation_code}, Hướng dẫn {session.rules.guidance_code} và kế hoạch "
               f"của cấp ủy cấp trên, tập thể {who} {session.cell.name or BLANK} kiểm điểm năm {year} như sau:",
          indent_mm=10)
    _para(doc, "A. NỘI DUNG KIỂM ĐIỂM", bold=True, space_after=2)
    _para(doc, "I. Ưu điểm, kết quả đạt được", bold=True, space_after=2)
    _item(doc, "1. Về lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan, đơn vị (kết quả, chỉ tiêu; tỷ lệ hoàn "
               f"thành nhiệm vụ: {BLANK}%):")
    _item(doc, "2. Về xây dựng Đảng về chính trị, tư tưởng, đạo đức, tổ chức và cán bộ; phòng, chống tham nhũng, "
               "lãng phí, tiêu cực:")
    _item(doc, "3. Về thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc; giữ gìn đoàn kết nội bộ:")
    _item(doc, "4. Về công tác kiểm tra, giám sát và thi hành kỷ luật đảng:")
    _para(doc, "II. Hạn chế, khuyết điểm và nguyên nhân", bold=True, space_after=2)
    _item(doc, "1. Hạn chế, khuyết điểm:")
    _item(doc, "2. Nguyên nhân (khách quan, chủ quan):")
    _para(doc, "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được "
               "chỉ ra ở các kỳ kiểm điểm trước", bold=True, space_after=2)
    _lines(doc, 3)
    _para(doc, "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)", bold=True, space_after=2)
    _lines(doc, 3)
    _para(doc, "V. Làm rõ trách nhiệm của tập thể và cá nhân đối với những hạn chế, khuyết điểm", bold=True,
          space_after=2)
    _lines(doc, 3)
    _para(doc, "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm", bold=True, space_after=2)
    _lines(doc, 3)
    _self_rating(doc, session, "committee")
    secretary = next((m.full_name for m in session.member_list if m.party_post == PartyPost.SECRETARY), "")
    _signature(doc, [("Nơi nhận:", True), (f"- {session.cell.higher_org or 'Cấp ủy cấp trên'},", False),
                     ("- Các đồng chí đảng viên,", False), ("- Lưu chi bộ.", False)],
               [f"T/M {who.upper()}", "BÍ THƯ"], secretary)
    return doc


def _save(doc, target: str | Path) -> Path:
    buf = io.BytesIO()
    doc.save(buf)
    data = buf.getvalue()
    return write_atomically(target, lambda tmp: Path(tmp).write_bytes(data))


def build_self_review_form(session, member: Member, target: str | Path, form: str | None = None) -> Path:
    return _save(self_review_document(session, member, form or form_for(member)), target)


def build_collective_report(session, target: str | Path) -> Path:
    return _save(collective_report_document(session), target)


def members_reviewed(session) -> list[Member]:
    out = [m for m in session.member_list if session.categories[m.id] != Category.NOT_IN_CELL
           and eligibility(session.rules, session.categories[m.id]).reviewed]
    return sorted(out, key=lambda m: POST_ORDER[m.party_post])


def build_forms(session, folder: str | Path, *, outside_system: Iterable[str] = ()) -> list[Path]:
    """mau-2a-<slug>.docx / mau-2b-… / mau-2c-… for every member reviewed here, then mau-01.docx.
    ``outside_system``: ids of members who get Mẫu 2C (unless they hold a post, then 2A)."""
    folder = Path(folder)
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
        out.append(build_self_review_form(session, m, folder / f"{name}.docx", form))
    out.append(build_collective_report(session, folder / "mau-01.docx"))
    return out
