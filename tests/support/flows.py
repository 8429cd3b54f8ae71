"""What a member does on the book's pages, as a phone user would (taps): answer an
exercise of every kind, flag a paragraph, export the answer file. Shared by the group
layer's tests and the keeping tests."""

from __future__ import annotations

from pathlib import Path

from helpers import kept, open_kept


def answer_every_kind(page, built) -> None:
    """One exercise of each kind on the Tishreen page, and the ledger on Solidarity's."""
    open_kept(page, (built / "exercises" / "tishreen.html").as_uri())
    choice = page.locator('[data-exercise="tishreen-who-protested"]')
    choice.locator(".prt-ex-body label").first.tap()
    choice.get_by_role("button", name="Check").tap()
    order = page.locator('[data-exercise="tishreen-order-events"]')
    order.locator(".prt-down").first.tap()
    match = page.locator('[data-exercise="tishreen-match-terms"]')
    match.locator(".prt-match-select").first.select_option(index=1)
    match.get_by_role("button", name="Check").tap()
    short = page.locator('[data-exercise="tishreen-why-not-win"]')
    short.locator("textarea").fill("It lacked organisation and a program that linked demands to power.")
    short.locator(".prt-tick").first.tap()
    bridge = page.locator('[data-exercise="tishreen-bridge"]')
    bridge.locator("select").select_option(index=1)
    for step in ("immediate", "transitional", "goal"):
        bridge.locator(f'textarea[data-step="{step}"]').fill(f"our {step} demand here")
    passage = page.locator('[data-exercise="tishreen-passage-not-weak"]')
    passage.locator(".prt-passage-text").nth(1).tap()  # the ¶ itself is the target, not only its radio
    passage.get_by_role("button", name="Check").tap()
    discussion = page.locator('[data-exercise="tishreen-our-situation"]')
    discussion.locator("textarea").fill("Water cuts matter most here.")
    discussion.get_by_role("button", name="Save notes").tap()
    kept(page)
    open_kept(page, (built / "exercises" / "solidarity.html").as_uri())
    ledger = page.locator('.prt-exercise[data-kind="ledger"]')
    ledger.locator(".prt-l-day").fill("2026-07-14")
    ledger.locator(".prt-l-minutes").fill("90")
    ledger.get_by_role("button", name="Add entry").tap()
    kept(page)


def _choose_flag(page, built, chapter: str, n: int, which: str):
    """Open ¶n's flag form on a chapter and tap one kind of flag; returns the form."""
    open_kept(page, (built / "chapters" / f"{chapter}.html").as_uri())
    button = page.get_by_role("button", name=f"Flag or note ¶{n}", exact=True)
    button.scroll_into_view_if_needed()
    button.tap()
    form = page.get_by_role("form", name=f"Your flag or note on ¶{n}")
    form.get_by_role("button", name=which).tap()
    return form


def flag(page, built, chapter: str, n: int, which: str, note: str = "") -> None:
    form = _choose_flag(page, built, chapter, n, which)
    if note:
        form.get_by_label("Note (kept on this device)").fill(note)
    form.get_by_role("button", name="Save").tap()
    assert which in page.locator(f"#p{n} .prt-flag-badge").inner_text()
    kept(page)


def flag_and_close(page, built, chapter: str, n: int, which: str) -> None:
    """Choose a flag and leave with Close (no Save), as a member in a hurry does."""
    form = _choose_flag(page, built, chapter, n, which)
    form.get_by_role("button", name="Close").tap()
    assert not form.count()
    kept(page)


def export(page, built, pseudonym: str, tmp: Path, private: bool = False) -> Path:
    """My answers' send step: a pseudonym, private notes only if asked, then the file
    (headless Chromium has no share menu for files: a download)."""
    open_kept(page, (built / "my-answers.html").as_uri())
    page.get_by_label("Pseudonym").fill(pseudonym)
    if private:
        page.get_by_label("Include my private notes (discussion exercises)").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Save the file").tap()
    path = tmp / info.value.suggested_filename
    info.value.save_as(path)
    return path
