"""The session record and the view across sessions, from the facilitator's page in
Chromium: the room on 127.0.0.2 with a stand-in book (the room's own pages need no built
book), members joining from other loopback addresses (an Arabic pseudonym, two called
Zaid), a question in two rounds, a flag and a note; the facilitator downloads the record
as a PDF and opens what the group found hard. Screenshots of the record page, the view
across sessions and the PDF's first page go to _build/room-shots/."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from book.course.load import course
from book.course.strings import t
from book.kinds import choice
from roomkit import member_id, phone, send_id, stand_in_book, start

SECRET = "browser-record-secret"
SHOTS = Path(__file__).resolve().parents[2] / "_build" / "room-shots"
NAMES = ["زينب", "Zaid", "Zaid"]


@pytest.fixture
def room(tmp_path):
    server = start(tmp_path / "answers", stand_in_book(tmp_path / "html"), secret=SECRET)
    yield server
    server.stop()


def fill(room) -> str:
    """Three members, one question in two rounds, revealed; a ¶ flag; a note."""
    ex = next(e for e in course().exercises.values() if e.kind == "choice" and not e.multiple)
    ids = choice.ids(ex)
    desk = phone(room, 200, headers={"X-Room-Secret": SECRET})
    phones = [phone(room, n) for n in range(len(NAMES))]
    members = [member_id() for _ in NAMES]
    for c, name, m in zip(phones, NAMES, members):
        assert c.post("/_room/api/join", json={"pseudonym": name, "member": m}).status_code == 200
    assert desk.post("/_room/api/control", json={"action": "open", "exercise": ex.id}).status_code == 200
    for rnd in (0, 1):
        if rnd:
            desk.post("/_room/api/control", json={"action": "round2"})
        for n, (c, m) in enumerate(zip(phones, members)):
            r = c.post("/_room/api/send", json={"member": m, "send": {
                "id": send_id(), "type": "answer", "exercise": ex.id, "answer": {"chosen": [ids[(n + rnd) % 2]]}}})
            assert r.status_code == 200, r.text
    phones[0].post("/_room/api/send", json={"member": members[0], "send": {
        "id": send_id(), "type": "flag", "chapter": next(iter(course().articles)), "paragraph": 2, "flag": "confused"}})
    desk.post("/_room/api/control", json={"action": "reveal"})
    desk.post("/_room/api/control", json={"action": "note", "text": "Round 2 split the room: come back to ¶2."})
    for c in [desk, *phones]:
        c.close()
    return ex.title


def test_the_facilitator_downloads_the_record_as_pdf_and_sees_what_was_hard(browser, room, tmp_path):
    title = fill(room)
    SHOTS.mkdir(parents=True, exist_ok=True)
    desk = browser.new_context(viewport={"width": 1100, "height": 800}, accept_downloads=True)
    page = desk.new_page()
    assert page.goto(room.url + "_room/sessions").status == 403  # behind the secret
    page.goto(room.url + f"_room/facilitator?secret={SECRET}")
    page.wait_for_selector(".room-rounds")
    with page.expect_download() as got:
        page.get_by_role("link", name=t("room.record_pdf_link")).click()
    pdf = tmp_path / "record.pdf"
    got.value.save_as(pdf)
    assert (room.room.folder / "record.pdf").exists(), "printed into the session's folder"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "زينب" in text and text.count("Zaid") == 2 and "come back to ¶2" in text
    assert " ".join(title.split())[:25] in " ".join(text.split())
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(SHOTS / "record-pdf")], check=True)

    page.goto(room.url + "_room/record")
    page.wait_for_selector("h1")
    page.screenshot(path=str(SHOTS / "record-session.png"), full_page=True)

    page.goto(room.url + "_room/facilitator")
    page.wait_for_selector(".room-rounds")
    page.get_by_role("link", name=t("room.across_link")).click()
    page.wait_for_selector("table")
    assert page.title() == t("room.across_heading")
    body = page.inner_text("body")
    assert title in body and any(t("room.across_cell", right=r, n=3) in body for r in range(4))
    assert "Zaid" not in body and "زينب" not in body  # counts, never names
    page.screenshot(path=str(SHOTS / "across-sessions.png"), full_page=True)
    desk.close()
