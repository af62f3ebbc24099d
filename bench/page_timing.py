"""In-process page timing: best of 5 through Django's test Client, and SQL queries per page.

For before/after checks of one change on an already loaded database (GET only), e.g.

    DJANGO_SQLITE_PATH=bench/out/archive-100000-42.sqlite3 .venv/bin/python bench/page_timing.py
    .venv/bin/python bench/page_timing.py /officials/joe-biden/ "/search/?q=migration"

No HTTP server and no gunicorn: it measures the view, the queries and the rendering only.
"""

import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    "/statements/secretary-of-health-carlos-mendoza-hernandez-meets-homeland-security-advisor-rich-m-thompson-to-discuss-migration/",
    "/officials/joe-biden/",
    "/officials/martin-gomez-rendon/",
    "/search/?q=huitlacoche",
    "/search/?q=migration",
    "/search/",
]
REPEAT = 5


def main(urls):
    logging.disable(logging.INFO)
    client = Client()
    for url in urls:
        response = client.get(url, secure=True)  # warm-up (and the search cache)
        if response.status_code != 200:
            print(f"{response.status_code} {url}")
            continue
        best = float("inf")
        for _ in range(REPEAT):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                len(client.get(url, secure=True).content)
                best = min(best, time.perf_counter() - start)
        print(f"{best * 1000:8.1f} ms {len(queries.captured_queries):3d} SQL  {url}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:] or PAGES)
