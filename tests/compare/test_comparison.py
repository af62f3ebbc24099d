"""Issue 12, part 1: two governments' accounts of one meeting, side by side.

The February 2024 visit to Mexico City is reported by Mexico's communiqué (seed 002) and the White
House readout (seed 004), which number the Trilateral Fentanyl Committee meeting differently."""

import pytest
from django.urls import reverse

from statements.comparison import compare_meeting, dates, numbers, ordinals
from statements.models import Statement

pytestmark = pytest.mark.django_db

THIRD_FOURTH = (
    "Mexico calls it the third meeting of the Trilateral Fentanyl Committee; the United "
    "States calls it the fourth meeting of the Trilateral Fentanyl Committee."
)


@pytest.fixture
def february(seeded_archive):
    (meeting,) = set(seeded_archive["002"].meetings.all()) & set(
        seeded_archive["004"].meetings.all()
    )
    return meeting


def compare_url(meeting):
    return reverse("statements:meeting_compare", args=[meeting.slug])


def test_ordinals_dates_and_numbers_are_read_as_written():
    text = (
        "Today the delegations held the fourth meeting of the Trilateral Fentanyl Committee. "
        "On February 6-7 and on 3 de octubre de 2023 they seized 1,200 kilos; three teams and "
        "the tercera reunión del Comité Trilateral. Established in 2023."
    )
    assert [(w, v, what) for w, v, what in ordinals(text)] == [
        ("fourth", 4, "meeting of the Trilateral Fentanyl Committee"),
        ("tercera", 3, "reunión del Comité Trilateral"),
    ]
    assert dates(text) == ["February 6-7", "3 de octubre de 2023", "2023"]
    assert numbers(text) == ["1,200", "three"]


def test_each_side_lists_what_only_it_names(february, seeded_archive):
    comparison = compare_meeting(february)
    mexico, united_states = comparison.sides
    assert (mexico.code, mexico.label) == ("MX", "Mexico")
    assert (united_states.code, united_states.label) == ("US", "United States")
    assert mexico.statements == [seeded_archive["002"]]
    assert united_states.statements == [seeded_archive["004"]]
    # The committee's numbering is the plain-words difference, and each side's own ordinal.
    assert comparison.differences == [THIRD_FOURTH]
    assert mexico.ordinals == ["third meeting of the Trilateral Fentanyl Committee"]
    assert united_states.ordinals == ["fourth meeting of the Trilateral Fentanyl Committee"]
    # People: the Mexican cabinet is named only by Mexico; Biden and Trudeau only by the U.S.
    mexican_only = {p.name for p in mexico.people}
    us_only = {p.name for p in united_states.people}
    assert "Rosa Icela Rodríguez Velázquez" in mexican_only
    assert {"Joe Biden", "Justin Trudeau"} <= us_only
    # Both name the hosts and the guests' head: neither lists them as its own.
    for name in ("Andrés Manuel López Obrador", "Elizabeth Sherwood-Randall", "Ken Salazar"):
        assert name not in mexican_only | us_only
    # Dates: the White House dates the visit; Mexico's communiqué states none.
    assert united_states.dates == ["February 6-7", "February 3", "2023"]
    assert mexico.dates == []
    # Topics and commitments are each side's own.
    assert not {t.pk for t in mexico.topics} & {t.pk for t in united_states.topics}
    assert all(c.statement == seeded_archive["002"] for c in mexico.commitments)
    assert all(c.statement == seeded_archive["004"] for c in united_states.commitments)


def test_paragraphs_on_the_same_subject_share_a_row(february):
    comparison = compare_meeting(february)
    rows = {
        tuple(cell.text[:30] if cell else None for cell in row.cells): row.subject
        for row in comparison.rows
    }
    committee = [
        row
        for row in comparison.rows
        if all(cell and "Trilateral Fentanyl Committee" in cell.text for cell in row.cells)
    ]
    assert len(committee) == 1, rows
    (row,) = committee
    assert "third meeting" in row.cells[0].text
    assert "fourth meeting" in row.cells[1].text
    assert "Trilateral" in row.subject and "Committee" in row.subject
    # Every paragraph of either account appears exactly once (the first account in its order;
    # the other's follow their subjects).
    for column, side in enumerate(comparison.sides):
        shown = [row.cells[column].index for row in comparison.rows if row.cells[column]]
        assert sorted(shown) == [p.index for p in side.paragraphs]
        assert len(shown) == len(side.paragraphs) >= 3
    assert [row.cells[0].index for row in comparison.rows if row.cells[0]] == list(
        range(len(comparison.sides[0].paragraphs))
    )
    # Deterministic: the same rows every time.
    again = compare_meeting(february)
    assert [r.subject for r in again.rows] == [r.subject for r in comparison.rows]


