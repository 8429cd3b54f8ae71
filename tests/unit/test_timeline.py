"""Timeline figures and their text alternative match the data they are drawn from."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from book import timeline
from book.course.load import course


def _tishreen():
    return timeline.for_chapter("tishreen", views=[("2019_2026", "2019-01-01", "2020-01-01")])


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
    assert len(first) < 400_000 and "plotly.js v" not in first


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
    assert lanes == {timeline.region_name(e.region) for e in course().events.values()}
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
    """Each drawn mark: its shape's attributes and tag, its target's attributes (``g-...``;
    a ringed target's ``g-data-event`` and ``g-class`` are the member's own), its event's
    name, and its target's hit area."""
    from bs4 import BeautifulSoup

    out = []
    for m in BeautifulSoup(svg, "html.parser").select(".prt-ev"):
        hit = m.select_one(".prt-hit")
        for shape in m.select(".prt-shape"):
            member = shape.find_parent(attrs={"data-member": True})
            own = ({"g-data-event": member["data-member"], "g-class": member["class"],
                    "title": member.title.get_text()} if member else {"title": m["aria-label"]})
            out.append({**shape.attrs, **{f"g-{k}": v for k, v in m.attrs.items()}, "tag": shape.name,
                        "hit": hit.attrs, "target": m, **own})
    return out


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
    from book.timeline.svg import Mark, render

    marks = [Mark("war", dt.date(2003, 3, 20), None, "iraq", True, "a", "ev-a"),
             Mark("protest", dt.date(2019, 10, 1), None, "iraq", False, "b", "ev-b"),
             Mark("protest", dt.date(2011, 1, 1), dt.date(2012, 1, 1), "world", True, "c", "ev-c")]
    svg = render(marks, ["protest", "war"], timeline.REGION_COLOURS, dt.date(2000, 1, 1), dt.date(2020, 1, 1), "t", "T")
    drawn = {m["title"]: m for m in _marks(svg)}
    assert float(drawn["a"]["cx"]) < float(drawn["c"]["x"]) < float(drawn["b"]["cx"])
    assert float(drawn["b"]["cy"]) < float(drawn["a"]["cy"])  # lanes top to bottom as given
    assert drawn["b"]["fill"] == "white" and "prt-unconfirmed" in drawn["b"]["g-class"]  # hollow
    assert drawn["a"]["fill"] == timeline.REGION_COLOURS["iraq"]
    assert drawn["c"]["g-data-event"] == "ev-c" and float(drawn["c"]["width"]) > 10  # a year is a bar
    assert 'role="group"' in svg and 'aria-labelledby="t-title"' in svg


def test_ticks_are_years_over_long_spans_and_months_over_short_ones():
    from book.timeline.svg import ticks

    assert [label for _, label in ticks(dt.date(1955, 1, 1), dt.date(2026, 6, 30))] == [
        "1960", "1970", "1980", "1990", "2000", "2010", "2020"]
    assert [label for _, label in ticks(dt.date(2019, 8, 15), dt.date(2020, 3, 1))] == [
        "Sep 2019", "Oct", "Nov", "Dec", "Jan 2020", "Feb", "Mar"]


def test_static_html_keeps_the_plotly_figure_as_data_not_script():
    import json
    import re

    html_ = _tishreen()._repr_html_()
    # Marked as a block the built page loads when asked (book/later.py).
    data = re.search(r'<script type="application/json" class="prt-tl-data" id="timeline-tishreen-data" '
                     r'data-later="asked">(.*?)</script>', html_, re.S)
    figure = json.loads(data.group(1))
    assert figure["layout"]["xaxis"]["range"] == ["2019-01-01", "2020-01-01"]
    assert "Plotly.newPlot" not in html_  # no inline script: plotly.js loads on request


# --- annotated timelines: dates, order, labels, periods, cards -----------------------

def _parallel_views() -> list[tuple[str, str, str]]:
    """The views the parallel timelines page asks for, read from its code cell."""
    import ast

    text = (Path(__file__).resolve().parents[2] / "timelines.md").read_text(encoding="utf-8")
    return ast.literal_eval(re.search(r"views=(\[.*?\]),?\n", text, re.S).group(1))


