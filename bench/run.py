"""`make bench`: build times, page weight and load times, beside a plain Jupyter Book.

Prints a table and writes bench/results.json (machine, date, commit). Numbers come from
this run on this machine: build times with the wall clock, bytes and paint times from
headless Chromium through the DevTools protocol, throttled like a slow phone link
(1.6 Mbps down, 150 ms latency). The baseline is the Tishreen chapter built by Jupyter
Book with its default plotly rendering (plotly.js inlined per figure), in the same run.

Pages are served twice over: plain (Python's http.server, bytes as stored) and gzipped,
as static hosts serve text (GitHub Pages, Netlify, nginx with gzip on). Page weight is
counted decoded, the bytes a browser takes in; transfer sizes are recorded beside them.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import io
import json
import os
import platform
import re
import shutil
import statistics
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
    nochange = statistics.median(build(ROOT, out) for _ in range(3))  # short: one run is noisy
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


class _Gzip(_Quiet):
    """Text compressed on the way out when the browser accepts it, as static hosts do."""

    TEXT = (".html", ".js", ".css", ".json", ".svg", ".txt")
    cache: dict[str, bytes] = {}

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if (not path.is_file() or not path.name.endswith(self.TEXT)
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = self.cache.get(str(path))
        if body is None:
            body = self.cache[str(path)] = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = _Gzip if compress else _Quiet
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


#: Runs in the page before its own scripts: notes when the figure is first laid out, on
#: each animation frame from the start (in page time, so the load event does not count).
DRAWN_WATCH = """(() => {
  const check = () => {
    const el = document.querySelector(SELECTOR);
    if (el && el.getBoundingClientRect().width > 0) { window.__prtDrawn = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();"""


def measure(browser, url: str, figure: str | None, throttle: bool = False,
            interactive: str | None = None) -> dict[str, object]:
    """Bytes on a first and a second (cached) visit, decoded and as transferred; first
    paint; the timeline drawn (its SVG laid out, and painted: not before first paint); and, if
    ``interactive`` names a button, how long the interactive chart takes after a click."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if throttle:
        cdp.send("Network.emulateNetworkConditions", THROTTLE)
    count = {"wire": 0, "decoded": 0}
    urls: dict[str, str] = {}
    assets: dict[str, int] = {}

    def name(request_id: str) -> str:
        return urls.get(request_id, "?").split("?")[0].rsplit("/", 1)[-1]

    def received(e: dict) -> None:
        count["decoded"] += e["dataLength"]
        assets[name(e["requestId"])] = assets.get(name(e["requestId"]), 0) + int(e["dataLength"])

    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.dataReceived", received)
    cdp.on("Network.loadingFinished", lambda e: count.__setitem__("wire", count["wire"] + e["encodedDataLength"]))
    if figure:
        page.add_init_script(DRAWN_WATCH.replace("SELECTOR", json.dumps(figure)))
    page.goto(url, wait_until="load", timeout=180_000)
    drawn = None
    if figure:
        page.wait_for_function("window.__prtDrawn && performance.getEntriesByName('first-contentful-paint').length",
                               timeout=180_000)
        drawn = page.evaluate("Math.max(window.__prtDrawn, "
                              "performance.getEntriesByName('first-contentful-paint')[0].startTime)") / 1000
    page.wait_for_timeout(300)
    paint = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    first, first_wire = count["decoded"], count["wire"]
    first_assets = dict(sorted(assets.items(), key=lambda kv: -kv[1])[:8])
    result: dict[str, object] = {"first_visit_bytes": first, "first_visit_wire_bytes": first_wire,
                                 "largest_assets": first_assets, "first_text_s": (paint or 0) / 1000,
                                 "figure_drawn_s": drawn}
    if interactive:
        before = count["decoded"]
        start = time.perf_counter()
        page.get_by_role("button", name=re.compile(interactive)).first.click()
        page.wait_for_selector(f"{figure.split()[0]} svg.main-svg", timeout=180_000)
        result["interactive_s"] = time.perf_counter() - start
        result["interactive_bytes"] = count["decoded"] - before
    count.update(wire=0, decoded=0)
    page.reload(wait_until="load", timeout=180_000)
    page.wait_for_timeout(300)
    result["second_visit_bytes"] = count["wire"]
    context.close()
    return result


def page_weights(browser, folder: Path) -> dict[str, dict[str, object]]:
    server, base = serve(folder, compress=True)
    try:
        pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if "_static" not in p.parts)
        return {rel: measure(browser, f"{base}/{rel}", None) for rel in pages}
    finally:
        server.shutdown()


def load_times(browser, folder: Path, rel: str, figure: str, interactive: str | None) -> dict[str, dict[str, object]]:
    """From file://, and over the throttled link from a plain and from a gzipping server."""
    plain, plain_base = serve(folder)
    gz, gz_base = serve(folder, compress=True)
    try:
        return {
            "file": measure(browser, f"{(folder / rel).as_uri()}", figure, interactive=interactive),
            "throttled": measure(browser, f"{plain_base}/{rel}", figure, throttle=True, interactive=interactive),
            "throttled_gzip": measure(browser, f"{gz_base}/{rel}", figure, throttle=True, interactive=interactive),
        }
    finally:
        plain.shutdown()
        gz.shutdown()


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
        ours_load = load_times(browser, ours_html, "chapters/tishreen.html",
                               "#timeline-tishreen svg.prt-tl-svg", "Interactive chart")
        base_weight = page_weights(browser, base_html)["chapters/tishreen.html"]
        base_load = load_times(browser, base_html, "chapters/tishreen.html", ".plotly-graph-div svg.main-svg", None)
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
    ol, bl = o["load"], b["load"]
    times = lambda m: f"{m['first_text_s']:.2f} s / {m['figure_drawn_s']:.2f} s"
    rows = [
        ("cold build", f"{r['builds']['cold_build_s']:.1f} s", "≤ 60 s"),
        ("no-change rebuild", f"{r['builds']['nochange_rebuild_s']:.1f} s", "≤ 5 s"),
        ("one-chapter rebuild", f"{r['builds']['chapter_rebuild_s']:.1f} s", "≤ 10 s"),
        ("test suite", f"{r['tests_s']:.0f} s" if r["tests_s"] else "skipped", "≤ 600 s"),
        ("whole site", f"{r['site_mb']:.1f} MB", "≤ 30 MB"),
        (f"heaviest page, first visit ({r['heaviest_page']}), decoded (gzipped)",
         f"{mb(heavy['first_visit_bytes'])} ({mb(heavy['first_visit_wire_bytes'])})", "≤ 2 MB"),
        ("heaviest page, second visit (transferred)", mb(heavy["second_visit_bytes"]), ""),
        ("Tishreen chapter, first visit: ours / baseline (decoded)",
         f"{mb(o['first_visit_bytes'])} / {mb(b['first_visit_bytes'])} = {r['ratio_vs_baseline']:.2f}x", "≤ 0.3x"),
        ("Tishreen, second visit: ours / baseline (transferred)",
         f"{mb(o['second_visit_bytes'])} / {mb(b['second_visit_bytes'])}", ""),
        ("Tishreen from file://: first text / timeline drawn", times(ol["file"]), ""),
        ("Tishreen throttled, gzipping host: first text / timeline", times(ol["throttled_gzip"]), "timeline ≤ 3 s"),
        ("Tishreen throttled, plain http.server: first text / timeline", times(ol["throttled"]), ""),
        ("baseline throttled, gzipping host: first text / timeline", times(bl["throttled_gzip"]), ""),
        ("baseline throttled, plain http.server: first text / timeline", times(bl["throttled"]), ""),
        ("interactive chart on request, throttled gzip / plain (bytes)",
         f"{ol['throttled_gzip']['interactive_s']:.1f} s / {ol['throttled']['interactive_s']:.1f} s "
         f"({mb(ol['throttled']['interactive_bytes'])})", ""),
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
