"""The meeting's documents as the documents window lists them: a title, how to build it into a
folder, and the names it writes there (to ask before overwriting). Built by the core builders
(DOMAIN.md §7); the names are those of documents.all_documents."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ...voting import VotingDesk

Builder = Callable[[VotingDesk, Path], list[Path]]


@dataclass(frozen=True)
class DocumentSpec:
    key: str
    title: str           # Vietnamese, never translated (a document's name)
    patterns: tuple[str, ...]   # the files it writes, as glob patterns in its folder
    build: Builder
    note: str = ""       # shown under the list when the entry builds nothing

    @property
    def kind(self) -> str:
        """"pdf", "docx" or "xlsx": from the first pattern."""
        return self.patterns[0].rsplit(".", 1)[-1]


def _locality(desk: VotingDesk) -> str:
    return getattr(desk.s.cell, "locality", "") or ""


def _minutes_pdf(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.all_documents import MINUTES_NAME
    from ...documents.minutes import build_minutes

    return [build_minutes(desk, folder / MINUTES_NAME)]


def _minutes_docx(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.minutes import build_minutes_docx

    return [build_minutes_docx(desk, folder / "bien-ban.docx")]


def _attendance(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.attendance_sheet import build_attendance_sheet
    from ...documents.common import meeting_marking

    return [build_attendance_sheet(desk.s, folder / "danh-sach-dang-vien-du-hop.pdf", meeting_marking(desk.s))]


def _counting(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.counting_record import build_counting_records

    return build_counting_records(desk, folder, locality=_locality(desk))


def _common_ballot(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.ballots import build_common_ballot

    return [build_common_ballot(desk.s, folder / "phieu-bieu-quyet-chung.pdf", locality=_locality(desk))]


def _single_ballots(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.ballots import build_single_ballots

    return [build_single_ballots(desk.s, folder / "phieu-bieu-quyet-rieng.pdf")]


def _summary_pdf(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.summary import build_summary_pdf

    return [build_summary_pdf(desk, folder / "tong-hop-ket-qua.pdf", locality=_locality(desk))]


def _summary_xlsx(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.summary import build_summary_xlsx

    return [build_summary_xlsx(desk, folder / "tong-hop-ket-qua.xlsx")]


def _summary_docx(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.summary import build_summary_docx

    return [build_summary_docx(desk, folder / "tong-hop-ket-qua.docx", locality=_locality(desk))]


def _year_summary(kind: str) -> Builder:
    """The year's report (the main meeting and its supplementary sessions merged), when the year has
    a supplementary session; nothing otherwise."""
    def build(desk: VotingDesk, folder: Path) -> list[Path]:
        from ...documents.year_summary import build_year_summary, year_has_supplementary

        if not year_has_supplementary(desk.s.cf, desk.s.meeting.rating_year):
            return []
        return [p for p in build_year_summary(desk.s.cf, desk.s.meeting.rating_year, folder,
                                              locality=_locality(desk), word=kind == "docx")
                if p.suffix == f".{kind}"]
    return build


def _chair_script(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.chair_script import build_chair_script

    return [build_chair_script(desk.s, folder / "kich-ban-dieu-hanh.pdf", locality=_locality(desk))]


def _chair_script_docx(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.chair_script import build_chair_script_docx

    return [build_chair_script_docx(desk.s, folder / "kich-ban-dieu-hanh.docx", locality=_locality(desk))]


def _self_review_forms(desk: VotingDesk, folder: Path) -> list[Path]:
    """Mẫu 2A/2B/2C, one per member reviewed here, named as build_forms names them, but without
    its Mẫu 01: saving these never replaces a mau-01.docx already in the folder."""
    from ...documents import forms
    from ...documents.common import slug

    used: set[str] = set()
    paths = []
    for m in forms.members_reviewed(desk.s):
        form = forms.form_for(m, False)
        name = f"mau-{form.lower()}-{slug(m.full_name)}"
        base, k = name, 2
        while name in used:
            name, k = f"{base}-{k}", k + 1
        used.add(name)
        paths.append(forms.build_self_review_form(desk.s, m, folder / f"{name}.docx", form))
    return paths


def _collective_report(desk: VotingDesk, folder: Path) -> list[Path]:
    from ...documents.forms import build_collective_report

    return [build_collective_report(desk.s, folder / "mau-01.docx")]


YEAR_NOTE = "Năm này chưa có buổi kiểm điểm bổ sung: bản tổng hợp của hội nghị là kết quả cả năm."

DOCUMENTS: tuple[DocumentSpec, ...] = (
    DocumentSpec("minutes_pdf", "Biên bản hội nghị (PDF)", ("bien-ban.pdf",), _minutes_pdf),
    DocumentSpec("minutes_docx", "Biên bản hội nghị (Word)", ("bien-ban.docx",), _minutes_docx),
    DocumentSpec("attendance", "Danh sách đảng viên dự họp", ("danh-sach-dang-vien-du-hop.pdf",), _attendance),
    DocumentSpec("counting", "Biên bản kiểm phiếu", ("bien-ban-kiem-phieu*.pdf",), _counting,
                 note="Chưa có cuộc kiểm phiếu nào được chấp nhận: chưa có biên bản kiểm phiếu."),
    DocumentSpec("ballot_common", "Phiếu biểu quyết xếp loại (phiếu chung)", ("phieu-bieu-quyet-chung.pdf",),
                 _common_ballot),
    DocumentSpec("ballot_single", "Phiếu biểu quyết xếp loại (phiếu riêng)", ("phieu-bieu-quyet-rieng.pdf",),
                 _single_ballots),
    DocumentSpec("summary_pdf", "Tổng hợp kết quả xếp loại (PDF)", ("tong-hop-ket-qua.pdf",), _summary_pdf),
    DocumentSpec("summary_xlsx", "Tổng hợp kết quả xếp loại (Excel)", ("tong-hop-ket-qua.xlsx",), _summary_xlsx),
    DocumentSpec("summary_docx", "Tổng hợp kết quả xếp loại (Word)", ("tong-hop-ket-qua.docx",), _summary_docx),
    DocumentSpec("year_summary_pdf", "Báo cáo tổng hợp cả năm (PDF)", ("tong-hop-ket-qua-ca-nam.pdf",),
                 _year_summary("pdf"), note=YEAR_NOTE),
    DocumentSpec("year_summary_xlsx", "Báo cáo tổng hợp cả năm (Excel)", ("tong-hop-ket-qua-ca-nam.xlsx",),
                 _year_summary("xlsx"), note=YEAR_NOTE),
    DocumentSpec("year_summary_docx", "Báo cáo tổng hợp cả năm (Word)", ("tong-hop-ket-qua-ca-nam.docx",),
                 _year_summary("docx"), note=YEAR_NOTE),
    DocumentSpec("chair_script", "Kịch bản điều hành hội nghị (PDF)", ("kich-ban-dieu-hanh.pdf",), _chair_script),
    DocumentSpec("chair_script_docx", "Kịch bản điều hành hội nghị (Word)", ("kich-ban-dieu-hanh.docx",),
                 _chair_script_docx),
    DocumentSpec("forms_2", "Mẫu 2A/2B/2C — kiểm điểm cá nhân (Word)", ("mau-2*.docx",), _self_review_forms,
                 note="Không có đảng viên nào kiểm điểm tại chi bộ."),
    DocumentSpec("form_01", "Mẫu 01 — kiểm điểm tập thể (Word)", ("mau-01*.docx",), _collective_report),
)

BY_KEY = {d.key: d for d in DOCUMENTS}


def build_all(desk: VotingDesk, folder: Path) -> list[Path]:
    """Every document of the meeting (documents.all_documents), the minutes in PDF and Word too."""
    from ...documents.all_documents import build_documents
    from ...documents.minutes import build_minutes

    folder = Path(folder)
    out = build_documents(desk, folder, minutes=build_minutes, locality=_locality(desk))
    out.insert(1, _minutes_docx(desk, folder)[0])
    return out


ALL_PATTERNS: tuple[str, ...] = tuple(p for d in DOCUMENTS for p in d.patterns)


def existing_files(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    """The files in ``folder`` that a build with these patterns would replace."""
    found: dict[Path, None] = {}
    for pattern in patterns:
        for p in sorted(Path(folder).glob(pattern)):
            if p.is_file():
                found[p] = None
    return list(found)