def _chapter_views(chapter: str) -> list[tuple[str, str, str]]:
    """The views a chapter's page asks for, read from its code cell."""
    import ast
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")
    return ast.literal_eval(re.search(r"views=(\[.*?\]),?\n", text, re.S).group(1))


def _dated(date: str, end: str | None = None, ident: str = "x"):
    from book.course.models import PartialDate

    base = course().events["iraq-tishreen-begins"]
    return base.model_copy(update={"id": ident, "date": PartialDate.parse(date),
                                   "end": PartialDate.parse(end) if end else None})


def test_ranges_say_each_part_once():
    assert timeline.date_label(_dated("2000-11-19", "2000-11-21")) == "19-21 November 2000"
    assert timeline.date_label(_dated("1903-07-30", "1903-08-23")) == "30 July to 23 August 1903"
    assert timeline.date_label(_dated("1917-03", "1917-11")) == "March-November 1917"
    assert timeline.date_label(_dated("2014-01", "2017-12-09")) == "January 2014 to 9 December 2017"
    assert timeline.date_label(_dated("2022-12-24", "2023-01-05")) == "24 December 2022 to 5 January 2023"
    assert timeline.date_label(_dated("2019-10-01")) == "1 October 2019"


def test_an_event_known_only_by_its_month_or_year_follows_the_exact_days():
    from book.timeline.base import in_order

    events = [_dated("2022", ident="year"), _dated("2022-12", ident="month"),
              _dated("2023-01-01", ident="next"), _dated("2022-12-31", ident="last-day"),
              _dated("2022-12-07", ident="seventh")]
    assert [e.id for e in in_order(events)] == ["seventh", "last-day", "month", "year", "next"]
    # and so in a chapter: no month-only entry precedes a dated day of its month
    shown = timeline.for_chapter("peru").events
    for i, e in enumerate(shown):
        if e.date.precision == "month":
            later = [x for x in shown[i + 1:] if x.date.precision == "day"
                     and (x.date.start.year, x.date.start.month) == (e.date.start.year, e.date.start.month)]
            assert not later, (e.id, [x.id for x in later])


def _svg_views(tl) -> list[str]:
    import re

    return re.findall(r'<div class="prt-tl-view"[^>]*>(.*?)</div>', tl._repr_html_(), re.S)


def _notes(svg: str) -> list[tuple[str, float, float, float]]:
    """Each label on a chart: its event, y, and the x extent the layout reserved."""
    from bs4 import BeautifulSoup

    from book.timeline.layout import text_width

    soup = BeautifulSoup(svg, "html.parser")
    return [(t["data-event"], float(t["y"]), float(t["x"]), float(t["x"]) + text_width(t.get_text()))
            for t in soup.select(".prt-tl-notes text")]


@pytest.mark.parametrize("chapter", ["tishreen", "peru", "world-situation", "solidarity"])
def test_labels_never_cover_each_other_or_a_mark(chapter):
    tl = timeline.for_chapter(chapter, _chapter_views(chapter))
    for svg in _svg_views(tl):
        notes, marks = _notes(svg), _marks(svg)
        assert notes, "a view with marks has labels"
        for i, (a, y, x0, x1) in enumerate(notes):
            for b, y2, u0, u1 in notes[i + 1:]:
                assert y != y2 or x1 <= u0 or u1 <= x0, (a, b)
            for m in marks:
                cy = float(m.get("cy", 0)) or float(m["y"]) + 8
                if m["g-data-event"] == a or abs(cy + 4 - y) > 0.5:
                    continue  # only labels on a mark's own line can touch it
                left = float(m["cx"]) - 7 if m["tag"] == "circle" else float(m["x"])
                right = float(m["cx"]) + 7 if m["tag"] == "circle" else left + float(m["width"])
                assert x1 <= left or right <= x0, (a, m["g-data-event"])


