"""Where a document's content goes: a PDF (the record) or a Word file, each by its one renderer,
imported only when that kind is asked for (python-docx and reportlab cost at start-up)."""
from __future__ import annotations

from pathlib import Path

from .content import DocumentBlocks
from .text import Marking


def write_pdf(doc: DocumentBlocks, target: str | Path, marking: Marking) -> Path:
    from .render_pdf import render_pdf

    return render_pdf(doc, target, marking)


def write_docx(doc: DocumentBlocks, target: str | Path, marking: Marking) -> Path:
    from .render_docx import render_docx

    return render_docx(doc, target, marking)
