"""The OpenAPI description against the API itself: every /api/ URL pattern is a documented path
(and every documented path a URL), and every answer described field by field
(statements/api_schemas.py) has exactly the documented keys and types in real answers over the
seeds: search with did_you_mean, suggest, a meeting with its comparison, commitment threads."""

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from statements.api import KINDS

pytestmark = pytest.mark.django_db


def api_routes(patterns=None, prefix=""):
    """Every URL pattern under /api/, as OpenAPI paths ("/api/meetings/{slug}/")."""
    routes = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            routes |= api_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/"):
            path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
            if "{kind}" in path:
                routes |= {path.replace("{kind}", kind) for kind in KINDS}
            else:
                routes.add(path)
    return routes


@pytest.fixture
def spec(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_every_api_url_pattern_is_a_documented_path(spec):
    routes = api_routes()
    for expected in ("/api/suggest/", "/api/commitments/", "/api/commitments/{slug}/"):
        assert expected in routes
    assert routes - set(spec["paths"]) == set(), "URL patterns the description leaves out"


def test_every_documented_path_is_a_url(spec):
    for path in spec["paths"]:
        match = resolve(path.replace("{slug}", "some-slug"))
        assert match.namespace == "statements", path
    assert set(spec["paths"]) - api_routes() == set(), "paths no URL pattern answers"


def test_every_reference_resolves(spec):
    text = str(spec)
    names = set(re.findall(r"#/components/schemas/(\w+)", text))
    assert {"Search", "Suggestions", "Meeting", "Comparison", "CommitmentThreads"} <= names
    assert names <= set(spec["components"]["schemas"])


def conforms(value, schema, spec, where):
    """Assert that `value` has exactly the keys and the types `schema` documents."""
    if value is None:
        assert schema.get("nullable"), f"{where}: null, but not documented as nullable"
        return
    if "allOf" in schema:  # a nullable reference
        (schema,) = schema["allOf"]
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    kind = schema.get("type")
    if kind == "object":
        assert isinstance(value, dict), f"{where}: {value!r} is not an object"
        if "properties" in schema:
            documented, answered = set(schema["properties"]), set(value)
            required = set(schema.get("required", documented))
            assert required <= answered <= documented, (
                f"{where}: undocumented {sorted(answered - documented)}, "
                f"missing {sorted(required - answered)}"
            )
            for key, item in value.items():
                conforms(item, schema["properties"][key], spec, f"{where}.{key}")
    elif kind == "array":
        assert isinstance(value, list), f"{where}: {value!r} is not an array"
        for index, item in enumerate(value):
            conforms(item, schema["items"], spec, f"{where}[{index}]")
    elif kind == "string":
        assert isinstance(value, str), f"{where}: {value!r} is not a string"
        if "enum" in schema:
            assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
        if schema.get("format") == "date":
            datetime.date.fromisoformat(value)
        if schema.get("format") == "uri":
            assert value.startswith("http://testserver/"), f"{where}: {value!r}"
    elif kind == "integer":
        assert isinstance(value, int) and not isinstance(value, bool), f"{where}: {value!r}"
    elif kind == "boolean":
        assert isinstance(value, bool), f"{where}: {value!r}"


def answer_schema(spec, path):
    return spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def check(client, spec, path, url):
    response = client.get(url)
    assert response.status_code == 200, url
    data = response.json()
    conforms(data, answer_schema(spec, path), spec, url)
    return data


def test_search_and_suggest_answers_are_as_documented(client, spec, seeded_archive):
    found = check(client, spec, "/api/search/", "/api/search/?q=fentanyl")
    assert found["results"] and found["did_you_mean"] is None
    assert all(found["facets"].values()), "every facet has values to check"
    corrected = check(client, spec, "/api/search/", "/api/search/?q=fentanil")
    assert corrected["did_you_mean"] == "fentanyl"
    suggested = check(client, spec, "/api/suggest/", "/api/suggest/?q=sherw")
    assert suggested["suggestions"][0]["kind"] == "official"


def test_a_meeting_and_its_comparison_are_as_documented(client, spec, seeded_archive):
    (compared,) = set(seeded_archive["002"].meetings.all()) & set(
        seeded_archive["004"].meetings.all()
    )
    path = "/api/meetings/{slug}/"
    data = check(client, spec, path, f"/api/meetings/{compared.slug}/")
    comparison = data["comparison"]
    assert len(comparison["governments"]) == 2 and comparison["differences"]
    assert any(None in row["cells"] for row in comparison["rows"]), "a cell left empty"
    (alone,) = seeded_archive["003"].meetings.all()
    assert check(client, spec, path, f"/api/meetings/{alone.slug}/")["comparison"] is None


def test_commitment_threads_are_as_documented(client, spec, seeded_archive):
    path = "/api/commitments/"
    listed = check(client, spec, path, path)
    assert listed["count"] > 2
    middle = check(client, spec, path, path + "?page_size=2&page=2")
    assert middle["next"] and middle["previous"]
    restated = max(listed["results"], key=lambda thread: len(thread["mentions"]))
    assert len(restated["mentions"]) > 1
    detail = check(
        client, spec, "/api/commitments/{slug}/", f"/api/commitments/{restated['slug']}/"
    )
    assert detail["officials"] and detail["meetings"]
