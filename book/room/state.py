"""The room's memory: who joined, their answers and flags, the question on the screen and
its rounds, the facilitator's notes; and the files that keep all of it.

Each member's answers are kept as an answer file (version 3, book/answers/model.py) in
the session's folder, ``answers/<session>-<hash>/<pseudonym>-<hash>-<code>.json``: the
folder shape the live notebooks use, so the group page and the group notebook read it
as they read any other. The file also holds, under ``room``, the ids of the sends it
took (a send that arrives twice counts once) and the member's answer in each round of
each question. Each kept answer carries the member's first answer beside the last (the
first the phone says it gave, or else the first the room took), never replaced by a later
send. A member's file from a room of an older book (version 2: texts) is read with its
texts mapped to ids. Every send is written at once, to a temporary file renamed over the old
one, before the phone hears "kept"; a room that stops and starts again reads all of it
back. The session record (questions, rounds, facilitator's notes, who joined when) is
``answers/<session>-<hash>.room.json``, beside the folder, not in it: the folder holds
members' files only.

Nothing a member sends becomes a path: the file name is made from the pseudonym by
names.file_stem (a slug and a hash) and the member id, which must match MEMBER_ID.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..answers.catalog import catalog
from ..answers.model import FORMAT, MEMBER_ID, VERSION
from ..answers.stable import Misfit, from_stable, upgraded_entry
from ..kinds import grade, kind_of
from ..answers import names
from ..answers.disk import write_atomically
from ..course.load import course
from ..course.strings import t

SEND_ID = re.compile(r"^[A-Za-z0-9_-]{8,40}$")
#: Sends a member's file remembers (to take each once); older ids fall off.
KEPT_IDS = 2000
ROUNDS = (1, 2)
#: The kept answers the projector counts beside the rounds: each member's first and last.
KEPT = ("first", "last")


class Refused(ValueError):
    """A request the room will not take; ``status`` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def now(timespec: str = "seconds") -> str:
    """UTC now as ISO text, to the second as answer files write times; a session's start is
    kept to the microsecond, because the view across sessions orders sessions by it and two
    rooms can start within one second."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec=timespec)


def paragraphs(html_root: Path | None) -> dict[str, dict[int, str]]:
    """chapter -> ¶ number -> the paragraph's first words, read from the built chapters
    (a flag on a ¶ the book does not have is refused; the projector quotes its start)."""
    from bs4 import BeautifulSoup

    out: dict[str, dict[int, str]] = {}
    for slug in course().articles:
        page = (html_root / "chapters" / f"{slug}.html") if html_root else None
        out[slug] = {}
        if not page or not page.exists():
            continue
        for para in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("p.prt-para[id]"):
            for extra in para.select(".prt-pnum"):
                extra.decompose()
            number = para["id"].removeprefix("p")
            if number.isdigit():
                words = para.get_text(" ").split()
                out[slug][int(number)] = " ".join(words[:10]) + (" …" if len(words) > 10 else "")
    return out


@dataclass
class Member:
    member: str
    pseudonym: str
    path: Path
    joined: str = ""
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    flags: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    rounds: dict[str, dict[str, Any]] = field(default_factory=dict)
    sent: deque = field(default_factory=lambda: deque(maxlen=KEPT_IDS))
    bucket: float = 0.0
    bucket_at: float = 0.0

    @property
    def code(self) -> str:
        return self.member[:4].upper()

    def payload(self, session: str) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "pseudonym": self.pseudonym, "member": self.member,
                "session": session, "book_version": "", "source": "book", "exported": now(),
                "answers": list(self.answers.values()),
                "notes": [{"chapter": c, "paragraph": p, "flag": f["flag"], "note": "", "time": f["time"]}
                          for (c, p), f in sorted(self.flags.items())],
                "room": {"joined": self.joined, "rounds": self.rounds, "sent": list(self.sent)}}


class Room:
    """One session's room. Not thread-safe: the server calls it from its one event loop."""

    #: A member's sends: a burst of BURST, then RATE a second.
    BURST, RATE = 30, 5.0

    def __init__(self, root: Path, session: str, html_root: Path | None = None):
        self.session = names.clean(session, t("live.session"))
        stem = names.file_stem(self.session)
        self.folder = Path(root) / stem
        self.record_path = Path(root) / f"{stem}.room.json"
        self.members: dict[str, Member] = {}
        self.paras = paragraphs(html_root)
        self.record: dict[str, Any] = {"session": self.session, "started": now("microseconds"), "ended": None,
                                       "joined": [], "questions": [], "notes": [], "current": None}
        #: Bumped by every change (the projector follows it) and by the facilitator's
        #: controls only (the phones follow that: 40 phones are not woken by each send).
        #: Both start from the clock (in µs), so a screen that saw the room before a restart
        #: never takes the restarted room's numbers for ones it has seen.
        self.version = self.phase = time.time_ns() // 1000
        self.problems: list[str] = []
        self.deferred: set[str] | None = None
        self._load()

    # -- files -------------------------------------------------------------------------
    def _load(self) -> None:
        if self.record_path.exists():
            self.record.update(json.loads(self.record_path.read_text(encoding="utf-8")))
        for path in sorted(self.folder.glob("*.json")) if self.folder.exists() else []:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("format") != FORMAT or not re.match(MEMBER_ID, data.get("member", "")):
                    continue
                room = data.get("room") or {}
                m = Member(data["member"], data["pseudonym"], path, joined=room.get("joined", ""))
                m.answers = {a["exercise"]: upgraded_entry(a, data.get("version", 1)) for a in data.get("answers", [])}
                m.flags = {(n["chapter"], int(n["paragraph"])): {"flag": n.get("flag"), "time": n.get("time")}
                           for n in data.get("notes", []) if n.get("flag")}
                m.rounds = {ex_id: {r: upgraded_entry({"exercise": ex_id, "answer": a}, data.get("version", 1))["answer"]
                                    for r, a in given.items()} for ex_id, given in room.get("rounds", {}).items()}
                m.sent.extend(room.get("sent", []))
                self.members[m.member] = m
            except (OSError, ValueError, KeyError, TypeError) as err:
                self.problems.append(f"{path.name}: {err}")

    def _save_member(self, m: Member) -> None:
        """Write a member's file now; or, when the server defers writes (``deferred`` is a
        set), note the member: the server writes it off its event loop before it answers."""
        if self.deferred is not None:
            self.deferred.add(m.member)
            return
        write_atomically(m.path, m.payload(self.session))

    def pending(self) -> list[Member]:
        """The members whose files the server must write before it answers (and forget them)."""
        if not self.deferred:
            return []
        out = [self.members[i] for i in sorted(self.deferred)]
        self.deferred.clear()
        return out

    def _save_record(self) -> None:
        write_atomically(self.record_path, self.record)

    def _changed(self) -> None:
        self.version += 1

    # -- members -----------------------------------------------------------------------
    def join(self, pseudonym: Any, member: Any = None, code: Any = None) -> Member:
        """A member joins (or comes back) under ``pseudonym``. With the device's ``member``
        id they are that member; on a new device, ``code`` (the 4 characters shown beside
        their pseudonym) finds the member of that pseudonym and code."""
        name = names.clean(pseudonym, t("room.pseudonym"))
        if isinstance(member, str) and member and not re.match(MEMBER_ID, member):
            raise Refused(400, t("room.bad_member"))
        if not member:
            if not isinstance(code, str) or not code.strip():
                raise Refused(400, t("room.bad_member"))
            found = [m for m in self.members.values() if m.pseudonym == name and m.code == code.strip().upper()]
            if len(found) != 1:
                raise Refused(404, t("room.no_such_code", code=code.strip().upper()[:8], name=name))
            return found[0]
        m = self.members.get(member)
        if m is None:
            path = self.folder / f"{names.file_stem(name)}-{member[:4]}.json"
            m = Member(member, name, path, joined=now())
            self.members[member] = m
            self.record["joined"].append({"pseudonym": name, "code": m.code, "time": m.joined})
            self._save_member(m)
            self._save_record()
            self._changed()
        elif m.pseudonym != name:
            m.pseudonym = name
            self._save_member(m)
        return m

    def member(self, member: Any) -> Member:
        if not isinstance(member, str) or member not in self.members:
            raise Refused(403, t("room.join_first"))
        return self.members[member]

    def _limit(self, m: Member) -> None:
        clock = time.monotonic()
        m.bucket = min(self.BURST, m.bucket + (clock - m.bucket_at) * self.RATE) if m.bucket_at else self.BURST
        m.bucket_at = clock
        if m.bucket < 1:
            raise Refused(429, t("room.too_fast"))
        m.bucket -= 1

    # -- sends -------------------------------------------------------------------------
    def send(self, member: Any, body: Any) -> dict[str, Any]:
        """Take one send: an answer or a ¶ flag. Idempotent by its id."""
        m = self.member(member)
        if not isinstance(body, dict) or not isinstance(body.get("id"), str) or not SEND_ID.match(body["id"]):
            raise Refused(400, t("room.bad_send"))
        if body["id"] in m.sent:  # taken before: answered once it is on disk (again, if need be)
            self._save_member(m)
            return {"kept": True, "again": True}
        self._limit(m)
        kind = body.get("type")
        if kind == "answer":
            counted = self._answer(m, body)
        elif kind == "flag":
            self._flag(m, body)
            counted = None
        else:
            raise Refused(400, t("room.bad_send"))
        m.sent.append(body["id"])
        self._save_member(m)
        self._changed()
        return {"kept": True, "round": counted}

    def _answer(self, m: Member, body: dict[str, Any]) -> int | None:
        ex = course().exercises.get(body.get("exercise")) if isinstance(body.get("exercise"), str) else None
        if ex is None:
            raise Refused(404, t("room.unknown_exercise", exercise=str(body.get("exercise"))[:60]))
        if ex.kind == "discussion":
            raise Refused(422, t("room.private"))
        try:
            from_stable(ex, body.get("answer"))
            first = body.get("first")
            if first is not None:
                if not isinstance(first, dict):
                    raise Misfit(t("answers.not_object"))
                from_stable(ex, first.get("answer"))
        except Misfit as err:
            raise Refused(422, t("room.misfit", title=ex.title, why=str(err))) from None
        kept = m.answers.get(ex.id, {}).get("first")
        if not kept:  # the first answer is kept once: the phone's own first, or else this one
            given = first if first is not None else body
            kept = {"answer": given["answer"], "correct": self._verdict(ex, given["answer"]),
                    "time": given.get("time") if first is not None and isinstance(given.get("time"), str) else now()}
        m.answers[ex.id] = {"exercise": ex.id, "chapter": ex.chapter, "kind": ex.kind, "answer": body["answer"],
                            "time": now(), "first": kept}
        cur = self.record["current"]
        if cur and cur["exercise"] == ex.id and cur["round"] in ROUNDS and not cur["revealed"]:
            m.rounds.setdefault(ex.id, {})[str(cur["round"])] = body["answer"]
            return cur["round"]
        return None

    @staticmethod
    def _verdict(ex: Any, stable: dict[str, Any]) -> bool | None:
        """An answer's verdict, as its kind's grader gives it (None: nothing to grade)."""
        try:
            return grade(ex.id, from_stable(ex, stable)).correct
        except (Misfit, ValueError, KeyError, TypeError, IndexError):
            return None

    def _flag(self, m: Member, body: dict[str, Any]) -> None:
        chapter, para, flag = body.get("chapter"), body.get("paragraph"), body.get("flag")
        if not isinstance(chapter, str) or chapter not in self.paras or not isinstance(para, int) \
                or (self.paras[chapter] and para not in self.paras[chapter]) or not 1 <= para <= 10000:
            raise Refused(404, t("room.unknown_paragraph"))
        if flag not in ("confused", "discuss", None):
            raise Refused(400, t("room.bad_send"))
        if flag is None:
            m.flags.pop((chapter, para), None)
        else:
            m.flags[(chapter, para)] = {"flag": flag, "time": now()}

    # -- the facilitator ---------------------------------------------------------------
    def control(self, action: Any, exercise: Any = None, text: Any = None) -> None:
        cur = self.record["current"]
        if action == "open":
            ex = course().exercises.get(exercise) if isinstance(exercise, str) else None
            if ex is None:
                raise Refused(404, t("room.unknown_exercise", exercise=str(exercise)[:60]))
            if ex.kind == "discussion":
                raise Refused(422, t("room.private"))
            if cur:  # a question left open, neither revealed nor closed, is in the record too
                self._keep_question(cur)
            for m in self.members.values():  # a question asked again starts afresh
                m.rounds.pop(ex.id, None)
            self.record["current"] = {"exercise": ex.id, "round": 1, "revealed": False, "opened": now()}
        elif action in ("round2", "reveal", "close"):
            if not cur:
                raise Refused(409, t("room.no_question"))
            if action == "round2":
                cur["round"] = 2
            elif action == "reveal":
                cur["revealed"] = True
            if action in ("reveal", "close"):
                self._keep_question(cur)
            if action == "close":
                self.record["current"] = None
        elif action == "note":
            if not isinstance(text, str) or not text.strip() or len(text) > 4000:
                raise Refused(400, t("room.bad_note"))
            self.record["notes"].append({"time": now(), "text": text.strip(),
                                         "exercise": cur["exercise"] if cur else None})
        elif action == "end":
            if cur:
                self._keep_question(cur)
            self.record["current"] = None
            self.record["ended"] = now()
        else:
            raise Refused(400, t("room.bad_action"))
        for m in self.members.values():
            if cur and m.rounds.get(cur["exercise"]):
                self._save_member(m)
        self._save_record()
        self._changed()
        self.phase += 1

    def _keep_question(self, cur: dict[str, Any]) -> None:
        """The question's rounds, as counts, into the session record (once per asking)."""
        ex = course().exercises[cur["exercise"]]
        kept = {"exercise": ex.id, "title": ex.title, "opened": cur["opened"], "revealed": cur["revealed"],
                "rounds": {str(r): dict(self.tally(ex, r)) for r in ROUNDS}}
        if ex.kind != "choice" and kind_of(ex).CAPTION:
            kept["parts"] = {str(r): self.parts(ex, self._given(ex, r)) for r in ROUNDS}
        questions = self.record["questions"]
        if questions and questions[-1]["exercise"] == ex.id and questions[-1]["opened"] == cur["opened"]:
            questions[-1] = kept
        else:
            questions.append(kept)

    # -- what each screen sees ----------------------------------------------------------
    def tally(self, ex: Any, round_: int) -> Counter:
        """How many gave each answer in a round: choice, each option; other kinds, how many
        answered, and once revealed how many were right. Never a name."""
        return self._count(ex, self._given(ex, round_))

    def kept(self, ex: Any, which: str) -> Counter:
        """How many gave each answer, counting each member's ``which`` kept answer ("first"
        or "last"), whether or not the question was asked in a round. Never a name."""
        return self._count(ex, self._kept(ex, which))

    def parts(self, ex: Any, given: list[dict[str, Any]]) -> list[list[Any]]:
        """What the group page counts of a kind other than choice (the ¶s chosen, the
        grievances started from, each item matched rightly ...): ``[label, count]`` pairs."""
        return [[label, n] for label, n in kind_of(ex).bars(catalog()[ex.id], given)]

    def _given(self, ex: Any, round_: int) -> list[dict[str, Any]]:
        return [m.rounds[ex.id][str(round_)] for m in self.members.values()
                if str(round_) in m.rounds.get(ex.id, {})]

    def _kept(self, ex: Any, which: str) -> list[dict[str, Any]]:
        entries = [m.answers[ex.id] for m in self.members.values() if ex.id in m.answers]
        given = [e["answer"] for e in entries] if which == "last" else \
            [e["first"]["answer"] for e in entries if isinstance(e.get("first"), dict)]
        return [a for a in given if isinstance(a, dict)]

    def _count(self, ex: Any, given: list[dict[str, Any]]) -> Counter:
        if ex.kind == "choice":
            labels = dict(zip(kind_of(ex).ids(ex), (o.text for o in ex.options)))
            tally = Counter({text: 0 for text in labels.values()})
            for answer in given:
                tally.update(labels[c] for c in answer.get("chosen", []) if c in labels)
            return tally
        right = 0
        for answer in given:
            try:
                right += bool(grade(ex.id, from_stable(ex, answer)).correct)
            except (Misfit, ValueError, KeyError, TypeError, IndexError):
                pass
        return Counter({"answered": len(given), "right": right})

    def question(self, facilitator: bool = False, counts: bool = True) -> dict[str, Any] | None:
        cur = self.record["current"]
        if not cur:
            return None
        ex = course().exercises[cur["exercise"]]
        out = {"exercise": ex.id, "chapter": ex.chapter, "title": ex.title, "kind": ex.kind,
               "round": cur["round"], "revealed": cur["revealed"], "prompt": getattr(ex, "prompt", "")}
        if ex.kind == "choice":
            out["options"] = [o.text for o in ex.options]
        if counts:
            out["counts"] = {str(r): dict(self.tally(ex, r)) for r in ROUNDS if r <= cur["round"]}
            out["kept"] = {which: dict(self.kept(ex, which)) for which in KEPT}
            shown = cur["revealed"] or facilitator
            if ex.kind != "choice" and not shown:
                for c in [*out["counts"].values(), *out["kept"].values()]:
                    c.pop("right", None)
            kind = kind_of(ex)
            if ex.kind != "choice" and kind.CAPTION and (shown or not kind.BARS_SHOW_KEY):
                out["parts_caption"] = t(kind.CAPTION, title=ex.title)
                out["parts"] = {str(r): self.parts(ex, self._given(ex, r)) for r in ROUNDS if r <= cur["round"]}
                out["kept_parts"] = {which: self.parts(ex, self._kept(ex, which)) for which in KEPT}
        if cur["revealed"] or facilitator:
            out["key"] = kind_of(ex).key_text(ex)
            out["correct"] = [o.text for o in ex.options if o.correct] if ex.kind == "choice" else []
        return out

    def flags(self) -> list[dict[str, Any]]:
        """Flagged ¶s, most flagged first, with their first words; counts, no names."""
        tally: dict[tuple[str, int], Counter] = {}
        for m in self.members.values():
            for spot, f in m.flags.items():
                tally.setdefault(spot, Counter())[f["flag"]] += 1
        rows = [{"chapter": c, "paragraph": p, "confused": n["confused"], "discuss": n["discuss"],
                 "words": self.paras.get(c, {}).get(p, "")} for (c, p), n in tally.items()]
        return sorted(rows, key=lambda r: (-(r["confused"] + r["discuss"]), r["chapter"], r["paragraph"]))

    def projector(self) -> dict[str, Any]:
        return {"version": self.version, "session": self.session, "members": len(self.members),
                "question": self.question(), "flags": self.flags()}

    def phone(self, member: str | None) -> dict[str, Any]:
        """What a phone sees: the question on the screen, and whether it has answered this
        round; the count of members, never a name or another's answer."""
        q = self.question(counts=False)
        m = self.members.get(member) if member else None
        if q and m:
            q["mine"] = m.rounds.get(q["exercise"], {}).get(str(q["round"]))
        return {"version": self.phase, "members": len(self.members), "question": q,
                "ended": bool(self.record.get("ended"))}

    def facilitator(self) -> dict[str, Any]:
        return {**self.projector(), "question": self.question(facilitator=True), "record": self.record,
                "names": sorted(f"{m.pseudonym} · {m.code}" for m in self.members.values()),
                "exercises": [{"id": ex.id, "title": ex.title, "chapter": ex.chapter, "kind": ex.kind}
                              for ex in course().exercises.values() if ex.kind != "discussion"]}

    def mine(self, member: str) -> dict[str, Any]:
        """A member's own answers and flags, to put back on a new device."""
        m = self.member(member)
        return {"member": m.member, "code": m.code, "pseudonym": m.pseudonym,
                "answers": list(m.answers.values()),
                "flags": [{"chapter": c, "paragraph": p, "flag": f["flag"]} for (c, p), f in m.flags.items()]}
