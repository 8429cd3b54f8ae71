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
from book.course.load import course
from book.kinds import KINDS, choice
from answerfiles import live_answer, member_file
from book.answers.stable import to_stable
from flows import answer_every_kind, export, flag
from helpers import LAPTOP, PHONE, axe_serious, kept, open_kept

pytestmark = pytest.mark.browser

FACILITATOR = Path(__file__).resolve().parents[2] / "_build" / "facilitator"
SHOTS = Path(__file__).resolve().parents[2] / "_build" / "group-shots"


def test_member_exports_erases_and_imports_everything(browser, built, tmp_path):
    context = browser.new_context(accept_downloads=True, **PHONE)
    page = context.new_page()
    answer_every_kind(page, built)
    flag(page, built, "peru", 3, "I don't understand this", "Which coup?")
    flag(page, built, "peru", 5, "I want to discuss this")
    file = export(page, built, "Layla", tmp_path, private=True)  # the discussion notes too, to import back
    data = json.loads(file.read_text(encoding="utf-8"))
    kinds = {a["kind"] for a in data["answers"]}
    assert kinds == {"choice", "ordering", "matching", "short", "bridge", "discussion", "ledger", "passage"}
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


#: A question's rows as the page shows them: each row's words (an item, and after it the
#: key where the page shows one, as a matching's right answer) and its count.
_ROWS = """q => [...q.querySelectorAll('tr')].map(row => {
    const label = row.querySelector('.prt-group-label').innerText, key = row.querySelector('.prt-group-key');
    return [key ? `${label} ${key.innerText}` : label, parseInt(row.querySelector('.prt-bar-n').innerText, 10)]; })"""


def _counts(question) -> dict[str, int]:
    """A question's rows and counts (``_ROWS``)."""
    return dict(question.evaluate(_ROWS))


def _group_page_shows(page, expected: dict) -> None:
    """Every count the Python summary gives, as the page shows it. The page is read in one
    call (its 47 questions one locator at a time took a thousand round trips a check)."""
    shown = page.locator(".prt-group-out").evaluate(f"""out => ({{
        count: out.querySelector('.prt-group-count').innerText,
        questions: [...out.querySelectorAll('.prt-group-q')].map(q => ({{
            title: q.querySelector('h3').innerText, first: q.querySelector('p').innerText, rows: ({_ROWS})(q)}})),
        spots: [...out.querySelectorAll('.prt-group-flags > li')].map(li => li.querySelector('.prt-group-spot').innerText)}})""")
    assert shown["count"].startswith(f"{expected['members']} members")
    assert len(shown["questions"]) == len(expected["questions"])
    for q, section in zip(expected["questions"], shown["questions"]):
        assert section["title"] == q["title"]
        assert section["first"].startswith(f"{q['answered']} answered"), q["id"]
        assert dict(section["rows"]) == dict(q["bars"]), q["id"]
    assert len(shown["spots"]) == len(expected["paragraphs"])
    for head, p in zip(shown["spots"], expected["paragraphs"]):
        assert f"¶{p['paragraph']}:" in head
        if p["confused"]:
            assert f"? {p['confused']} {'don’t' if p['confused'] > 1 else 'doesn’t'} understand".replace("’", "'") in head, head
        if p["discuss"]:
            assert f"💬 {p['discuss']} {'want' if p['discuss'] > 1 else 'wants'} to discuss" in head, head


