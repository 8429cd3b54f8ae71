"""Timeline figures and their text alternative match the data they are drawn from."""

from __future__ import annotations

import datetime as dt

from book import timeline
from book.load import course


def _tishreen():
    return timeline.for_chapter("tishreen", views=[("2019", "2019-01-01", "2020-01-01")])


def test_every_event_is_drawn_once():
    tl = _tishreen()
    fig = tl.figure()
    drawn = [cd[0] for trace in fig.data for cd in trace.customdata]
    assert sorted(drawn) == sorted(e.id for e in tl.events)


def test_exact_days_are_points_and_months_are_bands():
    fig = _tishreen().figure()
    events = course().events
    for trace in fig.data:
        for i, (event_id, _) in enumerate(trace.customdata):
            e = events[event_id]
            if trace.type == "scatter":
                assert e.date.precision == "day" and e.end is None
                assert trace.x[i] == e.date.start.isoformat()
            else:
                start = dt.date.fromisoformat(trace.base[i])
                days = trace.x[i] / 86_400_000
                end = (e.end or e.date).stop
                assert start == e.date.start and days == (end - start).days


def test_unconfirmed_dates_are_drawn_hollow_and_labelled():
    day = course().events["iraq-tishreen-begins"]
    unsure = day.model_copy(update={"confirmed": False, "id": "unsure"})
    assert "(date unconfirmed)" in timeline.date_label(unsure)
    assert "(date unconfirmed)" not in timeline.date_label(day)
    fig = timeline.build_figure([day, unsure])
    assert list(fig.data[0].marker.color) == [timeline.REGION_COLOURS["iraq"], "white"]


def test_static_html_has_stable_id_and_no_inlined_plotly_js():
    first, second = _tishreen()._repr_html_(), _tishreen()._repr_html_()
    assert first == second
    assert 'id="timeline-tishreen"' in first
    assert len(first) < 300_000 and "plotly.js v" not in first


def test_table_lists_every_event_with_date_and_source():
    tl = _tishreen()
    table = tl.list_html()
    for e in tl.events:
        assert f'id="event-{e.id}"' in table
        assert timeline.date_label(e) in table.replace("&#x27;", "'")
        assert e.sources[0].ref.replace("&", "&amp;").split("'")[0][:20] in table


def test_first_view_sets_the_opening_range():
    fig = _tishreen().figure()
    assert list(fig.layout.xaxis.range) == ["2019-01-01", "2020-01-01"]


def test_jupyter_gets_plotly_json_and_book_gets_html():
    bundle = _tishreen()._repr_mimebundle_()
    assert {"application/vnd.plotly.v1+json", "text/html"} <= set(bundle)


def test_parallel_view_has_a_lane_per_region_and_every_event():
    tl = timeline.parallel()
    fig = tl.figure()
    lanes = {y for trace in fig.data for y in (trace.y or ())}
    assert lanes == {timeline.REGION_NAMES[e.region] for e in course().events.values()}
    drawn = sorted(cd[0] for trace in fig.data for cd in trace.customdata)
    assert drawn == sorted(course().events)
    link = next(cd[1] for trace in fig.data for cd in trace.customdata if cd[0] == "iraq-tishreen-begins")
    assert link == f"chapters/tishreen.html#{course().events['iraq-tishreen-begins'].passage}"


def test_explorer_filters_change_the_figure():
    ex = timeline.explore()
    everything = sum(len(t.customdata) for t in ex.figure.data)
    assert everything == len(course().events)
    ex.regions.value = ("iraq",)
    shown = [cd[0] for t in ex.figure.data for cd in t.customdata]
    assert shown and all(course().events[i].region == "iraq" for i in shown)
    ex.kinds.value = ("uprising",)
    ex.years.value = (2019, 2019)
    shown = {cd[0] for t in ex.figure.data for cd in t.customdata}
    expected = {e.id for e in course().events.values() if e.region == "iraq" and e.kind == "uprising"
                and e.date.start.year <= 2019 <= (e.end or e.date).start.year}
    assert shown == expected and "iraq-tishreen-begins" in shown
    assert f"{len(expected)} of {len(course().events)} events shown" in ex.count.value


def test_course_counts_and_honest_dates():
    events = list(course().events.values())
    by_region = {r: sum(e.region == r for e in events) for r in timeline.REGIONS}
    assert by_region["iraq"] >= 25 and by_region["peru"] >= 30
    assert by_region["world"] + by_region["theory"] >= 20
    assert all(e.sources for e in events)
    assert all("unconfirmed" in timeline.date_label(e) for e in events if not e.confirmed)


