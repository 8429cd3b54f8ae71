"""`make bench`: build times, page weight and load times, beside a plain Jupyter Book.

Prints a table and writes bench/results.json (machine, date, commit). Numbers come from
this run on this machine: build times with the wall clock, bytes and paint times from
headless Chromium through the DevTools protocol, throttled like a slow phone link
(1.6 Mbps down, 150 ms latency). The baseline is the Tishreen chapter built by Jupyter
Book with its default plotly rendering (plotly.js inlined per figure), in the same run.
Beside today's pages, the same book "heavy" (the theme's stylesheets and icon font as
shipped, as before issue 17): first text on the slow link, page weight, and every page
compared pixel for pixel (compare.py).

Parts: builds.py (build timings), measure.py (servers, weights, load times),
compare.py (before/after screenshots); this file runs them and prints the table.
``--only-editions-rebuild`` times only a no-change `make html` of the three editions and
writes it into results.json beside the last full run's figures; ``--only-editions`` the
other editions against the English (editions.py: cold builds, page weights), the same way.

Pages are served twice over: plain (Python's http.server, bytes as stored) and gzipped,
as static hosts serve text (GitHub Pages, Netlify, nginx with gzip on). Page weight is
counted decoded, the bytes a browser takes in; transfer sizes are recorded beside them.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import json
import shutil
import subprocess
import sys
import time

from builds import baseline_book, build, build_times, editions_nochange, heavy_build
from common import ARGS, BIN, CHROMIUM, ROOT, WORK
from compare import compare
from editions import cold_times, weights as edition_weights
from lighthouse import install as install_lighthouse, lighthouse, pages_of
from measure import first_text, load_times, page_weights, site_mb

TARGETS = {"cold_build_s": 60, "nochange_rebuild_s": 5, "chapter_rebuild_s": 10, "editions_nochange_rebuild_s": 5,
           "heaviest_first_visit_mb": 2.0, "ratio_vs_baseline": 0.3, "timeline_throttled_s": 3.0,
           "site_mb": 30, "tests_s": 240, "first_text_plain_s": 2.0, "first_text_gzip_s": 1.0,
           "lh_mobile_gzip_performance": 95, "lh_mobile_plain_performance": 85, "lh_mobile_gzip_tbt_ms": 200,
           "lh_cls": 0.02, "lh_accessibility": 100, "lh_best_practices": 100}
#: Issue 29: the English and one other edition cold in at most 2.2x the English alone; a
#: translated page at most 10% heavier than the English.
EDITION_TARGETS = {"editions_cold_ratio": 2.2, "edition_page_weight_ratio": 1.10}
#: Whose first text counts: the four chapters (the heaviest pages a member opens) and two others.
FIRST_TEXT_PAGES = ["chapters/tishreen.html", "chapters/solidarity.html", "chapters/peru.html",
                    "chapters/world-situation.html", "index.html", "glossary.html"]


def main() -> int:
    from playwright.sync_api import sync_playwright

    if "--only-editions-rebuild" in sys.argv:
        return only_editions_rebuild()
    if "--only-editions" in sys.argv:
        return only_editions()
    skip_tests = "--skip-tests" in sys.argv
    # Lighthouse: every page, mobile and desktop, gzip and plain, median of LH_RUNS (3);
    # --skip-lighthouse leaves it out, --lighthouse-pages=a.html,b.html narrows it.
    skip_lh = "--skip-lighthouse" in sys.argv
    lh_pages = next((a.split("=", 1)[1].split(",") for a in sys.argv if a.startswith("--lighthouse-pages=")), None)
    lh_runs = int(os.environ.get("LH_RUNS", "3"))
    WORK.mkdir(parents=True, exist_ok=True)
    print("==> timing builds (cold, no change, one chapter edited)")
    times = build_times()
    print("==> timing a no-change make html (three editions)")
    times.update(editions_nochange())
    print("==> each edition built cold")
    editions = {"cold_s": cold_times()}
    print("==> building the baseline (plain Jupyter Book, default plotly rendering)")
    base_out = WORK / "baseline-build"
    shutil.rmtree(base_out, ignore_errors=True)
    build(baseline_book(), base_out, strict=False)
    base_html = base_out / "_build" / "html"
    ours_html = WORK / "ours" / "_build" / "html"
    print("==> building the book heavy (the theme's stylesheets and icon font as shipped)")
    heavy_html = heavy_build(WORK / "heavy")
    tests_s = None
    if not skip_tests:
        print("==> timing the test suite")
        start = time.perf_counter()
        # As `make test` runs them: on two workers.
        subprocess.run([str(BIN / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2"],
                       cwd=ROOT, capture_output=True)
        tests_s = time.perf_counter() - start
    print("==> measuring pages in headless Chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        weights = page_weights(browser, ours_html)
        editions["weights"] = edition_weights(browser)
        heaviest = max(weights, key=lambda k: weights[k]["first_visit_bytes"])
        ours_load = load_times(browser, ours_html, "chapters/tishreen.html",
                               "#timeline-tishreen svg.prt-tl-svg", "Interactive chart")
        base_weight = page_weights(browser, base_html)["chapters/tishreen.html"]
        base_load = load_times(browser, base_html, "chapters/tishreen.html", ".plotly-graph-div svg.main-svg", None)
        print("==> first text, today's pages and the heavy ones")
        lighter = {"first_text": {"after": first_text(browser, ours_html, FIRST_TEXT_PAGES),
                                  "before": first_text(browser, heavy_html, FIRST_TEXT_PAGES)},
                   "weights_before": page_weights(browser, heavy_html)}
        print("==> every page before and after, pixel for pixel (phone, laptop; light, dark)")
        lighter["compare"] = compare(browser, heavy_html, ours_html)
        browser.close()
    lh = None
    if not skip_lh:
        print(f"==> Lighthouse (mobile and desktop, gzip and plain host, median of {lh_runs})")
        install_lighthouse()
        lh = {"ours": lighthouse(ours_html, lh_pages or pages_of(ours_html), lh_runs),
              "baseline": lighthouse(base_html, ["chapters/tishreen.html"], lh_runs)}
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
        "lighter": lighter, "lighthouse": lh, "targets": {**TARGETS, **EDITION_TARGETS}, "editions": editions,
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(table(result))
    print(editions_table(editions))
    if lh:
        print(lighthouse_table(lh))
    return 0


def only_editions_rebuild() -> int:
    """``--only-editions-rebuild``: the three editions' no-change `make html` alone, written
    into bench/results.json beside the last full run's figures (with its own date and
    commit), for a change that touches only the build's plumbing."""
    path = ROOT / "bench" / "results.json"
    result = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    measured = editions_nochange()
    result.setdefault("builds", {}).update(measured)
    result["builds"]["editions_measured"] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip(),
        "before_s": 25.0,  # the same make html before book/unchanged.py (2026-12-07, 687df91, 2 cores shared)
    }
    result.setdefault("targets", TARGETS)["editions_nochange_rebuild_s"] = TARGETS["editions_nochange_rebuild_s"]
    path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"no-change make html, three editions: {measured['editions_nochange_rebuild_s']:.2f} s "
          f"(slowest {measured['editions_nochange_rebuild_max_s']:.2f} s; target ≤ 5 s)")
    return 0


