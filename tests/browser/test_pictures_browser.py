"""Issue 12 §3 in Debian's Chromium: the search page's picture of results over time, whose bars
narrow the search, and the pictures of an official's and a topic's pages. Screenshots go to
var/screenshots/ (ignored by git)."""

import re

import pytest
from playwright.sync_api import expect

from statements.models import Participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clicking_a_month_bar_lands_on_the_narrowed_search(
    page, seeded_archive, live_server, screenshot_dir
):
    page.goto(live_server.url + "/search/")
    picture = page.locator('[data-chart="months"] svg')
    expect(picture).to_be_visible()
    assert picture.bounding_box()["width"] > 200
    bar = page.locator('[data-chart-bar="Feb 2024"]')
    expect(bar).to_have_attribute("aria-label", "Feb 2024: 2 statements")
    # The text equivalent is there for a screen reader, behind a disclosure for the eye.
    expect(
        page.locator('[data-chart="months"] table th[scope="row"]', has_text="Feb 2024")
    ).to_have_count(1)
    page.screenshot(path=str(screenshot_dir / "pictures-search.png"), full_page=False)
    bar.click()
    page.wait_for_url(re.compile(r"date_from=2024-02-01&date_to=2024-02-29"))
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^2 statements"))
    expect(page.locator(".chip--chosen", has_text="From 2024-02-01")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "pictures-search-narrowed.png"), full_page=False)


def test_a_bar_is_reachable_by_keyboard(page, seeded_archive, live_server):
    page.goto(live_server.url + "/search/")
    bar = page.locator('[data-chart-bar="Jul 2023"]')
    bar.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"date_from=2023-07-01&date_to=2023-07-31"))
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^2 statements"))


def test_official_and_topic_pictures(page, seeded_archive, live_server, screenshot_dir):
    official = Participant.objects.get(slug="elizabeth-sherwood-randall")
    page.goto(live_server.url + official.get_absolute_url())
    expect(page.locator('[data-chart="meetings"] svg')).to_be_visible()
    met = page.locator('[data-chart="met"] svg')
    expect(met).to_be_visible()
    page.locator('[data-chart="met"]').screenshot(
        path=str(screenshot_dir / "pictures-official-met.png")
    )
    page.goto(live_server.url + "/topics/arms-trafficking/")
    topic = page.locator('[data-chart="topic"]')
    expect(topic.locator("svg")).to_be_visible()
    topic.screenshot(path=str(screenshot_dir / "pictures-topic.png"))
    topic.locator('[data-chart-bar="2023"]').click()
    page.wait_for_url(re.compile(r"/search/\?topic=arms-trafficking&year=2023"))
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^2 statements"))
