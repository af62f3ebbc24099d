# The archive's web image: gunicorn serving Django, static files served by WhiteNoise.
# Configured only through environment variables (see .env.example and docs/PRODUCTION.md).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Runtime dependencies only, pinned by the lock (the dev extra is not installed).
COPY pyproject.toml requirements.lock ./
RUN pip install --constraint requirements.lock . \
    && useradd --system --uid 1000 --home-dir /app --shell /usr/sbin/nologin archive

COPY manage.py ./
COPY archive ./archive
COPY statements ./statements
COPY alerts ./alerts
COPY templates ./templates
COPY static ./static
COPY fixtures ./fixtures
COPY docker ./docker

# Static files are collected (hashed, compressed) at build time; the variables are build-only.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only DJANGO_ALLOWED_HOSTS=build \
    DJANGO_STATIC_ROOT=/app/staticfiles python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/var && chown archive /app/var

USER archive
ENV DJANGO_DEBUG=0 \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    PORT=8000
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "docker/healthcheck.py"]

ENTRYPOINT ["docker/entrypoint.sh"]
CMD ["gunicorn", "--config", "docker/gunicorn.conf.py", "archive.wsgi:application"]