def only_editions() -> int:
    """``--only-editions``: the other editions' cold builds and page weights against the
    English, written into bench/results.json beside the last full run's figures."""
    from playwright.sync_api import sync_playwright

    WORK.mkdir(parents=True, exist_ok=True)
    path = ROOT / "bench" / "results.json"
    result = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    print("==> each edition built cold")
    editions = {"cold_s": cold_times()}
    print("==> each edition's pages against the English's")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        editions["weights"] = edition_weights(browser)
        browser.close()
    editions["date"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    editions["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                        text=True).stdout.strip()
    result["editions"] = editions
    result.setdefault("targets", TARGETS).update(EDITION_TARGETS)
    path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(editions_table(editions))
    return 0


def editions_table(editions: dict) -> str:
    cold = editions["cold_s"]
    rows = [f"cold build: English {cold['en']:.0f} s; " + "; ".join(
        f"{code} {cold[code]:.0f} s (English and it: {(cold['en'] + cold[code]) / cold['en']:.2f}x, "
        f"target <= {EDITION_TARGETS['editions_cold_ratio']})" for code in cold if code != "en")]
    for code, w in editions["weights"].items():
        rows.append(f"{code}: {w['pages']} pages, median weight {w['median_ratio']:.3f}x the English "
                    f"(wire {w['median_wire_ratio']:.3f}x), heaviest {w['heaviest']} {w['heaviest_ratio']:.3f}x; "
                    f"over +10%: {', '.join(w['over_10_percent']) or 'none'}")
    return "\n".join(rows)


def lighthouse_table(lh: dict) -> str:
    """Per page: performance, TBT and CLS, mobile gzip / mobile plain / desktop gzip;
    accessibility and best practices (mobile gzip); the baseline's Tishreen last."""
    loads = [x for r in (lh["ours"], lh["baseline"]) for form in ("mobile", "desktop")
             for host in r.get(form, {}).values() for m in host.values() for x in m.get("load", [])]
    rows = [f"Lighthouse {lh['ours']['version']}, median of {lh['ours']['runs']} runs "
            "(mobile: simulated slow 4G, 4x CPU slowdown); the machine's 1-minute load average at "
            f"the runs' start: {min(loads, default=0):.1f} to {max(loads, default=0):.1f} (2 cores: "
            "blocking time grows with it; each run's load beside its TBT in bench/results.json)", "",
            "| page | mobile gzip: perf, TBT, CLS | mobile plain: perf, TBT, CLS | desktop gzip: perf, TBT, CLS | a11y, best practices |",
            "|---|---|---|---|---|"]

    def cell(m: dict | None) -> str:
        return "" if not m else f"{m['performance']:.0f}, {m['tbt_ms'] or 0:.0f} ms, {m['cls'] or 0:.3f}"

    for who in ("ours", "baseline"):
        r = lh[who]
        for page in r["pages"]:
            get = lambda form, host: r.get(form, {}).get(host, {}).get(page)
            mg = get("mobile", "gzip")
            name = page if who == "ours" else f"{page} (plain Jupyter Book)"
            rows.append(f"| {name} | {cell(mg)} | {cell(get('mobile', 'plain'))} | {cell(get('desktop', 'gzip'))} | "
                        f"{mg['accessibility']:.0f}, {mg['best-practices']:.0f} |" if mg else f"| {name} | | | | |")
    return "\n".join(rows)


def table(r: dict) -> str:
    mb = lambda b: f"{b / 1e6:.2f} MB"
    heavy = r["pages"][r["heaviest_page"]]
    o, b = r["tishreen"]["ours"], r["tishreen"]["baseline"]
    ol, bl = o["load"], b["load"]
    times = lambda m: f"{m['first_text_s']:.2f} s / {m['figure_drawn_s']:.2f} s"
    rows = [
        ("cold build", f"{r['builds']['cold_build_s']:.1f} s", "≤ 60 s"),
        ("no-change rebuild", f"{r['builds']['nochange_rebuild_s']:.1f} s", "≤ 5 s"),
        ("no-change make html, three editions", f"{r['builds']['editions_nochange_rebuild_s']:.1f} s", "≤ 5 s"),
        ("one-chapter rebuild", f"{r['builds']['chapter_rebuild_s']:.1f} s", "≤ 10 s"),
        ("test suite (2 workers)", f"{r['tests_s']:.0f} s" if r["tests_s"] else "skipped", "≤ 240 s"),
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
    ft = r["lighter"]["first_text"]
    for page in ft["after"]:
        a, b = ft["after"][page], ft["before"][page]
        rows.append((f"first text, {page}: plain / gzip (heavy: plain / gzip)",
                     f"{a['plain']:.2f} s / {a['gzip']:.2f} s ({b['plain']:.2f} s / {b['gzip']:.2f} s)", "≤ 2.0 s / ≤ 1.0 s"))
    wb = r["lighter"]["weights_before"]["chapters/tishreen.html"]
    rows.append(("Tishreen first visit, decoded (gzipped): today / heavy",
                 f"{mb(o['first_visit_bytes'])} ({mb(o['first_visit_wire_bytes'])}) / "
                 f"{mb(wb['first_visit_bytes'])} ({mb(wb['first_visit_wire_bytes'])})", ""))
    cmp_ = r["lighter"]["compare"]
    worst = max((d["max"] for d in cmp_["differ"]), default=0)
    tallest = max((d["box"][3] - d["box"][1] for d in cmp_["differ"]), default=0)
    rows.append(("pages before/after that differ (page x profile x mode); worst pixel, tallest box",
                 f"{len(cmp_['differ'])} of {cmp_['pairs']}; {worst}/255; {tallest} px (bench/tmp/differ)", "0 visible"))
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
