"""Middleware for running in production: one log line per request, a 503 page when the database
is unreachable, and the admin login rate limit's authentication backend.

The 503 page is rendered from `templates/503.html` without a request context, so neither the
template nor a context processor can touch the database that just failed.
"""

import logging
import sys
import time

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse, QueryDict
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

request_logger = logging.getLogger("archive.request")
db_logger = logging.getLogger("archive.database")
error_logger = logging.getLogger("archive.errors")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def render_static_page(template_name, status, fallback):
    """Render a self-contained error page; plain text if even that fails (missing manifest…)."""
    try:
        content = loader.get_template(template_name).render()
        content_type = "text/html; charset=utf-8"
    except Exception:  # noqa: BLE001 — an error page must never raise
        error_logger.exception("could not render %s", template_name)
        content, content_type = fallback, "text/plain; charset=utf-8"
    return HttpResponse(content, status=status, content_type=content_type)


def database_unavailable_response(request=None):
    """The 503 page, or for the API (paths under /api/) the API's JSON error shape."""
    message = "The archive's database is unavailable. Please try again shortly."
    if request is not None and request.path.startswith("/api/"):
        response = JsonResponse({"errors": [message]}, status=503)
    else:
        response = render_static_page("503.html", 503, message + "\n")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 with a friendly page, not a traceback, when the database cannot be reached.

    `process_exception` covers views and template rendering; `server_error` (the handler500 in
    `archive/urls.py`) covers a database error raised in another middleware (sessions, auth).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            db_logger.error(
                "database unavailable",
                extra={"path": request.path, "error": f"{type(exception).__name__}: {exception}"},
            )
            return database_unavailable_response(request)
        return None


@requires_csrf_token
def server_error(request, *args, **kwargs):
    """handler500: the 503 page when the uncaught error is the database's, else the 500 page."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        return database_unavailable_response(request)
    return render_static_page("500.html", 500, "Server error. The team has been told.\n")


class RequestLogMiddleware:
    """One structured log line per request: method, path, status, duration, client."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        status = response.status_code
        level = (
            logging.ERROR if status >= 500 else logging.WARNING if status >= 400 else logging.INFO
        )
        if request.path == "/healthz" and status < 400:
            level = logging.DEBUG  # the load balancer asks every few seconds
        request_logger.log(
            level,
            "%s %s %s",
            request.method,
            request.path,
            status,
            extra={
                "method": request.method,
                "path": request.path,
                "status": status,
                "duration_ms": duration_ms,
                "client": request.META.get("REMOTE_ADDR", ""),
            },
        )
        return response


class WebLoginRateLimitBackend(AxesStandaloneBackend):
    """django-axes' lockout check, applied to logins that come through the web.

    A password can only be guessed through an HTTP request; `authenticate()` without one (the
    test client's `login()`, a management shell) has nothing to rate limit, where axes' own
    backend would raise instead.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The client's address for rate limiting: REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT proxies,
    the X-Forwarded-For entry the outermost trusted proxy added (entries left of it are forgeable).
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) >= proxies:
        return forwarded[-proxies]
    return remote_addr


class StripNulBytesMiddleware:
    """Drop NUL bytes from the query string's keys and values before any view reads them.

    No page means anything by one, PostgreSQL refuses NUL in text (a 500 from any filter that
    passes the value to a query, the admin's list filters included) and feeds cannot serialise
    it; without them the search box searches what is left, as if they were never typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.GET.urlencode() or "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class HeadWithoutBodyMiddleware:
    """A HEAD answer carries GET's headers and no body.

    Views accept HEAD wherever they accept GET (`require_safe`), and Django renders the same
    response for both; runserver drops the body, but gunicorn sends it (and warns). Outermost,
    so cached pages and error pages are stripped too; Content-Length stays that of the GET."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "HEAD":
            return response
        if response.streaming:
            response.streaming_content = []
        else:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
