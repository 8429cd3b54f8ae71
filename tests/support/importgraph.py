"""The import graph of the ``book`` package: loops, depth, imports hidden in functions,
module sizes. ``python tests/support/importgraph.py`` prints the facts; tests/unit/
test_import_graph.py holds the package to them.

An edge is an import written in a module (at any depth of its body), plus the implicit
one to every package ``__init__`` on the way (``import book.a.b`` runs ``book/a/__init__``),
except a module's own ancestors, which Python has already started.
"""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BOOK = Path(__file__).resolve().parents[2] / "book"


@dataclass
class Graph:
    files: dict[str, Path] = field(default_factory=dict)
    edges: dict[str, set[str]] = field(default_factory=dict)
    #: (module, imported module) pairs written inside a function or a class body.
    inner: set[tuple[str, str]] = field(default_factory=set)

    def loops(self) -> list[list[str]]:
        """Strongly connected groups of more than one module (Tarjan)."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        found: list[list[str]] = []

        def visit(v: str) -> None:
            index[v] = low[v] = len(index)
            stack.append(v)
            for w in sorted(self.edges[v]):
                if w not in index:
                    visit(w)
                    low[v] = min(low[v], low[w])
                elif w in stack:
                    low[v] = min(low[v], index[w])
            if low[v] == index[v]:
                group = []
                while True:
                    w = stack.pop()
                    group.append(w)
                    if w == v:
                        break
                if len(group) > 1:
                    found.append(sorted(group))

        for v in sorted(self.edges):
            if v not in index:
                visit(v)
        return found

    def longest_chain(self) -> list[str]:
        """The longest chain of imports (the graph has no loop)."""
        memo: dict[str, list[str]] = {}

        def chain(v: str) -> list[str]:
            if v not in memo:
                memo[v] = [v] + max((chain(w) for w in sorted(self.edges[v])), key=len, default=[])
            return memo[v]

        return max((chain(v) for v in sorted(self.edges)), key=len)

    def lines(self) -> dict[str, int]:
        return {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in self.files.items()}

    def per_package(self) -> Counter:
        return Counter(m if p.name == "__init__.py" else m.rpartition(".")[0] for m, p in self.files.items())


def graph(root: Path = BOOK, packages: bool = True) -> Graph:
    """``packages``: add the implicit edges to the packages an import passes through."""
    g = Graph()
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        g.files[".".join(parts)] = path
    name = root.name

    def resolve(dotted: str) -> str | None:
        while dotted and dotted not in g.files:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    for module, path in g.files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        top = {id(node) for node in tree.body}
        g.edges[module] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                if target.split(".")[0] != name:
                    continue
                found = resolve(target)
                if found and found != module:
                    g.edges[module].add(found)
                    if id(node) not in top and not _in_guard(tree, node):
                        g.inner.add((module, found))
    for module in g.edges if packages else ():  # the packages an import passes through run first
        for target in list(g.edges[module]):
            parent = target.rpartition(".")[0]
            while parent and parent != name:
                if parent in g.files and not module.startswith(parent + ".") and parent != module:
                    g.edges[module].add(parent)
                parent = parent.rpartition(".")[0]
    return g


def _in_guard(tree: ast.Module, node: ast.AST) -> bool:
    """An import at the top of a module inside ``try``/``if`` (a platform's choice)."""
    return any(isinstance(top, (ast.Try, ast.If)) and any(n is node for n in ast.walk(top)) for top in tree.body)


def main() -> None:
    g = graph()
    chain = g.longest_chain() if not g.loops() else []
    sizes = g.lines()
    largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:3]
    print(f"modules: {len(g.files)}, lines: {sum(sizes.values())}")
    print(f"loops: {len(g.loops())} {g.loops()}")
    print(f"depth (modules in the longest chain, packages' __init__ included): {len(chain)}\n  {' -> '.join(chain)}")
    written = graph(packages=False).longest_chain() if not g.loops() else []
    print(f"depth (imports as written): {len(written)}\n  {' -> '.join(written)}")
    print(f"imports inside functions: {sorted(g.inner)}")
    print(f"largest modules: {largest}")
    print(f"modules per package: {dict(sorted(g.per_package().items()))}")


if __name__ == "__main__":
    main()
