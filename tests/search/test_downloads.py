"""CSV and JSON downloads and the Atom feed of a search: the current results, drafts never."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import StatementFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def read_csv(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_csv_has_the_current_results_in_order(client, archive):
    response = client.get(reverse("statements:search_csv"), {"q": "fentanyl", "sort": "oldest"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert [r["slug"] for r in rows] == ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]
    first = rows[0]
    assert first["date"] == "2023-07-25"
    assert first["publisher"] == "The White House"
    assert first["url"].endswith("/statements/seed-000/")
    assert "Andrés Manuel López Obrador" in first["official_names"]
    assert first["topics"] == "arms-trafficking; fentanyl; migration"


def test_csv_follows_facets_and_never_has_drafts(client, archive):
    rows = read_csv(client.get(reverse("statements:search_csv"), {"topic": "trade"}))
    assert [r["slug"] for r in rows] == ["seed-003"]
    everything = read_csv(client.get(reverse("statements:search_csv")))
    assert len(everything) == 5
    assert "draft-zanzibarquux" not in {r["slug"] for r in everything}


def test_csv_cells_cannot_be_formulas(client, db):
    StatementFactory(title='=HYPERLINK("http://evil")', body="formula")
    (row,) = read_csv(client.get(reverse("statements:search_csv"), {"q": "formula"}))
    assert row["title"].startswith("'=")


def test_csv_query_count_does_not_grow_with_rows(client, db, django_assert_max_num_queries):
    for _ in range(30):
        StatementFactory(body="tapirword")
    from statements.search import sync

    sync.ensure_fresh()  # the index's first build (a few queries, once) is not the download's
    with django_assert_max_num_queries(8):
        rows = read_csv(client.get(reverse("statements:search_csv"), {"q": "tapirword"}))
    assert len(rows) == 30


def test_json_download(client, archive):
    response = client.get(reverse("statements:search_json"), {"q": "Guatemala OR Cofepris"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["count"] == 2
    assert {r["slug"] for r in data["results"]} == {"seed-002", "seed-003"}
    assert data["query"]["q"] == ["Guatemala OR Cofepris"]
    record = next(r for r in data["results"] if r["slug"] == "seed-003")
    assert record["officials"] == ["joe-biden", "andres-manuel-lopez-obrador"]
    assert record["meetings"] == ["san-francisco-2023-11"]


@pytest.mark.parametrize("name", ["search_csv", "search_json"])
def test_downloads_refuse_invalid_parameters(client, archive, name):
    response = client.get(reverse(f"statements:{name}"), {"date_from": "not-a-date"})
    assert response.status_code == 400
    assert "date_from" in json.loads(response.content)["errors"][0]


def test_atom_feed_of_a_search(client, archive):
    response = client.get(reverse("statements:search_feed"), {"q": "Canada", "kind": "readout"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert "Canada" in feed.find(f"{ATOM}title").text
    entries = feed.findall(f"{ATOM}entry")
    # newest first, whatever the sort asked
    assert [e.find(f"{ATOM}link").get("href").rsplit("/", 2)[-2] for e in entries] == [
        "seed-004",
        "seed-003",
    ]
    link = feed.find(f"{ATOM}link").get("href")
    assert "/search/" in link and "kind=readout" in link


def test_atom_feed_escapes_and_hides_drafts(client, archive, hostile):
    response = client.get(reverse("statements:search_feed"))
    feed = ET.fromstring(response.content)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert "Draft readout on zanzibarquux" not in titles
    assert len(titles) == 6
    hostile_entry = next(
        e for e in feed.findall(f"{ATOM}entry") if "hostile" in e.find(f"{ATOM}link").get("href")
    )
    # summaries are HTML: the document's markup arrives as text, not as tags
    summary = hostile_entry.find(f"{ATOM}summary").text
    assert "<script>" not in summary
    assert "&lt;script&gt;" in summary


def test_search_page_links_its_downloads(client, archive):
    html = client.get(reverse("statements:search"), {"q": "fentanyl", "page": "1"}).content.decode()
    assert 'href="/search/results.csv?q=fentanyl"' in html
    assert 'href="/search/results.json?q=fentanyl"' in html
    assert 'href="/search/feed/?q=fentanyl"' in html
