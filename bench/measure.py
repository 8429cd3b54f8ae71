"""Page weight and load times in headless Chromium, over a throttled phone link, from a
plain and from a gzipping server (see run.py)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import re
import statistics
import threading
import time
from pathlib import Path

from common import THROTTLE


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
    page.goto(url, wait_until="load", timeout=60_000)
    drawn = None
    if figure:
        page.wait_for_function("window.__prtDrawn && performance.getEntriesByName('first-contentful-paint').length",
                               timeout=60_000)
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
        page.wait_for_selector(f"{figure.split()[0]} svg.main-svg", timeout=60_000)
        result["interactive_s"] = time.perf_counter() - start
        result["interactive_bytes"] = count["decoded"] - before
    count.update(wire=0, decoded=0)
    page.reload(wait_until="load", timeout=60_000)
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


def _first_text_once(browser, url: str) -> float:
    """One throttled visit's first text; once more if the page never finished loading
    (seen once in many runs: a plain http.server connection that stalled)."""
    try:
        return float(measure(browser, url, None, throttle=True)["first_text_s"])
    except Exception as error:  # Playwright's TimeoutError
        print(f"    {url}: {str(error).splitlines()[0]}; measuring again")
        return float(measure(browser, url, None, throttle=True)["first_text_s"])


def first_text(browser, folder: Path, pages: list[str], runs: int = 3) -> dict[str, dict[str, float]]:
    """The median time to first text of each page over the throttled link, plain and gzip."""
    out: dict[str, dict[str, float]] = {page: {} for page in pages}
    for compress in (False, True):
        server, base = serve(folder, compress=compress)
        try:
            for page in pages:
                times = [_first_text_once(browser, f"{base}/{page}") for _ in range(runs)]
                out[page]["gzip" if compress else "plain"] = statistics.median(times)
        finally:
            server.shutdown()
    return out
