"""SQL lives only in kiemdiem_desktop/store/ (ARCHITECTURE.md): no module elsewhere calls
``.execute`` / ``.executemany`` / ``.executescript`` or holds SQL text in a string."""
import ast
import re

from tests.helpers import ROOT

PACKAGE = ROOT / "kiemdiem_desktop"
STORE = PACKAGE / "store"
CALLS = {"execute", "executemany", "executescript"}
SQL = re.compile(r"\b(SELECT\b[\s\S]*\bFROM\b|INSERT\s+(OR\s+[A-Z]+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b"
                 r"|REPLACE\s+INTO\b|PRAGMA\s+\w+|CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)\b|DROP\s+(TABLE|INDEX)\b"
                 r"|ALTER\s+TABLE\b|VACUUM\b|BEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED)\b)")
# Files still holding SQL outside store/ while being emptied (none now).
NOT_YET: set[str] = set()


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def sql_outside_store(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in CALLS:
            found.append(f"{node.lineno}: .{node.attr}(")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            if SQL.search(node.value):
                found.append(f"{node.lineno}: SQL text {node.value[:60]!r}")
    return found


def test_no_sql_outside_store():
    offenders, cleaned = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        if STORE in path.parents:
            continue
        rel = path.relative_to(PACKAGE).as_posix()
        found = sql_outside_store(path)
        if rel in NOT_YET:
            if not found:
                cleaned.append(rel)
            continue
        offenders += [f"kiemdiem_desktop/{rel}:{f}" for f in found]
    assert offenders == [], "SQL outside store/ (move it into a repository there):\n" + "\n".join(offenders)
    assert cleaned == [], f"{cleaned} hold no SQL any more: remove them from NOT_YET"


def test_the_check_sees_sql_and_calls(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('"""PRAGMA in a docstring is prose."""\n'
                   'def f(conn):\n'
                   '    conn.execute("SELECT marks FROM ballot_paper WHERE ballot_id = ?")\n'
                   '    return f"DELETE FROM {table} WHERE meeting_id = ?"\n'
                   'TEXT = "Chọn (SELECT) một mục từ danh sách"\n', encoding="utf-8")
    found = sql_outside_store(bad)
    assert [f.split(":")[0] for f in found] == ["3", "3", "4"]
