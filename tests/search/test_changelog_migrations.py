"""The change log's SQLite triggers and later migrations that rebuild a table they name."""

from tests.production.conftest import clean_env
from tests.production.test_settings import run_python

REBUILD_STATEMENTS_TABLE = """
import django
django.setup()
from django.core.management import call_command
from django.db import connection, models
from django.db.models.signals import post_migrate, pre_migrate
from django.apps import apps
from statements.models import Statement
from statements.search.changelog import SQLITE_TRIGGERS

call_command("migrate", verbosity=0)
call_command("import_statements", "fixtures/seeds", no_progress=True, verbosity=0)
config = apps.get_app_config("statements")
with connection.cursor() as cursor:  # a fresh migrate may itself rebuild a table the log names
    cursor.execute("SELECT count(*) FROM statements_search_log WHERE op = 'r'")
    (rebuilds_before,) = cursor.fetchone()
# What `migrate` does around a plan with a migration that adds a column with a default
# (SQLite rebuilds the table: new table, copy, drop, rename).
pre_migrate.send(config, app_config=config, verbosity=0, interactive=False,
                 using="default", apps=apps, plan=[("a migration", False)])
field = models.CharField(max_length=5, default="x")
field.set_attributes_from_name("rebuilt")
with connection.schema_editor() as editor:
    editor.add_field(Statement, field)
post_migrate.send(config, app_config=config, verbosity=0, interactive=False,
                  using="default", apps=apps, plan=[("a migration", False)])
with connection.cursor() as cursor:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    present = {name for (name,) in cursor.fetchall()}
    cursor.execute("SELECT count(*) FROM statements_search_log WHERE op = 'r'")
    (rebuilds,) = cursor.fetchone()
missing = sorted(set(SQLITE_TRIGGERS) - present)
print("MISSING", missing, "REBUILDS", rebuilds - rebuilds_before)
"""


def test_a_migration_that_rebuilds_the_statements_table_keeps_the_log(tmp_path):
    """Without the triggers dropped first, SQLite refuses the rebuild's rename ("error in
    trigger …: no such table: main.statements_statement"); after it, every trigger is back and
    the indexes are told to rebuild (the migration's own writes went unlogged)."""
    env = clean_env(DJANGO_SQLITE_PATH=tmp_path / "migrate.sqlite3")
    result = run_python(REBUILD_STATEMENTS_TABLE, env, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "MISSING [] REBUILDS 1" in result.stdout, result.stdout
