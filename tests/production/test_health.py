"""/healthz: one trivial query, JSON, never cached, only GET/HEAD."""

import pytest


@pytest.mark.django_db
def test_healthz_reports_a_working_database_with_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(2):  # SELECT 1, and the search index's lag
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok" and response.json()["database"] == "ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_accepts_only_safe_methods(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
