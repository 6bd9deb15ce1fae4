"""PyInstaller entry point of the bundle: the same command line as ``kiemdiem``."""
import os
import sys


def restore_library_path(environ=os.environ) -> None:
    """The Linux bundle's bootloader puts its ``_internal`` folder first on LD_LIBRARY_PATH (keeping the
    user's own value, if any, in LD_LIBRARY_PATH_ORIG) and starts itself again. The dynamic loader
    reads LD_LIBRARY_PATH once, when a process starts: this process keeps finding its libraries in
    ``_internal``. The programs it starts would inherit the variable too — the desktop's viewer that
    opens a document (QDesktopServices → xdg-open) would load our Qt 6, OpenSSL, GLib… instead of its
    own. The user's value is put back for them."""
    if "LD_LIBRARY_PATH_ORIG" in environ:
        environ["LD_LIBRARY_PATH"] = environ.pop("LD_LIBRARY_PATH_ORIG")
    else:
        environ.pop("LD_LIBRARY_PATH", None)


if __name__ == "__main__":
    if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
        restore_library_path()
    from kiemdiem_desktop.__main__ import main

    sys.exit(main())
