"""Settings for the Bilateral Statements Archive, read from the environment.

Development works with no variables set (SQLite under var/, DEBUG on). Production sets
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "development-only-insecure-key"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or (
    ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off "
        "(comma-separated host names, e.g. archive.example.org)."
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "csp",
    "axes",
    "simple_history",
    "statements",
    "alerts",
]

MIDDLEWARE = [
    "archive.middleware.HeadWithoutBodyMiddleware",  # outermost: HEAD is GET without the body
    "archive.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "archive.middleware.StripNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.middleware.DatabaseUnavailableMiddleware",
    # Anonymous public pages by database generation (statements/page_cache.py): before sessions,
    # CSRF, auth and axes, which a hit skips; after CSP and security, which still add headers.
    "statements.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records which curator made each change in the admin's history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a login lockout into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # `{% url %}` without arguments reversed once per process (0.5 ms a search page).
            "builtins": ["statements.templatetags.cached_urls"],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

# SQLite's connection options: used for the default file and for a sqlite:/// DATABASE_URL alike.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    if "sqlite" in DATABASES["default"]["ENGINE"]:
        # DATABASE_URL=sqlite:////abs/path/archive.sqlite3 works like DJANGO_SQLITE_PATH.
        for _key, _value in SQLITE_OPTIONS.items():
            _options.setdefault(_key, _value)
    elif "postgresql" in DATABASES["default"]["ENGINE"]:
        # Give up quickly when PostgreSQL is unreachable: /healthz and the 503 page answer in
        # seconds. (Only PostgreSQL's driver knows connect_timeout: SQLite's refused it.)
        _options.setdefault(
            "connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5"))
        )
else:
    # Without DATABASE_URL: SQLite at DJANGO_SQLITE_PATH (default var/archive.sqlite3).
    SQLITE_PATH = Path(os.environ.get("DJANGO_SQLITE_PATH", BASE_DIR / "var" / "archive.sqlite3"))
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            # Opening a connection (and its PRAGMAs) costs milliseconds, more than a cached page.
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }

# Two caches: "default" holds search answers (statements/search/cache.py), "pages" whole
# anonymous pages (statements/page_cache.py). Both are keyed by the database's generation, so
# neither can serve stale data. By default each process keeps its own in memory; with
# DJANGO_CACHE_DIR they live on disk, shared by every worker of the host, so a page or an answer
# is computed once per generation instead of once per gunicorn worker.
CACHE_DIR = os.environ.get("DJANGO_CACHE_DIR", "")
if CACHE_DIR:
    CACHES = {
        name: {
            "BACKEND": "archive.cache.FileCache",
            "LOCATION": str(Path(CACHE_DIR) / name),
            "OPTIONS": {"MAX_ENTRIES": entries},
        }
        for name, entries in (("default", 5000), ("pages", 2000))
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 500},
        },
    }
PAGE_CACHE = True  # False turns it off; tests use "verify" (statements/page_cache.py)

# The Tantivy index that answers full-text search (statements/search/index.py), derived from the
# database and rebuilt from it; one per host (or per worker group sharing a disk).
SEARCH_INDEX_DIR = Path(
    os.environ.get("DJANGO_SEARCH_INDEX_DIR", BASE_DIR / "var" / "search-index")
)
# False: search reads the database only (the reference path; also used while no index is built).
SEARCH_INDEX_ENABLED = env_bool("DJANGO_SEARCH_INDEX_ENABLED", default=True)
# False: the search page counts its facets in the request's thread, not in a worker thread
# while the page is loaded (statements/search/engine.py, `IndexSearch.start_facets`).
SEARCH_FACETS_IN_THREAD = env_bool("DJANGO_SEARCH_FACETS_IN_THREAD", default=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# collectstatic writes here; the Docker image collects into /app/staticfiles at build time.
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
# WhiteNoise warns on every start (and every test) when the folder is missing before collectstatic.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Where the importer looks by default, and the curated helpers for extraction.
SEEDS_DIR = BASE_DIR / "fixtures" / "seeds"
OFFICIALS_GAZETTEER = BASE_DIR / "fixtures" / "officials.yaml"
TOPICS_TAXONOMY = BASE_DIR / "fixtures" / "topics.yaml"

# Logs go to stdout: one JSON object per line in production (DJANGO_LOG_FORMAT=json, the default
# with DEBUG off) for the container's log collector; plain lines in development.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "archive.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # RequestLogMiddleware writes one line per request; Django's own keeps only 5xx tracebacks.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}

# --- Hardening ------------------------------------------------------------------------------
# Behind a proxy that terminates TLS (it sets X-Forwarded-Proto), production redirects to HTTPS,
# sends HSTS and marks cookies secure. /healthz stays reachable over plain HTTP for probes.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): only our own scripts, styles, images and fonts. So no
# inline <script>/<style> and no style="" attributes in templates: put them in static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Admin login rate limiting (django-axes): after DJANGO_LOGIN_FAILURE_LIMIT failed logins for one
# username from one address, that pair is locked out for DJANGO_LOGIN_COOLOFF_HOURS.
AUTHENTICATION_BACKENDS = [
    "archive.middleware.WebLoginRateLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DJANGO_LOGIN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "429.html"
# No "AXES: BEGIN" line at every start: logs share stdout with `export_archive > backup.json`.
AXES_VERBOSE = False
# The client's address is REMOTE_ADDR, unless the deployment says how many proxies it trusts in
# front (DJANGO_PROXY_COUNT=1 behind one load balancer): then the X-Forwarded-For entry they added.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "archive.middleware.client_ip"

# --- Email (alerts/) ------------------------------------------------------------------------
# SMTP when EMAIL_HOST is set (production); otherwise messages are printed on stdout (development).
# Tests use Django's in-memory outbox whatever is set here.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or "587")
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or "alerts@localhost"
# Alerts are offered when mail can go out: always in development (console), in production only
# with EMAIL_HOST (or DJANGO_ALERTS=1 to force them on).
ALERTS_ENABLED = env_bool("DJANGO_ALERTS", default=DEBUG or bool(EMAIL_HOST))
# Links in digests: this origin (https://archive.example.org), else where each reader subscribed.
ALERTS_SITE_URL = os.environ.get("DJANGO_SITE_URL", "")
ALERTS_MAX_PER_ADDRESS = int(os.environ.get("DJANGO_ALERTS_MAX_PER_ADDRESS") or "10")
ALERTS_MAX_PER_CLIENT_PER_DAY = int(os.environ.get("DJANGO_ALERTS_MAX_PER_CLIENT_PER_DAY") or "20")
