"""Email alerts end to end, through the pages and `manage.py send_alerts`, with Django's outbox.

Runs on SQLite and (with DATABASE_URL) PostgreSQL. Time passing is simulated by moving the
subscriptions' `last_checked_at` back; "new statements" are real rows the search indexes.
"""

import io
import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alerts.models import Publication, Subscription
from statements.models import Statement
from tests.alerts.backends import REFUSED_DOMAIN
from tests.factories import MentionFactory, ParticipantFactory, StatementFactory, TopicFactory

EMAIL = "reader@example.org"
LINK = re.compile(r"https?://[^\s\"<>]+")


def send_alerts(*args):
    out = io.StringIO()
    call_command("send_alerts", *args, stdout=out)
    return out.getvalue()


def time_passes(days):
    Subscription.objects.update(last_checked_at=timezone.now() - timedelta(days=days))


def link_in(message, path):
    found = [url for url in LINK.findall(message.body) if f"/alerts/{path}/" in url]
    assert found, message.body
    return found[0].replace("http://testserver", "")


def subscribe(client, url, email=EMAIL, frequency="weekly", **extra):
    return client.post(url, {"email": email, "frequency": frequency}, **extra)


def subscribe_and_confirm(client, url, email=EMAIL, frequency="weekly"):
    before = len(mail.outbox)
    response = subscribe(client, url, email, frequency)
    assert response.status_code == 302, response.content.decode()
    (message,) = mail.outbox[before:]
    confirm = link_in(message, "confirm")
    assert client.post(confirm).status_code == 200
    subscription = Subscription.objects.filter(email=email).latest("pk")
    assert subscription.status == Subscription.Status.ACTIVE
    return subscription


def new_statement(title, body, **fields):
    return StatementFactory(title=title, body=body, **fields)


@pytest.mark.django_db
def test_search_alert_from_sign_up_to_unsubscribe(client, seeded_archive):
    # The search page offers the alert for its own search.
    page = client.get("/search/?q=fentanyl&sort=oldest").content.decode()
    assert 'href="/alerts/search/?q=fentanyl&amp;sort=oldest"' in page
    form = client.get("/alerts/search/?q=fentanyl&sort=oldest")
    assert form.status_code == 200
    assert "“fentanyl”" in form.content.decode()

    response = subscribe(client, "/alerts/search/?q=fentanyl&sort=oldest")
    assert response.status_code == 302
    inbox = client.get(response["Location"])
    assert "Check your inbox" in inbox.content.decode()
    assert EMAIL not in inbox.content.decode()  # never echoed into a page

    (confirmation,) = mail.outbox
    assert confirmation.to == [EMAIL]
    assert "fentanyl" in confirmation.subject
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.query == "q=fentanyl"  # the sort is not part of what is followed

    # Nothing is sent before the confirmation, however much time passes.
    new_statement("Fentanyl talks before confirming", "Both sides discussed fentanyl.")
    time_passes(30)
    send_alerts()
    assert len(mail.outbox) == 1

    confirm = link_in(confirmation, "confirm")
    page = client.get(confirm)
    assert page.status_code == 200 and 'id="confirm-button"' in page.content.decode()
    assert Subscription.objects.get().status == Subscription.Status.PENDING  # GET changes nothing
    done = client.post(confirm)
    assert "Your alert is on" in done.content.decode()
    assert EMAIL not in done.content.decode()

    # Statements published after the confirmation: one matches, one does not, one is a draft.
    match = new_statement("New fentanyl precursor controls", "Controls on fentanyl precursors.")
    new_statement("A trade meeting", "Tariffs and steel were discussed.")
    draft = new_statement(
        "Draft on fentanyl labs", "Fentanyl labs closed.", status=Statement.Status.DRAFT
    )

    send_alerts()  # confirmed minutes ago: the weekly digest is not due yet
    assert len(mail.outbox) == 1
    time_passes(7)
    output = send_alerts()
    assert "1 digest(s) sent" in output
    assert EMAIL not in output
    (digest,) = mail.outbox[1:]
    assert digest.to == [EMAIL]
    assert digest.subject == "1 new statement: “fentanyl”"
    assert match.title in digest.body
    assert f"http://testserver{match.get_absolute_url()}" in digest.body
    html = digest.alternatives[0][0]
    assert match.get_absolute_url() in html and "<mark>" in html
    assert "before confirming" not in digest.body  # published before the confirmation
    assert "trade meeting" not in digest.body and draft.title not in digest.body
    for seed in seeded_archive.values():
        assert seed.title not in digest.body
    unsubscribe = link_in(digest, "unsubscribe")
    assert digest.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Idempotent: again at once, and again a week later with nothing new: nothing.
    assert "0 digest(s) sent" in send_alerts()
    time_passes(7)
    assert "0 digest(s) sent, 1 with nothing new" in send_alerts()
    assert len(mail.outbox) == 2

    # The draft published later is new then, and sent once.
    draft.status = Statement.Status.PUBLISHED
    draft.save()
    time_passes(7)
    send_alerts()
    (later,) = mail.outbox[2:]
    assert draft.title in later.body and match.title not in later.body

    # The unsubscribe link works without logging in; a GET only asks.
    page = client.get(unsubscribe)
    assert page.status_code == 200 and 'id="unsubscribe-button"' in page.content.decode()
    assert Subscription.objects.exists()
    stopped = client.post(unsubscribe)
    assert "The alert is stopped" in stopped.content.decode()
    assert not Subscription.objects.exists()
    new_statement("Fentanyl again", "More fentanyl news.")
    time_passes(7)
    send_alerts()
    assert len(mail.outbox) == 3
    # The link keeps saying the alert is stopped.
    assert "The alert is stopped" in client.get(unsubscribe).content.decode()


