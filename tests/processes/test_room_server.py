"""The room's server (book/room), driven over HTTP on 127.0.0.2 by phones on other loopback
addresses: join, every kind of send, flags, what it refuses and why, a restart that keeps
everything, and that a member's screen never shows another member's name or answer.
No browser and no built book: a small book in a temporary folder stands in for it."""

from __future__ import annotations

import html
import json
import re
import time

import pytest

from book.answers.model import AnswerFile
from book.course.load import course
from book.kinds import choice
from book.kinds import ordering as ordering_kind
from book.kinds import passage as passage_kind
from book.room.record import session_html
from book.room import net
from book.room.state import paragraphs
from book.course.strings import t
from roomkit import stand_in_book, choice_exercises, fitting, member_id, one_of_each_kind, phone, send_id, start
from book import scripts_after

SECRET = "s3cret-for-tests"
CSP = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'">'


@pytest.fixture
def book(tmp_path):
    return stand_in_book(tmp_path / "html", CSP)


@pytest.fixture
def room(tmp_path, book):
    server = start(tmp_path / "answers", book, secret=SECRET)
    yield server
    server.stop()


def join(client, name="Zaid", member=None):
    member = member or member_id()
    r = client.post("/_room/api/join", json={"pseudonym": name, "member": member})
    assert r.status_code == 200, r.text
    return member, r.json()


def send(client, member, **body):
    return client.post("/_room/api/send", json={"member": member, "send": {"id": send_id(), **body}})


def control(client, action, **kw):
    return client.post("/_room/api/control", json={"action": action, **kw}, headers={"X-Room-Secret": SECRET})


def test_the_book_is_served_with_room_js_and_its_csp_intact(room):
    with phone(room) as c:
        page = c.get("/").text
    assert CSP in page
    # After the page's own scripts, in the list its loader fetches once the text is in.
    assert scripts_after.sources(page)[-4:] == ["/_room/strings.js", "/_room/kinds.js", "/_room/answer-file.js",
                                                "/_room/room.js"]
    assert scripts_after.sources(page)[0].startswith("_static/doctools.js")
    with phone(room) as c:  # a page without a loader: deferred tags after its own
        chapter = c.get(f"/chapters/{next(iter(course().articles))}.html").text
    assert chapter.index('<script defer src="/_room/room.js"></script>') < chapter.index("</body>")
    assert "/lab" not in page and "token" not in page
    with phone(room) as c:
        qr = c.get("/_room/qr.svg")
        projector = c.get("/_room/projector")
    assert qr.headers["content-type"] == "image/svg+xml" and qr.text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "script-src 'self'" in projector.headers["content-security-policy"]


def test_join_and_send_every_kind_is_kept_in_an_answer_file(room):
    kinds = one_of_each_kind()
    with phone(room) as c:
        member, joined = join(c, "José")
        assert joined["code"] == member[:4].upper()
        for kind, entry in kinds.items():
            r = send(c, member, type="answer", exercise=entry["id"], answer=fitting(entry))
            if kind == "discussion":
                assert r.status_code == 422 and r.json()["error"] == t("room.private")
            else:
                assert r.status_code == 200, (kind, r.text)
        chapter = next(iter(course().articles))
        assert send(c, member, type="flag", chapter=chapter, paragraph=3, flag="confused").status_code == 200
        assert send(c, member, type="flag", chapter=chapter, paragraph=4, flag="discuss").status_code == 200
    files = list(room.room.folder.glob("*.json"))
    assert len(files) == 1 and files[0].parent.name.startswith("tuesday-group-")
    saved = AnswerFile.model_validate_json(files[0].read_text(encoding="utf-8"))
    assert saved.member == member and saved.pseudonym == "José"
    assert {a.kind for a in saved.answers} == set(kinds) - {"discussion"}
    assert {(n.paragraph, n.flag) for n in saved.notes} == {(3, "confused"), (4, "discuss")}
    assert all(n.note == "" for n in saved.notes)


