"""Lighthouse on every page of a built book, mobile and desktop, from a gzipping and from a
plain host (measure.serve), each page the median of several runs.

Lighthouse is pinned in bench/node/package-lock.json and installed there by
scripts/npm-ci.sh (idempotent; `make bench` runs it). Chromium is Debian's
(CHROME_PATH=/usr/bin/chromium).

Why 12.8.2 and not 12.2.3: with Chromium 156, Lighthouse 12.2.3's trace engine throws
in its ``frame_sequence`` handler (the trace events of a newer Chrome) and three audits
come back as errors: render-blocking resources, layout shifts and the LCP element
(scores still come, from the metrics). 12.8.2, the last 12.x, runs every audit with this
Chromium and still runs on the machine's Node 20 (13.x needs Node 22.19). Its scoring
curves are 12.2.3's.

Run alone: ``.venv/bin/python bench/lighthouse.py _build/html [--runs 3] [--pages a.html,b.html]
[--form mobile|desktop] [--host gzip|plain]``; prints one line per page.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CHROMIUM, ROOT  # noqa: E402
from measure import serve  # noqa: E402

NODE_DIR = ROOT / "bench" / "node"
LIGHTHOUSE = NODE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Audits whose numbers are kept per run (besides the four scores).
METRICS = {"tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift",
           "fcp_ms": "first-contentful-paint", "lcp_ms": "largest-contentful-paint",
           "si_ms": "speed-index", "dom_size": "dom-size"}
#: Audits that must have run (no error) for a run to count.
MUST_RUN = ("render-blocking-resources", "layout-shifts", "largest-contentful-paint-element",
            "cumulative-layout-shift", "total-blocking-time")
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


def install() -> None:
    """npm ci in bench/node when its node_modules is missing or older than the lock."""
    subprocess.run(["bash", str(ROOT / "scripts" / "npm-ci.sh"), str(NODE_DIR)], check=True)


def version() -> str:
    return json.loads((NODE_DIR / "node_modules" / "lighthouse" / "package.json").read_text())["version"]


def run_once(url: str, form: str) -> dict:
    """One Lighthouse run: the four scores (0-100), the metrics, the long tasks and the
    audits that errored."""
    load = os.getloadavg()[0]  # the machine's 1-minute load average as the run starts
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={FLAGS}",
               "--max-wait-for-load=60000"]
        if form == "desktop":
            cmd.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        subprocess.run(cmd, env=env, capture_output=True, timeout=300, cwd=tmp)
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    result: dict = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    for key, audit in METRICS.items():
        result[key] = audits.get(audit, {}).get("numericValue")
    result["load"] = round(load, 2)
    result["errors"] = sorted(k for k, a in audits.items() if a.get("errorMessage"))
    # Every audit must have run (12.2.3 lost three of these to Chromium 156's trace events).
    result["errors"] += [k for k in MUST_RUN if k not in audits]
    result["failed"] = sorted(k for k, a in audits.items()
                              if a.get("score") is not None and a.get("scoreDisplayMode") == "binary"
                              and a["score"] < 1 and k not in ("is-on-https", "redirects-http"))
    tasks = audits.get("long-tasks", {}).get("details", {}).get("items", [])
    result["long_tasks"] = [{"url": t.get("url", ""), "ms": round(t.get("duration", 0))} for t in tasks[:5]]
    return result


def median_of(runs: list[dict]) -> dict:
    """Each number the median of the runs; the long tasks and errors of the median run by TBT."""
    out: dict = {}
    for key in (*CATEGORIES, *METRICS):
        values = [r[key] for r in runs if r.get(key) is not None]
        out[key] = statistics.median(values) if values else None
    by_tbt = sorted(runs, key=lambda r: r.get("tbt_ms") or 0)[len(runs) // 2]
    out["long_tasks"] = by_tbt["long_tasks"]
    out["errors"] = sorted({e for r in runs for e in r["errors"]})
    out["failed"] = sorted({e for r in runs for e in r["failed"]})
    out["runs"] = len(runs)
    # Blocking time is noisy on a busy 2-core machine: each run's load average beside its TBT.
    out["load"] = [r["load"] for r in runs]
    out["tbt_each_ms"] = [r["tbt_ms"] for r in runs]
    return out


def pages_of(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html")
                  if "_static" not in p.parts and "_sources" not in p.parts and p.name != "genindex.html")


def lighthouse(folder: Path, pages: list[str] | None = None, runs: int = 3,
               forms: tuple[str, ...] = ("mobile", "desktop"), hosts: tuple[str, ...] = ("gzip", "plain"),
               log=print) -> dict:
    """{form: {host: {page: medians}}} for a built book."""
    pages = pages or pages_of(folder)
    result: dict = {"version": version(), "runs": runs, "pages": pages}
    for host in hosts:
        server, base = serve(folder, compress=host == "gzip")
        try:
            for form in forms:
                for page in pages:
                    measured = median_of([run_once(f"{base}/{page}", form) for _ in range(runs)])
                    result.setdefault(form, {}).setdefault(host, {})[page] = measured
                    log(line(form, host, page, measured))
        finally:
            server.shutdown()
    return result


def line(form: str, host: str, page: str, m: dict) -> str:
    tasks = ", ".join(f"{t['url'].rsplit('/', 1)[-1].split('?')[0] or 'page'} {t['ms']}" for t in m["long_tasks"][:3])
    return (f"  {form:7} {host:5} {page:40} perf {m['performance']:>5} a11y {m['accessibility']:>5} "
            f"bp {m['best-practices']:>5} seo {m['seo']:>5} TBT {m['tbt_ms'] or 0:6.0f} ms CLS {m['cls'] or 0:.3f} "
            f"DOM {m['dom_size'] or 0:.0f} load {'/'.join(f'{x:.1f}' for x in m['load'])}  [{tasks}]" + (f" ERRORS {m['errors']}" if m["errors"] else "")
            + (f" failed {m['failed']}" if m["failed"] else ""))


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", default="")
    parser.add_argument("--form", default="mobile,desktop")
    parser.add_argument("--host", default="gzip,plain")
    parser.add_argument("--out", type=Path)
    a = parser.parse_args()
    install()
    result = lighthouse(a.folder.resolve(), [p for p in a.pages.split(",") if p] or None, a.runs,
                        tuple(a.form.split(",")), tuple(a.host.split(",")))
    if a.out:
        a.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
