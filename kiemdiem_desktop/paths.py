"""Where things live: bundled resources and the user's data folder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "KiemDiem"
# Portable mode (USB sticks): one of these files beside the program puts the data and the settings
# (cai-dat.ini) into a ``data/`` folder beside the program instead of the user's profile.
PORTABLE_MARKERS = ("portable.txt", "kiemdiem-portable")
PORTABLE_DATA_NAME = "data"


def program_dir() -> Path:
    """The folder of the program: the executable's folder in a PyInstaller bundle, the checkout
    (the folder holding the package) when run from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def portable_dir() -> Path | None:
    """``<program>/data`` when a portable marker lies beside the program, else None."""
    folder = program_dir()
    if any((folder / name).is_file() for name in PORTABLE_MARKERS):
        return folder / PORTABLE_DATA_NAME
    return None


def resource_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def data_dir() -> Path:
    """The local (not roaming) application-data folder, created on demand.

    ``KIEMDIEM_DATA_DIR`` overrides it (tests, scripts); then a portable marker beside the program
    (see :func:`portable_dir`) puts it beside the program.
    """
    override = os.environ.get("KIEMDIEM_DATA_DIR")
    portable = None if override else portable_dir()
    if override:
        base = Path(override)
    elif portable is not None:
        base = portable
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP_DIR_NAME
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        base = Path(xdg) / "kiemdiem"
    if not base.exists():
        base.mkdir(parents=True, mode=0o700)  # private where the OS has permissions
    return base


def default_db_path() -> Path:
    return data_dir() / "chi-bo.kiemdiem"


def backup_dir() -> Path:
    d = data_dir() / "sao-luu"
    d.mkdir(parents=True, exist_ok=True, mode=0o700)
    return d