def test_no_path_a_member_sends_reaches_the_file_system(room, tmp_path):
    (tmp_path / "secret.txt").write_text("not for members", encoding="utf-8")
    with phone(room) as c:
        for raw in ("/%2e%2e/secret.txt", "/..%2fsecret.txt", "/_room/%2e%2e/%2e%2e/secret.txt", "//etc/passwd"):
            r = c.get(raw)
            assert r.status_code in (403, 404) and "not for members" not in r.text, raw
        member, _ = join(c, "../../../secret")
    files = [p for p in (tmp_path / "answers").rglob("*") if p.is_file()]
    assert files and all(p.parent.parent == tmp_path / "answers" or p.parent == tmp_path / "answers" for p in files)
    assert (tmp_path / "secret.txt").read_text(encoding="utf-8") == "not for members"


def test_a_send_that_arrives_twice_counts_once(room):
    ex = choice_exercises()[0]
    control_client = phone(room, 9)
    control(control_client, "open", exercise=ex)
    with phone(room) as c:
        member, _ = join(c)
        body = {"id": send_id(), "type": "answer", "exercise": ex, "answer": {"chosen": [choice.ids(course().exercises[ex])[0]]}}
        for _ in range(3):
            r = c.post("/_room/api/send", json={"member": member, "send": body})
            assert r.status_code == 200
        assert r.json()["again"] is True
        counts = c.get("/_room/api/state?view=projector").json()["question"]["counts"]["1"]
    assert sum(counts.values()) == 1
    control_client.close()


@pytest.mark.parametrize("case", ["too_big", "unknown", "misfit", "no_member", "bad_paragraph", "not_json"])
def test_refused_requests_say_why(room, case):
    entry = one_of_each_kind()["choice"]
    with phone(room) as c:
        member, _ = join(c)
        if case == "too_big":
            r = send(c, member, type="answer", exercise=entry["id"], answer={"chosen": ["x" * 70_000]})
            assert r.status_code == 413 and r.json()["error"] == t("room.too_big", kb=64)
        elif case == "unknown":
            r = send(c, member, type="answer", exercise="../../etc/passwd", answer={"chosen": []})
            assert r.status_code == 404 and "../../etc/passwd" in r.json()["error"]
        elif case == "misfit":
            r = send(c, member, type="answer", exercise=entry["id"], answer={"chosen": ["an option no one wrote"]})
            assert r.status_code == 422 and entry["title"] in r.json()["error"]
        elif case == "no_member":
            r = send(c, member_id(), type="answer", exercise=entry["id"], answer=fitting(entry))
            assert r.status_code == 403 and r.json()["error"] == t("room.join_first")
        elif case == "bad_paragraph":
            r = send(c, member, type="flag", chapter=next(iter(course().articles)), paragraph=999, flag="confused")
            assert r.status_code == 404 and r.json()["error"] == t("room.unknown_paragraph")
        else:
            r = c.post("/_room/api/send", content=b"{not json", headers={"Content-Type": "application/json"})
            assert r.status_code == 400 and r.json()["error"] == t("room.not_json")
    assert not list(room.room.folder.glob("../*passwd*"))


def test_a_flood_from_one_member_is_slowed_with_a_message(room):
    entry = one_of_each_kind()["choice"]
    with phone(room) as c:
        member, _ = join(c)
        codes = [send(c, member, type="answer", exercise=entry["id"], answer=fitting(entry, n)).status_code
                 for n in range(60)]
        assert codes.count(200) >= 30 and 429 in codes
        r = send(c, member, type="answer", exercise=entry["id"], answer=fitting(entry))
        assert r.status_code == 429 and r.json()["error"] == t("room.too_fast")
        time.sleep(0.5)  # the bucket refills: sends go again
        assert send(c, member, type="answer", exercise=entry["id"], answer=fitting(entry)).status_code == 200