@pytest.mark.parametrize("chapter", ["tishreen", "peru", "world-situation", "solidarity"])
def test_opening_view_is_the_articles_period_and_labels_its_key_events(chapter):
    tl = timeline.for_chapter(chapter, _chapter_views(chapter))
    article = course().articles[chapter]
    asked = _chapter_views(chapter)
    label, start, end = tl.views[0]

    def width(v):
        return dt.date.fromisoformat(v[2]) - dt.date.fromisoformat(v[1])

    assert tl.views[0] == min(asked, key=width) and sorted(tl.views) == sorted(asked)
    key = timeline.key_events(tl.events, chapter)
    # the years the article writes in (its date) or about (its latest key event)
    written = {str(article.date.start)} if article.date else set()
    about = {str(max(e.date.start for e in key))} if key else set()
    assert any(start <= day <= end for day in written | about), (chapter, tl.views[0])
    opening = _svg_views(tl)[0]
    drawn = {m["g-data-event"] for m in _marks(opening)}
    labelled = {n[0] for n in _notes(opening)}
    assert {e.id for e in key} & drawn <= labelled


@pytest.mark.parametrize("chapter", ["tishreen", "peru", "world-situation", "solidarity"])
def test_every_mark_is_in_a_named_focusable_target_of_at_least_24_px(chapter):
    from book.timeline.svg import LEAST, MIN_DRAWN_PX, WIDTH

    tl = timeline.for_chapter(chapter, _chapter_views(chapter))
    names = {e.id: f"{timeline.date_label(e)}: {e.title}" for e in tl.events}
    starts = {e.id: (e.date.start, e.id) for e in tl.events}
    assert LEAST * MIN_DRAWN_PX / WIDTH >= 24
    for svg in _svg_views(tl):
        marks = _marks(svg)
        for m in marks:
            assert m["g-tabindex"] in ("0", "-1") and m["g-role"] == "button" and m["g-aria-label"]
            assert m["title"] == names[m["g-data-event"]]
            assert float(m["hit"]["width"]) >= LEAST - 0.05 and float(m["hit"]["height"]) >= 34
        # one Tab stop per view: the target of its earliest mark (the arrow keys lead on)
        stops = {id(m["target"]) for m in marks if m["g-tabindex"] == "0"}
        earliest = min((m["g-data-event"] for m in marks), key=starts.__getitem__)
        assert stops == {id(m["target"]) for m in marks if m["g-data-event"] == earliest}


def _boxes(svg: str) -> list[tuple[tuple[str, ...], tuple[float, float, float, float], list[tuple]]]:
    """Each target of a drawn view: its events, its hit area (x0, y0, x1, y1) and the
    boxes its shapes cover (a dot's circle with its stroke, a bar's rectangle)."""
    from bs4 import BeautifulSoup

    out = []
    for g in BeautifulSoup(svg, "html.parser").select(".prt-ev"):
        hit = g.select_one(".prt-hit")
        x, y = float(hit["x"]), float(hit["y"])
        shapes = []
        for s in g.select(".prt-shape"):
            if s.name == "circle":
                cx, cy, r = float(s["cx"]), float(s["cy"]), float(s["r"]) + 1  # stroke 2: 1 outside
                shapes.append((cx - r, cy - r, cx + r, cy + r))
            else:
                sx, sy = float(s["x"]), float(s["y"])
                shapes.append((sx, sy, sx + float(s["width"]), sy + float(s["height"])))
        keys = tuple((g.get("data-events") or g["data-event"]).split())
        out.append((keys, (x, y, x + float(hit["width"]), y + float(hit["height"])), shapes))
    return out


def _overlap(a, b, slack: float = 0.15) -> bool:  # 0.15 units: the drawing rounds to 0.1
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


@pytest.mark.parametrize("chapter", ["tishreen", "peru", "world-situation", "solidarity", "parallel"])
def test_no_hit_area_covers_another_marks_shape(chapter):
    """The bug a real session found: a neighbour's 34-unit hit area lay over a mark, so a
    tap on that mark opened the neighbour's card (29 of the 85 marks of the chapters'
    opening views). Every target's hit area covers its own shapes and no other's, and no
    other target's hit area; every event is in exactly one target of each view."""
    from book.timeline.svg import LEAST

    tl = timeline.parallel(_parallel_views()) if chapter == "parallel" else timeline.for_chapter(
        chapter, _chapter_views(chapter))
    for n, svg in enumerate(_svg_views(tl)):
        boxes = _boxes(svg)
        keys = [k for ks, _, _ in boxes for k in ks]
        assert len(keys) == len(set(keys)) and len(keys) == svg.count('class="prt-shape"'), (chapter, n)
        for i, (mine, hit, shapes) in enumerate(boxes):
            assert hit[2] - hit[0] >= LEAST - 0.05, (chapter, n, mine)
            for s in shapes:  # a tap anywhere on its own shapes lands on it
                assert hit[0] <= s[0] + 0.15 and s[2] <= hit[2] + 0.15 and hit[1] <= s[1] and s[3] <= hit[3], mine
            for j, (other, other_hit, other_shapes) in enumerate(boxes):
                if i == j:
                    continue
                assert not any(_overlap(hit, s) for s in other_shapes), (chapter, n, mine, other)
                assert not _overlap(hit, other_hit), (chapter, n, mine, other)


