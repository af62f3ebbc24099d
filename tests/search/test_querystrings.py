"""`faceted.querystrings`: the facet links' URLs, built with the other parameters encoded once,
are `querystring`'s, character for character."""

import pytest
from django.http import QueryDict

from statements.search.faceted import querystring, querystrings

PARAMS = [
    "",
    "q=migration",
    "q=migration&page=3",
    "page=2",
    "q=L%C3%B3pez+Obrador&official=a&official=b&kind=readout&year=2021&all=official",
    "kind=&q=x&year=&year=2020&topic=t",
    "q=%22arms+trafficking%22&sort=newest&date_from=2020-01-01",
    "topic=a%26b&topic=c+d",
]
CHANGES = [
    ("official", []),
    ("official", ["a"]),
    ("official", ["b", "new"]),
    ("kind", [""]),
    ("year", ["2021", ""]),
    ("year", []),
    ("q", ["x y"]),
    ("page", ["4"]),
    ("meeting", ["m-1"]),
    ("topic", ["a&b"]),
    ("publisher", ["White House", 7]),
]


@pytest.mark.parametrize("raw", PARAMS)
def test_same_as_querystring(raw):
    params = QueryDict(raw)
    changed = querystrings(params)
    for name, values in CHANGES:
        assert changed(name, values) == querystring(params, **{name: values}), (raw, name)
