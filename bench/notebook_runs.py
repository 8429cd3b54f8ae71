"""Run every course notebook many times with `jupyter execute` and count the hangs.

Why: a facilitator's notebook hung in `jupyter execute` (and in JupyterLab, `[*]` for
ever) in 3 of 8 runs (issue 25): a cell sent its output, the kernel went idle, and the
cell's `execute_reply` never came. This is not a timed test. Each run gets a deadline
(`--timeout`, 90 s; a run takes 5-15 s on two shared cores); a run past it is killed,
with its kernel, and counted as a hang. `jupyter execute` is used as it is, as a
facilitator would run it (book/liveout.py says what the hang was).

    .venv/bin/python bench/notebook_runs.py              # 30 runs of every notebook
    .venv/bin/python bench/notebook_runs.py --runs 10 exercises/facilitator/world-situation.ipynb

With `--dump`, each hang is first recorded with `py-spy dump` of the kernel (if py-spy
is installed) into bench/tmp/hangs/. Prints one line per notebook (runs, hangs, slowest
run) and exits 1 if any run hung or failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HANGS = ROOT / "bench" / "tmp" / "hangs"


def notebooks() -> list[Path]:
    return sorted((ROOT / "exercises").glob("*.ipynb")) + sorted((ROOT / "exercises" / "facilitator").glob("*.ipynb"))


def children(pid: int) -> list[int]:
    """Every process below ``pid`` (the kernel is a child of `jupyter execute`)."""
    out = subprocess.run(["ps", "-o", "pid=,ppid=", "-e"], capture_output=True, text=True).stdout
    kids: dict[int, list[int]] = {}
    for line in out.split("\n"):
        if line.strip():
            p, pp = map(int, line.split())
            kids.setdefault(pp, []).append(p)
    found, todo = [], [pid]
    while todo:
        for k in kids.get(todo.pop(), []):
            found.append(k)
            todo.append(k)
    return found


def dump(pid: int, name: str, run: int) -> None:
    """py-spy dumps of `jupyter execute` and its kernel, for a hang's evidence."""
    spy = shutil.which("py-spy") or str(BIN / "py-spy")
    if not Path(spy).exists():
        return
    HANGS.mkdir(parents=True, exist_ok=True)
    with (HANGS / f"{name}-{run}.txt").open("w") as out:
        for p in [pid, *children(pid)]:
            out.write(f"==> pid {p}\n")
            out.flush()
            subprocess.run([spy, "dump", "--pid", str(p), "--locals"], stdout=out, stderr=out, timeout=60)


def run_once(nb: Path, timeout: float, env: dict[str, str], want_dump: bool, run: int) -> tuple[str, float]:
    """'ok', 'hang' (killed at the deadline) or 'failed' (nonzero exit), and seconds taken."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([str(BIN / "jupyter"), "execute", str(nb)], cwd=nb.parent, env=env,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            if want_dump:
                dump(proc.pid, nb.stem, run)
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the kernel goes too
            proc.wait()
            return "hang", time.monotonic() - start
        took = time.monotonic() - start
        if rc != 0:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-2000:])
            return "failed", took
    return "ok", took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook in exercises/")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds before a run counts as hung")
    parser.add_argument("--dump", action="store_true", help="py-spy dump of each hung run (bench/tmp/hangs)")
    args = parser.parse_args()
    chosen = [p.resolve() for p in args.notebooks] or notebooks()
    with tempfile.TemporaryDirectory() as scratch:
        # Answers and kernel files go to scratch: the runs leave nothing behind.
        env = {**os.environ, "PRT_ANSWERS_DIR": f"{scratch}/answers", "JUPYTER_RUNTIME_DIR": f"{scratch}/runtime"}
        total = {"ok": 0, "hang": 0, "failed": 0}
        print(f"{'notebook':44} {'runs':>4} {'hangs':>5} {'failed':>6} {'slowest':>8}")
        for nb in chosen:
            counts = {"ok": 0, "hang": 0, "failed": 0}
            slowest = 0.0
            for n in range(1, args.runs + 1):
                outcome, took = run_once(nb, args.timeout, env, args.dump, n)
                counts[outcome] += 1
                slowest = max(slowest, took)
                if outcome != "ok":
                    print(f"  run {n} of {nb.relative_to(ROOT)}: {outcome} after {took:.0f} s", flush=True)
            for k in total:
                total[k] += counts[k]
            print(f"{str(nb.relative_to(ROOT)):44} {args.runs:>4} {counts['hang']:>5} {counts['failed']:>6} "
                  f"{slowest:>7.1f}s", flush=True)
        runs = args.runs * len(chosen)
        print(f"{'all':44} {runs:>4} {total['hang']:>5} {total['failed']:>6}")
    return 1 if total["hang"] or total["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
