"""statements/templatetags/cached_urls.py: `{% url %}` gives what Django's gives, the URLs
without arguments reversed once (per URLconf, script prefix and application)."""

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, include, path, reverse, set_script_prefix

from statements.templatetags import cached_urls

urlpatterns = [path("elsewhere/", include("statements.urls"))]  # this module as a URLconf


def render(source, **context):
    return Template(source).render(Context(context))


def test_a_url_without_arguments_is_reversed_once():
    cached_urls._URLS.clear()
    assert render("{% url 'statements:search' %}") == reverse("statements:search") == "/search/"
    (key,) = cached_urls._URLS
    cached_urls._URLS[key] = "/stored/"
    assert render("{% url 'statements:search' %}") == "/stored/"  # not reversed again


def test_arguments_as_and_escaping_are_djangos():
    assert render("{% url 'statements:official_detail' slug %}", slug="joe-biden") == (
        "/officials/joe-biden/"
    )
    assert render("{% url 'statements:search' as u %}[{{ u }}]") == "[/search/]"
    assert render("{% url name %}", name="statements:home") == "/"
    with pytest.raises(NoReverseMatch):
        render("{% url 'statements:nothing' %}")


@override_settings(ROOT_URLCONF="tests.test_cached_urls")
def test_another_urlconf_gets_its_own_urls():
    render("{% url 'statements:search' %}")
    assert render("{% url 'statements:search' %}") == "/elsewhere/search/"


def test_the_script_prefix_is_part_of_the_key():
    assert render("{% url 'statements:search' %}") == "/search/"
    set_script_prefix("/archive/")
    try:
        assert render("{% url 'statements:search' %}") == "/archive/search/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'statements:search' %}") == "/search/"
