"""Whole public pages cached for anonymous visitors, keyed so that they can never be stale.

A page is stored under the database's *search generation* (`statements.search.cache`; migration
0007 makes every table a public page reads change it) read *before* the view runs, so a stored
page is never older than its key: once any write commits, the generation differs and no reader
asks for the old key again. The key also holds the method, scheme, host (pages print absolute
URLs), full path with query string, the database and today's date (the home page splits meetings
into upcoming and recent).

Nothing personal is ever stored or served: requests with a session or messages cookie skip the
cache (only those can make a page differ between visitors; without a session the visitor is
anonymous), and a response is stored only if it is a plain 200 that sets no cookie, used no CSRF
token, queued no message and varies on nothing but Cookie. Only GET and HEAD of the public pages
listed in PUBLIC_PREFIXES are cached, never the admin, /healthz or the benchmark's own pages.

It sits after the CSP and security middleware, which still add their headers to every response
(the policy uses no nonce, so a stored page needs none), and before sessions, CSRF,
authentication, messages and django-axes, which a hit skips: they have nothing to do for an
anonymous GET without a session. `X-Page-Cache: hit|miss` says what happened.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone

from statements.search.cache import current_generation

CACHE_ALIAS = "pages"
TIMEOUT = 60 * 60
# The CSV download streams; a JSON download of thousands of results is not worth a cache slot.
MAX_BYTES = 512 * 1024
PUBLIC_PREFIXES = (
    "/statements/",
    "/officials/",
    "/meetings/",
    "/topics/",
    "/search/",
    "/feeds/",
    "/api/",
)
PUBLIC_PATHS = frozenset({"/", "/sitemap.xml", "/robots.txt"})
# Changed when what a stored entry means changes (a deploy also starts with empty caches).
KEY_VERSION = 1
# settings.PAGE_CACHE: True (production), False, or VERIFY (tests: every hit is also rendered
# and compared, so the whole suite checks that no cached page is ever stale).
VERIFY = "verify"


class StalePageError(AssertionError):
    pass


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if path not in PUBLIC_PATHS and not path.startswith(PUBLIC_PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return False
    vary = {h.strip().lower() for h in response.get("Vary", "").split(",") if h.strip()}
    if vary - {"cookie"}:
        return False  # nothing varies on other headers today; refuse rather than guess
    return len(response.content) <= MAX_BYTES


def _key(request, generation):
    raw = repr(
        (
            KEY_VERSION,
            connection.vendor,
            connection.settings_dict.get("NAME"),
            generation,
            timezone.localdate().isoformat(),
            request.method,
            request.scheme,
            request.get_host(),
            request.get_full_path(),
        )
    )
    return "page:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _from_cache(entry):
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _store_when_closed(response, cache, key, entry):
    """Store `entry` once the server has sent `response`: the WSGI server calls `close()` after
    the last byte (gunicorn, runserver; the test client at once), so the reader does not wait
    for the write (0.8–1.4 ms of a cold search page). The entry is taken now, before the outer
    middleware add their headers. A page asked for again before the write is rendered again."""
    close = response.close

    def store_and_close():
        try:
            cache.set(key, entry, TIMEOUT)
        finally:
            close()

    response.close = store_and_close


class PageCacheMiddleware:
    """Serve and store anonymous public pages by (generation, URL, date)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        mode = getattr(settings, "PAGE_CACHE", True)
        if not mode or not _cacheable_request(request):
            return self.get_response(request)
        generation = current_generation()  # before the view: a page is never older than its key
        if generation is None:
            return self.get_response(request)
        cache = caches[CACHE_ALIAS]
        key = _key(request, generation)
        entry = cache.get(key)
        if entry is not None:
            if mode == VERIFY:
                return self._verified(request, entry)
            response = _from_cache(entry)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            entry = (response.status_code, list(response.items()), response.content)
            _store_when_closed(response, cache, key, entry)
        response["X-Page-Cache"] = "miss"
        return response

    def _verified(self, request, entry):
        """The test suite's mode: render anyway (tests read response.context), fail if stale."""
        response = self.get_response(request)
        status, _, content = entry
        if (response.status_code, response.content) != (status, content):
            raise StalePageError(f"the page cache holds another page for {request.path}")
        response["X-Page-Cache"] = "hit"
        return response
