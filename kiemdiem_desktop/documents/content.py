"""A document's content as plain blocks (no reportlab, no python-docx): what render_pdf.py renders
to PDF and render_docx.py to Word, so the two never say different things. render.py writes a
content to a file of either kind."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from .text import HeaderInfo

Run = tuple[str, str]   # (text, "" | "b" | "i" | "bi")


@dataclass
class Title:
    """The document's kind ("BIÊN BẢN") and its subject line (trích yếu), with the short line
    under the subject line that HD 36-HD/VPTW draws."""
    text: str
    subtitle: str = ""


TITLE_RULE = "-----"


@dataclass
class Heading:
    text: str
    level: int = 1               # 1: a part of the document; 2: an item inside it


@dataclass
class Para:
    runs: list[Run]
    indent: bool = True          # first-line indent, justified; False: a list line, left aligned
    keep_with_next: bool = False  # a lead-in line ("Ý kiến phát biểu:") never alone at a page foot

    @classmethod
    def of(cls, text: str, indent: bool = True, keep_with_next: bool = False) -> "Para":
        return cls([(text, "")], indent, keep_with_next)


@dataclass
class TableBlock:
    header: list[str]
    rows: list[list[str]]
    widths_mm: list[float]       # the last column takes what is left
    bold_columns: tuple[int, ...] = ()
    left_columns: tuple[int, ...] = (1,)   # the others are centred
    font_size: float = 11


@dataclass
class Signatures:
    left_title: str
    left_name: str
    right_title: str
    right_name: str


@dataclass
class Gap:
    mm: float = 3


Block = Union[HeaderInfo, Title, Heading, Para, TableBlock, Signatures, Gap]


@dataclass
class DocumentBlocks:
    title: str                   # the PDF's title property
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


# -- the reports' blocks (summary, year summary, chair's script) ------------------------------------------
TEXT_WIDTH_MM = 165              # A4 210 − margins 30 + 15

Cell = Union[str, list[Run]]     # plain text, or runs; "\n" breaks a line in either


@dataclass
class RichTable:
    """A bordered table whose cells may carry bold or italic runs and line breaks; ``total_rows``
    at the foot are set in bold (a "Tổng số" line). Every column's width is given."""
    header: list[str]
    rows: list[list[Cell]]
    widths_mm: list[float]
    left_columns: tuple[int, ...] = (1,)   # the others are centred
    font_size: float = 12
    total_rows: int = 0
    keep_together: bool = False           # a short table never split over two pages


@dataclass
class Note:
    """A small line (12 pt): "Căn cứ: …", "Ký hiệu: …"."""
    runs: list[Run]
    center: bool = False

    @classmethod
    def of(cls, text: str, center: bool = False) -> "Note":
        return cls([(text, "")], center)


@dataclass
class SignOff:
    """The foot of a report: "Nơi nhận:" and its lines at the left, the signature at the right
    (``title`` may hold lines: "T/M CHI ỦY\\nBÍ THƯ"), kept together on one page."""
    recipients: list[str]
    title: str
    name: str


@dataclass
class Cue:
    """A line of a script: the speaker's words ("Chủ trì: …", the label in bold) set in from the left,
    or, ``aside``, a stage direction in italics between brackets ("(Thư ký ghi …)")."""
    runs: list[Run]
    aside: bool = False


# -- blocks of the forms filled in by hand (forms.py) ----------------------------------------------------
# Appended kinds: each has a function in render_pdf.RENDERERS and render_docx.RENDERERS.
@dataclass
class Line:
    """One paragraph laid out as given (the forms): runs ("u" underlines too), alignment
    ("left", "center", "right", "justify"), size in points (None: the body's 14), line spacing
    (None: the body's), space after in points, first-line and left indents in millimetres.
    Empty runs: an empty line."""
    runs: list[Run]
    align: str = "left"
    size: float | None = None
    spacing: float | None = None
    space_after: float = 3
    first_indent_mm: float = 0
    left_indent_mm: float = 0

    @classmethod
    def of(cls, text: str, style: str = "", **layout) -> "Line":
        return cls([(text, style)] if text else [], **layout)


@dataclass
class FillLines:
    """Dotted lines across the text width to write on by hand (tab leaders in Word)."""
    count: int = 3
    spacing: float | None = None


@dataclass
class CheckBoxes:
    """One line per choice, a box "□" before each, to tick one by hand."""
    labels: list[str]
    indent_mm: float = 8
    spacing: float | None = None
    space_after: float = 1


BOX = "□"          # U+25A1, in Times New Roman and Liberation Serif (WGL4)


@dataclass
class Columns:
    """Two columns side by side without borders (a form's Party header, its signatures):
    ``left_share`` of the text width on the left. The block never splits across pages."""
    left: list[Line]
    right: list[Line]
    left_share: float = 0.5


FormBlock = Union[Line, FillLines, CheckBoxes, Columns]


# -- the ballots', counting record's, attendance sheet's and handover slip's blocks ------------------------
TICK_BOX = BOX                   # "□" to tick (the PDF draws a square of 5 mm in a ballot's table)
DOTS = "……………"                  # a blank to fill by hand


@dataclass
class TickTable:
    """A bordered table to tick: the text columns of ``header`` first, then one column of empty
    squares (TICK_BOX) per entry of ``boxes`` — the common ballot: STT, name, post, then HTXSNV …
    KHTNV. ``small_columns`` are set 1.5 pt smaller (a post under a name). The header repeats on
    every page."""
    header: list[str]
    rows: list[list[str]]
    boxes: list[str]
    widths_mm: list[float]              # the text columns; the squares share what is left
    font_size: float = 12
    small_columns: tuple[int, ...] = ()
    left_columns: tuple[int, ...] = (1, 2)


@dataclass
class SignInTable(TableBlock):
    """A TableBlock whose rows are tall enough to sign in (the attendance sheet)."""
    row_padding_pt: float = 7


@dataclass
class SignatureGrid:
    """The signatures of a whole team, ``per_row`` to a row, in order (the head first): each a
    title ("TỔ TRƯỞNG"), the hint under it, room to sign, the name in bold (or a blank to fill)."""
    signers: list[tuple[str, str]]      # (title, name); "" for a name leaves dots
    hint: str = "(Ký, ghi rõ họ tên)"
    per_row: int = 3


@dataclass
class FactTable:
    """A bordered two-column table of labelled facts, the label in bold (the handover slip)."""
    rows: list[tuple[str, str]]
    label_share: float = 0.34


@dataclass(frozen=True)
class BallotPaper:
    """A one-member voting paper: everything but ``subject`` is the same on every paper of a
    meeting (the renderer draws that part once and reuses it). ``choices``: the labels under the
    squares to tick. No voter is named on it (the vote is secret)."""
    higher_org: str
    cell_name: str
    title: str
    subject: tuple[Run, ...]            # "Xếp loại đối với: ", (name, "b"), ", post"
    choices: tuple[str, ...]
    note: str

    def same_form(self) -> tuple:
        """What every paper of the sheet shares (the key of the part drawn once)."""
        return (self.higher_org, self.cell_name, self.title, self.choices, self.note)


@dataclass
class CutSheet:
    """Papers ``per_page`` to a page, one above the other, with dashed cut lines between them;
    the pages carry no number (they are cut apart)."""
    papers: list[BallotPaper]
    per_page: int = 4
