"""The core runs without Qt (command line, tests); the window never runs SQL."""
import ast
import subprocess
import sys

from tests.helpers import ROOT

PACKAGE = ROOT / "kiemdiem_desktop"


def test_every_core_module_imports_without_loading_qt():
    core = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in PACKAGE.rglob("*.py")
        if "gui" not in p.relative_to(PACKAGE).parts and p.name != "__main__.py")
    code = ("import sys, importlib\n"
            f"for name in {core!r}:\n"
            "    importlib.import_module(name.removesuffix('.__init__'))\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
            "print(','.join(loaded))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core modules loaded Qt: {result.stdout}"
    assert len(core) > 15


def test_gui_code_runs_no_sql():
    offenders = []
    for path in (PACKAGE / "gui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                storage = [n for n in names if n and (n.startswith("sqlite3") or ".store" in n or n == "store")]
                if any(not n.endswith("store.errors") for n in storage):
                    offenders.append(f"{path.name}:{node.lineno} imports storage")
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "executescript"):
                offenders.append(f"{path.name}:{node.lineno} calls .{node.attr}")
    assert offenders == []


def test_crypto_holds_primitives_only():
    """crypto/ signs, seals, opens and checks certificates; the use cases over documents, the store
    and the committee's register (packaging, opening into the register, the self-test) are in
    services/ and committee/, which call it — never the other way round."""
    use_cases = ("services", "committee", "session", "voting", "flow", "figures", "cli", "gui", "meeting_snapshot")
    offenders = []
    for path in (PACKAGE / "crypto").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level >= 2:
                top = node.module.split(".")[0]
                if top in use_cases:
                    offenders.append(f"crypto/{path.name}:{node.lineno} imports {node.module}")
    assert offenders == []
