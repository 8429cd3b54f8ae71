"""The command line the Makefile calls: ``prt validate``, ``prt notebooks``.

Thin on purpose: each command is one call into the package.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import unchanged


def _validate(root: Path) -> int:
    """The whole course checked; at the checkout's root, only when anything it reads
    changed since it last passed (a no-change ``make html``)."""
    if root.resolve() == unchanged.ROOT:
        return unchanged.when_changed("validate", lambda: _check(root))
    return _check(root)


def _check(root: Path) -> int:
    from .course.checks import check_book
    from .course.load import DataError, load_course, load_timeline_extras
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


def _edition(codes: list[str]) -> int:
    """Each edition in another language (all of them when none is named), one process each
    and only when anything it reads changed: the language setting is the process's, and
    its kernels inherit it. The editions build at the same time (most of a cold build is
    kernels executing notebooks, waiting more than working), each into its own log,
    _build/editions/<code>.log, which is printed when its build fails."""
    import os
    import subprocess
    from concurrent.futures import ThreadPoolExecutor
    from .course import language

    if len(codes) == 1:
        from . import i18n
        return i18n.build_edition(codes[0])

    def build(code: str) -> int:
        log = unchanged.BUILD / "editions" / f"{code}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        name = f"the {language.LANGUAGES[code].name} edition (_build/html/{language.edition_prefix(code)})"

        def run() -> int:
            print(f"==> {name}: building (log: {log.relative_to(unchanged.ROOT)})", flush=True)
            with log.open("w", encoding="utf-8") as out:
                result = subprocess.call([sys.executable, "-m", "book.cli", "edition", code], stdout=out,
                                         stderr=subprocess.STDOUT, env={**os.environ, language.ENV: code})
            if result:
                print(f"==> {name} failed; the end of its log:\n" +
                      "\n".join(log.read_text(encoding="utf-8").splitlines()[-60:]), flush=True)
            else:
                print(f"==> {name}: built", flush=True)
            return result

        return unchanged.when_changed(code, run)

    wanted = codes or language.translations()
    with ThreadPoolExecutor(max_workers=len(wanted)) as pool:
        return 1 if any(list(pool.map(build, wanted))) else 0


def _english() -> int:
    """The English edition, ``_build/html/`` (warnings are errors), only when anything it
    reads changed."""
    import subprocess

    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    return unchanged.when_changed("en", lambda: subprocess.call(
        [str(jupyter_book), "build", str(unchanged.ROOT), "--builder", "html", "--warningiserror", "--keep-going"],
        cwd=unchanged.ROOT))


def _translations() -> int:
    """Every language's .po in step with the English pages, data and words; then the lint."""
    from . import i18n
    from .course import language

    if i18n.extract_pages():
        return 1
    i18n.extract_data(i18n.ROOT / i18n.GETTEXT_DIR)
    updated = i18n.update(language.translations(), i18n.ROOT / i18n.GETTEXT_DIR)
    print(f"updated {len(updated)} catalogs under {language.LOCALE_DIR.relative_to(i18n.ROOT)}/")
    return _lint_translations()


def _lint_translations() -> int:
    from . import i18n

    problems = i18n.lint()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} translation problem(s)" if problems else "translations keep every role, link and break")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="prt", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="load and check all course data, and the pages' ¶ references")
    check.add_argument("--root", type=Path, default=Path("."), help="the book's folder (_toc.yml)")
    sub.add_parser("notebooks", help="regenerate and execute the exercise notebooks")
    sub.add_parser("zip", help="zip the built book (_build/html) for passing on")
    sub.add_parser("handouts", help="article handouts, session sheets, the whole-book PDF (WeasyPrint)")
    sub.add_parser("facilitator", help="write the facilitator edition beside the built book")
    edition = sub.add_parser("edition", help="build the edition in another language into _build/html/<code>/")
    edition.add_argument("codes", nargs="*", help="languages of book/course/language.py LANGUAGES (es); all by default")
    sub.add_parser("english", help="build the English edition into _build/html/ when anything it reads changed")
    sub.add_parser("translations", help="update every .po under locale/ from the English, then lint them")
    sub.add_parser("lint-translations", help="refuse translations that drop a {term}, a ¶ reference or a break")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.root)
    if args.command == "edition":
        return _edition(args.codes)
    if args.command == "translations":
        return _translations()
    if args.command == "lint-translations":
        return _lint_translations()
    commands = {"english": _english, "notebooks": _notebooks, "zip": _zip, "handouts": _handouts, "facilitator": _facilitator}
    return commands[args.command]()


if __name__ == "__main__":
    raise SystemExit(main())
