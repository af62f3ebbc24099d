"""Issue 12, part 1 in Debian's Chromium: the comparison of Mexico's and the White House's
accounts of the February 2024 visit, on a desktop (columns side by side) and on a phone (one
account under the other, each paragraph labelled with its government). Screenshots for a
reviewer go to var/screenshots/ (ignored by git)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def compare_path(seeded_archive):
    (meeting,) = set(seeded_archive["002"].meetings.all()) & set(
        seeded_archive["004"].meetings.all()
    )
    return meeting.get_absolute_url()


def committee_row(page):
    row = page.locator("[data-compare-row]").filter(has_text="third meeting of the Trilateral")
    expect(row).to_have_count(1)
    return row


def test_on_a_desktop_the_accounts_are_columns(page, live_server, compare_path, screenshot_dir):
    page.goto(live_server.url + compare_path)
    page.locator("[data-compare-link]").first.click()
    page.wait_for_url("**/compare/")
    expect(page.locator("h1")).to_have_text("The governments’ accounts side by side")
    expect(page.locator("[data-compare-differences]")).to_contain_text(
        "Mexico calls it the third meeting of the Trilateral Fentanyl Committee; the United "
        "States calls it the fourth"
    )
    row = committee_row(page)
    mexico = row.locator('.compare-cell[data-side="MX"]').bounding_box()
    united_states = row.locator('.compare-cell[data-side="US"]').bounding_box()
    # Side by side: the same top, Mexico on the left, neither overlapping the other.
    assert abs(mexico["y"] - united_states["y"]) < 2
    assert mexico["x"] + mexico["width"] <= united_states["x"]
    expect(row.locator('.compare-cell[data-side="US"]')).to_contain_text("fourth meeting")
    page.screenshot(path=str(screenshot_dir / "compare-desktop.png"), full_page=True)
    # The texts are one click away.
    row.locator('.compare-cell[data-side="US"] a').click()
    expect(page.locator("h1")).to_contain_text("Readout of Homeland Security Advisor")


def test_on_a_phone_the_accounts_stack(browser, live_server, compare_path, screenshot_dir):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(live_server.url + compare_path + "compare/")
        row = committee_row(page)
        mexico = row.locator('.compare-cell[data-side="MX"]')
        united_states = row.locator('.compare-cell[data-side="US"]')
        # One under the other, each saying whose account it is.
        assert mexico.bounding_box()["y"] + 10 < united_states.bounding_box()["y"]
        expect(mexico.locator(".compare-cell__side")).to_have_text("Mexico")
        expect(united_states.locator(".compare-cell__side")).to_have_text("United States")
        # Nothing is wider than the screen.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], width
        row.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot_dir / "compare-phone.png"), full_page=False)
        page.screenshot(path=str(screenshot_dir / "compare-phone-full.png"), full_page=True)
    finally:
        context.close()
