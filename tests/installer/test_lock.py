"""The hashed locks (installer/lock/) agree with pyproject.toml: every pinned dependency is in
each lock at the same version with hashes, so `make` and build-windows.ps1 install what was tested."""
import re
import tomllib

import pytest

from tests.helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pins() -> dict[str, str]:
    deps = list(PYPROJECT["project"]["dependencies"])
    for extra in PYPROJECT["project"]["optional-dependencies"].values():
        deps += extra
    out = {}
    for d in deps:
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)(\[[^\]]*\])?==([^;\s]+)", d.strip())
        if m:
            out[re.sub(r"[-_.]+", "-", m[1]).lower()] = m[3]
    return out


def locked(name: str) -> dict[str, str]:
    text = (ROOT / "installer" / "lock" / name).read_text(encoding="utf-8")
    out = {}
    for block in re.split(r"\n(?=[a-z0-9])", text):
        m = re.match(r"([a-z0-9_.-]+)(\[[^\]]*\])?==(\S+)", block)
        if m:
            assert "--hash=sha256:" in block, f"{m[1]} has no hash in {name}"
            out[re.sub(r"[-_.]+", "-", m[1]).lower()] = m[3]
    return out


@pytest.mark.parametrize("name", ["requirements-linux.txt", "requirements-windows.txt"])
def test_every_pinned_dependency_is_locked_at_its_version_with_hashes(name):
    lock = locked(name)
    assert pins(), "no pinned dependency found in pyproject.toml"
    for pkg, version in pins().items():
        assert lock.get(pkg) == version, f"{pkg}=={version} in pyproject.toml, {lock.get(pkg)} in {name}: run make lock"


def test_the_windows_lock_holds_the_packages_pip_needs_only_there():
    lock = locked("requirements-windows.txt")
    for pkg in ("pefile", "pywin32-ctypes"):
        assert pkg in lock
