"""Faults around the importer, in real processes on a real database of their own.

Each test gets a scratch database on the suite's engine (a SQLite file, or a fresh PostgreSQL
database on the suite's server), migrated by `manage.py migrate`, and runs `import_statements`
as separate processes, the way cron or a curator would. The yardstick is a clean import of the
same files: after the fault and one more run, `export_archive` must give the same document
(nothing lost, nothing doubled, no half-saved statement left behind).
"""

import difflib
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from tests.production.conftest import BASE_DIR, clean_env

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
SEEDS = sorted((BASE_DIR / "fixtures" / "seeds").glob("*.txt"))
needs_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="terminating a server connection needs PostgreSQL (runs in CI's PostgreSQL pass)",
)


class ScratchDatabase:
    """A migrated, empty archive database that subprocesses reach through the environment."""

    def __init__(self, tmp_path, template=None):
        self.tmp_path = tmp_path
        if ON_POSTGRESQL:
            db = settings.DATABASES["default"]
            self.server = {
                "host": db["HOST"] or "127.0.0.1",
                "port": db["PORT"] or 5432,
                "user": db["USER"],
                "password": db["PASSWORD"] or None,
            }
            self.name = f"archive_scratch_{uuid.uuid4().hex[:10]}"
            copy_of = f' TEMPLATE "{template.name}"' if template else ""
            self._admin(f'CREATE DATABASE "{self.name}"{copy_of}')
            auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
            self.url = f"postgres://{auth}@{self.server['host']}:{self.server['port']}/{self.name}"
            self.env = clean_env(DATABASE_URL=self.url)
        else:
            self.path = tmp_path / f"scratch-{uuid.uuid4().hex[:6]}.sqlite3"
            self.env = clean_env(DJANGO_SQLITE_PATH=self.path)
            if template:
                shutil.copyfile(template.path, self.path)
        if template is None:
            result = self.manage("migrate", "--noinput", "-v0")
            assert result.returncode == 0, result.stderr

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.server) as connection:
            connection.execute(sql)

    def drop(self):
        if ON_POSTGRESQL:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def manage(self, *args, env=None, timeout=300):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start(self, *args, env=None):
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env or self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def query(self, sql):
        """One value, read straight from the database (no Django in this process)."""
        if ON_POSTGRESQL:
            import psycopg

            with psycopg.connect(dbname=self.name, autocommit=True, **self.server) as connection:
                return connection.execute(sql).fetchone()[0]
        with sqlite3.connect(self.path, timeout=20) as connection:
            return connection.execute(sql).fetchone()[0]

    def export(self):
        result = self.manage("export_archive")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """Migrated once; every scratch database starts as a copy of it."""
    database = ScratchDatabase(tmp_path_factory.mktemp("template"))
    yield database
    database.drop()


