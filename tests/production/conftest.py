"""Helpers to run the archive the way production does: gunicorn, DEBUG off, collected static."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
VENV_BIN = Path(sys.executable).parent
# Every index these helpers make lives under one folder removed when the test process exits.
_SEARCH_INDEXES = tempfile.TemporaryDirectory(prefix="archive-search-indexes-")
STRONG_SECRET_KEY = "x7Rk2pQ9vLm4Tz8Wc1Ny6Hb3Js5Fd0Ga-Pe_Uo7Iq2Xw9Zr4Ks1Lt8Mv3Nb6Cy5Dh0Ej"


def clean_env(**overrides):
    """The current environment without any archive setting, plus `overrides`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "GUNICORN_", "WEB_CONCURRENCY"))
    }
    env.update({key: str(value) for key, value in overrides.items()})
    # A search index of its own: an index belongs to one database, never the checkout's var/.
    env.setdefault(
        "DJANGO_SEARCH_INDEX_DIR", tempfile.mkdtemp(prefix="index-", dir=_SEARCH_INDEXES.name)
    )
    return env


def production_env(**overrides):
    """What docker-compose gives the web container, pointed at this machine."""
    values = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": STRONG_SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_FORMAT": "json",
    }
    return clean_env(**(values | overrides))


def run_manage(*args, env, timeout=120):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """collectstatic as the Dockerfile runs it (hashed, compressed), into a temporary folder."""
    root = tmp_path_factory.mktemp("staticfiles")
    result = run_manage(
        "collectstatic", "--noinput", "-v0", env=production_env(DJANGO_STATIC_ROOT=root)
    )
    assert result.returncode == 0, result.stderr
    assert (root / "staticfiles.json").exists()
    return root


class Server:
    def __init__(self, base_url, process, log_path):
        self.base_url = base_url
        self.process = process
        self.log_path = log_path

    def fetch(self, path, *, headers=None, method="GET"):
        """(status, headers, body) without following redirects; errors are answers too."""
        request = urllib.request.Request(self.base_url + path, headers=headers or {}, method=method)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=15) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def log_lines(self):
        return self.log_path.read_text(errors="replace").splitlines()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def gunicorn_server(tmp_path, collected_static):
    """Start gunicorn with docker/gunicorn.conf.py and production settings; yields a starter."""
    started = []

    def start(**env_overrides):
        port = free_port()
        log_path = tmp_path / f"gunicorn-{port}.log"
        env = production_env(
            DJANGO_STATIC_ROOT=collected_static,
            GUNICORN_BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY="1",
            **env_overrides,
        )
        log = log_path.open("w")
        process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "--config",
                "docker/gunicorn.conf.py",
                "archive.wsgi:application",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append((process, log))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"gunicorn exited: {log_path.read_text()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                return Server(f"http://127.0.0.1:{port}", process, log_path)
            time.sleep(0.1)
        pytest.fail(f"gunicorn did not listen in 30 s: {log_path.read_text()}")

    yield start
    for process, log in started:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
