"""The site under gunicorn with production settings when the database cannot be reached.

No mocks: the server really cannot open its database (a SQLite path that is a folder, or a
PostgreSQL port nobody listens on), and we read what a visitor and the load balancer would get.
"""

import json
import re
import time

import pytest
from django.conf import settings

from tests.production.conftest import free_port

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def outage_settings(kind, tmp_path):
    if kind == "sqlite":
        # sqlite3 cannot open a folder as a database file: "unable to open database file".
        return {"DJANGO_SQLITE_PATH": tmp_path}
    # psycopg gets "connection refused": nothing listens on this port.
    return {"DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/archive"}


def json_log_entries(server):
    """Every line the server wrote (gunicorn's own included) is one JSON object."""
    return [json.loads(line) for line in server.log_lines() if line.strip()]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_database_outage_answers_503_pages_not_tracebacks(gunicorn_server, tmp_path, kind):
    server = gunicorn_server(**outage_settings(kind, tmp_path))
    https = {"X-Forwarded-Proto": "https"}

    started = time.monotonic()
    status, headers, body = server.fetch("/healthz")
    assert status == 503
    assert json.loads(body)["status"] == "unavailable"
    assert time.monotonic() - started < 5, "the health check must answer fast"

    for path in ["/", "/officials/", "/statements/a-statement/", "/search/?q=fentanyl"]:
        status, headers, body = server.fetch(path, headers=https)
        assert status == 503, (path, body[:300])
        assert "The archive is temporarily unavailable" in body
        assert "Traceback" not in body and "OperationalError" not in body
        assert headers["Retry-After"].isdigit()
        assert "default-src 'self'" in headers["Content-Security-Policy"]

    # The API answers in its own JSON error shape.
    api_status, api_headers, api_body = server.fetch("/api/statements/?q=x", headers=https)
    assert api_status == 503 and api_headers["Content-Type"] == "application/json"
    assert "unavailable" in json.loads(api_body)["errors"][0]

    # The 503 page's stylesheet is the hashed, collected one, served by WhiteNoise.
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', body).group(1)
    status, headers, css = server.fetch(stylesheet, headers=https)
    assert status == 200 and "max-age" in headers["Cache-Control"]

    # Structured logs on stdout: one JSON object per request, the outage named.
    entries = json_log_entries(server)
    assert any(e.get("path") == "/" and e.get("status") == 503 for e in entries), entries
    assert any(e["logger"] == "archive.database" for e in entries)
    assert any(
        e["logger"] == "gunicorn.error" and "Booting worker" in e["message"] for e in entries
    )


def test_production_server_health_headers_and_error_pages(gunicorn_server, tmp_path):
    server = gunicorn_server(DJANGO_SQLITE_PATH=tmp_path / "empty.sqlite3")
    https = {"X-Forwarded-Proto": "https"}

    # /healthz answers over plain HTTP too (load balancers probe without TLS), quickly once the
    # worker is up (its first request also imports the views: timing it measured the machine).
    status, headers, body = server.fetch("/healthz")
    assert status == 200, body
    health = json.loads(body)
    # This database was never migrated: no change log, so the index's lag is an error, which
    # does not make the host unhealthy (searches fall back to the database).
    assert health.pop("search_index")["state"] == "error"
    assert health | {"database_ms": 0} == {
        "status": "ok",
        "database": "ok",
        "database_ms": 0,
    }
    assert "no-cache" in headers["Cache-Control"]
    started = time.monotonic()
    assert server.fetch("/healthz")[0] == 200
    assert time.monotonic() - started < 2

    # Plain HTTP elsewhere is redirected to HTTPS; HTTPS (as the proxy says) gets HSTS.
    status, headers, _ = server.fetch("/officials/")
    assert status == 301 and headers["Location"].startswith("https://")
    status, headers, body = server.fetch("/no-such-page/", headers=https)
    assert status == 404
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Page not found" in body and "Bilateral Statements Archive" in body

    # A Host header the settings do not allow is refused, not served.
    status, _, _ = server.fetch("/healthz", headers={"Host": "evil.example"})
    assert status == 400


@pytest.mark.skipif(
    not ON_POSTGRESQL, reason="ends PostgreSQL server connections (CI's PostgreSQL pass)"
)
def test_web_workers_recover_by_themselves_when_postgresql_drops_their_connections(
    gunicorn_server,
):
    """A PostgreSQL restart or failover drops every persistent connection: the next request
    must reconnect (CONN_HEALTH_CHECKS), not fail once per worker."""
    import psycopg

    db = settings.DATABASES["default"]
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    url = f"postgres://{auth}@{server['host']}:{server['port']}/postgres"
    web = gunicorn_server(DATABASE_URL=url + "?application_name=web-under-test")

    assert web.fetch("/healthz")[0] == 200
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        ended = connection.execute(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = 'web-under-test'"
        ).fetchone()[0]
    assert ended == 1, "the worker keeps one persistent connection"
    for _ in range(3):
        status, _, body = web.fetch("/healthz")
        assert status == 200, body