@pytest.fixture
def scratch(tmp_path, migrated):
    made = []

    def make():
        database = ScratchDatabase(tmp_path, template=migrated)
        made.append(database)
        return database

    yield make
    for database in made:
        database.drop()


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """The seeds and an edited copy of each: 10 distinct readouts in one folder."""
    folder = tmp_path_factory.mktemp("documents")
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        (folder / seed.name).write_text(text, encoding="utf-8")
        for n in (1,):
            extra = f"\n\nUpdate {n}: the delegations will meet again to review progress.\n"
            (folder / f"{seed.stem}-update-{n}.txt").write_text(text + extra, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference_export(documents, tmp_path_factory, migrated):
    """What a clean, uninterrupted import of the documents exports."""
    database = ScratchDatabase(tmp_path_factory.mktemp("reference"), template=migrated)
    try:
        result = database.manage("import_statements", str(documents), "--no-progress")
        assert result.returncode == 0, result.stderr
        yield database.export()
    finally:
        database.drop()


def normalized(export):
    """The export with statements keyed by source file: slugs are handed out in creation order,
    so a document imported later than in the clean run may rightly get "-2" instead."""
    by_slug = {statement["slug"]: statement["source_file"] for statement in export["statements"]}
    result = json.loads(json.dumps(export))
    for statement in result["statements"]:
        statement["slug"] = statement["source_file"]
    result["statements"].sort(key=lambda statement: statement["source_file"])
    for meeting in result["meetings"]:
        meeting["statements"] = sorted(by_slug.get(slug, slug) for slug in meeting["statements"])
    return result


def assert_same_archive(actual, expected):
    actual, expected = normalized(actual), normalized(expected)
    if actual != expected:
        diff = difflib.unified_diff(
            json.dumps(expected, indent=1, sort_keys=True).splitlines(),
            json.dumps(actual, indent=1, sort_keys=True).splitlines(),
            "clean import",
            "after the fault",
            lineterm="",
        )
        pytest.fail("the archives differ:\n" + "\n".join(list(diff)[:80]))


def wait_for_statements(database, process, at_least, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the import finished before the fault could be injected"
        try:
            if database.query("SELECT COUNT(*) FROM statements_statement") >= at_least:
                return
        except Exception:  # noqa: BLE001 — the table may be locked for a moment
            pass
        time.sleep(0.05)
    pytest.fail("the import never got going")


def test_two_imports_of_the_same_files_at_once(scratch, documents, reference_export):
    database = scratch()
    first = database.start("import_statements", str(documents), "--no-progress")
    second = database.start("import_statements", str(documents), "--no-progress")
    results = [(p.wait(timeout=300), *p.communicate()) for p in (first, second)]
    for code, out, err in results:
        assert code == 0, f"exit {code}\n{out[-1500:]}\n{err[-3000:]}"
    assert_same_archive(database.export(), reference_export)


def test_an_import_killed_midway_is_finished_by_the_next_run(scratch, documents, reference_export):
    """SIGKILL, as when a container is stopped hard: whatever was in flight is rolled back."""
    database = scratch()
    process = database.start("import_statements", str(documents), "--no-progress")
    wait_for_statements(database, process, at_least=3)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.communicate()
    partial = database.query("SELECT COUNT(*) FROM statements_statement")
    assert 3 <= partial < len(list(documents.glob("*.txt")))

    result = database.manage("import_statements", str(documents), "--no-progress")
    assert result.returncode == 0, result.stderr
    assert_same_archive(database.export(), reference_export)


@needs_postgresql
def test_the_database_going_away_mid_import(scratch, documents, reference_export):
    """PostgreSQL ends the importer's connection mid-run (pg_terminate_backend, as a failover or
    a restart would): the run reports the failures and exits non-zero; the next run finishes."""
    database = scratch()
    env = database.env | {"DATABASE_URL": database.url + "?application_name=import-under-test"}
    process = database.start("import_statements", str(documents), "--no-progress", env=env)
    wait_for_statements(database, process, at_least=3)
    terminated = database.query(
        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE application_name = 'import-under-test'"
    )
    assert terminated == 1
    out, err = process.communicate(timeout=300)
    assert process.returncode != 0, "the run must say that files were not imported"
    assert "Traceback" not in err.split("CommandError")[0][-2000:] or "CommandError" in err
    partial = database.query("SELECT COUNT(*) FROM statements_statement")
    assert partial < len(list(documents.glob("*.txt")))

    result = database.manage("import_statements", str(documents), "--no-progress")
    assert result.returncode == 0, result.stderr
    assert_same_archive(database.export(), reference_export)


CURATOR_EDIT = """
import sys, time, datetime, django
django.setup()
from django.db import transaction
from statements.models import Statement
with transaction.atomic():
    statement = Statement.objects.select_for_update().get(source_file=sys.argv[1])
    statement.date = datetime.date(2023, 7, 28)
    statement.date_source = Statement.DateSource.CURATOR
    statement.date_note = "checked against the embassy's archive"
    statement.status = Statement.Status.DRAFT
    statement.save()
    print("editing", flush=True)
    time.sleep(3)  # the curator's transaction is still open while the import starts
print("saved", time.time(), flush=True)
"""


def test_a_curators_edit_racing_an_import_is_not_lost(scratch, documents):
    database = scratch()
    seed = SEEDS[0]
    result = database.manage("import_statements", str(documents / seed.name), "--no-progress")
    assert result.returncode == 0, result.stderr

    env = database.env | {"DJANGO_SETTINGS_MODULE": "archive.settings"}
    curator = subprocess.Popen(
        [sys.executable, "-c", CURATOR_EDIT, seed.name],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert curator.stdout.readline().strip() == "editing", curator.stderr.read()
    # Forced re-extraction of the same file, while the curator's transaction is open.
    importer = database.start(
        "import_statements", str(documents / seed.name), "--force", "--no-progress"
    )
    out, err = importer.communicate(timeout=120)
    finished = time.time()
    curator_out, curator_err = curator.communicate(timeout=60)
    assert curator.returncode == 0, curator_err
    assert importer.returncode == 0, err
    saved_at = float(curator_out.split()[-1])
    assert finished >= saved_at, "the import must have waited for the curator's transaction"

    row = json.loads(
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import json, django; django.setup(); from statements.models import Statement; "
                f"s = Statement.objects.get(source_file={seed.name!r}); "
                "print(json.dumps([str(s.date), s.date_source, s.date_note, s.status]))",
            ],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout.splitlines()[-1]
    )
    assert row == ["2023-07-28", "curator", "checked against the embassy's archive", "draft"]


def test_backup_to_stdout_restores_into_an_empty_database(scratch, documents, reference_export):
    """The README's backup: `export_archive > backup.json` with production settings (JSON logs
    share stdout), then `import_statements backup.json` into an empty database."""
    source = scratch()
    result = source.manage("import_statements", str(documents), "--no-progress")
    assert result.returncode == 0, result.stderr
    production = source.env | {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "backup-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_LOG_LEVEL": "DEBUG",
    }
    backup = source.manage("export_archive", env=production)
    assert backup.returncode == 0, backup.stderr
    backup_file = Path(source.tmp_path) / "backup.json"
    backup_file.write_text(backup.stdout)
    assert_same_archive(json.loads(backup.stdout), reference_export)  # only the archive on stdout

    target = scratch()
    result = target.manage("import_statements", str(backup_file), "--no-progress")
    assert result.returncode == 0, result.stderr
    assert_same_archive(target.export(), reference_export)


def test_an_enormous_file_is_refused_or_imported_quickly(scratch, tmp_path):
    """8 MB of readout text: the importer must answer within seconds, not hang for hours."""
    database = scratch()
    seed = SEEDS[0].read_text(encoding="utf-8")
    enormous = tmp_path / "enormous.txt"
    paragraph = seed.split("---", 2)[-1]
    enormous.write_text(seed + paragraph * (8 * 2**20 // len(paragraph)), encoding="utf-8")
    process = database.start("import_statements", str(enormous), "--no-progress")
    try:
        out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("importing an 8 MB file took more than 20 s")
    imported = database.query("SELECT COUNT(*) FROM statements_statement")
    if imported == 0:
        assert process.returncode != 0
        refusal = [line for line in err.splitlines() if line.startswith("enormous.txt:")]
        assert refusal and "too large" in refusal[0], err


@pytest.mark.skipif(not ON_POSTGRESQL, reason="pg_dump backs up PostgreSQL (CI's PostgreSQL pass)")
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed")
def test_pg_dump_backup_restores_with_pg_restore(scratch, documents, reference_export, tmp_path):
    """The README's PostgreSQL backup and restore, command for command."""
    source = scratch()
    result = source.manage("import_statements", str(documents), "--no-progress")
    assert result.returncode == 0, result.stderr
    server = source.server
    connection = ["-h", str(server["host"]), "-p", str(server["port"]), "-U", server["user"]]
    dump = tmp_path / "archive.dump"
    with dump.open("wb") as out:
        subprocess.run(
            ["pg_dump", *connection, "-d", source.name, "--format=custom"], stdout=out, check=True
        )
    target = scratch()  # a migrated, empty archive: --clean replaces it
    subprocess.run(
        ["pg_restore", *connection, "-d", target.name, "--clean", "--if-exists", str(dump)],
        check=True,
        capture_output=True,
    )
    assert_same_archive(target.export(), reference_export)


@pytest.mark.skipif(ON_POSTGRESQL, reason="the SQLite backup (runs in the SQLite pass)")
@pytest.mark.skipif(not shutil.which("sqlite3"), reason="the sqlite3 shell is not installed")
def test_sqlite_online_backup_restores(scratch, documents, reference_export, tmp_path):
    """The README's SQLite backup (`.backup` while the database is in use) and restore."""
    source = scratch()
    result = source.manage("import_statements", str(documents), "--no-progress")
    assert result.returncode == 0, result.stderr
    backup = tmp_path / "backup.sqlite3"
    subprocess.run(["sqlite3", str(source.path), f".backup '{backup}'"], check=True)
    target = scratch()
    shutil.copyfile(backup, target.path)
    assert_same_archive(target.export(), reference_export)
