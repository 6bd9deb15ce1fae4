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
