"""The study group's own layer, done as its people would: a member answers on a phone,
flags paragraphs, exports, erases, imports; a facilitator drops the members' files on
the facilitator edition's group page. Issue 15's tasks, in a real browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from book.answers.read import collect
from book.answers.summary import summarize
from book.load import course
from flows import answer_every_kind, export, flag
from helpers import PHONE, axe_serious, kept, open_kept

pytestmark = pytest.mark.browser

FACILITATOR = Path(__file__).resolve().parent.parent / "_build" / "facilitator"


def test_member_exports_erases_and_imports_everything(browser, built, tmp_path):
    context = browser.new_context(accept_downloads=True, **PHONE)
    page = context.new_page()
    answer_every_kind(page, built)
    flag(page, built, "peru", 3, "I don't understand this", "Which coup?")
    flag(page, built, "peru", 5, "I want to discuss this")
    file = export(page, built, "Layla", tmp_path, private=True)  # the discussion notes too, to import back
    data = json.loads(file.read_text(encoding="utf-8"))
    kinds = {a["kind"] for a in data["answers"]}
    assert kinds == {"choice", "ordering", "matching", "short", "bridge", "discussion", "ledger"}
    assert {(n["chapter"], n["paragraph"], n["flag"]) for n in data["notes"]} == {
        ("peru", 3, "confused"), ("peru", 5, "discuss")}
    listed = page.locator(".prt-ma-list li").count()
    assert listed == len(data["answers"]) + 2

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Erase everything this book stored").tap()
    assert "Nothing from this book is stored" in page.locator(".prt-ma-status").inner_text()
    kept(page)
    open_kept(page, (built / "exercises" / "tishreen.html").as_uri())
    assert page.locator('[data-exercise="tishreen-our-situation"] textarea').input_value() == ""
    open_kept(page, (built / "chapters" / "peru.html").as_uri())
    assert page.locator("#p3 .prt-flag-badge").count() == 0

    open_kept(page, (built / "my-answers.html").as_uri())
    page.get_by_label("Answer file").set_input_files(str(file))
    status = page.locator(".prt-ma-import-status")
    status.wait_for()
    page.wait_for_function("() => document.querySelector('.prt-ma-import-status').textContent.length > 0")
    assert f"{len(data['answers']) + 2} added" in status.inner_text()
    assert page.locator(".prt-ma-list li").count() == listed
    kept(page)
    open_kept(page, (built / "exercises" / "tishreen.html").as_uri())
    assert page.locator('[data-exercise="tishreen-our-situation"] textarea').input_value() == "Water cuts matter most here."
    open_kept(page, (built / "chapters" / "peru.html").as_uri())
    assert "Which coup?" in page.locator("#p3 .prt-flag-badge").inner_text()
    context.close()


def test_import_asks_before_it_replaces(browser, built, tmp_path):
    context = browser.new_context(accept_downloads=True, **PHONE)
    page = context.new_page()
    flag(page, built, "peru", 3, "I want to discuss this")
    file = export(page, built, "Sami", tmp_path)
    flag(page, built, "peru", 3, "I don't understand this")  # now different from the file
    open_kept(page, (built / "my-answers.html").as_uri())
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_label("Answer file").set_input_files(str(file))
    page.wait_for_function("() => document.querySelector('.prt-ma-import-status').textContent.includes('kept')")
    assert "1 kept as they were here" in page.locator(".prt-ma-import-status").inner_text()
    context.close()


def test_a_broken_file_is_named_and_the_rest_still_load(browser, built, tmp_path):
    page = browser.new_page()
    open_kept(page, (built / "my-answers.html").as_uri())
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    page.get_by_label("Answer file").set_input_files(str(broken))
    page.wait_for_function("() => document.querySelector('.prt-ma-import-status').textContent.length > 0")
    assert "broken.json could not be read" in page.locator(".prt-ma-import-status").inner_text()
    page.close()


def _member_file(tmp: Path, name: str, pseudonym: str, answers: list, notes: list) -> Path:
    path = tmp / name
    path.write_text(json.dumps({"format": "prt-answers", "version": 1, "pseudonym": pseudonym,
                                "answers": answers, "notes": notes}), encoding="utf-8")
    return path


def test_group_page_counts_answers_and_flags_like_the_python_summary(browser, built, tmp_path):
    if not (FACILITATOR / "group.html").exists():
        pytest.fail("no facilitator edition: run `make book`")
    ex = course().exercises["tishreen-who-protested"]
    right = next(o.text for o in ex.options if o.correct)
    wrong = next(o.text for o in ex.options if not o.correct)
    entry = lambda chosen: {"exercise": ex.id, "chapter": "tishreen", "kind": "choice", "answer": {"chosen": [chosen]}}
    files = [
        _member_file(tmp_path, "a.json", "Ana", [entry(right)], [{"chapter": "peru", "paragraph": 3, "flag": "confused", "note": "Which coup?"}]),
        _member_file(tmp_path, "b.json", "Ana", [entry(wrong)], [{"chapter": "peru", "paragraph": 3, "flag": "confused"},
                                                                {"chapter": "peru", "paragraph": 9, "flag": "discuss"}]),
        _member_file(tmp_path, "c.json", "Omar", [entry(right), {"exercise": "gone-exercise", "chapter": "peru",
                                                                 "kind": "choice", "answer": {"chosen": ["x"]}}], []),
    ]
    broken = tmp_path / "broken.json"
    broken.write_text("{oops", encoding="utf-8")
    expected = summarize(collect((p.name, p.read_text(encoding="utf-8")) for p in [*files, broken]))

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((FACILITATOR / "group.html").as_uri())
    page.get_by_label("Members' answer files").set_input_files([str(p) for p in [*files, broken]])
    out = page.locator(".prt-group-out")
    page.wait_for_function("() => document.querySelector('.prt-group-count')")
    assert out.locator(".prt-group-count").inner_text().startswith(f"{expected['members']} members")
    assert "broken.json" in out.locator(".prt-group-problems").inner_text()
    assert "gone-exercise" in out.locator(".prt-group-problems").inner_text()
    question = out.locator(".prt-group-q").filter(has_text=ex.title)
    counts = {row.locator("th").inner_text(): int(row.locator(".prt-bar-n").inner_text())
              for row in question.locator("tr").all()}
    python = dict(next(q for q in expected["questions"] if q["id"] == ex.id)["bars"])
    assert counts == python and counts[right] == 2 and counts[wrong] == 1
    flags = out.locator(".prt-group-flags > li")
    assert flags.first.inner_text().startswith("Peru ¶3: 2 don't understand")
    assert [(p["paragraph"], p["confused"]) for p in expected["paragraphs"]] == [(3, 2), (9, 0)]
    assert "Ana" not in out.inner_text(), "names shown without being asked for"
    page.get_by_label("Show names").check()
    assert "Ana (2)" in out.inner_text()
    page.close()


def test_readers_edition_holds_no_facilitator_notes_and_never_links_the_facilitator_edition(built):
    # A note a chapter also prints for every reader (the care notes) is not a facilitator's secret.
    chapters = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in (built.parent.parent / "chapters").glob("*.md"))
    notes = [ex.facilitator_note for ex in course().exercises.values()
             if ex.facilitator_note and " ".join(ex.facilitator_note.split())[:80] not in chapters]
    assert len(notes) > 20
    pages = [p for p in built.rglob("*.html") if "_static" not in p.parts]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not [n for n in notes if n[:80] in text], page
        assert not re.search(r'(href|src)="[^"]*(group\.html|facilitator-data\.js|session-facilitator\.pdf)', text), page
    assert not (built / "_static" / "facilitator-data.js").exists()
    assert not list(built.rglob("*-session-facilitator.pdf"))  # the sheets with the keys: the edition's only
    assert len(list((FACILITATOR / "handouts").glob("*-session-facilitator.pdf"))) == len(course().articles)
    facilitator = (FACILITATOR / "_static" / "facilitator-data.js").read_text(encoding="utf-8")
    assert all(json.dumps(n, ensure_ascii=False)[1:60] in facilitator for n in notes)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_pages_in_use_are_accessible_and_private(browser, built, tmp_path, scheme):
    """My answers with answers in it, and the group page with a group read: axe finds no
    serious violation, and nothing is asked of any host but the book's own files."""
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, accept_downloads=True, **PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    flag(page, built, "peru", 3, "I don't understand this", "Which coup?")
    file = export(page, built, "Layla", tmp_path)
    assert not axe_serious(page)
    page.goto((FACILITATOR / "group.html").as_uri())
    page.get_by_label("Members' answer files").set_input_files(str(file))
    page.wait_for_function("() => document.querySelector('.prt-group-count')")
    page.wait_for_function(f"() => document.documentElement.dataset.theme === '{scheme}'")
    assert not axe_serious(page)
    assert all(u.startswith(("file:", "blob:", "data:")) for u in requests), [u for u in requests if not u.startswith("file:")]
    context.close()