def test_the_comparison_page(client, february, seeded_archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(compare_url(february))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The governments’ accounts side by side" in page
    assert "Where the accounts differ" in page
    assert THIRD_FOURTH in page
    assert "Only Mexico’s account" in page and "Only the United States’ account" in page
    assert "Joe Biden" in page and "February 6-7" in page
    assert "Both speak of Canada" in page
    # The texts are one click away.
    for statement in (seeded_archive["002"], seeded_archive["004"]):
        assert f'href="{statement.get_absolute_url()}"' in page
    assert f'href="{february.get_absolute_url()}"' in page


def test_the_page_is_linked_from_the_meeting_and_its_statements(client, february, seeded_archive):
    link = f'href="{compare_url(february)}"'
    assert link in client.get(february.get_absolute_url()).content.decode()
    for prefix in ("002", "004"):
        assert link in client.get(seeded_archive[prefix].get_absolute_url()).content.decode()
    # A meeting one government reported has no comparison, and says so.
    (san_francisco,) = seeded_archive["003"].meetings.all()
    assert compare_meeting(san_francisco) is None
    assert "data-compare-link" not in client.get(san_francisco.get_absolute_url()).content.decode()
    statement_page = client.get(seeded_archive["003"].get_absolute_url()).content.decode()
    assert "data-compare-link" not in statement_page
    page = client.get(compare_url(san_francisco)).content.decode()
    assert "Only one government’s account of this meeting" in page
    # Unknown meetings are a 404, not an error.
    assert client.get("/meetings/no-such-meeting/compare/").status_code == 404


def test_text_from_documents_is_escaped(client, february, seeded_archive):
    statement = seeded_archive["004"]
    statement.body = statement.body.replace(
        "Today, Dr. Sherwood-Randall", "Today, <script>alert(1)</script> Dr. Sherwood-Randall"
    )
    statement.title = "Readout <b>bold</b>"
    statement.save()
    page = client.get(compare_url(february)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page and "Readout &lt;b&gt;bold&lt;/b&gt;" in page


def test_drafts_are_never_compared(client, february, seeded_archive):
    Statement.objects.filter(pk=seeded_archive["004"].pk).update(status=Statement.Status.DRAFT)
    page = client.get(compare_url(february)).content.decode()
    assert "Only one government’s account" in page
    assert "fourth" not in page and "Joe Biden" not in page
    assert "data-compare-link" not in client.get(february.get_absolute_url()).content.decode()
    statement_page = client.get(seeded_archive["002"].get_absolute_url()).content.decode()
    assert "data-compare-link" not in statement_page
    data = client.get(f"/api/meetings/{february.slug}/").json()
    assert data["comparison"] is None and data["compare_url"] is None
    assert "fourth" not in str(data)


def test_the_api_has_the_same_comparison(client, february, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        response = client.get(f"/api/meetings/{february.slug}/")
    assert response.status_code == 200
    data = response.json()
    assert data["compare_url"].endswith(compare_url(february))
    comparison = data["comparison"]
    assert [g["country"] for g in comparison["governments"]] == ["MX", "US"]
    assert comparison["differences"] == [THIRD_FOURTH]
    mexico, united_states = comparison["governments"]
    assert mexico["only_here"]["ordinals"] == ["third meeting of the Trilateral Fentanyl Committee"]
    assert united_states["only_here"]["dates"] == ["February 6-7", "February 3", "2023"]
    assert {"name": "Joe Biden", "slug": "joe-biden"} in united_states["only_here"]["people"]
    assert united_states["statements"][0]["url"].startswith("http")
    expected = compare_meeting(february).as_data(lambda obj: "")
    subjects = [row["subject"] for row in comparison["rows"]]
    assert subjects == [row["subject"] for row in expected["rows"]]
    for row in comparison["rows"]:
        assert len(row["cells"]) == 2
        assert any(row["cells"])
    spec = client.get("/api/openapi.json").json()
    assert "comparison" in spec["paths"]["/api/meetings/{slug}/"]["get"]["description"]


def test_a_third_government_gets_a_third_column(client, february):
    """Canada's account in a column of its own; its draft never shows."""
    from tests.factories import ReportFactory, StatementFactory

    canada = StatementFactory(
        publisher="Government of Canada",
        title="Canada at the Trilateral Fentanyl Committee",
        body="Canada joined the fifth meeting of the Trilateral Fentanyl Committee in Mexico City."
        "\n\nThe delegations agreed to share 1,200 new tracing records by June 30.",
    )
    ReportFactory(meeting=february, statement=canada)
    draft = StatementFactory(
        publisher="Government of Canada",
        status=Statement.Status.DRAFT,
        body="A clandestine sixth meeting of the Trilateral Fentanyl Committee.",
    )
    ReportFactory(meeting=february, statement=draft)
    comparison = compare_meeting(february)
    assert [side.label for side in comparison.sides] == ["Canada", "Mexico", "United States"]
    assert comparison.sides[0].statements == [canada]
    assert comparison.sides[0].ordinals == ["fifth meeting of the Trilateral Fentanyl Committee"]
    assert comparison.sides[0].numbers == ["1,200"]
    assert comparison.sides[0].dates == ["June 30"]
    assert (
        "Canada calls it the fifth meeting of the Trilateral Fentanyl Committee; Mexico calls "
        "it the third meeting of the Trilateral Fentanyl Committee."
    ) in comparison.differences
    assert len(comparison.differences) == 3  # each pair of governments
    assert all(len(row.cells) == 3 for row in comparison.rows)
    page = client.get(compare_url(february)).content.decode()
    assert "sixth meeting" not in page and "clandestine" not in page
    assert "They speak of" in page
