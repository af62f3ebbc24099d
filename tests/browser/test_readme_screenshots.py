"""The README's pictures, taken in Debian's Chromium over the five seed documents.

Each shot is saved under var/screenshots/ (ignored by git), checked for what it must show, and
copied over its picture in docs/ only under `make screenshots` (UPDATE_README_SCREENSHOT=1):
tests never modify tracked files. Playwright cannot compress a PNG, so the pictures stay small
by their size: one 1200×800 screen each, at one device pixel per CSS pixel.
"""

import os
import shutil

import pytest
from playwright.sync_api import expect

from statements.models import Participant
from tests.conftest import README_SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORT = {"width": 1200, "height": 800}
MAX_BYTES = 350_000  # each; the four stay under 1.5 MB together


@pytest.fixture
def screen(browser):
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()


def show_search(page, site, seeds):
    """The search page: results with their marks, facets and the picture of results per month."""
    page.goto(site + "/search/?q=fentanyl")
    expect(page.locator(".search-results")).to_be_visible()
    chart = page.locator("[data-chart] svg").first
    expect(chart).to_be_visible()
    return [chart]


def show_compare(page, site, seeds):
    """Mexico's and the White House's accounts of the February 2024 visit: the two columns, where
    they differ (third vs fourth committee meeting) and what each names that the other does not."""
    (meeting,) = set(seeds["002"].meetings.all()) & set(seeds["004"].meetings.all())
    page.goto(site + meeting.get_absolute_url())
    page.locator("[data-compare-link]").first.click()
    expect(page.locator("h1")).to_have_text("The governments’ accounts side by side")
    differences = page.locator("[data-compare-differences]")
    expect(differences).to_contain_text("third meeting")
    return [
        page.locator('section[data-side="MX"]'),
        page.locator('section[data-side="US"]'),
        differences,
    ]


def show_commitments(page, site, seeds):
    """/commitments/: threads, each with when it was first made and every later mention."""
    page.goto(site + "/commitments/")
    threads = page.locator("ol.threads > li")
    restated = threads.filter(has_text="stated again").first
    expect(restated).to_be_visible()
    # Start the screen at the list, below the filters.
    top = page.locator("ol.threads").bounding_box()["y"] - 60
    page.evaluate("y => window.scrollTo(0, y)", top)
    return [threads.first, restated]


def show_official(page, site, seeds):
    """An official's meetings on a timeline, and who they met, counterparts first."""
    official = Participant.objects.get(slug="elizabeth-sherwood-randall")
    page.goto(site + official.get_absolute_url())
    timeline = page.locator('[data-chart="meetings"] svg')
    expect(timeline).to_be_visible()
    counterparts = page.locator("section[aria-labelledby=met-title]")
    expect(counterparts).to_contain_text("Counterparts")
    return [timeline, counterparts.locator("h2")]


SHOTS = {
    "search": show_search,
    "compare": show_compare,
    "commitments": show_commitments,
    "official": show_official,
}


@pytest.mark.parametrize("name", sorted(SHOTS))
def test_screenshot_for_the_readme(screen, seeded_archive, live_server, screenshot_dir, name):
    assert set(SHOTS) == set(README_SCREENSHOTS)
    shown = SHOTS[name](screen, live_server.url, seeded_archive)
    for locator in shown:
        box = locator.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + min(box["height"], 100) <= VIEWPORT["height"], (
            f"{name}: {locator} is off the screen"
        )
    shot = screenshot_dir / f"readme-{name}.png"
    screen.screenshot(path=str(shot), full_page=False)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert 20_000 < len(data) < MAX_BYTES, f"{name}: {len(data)} bytes"
    if os.environ.get("UPDATE_README_SCREENSHOT") == "1":
        shutil.copyfile(shot, README_SCREENSHOTS[name])
