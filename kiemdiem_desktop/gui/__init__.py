"""All Qt code: a thin layer of views over the core services (no SQL here)."""
from .gc_guard import disable_automatic as _no_gc_in_workers
from .refcount_guard import guard as _guard

_guard()             # PySide6 6.12.0 on Python 3.11: see refcount_guard.py
_no_gc_in_workers()  # Qt objects must not be collected off the GUI thread: see gc_guard.py