def test_facilitator_controls_need_the_secret(room):
    ex = choice_exercises()[0]
    with phone(room) as c:
        for headers in ({}, {"X-Room-Secret": "guess"}, {"X-Room-Secret": SECRET[:-1]}):
            r = c.post("/_room/api/control", json={"action": "open", "exercise": ex}, headers=headers)
            assert r.status_code == 403 and r.json()["error"] == t("room.no_secret")
        assert c.get("/_room/api/state?view=facilitator").status_code == 403
        assert c.get("/_room/facilitator").status_code == 403
        assert c.get("/_room/record").status_code == 403
        assert control(c, "open", exercise=ex).status_code == 200
        assert c.get("/_room/api/state?view=phone").json()["question"]["exercise"] == ex
        # The secret in the link becomes a cookie for /_room/ only.
        r = c.get(f"/_room/facilitator?secret={SECRET}", follow_redirects=True)
        assert r.status_code == 200 and 'data-room-page="facilitator"' in r.text


def test_a_client_outside_the_local_network_is_refused(room, monkeypatch):
    assert net.allowed("127.0.0.1") and net.allowed("192.168.1.20") and net.allowed("10.0.0.7")
    assert net.allowed("172.20.1.1") and net.allowed("fe80::1") and net.allowed("::ffff:192.168.0.3")
    assert not net.allowed("8.8.8.8") and not net.allowed("172.32.0.1") and not net.allowed("2001:db8::1")
    assert not net.allowed("100.64.0.1") and not net.allowed("not an address")
    # Traffic stays on loopback: a second loopback address stands for an outside one.
    monkeypatch.setattr(net, "allowed", lambda ip: ip != "127.0.1.4")
    with phone(room, 3) as c:
        r = c.get("/")
        assert r.status_code == 403 and r.json()["error"] == t("room.not_local", address="127.0.1.4")
        assert c.post("/_room/api/join", json={"pseudonym": "X", "member": member_id()}).status_code == 403
    with phone(room, 1) as c:
        assert c.get("/").status_code == 200


def test_peer_instruction_rounds_counts_and_no_names(room):
    ex = course().exercises[choice_exercises()[0]]
    opts, ids = [o.text for o in ex.options], choice.ids(ex)  # the projector shows texts; phones send ids
    host = phone(room, 9)
    members = []
    clients = [phone(room, n) for n in range(3)]
    for n, c in enumerate(clients):
        members.append(join(c, f"Member{n}")[0])
    control(host, "open", exercise=ex.id)
    for c, m in zip(clients, members):
        assert send(c, m, type="answer", exercise=ex.id, answer={"chosen": [ids[1]]}).json()["round"] == 1
    control(host, "round2")
    for c, m in zip(clients, members):
        assert send(c, m, type="answer", exercise=ex.id, answer={"chosen": [ids[0]]}).json()["round"] == 2
    q = clients[0].get("/_room/api/state?view=projector").json()["question"]
    assert q["counts"]["1"][opts[1]] == 3 and q["counts"]["2"][opts[0]] == 3 and "key" not in q
    # beside the rounds, each member's kept answers: the first they gave and the last
    assert q["kept"]["first"][opts[1]] == 3 and q["kept"]["last"][opts[0]] == 3 and q["kept"]["last"][opts[1]] == 0
    phone_view = clients[1].get(f"/_room/api/state?member={members[1]}").json()
    assert phone_view["question"]["mine"] == {"chosen": [ids[0]]} and "key" not in phone_view["question"]
    files = [json.loads(p.read_text(encoding="utf-8")) for p in room.room.folder.glob("*.json")]
    saved = next(f for f in files if f["pseudonym"] == "Member1")
    assert saved["version"] == 3 and saved["answers"][0]["first"]["answer"] == {"chosen": [ids[1]]}
    assert saved["answers"][0]["answer"] == {"chosen": [ids[0]]}
    control(host, "reveal")
    q = clients[0].get("/_room/api/state?view=projector").json()["question"]
    assert q["revealed"] and q["key"] and q["correct"] == [o.text for o in ex.options if o.correct]
    # A second client on 127.x sees counts, never a name or another's answer.
    with phone(room, 7) as other:
        for url in ("/_room/api/state?view=projector", "/_room/api/state", f"/_room/api/state?member={member_id()}"):
            text = other.get(url).text
            assert not any(f"Member{n}" in text or m in text for n, m in enumerate(members))
        r = other.post("/_room/api/mine", json={"member": "nobody"})
        assert r.status_code == 403
        r = other.post("/_room/api/join", json={"pseudonym": "Member1", "code": "ZZZZ"})
        assert r.status_code == 404
    for c in [*clients, host]:
        c.close()