def test_close_marks_share_one_ringed_target_and_far_ones_get_the_axis_between():
    from book.timeline.layout import Slot, targets

    def dot(key, x):
        return Slot(key, "r", x - 7, x + 7, "")

    found = targets([dot("a", 200), dot("b", 210), dot("c", 218), dot("d", 260), dot("e", 290),
                     Slot("bar", "r", 400, 480, ""), dot("f", 430), dot("g", 600),
                     dot("h", 690), dot("i", 706), dot("j", 735)], 83, 760, 34, 32.6)
    assert [t.keys for t in found] == [("a", "b", "c"), ("d",), ("e",), ("bar", "f"), ("g",), ("h", "i"), ("j",)]
    by = {t.keys[0]: t for t in found}
    assert (by["g"].left, by["g"].right) == (583, 617)  # alone: 34 about its middle
    assert (by["a"].left, by["a"].right) == (192, 226)  # the three too close to tell apart: one ring
    assert by["d"].right == by["e"].left == (267 + 283) / 2  # cut at the midpoint of the gap
    assert (by["d"].left, by["e"].right) == (241, 309)  # and widened on the other side
    # i, hemmed in on both sides, would have 22.5 units: it joins its nearer neighbour
    assert (by["h"].left, by["h"].right, by["j"].left, by["j"].right) == (681, 715, 720.5, 754.5)
    assert by["bar"].left <= 400 and by["bar"].right >= 480  # a bar's dots are its target too
    assert all(t.right - t.left >= 32.6 for t in found)


def test_a_ringed_target_is_named_by_its_count_and_dates_and_keeps_each_events_name():
    from bs4 import BeautifulSoup

    tl = timeline.for_chapter("peru", _chapter_views("peru"))
    soup = BeautifulSoup(_svg_views(tl)[0], "html.parser")
    groups = soup.select(".prt-ev-group")
    assert groups
    names = {e.id: f"{timeline.date_label(e)}: {e.title}" for e in tl.events}
    for g in groups:
        members = g["data-events"].split()
        assert len(members) >= 2 and g["aria-label"].startswith(f"{len(members)} events, ")
        assert g.select_one(".prt-ring") is not None and g.title.get_text() == g["aria-label"]
        assert [m["data-member"] for m in g.select("[data-member]")] == members or sorted(
            m["data-member"] for m in g.select("[data-member]")) == sorted(members)
        assert all(m.title.get_text() == names[m["data-member"]] for m in g.select("[data-member]"))


def test_every_card_has_an_id_that_back_returns_to():
    from bs4 import BeautifulSoup

    for tl in (timeline.for_chapter("peru"), timeline.parallel()):
        soup = BeautifulSoup(tl._repr_html_(), "html.parser")
        ids = [c["id"] for c in soup.select(".prt-tl-cards .prt-tl-card")]
        assert ids == [f"{tl.div_id}-{c['data-event']}" for c in soup.select(".prt-tl-cards .prt-tl-card")]
        assert len(set(ids)) == len(ids) == len(tl.events)
        assert not set(ids) & {e["id"] for e in soup.select("[id]") if "prt-tl-card" not in e.get("class", [])}