def test_group_page_reads_every_kind_old_files_twins_and_a_resent_file_like_python(browser, built, tmp_path):
    """Four members' files as a group sends them (an Arabic pseudonym's real export with
    every kind, two members called Zaid, a version 1 file with an answer the course no
    longer has) and a re-sent file: the page's every count equals book.answers' summary,
    survives a reload, and prints with its bars."""
    if not (FACILITATOR / "group.html").exists():
        pytest.fail("no facilitator edition: run `make book`")
    context = browser.new_context(accept_downloads=True, **PHONE)
    member = context.new_page()
    answer_every_kind(member, built)
    flag(member, built, "tishreen", 3, "I don't understand this", "Who are the tuk-tuk drivers?")
    real = export(member, built, "زينب", tmp_path)
    context.close()
    zainab = json.loads(real.read_text(encoding="utf-8"))
    assert zainab["version"] == 3 and re.fullmatch(r"[2-9a-hjkmnp-z]{16}", zainab["member"])
    # each exercise checked on the phone carries its first graded answer beside the last
    firsts = {a["exercise"] for a in zainab["answers"] if a.get("first")}
    assert {"tishreen-who-protested", "tishreen-match-terms", "tishreen-passage-not-weak"} <= firsts
    assert real.name == f"answers-زينب-{zainab['exported'][:10]}-{zainab['member'][:4]}.json"
    assert {a["kind"] for a in zainab["answers"]} == {"choice", "ordering", "matching", "short", "bridge", "ledger", "passage"}

    tishreen3 = {"chapter": "tishreen", "paragraph": 3, "flag": "confused", "note": ""}
    files = {
        "answers-zaid-2026-12-05-k7qm.json": member_file("Zaid", 1, "k7qmabcdefghjkmn", "2026-12-05T18:00:00Z",
                                                         [tishreen3, {"chapter": "peru", "paragraph": 9, "flag": "discuss"}]),
        "answers-zaid-2026-12-05-x2pz.json": member_file("Zaid", 2, "x2pzabcdefghjkmn", "2026-12-05T19:00:00Z",
                                                         [{**tishreen3, "note": "Which parties?"}], skip_every=3),
        "answers-omar.json": json.dumps({**json.loads(member_file("Omar", 3, version=1, skip_every=2)),
                                         "answers": [*json.loads(member_file("Omar", 3, version=1, skip_every=2))["answers"],
                                                     {"exercise": "gone-exercise", "chapter": "peru", "kind": "choice",
                                                      "answer": {"chosen": ["x"]}}]}),
    }
    resent = ("answers-zaid-2026-12-06-k7qm.json", member_file("Zaid", 4, "k7qmabcdefghjkmn", "2026-12-06T08:00:00Z",
                                                               [{"chapter": "peru", "paragraph": 9, "flag": "discuss"}]))
    paths = [real]
    for name, text in [*files.items(), resent, ("broken.json", "{oops")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    expected = summarize(collect((p.name, p.read_text(encoding="utf-8")) for p in paths))
    assert expected["members"] == 4 and len(expected["questions"]) == len(course().exercises)
    assert {course().exercises[q["id"]].kind for q in expected["questions"] if q["bars"]} == {
        kind for kind, module in KINDS.items() if module.CAPTION}  # every kind that counts something

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((FACILITATOR / "group.html").as_uri())
    drop = page.get_by_label("Members' answer files")
    drop.set_input_files([str(p) for p in paths[:4]])        # the first three members' files
    page.wait_for_function("() => document.querySelector('.prt-group-count')")
    drop.set_input_files([str(p) for p in paths[4:]])        # later: the re-sent file and a broken one
    page.wait_for_function("() => document.querySelector('.prt-group-problems')?.textContent.includes('broken.json')")
    _group_page_shows(page, expected)
    out = page.locator(".prt-group-out")
    problems = out.locator(".prt-group-problems").inner_text()
    assert "answers-zaid-2026-12-05-k7qm.json replaced by answers-zaid-2026-12-06-k7qm.json" in problems
    assert "gone-exercise" in problems
    # The right option is marked, in words; a flagged paragraph is quoted, and its link opens beside the page.
    choice = out.locator(".prt-group-q").filter(has_text=course().exercises["tishreen-who-protested"].title)
    right = next(o.text for o in course().exercises["tishreen-who-protested"].options if o.correct)
    assert "right answer" in choice.locator("tr.prt-group-right").inner_text() and right in choice.locator("tr.prt-group-right").inner_text()
    top = out.locator(".prt-group-flags > li").first
    # Zainab and the second Zaid; the first Zaid's re-sent file no longer flags it.
    assert (expected["paragraphs"][0]["chapter"], expected["paragraphs"][0]["paragraph"]) == ("tishreen", 3)
    assert top.locator(".prt-group-spot").inner_text().startswith("Tishreen (Iraq) ¶3: ? 2 don't understand")
    assert top.locator("a").get_attribute("target") == "_blank"
    assert len(top.locator("summary").inner_text().split()) >= 8
    assert "Which parties?" in top.inner_text() and "Zaid" not in out.inner_text()
    page.get_by_label("Show names").check()
    who = out.locator(".prt-group-who").inner_text()
    codes = re.findall(r"Zaid · ([2-9A-HJKMNP-Z]{4})", who)
    assert sorted(codes) == ["K7QM", "X2PZ"] and f"زينب · {zainab['member'][:4].upper()}" in who and "Omar" in who
    assert "Which parties?" in top.inner_text() and "Zaid · X2PZ: Which parties?" in top.inner_text()

    shown = out.inner_text()
    page.reload()                                           # or Back from a chapter: the group is still there
    page.wait_for_function("() => document.querySelector('.prt-group-count')")
    page.get_by_label("Show names").check()
    assert out.inner_text() == shown
    assert f"{len(paths)} files kept in this browser" in page.locator(".prt-group-kept").inner_text()

    page.emulate_media(media="print")
    assert not page.locator(".prt-group-drop").is_visible()
    assert [h.inner_text() for h in page.locator("h1:visible").all()] == ["Group page"]  # once, and not "My answers"
    bars = page.locator(".prt-group-q .prt-bar")
    assert bars.count() > 20 and max(b["width"] for b in (bars.nth(i).bounding_box() for i in range(bars.count()))) > 50
    page.emulate_media(media="screen")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Start again").click()
    page.reload()
    page.wait_for_function("() => document.querySelector('.prt-group').classList.contains('prt-group-ready')")
    assert page.locator(".prt-group-q").count() == 0
    assert not errors, errors
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
    from book.exercises.facilitator import group
    from book.exercises.live import store

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
    labels = dict(zip(choice.ids(ex), (o.text for o in ex.options)))
    assert sum(python.values()) == 2 and {labels[k]: v for k, v in group.option_counts(group.load_group(folder), ex.id).items()} == {
        k: v for k, v in python.items() if v}
    page.goto((FACILITATOR / "group.html").as_uri())
    page.get_by_label("Members' answer files").set_input_files([str(p) for p in sorted(folder.glob("*.json"))])
    page.wait_for_function("() => document.querySelector('.prt-group-count')")
    assert page.locator(".prt-group-count").inner_text().startswith("2 members")
    question = page.locator(".prt-group-q").filter(has_text=ex.title)
    counts = _counts(question)
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


def _wrong_then_right(page, built, ex) -> None:
    """On a phone: a wrong option, Check; then the right one, Check (a first answer that
    differs from the last)."""
    open_kept(page, (built / "exercises" / f"{ex.chapter}.html").as_uri())
    box = page.locator(f'[data-exercise="{ex.id}"]')
    right = next(i for i, o in enumerate(ex.options) if o.correct)
    wrong = next(i for i, o in enumerate(ex.options) if not o.correct)
    box.locator(".prt-ex-body label").nth(wrong).tap()
    box.get_by_role("button", name="Check").tap()
    assert "Not yet" in box.locator(".prt-feedback").inner_text()
    box.locator(".prt-ex-body label").nth(right).tap()
    box.get_by_role("button", name="Check").tap()
    assert "Right" in box.locator(".prt-feedback").inner_text()
    kept(page)


def test_group_page_counts_first_or_last_answers_across_versions_and_languages(browser, built, tmp_path):
    """A member who got it wrong, then right (a real export from a phone, with a Reset in
    between that must not lose the first answer); the same member's version 2 file and
    version 3 file; a file whose ids come from the Spanish edition; an English version 3
    file; a version 1 file. The group page, tapped on a phone, counts last answers by
    default and first answers when asked, each count as book.answers' summary gives it,
    and says which in its heading, on screen and in print."""
    ex = course().exercises["tishreen-who-protested"]
    ids, right = choice.ids(ex), next(i for i, o in enumerate(ex.options) if o.correct)
    context = browser.new_context(accept_downloads=True, **PHONE)
    member = context.new_page()
    _wrong_then_right(member, built, ex)
    box = member.locator(f'[data-exercise="{ex.id}"]')
    member.once("dialog", lambda d: d.accept())
    box.get_by_role("button", name="Reset").tap()  # a Reset forgets the last answer, never the first
    kept(member)
    box.locator(".prt-ex-body label").nth(right).tap()
    box.get_by_role("button", name="Check").tap()
    kept(member)
    rana = export(member, built, "رنا", tmp_path)
    context.close()
    entry = next(a for a in json.loads(rana.read_text(encoding="utf-8"))["answers"] if a["exercise"] == ex.id)
    assert entry["answer"] == {"chosen": [ids[right]]} and entry["first"]["correct"] is False
    assert entry["first"]["answer"]["chosen"] != [ids[right]]

    # Lucía answered on the Spanish edition: her file names ids only, no English text.
    lucia = json.loads(member_file("Lucía", 0, "hucyabcdefghjkmn", "2026-12-06T10:00:00Z", first=1))
    lucia["book_version"] = "es"
    text = json.dumps(lucia, ensure_ascii=False)
    assert not any(o.text in text for o in ex.options)
    # Sami sent a version 2 file last week and a version 3 file today: counted once, from today's.
    sami_v2 = member_file("Sami", 2, "sam2abcdefghjkmn", "2026-11-29T10:00:00Z", version=2)
    assert any(o.text in sami_v2 for o in ex.options), "a version 2 file holds texts"
    files = {
        "answers-lucia-2026-12-06-hucy.json": text,
        "answers-sami-2026-11-29-sam2.json": sami_v2,
        "answers-sami-2026-12-06-sam2.json": member_file("Sami", 0, "sam2abcdefghjkmn", "2026-12-06T09:00:00Z", first=3),
        "answers-zaid-2026-12-06-k7qm.json": member_file("Zaid", 0, "k7qmabcdefghjkmn", "2026-12-06T11:00:00Z"),
        "answers-omar.json": member_file("Omar", 3, version=1, skip_every=2),
    }
    paths = [rana]
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        paths.append(tmp_path / name)
    group = collect((p.name, p.read_text(encoding="utf-8")) for p in paths)
    assert not group.misfits and len(group.members) == 5
    assert group.replaced == [("answers-sami-2026-11-29-sam2.json", "answers-sami-2026-12-06-sam2.json")]
    last, first = summarize(group), summarize(group, "first")
    assert first["no_first"] == 1  # Omar's version 1 file
    bars = {w: dict(next(q for q in s["questions"] if q["id"] == ex.id)["bars"]) for w, s in (("last", last), ("first", first))}
    is_right = {"chosen": [ids[right]]}
    for which, given in (("last", [m.answers.get(ex.id) for m in group.members]),
                         ("first", [m.firsts.get(ex.id) for m in group.members])):
        assert bars[which][ex.options[right].text] == sum(a == is_right for a in given), which
    assert group.members[0].answers[ex.id] == is_right and group.members[0].firsts[ex.id] != is_right  # Rana
    assert bars["last"][ex.options[right].text] != bars["first"][ex.options[right].text]
    assert group.members[2].answers[ex.id] == to_stable(ex, live_answer(ex, list(course().exercises).index(ex.id)))

    SHOTS.mkdir(parents=True, exist_ok=True)
    for profile, scheme in (("phone", "light"), ("phone", "dark"), ("laptop", "light"), ("laptop", "dark")):
        context = browser.new_context(color_scheme=scheme, **(PHONE if profile == "phone" else LAPTOP))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((FACILITATOR / "group.html").as_uri())
        page.get_by_label("Members' answer files").set_input_files([str(p) for p in paths])
        page.wait_for_function("() => document.querySelector('.prt-group-count')")
        out = page.locator(".prt-group-out")
        assert page.get_by_label("last answer").is_checked()  # the default
        assert out.locator("h2.prt-group-answered").inner_text() == "How the group answered: last answers"
        _group_page_shows(page, last)
        control = page.get_by_label("first answer")
        control.tap() if profile == "phone" else control.click()
        assert control.is_checked()
        assert out.locator("h2.prt-group-answered").inner_text() == "How the group answered: first answers"
        assert "Counting each member's first answer" in out.locator(".prt-group-counting").inner_text()
        assert "1 member's file has no first answers" in out.inner_text()
        _group_page_shows(page, first)
        page.wait_for_function(f"() => document.documentElement.dataset.theme === '{scheme}'")
        out.locator("h2.prt-group-answered").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"group-first-{profile}-{scheme}.png"))
        out.locator(".prt-group-q").filter(has_text=ex.title).scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"group-first-choice-{profile}-{scheme}.png"))
        page.locator(".prt-group-which").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"group-control-{profile}-{scheme}.png"))
        page.emulate_media(media="print")  # on paper: which answers were counted, in the heading
        assert out.locator("h2.prt-group-answered").is_visible()
        assert out.locator(".prt-group-counting").is_visible()
        assert not page.locator(".prt-group-which").is_visible()
        page.emulate_media(media="screen")
        back = page.get_by_label("last answer")
        back.tap() if profile == "phone" else back.click()
        _group_page_shows(page, last)
        page.evaluate("() => new Promise(r => setTimeout(r, 50))")
        assert not errors, errors
        if profile == "phone":
            wide = page.evaluate("""() => [...document.querySelectorAll('.prt-group-which, .prt-group-which *, .prt-group-out *')]
                .filter(e => e.getBoundingClientRect().right > 375).map(e => e.tagName + ' ' + e.className)""")
            assert not wide, wide  # nothing of the control or the counts runs off a phone's screen
            assert control.bounding_box()["height"] >= 20
        context.close()
