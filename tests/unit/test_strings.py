"""The reader-facing words live in one catalog (book/data/strings.yml), and the code keeps
to it: every key the code names exists, every key is used, the code gives each text the
names it uses, and no script or template writes an English label of its own.

The last is a heuristic over the source, not a parser. In JavaScript a string literal
with a word in it is flagged where it reaches the reader: assigned to textContent,
innerText or innerHTML; passed to setAttribute for aria-label, title, placeholder or alt;
to alert, confirm or prompt; as the text of PRT's el(tag, text); to createTextNode;
thrown as an Error (import and ledger messages are shown); in a grader's verdict or
my-answers' say(); pushed onto a list; or held in an UPPER_CASE constant. A reader's
words have a capital letter or two words (class names, selectors and attribute names
have neither). In a template, text between
tags and aria-label, title, placeholder and alt values are flagged unless they are a
``{{ ... }}`` expression (``_()`` is Sphinx's own translation of the theme's words).
In the Sphinx layer, words in docutils text nodes and aria-labels are flagged. In the
Python modules that write for readers (PYTHON), read as a syntax tree so that docstrings
and comments are left out, a literal is flagged where it is HTML with words between its
tags or in an aria-label, title, placeholder or alt; a widget's or a chart's label
(description=, placeholder=, tooltip=, title= ...; a "title", "text", "label" or "name"
in a dict; an assignment to .value or .description); text given to a tag (.string); what
print() shows; the reason of a Misfit or NameProblem; an UPPER_CASE constant; or an item
of a tuple or list, where a writer keeps rows it joins into a page (the facilitator's
sheet's ("Model answer:", text) pairs). There the literals inside an f-string's values and
in the arguments of the calls it makes count too (a helper that adds a ¶ to "the
article's demand: ..." still writes those words); ``__all__`` holds names, not words.
ALLOWED lists the few literals that are not words for readers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from book.course.models import EventKind
from book.course.strings import STRINGS_FILE, catalog
from strings_python import KEY, READER, WORD, english_in_python

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
#: Python modules that write words for readers or facilitators (HTML, widgets, charts, paper).
PYTHON = sorted(p for p in [*BOOK.glob("exercises/**/*.py"), *BOOK.glob("answers/*.py"), *BOOK.glob("kinds/**/*.py"), *BOOK.glob("editions/**/*.py"),
                 *BOOK.glob("room/*.py"), *BOOK.glob("timeline/*.py"), BOOK / "glossary.py", BOOK / "notebooks" / "build.py"]
                if p.name not in ("model.py",  # its descriptions are for developers
                                  "inputs.py", "site_zip.py"))  # they write no words
SOURCES = sorted([*BOOK.glob("static/**/*.js"), *BOOK.glob("templates/*.html"), *BOOK.glob("sphinxext/*.py"), *PYTHON,
                  BOOK / "course" / "dates.py", BOOK / "i18n.py"])  # date words; the edition's search field
#: Keys the code builds from a prefix and a value: prefix -> the values it takes.
DYNAMIC = {"grade.step_": ("immediate", "transitional", "goal"), "exercise.bridge_": ("immediate", "transitional", "goal"),
           "timeline.region_": ("peru", "iraq", "world", "theory"), "timeline.kind_": get_args(EventKind), "timeline.month_": tuple(map(str, range(1, 13))),
           "paper.kind_": ("ordering", "matching", "short", "bridge", "ledger", "discussion"),
           "paper.how_passage_": ("supports", "refutes"),
           "group.answered_head_": ("last", "first"), "group.counting_": ("last", "first"),
           "group.room_kept_": ("first", "last"),
           # The year buttons the pages' code cells name (chapters/*.md, timelines.md).
           "timeline.view_": ("iraq_1958_2025", "tishreen_2019_2025", "iraq_2003_2025", "since_2018", "peru_1990_2026",
                              "2021_2026", "1848_2026", "since_2000", "since_1990", "2019_2026")}
#: (file name, literal) pairs the heuristic flags that are not reader-facing words.
ALLOWED = {
    ("course.js", "plotly.js did not load"),  # a rejected promise's reason; the reader sees timeline.failed
    ("search-button-field.html", "Ctrl"),  # a key cap, named as on the keyboard
    ("__init__.py", "answers/"),  # a folder's name, in <code>
    ("group.py", "not yet"), ("group.py", "no grade"),  # outcomes' ids (OUTCOME_NAMES names them)
    ("epub.py", "urn:uuid:"), ("epub.py", "en"),  # the package's identifier and language code
    ("extract.py", "currentColor"),  # an SVG paint value
    ("extract.py", ": no"), ("extract.py", "in the built page"),  # a build error, for developers
    ("build.py", "Python 3"),  # the kernel's name, as Jupyter lists it
    ("build.py", "from book import exercises, timeline"),  # notebook cells' code
    ("build.py", 'from book.exercises.facilitator import group\nfolder = "{}"'),
}
#: The catalog's own helper: its errors speak to whoever edits the code, not to readers.
MECHANISM = {"translate.js"}

STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'')
FILE_NAME = re.compile(r"\.(js|css|x?html|py|yml|json|svg)$")


def literals(text: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in STRING.finditer(text)]


def keys_named(text: str) -> set[str]:
    """Every quoted "feature.key" in ``text`` (also inside a Python f-string) whose feature
    the catalog has ("fold.show"; not "timeline.js")."""
    features = {k.split(".")[0] for k in catalog().texts}
    quoted = re.findall(r"[\"']([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*[a-z0-9])[\"']", text)
    return {s for s in quoted if s.split(".")[0] in features and not FILE_NAME.search(s)}


def call_args(text: str, start: int) -> tuple[list[str], int]:
    """The top-level arguments of the call whose "(" is at ``start``, and where it ends."""
    depth, quote, args, begin = 0, "", [], start + 1
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            if c == "\\":
                continue
            if c == quote and text[i - 1] != "\\":
                quote = ""
        elif c in "\"'`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append(text[begin:i])
                return [a.strip() for a in args if a.strip()], i
        elif c == "," and depth == 1:
            args.append(text[begin:i])
            begin = i + 1
    raise AssertionError(f"unbalanced call at {start}")


def top_level_names(obj: str, pattern: str) -> set[str]:
    """Property names of a JS object literal (``{a: 1}``) or Python keywords (``a=1``)."""
    inner = obj[1:-1] if obj.startswith("{") else obj
    parts, _ = call_args(f"({inner})", 0) if inner.strip() else ([], 0)
    return {m.group(1) for p in parts if (m := re.match(pattern, p))}


def calls(path: Path) -> list[tuple[set[str], set[str] | None]]:
    """Each t(...) call in a file: the keys its first argument may name, and the names it
    gives (None where they cannot be read from the source)."""
    text, found = path.read_text(encoding="utf-8"), []
    for m in re.finditer(r"(?<![\w.])(?:t|t_html|t_text|words|prt_t|PRT\.t)\(", text):
        args, _ = call_args(text, m.end() - 1)
        if not args or not keys_named(args[0]):
            continue
        if path.suffix == ".py":
            names = {m.group(1) for a in args[1:] if (m := re.match(r"(\w+)=", a))}
        elif len(args) == 1:
            names = set()
        else:
            names = top_level_names(args[1], r"(\w+)\s*:") if args[1].startswith("{") else None
        found.append((keys_named(args[0]), names))
    return found


def test_the_catalog_loads_and_every_text_is_filled_by_t():
    c = catalog()
    assert len(c.texts) > 100 and c.language == "en"
    assert c.t("grade.more_right", n=1) == "1 more right answer to find."
    assert c.t("grade.more_right", n=2) == "2 more right answers to find."
    assert c.t("fold.show_section", name="Context") == "Show section: Context"


def test_every_key_the_code_names_exists_and_every_key_is_used():
    used: set[str] = set()
    for path in SOURCES:
        used |= keys_named(path.read_text(encoding="utf-8"))
    for prefix, values in DYNAMIC.items():
        used |= {prefix + v for v in values}
    texts = set(catalog().texts)
    assert not used - texts, f"keys the code names that {STRINGS_FILE.name} lacks: {sorted(used - texts)}"
    assert not texts - used, f"keys no code uses (dead strings): {sorted(texts - used)}"


def test_each_call_gives_the_names_its_text_uses():
    problems = []
    for path in SOURCES:
        for keys, names in calls(path):
            for key in keys:
                if names is not None and names != catalog().names(key):
                    problems.append(f"{path.name}: {key} given {sorted(names)}, uses {sorted(catalog().names(key))}")
    assert not problems, problems
    assert sum(len(calls(p)) for p in SOURCES) > 150  # the scan reads the calls at all


JS_SINKS = [
    r"\.(?:textContent|innerText|innerHTML)\s*=\s*([^;]*);",
    r"setAttribute\(\s*\"(?:aria-label|title|placeholder|alt)\"\s*,([^;]*)\);",
    r"(?<![\w.])(?:window\.)?(?:alert|confirm|prompt)\(([^;]*)\)",
    r"(?<![\w.])el\(\s*\"\w+\"\s*,\s*((?:\"[^\"]*\"|[^,)])*)",
    r"createTextNode\(([^;]*)\)",
    r"new Error\(([^;]*)\)",
    r"(?<![\w.])(?:verdict|say)\(([^;]*)\)",
    r"\.push\(([^;]*)\)",
    r"(?:var|,)\s+[A-Z][A-Z_]+\s*=\s*([^;]*);",
]


def english_in_js(name: str, text: str) -> list[str]:
    """Literals with words that reach a reader from a script (the heuristic above)."""
    found = []
    for sink in JS_SINKS:
        for m in re.finditer(sink, text):
            for s in literals(m.group(1)):
                if READER.search(s) and not KEY.match(s) and not s.startswith("<") and (name, s) not in ALLOWED:
                    found.append(f"{name}: {s!r}")
    return found


def english_in_template(name: str, text: str) -> list[str]:
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", text, flags=re.S)
    found = [t.strip() for t in re.findall(r">([^<>]+)<", text) if WORD.search(t) and (name, t.strip()) not in ALLOWED]
    found += re.findall(r'\b(?:aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{2,}[^"]*)"', text)
    return [f"{name}: {s!r}" for s in found]


def english_in_sphinxext(name: str, text: str) -> list[str]:
    found = re.findall(r'nodes\.(?:Text|strong|emphasis|inline|reference)\((?:"",\s*)?f?"([^"{]*[A-Za-z]{2,}[^"]*)"', text)
    found += re.findall(r'aria-label="([A-Za-z][^"]*)"', text)
    return [f"{name}: {s!r}" for s in found]


def test_no_script_template_or_sphinx_label_writes_its_own_words():
    found = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".js" and path.name not in MECHANISM:
            found += english_in_js(path.name, text)
        elif path.suffix == ".html":
            found += english_in_template(path.name, text)
        elif path.parent.name == "sphinxext":
            found += english_in_sphinxext(path.name, text)
        if path in PYTHON:
            found += english_in_python(path.name, text, ALLOWED)
    assert not found, "reader-facing words outside book/data/strings.yml:\n" + "\n".join(found)


@pytest.mark.parametrize("planted", [
    'close.textContent = "Close";',
    'button.setAttribute("aria-label", "Hide section: " + name);',
    'if (!window.confirm("Erase everything?")) { return; }',
    'var p = el("p", "Not yet.", "prt-wrong");',
    'li.appendChild(document.createTextNode(": " + n + " want to discuss"));',
    'throw new Error("Choose or name a household.");',
])
def test_a_planted_english_label_in_a_script_is_caught(planted):
    assert english_in_js("planted.js", planted)
    assert not english_in_js("planted.js", 'close.textContent = t("common.close"); el("p", "", "prt-x");')


def test_a_planted_label_in_a_template_or_the_sphinx_layer_is_caught():
    assert english_in_template("t.html", '<span class="x">Chapters</span>')
    assert english_in_template("t.html", '<nav aria-label="Jump to">')
    assert not english_in_template("t.html", '<span>{{ prt_t("nav.chapters")|e }}</span><b title="{{ _(\'Search\') }}">')
    assert english_in_sphinxext("x.py", 'para(nodes.strong("", "Origin: "))')
    assert english_in_sphinxext("x.py", 'f\'<a aria-label="Paragraph {n}">\'')


@pytest.mark.parametrize("planted", [
    'status.value = f"<p>Saving the answers of <strong>{name}</strong></p>"',
    'go = w.Button(description="Start", button_style="primary")',
    'reveal.description = "Hide answer key"',
    'print("No answers to this question yet.")',
    'raise Misfit("the events to order have changed")',
    'HINT = "Think about what each event made possible for the next one."',
    'fig.update_layout(xaxis={"title": "minutes without power"})',
    'x = f\'<button type="button" aria-label="Move up: {title}">↑</button>\'',
    'ref.string = "Note"',
    'return [("Model answer:", ex.model_answer)] + [("Rubric:", r) for r in ex.rubric]',
    'lines = [(f"{\'Right\' if o.correct else \'Not right\'}: {o.text}", o.feedback) for o in options]',
    'rows = [(f"{g.grievance} →", with_para(f"the article\'s demand: {g.demand}", g.passage)) for g in gs]',
    'rows = [("No key:", "the group\'s own data; compare the totals together.")]',
])
def test_a_planted_english_label_in_a_python_module_is_caught(planted):
    assert english_in_python("planted.py", planted)


def test_code_in_tuples_and_lists_is_not_flagged():
    """The tuple and list rule reads names, selectors, layouts and policies as code."""
    clean = ('__all__ = ["AnswerEntry", "Result"]\nSCREEN_ONLY = [".headerlink", "script", "#jb-print-toc"]\n'
             'box = w.HBox([a, b], layout={"flex_flow": "row wrap"})\n'
             'POLICY = "default-src \'none\'; style-src \'unsafe-inline\'"\n'
             'for attr in ("title", "tabindex", "data-timeline"):\n    pass\n'
             'lines = [(t("paper.key_model"), ex.model_answer), (f"{n}.", f"{date}: {title}")]\n')
    assert not english_in_python("clean.py", clean)


def test_python_code_and_catalog_reads_are_not_flagged():
    clean = ('"""A docstring: <b>with words</b>."""\n# a comment: "Start"\n'
             'b = w.Button(description=t("widget.start"))\n'
             'x = f\'<p class="prt-wrong">{html.escape(t("widget.not_saved"))}</p>\'\n'
             'CSS = "html { font: 1rem Georgia; }"\nWIDE = {"width": "max-content"}\n')
    assert not english_in_python("clean.py", clean)


def test_a_planted_unknown_key_or_wrong_names_are_caught(tmp_path):
    script = tmp_path / "x.js"
    script.write_text('t("fold.shw"); t("fold.show_section", { title: x });', encoding="utf-8")
    assert keys_named(script.read_text()) - set(catalog().texts) == {"fold.shw"}
    assert calls(script)[1] == ({"fold.show_section"}, {"title"}) and catalog().names("fold.show_section") == {"name"}