def test_the_intro_says_what_each_screen_shows():
    """A phone shows the cards and no chart: its intro speaks of cards, never of marks, a
    tap on a mark or the table; a wide screen's speaks of the marks and the table."""
    from bs4 import BeautifulSoup

    from book.course.strings import t

    soup = BeautifulSoup(timeline.for_chapter("peru")._repr_html_(), "html.parser")
    wide, narrow = soup.select_one(".prt-tl-intro .prt-tl-wide"), soup.select_one(".prt-tl-intro .prt-tl-narrow")
    assert narrow.get_text() == t("timeline.intro_narrow") and wide.get_text() == t("timeline.intro_wide")
    assert "card" in narrow.get_text() and not re.search(r"\b(mark|tap|click|table|chart)", narrow.get_text(), re.I)
    assert re.search(r"\bmark\b", wide.get_text()) and "table" in wide.get_text()
    for chapter in ("tishreen", "peru", "world-situation", "solidarity"):  # the pages' own prose leaves it to the intro
        text = (Path(__file__).resolve().parents[2] / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")
        section = text[text.index("## Timeline"):text.index("```{code-cell}", text.index("## Timeline"))]
        assert not re.search(r"\b(tap|click)", section, re.I), chapter


def test_hover_text_is_escaped_once_for_plotly():
    """plotly.js shows ``&quot;`` as typed (it decodes only &amp;, &lt;, &gt;, a few named
    and the numeric entities): the popups showed &quot;temporary&quot;. The figure kept in
    the page, decoded as the page's script decodes it, has quotes as quotes, and no tag
    of the data's can open."""
    import json

    from bs4 import BeautifulSoup

    from book.course.models import Event
    from book.timeline.figure import hover, plotly_text

    soup = BeautifulSoup(timeline.parallel(_parallel_views())._repr_html_(), "html.parser")
    figure = json.loads(soup.select_one("script.prt-tl-data").string)
    texts = [h for trace in figure["data"] for h in trace["hovertext"]]
    assert len(texts) == len(course().events)
    assert not [h for h in texts if re.search(r"&(quot|amp|#x27|#39);", h)]
    assert any('"temporary"' in h for h in texts) and any("Taylor & Francis" in h for h in texts)
    assert plotly_text('a < b & "c" <script>x</script> &amp; it\'s') == (
        'a &lt; b & "c" &lt;script&gt;x&lt;/script&gt; &amp;amp; it\'s')
    planted = Event.model_validate({**course().events["peru-castillo-dissolution-attempt-2022"].model_dump(),
                                    "title": 'The "<img src=x onerror=alert(1)>" & co'})
    shown = hover(planted)
    assert "<img" not in shown and '&lt;img src=x onerror=alert(1)&gt;" & co' in shown
def test_periods_are_drawn_as_bands_and_head_the_cards():
    from book.course.load import timeline_extras

    tl = timeline.for_chapter("peru", _chapter_views("peru"))
    presidents = [p for p in timeline_extras().periods if "peru" in p.chapters]
    whole = _svg_views(tl)[-1]
    assert whole.count('class="prt-tl-band ') == len(presidents)
    html_ = tl._repr_html_()
    fujimori = presidents[0]
    assert f"{fujimori.title}, 28 July 1990 to 21 November 2000" in html_.replace("&#x27;", "'")
    # Fujimori's election (June 1990) precedes his term: it heads the cards as "Before 1990"
    assert html_.index('class="prt-tl-period">Before 1990') < html_.index('prt-tl-card prt-r-peru" data-event="peru-fujimori-elected-1990"')


def test_every_event_has_one_card_with_its_sources_and_its_paragraph():
    from bs4 import BeautifulSoup

    for tl in (timeline.for_chapter("tishreen"), timeline.parallel()):
        soup = BeautifulSoup(tl._repr_html_(), "html.parser")
        cards = {c["data-event"]: c for c in soup.select(".prt-tl-cards .prt-tl-card")}
        assert sorted(cards) == sorted(e.id for e in tl.events)
        for e in tl.events:
            card = cards[e.id]
            assert card.select_one("time").get_text() == timeline.date_label(e)
            assert len(card.select("details.prt-tl-sources li")) == len(e.sources)
            go = card.select_one("a.prt-tl-go")
            if tl.chapter_names:  # the parallel view names the chapter a ¶ belongs to
                assert go is None or go.get_text() == (
                    f"Go to {course().articles[e.chapters[0]].short} ¶{e.passage[1:]}")
            else:
                assert (go is not None) == bool(e.passage and e.chapters[0] == "tishreen")


def _write(path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_bad_periods_and_labels_are_reported_by_file_line_entry_and_field(data_copy):
    from book.course.load import DataError, load_timeline_extras

    periods = data_copy / "periods.yml"
    text = periods.read_text(encoding="utf-8")
    _write(periods, text.replace('  end: "2000-11-21"\n', '  end: "2000-12-25"\n', 1)
           .replace("  evidence: [peru-merino-resigns-2020]", "  evidence: [no-such-event]")
           .replace("  label: Paniagua\n", "  label: Paniagua\n  colour: red\n"))
    _write(data_copy / "labels.yml", "- {id: not-an-event, label: Nothing}\n- {id: peru-autogolpe-1992, label: "
           "A label far too long for any chart}\n")
    with pytest.raises(DataError) as err:
        load_timeline_extras(data_copy)
    text = str(err.value)
    assert "labels.yml:2: label 'peru-autogolpe-1992', field 'label'" in text
    assert "periods.yml" in text and "period 'peru-president-paniagua', field 'colour'" in text
    _write(data_copy / "labels.yml", "- {id: not-an-event, label: Nothing}\n")
    _write(periods, periods.read_text(encoding="utf-8").replace("  colour: red\n", ""))
    with pytest.raises(DataError) as err:
        load_timeline_extras(data_copy)
    text = str(err.value)
    assert "label 'not-an-event', field 'id': unknown event" in text
    assert "period 'peru-president-merino', field 'evidence': unknown event 'no-such-event'" in text
    assert ("period 'peru-president-fujimori', field 'evidence': event 'peru-fujimori-falls-2000'"
            " (2000-11-19) is not at the period's start or end") in text


def test_a_period_needs_a_source_and_an_order():
    from pydantic import ValidationError

    from book.course.periods import Period

    base = {"id": "p", "track": "Track", "label": "Pa", "title": "A period", "start": "2020-01-01",
            "chapters": ["peru"], "confirmed": True}
    with pytest.raises(ValidationError, match="sources or evidence"):
        Period.model_validate(base)
    with pytest.raises(ValidationError, match="comes before start"):
        Period.model_validate({**base, "end": "2019-12-31", "evidence": ["x"]})
    assert Period.model_validate({**base, "evidence": ["x"]}).end is None


def test_a_page_holds_the_first_cards_of_the_opening_view_and_the_rest_arrive_as_one_block():
    """The built page keeps ten cards of its opening view in its HTML; every other card
    keeps its place, id and dates and is a later block of the timeline's one group."""
    from bs4 import BeautifulSoup
    from book.timeline.cards import FIRST_CARDS, outside

    for tl in (_tishreen(), timeline.parallel(views=[("since_1990", "1988-01-01", "2026-12-31")])):
        soup = BeautifulSoup(tl._repr_html_(), "html.parser")
        cards = soup.select(".prt-tl-cards .prt-tl-card")
        _, start, end = tl.ranges()[0]
        byid = {e.id: e for e in tl.events}
        opening = [c["data-event"] for c in cards if not outside(byid[c["data-event"]], start, end)]
        kept = [c["data-event"] for c in cards if not c.has_attr("data-later")]
        assert kept == opening[:FIRST_CARDS], tl.div_id
        later = [c for c in cards if c.has_attr("data-later")]
        assert len(later) == len(cards) - FIRST_CARDS > 0
        assert {(c["data-later"], c["data-later-group"]) for c in later} == {("shown", f"{tl.div_id}-cards")}
        assert all(c["id"] == f"{tl.div_id}-{c['data-event']}" for c in later)
        note = soup.select_one(".prt-tl-cards noscript")
        assert note is not None and f"first {FIRST_CARDS} events" in note.get_text()
        assert note.select_one("a")["href"] == ("../handouts.html" if tl.root else "handouts.html")


def test_an_events_kind_is_named_in_the_editions_words():
    """A card's kind and a lane of the chapter's chart, never the data's English code."""
    from bs4 import BeautifulSoup
    from book.course import language
    from book.timeline.figure import lane_order

    with language.speaking("ar"):
        tl = timeline.for_chapter("tishreen")
        soup = BeautifulSoup(tl._repr_html_(), "html.parser")
        kinds = {k.get_text() for k in soup.select(".prt-tl-kind")}
        lanes = lane_order(tl.events, "kind")
    assert "انتفاضة" in kinds and "احتجاج" in lanes
    assert not kinds & {"uprising", "protest", "government"} and not set(lanes) & {"uprising", "protest"}
