"""In-process timing of *cold* search pages: the search generation moved before every request.

For before/after checks of search changes on an already loaded database (GET only), e.g.

    DJANGO_SQLITE_PATH=/tmp/me/b10k.sqlite3 .venv/bin/python bench/cold_timing.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_me .venv/bin/python bench/cold_timing.py

Before each request, the same no-op UPDATE of one topic as `bench/run.py`'s cold mix, so no
cached answer (search cache, page cache) can be used, as after an import or an edit. No HTTP
server: the view, its SQL and the rendering only. Prints p50, p95 and SQL queries per page, for
the benchmark's search mix or for the URLs given as arguments.
"""

import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# The benchmark's collected static files (bench/load.py collects them there).
os.environ.setdefault("DJANGO_STATIC_ROOT", str(Path(__file__).resolve().parent / "out" / "static"))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

MIX = [
    ("rare word", "/search/?q=huitlacoche"),
    ("common word", "/search/?q=migration"),
    ("official, no accents", "/search/?q=Lopez+Obrador"),
    ("quoted phrase", '/search/?q="arms+trafficking"'),
    ("word + 2 facets", "/search/?q=fentanyl&kind=readout&year=2021"),
    ("empty query (browse)", "/search/"),
    ("page 50, common word", "/search/?q=migration&page=50"),
]
INVALIDATE = (
    "UPDATE statements_topic SET name = name WHERE id = (SELECT min(id) FROM statements_topic)"
)


def main(urls, repeat=7):
    logging.disable(logging.WARNING)
    client = Client()
    for label, url in urls:
        client.get(url, secure=True)  # warm-up: imports, templates, the database's own caches
        times = []
        for _ in range(repeat):
            with connection.cursor() as cursor:
                cursor.execute(INVALIDATE)
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url, secure=True)
                len(response.content)
                times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(
            f"{label:22s} p50 {statistics.median(times):8.1f} ms  p95 {p95:8.1f} ms  "
            f"{len(queries.captured_queries):3d} SQL  {response.status_code}",
            flush=True,
        )


if __name__ == "__main__":
    main([(url, url) for url in sys.argv[1:]] or MIX)
