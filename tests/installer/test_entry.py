"""installer/entry.py, the bundle's entry point: the programs the bundle starts (the desktop's viewer
opening a document) get the user's LD_LIBRARY_PATH back, not the bundle's _internal folder."""
from __future__ import annotations

import importlib.util

from tests.helpers import ROOT


def _entry():
    spec = importlib.util.spec_from_file_location("kiemdiem_bundle_entry", ROOT / "installer" / "entry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_users_library_path_is_put_back():
    env = {"LD_LIBRARY_PATH": "/opt/kiemdiem/_internal:/home/u/lib", "LD_LIBRARY_PATH_ORIG": "/home/u/lib",
           "HOME": "/home/u"}
    _entry().restore_library_path(env)
    assert env == {"LD_LIBRARY_PATH": "/home/u/lib", "HOME": "/home/u"}


def test_no_library_path_when_the_user_had_none():
    env = {"LD_LIBRARY_PATH": "/opt/kiemdiem/_internal", "HOME": "/home/u"}
    _entry().restore_library_path(env)
    assert env == {"HOME": "/home/u"}


def test_running_from_the_source_tree_changes_nothing():
    """Imported (not run as the bundle's main script) the module leaves the environment alone."""
    import os

    before = dict(os.environ)
    _entry()
    assert dict(os.environ) == before
