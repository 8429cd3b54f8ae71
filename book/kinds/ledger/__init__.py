"""The lights-out ledger: a group's own record of minutes without power, as data.

From the solidarity essay: "each household records every minute without power". Here
participants enter minutes per household and day, see a chart and a summary update, and
export the ledger as CSV. A bad entry (not a number, out of range, no date) gets an
inline message and is not added; what is already recorded is never lost.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from ...course.models import Ledger
from ...course.strings import t, t_text
from ..frame import frame_html
from ..result import Misfit, Result

SCREEN_HOW = "exercise.how_ledger"
SHAPE = "rows"
#: A ledger is not counted: the group page says only how many kept one.
CAPTION = None
#: Whether ``bars`` tells the key (counts nothing): the room shows such counts after Reveal.
BARS_SHOW_KEY = False

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
    return frame_html(ex, {"kind": "ledger", "max": ex.max_minutes}, body, label="exercise.add_entry", how=SCREEN_HOW)


def to_stable(ex: Ledger, live: list[Row]) -> dict[str, Any]:
    """In an answer file: ``{"rows": [{"household": str, "day": "YYYY-MM-DD", "minutes": int}]}``."""
    return {"rows": [dict(r) for r in live]}


def from_stable(ex: Ledger, stable: dict[str, Any]) -> list[Row]:
    rows = list(stable["rows"])
    if not all(isinstance(r, dict) for r in rows):
        raise Misfit(t("answers.row_not_object"))
    return rows


def entry(ex: Ledger) -> dict[str, Any]:
    return {}


def bars(entry: dict[str, Any], answers: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return []


def paper_kind(ex: Ledger) -> str:
    return t("paper.kind_ledger")


def paper_how(ex: Ledger) -> str | None:
    return t("paper.how_ledger")


def paper_lines(ex: Ledger) -> list[tuple[str, str]]:
    return [(t("paper.key_no_key"), t("paper.key_ledger")), (t("paper.key_households"), ", ".join(ex.households))]
