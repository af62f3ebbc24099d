"""Issue 3's main paths, walked in Debian's Chromium over the five seed documents.

Expectations come from the imported database (never hard-coded results): what the page shows
must agree with what the importer stored.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.db.models import Count
from playwright.sync_api import expect

from statements.models import Meeting, Participant, Statement
from statements.text import fold

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(seeded_archive, live_server):
    """The live server's base URL, over the imported seeds."""
    assert Statement.objects.published().count() == 5
    return live_server.url


def result_count(page):
    return int(page.locator("[data-result-count]").get_attribute("data-result-count"))


def result_titles(page):
    return page.locator(".search-results .item__title a").all_inner_texts()


def test_search_lopez_obrador_without_accents_highlights_the_right_statements(page, site):
    expected = {
        s.title
        for s in Statement.objects.published()
        if "lopez obrador" in fold(f"{s.title} {s.body}")
    }
    assert expected, "the seeds name López Obrador"
    page.goto(site + "/")
    box = page.get_by_label("Search the archive")
    box.fill("Lopez Obrador")
    box.press("Enter")
    page.wait_for_url("**/search/?q=Lopez+Obrador")
    expect(page.locator("[data-result-count]")).to_have_attribute(
        "data-result-count", str(len(expected))
    )
    assert set(result_titles(page)) == expected
    marks = page.locator(".search-results mark").all_inner_texts()
    folded = {fold(text) for text in marks}
    assert {"lopez", "obrador"} <= folded
    assert "López" in marks, "the accented name as written is what gets marked"
    # Follow a result: the statement page keeps the terms highlighted in the full text.
    page.locator(".search-results .item__title a").first.click()
    page.wait_for_url(re.compile(r"/statements/[\w-]+/\?q=Lopez(\+|%20)Obrador$"))
    body_marks = page.locator(".statement-body mark").all_inner_texts()
    assert "López" in body_marks and "Obrador" in body_marks


def test_choosing_a_topic_facet_narrows_results_and_counts(page, site):
    page.goto(site + "/search/")
    total = result_count(page)
    assert total == 5

    def facet_counts(name):
        counts = {}
        for row in page.locator(f'[data-facet="{name}"] li').all():
            label = row.locator(".facet__label").inner_text()
            counts[label] = int(row.locator(".count").inner_text())
        return counts

    topics = facet_counts("topic")
    officials_before = facet_counts("official")
    narrower = {label: n for label, n in topics.items() if 0 < n < total}
    assert narrower, f"some topic covers only part of the seeds: {topics}"
    label, expected = min(narrower.items(), key=lambda item: (item[1], item[0]))
    page.locator('[data-facet="topic"] .facet__value', has_text=label).first.click()
    page.wait_for_url("**topic=**")
    expect(page.locator("[data-result-count]")).to_have_attribute(
        "data-result-count", str(expected)
    )
    assert len(result_titles(page)) == expected
    for article in page.locator(".search-results article").all():
        assert label in article.locator(".chips").inner_text()
    expect(page.locator(".chip--chosen", has_text=label)).to_be_visible()
    officials_after = facet_counts("official")
    assert all(officials_after[name] <= officials_before[name] for name in officials_after)
    assert sum(officials_after.values()) < sum(officials_before.values())


def test_open_an_official_and_follow_a_meeting_to_its_attendees(page, site):
    official = (
        Participant.objects.visible()
        .annotate(n=Count("attendances"))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .first()
    )
    assert official is not None, "the importer records who attended the seeds' meetings"
    page.goto(site + "/officials/")
    page.get_by_role("link", name=official.name, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(official.name)
    attended = page.locator("section[aria-labelledby=attended-title] ol a")
    assert attended.count() == official.attendances.count()
    attended.first.click()
    meeting = Meeting.objects.get(slug=page.url.rstrip("/").rsplit("/", 1)[-1])
    expect(page.locator("h1")).to_have_text(meeting.title)
    shown = page.locator("section[aria-labelledby=attendees-title] .attendees a").all_inner_texts()
    assert sorted(shown) == sorted(a.participant.name for a in meeting.attendances.all())
    assert official.name in shown
    # Attendees link back to their own pages.
    page.get_by_role("link", name=official.name, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(official.name)


def test_go_from_a_meeting_to_both_governments_statements(page, site):
    def governments(meeting):
        reports = meeting.reports.filter(statement__status="published").select_related("statement")
        return {r.statement.publisher_country for r in reports} - {""}

    meetings = [m for m in Meeting.objects.visible() if {"US", "MX"} <= governments(m)]
    assert meetings, "a seed meeting is reported by both the U.S. and the Mexican government"
    meeting = meetings[0]
    statements = list(
        Statement.objects.published().filter(meeting_reports__meeting=meeting).order_by("pk")
    )
    page.goto(site + "/meetings/")
    page.get_by_role("link", name=meeting.title, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(meeting.title)
    sides = page.locator(".side-by-side .side")
    titles = sides.locator(".side__title").all_inner_texts()
    assert {"United States", "Mexico"} <= set(titles)
    # Side by side: the columns share a row on a desktop screen.
    boxes = [sides.nth(i).bounding_box() for i in range(sides.count())]
    assert len({round(box["y"]) for box in boxes}) == 1
    for statement in statements:
        country = "United States" if statement.publisher_country == "US" else "Mexico"
        column = sides.filter(has=page.locator(".side__title", has_text=country))
        column.get_by_role("link", name=statement.title, exact=True).click()
        expect(page.locator("h1")).to_have_text(statement.title)
        # …and the statement names the meeting it reports, linked back.
        page.locator(".facts").get_by_role("link", name=meeting.title, exact=True).click()
        expect(page.locator("h1")).to_have_text(meeting.title)


def test_download_the_current_results_as_csv(page, site):
    page.goto(site + "/search/?q=fentanyl")
    count = result_count(page)
    assert count > 0
    shown = result_titles(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == count
    assert [row["title"] for row in rows[: len(shown)]] == shown


def test_everything_works_without_javascript(browser, site):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(site + "/")
        page.locator("#site-search-q").fill("fentanyl")
        page.locator("#site-search-q").press("Enter")
        page.wait_for_url("**/search/?q=fentanyl")
        assert result_count(page) > 0
        page.locator(".search-results .item__title a").first.click()
        expect(page.locator(".statement-body mark").first).to_be_visible()
        expect(page.get_by_role("button", name="Copy citation")).to_be_hidden()
        page.get_by_role("link", name="Topics", exact=True).click()
        expect(page.locator("h1")).to_have_text("Topics")
    finally:
        context.close()


def test_pages_fit_a_phone_screen(browser, site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    urls = ["/", "/officials/", "/meetings/", "/topics/", "/search/?q=fentanyl"]
    urls += [s.get_absolute_url() for s in Statement.objects.published()[:2]]
    urls += [m.get_absolute_url() for m in Meeting.objects.visible()[:1]]
    try:
        for url in urls:
            page.goto(site + url)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, f"{url} scrolls sideways by {overflow}px"
    finally:
        context.close()


def test_skip_link_is_the_first_stop_and_focus_is_visible(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_copy_citation_button_copies_the_citation(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    statement = Statement.objects.published().exclude(date=None).first()
    try:
        page.goto(site + statement.get_absolute_url())
        button = page.get_by_role("button", name="Copy citation")
        expect(button).to_be_visible()  # shown only when the script can use the clipboard
        button.click()
        expect(page.locator(".copy-status")).to_have_text("Copied.")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#citation-text").input_value()
        assert statement.title in copied and statement.get_absolute_url() in copied
    finally:
        context.close()
