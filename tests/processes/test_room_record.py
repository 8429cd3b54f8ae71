"""The session record printed and the view across sessions (book/room/record.py), with real
inputs: members on phones from other loopback addresses (an Arabic pseudonym, two members
called Zaid), two rounds, ¶ flags, the facilitator's notes, the session ended. The PDF's
text is read back with pdftotext; the view across sessions is checked against counts this
test makes itself from the members' answer files (not with the room's own code)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from book.course.load import course
from book.course.strings import t
from book.kinds import choice
from book.room.record import PDF_NAME, RECORD_SUFFIX
from roomkit import member_id, phone, send_id, stand_in_book, start

SECRET = "s3cret-for-tests"
ARABIC = "زينب"
NAMES = [ARABIC, "Zaid", "Zaid", "Rosa"]
NOTES = ["Most chose the second option: read ¶2 aloud.", "Round 2 moved four people."]


def choices() -> list:
    """Single-answer choice questions with one right option (their right option known here)."""
    return [ex for ex in course().exercises.values()
            if ex.kind == "choice" and not ex.multiple and sum(o.correct for o in ex.options) == 1][:3]


def right_id(ex) -> str:
    return choice.ids(ex)[[o.correct for o in ex.options].index(True)]


def wrong_id(ex) -> str:
    return choice.ids(ex)[[o.correct for o in ex.options].index(False)]


def control(client, action, **kw):
    r = client.post("/_room/api/control", json={"action": action, **kw}, headers={"X-Room-Secret": SECRET})
    assert r.status_code == 200, r.text
    return r.json()


def run_session(answers: Path, book: Path, session: str, questions: list, plan: dict) -> dict:
    """One session: every member joins from their own phone; each question gets round 1,
    round 2 and reveal; ``plan[name_index][question]`` is (round 1 right?, round 2 right?);
    flags and notes; then the facilitator ends it. Returns the end's answer and the room."""
    server = start(answers, book, session=session, secret=SECRET)
    chapter = next(iter(course().articles))
    try:
        desk = phone(server, 200)
        phones = [phone(server, n) for n in range(len(NAMES))]
        members = []
        for c, name in zip(phones, NAMES):
            m = member_id()
            assert c.post("/_room/api/join", json={"pseudonym": name, "member": m}).status_code == 200
            members.append(m)
        for ex in questions:
            control(desk, "open", exercise=ex.id)
            for rnd in (0, 1):
                if rnd:
                    control(desk, "round2")
                for n, (c, m) in enumerate(zip(phones, members)):
                    verdicts = plan.get(n, {}).get(ex.id)
                    if verdicts is None or verdicts[rnd] is None:
                        continue
                    pick = right_id(ex) if verdicts[rnd] else wrong_id(ex)
                    r = c.post("/_room/api/send", json={"member": m, "send": {
                        "id": send_id(), "type": "answer", "exercise": ex.id, "answer": {"chosen": [pick]}}})
                    assert r.status_code == 200, r.text
            control(desk, "reveal")
            control(desk, "close")
        for n, para in enumerate([2, 2, 3, 2]):
            r = phones[n].post("/_room/api/send", json={"member": members[n], "send": {
                "id": send_id(), "type": "flag", "chapter": chapter, "paragraph": para,
                "flag": "confused" if n % 2 else "discuss"}})
            assert r.status_code == 200, r.text
        for note in NOTES:
            control(desk, "note", text=note)
        ended = control(desk, "end")
        no_secret = phones[0].get("/_room/record.pdf")
        across_refused = phones[0].get("/_room/sessions")
        across = desk.get("/_room/sessions", headers={"Cookie": f"prt_room_secret={SECRET}"})
        pdf = desk.get("/_room/record.pdf", headers={"Cookie": f"prt_room_secret={SECRET}"})
        for c in [desk, *phones]:
            c.close()
        return {"ended": ended, "folder": server.room.folder, "no_secret": no_secret, "across_refused": across_refused,
                "across": across, "pdf": pdf}
    finally:
        server.stop()


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    root = tmp_path_factory.mktemp("record")
    book = stand_in_book(root / "html")
    qs = choices()
    assert len(qs) == 3
    first = {0: {qs[0].id: (False, True), qs[1].id: (True, True)},
             1: {qs[0].id: (False, False), qs[1].id: (False, True)},
             2: {qs[0].id: (True, True), qs[1].id: (None, False)},
             3: {qs[0].id: (False, True)}}
    second = {0: {qs[0].id: (True, True), qs[2].id: (False, True)},
              1: {qs[2].id: (False, False)},
              3: {qs[2].id: (True, True)}}
    one = run_session(root / "answers", book, "Tuesday group", qs[:2], first)
    two = run_session(root / "answers", book, "Thursday group", [qs[0], qs[2]], second)
    return {"root": root, "answers": root / "answers", "qs": qs, "one": one, "two": two}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_ending_the_session_prints_its_record_as_a_pdf_whose_text_copies_out(kept):
    one = kept["one"]
    assert one["ended"]["pdf"] == PDF_NAME
    path = one["folder"] / PDF_NAME
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    flat = " ".join(text.split())
    for ex in kept["qs"][:2]:
        assert " ".join(ex.title.split()) in flat
    for note in NOTES:
        assert note in flat
    assert ARABIC in text, "the Arabic pseudonym copies out as it was typed"
    assert len(re.findall(r"\bZaid\b", text)) == 2, "two members called Zaid, two lines"
    assert "Rosa" in text
    assert t("room.record_heading", session="Tuesday group") in flat
    # The rounds' counts: question 1's right option, round 1 one right, round 2 three.
    ex = kept["qs"][0]
    right = next(o.text for o in ex.options if o.correct)
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("✓"))
    assert re.search(r"\b1\s+3\s*$", line), line
    assert " ".join(right.split())[:30] in flat
    # The flagged ¶s: ¶2 three times (two ?, one discuss), ¶3 once, with their first words.
    assert t("room.flag_counts", confused=2, discuss=1) in flat and "Words of paragraph 2 here." in flat


