"""The room's HTTP layer (tornado): the readers' book with room.js added to each page,
the members' and the facilitator's endpoints under /_room/, and the projector.

    python -m book.room [--session NAME]   (make room; ROOM_HOST, ROOM_PORT choose the address)

Every request is checked before anything else: a client outside loopback and the
private ranges is refused (net.allowed); a body over 64 KB is refused; the
facilitator's controls need the secret printed in the terminal (a cookie or the
X-Room-Secret header, compared in constant time). A member's screen is told counts,
never another member's name or answer.
"""

from __future__ import annotations

import argparse
import asyncio
import hmac
import json
import os
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import tornado.httpserver
import tornado.log
import tornado.netutil
import tornado.web

from .. import scripts_after
from ..answers.catalog import catalog as exercise_catalog
from ..course.assets import KINDS_SCRIPT, kinds_script
from ..course.strings import catalog as strings_catalog
from ..course.strings import t
from . import net
from ..answers.disk import write_atomically
from . import record as printed
from .state import Refused, Room

ROOT = Path(__file__).resolve().parents[2]
STATIC = Path(__file__).resolve().parents[1] / "static"
MAX_BODY = 64 * 1024
#: The longest a screen's request waits for a change before it is answered anyway.
WAIT_SECONDS = 20.0
SECRET_COOKIE = "prt_room_secret"
#: Every request from one address: a burst of IP_BURST, then IP_RATE a second.
IP_BURST, IP_RATE = 120, 40.0
#: Scripts the room adds to every page of the book it serves, after the page's own (same
#: origin, so the page's Content-Security-Policy, script-src 'self', lets them run
#: unchanged): in the list of the page's loader, which fetches its scripts once the text is
#: in (book/scripts_after.py), or in deferred tags on a page without one (search).
INJECT = ["/_room/strings.js", "/_room/kinds.js", "/_room/answer-file.js", "/_room/room.js"]
ROOM_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title></title></head>
<body data-room-page="{page}"><main id="prt-room-main"></main>
<script src="/_room/strings.js"></script><script src="/_room/translate.js"></script>
<script src="/_room/room.js"></script></body></html>
"""
ROOM_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


class Hub:
    """The room and what its screens wait on: a change wakes every waiting request."""

    def __init__(self, room: Room, secret: str, join_urls: list[str]):
        self.room, self.secret, self.join_urls = room, secret, join_urls
        self._event, self._phase = asyncio.Event(), asyncio.Event()
        self.buckets: dict[str, tuple[float, float]] = {}
        self.closing = False
        # Members' files are written on threads (fsync waits on the disk, not the loop):
        # one member's writes in order (a lock each), different members' at once.
        room.deferred = set()
        self.pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="room-files")
        self.locks: dict[str, asyncio.Lock] = {}
        self.printing = asyncio.Lock()

    async def persist(self) -> None:
        """Write every member file the last change touched, each with its latest state."""
        loop = asyncio.get_running_loop()
        for m in self.room.pending():
            async with self.locks.setdefault(m.member, asyncio.Lock()):
                await loop.run_in_executor(self.pool, write_atomically, m.path, m.payload(self.room.session))

    async def print_record(self) -> Path:
        """The session record as a PDF in the session's folder: composed on the loop (the
        room's state is the loop's), printed on a thread, one print at a time."""
        markup = printed.session_html(self.room)
        dest = printed.pdf_path(self.room)
        dest.parent.mkdir(parents=True, exist_ok=True)
        async with self.printing:
            return await asyncio.get_running_loop().run_in_executor(self.pool, printed.print_pdf, markup, dest)

    def changed(self) -> None:
        """Wake the screens: the projector on every change, the phones when the phase moved."""
        self._event.set()
        self._event = asyncio.Event()
        if self._phase_seen != self.room.phase:
            self._phase_seen = self.room.phase
            self._phase.set()
            self._phase = asyncio.Event()

    _phase_seen = -1

    async def wait(self, since: int, phase: bool = False) -> None:
        if (self.room.phase if phase else self.room.version) != since:
            return
        try:
            await asyncio.wait_for((self._phase if phase else self._event).wait(), WAIT_SECONDS)
        except asyncio.TimeoutError:
            pass

    def allow_ip(self, ip: str) -> bool:
        clock = time.monotonic()
        level, at = self.buckets.get(ip, (IP_BURST, clock))
        level = min(IP_BURST, level + (clock - at) * IP_RATE)
        if level < 1:
            self.buckets[ip] = (level, clock)
            return False
        self.buckets[ip] = (level - 1, clock)
        return True


class Guarded:
    """First of all: only local clients, bodies up to 64 KB, no flood from one address."""

    hub: Hub

    def prepare(self) -> None:
        ip = self.request.remote_ip or ""
        if not net.allowed(ip):
            self.refuse(403, t("room.not_local", address=ip))
        elif int(self.request.headers.get("Content-Length") or 0) > MAX_BODY or len(self.request.body or b"") > MAX_BODY:
            self.refuse(413, t("room.too_big", kb=MAX_BODY // 1024))
        elif self.request.method == "POST" and not self.hub.allow_ip(ip):
            self.refuse(429, t("room.too_fast"))

    def refuse(self, status: int, message: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps({"error": message}, ensure_ascii=False))

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")


class Api(Guarded, tornado.web.RequestHandler):
    def initialize(self, hub: Hub) -> None:
        self.hub = hub

    def data(self) -> dict[str, Any]:
        try:
            body = json.loads(self.request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise Refused(400, t("room.not_json")) from None
        if not isinstance(body, dict):
            raise Refused(400, t("room.not_json"))
        return body

    def reply(self, payload: Any) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(payload, ensure_ascii=False))

    def is_facilitator(self) -> bool:
        given = self.request.headers.get("X-Room-Secret") or self.get_cookie(SECRET_COOKIE) or ""
        return hmac.compare_digest(given.encode("utf-8"), self.hub.secret.encode("utf-8"))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.refuse(status_code, t("room.failed"))

    async def _handle(self, fn, then=None) -> None:
        """Run one change, then answer only once the files it touched are on disk (and
        ``then``, a coroutine taking the result, has run)."""
        try:
            result = fn()
        except Refused as err:
            result = err
        except ValueError as err:  # a name that cannot be used (names.NameProblem) says why
            result = Refused(400, str(err))
        try:
            await self.hub.persist()
            if then is not None and not isinstance(result, Refused):
                result = await then(result)
        except OSError:
            result = Refused(500, t("room.failed"))
        if isinstance(result, Refused):
            self.refuse(result.status, str(result))
        else:
            self.reply(result)


class Join(Api):
    async def post(self) -> None:
        def act():
            body = self.data()
            m = self.hub.room.join(body.get("pseudonym"), body.get("member"), body.get("code"))
            self.hub.changed()
            return {**self.hub.room.mine(m.member), **self.hub.room.phone(m.member)}
        await self._handle(act)


class Send(Api):
    async def post(self) -> None:
        def act():
            body = self.data()
            out = self.hub.room.send(body.get("member"), body.get("send"))
            self.hub.changed()  # the projector counts it now; the phone hears "kept" once it is on disk
            return out
        await self._handle(act)


class State(Api):
    """GET ?since=<version>&member=<id>: answered at once if the room changed since, else
    when it changes (or after WAIT_SECONDS). ``view`` is phone (default) or projector."""

    async def get(self) -> None:
        try:
            since = int(self.get_query_argument("since", "-1"))
        except ValueError:
            since = -1
        view = self.get_query_argument("view", "phone")
        await self.hub.wait(since, phase=view not in ("projector", "facilitator"))
        if self.hub.closing:  # the room is stopping: the screens ask again (and find it back, or not)
            self.refuse(503, t("room.failed"))
            return
        if view == "projector":
            self.reply({**self.hub.room.projector(), "join": self.hub.join_urls})
        elif view == "facilitator":
            if not self.is_facilitator():
                self.refuse(403, t("room.no_secret"))
                return
            self.reply({**self.hub.room.facilitator(), "join": self.hub.join_urls})
        else:
            self.reply(self.hub.room.phone(self.get_query_argument("member", None)))


class Mine(Api):
    async def post(self) -> None:
        await self._handle(lambda: self.hub.room.mine(self.data().get("member")))


class Control(Api):
    async def post(self) -> None:
        if not self.is_facilitator():
            self.refuse(403, t("room.no_secret"))
            return

        def act():
            body = self.data()
            self.hub.room.control(body.get("action"), body.get("exercise"), body.get("text"))
            self.hub.changed()
            return {"ok": True, "version": self.hub.room.version, "action": body.get("action")}

        async def then(result: dict[str, Any]) -> dict[str, Any]:
            if result["action"] == "end":  # the session's record, printed into its folder
                try:
                    result["pdf"] = (await self.hub.print_record()).name
                except Exception:  # the session is ended all the same; the page can print it again
                    tornado.log.app_log.exception("the session record could not be printed")
                    result["pdf"] = None
            return result
        await self._handle(act, then)


class Catalog(Api):
    """The exercises as the pages see them, keys left out (a phone grades on its own page)."""

    def get(self) -> None:
        out = {}
        for ex_id, entry in exercise_catalog().items():
            out[ex_id] = {k: v for k, v in entry.items() if k not in ("correct", "key")}
        self.set_header("Cache-Control", "max-age=60")
        self.reply(out)


class Script(Guarded, tornado.web.RequestHandler):
    """room.js, translate.js and answer-file.js from the package; kinds.js (what answer-file.js
    asks of each exercise kind) made from the package's kinds now, as strings.js from the catalog."""

    def initialize(self, hub: Hub) -> None:
        self.hub = hub

    def get(self, name: str) -> None:
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")
        if name == "strings.js":
            # Into the page's own catalog when it has one: the room's words are there even
            # when the book was built before they were added.
            c = strings_catalog()
            data = json.dumps(c.texts, ensure_ascii=False, sort_keys=True)
            self.finish("window.PRT = window.PRT || {};\n"
                        f"window.PRT.language = window.PRT.language || {json.dumps(c.language)};\n"
                        f"window.PRT.strings = Object.assign(window.PRT.strings || {{}}, {data});\n")
            return
        self.finish(kinds_script() if name == KINDS_SCRIPT else (STATIC / name).read_bytes())


