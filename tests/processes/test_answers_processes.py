"""Live answers: saved as given, atomically, restored after a restart, never lost."""

from __future__ import annotations

import json
import time




def by_exercise(data: dict) -> dict:
    """An answer file's entries by exercise id."""
    return {e["exercise"]: e for e in data["answers"]}


CONCURRENT_SAVER = """
import sys, time
from pathlib import Path
from book.exercises.live import store
root, name, worker, go = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
(go.parent / f"ready-{worker}").touch()
while not go.exists():
    time.sleep(0.005)
for k in range(10):
    store.AnswerStore(name, "s1", root).save(f"q-{worker}-{k}", f"{name}/{worker}/{k}", None, None)
"""


def test_twenty_processes_saving_at_once_lose_nothing(answers_in_tmp, tmp_path):
    """10 processes answer as one participant, 10 as five others (2 each); 10 answers each."""
    import subprocess
    import sys

    go = tmp_path / "go"
    who = ["Amal"] * 10 + [f"محمد {n}" for n in range(5) for _ in range(2)]
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT_SAVER, str(answers_in_tmp), name, str(n), str(go)])
             for n, name in enumerate(who)]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready-*"))) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)  # every process has imported and waits at the line
    go.touch()
    assert [p.wait(timeout=120) for p in procs] == [0] * 20
    found = {}
    for path in answers_in_tmp.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for exercise, entry in by_exercise(data).items():
            assert entry["answer"]["value"].startswith(data["pseudonym"] + "/"), f"{exercise} in the wrong file"
            found[exercise] = entry["answer"]["value"]
    expected = {f"q-{n}-{k}": f"{name}/{n}/{k}" for n, name in enumerate(who) for k in range(10)}
    print(f"20 processes, {len(expected)} answers written, {len(found)} found")
    assert found == expected
    assert len(list(answers_in_tmp.rglob("*.json"))) == 6
