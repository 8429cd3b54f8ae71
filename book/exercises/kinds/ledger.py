"""The lights-out ledger: a group's own record of minutes without power, as data.

From the solidarity essay: "each household records every minute without power". Here
participants enter minutes per household and day, see a chart and a summary update, and
export the ledger as CSV. A bad entry (not a number, out of range, no date) gets an
inline message and is not added; what is already recorded is never lost.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from typing import Any

import ipywidgets as w
import plotly.graph_objects as go

from ...notebooks import liveout
from ...course.models import Ledger
from ...course.strings import t, t_html, t_text
from ..live import store as answer_store
from ..base import NOT_STARTED, Result, frame_html, frame_widget
from ..live.errors import shown_errors

Row = dict[str, Any]
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
WHOLE = re.compile(r"-?[0-9]+")


def check_entry(ex: Ledger, household: str, day: str, minutes: Any) -> Row:
    """One entry made safe, or ValueError with a message a participant can act on."""
    household = str(household or "").strip()
    if not household:
        raise ValueError(t("ledger.no_household"))
    day = str(day or "").strip()
    try:
        # Only the form the book's date field sends (fromisoformat also takes 20260714).
        if not ISO_DAY.fullmatch(day):
            raise ValueError
        when = dt.date.fromisoformat(day)
    except ValueError:
        raise ValueError(t("ledger.not_a_date", day=day)) from None
    text = str(minutes).strip()
    if not WHOLE.fullmatch(text):
        raise ValueError(t("ledger.not_whole", text=text))
    value = int(text)
    if not 0 <= value <= ex.max_minutes:
        raise ValueError(t("ledger.out_of_range", max=ex.max_minutes, value=value))
    return {"household": household, "day": when.isoformat(), "minutes": value}


def clean_rows(ex: Ledger, rows: Any) -> tuple[list[Row], list[str]]:
    """Valid rows, and a message for each invalid one (a saved ledger may have been edited)."""
    good, problems = [], []
    for n, row in enumerate(rows if isinstance(rows, list) else [], start=1):
        try:
            good.append(check_entry(ex, row.get("household"), row.get("day"), row.get("minutes")))
        except (ValueError, AttributeError) as err:
            problems.append(t("ledger.row_skipped", n=n, why=err))
    return good, problems


def ratio(n: int, d: int) -> int:
    """n / d rounded half up, in whole numbers: float formatting rounds ties to even in
    Python and up in JavaScript, and the book and the notebook must print the same."""
    return (2 * n + d) // (2 * d)


def summary(rows: list[Row]) -> list[str]:
    """Totals a group can discuss: hours lost, the worst day, the mean per household-day."""
    if not rows:
        return [t("ledger.no_entries")]
    total = sum(r["minutes"] for r in rows)
    by_day: dict[str, int] = {}
    for r in rows:
        by_day[r["day"]] = by_day.get(r["day"], 0) + r["minutes"]
    worst = max(by_day, key=lambda d: (by_day[d], d))
    households = {r["household"] for r in rows}
    tenths = ratio(total * 10, 60)
    return [
        t("ledger.entries", rows=len(rows), households=t("ledger.households", n=len(households)),
          days=t("ledger.days", n=len(by_day))),
        t("ledger.total", minutes=total, hours=f"{tenths // 10}.{tenths % 10}"),
        t("ledger.mean", minutes=ratio(total, len(rows))),
        t("ledger.worst", day=worst, minutes=by_day[worst]),
    ]


def figure(rows: list[Row]) -> go.Figure:
    """Minutes without power per day, stacked by household."""
    fig = go.Figure()
    for household in sorted({r["household"] for r in rows}):
        mine = sorted((r for r in rows if r["household"] == household), key=lambda r: r["day"])
        fig.add_bar(name=household, x=[r["day"] for r in mine], y=[r["minutes"] for r in mine])
    fig.update_layout(
        barmode="stack", height=320, margin={"l": 10, "r": 10, "t": 30, "b": 30},
        yaxis={"title": t("ledger.axis")}, xaxis={"type": "date"},
        legend={"orientation": "h"}, plot_bgcolor="white",
    )
    return fig


def to_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["household", "day", "minutes"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def grade(ex: Ledger, rows: Any) -> Result:
    good, problems = clean_rows(ex, rows)
    return Result(None, None, summary(good) + problems)


def key_text(ex: Ledger) -> list[str]:
    return [t("key.no_key_ledger"), t("key.households", list=", ".join(ex.households))]


def static_html(ex: Ledger) -> str:
    options = "".join(f'<option value="{html.escape(h)}">{html.escape(h)}</option>' for h in ex.households)
    words = {k: t_text(k) for k in ("ledger.household", "ledger.day", "ledger.minutes_label", "ledger.chart_label",
                                            "ledger.export")}
    body = (
        '<div class="prt-ledger-entry">'
        f'<label for="ex-{ex.id}-h">{words["ledger.household"]}</label>'
        f'<select id="ex-{ex.id}-h" class="prt-l-household">{options}</select>'
        f'<label for="ex-{ex.id}-d">{words["ledger.day"]}</label><input id="ex-{ex.id}-d" class="prt-l-day" type="date">'
        f'<label for="ex-{ex.id}-m">{words["ledger.minutes_label"]}</label>'
        f'<input id="ex-{ex.id}-m" class="prt-l-minutes" type="text" inputmode="numeric">'
        "</div>"
        '<div class="prt-ledger-table"></div>'
        f'<div class="prt-ledger-chart prt-needs-plotly" role="group" aria-label="{words["ledger.chart_label"]}"></div>'
        f'<p><a class="prt-ledger-csv" href="#" download="lights-out-ledger.csv">{words["ledger.export"]}</a></p>'
    )
    return frame_html(ex, {"kind": "ledger", "max": ex.max_minutes}, body, label="exercise.add_entry")


def widget(ex: Ledger) -> w.Widget:
    rows: list[Row] = []
    household = w.Combobox(options=ex.households, placeholder=t("ledger.household"), description=t("ledger.household"))
    day = w.Text(value=dt.date.today().isoformat(), description=t("ledger.day"))
    minutes = w.Text(placeholder=t("live.minutes_example"), description=t("ledger.minutes"))
    message = w.HTML()
    table = w.HTML()
    chart = w.Output()
    export = w.Button(description=t("live.export_csv"))
    exported = w.HTML()

    def redraw() -> None:
        table.value = "<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in summary(rows)) + "</ul>"
        liveout.show(chart, *([liveout.figure(figure(rows))] if rows else []))  # never captured: book/notebooks/liveout.py

    def read() -> list[Row]:
        try:
            entry = check_entry(ex, household.value, day.value, minutes.value)
        except ValueError as err:
            message.value = f"<p class='prt-wrong'>{html.escape(str(err))}</p>"
            return rows
        message.value = ""
        rows.append(entry)
        minutes.value = ""
        redraw()
        return rows

    def write(saved: list[Row]) -> None:
        good, _ = clean_rows(ex, saved)
        rows[:] = good
        redraw()

    def on_export(_: Any) -> None:
        store = answer_store.current()
        if store is None:
            exported.value = NOT_STARTED
            return
        path = store.path.with_name(f"{store.path.stem}-{ex.id}.csv")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_csv(rows), encoding="utf-8")
        exported.value = f"<p>{t_html('live.saved_rows', n=len(rows), path=f'<code>{html.escape(str(path))}</code>')}</p>"

    export.on_click(shown_errors(on_export, exported, t("live.doing_export")))
    body = w.VBox([household, day, minutes, message, table, chart, w.HBox([export, exported])])
    return frame_widget(ex, body, read, lambda r: grade(ex, r), write, [], label="exercise.add_entry")
