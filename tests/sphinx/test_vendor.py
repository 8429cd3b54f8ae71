"""Timeline figures and their text alternative match the data they are drawn from."""

from __future__ import annotations

from pathlib import Path




# --- the chart drawn at build time (book/timeline_svg.py) -------------------------------


def test_vendored_plotly_matches_the_python_package():
    """The book draws plotly's JSON from Python with the npm bundle: same plotly.js version."""

    import plotly

    from book.course.assets import pinned_plotly_version, plotly_js_path, plotly_js_version

    python_bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert plotly_js_version(plotly_js_path()) == plotly_js_version(python_bundle) == pinned_plotly_version()


# --- annotated timelines: dates, order, labels, periods, cards -----------------------


