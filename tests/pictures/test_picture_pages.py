"""Issue 12 §3: the pictures on the search, official and topic pages, on the seeded archive
(statements in July 2023 and February 2024, one undated), on SQLite and PostgreSQL."""

import datetime
import re
from html import unescape

import pytest

from statements.models import Participant, Topic
from tests.factories import (
    AttendanceFactory,
    MeetingFactory,
    MentionFactory,
    ParticipantFactory,
    ReportFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def figure(response, name):
    page = response.content.decode()
    match = re.search(
        rf'<figure class="chart-figure" data-chart="{name}">(.*?)</figure>', page, re.S
    )
    assert match, f"no {name} picture"
    return match.group(1)


def bar_links(html):
    return [unescape(href) for href in re.findall(r'<a href="([^"]+)" aria-label', html)]


def test_search_page_shows_months_when_the_results_span_two_years(client, seeded_archive):
    response = client.get("/search/")
    html = figure(response, "months")
    assert "Statements found, per month" in html
    assert bar_links(html) == [
        "?date_from=2023-07-01&date_to=2023-07-31",
        "?date_from=2024-02-01&date_to=2024-02-29",
    ]
    assert 'aria-label="Jul 2023: 2 statements"' in html
    # The text equivalent: a table with every month and its count.
    assert '<th scope="row">Aug 2023</th><td>0</td>' in html
    assert re.search(r'<a href="[^"]+">Feb 2024</a></th><td>2</td>', html)


def test_a_month_bar_narrows_the_search_to_that_month(client, seeded_archive):
    response = client.get("/search/?date_from=2024-02-01&date_to=2024-02-29")
    assert response.context["count"] == 2
    # The chart follows the range: only February 2024.
    assert [row[0] for row in response.context["over_time"].rows] == ["Feb 2024"]


def test_search_page_shows_years_when_the_results_span_longer(client):
    for day in ("2019-05-01", "2021-03-02", "2021-08-09", "2024-01-05"):
        StatementFactory(date=datetime.date.fromisoformat(day))
    StatementFactory(date=None, title="An undated one")
    response = client.get("/search/?kind=joint_statement")
    chart = response.context["over_time"]
    assert chart.name == "years"
    assert chart.rows == [
        ("2019", "?kind=joint_statement&year=2019", [1]),
        ("2020", "", [0]),
        ("2021", "?kind=joint_statement&year=2021", [2]),
        ("2022", "", [0]),
        ("2023", "", [0]),
        ("2024", "?kind=joint_statement&year=2024", [1]),
    ]
    html = figure(response, "years")
    assert bar_links(html)[1] == "?kind=joint_statement&year=2021"
    assert 'aria-label="2021: 2 statements"' in html
    # A chosen year narrows to its months (one query, bounded).
    response = client.get("/search/?kind=joint_statement&year=2021")
    assert response.context["count"] == 2
    chart = response.context["over_time"]
    assert chart.name == "months" and len(chart.rows) == 12
    assert [row[0] for row in chart.rows if row[2] == [1]] == ["Mar 2021", "Aug 2021"]


def test_search_page_without_dated_results_draws_nothing(client):
    StatementFactory(date=None)
    response = client.get("/search/")
    assert response.context["count"] == 1
    assert response.context["over_time"] is None
    assert "chart-figure" not in response.content.decode()


def test_search_page_queries_stay_bounded_with_the_picture(
    client, seeded_archive, django_assert_max_num_queries
):
    client.get("/search/?q=fentanyl")  # the index is built once
    with django_assert_max_num_queries(12):
        response = client.get("/search/?q=migration&year=2024")
    assert response.context["over_time"].name == "months"


def test_labels_from_documents_are_escaped(client):
    official = ParticipantFactory(name='Ana <script>alert("x")</script> Díaz')
    other = ParticipantFactory(name="Bo <b>Bold</b>", country="MX")
    meeting = MeetingFactory(start_date=datetime.date(2023, 4, 1))
    for person in (official, other):
        AttendanceFactory(meeting=meeting, participant=person)
    statement = StatementFactory()
    ReportFactory(meeting=meeting, statement=statement)
    for person in (official, other):
        MentionFactory(statement=statement, participant=person, attended=True)
    response = client.get(official.get_absolute_url())
    assert response.status_code == 200
    met = figure(response, "met")
    assert "<script>alert" not in response.content.decode() and "<b>Bold</b>" not in met
    assert "Bo &lt;b&gt;Bold&lt;/b&gt;" in met
    assert f'href="{other.get_absolute_url()}"' in met


def test_official_page_shows_meetings_over_time_and_who_they_met(client, seeded_archive):
    official = Participant.objects.get(slug="elizabeth-sherwood-randall")
    response = client.get(official.get_absolute_url())
    timeline = response.context["meetings_chart"]
    counted = sum(row[2][0] for row in timeline.rows)
    assert counted == len(response.context["attendances"]) > 0
    assert timeline.name == "meetings" and "Meetings attended, per" in figure(response, "meetings")
    # Who they met: counterparts first, as "Met most often" orders them, with the counts.
    met = response.context["met_chart"]
    groups = response.context["met_groups"]
    expected = [other.name for _, others, _ in groups for other in others][: len(met.rows)]
    assert [row[0] for row in met.rows] == expected
    counterparts = groups[0][1]
    assert counterparts and counterparts[0].is_counterpart
    assert met.rows[0][2] == [counterparts[0].meetings_together]
    html = figure(response, "met")
    assert f'href="{counterparts[0].get_absolute_url()}"' in html
    assert "together (counterpart)" in html
    assert "<table>" in html  # the text equivalent


def test_topic_page_shows_statements_and_commitments_per_year(client, seeded_archive):
    topic = Topic.objects.get(slug="arms-trafficking")
    response = client.get(topic.get_absolute_url())
    chart = response.context["topic_chart"]
    assert [s.name for s in chart.series] == ["Statements", "Commitments"]
    statements = {row[0]: row[2][0] for row in chart.rows}
    dated = response.context["statements"].paginator.object_list.exclude(listing_date=None)
    assert sum(statements.values()) == dated.count()
    html = figure(response, "topic")
    assert "/search/?topic=arms-trafficking&amp;year=2023" in html
    assert "chart__bar--second" in html
    # The bar's link narrows the search to the topic and the year.
    narrowed = client.get("/search/?topic=arms-trafficking&year=2023")
    assert narrowed.context["count"] == statements["2023"]