def test_other_kinds_show_what_was_given_and_keep_what_tells_the_key_until_reveal(room):
    """A passage question shows how many chose each ¶ from round 1 (that tells no key, as a
    choice's options do not); an ordering question shows who has every event in place only
    after Reveal (before it, only how many answered)."""
    passage = next(ex for ex in course().exercises.values() if ex.kind == "passage")
    ordering = next(ex for ex in course().exercises.values() if ex.kind == "ordering")
    host, clients = phone(room, 9), [phone(room, n) for n in range(3)]
    members = [join(c, f"Member{n}")[0] for n, c in enumerate(clients)]
    first, other = passage.candidates[0], passage.candidates[1]
    control(host, "open", exercise=passage.id)
    for c, m, chosen in zip(clients, members, (first, first, other)):
        assert send(c, m, type="answer", exercise=passage.id, answer={"paragraph": chosen}).status_code == 200
    q = clients[0].get("/_room/api/state?view=projector").json()["question"]
    counted = dict(map(tuple, q["parts"]["1"]))
    assert sorted(counted.values(), reverse=True)[:2] == [2, 1] and sum(counted.values()) == 3
    assert list(counted.values())[passage.candidates.index(first)] == 2  # in the candidates' order
    assert "key" not in q and "right" not in q["counts"]["1"]

    control(host, "open", exercise=ordering.id)
    key = ordering_kind.key(ordering)
    wrong = list(reversed(key))
    for c, m, order in zip(clients, members, (key, key, wrong)):
        assert send(c, m, type="answer", exercise=ordering.id, answer={"order": order}).status_code == 200
    q = clients[0].get("/_room/api/state?view=projector").json()["question"]
    assert "parts" not in q and q["counts"]["1"] == {"answered": 3}
    control(host, "reveal")
    q = clients[0].get("/_room/api/state?view=projector").json()["question"]
    assert [n for _, n in q["parts"]["1"]] == [2, 1] and [n for _, n in q["kept_parts"]["last"]] == [2, 1]
    assert q["counts"]["1"] == {"answered": 3, "right": 2}
    # The session record keeps them too, the passage's ¶s as tapped beside its rounds, though
    # the passage was left open (neither revealed nor closed) when the next question opened.
    control(host, "open", exercise=choice_exercises()[0])
    page = session_html(room.room)
    label = passage_kind.label(passage, first)
    assert re.search(re.escape(html.escape(label, quote=False)) + r'</td><td class="n">2</td><td class="n">0</td>', page)
    for c in [*clients, host]:
        c.close()


def test_a_member_on_a_new_device_gets_their_answers_back_with_their_code(room):
    entry = one_of_each_kind()["matching"]
    with phone(room, 1) as old:
        member, joined = join(old, "Ana (2nd row)")
        send(old, member, type="answer", exercise=entry["id"], answer=fitting(entry))
    with phone(room, 2) as new:
        r = new.post("/_room/api/join", json={"pseudonym": "Ana (2nd row)", "code": joined["code"].lower()})
        assert r.status_code == 200
        back = r.json()
    assert back["member"] == member and back["answers"][0]["answer"] == fitting(entry)