class Page(Guarded, tornado.web.RequestHandler):
    """The projector (no secret: counts only) and the facilitator's page and session record (secret)."""

    def initialize(self, hub: Hub, page: str) -> None:
        self.hub, self.page = hub, page

    def admitted(self) -> bool:
        """The facilitator's pages: the secret in the address becomes a cookie (and the
        address forgets it); without the cookie, refused. False when answered already."""
        given = self.get_query_argument("secret", None)
        if given is not None and hmac.compare_digest(given.encode("utf-8"), self.hub.secret.encode("utf-8")):
            self.set_cookie(SECRET_COOKIE, given, path="/_room/", httponly=True, samesite="Strict")
            self.redirect(self.request.path)
            return False
        cookie = self.get_cookie(SECRET_COOKIE) or ""
        if not hmac.compare_digest(cookie.encode("utf-8"), self.hub.secret.encode("utf-8")):
            self.refuse(403, t("room.no_secret"))
            return False
        return True

    def get(self) -> None:
        if self.page != "projector" and not self.admitted():
            return
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Content-Security-Policy", ROOM_CSP)
        self.set_header("Cache-Control", "no-store")
        self.finish(ROOM_PAGE.format(lang=strings_catalog().language, page=self.page))


class RecordPdf(Page):
    """GET /_room/record.pdf (secret): the session record printed now into the session's
    folder, and sent for download."""

    async def get(self) -> None:
        if not self.admitted():
            return
        try:
            path = await self.hub.print_record()
        except OSError:
            self.refuse(500, t("room.failed"))
            return
        self.set_header("Content-Type", "application/pdf")
        self.set_header("Cache-Control", "no-store")
        stem = self.hub.room.folder.name
        self.set_header("Content-Disposition", f'attachment; filename="{stem}-record.pdf"')
        self.finish(path.read_bytes())


