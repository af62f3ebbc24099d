"""The archive's own settings, plus what the benchmark needs around them.

`bench/run.py` serves the archive with these: the same apps, middleware and database as in
production (DJANGO_DEBUG=0), plus the naive reference search at /bench/naive/search/ and a
middleware that reports each response's SQL query count in a header.
"""

from archive.settings import *  # noqa: F403
from archive.settings import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.count_queries", *MIDDLEWARE]