def test_a_restart_keeps_every_answer_round_note_and_flag(tmp_path, book):
    ex = course().exercises[choice_exercises()[1]]
    first = start(tmp_path / "answers", book, secret=SECRET)
    host = phone(first, 9)
    members = []
    with phone(first, 1) as c:
        control(host, "open", exercise=ex.id)
        for n in range(5):
            m, _ = join(c, f"P{n}")
            members.append(m)
            send(c, m, type="answer", exercise=ex.id, answer={"chosen": [choice.ids(ex)[n % 2]]})
            send(c, m, type="flag", chapter=next(iter(course().articles)), paragraph=2, flag="discuss")
        control(host, "note", text="Round 1 split; ask ¶2 again.")
    host.close()
    port = first.port
    first.stop()
    second = start(tmp_path / "answers", book, secret=SECRET, port=port)
    try:
        with phone(second, 1) as c:
            s = c.get("/_room/api/state?view=projector").json()
            assert s["members"] == 5 and s["question"]["round"] == 1
            assert sum(s["question"]["counts"]["1"].values()) == 5
            assert s["flags"][0]["discuss"] == 5 and s["flags"][0]["words"].startswith("Words of paragraph 2")
            rec = c.get("/_room/api/state?view=facilitator", headers={"X-Room-Secret": SECRET}).json()["record"]
            assert rec["notes"][0]["text"] == "Round 1 split; ask ¶2 again." and len(rec["joined"]) == 5
            # Sends from before the restart are still taken once only.
            r = send(c, members[0], type="answer", exercise=ex.id, answer={"chosen": [choice.ids(ex)[0]]})
            assert r.status_code == 200
    finally:
        second.stop()
    record = json.loads(second.room.record_path.read_text(encoding="utf-8"))
    assert record["session"] == "Tuesday group"


def test_the_phones_own_first_answer_is_kept_once_and_an_older_rooms_texts_read_as_ids(tmp_path, book):
    """A phone sends its first graded answer with the last; the room keeps the first once.
    A member's file from an older room (version 2, texts) is read back with ids."""
    ex = course().exercises[choice_exercises()[0]]
    ids, opts = choice.ids(ex), [o.text for o in ex.options]
    first = start(tmp_path / "answers", book, secret=SECRET)
    try:
        with phone(first, 1) as c:
            m, _ = join(c, "زينب")
            send(c, m, type="answer", exercise=ex.id, answer={"chosen": [ids[1]]},
                 first={"answer": {"chosen": [ids[2]]}, "time": "2026-12-07T09:00:00+00:00"})
            send(c, m, type="answer", exercise=ex.id, answer={"chosen": [ids[0]]},
                 first={"answer": {"chosen": [ids[3]]}, "time": "2026-12-07T09:30:00+00:00"})
            r = send(c, m, type="answer", exercise=ex.id, answer={"chosen": [ids[0]]}, first={"answer": {"chosen": ["x"]}})
            assert r.status_code == 422, "a first answer that does not fit is refused like any answer"
        path = next(first.room.folder.glob("*.json"))
        kept = json.loads(path.read_text(encoding="utf-8"))["answers"][0]
        assert kept["first"]["answer"] == {"chosen": [ids[2]]} and kept["first"]["time"] == "2026-12-07T09:00:00+00:00"
        assert kept["answer"] == {"chosen": [ids[0]]}
    finally:
        first.stop()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 2
    data["answers"] = [{**data["answers"][0], "answer": {"chosen": [opts[1]]}}]
    data.pop("room")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    second = start(tmp_path / "answers", book, secret=SECRET)
    try:
        assert next(iter(second.room.members.values())).answers[ex.id]["answer"] == {"chosen": [ids[1]]}
    finally:
        second.stop()


def test_paragraph_words_come_from_the_built_chapter(book):
    chapter = next(iter(course().articles))
    assert paragraphs(book)[chapter][1] == "Words of paragraph 1 here."
