"""Printing a PDF through Qt: QtPdf has no print call, so each page is rendered (at most 300 dpi)
and drawn at its real size onto the printer's painter, the printer set to full page so the
document's own margins are the margins on paper (STACK.md)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from ...i18n import UserError

MAX_DPI = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("documents", text)


def a4_printer(name: str = "") -> QPrinter:
    """A high-resolution printer set to A4 portrait (the dialog may change it)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    if name:
        printer.setDocName(name)
    return printer


def pages_to_print(printer: QPrinter, page_count: int, current_page: int = 0) -> list[int]:
    """0-based page indexes chosen in the dialog: all, a range (fromPage/toPage, 1-based), the
    current page of the preview."""
    if page_count <= 0:
        return []
    rng = printer.printRange()
    if rng == QPrinter.PrintRange.CurrentPage:
        return [min(max(current_page, 0), page_count - 1)]
    first, last = 1, page_count
    if rng == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = printer.fromPage()
        last = printer.toPage() if printer.toPage() > 0 else page_count
    first, last = max(first, 1), min(last, page_count)
    return list(range(first - 1, last))


def print_order(pages: list[int], copies: int, collate: bool) -> list[int]:
    """Copies made here (when the printer cannot): 1 2 3 1 2 3 collated, else 1 1 2 2 3 3."""
    copies = max(copies, 1)
    if collate:
        return pages * copies
    return [p for p in pages for _ in range(copies)]


def save_pdf_pages(pdf_path: Path, printer: QPrinter, current_page: int = 0) -> int:
    """"Print to file" (PDF): the document's own pages are written as they are (text and vector
    drawing, a few hundred kB), not pictures of them (megabytes that cannot be searched); the
    page range of the dialog is kept. Written atomically. Returns the number of pages."""
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    from ...store.atomic import write_bytes_atomically

    try:
        reader = PdfReader(str(pdf_path))
        pages = pages_to_print(printer, len(reader.pages), current_page)
    except Exception as err:  # noqa: BLE001 - a damaged file, said in Vietnamese
        raise UserError(tr("Không đọc được tệp PDF {name} để in.").format(name=pdf_path.name)) from err
    order = pages if printer.supportsMultipleCopies() else print_order(pages, printer.copyCount(),
                                                                        printer.collateCopies())
    writer = PdfWriter()
    for page in order:
        writer.add_page(reader.pages[page])
    out = BytesIO()
    writer.write(out)
    write_bytes_atomically(printer.outputFileName(), out.getvalue())
    return len(order)


def print_pdf(pdf_path: str | Path, printer: QPrinter, *, current_page: int = 0,
              progress: Callable[[int, int], bool] | None = None) -> int:
    """Print the PDF on ``printer`` page by page; returns the number of pages sent.

    Honours the printer's page range (or current page) and copies: when the printer cannot make
    copies itself (``supportsMultipleCopies``), the pages are sent again, collated or not.
    ``progress(done, total)`` is called before each page; returning False cancels (the job is
    aborted, nothing more is sent). Raises UserError in Vietnamese when the PDF cannot be read
    or the printer cannot start."""
    pdf_path = Path(pdf_path)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return save_pdf_pages(pdf_path, printer, current_page)
    doc = QPdfDocument()
    err = doc.load(str(pdf_path))
    if err != QPdfDocument.Error.None_ or doc.pageCount() <= 0:
        raise UserError(tr("Không đọc được tệp PDF {name} để in.").format(name=pdf_path.name))
    try:
        pages = pages_to_print(printer, doc.pageCount(), current_page)
        if printer.supportsMultipleCopies():
            order = pages                 # the driver makes the copies (and collates)
        else:
            order = print_order(pages, printer.copyCount(), printer.collateCopies())
        if not order:
            return 0
        printer.setFullPage(True)
        _orient(printer, doc.pagePointSize(order[0]))
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(tr("Không bắt đầu in được trên máy in “{printer}”.").format(
                printer=printer.printerName() or printer.outputFileName()))
        sent = 0
        try:
            for i, page in enumerate(order):
                if progress is not None and progress(i, len(order)) is False:
                    printer.abort()
                    break
                size_pt = doc.pagePointSize(page)
                if i:
                    _orient(printer, size_pt)
                    printer.newPage()
                _draw_page(painter, printer, doc, page, size_pt)
                sent += 1
        finally:
            painter.end()
        return sent
    finally:
        doc.close()


def _orient(printer: QPrinter, size_pt) -> None:
    landscape = size_pt.width() > size_pt.height()
    want = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    if printer.pageLayout().orientation() != want:
        printer.setPageOrientation(want)


def _draw_page(painter: QPainter, printer: QPrinter, doc: QPdfDocument, page: int, size_pt) -> None:
    res = printer.resolution()                       # device units per inch
    dpi = min(res, MAX_DPI)
    w_in, h_in = size_pt.width() / 72.0, size_pt.height() / 72.0
    image = doc.render(page, QSize(max(1, round(w_in * dpi)), max(1, round(h_in * dpi))))
    # at its real size from the paper's corner (full page): no fit-to-page scaling
    painter.drawImage(QRectF(0, 0, w_in * res, h_in * res), image)
