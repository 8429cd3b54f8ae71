"""The glossary: every term resolves, back-links are generated and right, Arabic reads RTL."""

from __future__ import annotations


from helpers import reload_kept

from book.course.load import course


def test_definition_opens_by_keyboard_in_place(browser, built):
    page = browser.new_page()
    url = f"{built.as_uri()}/chapters/tishreen.html"
    page.goto(url)
    link = page.locator('a.prt-term[href$="#term-muhasasa"]').first
    link.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name=link.inner_text().strip())
    assert panel.is_visible() and course().terms["muhasasa"].definition in panel.inner_text()
    assert link.get_attribute("aria-expanded") == "true" and page.url == url
    page.keyboard.press("Escape")
    assert not panel.is_visible() and link.get_attribute("aria-expanded") == "false"
    page.close()


def test_static_flashcards_turn_and_remember(browser, built):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{built.as_uri()}/flashcards.html")
    box = page.locator(".prt-flashcards")
    box.locator(".prt-deck").select_option(label=f"Tishreen (Iraq) ({len(__import__('book.glossary', fromlist=['x']).decks()['Tishreen (Iraq)'])})")
    assert not box.locator(".prt-card-definition").is_visible()
    box.get_by_role("button", name="Show definition").click()
    assert box.locator(".prt-card-definition").is_visible()
    box.get_by_role("button", name="I knew it").click()
    assert "Known 1 of" in box.locator(".prt-card-progress").inner_text()
    reload_kept(page)
    page.locator(".prt-deck").select_option(index=1)
    assert "Known 1 of" in page.locator(".prt-card-progress").inner_text()
    context.close()


