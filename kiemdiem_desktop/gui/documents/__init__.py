"""The meeting's documents: preview, print, save, and the adoption lock (DOMAIN.md §7, issue 5)."""
from .lock import LockPanel, ReopenDialog, ask_reopen_reason
from .printing import a4_printer, print_pdf
from .window import DocumentsWindow, documents_action, open_documents

__all__ = ["DocumentsWindow", "LockPanel", "ReopenDialog", "a4_printer", "ask_reopen_reason", "documents_action",
           "open_documents", "print_pdf"]