@pytest.mark.django_db
def test_official_and_topic_alerts_follow_their_pages(client, seeded_archive):
    official = ParticipantFactory(name="Ana <b>Example</b>")
    MentionFactory(participant=official, statement=seeded_archive["000"])
    topic = TopicFactory(name="Water & rivers", slug="water")
    seeded_archive["001"].topics.add(topic)

    official_page = client.get(official.get_absolute_url()).content.decode()
    assert f'href="/alerts/officials/{official.slug}/"' in official_page
    topic_page = client.get(topic.get_absolute_url()).content.decode()
    assert 'href="/alerts/topics/water/"' in topic_page

    form = client.get(f"/alerts/officials/{official.slug}/").content.decode()
    assert "Ana &lt;b&gt;Example&lt;/b&gt;" in form and "<b>Example" not in form
    subscribe_and_confirm(client, f"/alerts/officials/{official.slug}/", frequency="daily")
    subscribe_and_confirm(client, "/alerts/topics/water/", frequency="weekly")

    named = new_statement("Officials met on the border", "They met.")
    MentionFactory(participant=official, statement=named)
    on_topic = new_statement("River treaty renewed", "The treaty on the rivers was renewed.")
    on_topic.topics.add(topic)

    time_passes(1)  # a day: only the daily digest is due
    send_alerts()
    (daily,) = mail.outbox[2:]
    assert daily.subject == "1 new statement: Statements naming Ana <b>Example</b>"
    assert named.title in daily.body and on_topic.title not in daily.body
    assert "<b>Example" not in daily.alternatives[0][0]  # escaped in the HTML part

    time_passes(7)
    send_alerts("--frequency", "weekly")
    (weekly,) = mail.outbox[3:]
    assert weekly.subject == "1 new statement: Statements on Water & rivers"
    assert on_topic.title in weekly.body and named.title not in weekly.body


@pytest.mark.django_db
def test_dry_run_sends_and_changes_nothing(client, seeded_archive):
    subscription = subscribe_and_confirm(client, "/alerts/search/?q=fentanyl")
    new_statement("Fentanyl seizures", "Fentanyl was seized.")
    time_passes(7)
    ledger = Publication.objects.count()
    output = send_alerts("--dry-run")
    assert "would send 1 new statement(s)" in output
    assert EMAIL not in output and "r…@example.org" in output
    assert len(mail.outbox) == 1  # the confirmation only
    assert Publication.objects.count() == ledger
    assert Subscription.objects.get().watermark == subscription.watermark
    send_alerts()
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_one_failing_address_does_not_stop_the_others(client, seeded_archive, settings):
    good = subscribe_and_confirm(client, "/alerts/search/?q=fentanyl")
    bad = subscribe_and_confirm(client, "/alerts/search/?q=fentanyl", email=f"x{REFUSED_DOMAIN}")
    new_statement("Fentanyl seizures", "Fentanyl was seized.")
    time_passes(7)
    settings.EMAIL_BACKEND = "tests.alerts.backends.RefusingBackend"
    with pytest.raises(CommandError, match="1 digest"):
        send_alerts()
    (sent,) = mail.outbox[2:]
    assert sent.to == [good.email]
    bad.refresh_from_db()
    assert "SMTPRecipientsRefused" in bad.last_error
    assert bad.last_checked_at < timezone.now() - timedelta(days=6)  # still due
    # When the address works again, the next run sends it what it missed, once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_alerts()
    (retried,) = mail.outbox[3:]
    assert retried.to == [bad.email] and "Fentanyl seizures" in retried.body
    assert "0 digest(s) sent" in send_alerts()


