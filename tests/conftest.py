import os
from pathlib import Path

import pytest

# Headless everywhere, whatever the caller's environment says.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("KIEMDIEM_TEST", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def collect_on_the_main_thread():
    """Once the GUI is imported the automatic collector is off (kiemdiem_desktop/gui/gc_guard.py):
    collect here, on the main thread, between tests."""
    yield
    import gc

    if not gc.isenabled() and gc.get_count()[0] > 20_000:
        gc.collect(0)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch):
    """Automatic backups and settings go to a fresh folder, never the real home."""
    data = tmp_path_factory.mktemp("appdata")
    monkeypatch.setenv("KIEMDIEM_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    return data

