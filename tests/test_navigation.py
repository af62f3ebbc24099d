"""The main navigation and the footer: every link answers 200 on the seeded archive, and the
main nav reaches every kind of list a reader browses (issue 12 added /commitments/)."""

import re

import pytest

pytestmark = pytest.mark.django_db

MAIN_NAV = re.compile(r'<nav class="site-nav" aria-label="Main">(.*?)</nav>', re.S)
FOOTER = re.compile(r'<ul class="site-footer__links">(.*?)</ul>', re.S)
LINK = re.compile(r'<a href="([^"]+)"([^>]*)>([^<]+)</a>')


def links(pattern, page):
    (block,) = pattern.findall(page)
    return [(href, attrs, label.strip()) for href, attrs, label in LINK.findall(block)]


def test_the_main_nav_lists_every_section(client, seeded_archive):
    page = client.get("/").content.decode()
    labels = [label for _, _, label in links(MAIN_NAV, page)]
    assert labels == ["Officials", "Meetings", "Commitments", "Topics", "Search"]


@pytest.mark.parametrize("start", ["/", "/commitments/", "/search/?q=fentanyl"])
def test_every_nav_and_footer_link_answers_200(client, seeded_archive, start):
    page = client.get(start).content.decode()
    found = links(MAIN_NAV, page) + links(FOOTER, page)
    assert len(found) >= 9
    for href, _, label in found:
        response = client.get(href)
        assert response.status_code == 200, f"{label} ({href}) answered {response.status_code}"


@pytest.mark.parametrize(
    ("path", "current"),
    [("/commitments/", "Commitments"), ("/officials/", "Officials"), ("/topics/", "Topics")],
)
def test_the_nav_marks_the_current_section(client, seeded_archive, path, current):
    page = client.get(path).content.decode()
    marked = [label for _, attrs, label in links(MAIN_NAV, page) if 'aria-current="page"' in attrs]
    assert marked == [current]


def test_a_thread_page_marks_commitments_as_current(client, seeded_archive):
    from statements.models import CommitmentThread

    thread = CommitmentThread.objects.visible().first()
    assert thread is not None, "the seeds' commitments are grouped into threads"
    page = client.get(thread.get_absolute_url()).content.decode()
    marked = [label for _, attrs, label in links(MAIN_NAV, page) if 'aria-current="page"' in attrs]
    assert marked == ["Commitments"]
