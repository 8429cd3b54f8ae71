"""`make bench`: build times, page weight and load times, beside a plain Jupyter Book.

Prints a table and writes bench/results.json (machine, date, commit). Numbers come from
this run on this machine: build times with the wall clock, bytes and paint times from
headless Chromium through the DevTools protocol, throttled like a slow phone link
(1.6 Mbps down, 150 ms latency). The baseline is the Tishreen chapter built by Jupyter
Book with its default plotly rendering (plotly.js inlined per figure), in the same run.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HTML = ROOT / "_build" / "html"
WORK = ROOT / "bench" / "tmp"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
            "uploadThroughput": 750_000 / 8}
TARGETS = {"cold_build_s": 60, "nochange_rebuild_s": 5, "chapter_rebuild_s": 10,
           "heaviest_first_visit_mb": 2.0, "ratio_vs_baseline": 0.3, "timeline_throttled_s": 3.0,
           "site_mb": 30, "tests_s": 600}


def build(book: Path, out: Path, strict: bool = True) -> float:
    """Wall time of one `jupyter-book build`; ours with -W, the baseline with the defaults."""
    start = time.perf_counter()
    flags = ["--warningiserror", "--keep-going"] if strict else []
    subprocess.run([str(BIN / "jupyter-book"), "build", str(book), "--builder", "html", *flags,
                    "--path-output", str(out)], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def build_times() -> dict[str, float]:
    out = WORK / "ours"
    shutil.rmtree(out, ignore_errors=True)
    cold = build(ROOT, out)
    nochange = build(ROOT, out)
    chapter = ROOT / "chapters" / "peru.md"
    original = chapter.read_text(encoding="utf-8")
    try:
        chapter.write_text(original.replace("## Context\n", "## Context\n\n<!-- bench edit -->\n", 1),
                           encoding="utf-8")
        one = build(ROOT, out)
    finally:
        chapter.write_text(original, encoding="utf-8")
    build(ROOT, out)
    return {"cold_build_s": cold, "nochange_rebuild_s": nochange, "chapter_rebuild_s": one}


def baseline_book() -> Path:
    """The Tishreen chapter as a plain Jupyter Book would show it: default config and plotly."""
    book = WORK / "baseline"
    shutil.rmtree(book, ignore_errors=True)
    (book / "chapters").mkdir(parents=True)
    text = (ROOT / "chapters" / "tishreen.md").read_text(encoding="utf-8")
    text = re.sub(r"\{term\}`([^`<]*?)\s*<[^>]+>`", r"\1", text)
    text = re.sub(r"\{term\}`([^`]+)`", r"\1", text)
    text = re.sub(r"\{para\}`(?:[a-z-]+:)?(\d+)`", r"¶\1", text)
    text = re.sub(r"\{(reading-time|download)\}`[^`]*`", "", text)
    text = re.sub(r"```\{(article-meta|chapter-glossary)\}[^\n]*\n```\n", "", text)
    text = text.replace("from book import timeline\ntimeline.for_chapter(",
                        "import plotly.io as pio\npio.renderers.default = 'notebook'\n"
                        "from book import timeline\ntimeline.for_chapter(")
    text = re.sub(r"(timeline\.for_chapter\((?:.|\n)*?\n\))", r"\1.figure()", text, count=1)
    text = re.sub(r"```\{code-cell\} ipython3\n:tags: \[remove-input\]\nfrom book import exercises\n.*?```\n",
                  "", text, flags=re.S)
    (book / "chapters" / "tishreen.md").write_text(text, encoding="utf-8")
    (book / "_config.yml").write_text("title: Baseline\nexecute:\n  execute_notebooks: cache\n")
    (book / "_toc.yml").write_text("format: jb-book\nroot: chapters/tishreen\n")
    return book


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def measure(browser, url: str, figure: str | None, throttle: bool = False) -> dict[str, float]:
    """Bytes over the wire on a first and a second (cached) visit; first paint; figure drawn."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if throttle:
        cdp.send("Network.emulateNetworkConditions", THROTTLE)
    received = {"bytes": 0}
    urls: dict[str, str] = {}
    assets: dict[str, int] = {}

    def finished(e: dict) -> None:
        received["bytes"] += e["encodedDataLength"]
        name = urls.get(e["requestId"], "?").split("?")[0].rsplit("/", 1)[-1]
        assets[name] = assets.get(name, 0) + int(e["encodedDataLength"])

    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", finished)
    start = time.perf_counter()
    page.goto(url, wait_until="load", timeout=180_000)
    drawn = None
    if figure:
        page.wait_for_selector(f"{figure} svg.main-svg", timeout=180_000)
        drawn = time.perf_counter() - start
    page.wait_for_timeout(300)
    paint = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    first = received["bytes"]
    first_assets = dict(sorted(assets.items(), key=lambda kv: -kv[1])[:8])
    received["bytes"] = 0
    page.reload(wait_until="load", timeout=180_000)
    page.wait_for_timeout(300)
    second = received["bytes"]
    context.close()
    return {"first_visit_bytes": first, "second_visit_bytes": second, "largest_assets": first_assets,
            "first_text_s": (paint or 0) / 1000, "figure_drawn_s": drawn}


