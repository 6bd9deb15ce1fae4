"""All Qt code: a thin layer of views over the core services (no SQL here)."""
from .refcount_guard import guard as _guard

_guard()   # PySide6 6.12.0 on Python 3.11: see refcount_guard.py
