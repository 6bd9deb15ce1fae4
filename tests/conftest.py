import os
import sys
from pathlib import Path

import pytest

# Headless everywhere, whatever the caller's environment says.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("KIEMDIEM_TEST", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch):
    """Automatic backups and settings go to a fresh folder, never the real home."""
    data = tmp_path_factory.mktemp("appdata")
    monkeypatch.setenv("KIEMDIEM_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    return data