def page_weights(browser, folder: Path) -> dict[str, dict[str, float]]:
    server, base = serve(folder)
    try:
        pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if "_static" not in p.parts)
        return {rel: measure(browser, f"{base}/{rel}", None) for rel in pages}
    finally:
        server.shutdown()


def load_times(browser, folder: Path, rel: str, figure: str) -> dict[str, dict[str, float]]:
    server, base = serve(folder)
    try:
        return {
            "file": measure(browser, f"{(folder / rel).as_uri()}", figure),
            "throttled": measure(browser, f"{base}/{rel}", figure, throttle=True),
        }
    finally:
        server.shutdown()


def site_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    from playwright.sync_api import sync_playwright

    skip_tests = "--skip-tests" in sys.argv
    WORK.mkdir(parents=True, exist_ok=True)
    print("==> timing builds (cold, no change, one chapter edited)")
    times = build_times()
    print("==> building the baseline (plain Jupyter Book, default plotly rendering)")
    base_out = WORK / "baseline-build"
    shutil.rmtree(base_out, ignore_errors=True)
    build(baseline_book(), base_out, strict=False)
    base_html = base_out / "_build" / "html"
    ours_html = WORK / "ours" / "_build" / "html"
    tests_s = None
    if not skip_tests:
        print("==> timing the test suite")
        start = time.perf_counter()
        subprocess.run([str(BIN / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                       capture_output=True)
        tests_s = time.perf_counter() - start
    print("==> measuring pages in headless Chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        weights = page_weights(browser, ours_html)
        heaviest = max(weights, key=lambda k: weights[k]["first_visit_bytes"])
        ours_load = load_times(browser, ours_html, "chapters/tishreen.html", "#timeline-tishreen")
        base_weight = page_weights(browser, base_html)["chapters/tishreen.html"]
        base_load = load_times(browser, base_html, "chapters/tishreen.html", ".plotly-graph-div")
        browser.close()
    ours_ch = weights["chapters/tishreen.html"]
    result = {
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                    "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                    "python": platform.python_version()},
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip(),
        "builds": times, "tests_s": tests_s, "site_mb": site_mb(ours_html),
        "baseline_site_mb": site_mb(base_html), "pages": weights, "heaviest_page": heaviest,
        "tishreen": {"ours": {**ours_ch, "load": ours_load},
                     "baseline": {**base_weight, "load": base_load}},
        "ratio_vs_baseline": ours_ch["first_visit_bytes"] / base_weight["first_visit_bytes"],
        "targets": TARGETS,
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(table(result))
    return 0


def table(r: dict) -> str:
    mb = lambda b: f"{b / 1e6:.2f} MB"
    heavy = r["pages"][r["heaviest_page"]]
    o, b = r["tishreen"]["ours"], r["tishreen"]["baseline"]
    rows = [
        ("cold build", f"{r['builds']['cold_build_s']:.1f} s", "≤ 60 s"),
        ("no-change rebuild", f"{r['builds']['nochange_rebuild_s']:.1f} s", "≤ 5 s"),
        ("one-chapter rebuild", f"{r['builds']['chapter_rebuild_s']:.1f} s", "≤ 10 s"),
        ("test suite", f"{r['tests_s']:.0f} s" if r["tests_s"] else "skipped", "≤ 600 s"),
        ("whole site", f"{r['site_mb']:.1f} MB", "≤ 30 MB"),
        (f"heaviest page, first visit ({r['heaviest_page']})", mb(heavy["first_visit_bytes"]), "≤ 2 MB"),
        ("heaviest page, second visit", mb(heavy["second_visit_bytes"]), ""),
        ("Tishreen chapter, first visit: ours / baseline",
         f"{mb(o['first_visit_bytes'])} / {mb(b['first_visit_bytes'])} = {r['ratio_vs_baseline']:.2f}x", "≤ 0.3x"),
        ("Tishreen, second visit: ours / baseline", f"{mb(o['second_visit_bytes'])} / {mb(b['second_visit_bytes'])}", ""),
        ("Tishreen from file://: first text / timeline drawn",
         f"{o['load']['file']['first_text_s']:.2f} s / {o['load']['file']['figure_drawn_s']:.2f} s", ""),
        ("Tishreen throttled (1.6 Mbps, 150 ms): first text / timeline",
         f"{o['load']['throttled']['first_text_s']:.2f} s / {o['load']['throttled']['figure_drawn_s']:.2f} s", "timeline ≤ 3 s"),
        ("baseline throttled: first text / timeline",
         f"{b['load']['throttled']['first_text_s']:.2f} s / {b['load']['throttled']['figure_drawn_s']:.2f} s", ""),
    ]
    rows.append(("largest files of the heaviest page", ", ".join(
        f"{name} {size / 1e6:.2f} MB" for name, size in list(heavy["largest_assets"].items())[:5]), ""))
    width = max(len(a) for a, _, _ in rows)
    lines = [f"Machine: {r['machine']['platform']}, {r['machine']['cpus']} cores, "
             f"{r['machine']['memory_gb']} GB; {r['date']}; commit {r['commit']}", ""]
    lines += [f"| {'measure'.ljust(width)} | value | target |", f"|{'-' * (width + 2)}|---|---|"]
    lines += [f"| {a.ljust(width)} | {v} | {t} |" for a, v, t in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
