"""The room from a facilitator notebook: a button that opens it, and what to show the
group (the join address as text and as a QR code, the projector's address).

Nothing starts when the notebook runs (the book's build runs it too): the room opens when
the facilitator presses the button, on the laptop's local-network address (ROOM_HOST,
ROOM_PORT as for ``make room``), serving the built book, and keeps its answers in the
same per-session folder as the live notebooks (``answers/<session>/``). JupyterLab itself
stays on 127.0.0.1; its token is never part of anything shown here. The facilitator's own
address carries the room's secret, so it sits folded, away from the projector.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from pathlib import Path
from typing import Any

import ipywidgets as w

from ..course.strings import t, t_text
from ..answers import names
from ..exercises.live.errors import shown_errors
from ..exercises.live.frame import ExerciseView
from ..exercises.live.store import SESSION_FIELD, answers_dir
from .server import ROOT, RoomServer, qr_svg, room_hosts, room_port

#: The room this kernel opened, if any (one per kernel), with what its facilitator was told.
_OPEN: list[tuple[RoomServer, list[str]]] = []


def _shown(server: RoomServer, notices: list[str]) -> str:
    """What the group may see (the join address and its QR code, the projector's page),
    then, folded, the facilitator's own address with the secret."""
    qr = base64.b64encode(qr_svg(server.url)).decode("ascii")
    joins = "".join(f"<li><code>{html.escape(u)}</code></li>" for u in server.urls)
    told = "".join(f"<p>{html.escape(n)}</p>" for n in notices)
    projector = server.url + "_room/projector"
    facilitator = f"{server.url}_room/facilitator?secret={server.secret}"
    return (f"{told}<p><strong>{t_text('room.notebook_join')}</strong></p><ul>{joins}</ul>"
            f'<img src="data:image/svg+xml;base64,{qr}" alt="{t_text("room.qr_alt")}" width="220" height="220">'
            f'<p><a href="{html.escape(projector)}" target="_blank" rel="noopener">{t_text("room.notebook_projector")}</a></p>'
            f"<details><summary>{t_text('room.notebook_controls')}</summary>"
            f'<p><a href="{html.escape(facilitator)}" target="_blank" rel="noopener">{t_text("room.notebook_facilitator")}</a></p>'
            f"<p>{t_text('room.kept_in', folder=html.escape(str(server.room.folder)))}</p></details>")


def open_room(session: str | None = None, html_root: Path = ROOT / "_build" / "html") -> ExerciseView:
    """A button that opens the room for ``session`` (today's by default), and stops it."""
    name = names.clean(session or dt.date.today().isoformat(), SESSION_FIELD)
    start = w.Button(description=t("room.notebook_open"), button_style="primary", layout={"width": "auto"})
    stop = w.Button(description=t("room.notebook_stop"), layout={"width": "auto", "display": "none"})
    shown = w.HTML(f"<p>{t_text('room.notebook_closed', session=html.escape(name))}</p>")

    def opened(_: Any) -> None:
        if not (html_root / "index.html").exists():
            shown.value = f"<p class='prt-wrong'>{t_text('room.no_book', path=html.escape(str(html_root)))}</p>"
            return
        if not _OPEN:
            hosts, notices = room_hosts()
            _OPEN.append((RoomServer(answers_dir(), name, html_root, hosts, room_port()).start(), notices))
        shown.value = _shown(*_OPEN[0])
        start.layout.display, stop.layout.display = "none", "inline-flex"

    def stopped(_: Any) -> None:
        while _OPEN:
            _OPEN.pop()[0].stop()
        shown.value = f"<p>{t_text('room.notebook_stopped')}</p>"
        start.layout.display, stop.layout.display = "inline-flex", "none"

    start.on_click(shown_errors(opened, shown, t("room.notebook_doing_open")))
    stop.on_click(shown_errors(stopped, shown, t("room.notebook_doing_stop")))
    hint = f"<p><em>{t_text('room.notebook_hint')}</em></p>"
    return ExerciseView(hint, lambda: w.VBox([w.HBox([start, stop]), shown]), hint=t("room.notebook_hint"))
