"""`make validate` catches what no single model sees, and says where.

Each test plants one fault in a scratch copy of the book (its pages and its data), runs
the command `make validate` runs, and reads the message an editor would read: file,
line, entry and field. Lines are found in the copy, not written into the tests, so the
tests keep working while the data grows.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from book.course.paragraphs import pages
from book.cli import main
from book.course.load import DATA_ENV, DataError, load_course

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def book_copy(tmp_path: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The book's pages and _toc.yml in a scratch folder; the data copy is the one read."""
    root = tmp_path / "book"
    for page in [ROOT / "_toc.yml", *pages(ROOT)]:
        (root / page.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, root / page.relative_to(ROOT))
    monkeypatch.setenv(DATA_ENV, str(data_copy))
    return root


def _validate(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", "--root", str(root)])
    out = capsys.readouterr()
    return code, out.out + out.err


def _line(path: Path, pattern: str, after: int = 0) -> int:
    """The first line (1-based) after line ``after`` that matches ``pattern``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if n > after and re.search(pattern, text))


def _entry_of(path: Path, line: int) -> str:
    """The id of the YAML list entry that holds ``line``."""
    lines = path.read_text(encoding="utf-8").splitlines()[:line]
    return next(re.match(r"- id: (\S+)", t).group(1) for t in reversed(lines) if t.startswith("- id: "))


def _replace_line(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_the_real_book_validates(capsys):
    code, out = _validate(ROOT, capsys)
    assert code == 0, out
    assert "every ¶ reference resolves" in out


def test_paragraph_999_in_an_event_names_file_line_entry_and_field(book_copy, data_copy, capsys):
    path = data_copy / "events" / "iraq.yml"
    line = _line(path, r"^  passage: p\d+$")
    event = _entry_of(path, line)
    _replace_line(path, line, "passage: p", "passage: p999")
    article = load_course(data_copy).events[event].chapters[0]
    code, out = _validate(book_copy, capsys)
    assert code == 1
    assert f"events/iraq.yml:{line}: event {event!r}, field 'passage': ¶999" in out
    assert f"is not in {article!r}" in out


def test_paragraph_999_in_an_exercise_names_file_line_entry_and_field(book_copy, data_copy, capsys):
    path = data_copy / "exercises" / "tishreen.yml"
    line = _line(path, r"^  passages: \[p\d+")
    exercise = _entry_of(path, line)
    _replace_line(path, line, "[p", "[p999, p")
    code, out = _validate(book_copy, capsys)
    assert code == 1
    assert f"exercises/tishreen.yml:{line}: exercise {exercise!r}, field 'passages': ¶999 is not in 'tishreen'" in out


def test_a_grievance_passage_is_checked_too(book_copy, data_copy, capsys):
    path = data_copy / "exercises" / "solidarity.yml"
    line = _line(path, r"^      passage: p\d+$")
    _replace_line(path, line, "passage: p", "passage: p999")
    code, out = _validate(book_copy, capsys)
    assert code == 1
    assert re.search(rf"exercises/solidarity.yml:{line}: exercise '[a-z-]+', field 'grievances\.\d+\.passage': ¶999", out)


def test_paragraph_999_in_a_chapter_names_file_and_line(book_copy, capsys):
    path = book_copy / "chapters" / "tishreen.md"
    line = _line(path, r"\{para\}`\d+`")
    _replace_line(path, line, "{para}`", "{para}`999` and {para}`")
    code, out = _validate(book_copy, capsys)
    assert code == 1
    assert f"chapters/tishreen.md:{line}: {{para}}`999`: ¶999 is not in 'tishreen'" in out


@pytest.mark.parametrize("role, message", [
    ("{para}`3`", "this page holds no article"),
    ("{para}`nowhere:3`", "article 'nowhere' has no text on any page"),
])
def test_a_paragraph_role_outside_its_chapter_must_name_a_real_article(book_copy, capsys, role, message):
    path = book_copy / "how-to-use.md"
    line = _line(path, r"^[A-Z][a-z]+ ")  # a line of prose
    _replace_line(path, line, "", f"See {role}. ")
    code, out = _validate(book_copy, capsys)
    assert code == 1
    assert f"how-to-use.md:{line}: {role}: {message}" in out


def test_a_raw_script_in_a_chapter_is_rejected_with_file_and_line(book_copy, capsys):
    path = book_copy / "chapters" / "tishreen.md"
    _replace_line(path, _line(path, r"^## Context"), "## Context", "## Context\n\n<script>alert('mine')</script>\n")
    _replace_line(path, _line(path, r"^:::\{margin\}") + 1, "", "<SCRIPT src=x.js></SCRIPT> ")
    # Shown as code, a script is text: it is not run, and not an error.
    _replace_line(path, _line(path, r"^## What to watch"), "## What", "```html\n<script>shown()</script>\n```\n\n## What")
    code, out = _validate(book_copy, capsys)
    assert code == 1
    assert f"chapters/tishreen.md:{_line(path, 'alert')}: raw <script> in a page" in out
    assert f"chapters/tishreen.md:{_line(path, 'x.js')}: raw <script> in a page" in out
    assert out.count("raw <script>") == 2, out


def test_an_unknown_event_in_an_exercise_names_file_line_entry_and_field(data_copy):
    path = data_copy / "exercises" / "tishreen.yml"
    start = _line(path, r"^- id: tishreen-order-events$")
    line = _line(path, r"^    - [a-z0-9-]+$", after=start)
    _replace_line(path, line, "    - ", "    - no-such-event\n    - ")
    with pytest.raises(DataError) as info:
        load_course(data_copy)
    assert (f"exercises/tishreen.yml:{line}: exercise 'tishreen-order-events', field 'events': "
            "unknown event 'no-such-event'") in str(info.value)


@pytest.mark.parametrize("old, new, field", [
    ("  kind: choice\n", "", "kind"),                  # the kind left out
    ("kind: choice", "kind: quiz", "kind"),             # a kind that does not exist
    ("correct: true", "correct: false", "options"),     # no option right (a rule across fields)
], ids=["no-kind", "unknown-kind", "no-right-option"])
def test_model_errors_name_a_field_never_the_whole_entry(data_copy, old, new, field):
    path = data_copy / "exercises" / "tishreen.yml"
    text = path.read_text(encoding="utf-8")
    head, first, rest = text.split("\n- id:", 2)  # the comments, the first entry, the others
    path.write_text("\n- id:".join([head, first.replace(old, new), rest]), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_course(data_copy)
    message = str(info.value)
    assert re.search(rf"exercises/tishreen.yml:\d+: exercise '[a-z-]+', field {field!r}", message), message
    assert "(entry)" not in message