class Sessions(Page):
    """GET /_room/sessions (secret): what the group found hard across the sessions kept in
    the answers folder, counts only; printable."""

    async def get(self) -> None:
        if not self.admitted():
            return
        room = self.hub.room
        rooms = [r if r.record_path != room.record_path else room
                 for r in printed.sessions_in(room.folder.parent, room.paras)]
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Content-Security-Policy", ROOM_CSP)
        self.set_header("Cache-Control", "no-store")
        self.finish(printed.across_page(printed.across(rooms)))


class Qr(Guarded, tornado.web.RequestHandler):
    def initialize(self, hub: Hub) -> None:
        self.hub = hub

    def get(self) -> None:
        self.set_header("Content-Type", "image/svg+xml")
        self.finish(qr_svg(self.hub.join_urls[0]))


class Book(Guarded, tornado.web.StaticFileHandler):
    """The readers' book; each HTML page gets room.js (after the page's own scripts)."""

    def initialize(self, hub: Hub, path: str, default_filename: str | None = None) -> None:
        self.hub = hub
        super().initialize(path=path, default_filename=default_filename)

    def set_default_headers(self) -> None:
        Guarded.set_default_headers(self)

    async def get(self, path: str, include_body: bool = True) -> None:
        if path == "" or path.endswith("/"):
            path += "index.html"
        if not path.endswith(".html"):
            await super().get(path, include_body)
            return
        self.path = self.parse_url_path(path)
        absolute = self.get_absolute_path(self.root, self.path)
        self.absolute_path = self.validate_absolute_path(self.root, absolute)
        if self.absolute_path is None:
            return
        page = scripts_after.add(Path(self.absolute_path).read_text(encoding="utf-8"), INJECT)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")
        if include_body:
            self.finish(page)


