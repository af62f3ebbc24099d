"""The Docker deployment, checked as far as a machine without a Docker engine allows.

The compose file must parse and wire PostgreSQL and the web service together; every variable the
settings read must reach the web container and be documented in .env.example; the Dockerfile may
only copy files that exist; the entrypoint must be valid bash and actually start an archive.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from tests.production.conftest import BASE_DIR, VENV_BIN, clean_env

COMPOSE = yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())
DOCKERFILE = (BASE_DIR / "Dockerfile").read_text()
ENV_EXAMPLE = (BASE_DIR / ".env.example").read_text()
ENTRYPOINT = BASE_DIR / "docker" / "entrypoint.sh"

# Variables read by the settings module and the container's own scripts.
SETTINGS_SOURCES = [
    BASE_DIR / "archive" / "settings.py",
    BASE_DIR / "docker" / "gunicorn.conf.py",
    BASE_DIR / "docker" / "healthcheck.py",
    ENTRYPOINT,
]
# Set by the image itself or meaningful only outside containers.
NOT_FOR_COMPOSE = {
    "DJANGO_SQLITE_PATH",  # compose always uses PostgreSQL
    "DJANGO_STATIC_ROOT",  # fixed in the image
    "DJANGO_SETTINGS_MODULE",
    "PORT",
    "GUNICORN_BIND",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "FORWARDED_ALLOW_IPS",
}


def variables_read():
    names = set()
    patterns = [
        r"""(?:os\.environ\.get|os\.environ\[|env_bool|env_list)\(?\s*["']([A-Z][A-Z0-9_]+)["']""",
        r"\$\{([A-Z][A-Z0-9_]+)(?::-[^}]*)?\}",
    ]
    for source in SETTINGS_SOURCES:
        text = source.read_text()
        for pattern in patterns:
            names.update(re.findall(pattern, text))
    return names


def env_example_names():
    return set(re.findall(r"^([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE, flags=re.MULTILINE))


def test_the_variable_scan_finds_what_the_settings_read():
    names = variables_read()
    assert {"DATABASE_URL", "DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"} <= names
    assert "DJANGO_CSRF_TRUSTED_ORIGINS" in names and "WEB_CONCURRENCY" in names


def test_compose_has_postgres_with_a_volume_and_a_health_check():
    db = COMPOSE["services"]["db"]
    assert db["image"].split(":")[0] == "postgres"
    volume, mount = db["volumes"][0].split(":")
    assert volume in COMPOSE["volumes"] and mount == "/var/lib/postgresql/data"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert db["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")


def test_compose_web_is_built_here_waits_for_the_database_and_is_health_checked():
    web = COMPOSE["services"]["web"]
    assert web["build"] == "."
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert "docker/healthcheck.py" in web["healthcheck"]["test"]
    assert web["ports"] == ["${WEB_PORT:-8000}:8000"]
    url = web["environment"]["DATABASE_URL"]
    assert url.startswith("postgres://") and "@db:5432/" in url


def test_every_variable_the_settings_read_reaches_the_web_container():
    web_environment = set(COMPOSE["services"]["web"]["environment"])
    missing = variables_read() - NOT_FOR_COMPOSE - web_environment
    assert not missing, f"not passed to the web service in docker-compose.yml: {missing}"


def test_every_configurable_variable_is_documented_in_env_example():
    compose_text = (BASE_DIR / "docker-compose.yml").read_text()
    from_env_file = set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", compose_text))
    undocumented = from_env_file - env_example_names()
    assert not undocumented, (
        f"used by docker-compose.yml, missing from .env.example: {undocumented}"
    )
    assert not re.search(r"^DJANGO_DEBUG=1", ENV_EXAMPLE, flags=re.MULTILINE)


def env_example_values():
    return dict(re.findall(r"^([A-Z][A-Z0-9_]+)=(.*)$", ENV_EXAMPLE, flags=re.MULTILINE))


def test_env_example_leaves_the_secrets_empty_so_compose_stops_until_they_are_set():
    values = env_example_values()
    assert values["DJANGO_SECRET_KEY"] == "" and values["POSTGRES_PASSWORD"] == ""
    web = COMPOSE["services"]["web"]["environment"]
    assert web["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")  # :? also rejects ""


def test_env_example_with_its_secrets_filled_in_passes_check_deploy(tmp_path):
    """The documented configuration is a secure one, exactly as written."""
    from tests.production.conftest import run_manage

    values = {k: v for k, v in env_example_values().items() if k.startswith("DJANGO_")}
    values["DJANGO_SECRET_KEY"] = "Zk3" + "q8Lw2Rt5Yp9Mv4Nx7Bc1Hd6Jf0Gs" * 2
    values["DJANGO_SQLITE_PATH"] = str(tmp_path / "db.sqlite3")
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=clean_env(**values))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_dockerfile_uses_a_slim_python_and_copies_only_files_that_exist():
    assert re.search(r"^FROM python:3\.\d+-slim", DOCKERFILE, flags=re.MULTILINE)
    copies = re.findall(r"^COPY\s+(.+?)\s+\S+$", DOCKERFILE, flags=re.MULTILINE)
    assert copies
    for sources in copies:
        for source in sources.split():
            assert (BASE_DIR / source).exists(), f"Dockerfile copies a missing path: {source}"
    dockerignore = (BASE_DIR / ".dockerignore").read_text().split()
    for sources in copies:
        for source in sources.split():
            assert source.rstrip("/") not in dockerignore


def test_dockerfile_collects_static_and_runs_gunicorn_through_the_entrypoint():
    assert "collectstatic --noinput" in DOCKERFILE
    assert 'ENTRYPOINT ["docker/entrypoint.sh"]' in DOCKERFILE
    assert '"gunicorn", "--config", "docker/gunicorn.conf.py", "archive.wsgi:application"' in (
        DOCKERFILE
    )
    assert re.search(r"^USER (?!root)\w+", DOCKERFILE, flags=re.MULTILINE)
    assert (BASE_DIR / "docker" / "gunicorn.conf.py").exists()


def test_gunicorn_config_loads():
    result = subprocess.run(
        [sys.executable, "docker/gunicorn.conf.py"],
        cwd=BASE_DIR,
        env=clean_env(WEB_CONCURRENCY="4"),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


def test_entrypoint_is_valid_executable_bash():
    assert ENTRYPOINT.stat().st_mode & 0o111, "the entrypoint must be executable"
    result = subprocess.run(["bash", "-n", str(ENTRYPOINT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def run_entrypoint(env, *command):
    env = env | {"PATH": f"{VENV_BIN}:{env.get('PATH', '')}"}  # `python` is the image's Python
    return subprocess.run(
        ["bash", str(ENTRYPOINT), *command],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_entrypoint_gives_up_when_the_database_never_answers(tmp_path):
    env = clean_env(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="entrypoint-test-key",
        DJANGO_ALLOWED_HOSTS="localhost",
        DATABASE_URL="postgres://postgres@127.0.0.1:9/archive",
        DJANGO_DB_WAIT_SECONDS="2",
    )
    result = run_entrypoint(env, "true")
    assert result.returncode != 0
    assert "the database did not answer in 2s" in result.stderr


def test_the_image_steps_work_on_a_tree_of_only_what_the_dockerfile_copies(tmp_path):
    """`docker build` + `docker compose up` without Docker: copy exactly what the Dockerfile
    copies, collect static files as it does, start through the entrypoint (migrate, seeds) and
    gunicorn, then ask docker/healthcheck.py and fetch the home page."""
    pytest.importorskip(
        "statements.management.commands.import_statements",
        reason="the importer (ingest-pipeline) is not importable yet",
    )
    import socket
    import time
    import urllib.request

    from tests.production.conftest import free_port

    app = tmp_path / "app"
    app.mkdir()
    for sources, destination in re.findall(r"^COPY\s+(.+?)\s+(\S+)$", DOCKERFILE, re.MULTILINE):
        for source in sources.split():
            origin = BASE_DIR / source
            target = (
                app / destination / origin.name if destination.endswith("/") else app / destination
            )
            if origin.is_dir():
                shutil.copytree(origin, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(origin, target)
    path = f"{VENV_BIN}:{os.environ.get('PATH', '')}"
    build_env = clean_env(
        PATH=path,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="collectstatic-only",
        DJANGO_ALLOWED_HOSTS="build",
        DJANGO_STATIC_ROOT=app / "staticfiles",
    )
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=app,
        env=build_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collect.returncode == 0, collect.stderr
    assert (app / "staticfiles" / "staticfiles.json").exists()

    port = free_port()
    run_env = clean_env(
        PATH=path,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="image-test-" + "s" * 50,
        DJANGO_ALLOWED_HOSTS="localhost",
        DJANGO_STATIC_ROOT=app / "staticfiles",
        DJANGO_SQLITE_PATH=tmp_path / "archive.sqlite3",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        PORT=port,
        WEB_CONCURRENCY=1,
    )
    log = (tmp_path / "container.log").open("w")
    container = subprocess.Popen(
        [
            "bash",
            str(app / "docker" / "entrypoint.sh"),
            "gunicorn",
            "--config",
            "docker/gunicorn.conf.py",
            "archive.wsgi:application",
        ],
        cwd=app,
        env=run_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert container.poll() is None, (tmp_path / "container.log").read_text()[-3000:]
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        health = subprocess.run(
            [sys.executable, "docker/healthcheck.py"],
            cwd=app,
            env=run_env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert health.returncode == 0, health.stderr
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/",
            headers={"Host": "localhost", "X-Forwarded-Proto": "https"},
        )
        with urllib.request.urlopen(request, timeout=15) as response:
            home = response.read().decode()
        assert response.status == 200
        assert "Bilateral Statements Archive" in home and "/statements/" in home
    finally:
        container.terminate()
        container.wait(timeout=30)
        log.close()
    assert "empty archive, importing fixtures/seeds/" in (tmp_path / "container.log").read_text()

    # A restart finds the archive filled: the seeds are not imported twice.
    restart = run_entrypoint(run_env, "true")
    assert restart.returncode == 0, restart.stderr
    assert "already has statements; seeds not imported" in restart.stderr


def test_production_guide_exists_and_documents_every_variable():
    """The Dockerfile and docker-compose.yml send readers to docs/PRODUCTION.md."""
    guide = (BASE_DIR / "docs" / "PRODUCTION.md").read_text()
    assert "docs/PRODUCTION.md" in DOCKERFILE
    assert "docs/PRODUCTION.md" in (BASE_DIR / "docker-compose.yml").read_text()
    for section in (
        "## Deploy",
        "## Variables",
        "## Email (SMTP)",
        "## Search index",
        "## Backups",
    ):
        assert section in guide
    undocumented = {name for name in variables_read() if f"`{name}`" not in guide}
    assert not undocumented - {"DJANGO_SETTINGS_MODULE"}, undocumented
