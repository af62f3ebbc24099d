"""Issue 12 §4 in Debian's Chromium: the autocomplete combobox by keyboard, as a screen reader
sees it, and the search boxes without JavaScript."""

import pytest
from playwright.sync_api import expect

from statements.models import Statement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(seeded_archive, live_server):
    assert Statement.objects.published().count() == 5
    return live_server.url


def test_the_combobox_works_by_keyboard(page, site, screenshot_dir):
    page.goto(site + "/")
    box = page.locator("#home-search-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    expect(listbox).to_have_attribute("role", "listbox")
    box.focus()
    page.keyboard.type("sherw")
    options = listbox.locator('[role="option"]')
    expect(options).to_have_count(1)
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(options.first).to_contain_text("Elizabeth Sherwood-Randall")
    status = page.locator("#home-search-q-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text("1 suggestion")
    # Down chooses the option (focus stays in the box); Escape closes the list.
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    expect(box).to_be_focused()
    page.screenshot(path=str(screenshot_dir / "suggest-combobox.png"))
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    expect(box).not_to_have_attribute("aria-activedescendant", "")
    # Down opens it again; Enter on the chosen option goes to the official's page.
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/officials/elizabeth-sherwood-randall/")


def test_up_down_wrap_and_enter_without_a_choice_searches(page, site):
    page.goto(site + "/search/")
    box = page.locator("#search-q")
    box.focus()
    page.keyboard.type("me")  # an official and meetings
    options = page.locator("#search-q-suggestions [role=option]")
    expect(options.first).to_be_visible()
    count = options.count()
    assert 1 < count <= 8
    expect(page.locator("#search-q-status")).to_contain_text(f"{count} suggestions")
    page.keyboard.press("ArrowUp")  # from the box, Up goes to the last option
    expect(options.nth(count - 1)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")  # past the last: round to the first
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(page.locator("#search-q-suggestions [aria-selected=true]")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(page.locator("#search-q-suggestions")).to_be_hidden()
    # Enter with nothing chosen searches the words typed.
    box.fill("fentanil")
    page.keyboard.press("Enter")
    expect(page.locator("[data-did-you-mean]")).to_contain_text("Did you mean fentanyl?")
    page.locator("[data-did-you-mean] a").click()
    page.wait_for_url("**/search/?q=fentanyl")
    expect(page.locator(".search-results article").first).to_be_visible()


def test_without_javascript_the_boxes_are_plain_search_fields(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "/")
        box = page.locator("#home-search-q")
        assert box.get_attribute("role") is None
        box.fill("fentanyl")
        box.press("Enter")
        page.wait_for_url("**/search/?q=fentanyl")
        expect(page.locator(".search-results article").first).to_be_visible()
    finally:
        context.close()
