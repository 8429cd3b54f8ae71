"""The session record printed, and what the group found hard across its sessions.

``session_pdf`` prints one session's record (who joined, by pseudonym; each question's
rounds as counts; the flagged ¶s; the facilitator's notes) to ``record.pdf`` in the
session's folder, with the paper edition's WeasyPrint pipeline and paper.css
(``editions.paper.render.write_pdf``): the text is real text in the PDF, so it copies
out. A pseudonym in a script DejaVu lacks (Arabic) is set in the first Arabic font the
machine has of those ``CSS`` lists after DejaVu (Pango also falls back through
fontconfig); a pseudonym is isolated (``<bdi>``) so a right-to-left name does not
reorder the line around it.

``across`` reads every session kept in an answers folder (each ``<stem>.room.json`` and
the members' files in ``<stem>/``) and counts, per question, how many answered in round
1 and round 2 and how many were right, and each member's first and last kept answer;
and the ¶s flagged most. Counts only: no name reaches it. ``across_page`` is that view as
one printable HTML page (the facilitator's, behind the secret).
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..course.load import course
from ..editions.paper.render import write_pdf
from ..course.strings import catalog as strings_catalog
from ..course.strings import t
from .state import ROUNDS, Room

PDF_NAME = "record.pdf"
RECORD_SUFFIX = ".room.json"
#: How many flagged ¶s the view across sessions lists.
TOP_FLAGS = 15

#: After DejaVu (the paper edition's face), the fonts for a script DejaVu has no glyphs for
#: (an Arabic pseudonym), first found first used (Debian: fonts-hosny-amiri, fonts-noto-core).
CSS = """
html { font-family: "DejaVu Serif", "Amiri", "Noto Naskh Arabic", "Noto Sans Arabic", "KacstOne", serif; }
h1, h2, h3, th { font-family: "DejaVu Sans", "Amiri", "Noto Sans Arabic", "Noto Naskh Arabic", "KacstOne", sans-serif; }
.room-doc .meta { color: #333; }
.room-doc table { font-size: 9.5pt; }
.room-doc td.n, .room-doc th.n { text-align: end; }
.room-doc .right { font-weight: bold; }
.room-doc th { white-space: nowrap; }
.room-doc q { color: #333; }
@media screen { body.room-doc { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; font-size: 17px; }
  .room-doc th, .room-doc td { border-bottom: 1px solid #999; padding: 2px 6px; text-align: left; } }
@media print { .room-doc .screen-only { display: none; } }
"""


def esc(value: Any) -> str:
    return html.escape(str(value))


def when(stamp: Any) -> str:
    """A record's time (ISO, UTC) as a reader reads it: 2026-12-07 05:36 UTC."""
    match = isinstance(stamp, str) and re.match(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)", stamp)
    return f"{match.group(1)} {match.group(2)} UTC" if match else ("–" if not stamp else str(stamp))


def document(title: str, body: str) -> str:
    """A whole HTML document in the room's language, styled for the screen and for paper."""
    lang = strings_catalog().language
    return (f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{CSS}</style></head>"
            f'<body class="room-doc">{body}</body></html>')


def _flags_list(flags: list[dict[str, Any]]) -> str:
    if not flags:
        return f"<p>{esc(t('room.none_flagged'))}</p>"
    items = "".join(
        f"<li><b>¶{f['paragraph']} · {esc(f['chapter'])}</b> "
        f"{esc(t('room.flag_counts', confused=f['confused'], discuss=f['discuss']))}"
        + (f" <q>{esc(f['words'])}</q>" if f.get("words") else "") + "</li>" for f in flags)
    return f"<ol>{items}</ol>"


def _tally_table(q: dict[str, Any]) -> str:
    """A kept question's rounds side by side: each option (or answered and right, then what
    its kind counts: the ¶s chosen, the grievances ...) and its counts."""
    ex = course().exercises.get(q["exercise"])
    correct = {o.text for o in ex.options if o.correct} if ex is not None and ex.kind == "choice" else set()
    rounds = [q["rounds"].get(str(r), {}) for r in ROUNDS]
    labels = list(dict.fromkeys(label for counts in rounds for label in counts))
    head = "".join(f'<th class="n">{esc(t("room.round", n=r))}</th>' for r in ROUNDS)
    rows = []
    for label in labels:
        shown = t(f"room.outcome_{label}") if label in ("answered", "right") and not correct else label
        mark = ' class="right"' if label in correct else ""
        shown = ("✓ " if label in correct else "") + shown
        rows.append(f"<tr{mark}><td>{esc(shown)}</td>"
                    + "".join(f'<td class="n">{counts.get(label, 0)}</td>' for counts in rounds) + "</tr>")
    parts = [dict(map(tuple, q.get("parts", {}).get(str(r), []))) for r in ROUNDS]
    for label in dict.fromkeys(label for counts in parts for label in counts):
        rows.append(f'<tr class="part"><td>{esc(label)}</td>'
                    + "".join(f'<td class="n">{counts.get(label, 0)}</td>' for counts in parts) + "</tr>")
    return f'<table><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def session_html(room: Room) -> str:
    """One session's record as an HTML document (what the PDF prints)."""
    rec = room.record
    joined = "".join(f"<li><bdi>{esc(j['pseudonym'])}</bdi> · {esc(j['code'])} ({esc(when(j['time']))})</li>"
                     for j in rec.get("joined", []))
    questions = "".join(f"<section><h3>{esc(q['title'])}</h3>{_tally_table(q)}</section>"
                        for q in rec.get("questions", []))
    notes = "".join(f"<li>{esc(when(n['time']))} {esc(n['text'])}</li>" for n in rec.get("notes", []))
    body = (f"<h1>{esc(t('room.record_heading', session=rec['session']))}</h1>"
            f'<p class="meta">{esc(t("room.started_ended", started=when(rec.get("started")), ended=when(rec.get("ended"))))}</p>'
            f"<h2>{esc(t('room.joined'))}</h2><ul>{joined}</ul>"
            f"<h2>{esc(t('room.questions'))}</h2>{questions}"
            f"<h2>{esc(t('room.flagged'))}</h2>{_flags_list(room.flags())}"
            f"<h2>{esc(t('room.notes'))}</h2><ul>{notes}</ul>")
    return document(t("room.record_heading", session=rec["session"]), body)


def print_pdf(markup: str, dest: Path) -> Path:
    """Print ``markup`` to ``dest`` with the paper edition's pipeline, replacing any older
    copy only once the new one is whole."""
    part = dest.with_name(dest.name + ".part")
    write_pdf(markup, part)
    os.replace(part, dest)
    return dest


def pdf_path(room: Room) -> Path:
    return room.folder / PDF_NAME


# -- across sessions ------------------------------------------------------------------
@dataclass
class Hard:
    """One question across sessions: how many answered and how many were right, in each
    round and in each member's first and last kept answer."""

    exercise: str
    title: str
    chapter: str
    sessions: int = 0
    answered: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)

    def count(self, which: str, verdict: bool | None) -> None:
        self.answered[which] += 1
        self.right[which] += bool(verdict)


#: The view's columns: rounds 1 and 2, each member's first and last kept answer; their headings.
COLUMNS = {"1": "room.across_1", "2": "room.across_2", "first": "room.across_first", "last": "room.across_last"}


def sessions_in(root: Path, paras: dict[str, dict[int, str]] | None = None) -> list[Room]:
    """Every session kept in ``root``, oldest first (as its record says it started);
    ``paras`` (a running room's) gives the flagged ¶s their first words."""
    rooms = []
    for path in sorted(Path(root).glob("*" + RECORD_SUFFIX)):
        try:
            session = json.loads(path.read_text(encoding="utf-8"))["session"]
            room = Room(root, session)
        except (OSError, ValueError, KeyError, TypeError):
            continue
        room.paras = paras or room.paras
        if room.record_path == path:
            rooms.append(room)
    return sorted(rooms, key=lambda r: (r.record.get("started") or "", r.session))


def across(rooms: list[Room]) -> dict[str, Any]:
    """Per question, across the sessions: answered and right in round 1 and 2 (the rounds
    each member's file keeps) and in the first and last kept answers; the ¶s flagged most."""
    hard: dict[str, Hard] = {}
    flags: dict[tuple[str, int], Counter] = {}
    words: dict[tuple[str, int], str] = {}
    for room in rooms:
        asked: set[str] = set()
        for m in room.members.values():
            for ex_id, given in m.rounds.items():
                ex = course().exercises.get(ex_id)
                if ex is None:
                    continue
                h = hard.setdefault(ex_id, Hard(ex_id, ex.title, ex.chapter))
                asked.add(ex_id)
                for r in ROUNDS:
                    if str(r) in given:
                        h.count(str(r), Room._verdict(ex, given[str(r)]))
            for ex_id, entry in m.answers.items():
                ex = course().exercises.get(ex_id)
                if ex is None or ex.kind == "discussion":
                    continue
                h = hard.setdefault(ex_id, Hard(ex_id, ex.title, ex.chapter))
                h.count("last", Room._verdict(ex, entry.get("answer")))
                if isinstance(entry.get("first"), dict):
                    h.count("first", Room._verdict(ex, entry["first"].get("answer")))
        asked.update(q["exercise"] for q in room.record.get("questions", []))
        for ex_id in asked:
            if ex_id in hard:
                hard[ex_id].sessions += 1
        for row in room.flags():
            spot = (row["chapter"], row["paragraph"])
            flags.setdefault(spot, Counter()).update(confused=row["confused"], discuss=row["discuss"])
            words[spot] = words.get(spot) or row["words"]
    order = list(course().exercises)

    def hardness(h: Hard) -> tuple:
        """Least right (share of those who answered) first: round 1, then the first answers."""
        for which in COLUMNS:
            if h.answered[which]:
                return (h.right[which] / h.answered[which], order.index(h.exercise))
        return (2.0, order.index(h.exercise))

    flagged = sorted(({"chapter": c, "paragraph": p, "confused": n["confused"], "discuss": n["discuss"],
                       "words": words.get((c, p), "")} for (c, p), n in flags.items()),
                     key=lambda r: (-(r["confused"] + r["discuss"]), r["chapter"], r["paragraph"]))
    return {"sessions": [{"session": r.session, "started": r.record.get("started"), "ended": r.record.get("ended"),
                          "members": len(r.members), "questions": len(r.record.get("questions", []))} for r in rooms],
            "questions": [{"exercise": h.exercise, "title": h.title, "chapter": h.chapter, "sessions": h.sessions,
                           "answered": {w: h.answered[w] for w in COLUMNS}, "right": {w: h.right[w] for w in COLUMNS}}
                          for h in sorted(hard.values(), key=hardness)],
            "flags": flagged[:TOP_FLAGS]}


def across_page(summary: dict[str, Any]) -> str:
    """The view across sessions as one printable page: counts, never names."""
    sessions = "".join(f"<tr><td>{esc(s['session'])}</td><td>{esc(when(s['started']))}</td>"
                       f'<td class="n">{s["members"]}</td><td class="n">{s["questions"]}</td></tr>'
                       for s in summary["sessions"])
    cols = "".join(f'<th class="n">{esc(t(key))}</th>' for key in COLUMNS.values())

    def cell(q: dict[str, Any], which: str) -> str:
        n = q["answered"][which]
        return f'<td class="n">{esc(t("room.across_cell", right=q["right"][which], n=n)) if n else "–"}</td>'

    rows = "".join(f"<tr><td>{esc(q['title'])} <small>({esc(q['chapter'])})</small></td>"
                   f'<td class="n">{q["sessions"]}</td>' + "".join(cell(q, w) for w in COLUMNS) + "</tr>"
                   for q in summary["questions"])
    body = (f"<h1>{esc(t('room.across_heading'))}</h1>"
            f'<p class="meta">{esc(t("room.across_about"))}</p>'
            f'<p class="screen-only"><a href="/_room/facilitator">{esc(t("room.facilitator_title"))}</a></p>'
            f"<h2>{esc(t('room.across_sessions'))}</h2>"
            + (f'<table><thead><tr><th>{esc(t("room.across_session"))}</th><th>{esc(t("room.across_started"))}</th>'
               f'<th class="n">{esc(t("room.across_members"))}</th><th class="n">{esc(t("room.across_asked"))}</th>'
               f"</tr></thead><tbody>{sessions}</tbody></table>" if sessions else f"<p>{esc(t('room.across_none'))}</p>")
            + f"<h2>{esc(t('room.across_questions'))}</h2>"
            + (f'<table><thead><tr><th>{esc(t("room.across_question"))}</th>'
               f'<th class="n">{esc(t("room.across_in_sessions"))}</th>{cols}</tr></thead><tbody>{rows}</tbody></table>'
               if rows else f"<p>{esc(t('room.across_none'))}</p>")
            + f"<h2>{esc(t('room.across_flagged'))}</h2>{_flags_list(summary['flags'])}")
    return document(t("room.across_heading"), body)
