"""Several hosts (issue 14 item 3): two web servers, each with its own search index directory,
over one PostgreSQL. A curator publishes on one; the other finds it within 2 seconds, from its
own index replica fed by the shared change log. Server A runs two gunicorn workers sharing
one index directory (one writer, readers reload)."""

import http.cookiejar
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection
from django.urls import reverse

from statements.models import Statement
from statements.search.index import SearchIndex
from tests.factories import StatementFactory
from tests.production.conftest import BASE_DIR, VENV_BIN, clean_env, free_port

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="hosts share a PostgreSQL database"
)
WORD = "okapiquorum"
PASSWORD = "two-hosts-test-password"


class Host:
    def __init__(self, port, index_dir, process, log_path):
        self.base = f"http://127.0.0.1:{port}"
        self.index_dir = index_dir
        self.process = process
        self.log_path = log_path
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path, **params):
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        with self.opener.open(url, timeout=15) as response:
            return response.read().decode()

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        try:
            with self.opener.open(self.base + path, body, timeout=15) as response:
                return response.read().decode()
        except urllib.error.HTTPError as error:
            log = self.log_path.read_text()
            raise AssertionError(f"{error.url}: {error.code} {log}") from error

    def csrf(self, html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def log_in(self, username):
        html = self.get("/admin/login/")
        self.post(
            "/admin/login/",
            {
                "csrfmiddlewaretoken": self.csrf(html),
                "username": username,
                "password": PASSWORD,
                "next": "/admin/",
            },
        )

    def found(self, word):
        return "seed-two-hosts" in self.get(reverse("statements:search"), q=word)


def database_url():
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.fixture
def start_host(transactional_db, tmp_path):
    started = []

    def start(name, workers):
        port = free_port()
        index_dir = tmp_path / f"index-{name}"
        log_path = tmp_path / f"{name}.log"
        env = clean_env(
            DATABASE_URL=database_url(),
            DJANGO_SEARCH_INDEX_DIR=index_dir,
            GUNICORN_BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY=workers,
        )
        log = log_path.open("w")
        process = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "--config", "docker/gunicorn.conf.py", "archive.wsgi"],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append((process, log))
        host = Host(port, index_dir, process, log_path)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"{name} exited: {log_path.read_text()}")
            try:
                host.get("/healthz")
                return host
            except OSError:
                time.sleep(0.1)
        pytest.fail(f"{name} did not answer in 30 s: {log_path.read_text()}")

    yield start
    for process, log in started:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_a_publish_on_one_host_is_searchable_on_the_other_within_2_seconds(
    start_host, django_user_model
):
    django_user_model.objects.create_superuser("curator", "c@example.org", PASSWORD)
    StatementFactory(status=Statement.Status.PUBLISHED, body="Nothing to see here.")
    draft = StatementFactory(
        slug="seed-two-hosts",
        status=Statement.Status.DRAFT,
        body=f"The delegations agreed on the {WORD} at last.",
    )
    a, b = start_host("a", workers=2), start_host("b", workers=1)
    for host in (a, b):  # each host builds its own replica on its first search
        assert not host.found(WORD)
        assert '"state": "current"' in host.get("/healthz")

    a.log_in("curator")
    changelist = a.get("/admin/statements/statement/")
    a.post(
        "/admin/statements/statement/",
        {
            "csrfmiddlewaretoken": a.csrf(changelist),
            "action": "publish",
            "_selected_action": [draft.pk],
            "index": 0,
        },
    )
    published = time.monotonic()
    draft.refresh_from_db()
    assert draft.status == Statement.Status.PUBLISHED

    while not b.found(WORD):
        assert time.monotonic() - published < 2.0, "not searchable on host b within 2 s"
        time.sleep(0.05)
    elapsed = time.monotonic() - published
    assert elapsed < 2.0
    print(f"searchable on host b {elapsed * 1000:.0f} ms after the publish's response")
    assert a.found(WORD)  # and on both of a's workers, which share one index directory
    assert a.found(WORD)

    for host in (a, b):  # each answered from its own replica, not from the database
        replica = SearchIndex(host.index_dir)
        assert draft.pk in replica.doc_fingerprints()
        assert '"behind": 0' in host.get("/healthz")
