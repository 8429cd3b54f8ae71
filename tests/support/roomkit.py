"""Shared by the room's tests and its benchmark: a room on a loopback address, clients
from other loopback addresses (phones), and an answer that fits each kind of exercise."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import httpx

from answerfiles import live_answer

from book.answers.catalog import catalog
from book.answers.stable import to_stable
from book.course.load import course
from book.room.server import RoomServer

#: The room stands for the laptop's Wi-Fi address; phones come from other loopback addresses.
ROOM_HOST = "127.0.0.2"
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


def member_id() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(16))


def send_id() -> str:
    return secrets.token_urlsafe(12)


def fitting(entry: dict[str, Any], pick: int = 0) -> dict[str, Any]:
    """An answer in the stable shape that fits the exercise (``pick`` chooses which one),
    made as the book makes it (answerfiles.live_answer, then the kind's to_stable)."""
    ex = course().exercises[entry["id"]]
    return to_stable(ex, live_answer(ex, pick))


def one_of_each_kind() -> dict[str, dict[str, Any]]:
    """kind -> the first exercise of that kind (catalog entry)."""
    out: dict[str, dict[str, Any]] = {}
    for entry in catalog().values():
        out.setdefault(entry["kind"], entry)
    return out


def choice_exercises() -> list[str]:
    return [ex.id for ex in course().exercises.values() if ex.kind == "choice"]


def start(answers: Path, html_root: Path, session: str = "Tuesday group", secret: str = "s3cret-for-tests",
          port: int = 0) -> RoomServer:
    return RoomServer(answers, session, html_root, [ROOM_HOST], port, secret=secret).start()


def phone(room: RoomServer, n: int = 0, **kw: Any) -> httpx.Client:
    """An HTTP client from 127.0.1.<n+1>: another device on the group's network."""
    transport = httpx.HTTPTransport(local_address=f"127.0.1.{n % 250 + 1}")
    return httpx.Client(base_url=room.url.rstrip("/"), transport=transport, timeout=30, **kw)


def stand_in_book(root: Path, head: str = "") -> Path:
    """A stand-in for _build/html: an index page, whose scripts a loader fetches as the
    built pages' do (book/scripts_after.py), and the first chapter with ¶s 1-5 ("Words of
    paragraph N here.") and no script; ``head`` in each page's head."""
    (root / "chapters").mkdir(parents=True)
    loader = '<script defer src="_static/after-text.js?v=1" data-src="_static/doctools.js?v=1"></script>'
    (root / "index.html").write_text(f"<html><head>{head}{loader}</head><body><p>Index</p></body></html>",
                                     encoding="utf-8")
    chapter = next(iter(course().articles))
    paras = "".join(f'<p class="prt-para" id="p{n}"><a class="prt-pnum">{n}</a>Words of paragraph {n} here.</p>'
                    for n in range(1, 6))
    (root / "chapters" / f"{chapter}.html").write_text(f"<html><head>{head}</head><body>{paras}</body></html>",
                                                       encoding="utf-8")
    return root
