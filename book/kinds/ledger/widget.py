"""The lights-out ledger, live: entries, a chart that updates, and a CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from typing import Any

import ipywidgets as w
import plotly.graph_objects as go

from ...course.models import Ledger
from ...course.strings import t, t_html
from ...exercises.live import store as answer_store
from ...exercises.live.errors import shown_errors
from ...exercises.live.frame import frame_widget, not_started
from ...notebooks import liveout
from . import Row, check_entry, clean_rows, grade, summary


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
            exported.value = not_started()
            return
        path = store.path.with_name(f"{store.path.stem}-{ex.id}.csv")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_csv(rows), encoding="utf-8")
        exported.value = f"<p>{t_html('live.saved_rows', n=len(rows), path=f'<code>{html.escape(str(path))}</code>')}</p>"

    export.on_click(shown_errors(on_export, exported, t("live.doing_export")))
    body = w.VBox([household, day, minutes, message, table, chart, w.HBox([export, exported])])
    return frame_widget(ex, body, read, lambda r: grade(ex, r), write, [], label="exercise.add_entry")
