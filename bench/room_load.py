"""The room under load: 40 simulated phones, 10 questions, two rounds each, concurrently.

    .venv/bin/python bench/room_load.py [--phones 40] [--questions 10] [--out bench/room_results.json]
    (make room-bench)

The room runs as `make room` runs it (python -m book.room, its own process) on
127.0.0.2; each phone is an HTTP client from its own loopback address (127.0.1.n), and
all traffic stays on loopback. The facilitator opens each question, waits until every
phone's round-1 answer is kept, opens round 2, waits again, reveals. Halfway (while the
phones send round 1 of question 6, 20 ms after it opened) the room's process is killed (SIGKILL, no goodbye)
and started again on the same folder: a phone whose send failed keeps it in its outbox
and sends it again (same id) until the room takes it, as room.js does.

Reported: answers lost (a phone's last kept answer of a round missing from its file)
and mis-filed (in another member's file, round or question), both must be 0; and the
time from a phone's send to the projector's count including it (median, 95th
percentile). The projector's latency is measured per (question, round): the k-th send
the room kept is on the projector once the projector's count for that round reaches k
(the room takes sends one at a time, in order).

Mis-filed is checked twice: the answer in the member's file for that question and round
must be the one the phone sent, and the send's id must be among the ids that member's file
took and in no other member's file (two phones often send equal answers; ids tell them apart).

Bounded: every loop has a count or a deadline (a send is retried for 90 s at most, the
room's start waits 60 s at most for its address, a phone tries to join 100 times); the
whole run stops after --deadline seconds, and at most 199 phones. Loopback only: the room
listens on 127.0.0.2 and each phone sends from its own 127.0.1.n; any address outside
127.0.0.0/8 stops the run before a request is sent.

Without a built book (--html, default _build/html) the room serves a stand-in (an index
and one chapter with five ¶s): the load is the room's API, not the pages.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))
from roomkit import ROOM_HOST, fitting, member_id, send_id, stand_in_book  # noqa: E402

from book.answers.catalog import catalog  # noqa: E402


LOOPBACK = ipaddress.ip_network("127.0.0.0/8")
MAX_PHONES = 199  # phones are 127.0.1.1-199; the projector and the facilitator 127.0.1.201-202


def loopback(address: str) -> str:
    """``address``, if it is on loopback; else the run stops: this benchmark sends nowhere else."""
    if ipaddress.ip_address(address) not in LOOPBACK:
        raise SystemExit(f"refusing to send from or to {address}: loopback (127.0.0.0/8) only")
    return address


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((ROOM_HOST, 0))
        return s.getsockname()[1]


class Process:
    """`python -m book.room` in its own process; the facilitator's secret read from its output."""

    def __init__(self, answers: Path, html: Path, port: int):
        self.answers, self.html, self.port = answers, html, port

    def start(self) -> "Process":
        env = {**os.environ, "ROOM_HOST": ROOM_HOST, "ROOM_PORT": str(self.port), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "book.room", "--session", "Load test", "--html",
                                      str(self.html), "--answers", str(self.answers)],
                                     cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines: queue.Queue = queue.Queue()  # read on a thread, so each wait ends at the deadline
        threading.Thread(target=lambda: [lines.put(ln) for ln in self.proc.stdout], daemon=True).start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            m = re.search(r"secret=(\S+)", line)
            if m:
                self.secret = m.group(1)
                return self
        self.proc.kill()
        raise RuntimeError("the room did not start within 60 s")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)


