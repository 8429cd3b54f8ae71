"""The command line the Makefile calls: ``prt validate``, ``prt notebooks``.

Thin on purpose: each command is one call into the package.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .course.load import DataError, load_course, load_timeline_extras


def _validate(root: Path) -> int:
    from .course.checks import check_book
    from .course.sources import check
    from .course.strings import StringsError, catalog

    try:
        words = catalog()
        data = load_course()
        extras = load_timeline_extras(events=data.events)
        problems = check_book(data, root)
        if problems:
            raise DataError(problems)
        check(root=root)
    except (DataError, StringsError) as err:
        print(err, file=sys.stderr)
        return 1
    print(
        f"course data OK: {len(data.articles)} articles, {len(data.events)} events, "
        f"{len(data.terms)} terms, {len(data.exercises)} exercises, {len(extras.periods)} periods, "
        f"{len(extras.labels)} short labels, {len(words.texts)} reader-facing strings; every ¶ reference resolves"
    )
    return 0


def _notebooks() -> int:
    from .notebooks.build import write_notebooks

    for path in write_notebooks():
        print(f"wrote {path}")
    return 0


def _zip() -> int:
    from .editions.site_zip import zip_site

    path = zip_site()
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def _handouts() -> int:
    from .editions.handouts import describe, print_handouts

    written = print_handouts()
    for path in written:
        print(f"wrote {path} ({describe(path)})")
    if not written:
        print("handouts up to date: they, the built pages and book/ are as they were when they were made")
    return 0


def _facilitator() -> int:
    from .editions.facilitator import build
    from .editions.handouts import describe

    root = Path(__file__).resolve().parent.parent / "_build"
    pages, sheets = build(root / "html", root / "facilitator")
    for path in sheets:
        print(f"wrote {path} ({describe(path)})")
    if not sheets:
        print("facilitator edition up to date: it, the readers' book and book/ are as they were when it was made")
        return 0
    print(f"wrote {root / 'facilitator'} ({pages} pages; open group.html for the group's answers)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="prt", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="load and check all course data, and the pages' ¶ references")
    check.add_argument("--root", type=Path, default=Path("."), help="the book's folder (_toc.yml)")
    sub.add_parser("notebooks", help="regenerate and execute the exercise notebooks")
    sub.add_parser("zip", help="zip the built book (_build/html) for passing on")
    sub.add_parser("handouts", help="article handouts, session sheets, the whole-book PDF (WeasyPrint)")
    sub.add_parser("facilitator", help="write the facilitator edition beside the built book")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.root)
    commands = {"notebooks": _notebooks, "zip": _zip, "handouts": _handouts, "facilitator": _facilitator}
    return commands[args.command]()


if __name__ == "__main__":
    raise SystemExit(main())