def test_the_pdf_sets_the_arabic_name_in_an_arabic_font_when_the_machine_has_one(kept):
    fonts = subprocess.run(["pdffonts", str(kept["one"]["folder"] / PDF_NAME)], capture_output=True, text=True).stdout
    have = subprocess.run(["fc-list", ":lang=ar", "family"], capture_output=True, text=True).stdout
    if not have.strip():
        pytest.skip("no Arabic font on this machine (apt-get install fonts-hosny-amiri)")
    assert re.search(r"Amiri|Arab|Kacst|Scheherazade", fonts), fonts


def test_the_facilitator_downloads_the_pdf_and_members_cannot(kept):
    one = kept["one"]
    assert one["no_secret"].status_code == 403 and one["across_refused"].status_code == 403
    assert one["pdf"].status_code == 200 and one["pdf"].headers["content-type"] == "application/pdf"
    assert "attachment" in one["pdf"].headers["content-disposition"]
    assert one["pdf"].content.startswith(b"%PDF")


def independent_counts(answers: Path) -> dict[str, dict[str, list[int]]]:
    """exercise -> round 1, round 2, first, last -> [right, answered], read straight from the
    members' answer files of every session folder (a choice is right when it is exactly the
    right option)."""
    out: dict[str, dict[str, list[int]]] = {}
    for record in answers.glob("*" + RECORD_SUFFIX):
        folder = answers / record.name.removesuffix(RECORD_SUFFIX)
        for path in folder.glob("*.json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            for ex_id, given in data["room"]["rounds"].items():
                good = right_id(course().exercises[ex_id])
                for r, answer in given.items():
                    cell = out.setdefault(ex_id, {}).setdefault(r, [0, 0])
                    cell[0] += answer["chosen"] == [good]
                    cell[1] += 1
            for entry in data["answers"]:
                good = right_id(course().exercises[entry["exercise"]])
                for which, answer in (("first", entry["first"]["answer"]), ("last", entry["answer"])):
                    cell = out.setdefault(entry["exercise"], {}).setdefault(which, [0, 0])
                    cell[0] += answer["chosen"] == [good]
                    cell[1] += 1
    return out


def test_the_view_across_sessions_counts_what_the_members_files_hold(kept):
    page = kept["two"]["across"]
    assert page.status_code == 200, page.text
    soup = BeautifulSoup(page.text, "html.parser")
    tables = soup.select("table")
    sessions = [tr.select("td")[0].get_text() for tr in tables[0].select("tbody tr")]
    assert sessions == ["Tuesday group", "Thursday group"]
    expected = independent_counts(kept["answers"])
    # By hand, for question 1 (asked in both sessions): round 1 right 1+1 of 4+1, round 2 3+1 of 4+1.
    q1 = kept["qs"][0].id
    assert expected[q1]["1"] == [2, 5] and expected[q1]["2"] == [4, 5]
    shown = {}
    for tr in tables[1].select("tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.select("td")]
        title = tr.select("td")[0].contents[0].strip()
        ex = next(e for e in kept["qs"] if e.title == title)
        shown[ex.id] = cells
    assert set(shown) == {ex.id for ex in kept["qs"]}
    for ex_id, cells in shown.items():
        assert cells[1] == ("2" if ex_id == q1 else "1")
        for which, cell in zip(("1", "2", "first", "last"), cells[2:]):
            right, n = expected[ex_id].get(which, [0, 0])
            assert cell == (t("room.across_cell", right=right, n=n) if n else "–"), (ex_id, which)
    # The ¶s flagged most, across both sessions: ¶2 six times, first.
    first = soup.select("ol li")[0].get_text(" ", strip=True)
    assert first.startswith("¶2") and t("room.flag_counts", confused=4, discuss=2) in first
    assert "Words of paragraph 2 here." in first
    for name in ("Zaid", "Rosa", ARABIC):  # counts, never names
        assert name not in page.text