def test_a_live_notebook_file_and_a_book_export_count_alike_in_both_readers(browser, built, tmp_path):
    """One participant answered live (the store writes the file), one in the book (an
    export): the group page and group-answers.ipynb's reader give the same counts."""
    from book.exercises import group, store

    ex = course().exercises["tishreen-who-protested"]
    live = store.AnswerStore("Amal", "week 1", root=tmp_path / "answers")
    live.save(ex.id, [i for i, o in enumerate(ex.options) if o.correct][:1], True, 1.0)
    context = browser.new_context(accept_downloads=True, **PHONE)
    page = context.new_page()
    open_kept(page, (built / "exercises" / "tishreen.html").as_uri())
    box = page.locator(f'[data-exercise="{ex.id}"]')
    box.locator(".prt-ex-body label").first.tap()
    box.get_by_role("button", name="Check").tap()
    kept(page)
    exported = export(page, built, "Layla", tmp_path)
    folder = tmp_path / "collected"
    folder.mkdir()
    for path in (live.path, exported):
        (folder / path.name).write_bytes(path.read_bytes())
    python = dict(next(q for q in summarize(group.load_group(folder))["questions"] if q["id"] == ex.id)["bars"])
    assert sum(python.values()) == 2 and group.option_counts(group.load_group(folder), ex.id) == {k: v for k, v in python.items() if v}
    page.goto((FACILITATOR / "group.html").as_uri())
    page.get_by_label("Members' answer files").set_input_files([str(p) for p in sorted(folder.glob("*.json"))])
    page.wait_for_function("() => document.querySelector('.prt-group-count')")
    assert page.locator(".prt-group-count").inner_text().startswith("2 members")
    question = page.locator(".prt-group-q").filter(has_text=ex.title)
    counts = {row.locator("th").inner_text(): int(row.locator(".prt-bar-n").inner_text()) for row in question.locator("tr").all()}
    assert counts == python
    context.close()


def test_facilitator_reaches_the_sheets_with_keys_from_any_page(browser):
    """The edition's banner leads to its handouts page, which lists each chapter's sheet."""
    if not (FACILITATOR / "handouts.html").exists():
        pytest.fail("no facilitator edition: run `make book`")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((FACILITATOR / "exercises" / "peru.html").as_uri())
    page.get_by_role("link", name="Session sheets with the keys, to print").click()
    page.wait_for_url("**/handouts.html")
    sheets = page.locator("a[href$='-session-facilitator.pdf']")
    assert sheets.count() == 4
    for href in sheets.evaluate_all("links => links.map(a => a.href)"):
        assert Path(href.removeprefix("file://")).is_file(), href
    page.close()
