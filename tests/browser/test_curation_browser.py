"""A curator, in a real browser: add seed 002 by pasting it, correct a title, publish, find it."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from statements.curation import curators_group
from statements.models import Statement

PASSWORD = "a-long-curator-password"


@pytest.fixture
def curator(transactional_db):
    user = User.objects.create_user("curator", password=PASSWORD, is_staff=True)
    user.groups.add(curators_group())
    return user


@pytest.mark.browser
def test_curator_adds_reviews_publishes_and_finds_a_readout(live_server, page, curator, seed_text):
    from playwright.sync_api import expect

    csp_violations = []
    page.on(
        "console",
        lambda msg: csp_violations.append(msg.text) if "Content Security Policy" in msg.text else 0,
    )
    page.goto(f"{live_server.url}{reverse('admin:login')}?next=/admin/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#curation-shortcuts")).to_be_visible()

    page.click("text=Add a readout")
    page.fill("#id_text", seed_text("002"))
    page.click("input[name=_extract]")

    # The review screen: a draft, the importer's doubts, the officials it found.
    expect(page.locator("#review-heading")).to_contain_text("draft, not public")
    row = page.locator("#mentions-group tr.form-row", has_text="Bárcena").first
    expect(row).to_be_visible()
    title = row.locator("input[name$='-title_as_written']")
    title.fill("Foreign Secretary of Mexico")
    page.click("input[name=_publish]")
    expect(page.locator(".messagelist")).to_contain_text("Published")

    statement = Statement.objects.get()
    assert statement.status == Statement.Status.PUBLISHED
    barcena = next(m for m in statement.mentions.all() if "Bárcena" in m.name_as_written)
    assert barcena.title_as_written == "Foreign Secretary of Mexico"

    # The public finds it through search, with the corrected official.
    page.goto(f"{live_server.url}/search/?q=Bárcena")
    result = page.locator(f"a[href^='{statement.get_absolute_url()}']").first
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(re.compile(re.escape(statement.get_absolute_url())))
    expect(page.locator("main")).to_contain_text("Bárcena")
    assert csp_violations == []