@pytest.mark.django_db
def test_limits_per_address_and_per_client(client, seeded_archive, settings):
    settings.ALERTS_MAX_PER_ADDRESS = 2
    settings.ALERTS_MAX_PER_CLIENT_PER_DAY = 3
    for q in ("fentanyl", "migration"):
        assert subscribe(client, f"/alerts/search/?q={q}").status_code == 302
    refused = subscribe(client, "/alerts/search/?q=border")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "already has 2 alerts" in page
    assert page.count(EMAIL) == 1 and f'value="{EMAIL}"' in page  # only what was just typed
    assert Subscription.objects.count() == 2

    # Another address from the same client: one more, then the client's limit.
    assert subscribe(client, "/alerts/search/?q=border", email="b@example.org").status_code == 302
    refused = subscribe(client, "/alerts/search/?q=arms", email="c@example.org")
    assert refused.status_code == 429
    assert "from your connection today" in refused.content.decode()
    # Another client is not held back by the first one's count.
    other = subscribe(
        client, "/alerts/search/?q=arms", email="c@example.org", REMOTE_ADDR="10.1.2.3"
    )
    assert other.status_code == 302
    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_asking_again_reveals_nothing_and_mails_sparingly(client, seeded_archive):
    url = "/alerts/search/?q=fentanyl"
    assert subscribe(client, url).status_code == 302
    assert subscribe(client, url).status_code == 302  # the same page; no second message yet
    assert len(mail.outbox) == 1
    Subscription.objects.update(confirmation_sent_at=timezone.now() - timedelta(hours=1))
    assert subscribe(client, url).status_code == 302
    assert len(mail.outbox) == 2  # a pending alert gets its link again after a while
    client.post(link_in(mail.outbox[1], "confirm"))
    assert subscribe(client, url).status_code == 302  # active: same answer, nothing mailed
    assert len(mail.outbox) == 2 and Subscription.objects.count() == 1


class EightDaysAgo(signing.TimestampSigner):
    """Signs as Django does, eight days ago."""

    def timestamp(self):
        return signing.b62_encode(int(time.time() - 8 * 24 * 3600))


