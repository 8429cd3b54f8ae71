"""The editions in other languages against the English, for `make bench`: how long each
takes to build cold, and how heavy its pages are.

Issue 29 set the targets: the English and Spanish editions together cold in at most 2.2
times the English alone, and a translated page within 10% of the English page's weight.
A translated page is a different text (Arabic words are shorter in bytes per letter but
need more letters; Spanish runs about 15% longer than English), so the weight compared is
what a member downloads on a first visit, page by page, with the same server and browser.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time

from builds import build
from common import BIN, ROOT, WORK
from measure import page_weights

#: The editions beside the English (book/course/language.py lists them; bench stays outside the package).
CODES = ("es", "ar")


def cold_times() -> dict[str, float]:
    """Seconds for a cold build of the English (a fresh output folder, as ``cold_build_s``)
    and of each other edition (its folder under _build/editions removed first, so its
    notebooks execute again; the pages it mirrors into _build/html/<code>/ are rebuilt as
    they were)."""
    times = {"en": build(ROOT, WORK / "en-cold")}
    shutil.rmtree(WORK / "en-cold", ignore_errors=True)
    for code in CODES:
        shutil.rmtree(ROOT / "_build" / "editions" / code, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([str(BIN / "python"), "-m", "book.cli", "edition", code], check=True, capture_output=True,
                       cwd=ROOT, env={**os.environ, "PRT_LANGUAGE": code})
        times[code] = time.perf_counter() - start
    return times


def weights(browser) -> dict[str, dict[str, object]]:
    """Per edition, each page's first-visit bytes (decoded and on the wire, gzipped) over the
    English page of the same name, from the built site (_build/html and its edition folders)."""
    site = ROOT / "_build" / "html"
    english = {rel: w for rel, w in page_weights(browser, site).items() if rel.split("/", 1)[0] not in CODES}
    out: dict[str, dict[str, object]] = {}
    for code in CODES:
        theirs = page_weights(browser, site / code)
        ratios = {rel: theirs[rel]["first_visit_bytes"] / english[rel]["first_visit_bytes"]
                  for rel in theirs if rel in english}
        wire = {rel: theirs[rel]["first_visit_wire_bytes"] / english[rel]["first_visit_wire_bytes"]
                for rel in theirs if rel in english}
        heaviest = max(ratios, key=ratios.get)
        out[code] = {"pages": len(ratios), "median_ratio": statistics.median(ratios.values()),
                     "median_wire_ratio": statistics.median(wire.values()),
                     "heaviest": heaviest, "heaviest_ratio": ratios[heaviest], "heaviest_wire_ratio": wire[heaviest],
                     "over_10_percent": sorted(rel for rel, r in ratios.items() if r > 1.10), "ratios": ratios}
    return out


if __name__ == "__main__":
    sys.exit("run through bench/run.py --only-editions")
