"""All Qt code: a thin layer of views over the core services (no SQL here)."""
from . import start_help_hook as _start_help_hook
from .gc_guard import disable_automatic as _no_gc_in_workers

_no_gc_in_workers()  # Qt objects must not be collected off the GUI thread: see gc_guard.py


def _take_start_help_pictures(folder):
    """Trợ giúp › Bắt đầu: the pictures, taken by drawing the real windows (help_pictures.py)."""
    from .help_pictures import make_pictures

    return make_pictures(folder)


_start_help_hook.take_pictures = _take_start_help_pictures
