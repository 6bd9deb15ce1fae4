"""All Qt code: a thin layer of views over the core services (no SQL here)."""
from .gc_guard import disable_automatic as _no_gc_in_workers

_no_gc_in_workers()  # Qt objects must not be collected off the GUI thread: see gc_guard.py
