"""A reader, in Debian's Chromium: asks for alerts on a search, confirms from the message, gets a
digest of a newly published statement, and stops the alert from the digest's link."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from alerts.models import Subscription
from tests.factories import StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "reader@example.org"


def link(message, path):
    urls = re.findall(r"https?://[^\s\"<>]+", message.body)
    (url,) = {u for u in urls if f"/alerts/{path}/" in u}
    return url


def test_reader_signs_up_confirms_gets_a_digest_and_unsubscribes(live_server, page, seeded_archive):
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else 0,
    )
    page.goto(f"{live_server.url}/search/?q=fentanyl")
    page.get_by_role("link", name="Get email alerts for this search").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("“fentanyl”")

    # An invalid address is refused by the server (the form is novalidate), the form kept.
    page.get_by_label("Your email address").fill("not-an-address")
    page.get_by_role("button", name="Send me a confirmation link").click()
    expect(page.locator("#email-error")).to_contain_text("valid email address")
    assert not mail.outbox

    page.get_by_label("Your email address").fill(EMAIL)
    page.get_by_label("Daily").check()
    page.get_by_role("button", name="Send me a confirmation link").click()
    expect(page.locator("#check-inbox")).to_have_text("Check your inbox")
    assert EMAIL not in page.content()

    (confirmation,) = mail.outbox
    assert confirmation.to == [EMAIL]
    page.goto(link(confirmation, "confirm"))
    page.get_by_role("button", name="Confirm the alert").click()
    expect(page.locator("#alert-confirmed")).to_have_text("Your alert is on")
    assert Subscription.objects.get().frequency == "daily"

    statement = StatementFactory(title="Fentanyl precursor controls", body="On fentanyl.")
    Subscription.objects.update(last_checked_at=timezone.now() - timedelta(days=1))
    call_command("send_alerts", stdout=io.StringIO())
    (digest,) = mail.outbox[1:]
    assert statement.title in digest.body

    page.goto(link(digest, "unsubscribe"))
    page.get_by_role("button", name="Stop the alert").click()
    expect(page.locator("#unsubscribed")).to_have_text("The alert is stopped")
    assert not Subscription.objects.exists()
    assert violations == []
