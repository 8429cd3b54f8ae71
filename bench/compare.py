"""Every page of the book before and after the lighter pages (issue 17), pixel for pixel:
phone and laptop, light and dark, the whole page, with tests/support/screens.py's shots.

Before is the heavy build (the theme's stylesheets and icon font as shipped), after is
today's; both are served by one plain server each. A pair that differs is saved side by
side in bench/tmp/differ/ with the box that differs and its largest channel difference.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PIL import ImageChops

from common import ROOT, WORK

sys.path.insert(0, str(ROOT / "tests" / "support"))
from screens import MODES, PROFILES, difference, save_pair, shot  # noqa: E402

from measure import serve  # noqa: E402

SKIP = ("_static", "pocket")


def pages(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html")
                  if p.relative_to(folder).parts[0] not in SKIP)


def compare(browser, before: Path, after: Path) -> dict[str, object]:
    """{"pairs": n, "differ": [{page, profile, mode, box, max}]} over every page."""
    old, old_base = serve(before)
    new, new_base = serve(after)
    differ = []
    try:
        for rel in pages(after):
            for profile in PROFILES:
                for mode in MODES:
                    a = shot(browser, old_base, rel, profile, mode)
                    b = shot(browser, new_base, rel, profile, mode)
                    box = difference(a, b)
                    if box is not None:
                        worst = max(ImageChops.difference(a, b).convert("L").getextrema()) if a.size == b.size else 255
                        path = save_pair(WORK / "differ", re.sub(r"\W+", "-", f"{rel}-{profile}-{mode}"), a, b)
                        differ.append({"page": rel, "profile": profile, "mode": mode, "box": box, "max": worst,
                                       "image": str(path.relative_to(ROOT))})
    finally:
        old.shutdown()
        new.shutdown()
    return {"pairs": len(pages(after)) * len(PROFILES) * len(MODES), "differ": differ}
