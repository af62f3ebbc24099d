"""The main navigation in Debian's Chromium: five sections on one row on a phone (a second row
would push the first search result below the screen), and each link leads to its page."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTIONS = {
    "Officials": "Officials",
    "Meetings": "Meetings",
    "Commitments": "Commitments over time",
    "Topics": "Topics",
    "Search": "Search the statements",
}


@pytest.mark.parametrize("width", [375, 390, 1200])
def test_the_sections_share_one_row(browser, seeded_archive, live_server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/search/")
        links = page.locator(".site-nav a")
        assert links.all_inner_texts() == list(SECTIONS)
        rows = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
        assert len(rows) == 1, f"the nav wraps at {width}px"
    finally:
        context.close()


def test_each_section_link_opens_its_page(page, seeded_archive, live_server):
    page.goto(live_server.url + "/")
    for label, heading in SECTIONS.items():
        page.locator(".site-nav").get_by_role("link", name=label, exact=True).click()
        expect(page.locator("h1")).to_have_text(heading)
        expect(page.locator(".site-nav [aria-current=page]")).to_have_text(label)