@pytest.mark.django_db
def test_bad_forged_and_expired_links_get_a_clear_page(client, seeded_archive):
    subscribe(client, "/alerts/search/?q=fentanyl")
    subscription = Subscription.objects.get()
    forged = signing.dumps(subscription.key, salt="alerts.confirm", key="not-our-secret")
    wrong_purpose = subscription.token("unsubscribe")
    for token in ("nonsense", forged, wrong_purpose, subscription.token("confirm")[:-3] + "abc"):
        for method in (client.get, client.post):
            response = method(reverse("alerts:confirm", args=[token]))
            assert response.status_code == 400
            assert "This link is not valid" in response.content.decode()
    bad = client.post(reverse("alerts:unsubscribe", args=["nonsense"]))
    assert bad.status_code == 400 and "This link is not valid" in bad.content.decode()
    assert Subscription.objects.get().status == Subscription.Status.PENDING

    # A confirmation link older than a week has expired; send_alerts deletes the alert then.
    Subscription.objects.update(created_at=timezone.now() - timedelta(days=8))
    token = EightDaysAgo(salt="alerts.confirm").sign_object(subscription.key)
    expired = client.get(reverse("alerts:confirm", args=[token]))
    assert expired.status_code == 400
    assert "1 unconfirmed expired" in send_alerts()
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_invalid_search_cannot_be_followed(client, seeded_archive):
    response = client.get("/alerts/search/?topic=no-such-topic")
    assert response.status_code == 400
    page = response.content.decode()
    assert "cannot be followed" in page and "no-such-topic" in page and "<form method" not in page
    assert subscribe(client, "/alerts/search/?topic=no-such-topic").status_code == 400
    assert not Subscription.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_forms_are_csrf_protected_but_one_click_unsubscribe_works(seeded_archive):
    strict = Client(enforce_csrf_checks=True)
    assert subscribe(strict, "/alerts/search/?q=fentanyl").status_code == 403
    lenient = Client()
    subscription = subscribe_and_confirm(lenient, "/alerts/search/?q=fentanyl")
    token = subscription.token("unsubscribe")
    # A mail program's one-click unsubscribe (RFC 8058): a POST with no cookie and no CSRF token.
    response = strict.post(
        reverse("alerts:unsubscribe", args=[token]), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_hostile_query_is_escaped_and_kept_on_one_line(client, seeded_archive):
    q = "<script>alert(1)</script>\nBcc: x@evil.example fentanyl"
    form = client.get("/alerts/search/", {"q": q})
    page = form.content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    url = "/alerts/search/?" + form.wsgi_request.GET.urlencode()
    assert subscribe(client, url).status_code == 302
    (message,) = mail.outbox
    assert "\n" not in message.subject and message.to == [EMAIL]
    assert "<script>alert(1)" not in message.alternatives[0][0]


@pytest.mark.django_db
def test_pages_with_the_alert_link_are_still_cached(client, seeded_archive, settings):
    settings.PAGE_CACHE = True
    client.get("/search/?q=fentanyl")
    assert client.get("/search/?q=fentanyl")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_alerts_can_be_switched_off(client, seeded_archive, settings):
    settings.ALERTS_ENABLED = False
    page = client.get("/alerts/search/?q=fentanyl").content.decode()
    assert "not set up on this server" in page and 'name="email"' not in page
    assert subscribe(client, "/alerts/search/?q=fentanyl").status_code == 200
    assert not Subscription.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_a_subscription_another_run_served_meanwhile_is_skipped(client, seeded_archive):
    from alerts.digests import Report, _serve

    subscribe_and_confirm(client, "/alerts/search/?q=fentanyl")
    new_statement("Fentanyl seizures", "Fentanyl was seized.")
    time_passes(7)
    stale = Subscription.objects.get()  # read by a run that was slower than the next one
    send_alerts()
    assert len(mail.outbox) == 2
    report = Report(cutoff=Publication.objects.watermark())
    _serve(stale, report, 50, mail.get_connection(), False, timezone.now(), None)
    assert report.skipped == 1 and report.sent == 0
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_sign_up_pages_use_few_queries(client, seeded_archive, django_assert_max_num_queries):
    official = seeded_archive["002"].mentions.first().participant
    with django_assert_max_num_queries(6):
        assert client.get(f"/alerts/officials/{official.slug}/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/alerts/search/?q=fentanyl&topic=arms-trafficking").status_code == 200


@pytest.mark.django_db
def test_the_admin_lists_and_stops_alerts(client, admin_client, seeded_archive):
    subscription = subscribe_and_confirm(client, "/alerts/search/?q=fentanyl")
    listing = admin_client.get("/admin/alerts/subscription/")
    assert listing.status_code == 200 and "“fentanyl”" in listing.content.decode()
    assert (
        admin_client.get(f"/admin/alerts/subscription/{subscription.pk}/change/").status_code == 200
    )
    assert admin_client.get("/admin/alerts/subscription/add/").status_code == 403
    admin_client.post(f"/admin/alerts/subscription/{subscription.pk}/delete/", {"post": "yes"})
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_a_search_that_stopped_being_valid_sends_nothing(client, seeded_archive):
    topic = TopicFactory(name="Ports", slug="ports")
    subscribe_and_confirm(client, "/alerts/search/?topic=ports")
    new_statement("Unrelated news", "Nothing on ports.")
    topic.delete()  # the filter would now be ignored: the search would match everything new
    time_passes(7)
    output = send_alerts()  # not a failure of the run: nothing to retry until the search is fixed
    assert "1 with a search no longer valid" in output
    assert len(mail.outbox) == 1
    assert "topic" in Subscription.objects.get().last_error


@pytest.mark.django_db
def test_a_run_stops_when_the_mail_server_refuses_everything(client, seeded_archive, settings):
    for n in range(6):
        subscribe_and_confirm(client, "/alerts/search/?q=fentanyl", email=f"r{n}{REFUSED_DOMAIN}")
    good = subscribe_and_confirm(client, "/alerts/search/?q=fentanyl")
    new_statement("Fentanyl seizures", "Fentanyl was seized.")
    time_passes(7)
    settings.EMAIL_BACKEND = "tests.alerts.backends.RefusingBackend"
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("send_alerts", stdout=out)
    assert "5 failed" in out.getvalue() and "stopped after 5 failures in a row" in out.getvalue()
    assert len(mail.outbox) == 7  # confirmations only: the good one was not reached
    good.refresh_from_db()
    assert good.last_checked_at < timezone.now() - timedelta(days=6)  # still due
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "7 digest(s) sent" in send_alerts()  # the next run, once the server accepts again
    assert len(mail.outbox) == 14
