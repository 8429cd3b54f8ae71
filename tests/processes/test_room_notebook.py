"""The room opened from a facilitator notebook: nothing starts until the button is
pressed; then the join address (text and QR code) and the projector's page are shown,
the facilitator's secret only folded away, and the room answers at that address."""

from __future__ import annotations

import urllib.request

import ipywidgets as w
import pytest

from book.room import notebook
from helpers import find_widgets


@pytest.fixture
def room_env(monkeypatch, tmp_path):
    monkeypatch.setenv("ROOM_HOST", "127.0.0.9")  # another loopback address stands for the Wi-Fi
    monkeypatch.setenv("ROOM_PORT", "0")
    monkeypatch.setenv("PRT_ANSWERS_DIR", str(tmp_path / "answers"))
    yield tmp_path
    while notebook._OPEN:
        notebook._OPEN.pop()[0].stop()


def _button(view, label):
    return next(b for b in find_widgets(view.widget, w.Button) if b.description == label)


def test_the_cell_starts_nothing_until_open_is_pressed_then_shows_the_way_in(room_env):
    book = room_env / "html"  # a stand-in for the built book: the room serves what is there
    book.mkdir()
    (book / "index.html").write_text("<!DOCTYPE html><title>The book</title>", encoding="utf-8")
    view = notebook.open_room("Week 3", html_root=book)
    assert "nothing starts until you press it" in view.static_html
    assert notebook._OPEN == []
    _button(view, "Open the room").click()
    [(server, _)] = notebook._OPEN
    shown = find_widgets(view.widget, w.HTML)[-1].value
    assert server.url.startswith("http://127.0.0.9:") and f"<code>{server.url}</code>" in shown
    assert 'src="data:image/svg+xml;base64,' in shown and "_room/projector" in shown
    before, folded = shown.split("<details>")
    assert server.secret not in before and server.secret in folded  # away from the projector
    with urllib.request.urlopen(server.url + "_room/projector", timeout=10) as reply:
        assert reply.status == 200
    assert server.room.folder.parent == room_env / "answers"
    _button(view, "Close the room").click()
    assert notebook._OPEN == [] and "Every answer it received is kept" in find_widgets(view.widget, w.HTML)[-1].value


def test_without_a_built_book_it_says_so_and_opens_nothing(room_env):
    view = notebook.open_room("Week 3", html_root=room_env / "nowhere")
    _button(view, "Open the room").click()
    assert "run make book first" in find_widgets(view.widget, w.HTML)[-1].value and notebook._OPEN == []
