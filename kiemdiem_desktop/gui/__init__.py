"""All Qt code: a thin layer of views over the core services (no SQL here)."""
from .gc_guard import disable_automatic as _no_gc_in_workers

_no_gc_in_workers()  # Qt objects must not be collected off the GUI thread: see gc_guard.py


def _wire_start_help() -> None:
    """The start help's pictures draw the windows that open it: hand the taker to the page here,
    above both, so neither help.py nor the windows import the other way (no import circle)."""
    from . import help as start_help
    from .help_pictures import make_pictures

    start_help.set_picture_taker(make_pictures)


_wire_start_help()
