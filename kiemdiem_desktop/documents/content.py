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
