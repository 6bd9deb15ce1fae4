"""No module uses another module's private members (ARCHITECTURE.md: one meeting aggregate with
a public interface). A name with a leading underscore defined in a module of the package — a
function, class, method or ``self._attribute`` — is used only inside that module."""
import ast
from collections import defaultdict

from tests.helpers import ROOT

PACKAGE = ROOT / "kiemdiem_desktop"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(paths) -> list[str]:
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in paths}
    defined = defaultdict(set)
    for p, tree in trees.items():
        for n in ast.walk(tree):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and _private(n.name):
                defined[n.name].add(p)
            elif (isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name)
                  and n.value.id == "self" and _private(n.attr)):
                defined[n.attr].add(p)
    found = []
    for p, tree in trees.items():
        for n in ast.walk(tree):
            if (isinstance(n, ast.Attribute) and _private(n.attr) and n.attr in defined and p not in defined[n.attr]
                    and not (isinstance(n.value, ast.Name) and n.value.id in ("self", "cls"))):
                found.append(f"{p.relative_to(ROOT)}:{n.lineno}: {ast.unparse(n)} "
                             f"(private to {', '.join(sorted(str(x.relative_to(ROOT)) for x in defined[n.attr]))})")
    return found


def test_no_module_uses_another_modules_private_members():
    found = private_uses(sorted(PACKAGE.rglob("*.py")))
    assert found == [], "\n".join(found)


def test_the_check_sees_a_private_call_across_modules(tmp_path):
    (tmp_path / "a.py").write_text("class S:\n    def _commit(self):\n        self._n = 1\n")
    (tmp_path / "b.py").write_text("def f(s):\n    s._commit()\n    return s._n, s._other\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = private_uses([tmp_path / "a.py", tmp_path / "b.py"])
    finally:
        ROOT = saved
    assert sorted(f.split(": ")[1].split(" (")[0] for f in found) == ["s._commit", "s._n"]
