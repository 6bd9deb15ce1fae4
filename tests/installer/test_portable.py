"""Portable mode: a marker file beside the program puts data and settings into ``data/`` beside it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiemdiem_desktop import paths


@pytest.fixture
def fake_bundle(tmp_path, monkeypatch):
    """A fake one-folder bundle: ``<tmp>/kiemdiem/kiemdiem`` as the frozen executable."""
    folder = tmp_path / "USB" / "KiemDiem"
    folder.mkdir(parents=True)
    exe = folder / "kiemdiem"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv("KIEMDIEM_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "home-data"))
    return folder


def test_without_marker_data_lives_in_the_profile(fake_bundle, tmp_path):
    assert paths.program_dir() == fake_bundle.resolve()
    assert paths.portable_dir() is None
    assert paths.data_dir().is_relative_to(tmp_path / "home-data")


@pytest.mark.parametrize("marker", paths.PORTABLE_MARKERS)
def test_marker_beside_the_program_puts_data_beside_it(fake_bundle, tmp_path, marker):
    (fake_bundle / marker).write_text("", encoding="utf-8")
    assert paths.data_dir() == fake_bundle.resolve() / "data"
    assert paths.data_dir().is_dir()
    assert paths.default_db_path().parent == fake_bundle.resolve() / "data"
    assert not (tmp_path / "home-data").exists()


def test_settings_follow_into_the_portable_folder(fake_bundle, qapp):
    (fake_bundle / "portable.txt").write_text("", encoding="utf-8")
    from kiemdiem_desktop.gui.common import settings

    s = settings()
    s.setValue("zoom", 2)
    s.sync()
    assert Path(s.fileName()).resolve() == (fake_bundle / "data" / "cai-dat.ini").resolve()
    assert (fake_bundle / "data" / "cai-dat.ini").is_file()


def test_a_marker_directory_is_not_a_marker(fake_bundle):
    (fake_bundle / "portable.txt").mkdir()
    assert paths.portable_dir() is None


def test_environment_override_wins_over_the_marker(fake_bundle, tmp_path, monkeypatch):
    (fake_bundle / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("KIEMDIEM_DATA_DIR", str(tmp_path / "override"))
    assert paths.data_dir() == tmp_path / "override"


def test_source_checkout_uses_the_folder_holding_the_package(monkeypatch):
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    assert paths.program_dir() == Path(paths.__file__).resolve().parent.parent