# --- the chart drawn at build time (book/timeline_svg.py) -------------------------------

def _marks(svg: str) -> list[dict[str, str]]:
    from bs4 import BeautifulSoup

    return [{**m.attrs, "tag": m.name, "title": m.title.get_text()}
            for m in BeautifulSoup(svg, "html.parser").select(".prt-ev")]


def _views(tl) -> list[str]:
    import re

    return re.findall(r'<div class="prt-tl-view"[^>]*>(.*?)</div>', tl._repr_html_(), re.S)


def test_static_chart_draws_every_event_in_the_whole_period_view():
    tl = _tishreen()
    whole = _marks(_views(tl)[-1])
    assert len(whole) == len(tl.events)
    for mark, event in zip(sorted(whole, key=lambda m: m["title"]), sorted(tl.events, key=lambda e: f"{timeline.date_label(e)}: {e.title}")):
        assert mark["title"] == f"{timeline.date_label(event)}: {event.title}"
        assert mark["tag"] == ("circle" if event.end is None and event.date.precision == "day" else "rect")


def test_static_chart_views_show_only_events_they_overlap():
    tl = _tishreen()  # its first view is the year 2019
    shown = {m["title"] for m in _marks(_views(tl)[0])}
    for e in tl.events:
        start, stop = e.date.start, (e.end or e.date).stop
        overlaps = start <= dt.date(2020, 1, 1) and stop >= dt.date(2019, 1, 1)
        assert (f"{timeline.date_label(e)}: {e.title}" in shown) == overlaps, e.id
    assert 'aria-label="Years shown"' in tl._repr_html_()


def test_static_chart_places_marks_in_date_order_and_lanes():
    from book.timeline_svg import Mark, render

    marks = [Mark("war", dt.date(2003, 3, 20), None, "iraq", True, "a", "#a"),
             Mark("protest", dt.date(2019, 10, 1), None, "iraq", False, "b", "#b"),
             Mark("protest", dt.date(2011, 1, 1), dt.date(2012, 1, 1), "world", True, "c", "#c")]
    svg = render(marks, ["protest", "war"], timeline.REGION_COLOURS, dt.date(2000, 1, 1), dt.date(2020, 1, 1), "t", "T")
    drawn = {m["title"]: m for m in _marks(svg)}
    assert float(drawn["a"]["cx"]) < float(drawn["c"]["x"]) < float(drawn["b"]["cx"])
    assert float(drawn["b"]["cy"]) < float(drawn["a"]["cy"])  # lanes top to bottom as given
    assert drawn["b"]["fill"] == "white" and "prt-unconfirmed" in drawn["b"]["class"]  # hollow
    assert drawn["a"]["fill"] == timeline.REGION_COLOURS["iraq"]
    assert drawn["c"]["data-href"] == "#c" and float(drawn["c"]["width"]) > 10  # a year is a band
    assert 'role="img"' in svg and 'aria-labelledby="t-title"' in svg


def test_ticks_are_years_over_long_spans_and_months_over_short_ones():
    from book.timeline_svg import ticks

    assert [label for _, label in ticks(dt.date(1955, 1, 1), dt.date(2026, 6, 30))] == [
        "1960", "1970", "1980", "1990", "2000", "2010", "2020"]
    assert [label for _, label in ticks(dt.date(2019, 8, 15), dt.date(2020, 3, 1))] == [
        "Sep 2019", "Oct", "Nov", "Dec", "Jan 2020", "Feb", "Mar"]


def test_static_html_keeps_the_plotly_figure_as_data_not_script():
    import json
    import re

    html_ = _tishreen()._repr_html_()
    data = re.search(r'<script type="application/json" class="prt-tl-data">(.*?)</script>', html_, re.S)
    figure = json.loads(data.group(1))
    assert figure["layout"]["xaxis"]["range"] == ["2019-01-01", "2020-01-01"]
    assert "Plotly.newPlot" not in html_  # no inline script: plotly.js loads on request


def test_vendored_plotly_matches_the_python_package():
    """The book draws plotly's JSON from Python with the npm bundle: same plotly.js version."""
    from pathlib import Path

    import plotly

    from book.assets import pinned_plotly_version, plotly_js_path, plotly_js_version

    python_bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert plotly_js_version(plotly_js_path()) == plotly_js_version(python_bundle) == pinned_plotly_version()