async def main() -> dict:
    ap = argparse.ArgumentParser()
    ap.add_argument("--phones", type=int, default=40)
    ap.add_argument("--questions", type=int, default=10)
    ap.add_argument("--deadline", type=float, default=300)
    ap.add_argument("--html", default=str(ROOT / "_build" / "html"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "room_results.json"))
    args = ap.parse_args()
    if not 1 <= args.phones <= MAX_PHONES:
        raise SystemExit(f"--phones: 1 to {MAX_PHONES}")
    loopback(ROOM_HOST)

    work = Path(tempfile.mkdtemp(prefix="room-load-"))
    html = Path(args.html)
    book = "built"
    if not (html / "index.html").exists():
        html, book = stand_in_book(work / "html"), "stand-in"
    port = free_port()
    room = Process(work / "answers", html, port).start()
    base = f"http://{ROOM_HOST}:{port}"
    entries = [e for e in catalog().values() if e["kind"] == "choice"]
    entries += [e for e in catalog().values() if e["kind"] in ("ordering", "matching")]
    questions = entries[:args.questions]

    kept: dict[tuple[int, str, str], tuple[dict, float, str]] = {}  # (phone, exercise, round) -> (answer, sent at, id)
    acks: dict[tuple[str, str], list[float]] = {}  # (exercise, round) -> send times in the order kept
    shown: dict[tuple[str, str], list[tuple[float, int]]] = {}  # (exercise, round) -> (time, projector count)
    retries = [0]
    killed_with = None
    current = {"exercise": None, "round": 0}
    stop = asyncio.Event()
    members = [member_id() for _ in range(args.phones)]

    def client(n: int) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=base, timeout=30,
                                 transport=httpx.AsyncHTTPTransport(local_address=loopback(f"127.0.1.{n + 1}")))

    async def deliver(c: httpx.AsyncClient, n: int, body: dict) -> dict:
        """The outbox: the same send (same id) again until the room answers 200."""
        until = time.monotonic() + 90
        while time.monotonic() < until:
            try:
                r = await c.post("/_room/api/send", json={"member": members[n], "send": body})
                if r.status_code == 200:
                    return r.json()
                if r.status_code != 429:
                    raise RuntimeError(f"phone {n}: refused: {r.text}")
            except httpx.TransportError:
                retries[0] += 1
            await asyncio.sleep(0.3)
        raise RuntimeError(f"phone {n}: send never kept")

    async def phone_loop(n: int) -> None:
        async with client(n) as c:
            for _attempt in range(100):
                try:
                    r = await c.post("/_room/api/join", json={"pseudonym": f"Phone {n}", "member": members[n]})
                    r.raise_for_status()
                    break
                except httpx.HTTPError:
                    await asyncio.sleep(0.2)
            since, done = -1, set()
            while not stop.is_set():
                try:
                    r = await c.get(f"/_room/api/state?since={since}&member={members[n]}")
                    s = r.json()
                except (httpx.HTTPError, ValueError):
                    await asyncio.sleep(0.3)
                    continue
                since = s["version"]
                q = s.get("question")
                if not q or q["revealed"] or (q["exercise"], q["round"]) in done:
                    continue
                entry = catalog()[q["exercise"]]
                rnd = str(q["round"])
                answer = fitting(entry, n + int(rnd) + questions.index(entry))
                if entry["kind"] == "ordering":
                    order = answer["order"]
                    k = (n + int(rnd)) % len(order)
                    answer = {"order": order[k:] + order[:k]}
                done.add((q["exercise"], q["round"]))
                body = {"id": send_id(), "type": "answer", "exercise": q["exercise"], "answer": answer}
                t0 = time.monotonic()
                out = await deliver(c, n, body)
                if out.get("round") == int(rnd) or out.get("again"):
                    kept[(n, q["exercise"], rnd)] = (answer, t0, body["id"])
                    acks.setdefault((q["exercise"], rnd), []).append(t0)

    async def projector() -> None:
        async with client(200) as c:
            since = -1
            while not stop.is_set():
                try:
                    s = (await c.get(f"/_room/api/state?view=projector&since={since}")).json()
                except (httpx.HTTPError, ValueError):
                    await asyncio.sleep(0.2)
                    continue
                since, at, q = s["version"], time.monotonic(), s["question"]
                if q:
                    for rnd, counts in q["counts"].items():
                        total = counts.get("answered", sum(counts.values())) if "answered" in counts else sum(counts.values())
                        shown.setdefault((q["exercise"], rnd), []).append((at, total))

    async def facilitator() -> None:
        nonlocal room, killed_with
        async with client(201) as c:
            async def act(action: str, **kw) -> None:
                for _ in range(200):
                    try:
                        r = await c.post("/_room/api/control", json={"action": action, **kw},
                                         headers={"X-Room-Secret": room.secret})
                        if r.status_code == 200:
                            return
                    except httpx.TransportError:
                        pass
                    await asyncio.sleep(0.2)
                raise RuntimeError(f"control {action} failed")

            async def all_in(ex: str, rnd: str) -> None:
                until = time.monotonic() + 60
                while sum(1 for n in range(args.phones) if (n, ex, rnd) in kept) < args.phones:
                    if time.monotonic() > until:
                        raise RuntimeError(f"{ex} round {rnd}: not every phone's answer was kept")
                    await asyncio.sleep(0.05)

            for i, entry in enumerate(questions):
                ex = entry["id"]
                current.update(exercise=ex, round=1)
                await act("open", exercise=ex)
                if i == len(questions) // 2:
                    # The phones were told round 1 is open and are sending: the room dies now.
                    await asyncio.sleep(0.02)
                    killed_with = sum(1 for n in range(args.phones) if (n, ex, "1") in kept)
                    room.kill()
                    room = await asyncio.to_thread(Process(work / "answers", html, port).start)
                await all_in(ex, "1")
                await act("round2")
                await all_in(ex, "2")
                await act("reveal")
            stop.set()

    phones = [asyncio.create_task(phone_loop(n)) for n in range(args.phones)]
    watcher = asyncio.create_task(projector())
    started = time.monotonic()
    try:
        await asyncio.wait_for(facilitator(), args.deadline)
    finally:
        stop.set()
        await asyncio.sleep(0.1)
        for task in [*phones, watcher]:
            task.cancel()
        await asyncio.gather(*phones, watcher, return_exceptions=True)
    elapsed = time.monotonic() - started
    room.kill()

    # What the files say, against what each phone was told was kept.
    folder = next(p for p in (work / "answers").iterdir() if p.is_dir())
    files = {}
    for path in folder.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        files[data["member"]] = data
    took = {m: set(d.get("room", {}).get("sent", [])) for m, d in files.items()}
    lost = misfiled = 0
    for (n, ex, rnd), (answer, _, sent) in kept.items():
        data = files.get(members[n])
        got = (data or {}).get("room", {}).get("rounds", {}).get(ex, {}).get(rnd)
        elsewhere = any(sent in ids for m, ids in took.items() if m != members[n])
        if got is None:
            lost += 1
        elif got != answer or data["pseudonym"] != f"Phone {n}" or sent not in took[members[n]] or elsewhere:
            misfiled += 1
    expected = args.phones * len(questions) * 2
    lost += expected - len(kept)

    cut = (questions[len(questions) // 2]["id"], "1")  # the round the restart cut through
    latencies, restarted = [], []
    for key, sends in acks.items():
        seen = shown.get(key, [])
        for k, t0 in enumerate(sends, start=1):
            when = next((at for at, total in seen if total >= k), None)
            if when is not None:
                (restarted if key == cut else latencies).append(max(0.0, when - t0))
    latencies.sort()
    restarted.sort()
    result = {
        "phones": args.phones, "questions": len(questions), "rounds": 2, "answers_expected": expected,
        "answers_kept": len(kept), "answers_lost": lost, "answers_misfiled": misfiled,
        "restart_halfway": True, "round_1_answers_kept_when_killed": killed_with,
        "sends_retried_after_the_restart": retries[0],
        "send_to_projector_ms": {"median": round(1000 * statistics.median(latencies), 1),
                                  "p95": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
                                  "max": round(1000 * latencies[-1], 1), "n": len(latencies)},
        "send_to_projector_ms_in_the_round_cut_by_the_restart": {
            "median": round(1000 * statistics.median(restarted), 1) if restarted else None,
            "max": round(1000 * restarted[-1], 1) if restarted else None, "n": len(restarted)},
        "book": book, "addresses": {"room": ROOM_HOST, "phones": f"127.0.1.1-{args.phones}"},
        "seconds": round(elapsed, 1), "load_average_1min": round(os.getloadavg()[0], 1), "cpus": os.cpu_count(),
    }
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return result


if __name__ == "__main__":
    out = asyncio.run(main())
    print(json.dumps(out, indent=1))
    sys.exit(0 if out["answers_lost"] == 0 and out["answers_misfiled"] == 0 else 1)
