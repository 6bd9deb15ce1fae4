"""No import circle between modules (ARCHITECTURE.md), function-level imports included.

The graph is built from the source of every module of the package: ``import a.b``,
``from a import b`` (the module a.b when it is one, else a), relative imports resolved;
imports under ``if TYPE_CHECKING:`` are left out (they never run). Any strongly connected
group of two or more modules (or a module importing itself) is a circle, printed with one
path around it."""
import ast

from tests.helpers import ROOT

PACKAGE = ROOT / "kiemdiem_desktop"
TOP = "kiemdiem_desktop"


def module_name(path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(tree: ast.AST) -> set[int]:
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            t = node.test
            name = t.id if isinstance(t, ast.Name) else t.attr if isinstance(t, ast.Attribute) else ""
            if name == "TYPE_CHECKING":
                for inner in node.body:
                    skip.update(id(n) for n in ast.walk(inner))
    return skip


def imports_of(path, name: str, modules: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    is_package = path.name == "__init__.py"
    out = set()

    def nearest(target: str) -> str | None:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return target or None

    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == TOP:
                    out.add(nearest(alias.name))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] != TOP:
                continue
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                out.add(sub if sub in modules else nearest(source))
    out.discard(None)
    out.discard(name)
    return out


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    return {name: imports_of(p, name, modules) for name, p in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of two or more modules, each as one circle."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(_circle(graph, set(group)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _circle(graph, group: set[str]) -> list[str]:
    """One path around a strongly connected group, from its first module back to it."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v] & group):
                if w == start:
                    return paths[v] + [start]
                if w not in paths:
                    paths[w] = paths[v] + [w]
                    nxt.append(w)
        frontier = nxt
    return sorted(group)


# Known circles, each to be cut by its owner. A circle listed here that is gone fails too, so the
# list only shrinks. (Empty: the start help's pictures, which draw the main window, live in
# gui/help_pictures.py, handed to gui/help.py by gui/__init__.py.)
KNOWN: list[set[str]] = []


def test_no_import_circles():
    found = cycles(import_graph())
    new = [c for c in found if set(c) not in KNOWN]
    assert new == [], "import circles:\n" + "\n".join(" -> ".join(c) for c in new)
    gone = [k for k in KNOWN if k not in [set(c) for c in found]]
    assert gone == [], f"{gone} is no longer a circle: remove it from KNOWN"


def test_the_graph_sees_function_level_and_relative_imports(tmp_path):
    pkg = tmp_path / TOP
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from ..a import x\n")
    (pkg / "sub" / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .. import a\n")
    modules = {f"{TOP}", f"{TOP}.a", f"{TOP}.sub", f"{TOP}.sub.b", f"{TOP}.sub.c"}

    def deps(rel, name):
        return imports_of(pkg / rel, name, modules)

    graph = {f"{TOP}.a": deps("a.py", f"{TOP}.a"), f"{TOP}.sub.b": deps("sub/b.py", f"{TOP}.sub.b"),
             f"{TOP}.sub.c": deps("sub/c.py", f"{TOP}.sub.c")}
    assert graph[f"{TOP}.a"] == {f"{TOP}.sub.b"} and graph[f"{TOP}.sub.c"] == set()
    assert cycles(graph) == [[f"{TOP}.a", f"{TOP}.sub.b", f"{TOP}.a"]]