def qr_svg(url: str) -> bytes:
    """The join address as a QR code, a standalone SVG image (white quiet zone around it)."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=4, xmldecl=False, light="#fff")
    return out.getvalue()


def app(hub: Hub, html_root: Path) -> tornado.web.Application:
    h = {"hub": hub}
    return tornado.web.Application([
        (r"/_room/api/join", Join, h),
        (r"/_room/api/send", Send, h),
        (r"/_room/api/state", State, h),
        (r"/_room/api/mine", Mine, h),
        (r"/_room/api/control", Control, h),
        (r"/_room/api/catalog", Catalog, h),
        (r"/_room/(room\.js|translate\.js|kinds\.js|answer-file\.js|strings\.js)", Script, h),
        (r"/_room/qr\.svg", Qr, h),
        (r"/_room/projector", Page, {**h, "page": "projector"}),
        (r"/_room/facilitator", Page, {**h, "page": "facilitator"}),
        (r"/_room/record", Page, {**h, "page": "record"}),
        (r"/_room/record\.pdf", RecordPdf, {**h, "page": "record"}),
        (r"/_room/sessions", Sessions, {**h, "page": "sessions"}),
        (r"/_room/.*", Missing, h),
        (r"/(.*)", Book, {**h, "path": str(html_root), "default_filename": "index.html"}),
    ], compress_response=True)


class Missing(Api):
    def get(self) -> None:
        self.refuse(404, t("room.no_such_page"))

    post = get


class RoomServer:
    """A room running on its own thread and event loop (the tests, the benchmark and
    ``make room`` start it alike); ``url`` is its first address."""

    def __init__(self, answers: Path, session: str, html_root: Path, hosts: list[str], port: int = 0,
                 secret: str | None = None):
        self.answers, self.session, self.html_root = Path(answers), session, Path(html_root)
        self.hosts, self.port = hosts, port
        self.secret = secret or secrets.token_urlsafe(24)
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    def start(self) -> "RoomServer":
        self.thread = threading.Thread(target=self._run, name="room", daemon=True)
        self.thread.start()
        self._ready.wait(60)
        if self._error:
            raise self._error
        return self

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as err:  # reported to start()
            self._error = err
            self._ready.set()

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        room = Room(self.answers, self.session, self.html_root)
        sockets = []
        port = self.port
        for host in self.hosts:
            found = tornado.netutil.bind_sockets(port, address=host)
            port = found[0].getsockname()[1]
            sockets += found
        self.port = port
        self.urls = [f"http://{h if ':' not in h else f'[{h}]'}:{port}/" for h in self.hosts]
        self.hub = Hub(room, self.secret, self.urls)
        server = tornado.httpserver.HTTPServer(app(self.hub, self.html_root), max_body_size=4 * MAX_BODY,
                                               idle_connection_timeout=60)
        server.add_sockets(sockets)
        self.room = room
        self._ready.set()
        await self._stop.wait()
        server.stop()
        self.hub.closing = True
        self.hub._phase_seen = -1
        self.hub.changed()
        await asyncio.sleep(0.05)
        await asyncio.wait_for(server.close_all_connections(), 5)
        self.hub.pool.shutdown(wait=True)

    @property
    def url(self) -> str:
        return self.urls[0]

    def stop(self) -> None:
        if self.loop and self.thread.is_alive():
            self.loop.call_soon_threadsafe(self._stop.set)
            self.thread.join(10)


def room_hosts() -> tuple[list[str], list[str]]:
    """The addresses the room listens on (ROOM_HOST, else the laptop's local-network
    addresses, else loopback), and what the facilitator should be told about them."""
    hosts = [h for h in (os.environ.get("ROOM_HOST") or "").replace(",", " ").split() if h]
    notices = []
    if not hosts:
        hosts = net.lan_addresses()
        if not hosts:
            notices.append(t("room.no_lan"))
            hosts = ["127.0.0.1"]
    if any(h in ("0.0.0.0", "::") for h in hosts):
        notices.append(t("room.all_addresses"))
    return hosts, notices


def room_port() -> int:
    return int(os.environ.get("ROOM_PORT") or 8765)


def terminal_qr(url: str) -> str:
    try:
        import segno
    except ImportError:
        return ""
    import io

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    import datetime as dt

    parser = argparse.ArgumentParser(prog="python -m book.room")
    parser.add_argument("--session", default=os.environ.get("ROOM_SESSION") or dt.date.today().isoformat())
    parser.add_argument("--html", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--answers", default=os.environ.get("PRT_ANSWERS_DIR") or str(ROOT / "answers"))
    args = parser.parse_args(argv)
    hosts, notices = room_hosts()
    for notice in notices:
        print(notice)
    if not (Path(args.html) / "index.html").exists():
        print(t("room.no_book", path=args.html))
        return 2
    server = RoomServer(Path(args.answers), args.session, Path(args.html), hosts, room_port()).start()
    for url in server.urls:
        print(t("room.join_at", url=url))
    print(terminal_qr(server.url))
    print(t("room.projector_at", url=server.url + "_room/projector"))
    print(t("room.facilitator_at", url=server.url + "_room/facilitator?secret=" + server.secret))
    print(t("room.kept_in", folder=str(server.room.folder)))
    try:
        server.thread.join()
    except KeyboardInterrupt:
        server.stop()
    return 0
