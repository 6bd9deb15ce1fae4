"""A Word file rendered once with placeholders, then filled per member: the ~500 pre-filled forms of
a large cell cost one python-docx render per form kind, and per member a text substitution in
word/document.xml and docProps/core.xml and a zip written with every other part's compressed bytes
copied unchanged. No python-docx here: only the bytes of a .docx that render_docx made.

A placeholder is ``[[KD:name]]`` (ASCII: NFC and XML leave it as it is); the values are NFC and
XML-escaped as python-docx escapes a run's text, so a filled template is byte for byte the document
python-docx would have written with the values themselves (tests/documents/test_forms_fill.py)."""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Mapping
from xml.sax.saxutils import escape

from ..store.atomic import write_atomically
from .text import nfc

FILLED_PARTS = ("word/document.xml", "docProps/core.xml")
_PLACEHOLDER = re.compile(rb"\[\[KD:([a-z_]+)\]\]")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")   # not allowed in XML 1.0 text
_DOS_TIME, _DOS_DATE = 0, (1980 - 1980) << 9 | 1 << 5 | 1        # 1980-01-01 00:00, as python-docx


def placeholder(name: str) -> str:
    return f"[[KD:{name}]]"


class _Entry:
    __slots__ = ("name", "data", "crc", "compressed", "size")

    def __init__(self, name: str, data: bytes, *, keep: bool):
        self.name = name.encode("utf-8")
        self.data = data if keep else None       # filled per member: kept raw
        if not keep:
            self.crc, self.size = zlib.crc32(data), len(data)
            self.compressed = _deflate(data)


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


class DocxTemplate:
    """The bytes of a .docx with placeholders; ``fill(values)`` gives a filled .docx's bytes."""

    def __init__(self, docx: bytes):
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            self.entries = [_Entry(i.filename, z.read(i), keep=i.filename in FILLED_PARTS) for i in z.infolist()]
        names = {e.name.decode() for e in self.entries}
        missing = [p for p in FILLED_PARTS if p not in names]
        if missing:
            raise ValueError(f"not a Word file: {missing}")

    def fill(self, values: Mapping[str, str]) -> bytes:
        encoded = {k.encode(): escape(_XML_INVALID.sub("", nfc(v))).encode("utf-8") for k, v in values.items()}

        def sub(m: re.Match) -> bytes:        # one pass: a value is never searched for placeholders
            return encoded.get(m.group(1), m.group(0))
        out = io.BytesIO()
        central = []
        for e in self.entries:
            if e.data is not None:
                data = _PLACEHOLDER.sub(sub, e.data)
                crc, size, comp = zlib.crc32(data), len(data), _deflate(data)
            else:
                crc, size, comp = e.crc, e.size, e.compressed
            offset = out.tell()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE,
                                  crc, len(comp), size, len(e.name), 0))
            out.write(e.name)
            out.write(comp)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, zipfile.ZIP_DEFLATED,
                                       _DOS_TIME, _DOS_DATE, crc, len(comp), size, len(e.name), 0, 0, 0, 0, 0,
                                       offset) + e.name)
        start = out.tell()
        for c in central:
            out.write(c)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start,
                              start, 0))
        return out.getvalue()

    def write(self, values: Mapping[str, str], target: str | Path) -> Path:
        data = self.fill(values)
        return write_atomically(target, lambda tmp: Path(tmp).write_bytes(data))
