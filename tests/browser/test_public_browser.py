"""Issue 13 in Debian's Chromium: the search page on a phone and by keyboard, and a statement page
on screen and on paper. Screenshots for a reviewer go to var/screenshots/ (ignored by git)."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from statements.models import Statement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site(seeded_archive, live_server):
    assert Statement.objects.published().count() == 5
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return live_server.url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def top(locator):
    return locator.bounding_box()["y"]


def test_on_a_phone_results_come_first_and_filters_are_a_drawer(phone, site):
    phone.goto(site + "/search/")
    results = phone.locator(".search-results article")
    assert results.count() == 5
    # The first result, and most of the second, are on the first screen.
    assert top(results.nth(0)) + 60 < PHONE["height"]
    assert top(results.nth(1)) < PHONE["height"]
    phone.screenshot(path=str(SCREENSHOTS / "search-phone.png"), full_page=False)
    # Results are compact: none fills the screen.
    heights = [results.nth(i).bounding_box()["height"] for i in range(5)]
    assert max(heights) < PHONE["height"] / 2, heights
    # The header keeps its top padding on a phone.
    padding = phone.locator(".site-header__inner").evaluate(
        "el => parseFloat(getComputedStyle(el).paddingTop)"
    )
    assert padding >= 8
    # Facets are behind the Filters button, which is above the results.
    toggle = phone.locator(".search-filters__toggle")
    expect(toggle).to_be_visible()
    assert top(toggle) < top(results.nth(0))
    facet = phone.locator('[data-facet="topic"] .facet__value').first
    expect(facet).to_be_hidden()
    toggle.click()
    expect(facet).to_be_visible()
    assert top(facet) < 2 * PHONE["height"]  # not 3,200 px down
    phone.screenshot(path=str(SCREENSHOTS / "search-phone-filters.png"), full_page=False)
    # Choosing a facet keeps the drawer open and focus on the value just chosen.
    label = facet.locator(".facet__label").inner_text()
    facet.click()
    phone.wait_for_url("**topic=**")
    chosen = phone.locator('[data-facet="topic"] .facet__value--chosen')
    expect(chosen).to_be_focused()
    expect(chosen.locator(".facet__label")).to_have_text(label)
    expect(phone.locator("[data-filters]")).to_have_attribute("open", "")


def test_the_filters_drawer_works_without_javascript(phone_without_js, site):
    page = phone_without_js
    page.goto(site + "/search/")
    results = page.locator(".search-results article")
    assert top(results.nth(0)) + 60 < PHONE["height"]
    facet = page.locator('[data-facet="kind"] .facet__value').first
    expect(facet).to_be_hidden()
    page.locator(".search-filters__toggle").click()
    expect(facet).to_be_visible()
    facet.click()
    page.wait_for_url("**kind=**")
    assert page.locator(".chip--chosen").count() == 1


def test_search_by_keyboard(page, site):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(site + "/search/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to results")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to filters")
    page.keyboard.press("Enter")
    # On a wide screen the filters are open and the first control has focus.
    expect(page.locator("[data-filters]")).to_have_attribute("open", "")
    expect(page.locator("#search-date-from")).to_be_focused()
    presses = 0
    while not page.evaluate("document.activeElement.matches('[data-facet] a')"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses < 10, "the first facet is a few Tab presses from the skip link"
    focused = page.locator(":focus")
    value = focused.get_attribute("data-value")
    facet = focused.evaluate("el => el.closest('[data-facet]').dataset.facet")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{facet}=**")
    again = page.locator(f'[data-facet="{facet}"] a[data-value="{value}"]')
    expect(again).to_be_focused()
    expect(again).to_have_attribute("aria-current", "true")
    # …and the new count is announced without moving focus.
    count = page.locator(".result-count").inner_text()
    expect(page.locator("[data-search-status]")).to_have_text(count)
    # Skip to results lands on the results.
    page.goto(site + "/search/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to results")
    page.keyboard.press("Enter")
    expect(page.locator("#results")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#results') !== null")


def test_a_statement_page_on_screen_and_on_paper(browser, site, seeded_archive):
    statement = seeded_archive["001"]  # undated: dated by its meeting
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(site + statement.get_absolute_url())
    expect(page.locator("[data-statement-date]")).to_contain_text(
        "Date not stated in the document; on or about 24 July 2023"
    )
    expect(page.locator("main")).not_to_contain_text(statement.source_file)
    page.screenshot(path=str(SCREENSHOTS / "statement.png"), full_page=True)
    page.emulate_media(media="print")
    site_name = page.locator(".print-site")
    expect(site_name).to_be_visible()
    expect(site_name).to_contain_text("Bilateral Statements Archive")
    citation = page.locator(".citation-print")
    expect(citation).to_be_visible()
    expect(page.locator("#citation-text")).to_be_hidden()
    expect(citation).to_contain_text("Bilateral Statements Archive")
    assert citation.evaluate("el => el.scrollWidth <= el.clientWidth")  # not cut
    body = page.locator(".statement-body").bounding_box()["width"]
    main = page.locator("main").bounding_box()["width"]
    assert body > 0.9 * main, (body, main)  # full width, not half
    page.pdf(path=str(SCREENSHOTS / "statement.pdf"))
    context.close()
    phone = browser.new_context(viewport=PHONE)
    page = phone.new_page()
    page.goto(site + statement.get_absolute_url())
    page.screenshot(path=str(SCREENSHOTS / "statement-phone.png"), full_page=False)
    phone.close()


def test_a_wide_screen_shows_the_filters_beside_the_results_without_javascript(browser, site):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(site + "/search/")
    facet = page.locator('[data-facet="official"] .facet__value').first
    expect(facet).to_be_visible()
    expect(page.locator(".search-filters__toggle")).to_be_hidden()
    results = page.locator(".search-results").bounding_box()
    filters = page.locator(".search-facets").bounding_box()
    assert filters["x"] > results["x"] + results["width"] - 1  # a side column
    assert filters["y"] < 900  # on the first screen
    context.close()
