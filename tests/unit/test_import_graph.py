"""book/'s imports point one way: no loop, no import hidden in a function to dodge one,
and each layer imports only the layers below it (README, *Layout*)."""

from __future__ import annotations

from importgraph import graph

#: Imports inside a function, each for a reason other than a loop: the command line loads
#: only what its command needs (validate runs without WeasyPrint), and two Sphinx roles
#: and directives read their data only when a page uses them.
LAZY = {("book.cli", m) for m in ("book.course.checks", "book.course.sources", "book.course.strings",
                                  "book.editions.facilitator", "book.editions.handouts",
                                  "book.editions.site_zip", "book.notebooks.build",
                                  "book.i18n", "book.course.language", "book.course.load")} | {
    ("book.sphinxext.article", "book.course.sources"), ("book.sphinxext.pages", "book.answers.page")}

#: What each package may import of ours (besides itself): arrows point down only.
MAY_IMPORT = {
    "book.course": set(),
    "book.timeline": {"book.course", "book.notebooks"},
    "book.glossary": {"book.course"},
    "book.kinds": {"book.course"},
    "book.answers": {"book.course", "book.kinds"},
    "book.exercises": {"book.course", "book.kinds", "book.answers", "book.timeline", "book.notebooks"},
    "book.notebooks": {"book.course", "book.exercises"},
}


def _package(module: str) -> str:
    """The layer a module belongs to: its package under book/, except a kind's live half.
    ``book/kinds/<kind>/widget.py`` sits beside its kind's contract, so adding a kind
    touches one folder, but it is the live layer's (it builds on ``exercises.live``, and
    only ``exercises`` loads it)."""
    if module.startswith("book.kinds.") and module.endswith(".widget"):
        return "book.exercises"
    return ".".join(module.split(".")[:2])


def test_no_import_loop_in_book():
    assert graph().loops() == []


def test_no_import_hides_in_a_function_but_the_known_lazy_ones():
    assert graph().inner == LAZY


def test_each_layer_imports_only_those_below_it():
    g = graph(packages=False)
    wrong = sorted((m, t) for m, targets in g.edges.items() for t in targets
                   if _package(m) in MAY_IMPORT and _package(t) != _package(m)
                   and _package(t) not in MAY_IMPORT[_package(m)])
    assert wrong == []


def test_the_check_finds_a_planted_loop_and_a_hidden_import(tmp_path):
    pkg = tmp_path / "book"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("def f():\n    from .. import a\n")
    g = graph(pkg)
    assert g.loops() == [["book.a", "book.sub.b"]]
    assert g.inner == {("book.sub.b", "book.a")}
