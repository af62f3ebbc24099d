#!/usr/bin/env bash
# Container start: wait for the database, migrate, import the seeds into an empty archive, then
# run the command (gunicorn by default). Each step can be turned off by its variable, e.g. on
# extra web replicas that should not all migrate at once (docs/SCALING.md).
set -euo pipefail
cd "$(dirname "$0")/.."  # /app in the image

wait_for_database() {
  local tries="${DJANGO_DB_WAIT_SECONDS:-60}"
  for ((i = 1; i <= tries; i++)); do
    if python - <<'PY' 2>/dev/null; then
import django
django.setup()
from django.db import connection
connection.ensure_connection()
PY
      return 0
    fi
    echo "entrypoint: waiting for the database (${i}/${tries})" >&2
    sleep 1
  done
  echo "entrypoint: the database did not answer in ${tries}s" >&2
  return 1
}

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-archive.settings}"

if [[ "${1:-}" == "manage.py" ]]; then
  set -- python "$@"
fi

if [[ "${DJANGO_MIGRATE_ON_START:-1}" == "1" ]]; then
  wait_for_database
  python manage.py migrate --noinput
fi

if [[ "${DJANGO_IMPORT_SEEDS_WHEN_EMPTY:-1}" == "1" ]]; then
  if python - <<'PY'; then
import sys
import django
django.setup()
from statements.models import Statement
sys.exit(0 if Statement.objects.exists() else 1)
PY
    echo "entrypoint: the archive already has statements; seeds not imported" >&2
  else
    echo "entrypoint: empty archive, importing fixtures/seeds/" >&2
    python manage.py import_statements fixtures/seeds/
  fi
fi

exec "$@"
