"""Where the JavaScript the built book ships comes from: installed packages, never a CDN.

plotly.js is plotly's *basic* bundle from npm (book/vendor, pinned by package-lock.json):
scatter and bar are all the book draws, and the basic bundle is a quarter the size of the
full one in the Python package, which matters on a phone over a slow link.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

VENDOR_DIR = Path(__file__).parents[1] / "vendor"
PLOTLY_PACKAGE = VENDOR_DIR / "node_modules" / "plotly.js-basic-dist-min"
#: Where the built book keeps it, relative to _static/.
PLOTLY_STATIC = "vendor/plotly.min.js"


def plotly_js_path() -> Path:
    """The bundle to copy; a missing install fails the build with the command that fixes it."""
    path = PLOTLY_PACKAGE / "plotly-basic.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run `make vendor` (npm ci in {VENDOR_DIR})")
    return path


def plotly_js_version(path: Path) -> str:
    """The version in a plotly.js bundle's banner, e.g. ``4.1.1``."""
    head = path.read_text(encoding="utf-8", errors="replace")[:400]
    found = re.search(r"plotly\.js (?:\([^)]*\) )?v(\d+\.\d+\.\d+)", head)
    if not found:
        raise ValueError(f"{path}: no plotly.js version in its banner")
    return found.group(1)


def pinned_plotly_version() -> str:
    """What book/vendor/package.json asks for (the lock file pins the same)."""
    package = json.loads((VENDOR_DIR / "package.json").read_text(encoding="utf-8"))
    return package["dependencies"]["plotly.js-basic-dist-min"]


def plotly_js_megabytes() -> float:
    return plotly_js_path().stat().st_size / 1e6


#: The exercise kinds' browser half: book/static/kinds/ holds the registry and one file per
#: kind; the built book and the room serve them as this one script, so a page makes one
#: request for every kind, not one each.
KINDS_DIR = Path(__file__).parents[1] / "static" / "kinds"
KINDS_SCRIPT = "kinds.js"
KINDS_REGISTRY = "registry.js"


def kinds_files() -> list[Path]:
    """The registry first (each kind's file registers into it), then every kind by name."""
    return sorted(KINDS_DIR.glob("*.js"), key=lambda p: (p.name != KINDS_REGISTRY, p.name))


def kinds_script() -> str:
    """KINDS_SCRIPT: the files of kinds_files() one after the other, each under its name."""
    return "".join(f"/* kinds/{p.name} */\n{p.read_text(encoding='utf-8').rstrip()}\n" for p in kinds_files())
