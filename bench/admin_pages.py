"""Time the curators' review screen and "Add a readout" on the current database:
`python bench/admin_pages.py --username alice [--repeat 15]` (a staff user who may curate).

Server side only (Django's test client, no HTTP): median and best CPU time per request
(`time.process_time`, steady on a shared machine where wall-clock time is not) and the number of
SQL queries, for "Add a readout" and the review screen of every statement (longest first, at most
five). docs/PERFORMANCE.md, "The review screen and Add a readout", quotes it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # per-process caches filled
    times = []
    for _ in range(repeat):
        started = time.process_time()
        response = client.get(url)
        times.append((time.process_time() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return response.status_code, times[len(times) // 2], times[0], len(queries)


def main(argv=None):
    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--username", required=True)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db.models.functions import Length
    from django.test import Client
    from django.urls import reverse

    from statements.models import Statement

    client = Client()
    client.force_login(get_user_model().objects.get(username=args.username))
    urls = [("add a readout", reverse("admin:statements_statement_add_readout"))]
    for statement in Statement.objects.annotate(n=Length("body")).order_by("-n")[:5]:
        url = reverse("admin:statements_statement_change", args=[statement.pk])
        urls.append((f"review {statement.pk} ({statement.n} chars)", url))
    for label, url in urls:
        status, median, best, queries = measure(client, url, args.repeat)
        print(
            f"{label:32} {status}  cpu median {median:6.0f} ms  best {best:6.0f} ms  "
            f"{queries} queries"
        )


if __name__ == "__main__":
    main()
