"""WSGI entry point, used by gunicorn."""

import gc
import os

from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

application = get_wsgi_application()


def freeze_long_lived(**kwargs):
    """Move the objects alive now out of the cyclic collector's reach (`gc.freeze`), once
    after the process's first request: Django, the apps and what the first page loads
    (templates, URL patterns, the search's modules: ~100,000 objects) live as long as the
    process, and every full collection traversed them all again: 100-140 ms, at load, on a
    request that happened to trigger one (2 of a 1M benchmark's 10 cold requests for the common
    word's page 50: p95 293 against p50 147 ms). Frozen, a full collection walks only what
    requests made since. Objects are still freed by their reference counts as before."""
    request_finished.disconnect(freeze_long_lived)
    gc.collect()
    gc.freeze()


gc.freeze()  # what importing the application made (~77,000 objects); the rest after a request
request_finished.connect(freeze_long_lived)
