"""Keys made once for the GUI crypto tests (passphrases only through ``PASS``, never a command line),
and the documents window fixtures on a held, locked 12-member meeting."""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests.gui.documents.conftest import documents_window, held_desk  # noqa: E402,F401

PASS = "mat-khau-thu-nghiem"
KEYS = {"chi-bo": ("Chi bộ Văn phòng", "signing"), "chi-bo-moi": ("Chi bộ Văn phòng", "signing"),
        "cap-uy": ("Đảng ủy Sở Nội vụ", "encryption"), "cap-uy-khac": ("Đảng ủy Sở Tài chính", "encryption"), "chu-tri": ("Nguyễn Văn Hùng", "signing")}


@pytest.fixture(scope="session")
def gui_keys(tmp_path_factory) -> Path:
    from kiemdiem_desktop.crypto.keys import new_key

    d = tmp_path_factory.mktemp("khoa-gui")
    for stem, (name, purpose) in KEYS.items():
        new_key(name, d / f"{stem}.p12", PASS, purpose=purpose)
    return d


@pytest.fixture
def load_key(gui_keys):
    """``load_key(stem)`` gives a function that opens the key (as KeyChooser.loader() does)."""
    from kiemdiem_desktop.crypto.keys import load_pkcs12_key

    return lambda stem: (lambda: load_pkcs12_key(gui_keys / f"{stem}.p12", PASS))
