"""Bad parameters answer 400 as the README says; a page that does not exist is explained."""

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def statements(db):
    return [
        StatementFactory(title=f"Statement {i}", body="ordinary okapiword text") for i in range(3)
    ]


@pytest.mark.parametrize("url", ["/search/", "/search/results.csv", "/search/results.json"])
def test_an_unknown_sort_is_a_bad_request(client, statements, url):
    response = client.get(url, {"q": "okapiword", "sort": "foo"})
    assert response.status_code == 400
    assert "is not a sort order" in response.content.decode()
    assert client.get(url, {"q": "okapiword", "sort": "oldest"}).status_code == 200


def test_a_search_page_past_the_end_says_so_and_shows_the_last(client, statements):
    response = client.get("/search/", {"q": "okapiword", "page": "99"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is no page 99: the results fill 1 page. This is the last one." in html
    assert "okapiword" in html and "Statement 0" in html
    junk = client.get("/search/", {"q": "okapiword", "page": "abc"}).content.decode()
    assert "is not a page number" in junk
    assert "There is no page" not in client.get("/search/", {"q": "okapiword"}).content.decode()


@pytest.mark.parametrize("url", ["/officials/", "/meetings/"])
def test_list_pages_past_the_end_say_so(client, statements, url):
    html = client.get(url, {"page": "999"}).content.decode()
    assert "There is no page 999" in html
