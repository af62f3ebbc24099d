"""HEAD works wherever GET does (crawlers and monitors use it), and sends no body bytes.

Django's test client drops a HEAD body itself, as runserver does; gunicorn does not. So the body
is checked through Django's WSGI handler, the way gunicorn calls it.
"""

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test.client import RequestFactory

pytestmark = pytest.mark.django_db


def wsgi(method, path, query=""):
    """(status, headers, body bytes) of one request through the WSGI application."""
    environ = RequestFactory()._base_environ(
        PATH_INFO=path, REQUEST_METHOD=method, QUERY_STRING=query
    )
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    # Keep the test's connection and transaction, as Django's test client does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = WSGIHandler()(environ, start_response)
        body = b"".join(result)
        result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def _urls(archive):
    from statements.models import Meeting, Participant, Topic

    statement = archive["002"]
    official = Participant.objects.filter(statement_mentions__statement=statement).first()
    meeting = Meeting.objects.filter(reports__statement=statement).first()
    topic = Topic.objects.filter(statements=statement).first()
    return [
        ("/", ""),
        (statement.get_absolute_url(), ""),
        ("/statements/", ""),
        ("/officials/", ""),
        (official.get_absolute_url(), ""),
        (f"{official.get_absolute_url()}feed/", ""),
        ("/meetings/", ""),
        (meeting.get_absolute_url(), ""),
        ("/topics/", ""),
        (topic.get_absolute_url(), ""),
        (f"{topic.get_absolute_url()}feed/", ""),
        ("/feeds/latest/", ""),
        ("/sitemap.xml", ""),
        ("/robots.txt", ""),
        ("/search/", "q=security"),
        ("/search/results.csv", "q=security"),
        ("/search/results.json", "q=security"),
        ("/search/feed/", "q=security"),
        ("/api/", ""),
        ("/api/search/", "q=security"),
        ("/api/openapi.json", ""),
        ("/api/statements/", ""),
        (f"/api/statements/{statement.slug}/", ""),
        (f"/api/officials/{official.slug}/", ""),
        ("/healthz", ""),
        ("/statements/no-such-statement/", ""),
        ("/api/statements/no-such-statement/", ""),
    ]


def test_head_answers_like_get_everywhere_without_a_body(seeded_archive):
    for path, query in _urls(seeded_archive):
        get_status, get_headers, get_body = wsgi("GET", path, query)
        head_status, head_headers, head_body = wsgi("HEAD", path, query)
        assert head_status == get_status != 405, path
        assert head_body == b"", path
        assert head_headers.get("Content-Type") == get_headers.get("Content-Type"), path
        if get_status == 200 and "Content-Length" in head_headers:
            assert int(head_headers["Content-Length"]) > 0, path
    assert get_body  # the last GET (a 404 page) had a body: the check above is not vacuous


def test_other_methods_are_still_refused(seeded_archive):
    assert wsgi("OPTIONS", seeded_archive["002"].get_absolute_url())[0] == 405
    assert wsgi("OPTIONS", "/api/statements/")[0] == 405
