"""Settings read from the environment, checked in fresh processes as production starts them."""

import json
import sys

import pytest

from tests.production.conftest import BASE_DIR, clean_env, production_env, run_manage

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({name: getattr(s, name, None) for name in [
    "DEBUG", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE", "LOG_FORMAT", "AXES_FAILURE_LIMIT", "TRUSTED_PROXY_COUNT",
]} | {"ENGINE": s.DATABASES["default"]["ENGINE"]}))
"""


def run_python(code, env, timeout=60):
    """`code` in a fresh Python process with the project's settings and `env`."""
    import subprocess

    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env | {"DJANGO_SETTINGS_MODULE": "archive.settings"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def load_settings(env):
    return run_python(PRINT_SETTINGS, env)


def test_development_works_with_no_variables_set(tmp_path):
    result = load_settings(clean_env(DJANGO_SQLITE_PATH=tmp_path / "dev.sqlite3"))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.splitlines()[-1])
    assert values["DEBUG"] is True
    assert "127.0.0.1" in values["ALLOWED_HOSTS"] and "*" not in values["ALLOWED_HOSTS"]
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["SECURE_SSL_REDIRECT"] is False  # runserver speaks plain HTTP
    assert values["LOG_FORMAT"] == "plain"


def test_production_reads_hosts_origins_and_turns_on_https_protection():
    result = load_settings(
        production_env(
            DJANGO_ALLOWED_HOSTS="archive.example.org, .example.net",
            DJANGO_CSRF_TRUSTED_ORIGINS="https://archive.example.org",
            DJANGO_LOGIN_FAILURE_LIMIT="7",
            DJANGO_PROXY_COUNT="1",
        )
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["archive.example.org", ".example.net"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://archive.example.org"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["LOG_FORMAT"] == "json"
    assert values["AXES_FAILURE_LIMIT"] == 7 and values["TRUSTED_PROXY_COUNT"] == 1


def test_debug_off_without_a_secret_key_refuses_to_start():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_debug_off_without_allowed_hosts_refuses_to_start():
    env = production_env()
    del env["DJANGO_ALLOWED_HOSTS"]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


@pytest.mark.parametrize(
    "database",
    [{}, {"DATABASE_URL": "postgres://archive:secret@db.internal:5432/archive"}],
    ids=["sqlite", "postgresql"],
)
def test_check_deploy_is_clean_with_production_variables(tmp_path, database):
    env = production_env(DJANGO_SQLITE_PATH=tmp_path / "db.sqlite3", **database)
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_flags_a_weak_production_setup(tmp_path):
    """The clean result above means something: the same check does catch a weak setup."""
    env = production_env(
        DJANGO_SQLITE_PATH=tmp_path / "db.sqlite3",
        DJANGO_SECRET_KEY="short",
        DJANGO_SECURE_SSL_REDIRECT="0",
    )
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W009" in result.stderr and "security.W008" in result.stderr


SHARED_PAGE = """
import django
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
response = Client().get("/topics/", secure=True)
print(response.status_code, response["X-Page-Cache"])
"""


def test_a_cache_dir_lets_every_worker_serve_what_one_computed(tmp_path):
    """With DJANGO_CACHE_DIR, a second process (another gunicorn worker) gets a cache hit."""
    env = clean_env(
        DJANGO_SQLITE_PATH=str(tmp_path / "shared.sqlite3"),
        DJANGO_CACHE_DIR=str(tmp_path / "cache"),
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    answers = []
    for _worker in range(2):
        result = run_python(SHARED_PAGE, env, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        answers.append(result.stdout.split()[-2:])
    assert answers == [["200", "miss"], ["200", "hit"]]
    assert any((tmp_path / "cache" / "pages").iterdir())


def test_check_deploy_without_a_secret_says_so_in_one_line():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = run_manage("check", "--deploy", env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("ImproperlyConfigured: DJANGO_SECRET_KEY must be set")


def test_a_sqlite_database_url_works_like_the_sqlite_path(tmp_path):
    path = tmp_path / "from-url.sqlite3"
    env = clean_env(DATABASE_URL=f"sqlite:///{path}")
    result = run_manage("migrate", "-v0", env=env)
    assert result.returncode == 0, result.stderr
    assert path.exists()
    code = (
        "import django; django.setup(); from django.db import connection as c; "
        "cur = c.cursor(); cur.execute('PRAGMA journal_mode'); "
        "print(c.settings_dict['NAME'], cur.fetchone()[0], sorted(c.settings_dict['OPTIONS']))"
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    name, journal, options = result.stdout.split(" ", 2)
    assert name == str(path) and journal == "wal"
    assert "connect_timeout" not in options and "init_command" in options


def test_the_readme_documents_both_ways_to_choose_sqlite():
    readme = (BASE_DIR / "README.md").read_text()
    production = (BASE_DIR / "docs" / "PRODUCTION.md").read_text()
    for text in (readme, production):
        assert "DJANGO_SQLITE_PATH" in text and "sqlite:///" in text
