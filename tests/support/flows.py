"""What a member does on the book's pages, as a phone user would (taps): answer an
exercise of every kind, flag a paragraph, export the answer file. Shared by the group
layer's tests, the keeping tests and the editions' (each step in the edition ``code``'s
own words, from its catalog: a button is found by what a reader of that edition reads)."""

from __future__ import annotations

from pathlib import Path

from book.course import language
from book.course.strings import catalog
from helpers import kept, open_kept


def _edition(built: Path, code: str) -> tuple[Path, object]:
    """The edition's root in the built site and its words (``t``)."""
    return built / language.edition_prefix(code), catalog(code).t


def answer_every_kind(page, built, code: str = language.SOURCE) -> None:
    """One exercise of each kind on the Tishreen page, and the ledger on Solidarity's."""
    root, t = _edition(built, code)
    open_kept(page, (root / "exercises" / "tishreen.html").as_uri())
    choice = page.locator('[data-exercise="tishreen-who-protested"]')
    choice.locator(".prt-ex-body label").first.tap()
    choice.get_by_role("button", name=t("exercise.check")).tap()
    order = page.locator('[data-exercise="tishreen-order-events"]')
    order.locator(".prt-down").first.tap()
    match = page.locator('[data-exercise="tishreen-match-terms"]')
    match.locator(".prt-match-select").first.select_option(index=1)
    match.get_by_role("button", name=t("exercise.check")).tap()
    short = page.locator('[data-exercise="tishreen-why-not-win"]')
    short.locator("textarea").fill("It lacked organisation and a program that linked demands to power.")
    short.locator(".prt-tick").first.tap()
    bridge = page.locator('[data-exercise="tishreen-bridge"]')
    bridge.locator("select").select_option(index=1)
    for step in ("immediate", "transitional", "goal"):
        bridge.locator(f'textarea[data-step="{step}"]').fill(f"our {step} demand here")
    passage = page.locator('[data-exercise="tishreen-passage-not-weak"]')
    passage.locator(".prt-passage-text").nth(1).tap()  # the ¶ itself is the target, not only its radio
    passage.get_by_role("button", name=t("exercise.check")).tap()
    discussion = page.locator('[data-exercise="tishreen-our-situation"]')
    discussion.locator("textarea").fill("Water cuts matter most here.")
    discussion.get_by_role("button", name=t("exercise.save_notes")).tap()
    kept(page)
    open_kept(page, (root / "exercises" / "solidarity.html").as_uri())
    ledger = page.locator('.prt-exercise[data-kind="ledger"]')
    ledger.locator(".prt-l-day").fill("2026-07-14")
    ledger.locator(".prt-l-minutes").fill("90")
    ledger.get_by_role("button", name=t("exercise.add_entry")).tap()
    kept(page)


def _choose_flag(page, built, chapter: str, n: int, which: str, code: str):
    """Open ¶n's flag form on a chapter and tap one kind of flag; returns the form."""
    root, t = _edition(built, code)
    open_kept(page, (root / "chapters" / f"{chapter}.html").as_uri())
    button = page.get_by_role("button", name=t("flags.open", n=n), exact=True)
    button.scroll_into_view_if_needed()
    button.tap()
    form = page.get_by_role("form", name=t("flags.form", n=n))
    form.get_by_role("button", name=which).tap()
    return form


def flag(page, built, chapter: str, n: int, which: str, note: str = "", code: str = language.SOURCE) -> None:
    t = catalog(code).t
    form = _choose_flag(page, built, chapter, n, which, code)
    if note:
        form.get_by_label(t("flags.note")).fill(note)
    form.get_by_role("button", name=t("flags.save")).tap()
    assert which in page.locator(f"#p{n} .prt-flag-badge").inner_text()
    kept(page)


def flag_and_close(page, built, chapter: str, n: int, which: str, code: str = language.SOURCE) -> None:
    """Choose a flag and leave with Close (no Save), as a member in a hurry does."""
    form = _choose_flag(page, built, chapter, n, which, code)
    form.get_by_role("button", name=catalog(code).t("common.close")).tap()
    assert not form.count()
    kept(page)


def export(page, built, pseudonym: str, tmp: Path, private: bool = False, code: str = language.SOURCE) -> Path:
    """My answers' send step: a pseudonym, private notes only if asked, then the file
    (headless Chromium has no share menu for files: a download)."""
    root, t = _edition(built, code)
    open_kept(page, (root / "my-answers.html").as_uri())
    page.get_by_label(t("my_answers.pseudonym")).fill(pseudonym)
    if private:
        page.get_by_label(t("my_answers.private")).check()
    with page.expect_download() as info:
        page.get_by_role("button", name=t("my_answers.save_file")).tap()
    path = tmp / info.value.suggested_filename
    info.value.save_as(path)
    return path
