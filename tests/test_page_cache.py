"""Whole anonymous pages are cached by the database generation (statements/page_cache.py).

A repeated request is a hit with the very same page; any write a page shows (through the ORM,
as curators and the importer do) makes the next request a miss that shows it; nothing a curator
sees and no response that sets a cookie or holds a CSRF token is ever stored.
"""

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse

from statements.curation import merge_participants
from statements.models import Commitment, Meeting, Quote, Statement
from statements.page_cache import PageCacheMiddleware
from tests.factories import (
    AliasFactory,
    AttendanceFactory,
    MeetingFactory,
    MentionFactory,
    ParticipantFactory,
    QuoteFactory,
    ReportFactory,
)


@pytest.fixture(autouse=True)
def real_page_cache(settings):
    settings.PAGE_CACHE = True
    caches["pages"].clear()


def get(client, url, expect, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    assert response["X-Page-Cache"] == expect, url
    return response


def page(client, url, expect="miss"):
    return get(client, url, expect).content.decode()


@pytest.fixture
def official(seeded_archive):
    """The official with the most quotes in the seeds, and their page."""
    quote = Quote.objects.filter(speaker__isnull=False).order_by("speaker", "pk").first()
    return quote.speaker


def test_second_request_is_a_hit_with_the_same_page(client, seeded_archive, official):
    statement = seeded_archive["002"]
    meeting = Meeting.objects.visible().first()
    topic = statement.topics.first()
    urls = [
        "/",
        statement.get_absolute_url(),
        official.get_absolute_url(),
        meeting.get_absolute_url(),
        topic.get_absolute_url(),
        reverse("statements:official_list"),
        reverse("statements:meeting_list"),
        reverse("statements:topic_list"),
        reverse("statements:search") + "?q=migration",
        reverse("statements:latest_feed"),
        reverse("statements:sitemap"),
        reverse("statements:api_list", args=["statements"]),
    ]
    for url in urls:
        first = get(client, url, "miss")
        second = get(client, url, "hit")
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url
        # Added per response by the middleware in front of the cache.
        assert "default-src 'self'" in second["Content-Security-Policy"], url
        assert second["X-Frame-Options"] == "DENY", url


def test_a_hit_costs_one_query(client, seeded_archive, django_assert_num_queries):
    url = seeded_archive["002"].get_absolute_url()
    get(client, url, "miss")
    with django_assert_num_queries(1):  # the generation
        get(client, url, "hit")


def test_pages_differ_by_host_and_query_string(client, seeded_archive):
    """Pages print absolute URLs (citations, feeds): another host is another page."""
    url = seeded_archive["002"].get_absolute_url()
    assert "http://testserver/" in page(client, url)
    assert "http://localhost/" in get(client, url, "miss", HTTP_HOST="localhost").content.decode()
    assert "http://localhost/" in get(client, url, "hit", HTTP_HOST="localhost").content.decode()
    get(client, url + "?q=border", "miss")


def test_an_edited_commitment_shows_at_once(client, seeded_archive):
    commitment = Commitment.objects.filter(statement__status=Statement.Status.PUBLISHED).first()
    url = commitment.statement.get_absolute_url()
    page(client, url)
    assert "Okapi bridges by 2031" not in page(client, url, "hit")
    Commitment.objects.filter(pk=commitment.pk).update(text="Okapi bridges by 2031.")
    assert "Okapi bridges by 2031." in page(client, url, "miss")


def test_a_commitment_topic_shows_at_once(client, seeded_archive):
    commitment = Commitment.objects.filter(statement__status=Statement.Status.PUBLISHED).first()
    topic = seeded_archive["002"].topics.exclude(commitments=commitment).first()
    url = commitment.statement.get_absolute_url()
    page(client, url)
    page(client, url, "hit")
    commitment.topics.add(topic)
    assert f'Topics: <a href="{topic.get_absolute_url()}">' in page(client, url, "miss")


def test_an_edited_quote_shows_at_once(client, seeded_archive, official):
    quote = Quote.objects.filter(speaker=official).first()
    for url in (official.get_absolute_url(), quote.statement.get_absolute_url()):
        page(client, url)
        page(client, url, "hit")
    Quote.objects.filter(pk=quote.pk).update(text="Okapis cross the border freely.")
    for url in (official.get_absolute_url(), quote.statement.get_absolute_url()):
        assert "Okapis cross the border freely." in page(client, url, "miss")


def test_a_new_alias_shows_at_once(client, seeded_archive, official):
    """The officials' index finds an official by an alias; the API lists aliases."""
    by_alias = reverse("statements:official_list") + "?q=Okapiname"
    api = reverse("statements:api_detail", args=["officials", official.slug])
    assert official.get_absolute_url() not in page(client, by_alias)
    page(client, by_alias, "hit")
    assert "Okapiname" not in page(client, api)
    AliasFactory(participant=official, name="Okapiname")
    assert official.get_absolute_url() in page(client, by_alias, "miss")
    assert "Okapiname" in page(client, api, "miss")


def test_a_new_attendance_shows_at_once(client, seeded_archive, official):
    meeting = MeetingFactory(title="Okapi talks")
    ReportFactory(meeting=meeting, statement=seeded_archive["002"])
    urls = (official.get_absolute_url(), meeting.get_absolute_url())
    for url in urls:
        page(client, url)
        page(client, url, "hit")
    attendance = AttendanceFactory(meeting=meeting, participant=official, title="Okapi envoy")
    for url in urls:
        assert "Okapi envoy" in page(client, url, "miss")
    page(client, urls[0], "hit")
    attendance.delete()
    assert "Okapi envoy" not in page(client, urls[0], "miss")


def test_merging_an_official_redirects_and_moves_their_quotes(client, seeded_archive, official):
    source = ParticipantFactory(name="Okapi Merged-Away")
    MentionFactory(statement=seeded_archive["002"], participant=source, position=99)
    QuoteFactory(statement=seeded_archive["002"], speaker=source, text="Okapi quote moves.")
    old_url, target_url = source.get_absolute_url(), official.get_absolute_url()
    assert "Okapi quote moves." not in page(client, target_url)
    page(client, target_url, "hit")
    page(client, old_url)
    page(client, old_url, "hit")
    merge_participants(source, official)
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == target_url
    assert "Okapi quote moves." in page(client, target_url, "miss")


def test_unpublishing_and_publishing_shows_at_once(client, seeded_archive):
    statement = seeded_archive["002"]
    url = statement.get_absolute_url()
    assert url in page(client, "/")
    page(client, url)
    page(client, url, "hit")
    Statement.objects.filter(pk=statement.pk).update(status=Statement.Status.DRAFT)
    assert client.get(url).status_code == 404
    assert url not in page(client, "/", "miss")
    statement.status = Statement.Status.PUBLISHED
    statement.save()
    assert url in page(client, "/", "miss")
    page(client, url, "miss")


def test_a_logged_in_curator_never_gets_nor_fills_the_cache(client, seeded_archive):
    url = seeded_archive["002"].get_absolute_url()
    curator = User.objects.create_user("curator", is_staff=True)
    client.force_login(curator)
    response = client.get(url)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    client.logout()
    get(client, url, "miss")  # the curator's visit stored nothing
    get(client, url, "hit")
    client.force_login(curator)
    assert "X-Page-Cache" not in client.get(url)  # and is not served the stored page


def test_admin_and_healthz_are_never_cached(client, db):
    for url in ("/healthz", "/admin/login/"):
        assert "X-Page-Cache" not in client.get(url)
        assert "X-Page-Cache" not in client.get(url)


def _sent(response):
    """Close `response` as the server does once it has sent it, without closing the test's
    database connection (what Django's test client does too)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    return response


def _middleware_twice(rf, view, path="/topics/"):
    middleware = PageCacheMiddleware(view)
    answers = []
    for _ in range(2):
        answers.append(_sent(middleware(rf.get(path)))["X-Page-Cache"])
    return answers


def test_a_page_is_stored_once_it_has_been_sent(rf, db):
    """The reader does not wait for the cache write: it happens when the server closes the
    response, after its last byte."""
    middleware = PageCacheMiddleware(lambda request: HttpResponse("sent"))
    first = middleware(rf.get("/topics/"))
    assert middleware(rf.get("/topics/"))["X-Page-Cache"] == "miss"  # not stored yet
    _sent(first)
    second = middleware(rf.get("/topics/"))
    assert second["X-Page-Cache"] == "hit" and second.content == b"sent"


def test_responses_that_set_a_cookie_or_hold_a_csrf_token_are_not_stored(rf, db):
    def plain(request):
        return HttpResponse("plain")

    def with_cookie(request):
        response = HttpResponse("cookie")
        response.set_cookie("okapi", "1")
        return response

    def with_token(request):
        return HttpResponse(f"token {get_token(request)}")

    def not_found(request):
        return HttpResponse("gone", status=404)

    assert _middleware_twice(rf, plain) == ["miss", "hit"]
    caches["pages"].clear()
    assert _middleware_twice(rf, with_cookie) == ["miss", "miss"]
    assert _middleware_twice(rf, with_token) == ["miss", "miss"]
    assert _middleware_twice(rf, not_found) == ["miss", "miss"]


def test_every_table_a_page_reads_changes_the_generation(db):
    """Every table of the archive's models (not curators' history) has generation triggers."""
    from django.apps import apps

    tables = set()
    for model in apps.get_app_config("statements").get_models(include_auto_created=True):
        if not model._meta.db_table.startswith("statements_historical"):
            tables.add(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE '%search_gen%'"
            )
        else:
            cursor.execute(
                "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE '%search_gen'"
            )
        triggered = {row[0] for row in cursor.fetchall()}
    assert tables - triggered == set()
