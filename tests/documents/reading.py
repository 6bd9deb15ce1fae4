"""Reading a written document as its reader would: text of each page, word boxes, fonts."""
from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from pypdf import PdfReader

A4_W, A4_H = 595.3, 841.9


def pages_text(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def whole_text(path: Path) -> str:
    return " ".join(pages_text(path))


def words(path: Path) -> dict[int, list[tuple[str, float, float, float, float]]]:
    """Per page: (word, xMin, yMin, xMax, yMax) from pdftotext -bbox (y grows downwards)."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    out = {}
    for n, page in enumerate(html.split("<page ")[1:], 1):
        out[n] = [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(
            r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>', page)]
    return out


def assert_readable_pdf(path: Path) -> str:
    """Fonts embedded (pdffonts), every glyph inside the A4 page, text NFC; returns the whole text."""
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines, f"{path.name}: no font"
    for line in lines:
        if "LiberationSerif" in line:
            assert " yes yes " in line, f"{path.name}: {line}"      # embedded and subset
    assert any("LiberationSerif" in line for line in lines)
    # reportlab declares its initial Helvetica on every canvas: no glyph may be drawn with it
    for page in PdfReader(str(path)).pages:
        drawn: list[str] = []

        def visit(text, cm, tm, font, size):
            if font is not None and "LiberationSerif" not in str(font.get("/BaseFont")) and text.strip():
                drawn.append(text)

        page.extract_text(visitor_text=visit)
        assert not drawn, f"{path.name}: text in another font: {drawn[:3]}"
    for page, ws in words(path).items():
        for w, x0, y0, x1, y1 in ws:
            assert 0 <= x0 and x1 <= A4_W and 0 <= y0 and y1 <= A4_H, f"{path.name} p.{page}: {w!r} outside"
    reader = PdfReader(str(path))
    assert all(round(float(p.mediabox.width)) == 595 and round(float(p.mediabox.height)) == 842
               for p in reader.pages)
    text = whole_text(path)
    assert unicodedata.is_normalized("NFC", text)
    return text


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a .docx, whitespace collapsed."""
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]

    def cells(tables):
        for t in tables:
            for row in t.rows:
                for c in row.cells:
                    parts.extend(p.text for p in c.paragraphs)
                    cells(c.tables)

    cells(doc.tables)
    return " ".join(" ".join(parts).split())
