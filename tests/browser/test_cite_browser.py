"""Citing from the statement page in a browser: pick a format, copy it, download it, print."""

import pytest
from playwright.sync_api import expect

from statements.models import Statement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(seeded_archive, live_server):
    assert Statement.objects.published().count() == 5
    return live_server.url


def test_pick_a_format_copy_it_download_it_and_print_only_chicago(browser, site):
    statement = Statement.objects.published().exclude(date=None).first()
    context = browser.new_context(
        permissions=["clipboard-read", "clipboard-write"], accept_downloads=True
    )
    page = context.new_page()
    try:
        page.goto(site + statement.get_absolute_url())
        bibtex = page.locator("#citation-bibtex")
        expect(bibtex).to_be_hidden()  # one format open at first: Chicago
        expect(page.locator("#citation-text")).to_be_visible()
        page.locator("summary", has_text="BibTeX").click()
        expect(bibtex).to_be_visible()
        page.get_by_role("button", name="Copy BibTeX").click()
        expect(page.locator(".copy-status")).to_have_text("Copied.")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(f"@misc{{{statement.slug},") and copied == bibtex.input_value()

        page.locator("summary", has_text="RIS").click()
        with page.expect_download() as download:
            page.get_by_role("link", name=f"Download {statement.slug}.ris").click()
        assert download.value.suggested_filename == f"{statement.slug}.ris"
        assert "TY  - GOVDOC" in download.value.path().read_text(encoding="utf-8")

        page.emulate_media(media="print")
        expect(page.locator(".citation-print")).to_be_visible()
        expect(page.locator(".cite-format").first).to_be_hidden()
        expect(bibtex).to_be_hidden()
    finally:
        context.close()
