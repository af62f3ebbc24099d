"""404, 500 and 503 pages: in the site's style, and the 500/503 ones without the database."""

import pytest
from django.template import loader
from django.test import Client


@pytest.mark.django_db
def test_404_page_is_in_the_site_style_and_escapes_the_path(client):
    response = client.get("/statements/<script>alert(1)</script>/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html  # extends base.html
    assert "<script>alert(1)</script>" not in html
    assert "/statements/%3Cscript%3Ealert%281%29%3C/script%3E/" in html  # shown, harmless


@pytest.mark.django_db
def test_500_page_hides_the_error(settings):
    settings.ROOT_URLCONF = "tests.production.boom_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and "Bilateral Statements Archive" in html
    assert "secret detail" not in html and "RuntimeError" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("with_middleware", [True, False], ids=["middleware", "handler500"])
def test_a_database_error_becomes_the_503_page(settings, with_middleware):
    """The middleware catches it in views; handler500 catches it anywhere else."""
    settings.ROOT_URLCONF = "tests.production.boom_urls"
    if not with_middleware:
        settings.MIDDLEWARE = [
            m
            for m in settings.MIDDLEWARE
            if m != "archive.middleware.DatabaseUnavailableMiddleware"
        ]
    response = Client(raise_request_exception=False).get("/database-gone/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "temporarily unavailable" in html
    assert "secret detail" not in html and "10.0.0.5" not in html


@pytest.mark.parametrize(
    "template, text",
    [("500.html", "Something went wrong"), ("503.html", "temporarily unavailable")],
)
def test_500_and_503_pages_render_without_any_database_access(django_db_blocker, template, text):
    """pytest-django's blocker makes every query fail, as an outage would."""
    with django_db_blocker.block():
        html = loader.get_template(template).render()
    assert text in html
    assert "<style" not in html and "<script" not in html  # the CSP allows neither


def test_503_response_says_when_to_retry_and_is_not_cached(django_db_blocker):
    from archive.middleware import database_unavailable_response

    with django_db_blocker.block():
        response = database_unavailable_response()
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store"
