"""Meetings: what each seed reports (dates, place, kind, title, attendees), which statements share
one meeting, and how undated or ambiguous statements are linked (or not)."""

import itertools
from datetime import date

import pytest

from statements.ingest.dates import find_dates
from statements.ingest.documents import read_document
from statements.ingest.meetings import (
    FoundMeeting,
    create_meeting,
    find_meetings,
    format_dates,
    match_meeting,
    named_things,
    occasions,
    relative_days,
    weigh_meeting,
)
from statements.ingest.people import find_officials
from statements.ingest.types import DateMention
from statements.models import (
    Meeting,
    MeetingReport,
    Statement,
)
from tests.ingest.test_people import CANADA_MEXICO, PHONE_CALL, US_GUATEMALA


def publisher_country(document):
    return "MX" if document.publisher == "Government of Mexico" else "US"


def found_in(document):
    country = publisher_country(document)
    officials = find_officials(document.body, publisher_country=country)
    dates = find_dates(document.body, document.published)
    meetings = find_meetings(
        document.body,
        officials=officials,
        dates=dates,
        published=document.published,
        publisher_country=country,
    )
    return officials, meetings


@pytest.fixture
def seeds(seed_paths):
    return {path.name[:3]: read_document(path) for path in seed_paths}


def test_july_joint_statement(seeds):
    _, (meeting,) = found_in(seeds["000"])
    assert (meeting.start, meeting.end) == (date(2023, 7, 24), date(2023, 7, 24))
    assert not meeting.date_inferred
    assert meeting.kind == "delegation_visit"
    assert meeting.countries == ["MX", "US"]
    assert meeting.title == "U.S. delegation visit to Mexico City, 24 July 2023"
    # "President López Obrador … hosted a U.S. delegation": his capital, and the note says so.
    assert (meeting.city, meeting.venue) == ("Mexico City", "")
    assert "city inferred: President Andrés Manuel López Obrador hosted" in meeting.note
    assert {o.name for o in meeting.attendees} == {
        "Andrés Manuel López Obrador",
        "Elizabeth Sherwood-Randall",
        "Lisa O. Monaco",
        "Kristie Canegallo",
        "Rich Verma",
    }  # not Rosa Icela Rodríguez: "previous high-level meetings led by …"
    assert set(meeting.names) == {"bicentennial framework", "los angeles declaration"}


def test_february_trip_keeps_only_its_own_dates(seeds):
    _, (meeting,) = found_in(seeds["004"])
    # "last Saturday's telephone conversation … on February 3" is another event.
    assert (meeting.start, meeting.end) == (date(2024, 2, 6), date(2024, 2, 7))
    assert meeting.city == "Mexico City"
    assert meeting.kind == "delegation_visit"
    assert meeting.title == "U.S. delegation visit to Mexico City, 6–7 February 2024"
    assert len(meeting.attendees) == 8
    assert "Joe Biden" not in {o.name for o in meeting.attendees}
    assert meeting.occasions == {"trilateral fentanyl committee": 4}


def test_undated_communique_keeps_no_date_but_its_venue(seeds):
    _, (meeting,) = found_in(seeds["002"])
    assert meeting.start is None and meeting.end is None  # "met yesterday", no publication date
    assert (meeting.venue, meeting.city) == ("National Palace", "Mexico City")
    assert len(meeting.attendees) == 22
    assert meeting.occasions == {"trilateral fentanyl committee": 3}


def test_yesterday_counts_from_the_publication_date(seeds):
    body = seeds["002"].body
    officials = find_officials(body, publisher_country="MX")
    published = date(2023, 7, 25)
    (meeting,) = find_meetings(
        body,
        officials=officials,
        dates=find_dates(body, published),
        published=published,
        publisher_country="MX",
    )
    assert meeting.start == date(2023, 7, 24)
    assert meeting.date_inferred  # from "yesterday"


def test_leaders_meeting_in_san_francisco(seeds):
    _, (meeting,) = found_in(seeds["003"])
    assert meeting.kind == "leaders"
    assert meeting.city == "San Francisco"
    assert meeting.title == "Biden–López Obrador meeting in San Francisco"
    assert {o.name for o in meeting.attendees} == {"Joe Biden", "Andrés Manuel López Obrador"}


def test_visit_to_a_country_means_its_capital_and_says_so(seeds):
    _, (meeting,) = found_in(seeds["001"])
    assert meeting.city == "Mexico City"
    assert "city inferred from 'visit to Mexico'" in meeting.note


def test_dates_from_the_mentions_that_belong_to_the_meeting():
    body = (
        "On July 24, Secretary Ana Ruiz met with Minister Paul Grant in Ottawa. The ministers "
        "recalled the summit held in January."
    )
    dates = [
        DateMention(date(2023, 7, 24), None, "July 24", 3, False),
        DateMention(date(2023, 1, 10), None, "January", 98, False),
    ]
    (meeting,) = find_meetings(
        body, officials=find_officials(body), dates=dates, published=date(2023, 7, 25)
    )
    assert (meeting.start, meeting.end) == (date(2023, 7, 24), date(2023, 7, 24))
    assert meeting.city == "Ottawa"


def test_a_statement_without_a_meeting_reports_none():
    body = "“We will not rest,” Secretary Ana Ruiz said, announcing new sanctions."
    officials = find_officials(body)
    assert [o.attended for o in officials] == [True]  # she spoke …
    assert find_meetings(body, officials=officials, dates=[], published=None) == []  # … alone


def test_no_attendee_no_meeting():
    body = "President Joe Biden’s commitment to the region was recalled."
    assert find_meetings(body, officials=find_officials(body), dates=[], published=None) == []


@pytest.mark.parametrize(
    ("body", "publisher", "title", "kind", "city"),
    [
        (
            CANADA_MEXICO,
            "CA",
            "Canadian–Mexican meeting in Ottawa, 4 March 2025",
            "other",
            "Ottawa",
        ),
        (
            US_GUATEMALA,
            "US",
            "U.S.–Guatemalan meeting in Guatemala City, 3 March 2025",
            "other",
            "Guatemala City",
        ),
        (PHONE_CALL, "US", "Biden–Carney call, 4 March 2025", "call", ""),
    ],
    ids=["ca-mx", "us-gt", "call"],
)
def test_unseen_readouts(body, publisher, title, kind, city):
    published = date(2025, 3, 4)
    officials = find_officials(body, publisher_country=publisher)
    (meeting,) = find_meetings(
        body,
        officials=officials,
        dates=find_dates(body, published),
        published=published,
        publisher_country=publisher,
    )
    assert (meeting.title, meeting.kind, meeting.city) == (title, kind, city)


def test_named_things_leave_out_agencies_in_titles():
    body = (
        "Under the U.S.-Mexico Bicentennial Framework for Security, Director Ana Ruiz of the "
        "National Drug Control Committee spoke."
    )
    assert named_things(body, ["Director of the National Drug Control Committee"]) == [
        "bicentennial framework"
    ]


def test_only_pinned_occasions_count():
    assert occasions("Today they will hold the third meeting of the Border Committee.") == {
        "border committee": 3
    }
    assert occasions("During the second meeting of the Border Committee, they agreed.") == {}


def test_relative_days_compare_undated_accounts():
    body = (
        "The president met yesterday with the advisor at the palace.\n\n"
        "The two delegations will meet again today for the third meeting of the "
        "Trilateral Fentanyl Committee."
    )
    assert relative_days(body) == {"trilateral fentanyl committee": 1}
    assert relative_days("They met on Monday. The committee meets today.") == {}


def test_format_dates():
    assert format_dates(date(2024, 2, 6), date(2024, 2, 7)) == "6–7 February 2024"
    assert format_dates(date(2024, 1, 30), date(2024, 2, 2)) == "30 January – 2 February 2024"
    assert format_dates(None, None) == ""


# --- matching against the archive -----------------------------------------------------------


def import_document(document):
    """The whole import pipeline for one seed (officials, meetings and their links)."""
    from statements.ingest import pipeline

    statement, _ = pipeline.save(pipeline.extract(document))
    return statement


def meetings_by_seed():
    return {
        report.statement.source_file[:3]: report.meeting_id
        for report in MeetingReport.objects.select_related("statement")
    }


def link_between(first, second):
    """The later of the two seeds' reports of their shared meeting (the one weighed)."""
    reports = MeetingReport.objects.filter(
        statement__source_file__regex=rf"^({first}|{second})"
    ).order_by("pk")
    assert len({r.meeting_id for r in reports}) == 1, "not one meeting"
    return reports.last()


@pytest.mark.django_db
def test_seeds_in_file_order_share_and_separate_meetings_as_reported(seeds):
    for prefix in sorted(seeds):
        import_document(seeds[prefix])
    by_seed = meetings_by_seed()
    # July 2023: the White House's joint statement and the U.S. Embassy's; February 2024: the
    # Mexican communiqué and the White House readout; San Francisco on its own.
    assert by_seed["000"] == by_seed["001"]
    assert by_seed["002"] == by_seed["004"]
    assert len({by_seed["000"], by_seed["002"], by_seed["003"]}) == 3
    july = Meeting.objects.get(pk=by_seed["000"])
    assert (july.start_date, july.city) == (date(2023, 7, 24), "Mexico City")
    reports = {r.statement.source_file[:3]: r for r in july.reports.select_related("statement")}
    assert reports["001"].evidence == "strong"
    assert "both name the Bicentennial Framework" in reports["001"].note
    assert "both name the Los Angeles Declaration" in reports["001"].note
    february = Meeting.objects.get(pk=by_seed["004"])
    assert (february.start_date, february.end_date) == (date(2024, 2, 6), date(2024, 2, 7))
    assert (february.city, february.venue) == ("Mexico City", "National Palace")
    assert february.title.endswith("6–7 February 2024")
    san_francisco = Meeting.objects.get(pk=by_seed["003"])
    assert (san_francisco.start_date, san_francisco.city) == (None, "San Francisco")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "order",
    [
        ("004", "002"),
        ("002", "004"),
        ("000", "004", "002"),
        ("000", "002", "004"),
        ("004", "003", "002", "001", "000"),
        ("002", "001", "000", "003", "004"),
    ],
)
def test_undated_communique_reports_the_february_visit(seeds, order):
    """002 (undated) and 004 (7 February 2024) are the two governments' accounts of one visit:
    the same delegation, López Obrador met Sherwood-Randall "yesterday", the Trilateral
    Fentanyl Committee meets "today". Mexico calls that committee meeting the third and the
    United States the fourth: the numbering is shown as a disagreement, it decides nothing."""
    for prefix in order:
        import_document(seeds[prefix])
    by_seed = meetings_by_seed()
    assert by_seed["002"] == by_seed["004"]
    if "000" in order:
        assert by_seed["002"] != by_seed["000"]
    link = link_between("002", "004")
    assert link.evidence in ("stated", "strong") and link.confidence >= 0.7
    texts = [r["text"] for r in link.reasons]
    assert any(r["kind"] == "attendees" and r["text"].startswith("8 people") for r in link.reasons)
    assert any("the day before the Trilateral Fentanyl Committee met" in text for text in texts), (
        texts
    )
    (numbering,) = [r for r in link.reasons if r["kind"] == "ordinal"]
    assert not numbering["agrees"]
    assert "the third for Mexico" in numbering["text"] or "the third for" in numbering["text"]
    assert "fourth" in numbering["text"]


@pytest.mark.django_db
@pytest.mark.parametrize("order", list(itertools.permutations(["000", "001", "002"])))
def test_july_statements_meet_in_any_order_and_the_february_communique_stays_apart(seeds, order):
    for prefix in order:
        import_document(seeds[prefix])
    by_seed = meetings_by_seed()
    assert by_seed["000"] == by_seed["001"]
    assert by_seed["002"] != by_seed["000"]
    note = MeetingReport.objects.get(statement__source_file__startswith="002").note
    if order.index("002") > 0 and "000" in order[: order.index("002")]:
        assert "only one account places the Trilateral Fentanyl Committee around it" in note


@pytest.mark.django_db
def test_an_ordinal_from_the_same_government_keeps_two_meetings_apart():
    """Governments count a series differently; one government's third and fourth are two."""
    a, b, c = people("Ana Uno", "Beto Dos", "Carla Tres")
    earlier, _ = found_meeting([], city="Lima")
    meeting = create_meeting(earlier, [(a, ""), (b, ""), (c, "")])
    statement = Statement.objects.create(
        title="Third",
        slug="third",
        body="Today the delegations held the third meeting of the Border Committee in Lima.",
        content_hash="x" * 64,
        publisher="The White House",
    )
    MeetingReport.objects.create(meeting=meeting, statement=statement)
    fourth = dict(occasions={"border committee": 4}, names=["border committee"], city="Lima")
    same_count, _ = found_meeting([a, b, c], publisher_country="US", **fourth)
    decision = weigh_meeting(same_count, [a, b, c])
    assert decision.meeting is None
    assert "numbers the Border Committee meetings fourth and third: two meetings" in decision.note
    other_count, _ = found_meeting([a, b, c], publisher_country="MX", **fourth)
    decision = weigh_meeting(other_count, [a, b, c])
    assert decision.meeting == meeting
    assert [r["agrees"] for r in decision.reasons if r["kind"] == "ordinal"] == [False]


def found_meeting(attendees, **fields):
    defaults = {
        "start": None,
        "end": None,
        "date_inferred": False,
        "city": "",
        "venue": "",
        "kind": "other",
        "countries": ["US", "MX"],
        "title": "A meeting",
        "attendees": [],
    }
    return FoundMeeting(**{**defaults, **fields}), attendees


def people(*names):
    from statements.models import Participant

    return [Participant.objects.create(name=name, country="US") for name in names]


@pytest.mark.django_db
def test_undated_with_shared_attendees_only_gets_its_own_meeting():
    a, b, c = people("Ana Uno", "Beto Dos", "Carla Tres")
    existing, _ = found_meeting([a, b, c], start=date(2024, 5, 1), end=date(2024, 5, 1))
    meeting = create_meeting(existing, [(a, "Secretary"), (b, ""), (c, "")])
    found, _ = found_meeting([a, b])
    match, evidence, note = match_meeting(found, [a, b])
    assert match is None and evidence == ""
    assert "2 shared attendees but nothing else shared" in note
    assert meeting.title in note


@pytest.mark.django_db
def test_dated_meetings_match_on_overlapping_dates_and_place():
    a, b = people("Ana Uno", "Beto Dos")
    existing, _ = found_meeting([], start=date(2024, 5, 1), end=date(2024, 5, 2), city="Lima")
    meeting = create_meeting(existing, [])
    same, _ = found_meeting([a], start=date(2024, 5, 2), end=None, city="Lima")
    assert match_meeting(same, [a])[:2] == (meeting, "stated")
    later, _ = found_meeting([a], start=date(2024, 5, 9), city="Lima")
    assert match_meeting(later, [a])[0] is None
    elsewhere, _ = found_meeting([a, b], start=date(2024, 5, 1), city="Quito")
    assert match_meeting(elsewhere, [a, b])[0] is None


@pytest.mark.django_db
def test_two_equally_good_meetings_link_to_the_earlier_one_as_weak():
    four = people("Ana Uno", "Beto Dos", "Carla Tres", "Dora Cuatro")
    first, _ = found_meeting([], start=date(2024, 3, 1), venue="Casa Rosada")
    second, _ = found_meeting([], start=date(2024, 9, 1), venue="Casa Rosada")
    earlier = create_meeting(first, [(p, "") for p in four])
    later = create_meeting(second, [(p, "") for p in four])
    undated, _ = found_meeting(four, venue="Casa Rosada")
    match, evidence, note = match_meeting(undated, four)
    assert (match, evidence) == (earlier, "weak")
    assert later.title in note


@pytest.mark.django_db
def test_a_match_fills_what_the_meeting_lacked():
    a, b = people("Ana Uno", "Beto Dos")
    existing, _ = found_meeting([], start=date(2024, 3, 1), countries=["US"])
    meeting = create_meeting(existing, [(a, ""), (b, "")])
    richer, _ = found_meeting(
        [a, b], start=date(2024, 3, 1), city="Lima", venue="Palacio de Gobierno", countries=["PE"]
    )
    assert match_meeting(richer, [a, b])[0] == meeting
    meeting.refresh_from_db()
    assert (meeting.city, meeting.venue, meeting.countries) == (
        "Lima",
        "Palacio de Gobierno",
        ["PE", "US"],
    )


@pytest.mark.django_db
def test_a_meeting_nobody_resolved_for_can_still_match_on_dates_and_place():
    existing, _ = found_meeting([], start=date(2024, 5, 1), city="Lima")
    meeting = create_meeting(existing, [])
    found, _ = found_meeting([], start=date(2024, 5, 1), city="Lima")
    assert match_meeting(found, [])[0] == meeting
    undated, _ = found_meeting([], city="Lima")
    assert match_meeting(undated, [])[0] is None


def _meeting_of(body, published=date(2024, 4, 10)):
    officials = find_officials(body)
    meetings = find_meetings(
        body,
        officials=officials,
        dates=find_dates(body, published),
        published=published,
        publisher_country="US",
    )
    assert len(meetings) == 1
    return meetings[0]


def test_a_spanish_communique_reports_a_meeting_with_its_venue():
    from tests.ingest.test_people import SRE_COMUNICADO

    meeting = _meeting_of(SRE_COMUNICADO, date(2023, 10, 5))
    assert meeting.start == date(2023, 10, 5)
    assert meeting.venue == "Cancillería"
    assert meeting.city == "Mexico City"  # "en Palacio Nacional"
    assert set(meeting.countries) == {"MX", "US"}


@pytest.mark.parametrize(
    "lead",
    [
        "Today, President Joseph R. Biden, Jr. spoke by phone with President Andrés Manuel "
        "López Obrador of Mexico.",
        "President Joseph R. Biden, Jr. held a call today with President Andrés Manuel López "
        "Obrador of Mexico.",
        "President Joseph R. Biden, Jr. had a telephone conversation today with President "
        "Andrés Manuel López Obrador of Mexico.",
        "Today President Joseph R. Biden, Jr. spoke with President Andrés Manuel López Obrador "
        "of Mexico.",
        "El presidente Andrés Manuel López Obrador sostuvo hoy una llamada telefónica con el "
        "presidente de Estados Unidos, Joseph R. Biden.",
        "El presidente Andrés Manuel López Obrador sostuvo hoy una videoconferencia con el "
        "presidente de Estados Unidos, Joseph R. Biden.",
    ],
)
def test_a_call_as_the_main_event_is_a_call_not_a_leaders_meeting(lead):
    body = f"{lead} The leaders discussed migration and fentanyl."
    meeting = _meeting_of(body)
    assert meeting.kind == "call"
    assert meeting.title.startswith(("Biden–López Obrador call", "López Obrador–Biden call"))


def test_leaders_who_met_and_spoke_with_each_other_met_in_person():
    body = (
        "Today, President Joseph R. Biden, Jr. met with President Andrés Manuel López Obrador "
        "of Mexico at the White House. The leaders spoke with business leaders afterwards."
    )
    assert _meeting_of(body).kind == "leaders"


@pytest.mark.parametrize(
    "name, country, short",
    [
        ("Kishida Fumio", "JP", "Kishida"),
        ("Fumio Kishida", "JP", "Kishida"),
        ("Yoon Suk Yeol", "KR", "Yoon"),
        ("Xi Jinping", "", "Xi"),
        ("Lee Zeldin", "US", "Zeldin"),
        ("Claudia Sheinbaum Pardo", "MX", "Sheinbaum"),
        ("José Raúl Mulino", "PA", "Mulino"),
        ("Andrés Manuel López Obrador", "MX", "López Obrador"),
        ("Justin Trudeau", "CA", "Trudeau"),
    ],
)
def test_meeting_titles_use_the_family_name_as_written(name, country, short):
    from statements.ingest.meetings import _short_name
    from statements.ingest.types import OfficialMention

    assert _short_name(OfficialMention(name, "President", country, True, 0)) == short


def test_japanese_name_order_in_a_leaders_meeting_title():
    body = (
        "On April 10, President Joseph R. Biden, Jr. met with Prime Minister Kishida Fumio of "
        "Japan at the White House. The leaders reaffirmed their commitment to a free and open "
        "Indo-Pacific."
    )
    assert _meeting_of(body).title == "Biden–Kishida meeting in Washington, 10 April 2024"


@pytest.mark.parametrize(
    "body, published, title",
    [
        (
            "Ciudad de México, 3 de febrero de 2025\n\nLa presidenta de México, Claudia "
            "Sheinbaum Pardo, sostuvo este lunes una conversación telefónica con el presidente de "
            "los Estados Unidos, Donald Trump. Ambos mandatarios acordaron pausar los aranceles.",
            date(2025, 2, 3),
            "Sheinbaum–Trump call, 3 February 2025",
        ),
        (
            "Deputy Secretary of State Christopher Landau met with Ecuadorian Minister of Foreign "
            "Affairs and Human Mobility Gabriela Sommerfeld in Washington on March 19.",
            date(2025, 3, 20),
            "U.S.–Ecuadorian meeting in Washington, 19 March 2025",
        ),
    ],
)
def test_more_unseen_meeting_titles(body, published, title):
    assert _meeting_of(body, published).title == title


TWO_STOP_TRIP = """---
title: Secretary Mayorkas Travels to Guatemala and Honduras
date: 2023-06-02
source_url: https://www.dhs.gov/news/2023/06/02/secretary-mayorkas-travels-guatemala-and-honduras
---

On Thursday, Secretary of Homeland Security Alejandro N. Mayorkas traveled to Guatemala City,
Guatemala, where he met with President Alejandro Giammattei and Minister of Foreign Affairs
Mario Búcaro. They discussed the Safe Mobility Offices and the fight against human smuggling.

On Friday, the Secretary traveled to Tegucigalpa, Honduras, where he met with President Xiomara
Castro. The two officials agreed to expand cooperation on border security.
"""


@pytest.mark.django_db
def test_a_trip_told_stop_by_stop_reports_one_meeting_per_stop():
    from statements.ingest.documents import parse_document

    document = parse_document(TWO_STOP_TRIP.encode(), "trip.txt")
    statement = import_document(document)
    meetings = {
        m.city: (m.start_date, sorted(a.participant.name for a in m.attendances.all()))
        for m in Meeting.objects.filter(reports__statement=statement)
    }
    assert meetings == {
        "Guatemala City": (
            date(2023, 6, 1),
            ["Alejandro Giammattei", "Alejandro Mayorkas", "Mario Búcaro"],
        ),
        "Tegucigalpa": (date(2023, 6, 2), ["Alejandro Mayorkas", "Xiomara Castro"]),
    }


def test_one_visit_told_over_two_paragraphs_stays_one_meeting():
    body = (
        "On July 24, Homeland Security Advisor Dr. Elizabeth Sherwood-Randall met with "
        "President Andrés Manuel López Obrador in Mexico City.\n\n"
        "On July 25, the delegation met with Foreign Secretary Alicia Bárcena in Mexico City."
    )
    assert (
        len(
            find_meetings(
                body,
                officials=find_officials(body),
                dates=find_dates(body, date(2023, 7, 26)),
                published=date(2023, 7, 26),
                publisher_country="US",
            )
        )
        == 1
    )


# --- classes of grouping failures seen on real readouts ---------------------------------------

TWO_DAYS = """Secretary of State Antony J. Blinken traveled to Mexico City on June 3 and 4, 2024.

On June 3, Secretary Blinken met with President Andrés Manuel López Obrador
at the National Palace. They discussed migration and security cooperation.

On June 4, Secretary Blinken met with President-elect Claudia Sheinbaum Pardo. The Secretary
congratulated her on her election and they discussed the future of the bilateral relationship."""


def test_meetings_with_two_leaders_on_consecutive_days_are_two_meetings():
    first, second = found_meetings_of(TWO_DAYS, date(2024, 6, 4))
    assert (first.start, first.end, second.start, second.end) == (
        date(2024, 6, 3),
        date(2024, 6, 3),
        date(2024, 6, 4),
        date(2024, 6, 4),
    )
    assert [o.name for o in first.attendees] == ["Antony J. Blinken", "Andrés Manuel López Obrador"]
    assert [o.name for o in second.attendees] == ["Antony J. Blinken", "Claudia Sheinbaum Pardo"]
    assert first.venue == "National Palace" and second.city == "Mexico City"


def found_meetings_of(body, published):
    return find_meetings(
        body,
        officials=find_officials(body, publisher_country="US"),
        dates=find_dates(body, published),
        published=published,
        publisher_country="US",
    )


def test_a_call_the_text_recalls_is_not_the_meeting():
    body = (
        "President Joe Biden met today with Prime Minister Justin Trudeau of Canada at the White "
        "House. The leaders built on their telephone conversation last week and discussed support "
        "for Ukraine, trade, and the security of North America."
    )
    (meeting,) = found_meetings_of(body, date(2024, 3, 7))
    assert meeting.kind == "leaders"
    assert meeting.start == date(2024, 3, 7)
    assert "call" not in meeting.title


def test_the_date_of_an_earlier_summit_is_not_the_meetings_date():
    body = (
        "Building on the commitments of the January 10, 2023 North American Leaders' Summit, "
        "Secretary of State Antony Blinken met today with Mexican Foreign Secretary Alicia "
        "Bárcena in Washington. They discussed fentanyl and migration."
    )
    (meeting,) = found_meetings_of(body, date(2023, 10, 5))
    assert (meeting.start, meeting.end) == (date(2023, 10, 5), date(2023, 10, 5))


BILATERAL = """---
title: Readout of President Biden's Meeting with President López Obrador
date: '2023-11-17'
source_url: https://www.whitehouse.gov/readout-bilateral
---

On November 16, 2023, President Joe Biden met with President Andrés Manuel López Obrador of Mexico
in San Francisco, California. The leaders discussed migration and fentanyl.
"""
DECLARATION = """---
title: Declaration of the Leaders of North America
date: '2023-11-17'
source_url: https://www.whitehouse.gov/declaration
---

On November 17, 2023, President Joe Biden, President Andrés Manuel López Obrador of Mexico and
Prime Minister Justin Trudeau of Canada met in San Francisco and adopted a declaration on North
American competitiveness. The leaders committed to expand cooperation on supply chains.
"""
TRILATERAL_SAME_DAY = DECLARATION.replace(
    "November 17, 2023, President", "November 16, 2023, President"
)
TRILATERAL_SAME_DAY = TRILATERAL_SAME_DAY.replace("/declaration", "/trilateral")


@pytest.mark.django_db
@pytest.mark.parametrize("second", [DECLARATION, TRILATERAL_SAME_DAY])
def test_a_leaders_declaration_or_trilateral_is_not_the_bilateral_meeting(second):
    """The leaders' declaration of 17 November is not the bilateral meeting of the 16th, and a
    trilateral meeting is not the bilateral meeting of two of its parties, even the same day."""
    from statements.ingest import pipeline
    from statements.ingest.documents import parse_document

    bilateral, _ = pipeline.save(pipeline.extract(parse_document(BILATERAL, "bilateral.md")))
    other, _ = pipeline.save(pipeline.extract(parse_document(second, "second.md")))
    assert set(bilateral.meetings.all()).isdisjoint(other.meetings.all())
    assert Meeting.objects.count() == 2
    report = other.meeting_reports.get()
    if second is TRILATERAL_SAME_DAY:
        assert "a meeting of CA, MX and US is not one of MX and US" in report.note


@pytest.mark.django_db
def test_yesterday_in_a_dated_readout_dates_the_undated_account_of_the_same_meeting():
    """Relative days count from the publication date, and an undated account linked to the
    meeting takes its date."""
    from statements.ingest import pipeline
    from statements.ingest.documents import parse_document

    dated = """---
title: Readout of the Security Dialogue
date: '2024-05-09'
source_url: https://www.whitehouse.gov/readout-dialogue
---

Yesterday, Secretary of Homeland Security Alejandro N. Mayorkas and Secretary of State Antony J.
Blinken met with President Bernardo Arévalo of Guatemala and Foreign Minister Carlos Ramiro
Martínez at the National Palace of Culture in Guatemala City. Today the delegations will hold
the second meeting of the Migration Working Group.
"""
    undated = """President Bernardo Arévalo met yesterday with Secretary of Homeland Security
Alejandro N. Mayorkas and Secretary of State Antony J. Blinken at the National Palace of Culture.
Foreign Minister Carlos Ramiro Martínez also took part. The delegations meet again today for the
second meeting of the Migration Working Group.
"""
    first, _ = pipeline.save(pipeline.extract(parse_document(dated, "dated.md")))
    (meeting,) = first.meetings.all()
    assert meeting.start_date == date(2024, 5, 8)
    second, _ = pipeline.save(pipeline.extract(parse_document(undated, "undated.md")))
    assert list(second.meetings.all()) == [meeting]
    link = second.meeting_reports.get()
    kinds = {r["kind"] for r in link.reasons if r["agrees"]}
    assert {"attendees", "days", "ordinal"} <= kinds, link.reasons
    assert link.evidence == "strong" and link.confidence >= 0.7


def test_a_readout_without_a_date_reports_its_publication_day_as_a_guess():
    body = (
        "President Joseph R. Biden, Jr. welcomed President-elect Edmundo Gonzalez Urrutia of "
        "Venezuela to the White House. President Biden said the world was inspired by the "
        "Venezuelans who voted in Venezuela's deeply flawed July 28 presidential election."
    )
    (meeting,) = found_meetings_of(body, date(2025, 1, 6))
    assert (meeting.start, meeting.date_inferred, meeting.date_guessed) == (
        date(2025, 1, 6),
        True,
        True,
    )
    assert "publication date" in meeting.note


def test_a_conference_call_has_no_place():
    body = (
        "President Joseph R. Biden hosted a secure conference call today with Prime Minister "
        "Justin Trudeau of Canada and President Emmanuel Macron of France about Ukraine."
    )
    (meeting,) = found_meetings_of(body, date(2022, 2, 28))
    assert (meeting.kind, meeting.city, meeting.venue) == ("call", "", "")
    assert meeting.start == date(2022, 2, 28) and not meeting.date_guessed


# --- Session 11: the day of the meeting, among the other days a readout names -----------------


def test_a_day_followed_by_a_preposition_is_the_calls_day():
    body = (
        "President Joe Biden and Prime Minister Justin Trudeau of Canada spoke by telephone on "
        "Saturday, May 11th about wildfire season and energy security."
    )
    (meeting,) = found_meetings_of(body, date(2024, 5, 13))
    assert meeting.start == date(2024, 5, 11) and not meeting.date_guessed


def test_a_date_after_a_participle_dates_what_was_made_not_the_call():
    body = (
        "President Joe Biden spoke with Prime Minister Justin Trudeau of Canada about wildfires. "
        "The leaders praised the work of the Arctic Dialogue launched on March 2 and agreed to "
        "stay in close contact."
    )
    (meeting,) = found_meetings_of(body, date(2024, 6, 20))
    assert meeting.start == date(2024, 6, 20) and meeting.date_guessed


def test_a_summit_weeks_before_the_readout_gives_way_to_the_meeting_it_reports():
    body = (
        "At the Ocean Leaders' Summit on April 3-4, President Joe Biden and Prime Minister "
        "Justin Trudeau of Canada instructed their ministers to protect fisheries. At the "
        "high-level meeting held on May 20, Secretary of State Antony Blinken and Foreign "
        "Minister Mélanie Joly met and agreed on a work plan."
    )
    (meeting,) = found_meetings_of(body, date(2024, 5, 21))
    assert meeting.start == date(2024, 5, 20)


@pytest.mark.parametrize(
    "lead",
    [
        "Earlier this week, Secretary of State Antony Blinken traveled to Kenya. In Nairobi, "
        "Secretary Blinken met with President William Ruto.",
        "During the week of March 14, Secretary of State Antony Blinken traveled to Kenya, "
        "where he met with President William Ruto.",
    ],
)
def test_a_meeting_on_some_day_of_a_period_keeps_no_day(lead):
    (meeting,) = found_meetings_of(lead + " They discussed trade.", date(2024, 3, 19))
    assert meeting.start is None


# --- Session 11: the place of the meeting, not of an occasion the readout names --------------


@pytest.mark.parametrize(
    "body",
    [
        "Secretary of State Antony Blinken met today with Foreign Minister Mélanie Joly of Canada "
        "ahead of the Ocean Summit in Halifax next month.",
        "Secretary of State Antony Blinken met today with Foreign Minister Mélanie Joly of Canada. "
        "They recalled the pact announced at the Leaders' Summit in Ottawa, Ontario in March 2021.",
        "Secretary of State Antony Blinken met today with Foreign Minister Mélanie Joly of Canada. "
        "The Arctic Taskforce is an outcome of the President's March 3-4 visit with Prime "
        "Minister Justin Trudeau in Ottawa.",
        "President Joe Biden met today with Prime Minister Justin Trudeau of Canada and warmly "
        "welcomed their new plan for the Arctic.",
    ],
)
def test_a_city_of_another_occasion_is_not_the_meetings_place(body):
    (meeting,) = found_meetings_of(body, date(2024, 5, 21))
    assert meeting.city == ""


def test_a_city_on_the_margins_of_a_convention_is_the_meetings_place():
    body = (
        "Vice President Kamala Harris met today with Prime Minister Justin Trudeau of Canada on "
        "the margins of the 2024 Builders (UBC) International Convention in Pittsburgh, "
        "Pennsylvania. They discussed the Arctic."
    )
    (meeting,) = found_meetings_of(body, date(2024, 5, 21))
    assert meeting.city == "Pittsburgh"


def test_the_venue_named_first_places_the_meeting_before_a_city_named_later():
    body = (
        "At the high-level meeting hosted by President Andrés Manuel López Obrador on March 9 "
        "in Mexico's National Palace, Secretary of State Antony Blinken and Foreign Secretary "
        "Alicia Bárcena agreed on a plan. They discussed the attack on travellers in Reynosa."
    )
    (meeting,) = found_meetings_of(body, date(2023, 3, 10))
    assert (meeting.venue, meeting.city) == ("National Palace", "Mexico City")


def test_a_trip_city_named_first_wins_over_a_summit_city_named_later():
    body = (
        "National Security Advisor Jake Sullivan traveled to Seoul, South Korea, where he met "
        "with his counterparts. He thanked President Yoon Suk Yeol for his leadership of the "
        "G7 Summit in Hiroshima."
    )
    (meeting,) = found_meetings_of(body, date(2023, 6, 17))
    assert meeting.city == "Seoul"


# --- Session 11: calls reported in the lead, whoever was read as attending ---------------------


def test_a_call_is_reported_by_its_sentence_even_with_nobody_read_as_attending():
    body = (
        "Earlier today, President Joe Biden spoke with Prime Minister Justin Trudeau of Canada "
        "about the storm. The leaders agreed to stay in close contact."
    )
    officials = [
        o.__class__(**{**o.__dict__, "attended": False})
        for o in find_officials(body, publisher_country="US")
    ]
    (meeting,) = find_meetings(
        body,
        officials=officials,
        dates=find_dates(body, date(2024, 9, 1)),
        published=date(2024, 9, 1),
        publisher_country="US",
    )
    assert meeting.kind == "call" and len(meeting.attendees) == 2


def test_president_called_the_governor_is_a_call():
    body = "President Joe Biden called Governor Gavin Newsom of California today about the fires."
    (meeting,) = found_meetings_of(body, date(2024, 9, 1))
    assert (meeting.kind, meeting.start) == ("call", date(2024, 9, 1))


def test_a_call_to_congratulate_on_elections_earlier_this_week_is_dated_yesterday():
    body = (
        "Vice President Kamala Harris spoke yesterday evening with Prime Minister Justin Trudeau "
        "of Canada to congratulate him on his victory in the elections earlier this week."
    )
    (meeting,) = found_meetings_of(body, date(2021, 9, 23))
    assert meeting.start == date(2021, 9, 22)


def test_a_call_that_recalls_a_trip_has_no_place():
    body = (
        "Vice President Kamala Harris spoke today with President Gustavo Petro of Colombia to "
        "mark the anniversary of the accord in the Andes. Following up on her trip to Bogotá, "
        "she reaffirmed the partnership."
    )
    (meeting,) = found_meetings_of(body, date(2024, 1, 17))
    assert (meeting.kind, meeting.city) == ("call", "")


def test_separate_calls_with_three_people_are_three_calls():
    body = (
        "President Joe Biden held separate calls today with Mayor Jane Ortiz of Tampa, Mayor "
        "Ken Wu of Orlando, and Mayor Ann Hale of Naples to discuss the storm."
    )
    meetings = found_meetings_of(body, date(2022, 9, 27))
    assert [m.title for m in meetings] == [
        "Biden–Ortiz call, 27 September 2022",
        "Biden–Wu call, 27 September 2022",
        "Biden–Hale call, 27 September 2022",
    ]
    assert {m.kind for m in meetings} == {"call"}


@pytest.mark.django_db
def test_separate_calls_of_one_readout_are_never_linked_to_each_other():
    from statements.ingest import pipeline
    from statements.ingest.documents import parse_document

    text = """---
title: Readout of President Biden's Calls with Mayors
date: '2022-09-27'
source_url: https://www.whitehouse.gov/readout-mayors
---

President Joe Biden held separate calls today with Mayor Jane Ortiz of Tampa, Mayor Ken Wu of
Orlando, and Mayor Ann Hale of Naples to discuss the storm.
"""
    statement, _ = pipeline.save(pipeline.extract(parse_document(text, "mayors.md")))
    assert statement.meetings.count() == 3


# --- Session 12: where a meeting took place, read from the genre's cues -----------------------


@pytest.mark.parametrize(
    ("body", "city"),
    [
        (
            "President Joe Biden met today with Prime Minister Ann Vale of Norway on the margins "
            "of the United Nations General Assembly. They discussed Arctic security.",
            "New York",
        ),
        (
            "Secretary Ana Ruiz met yesterday with President Kofi Mensah of Ghana at the United "
            "Nations to discuss counterterrorism. They look forward to the Leaders Summit hosted "
            "by President Joe Biden in Washington next month.",
            "New York",
        ),
        (
            "Secretary Ana Ruiz met today with Foreign Minister Lars Berg of Sweden at the United "
            "Nations in Geneva to discuss refugees.",
            "Geneva",
        ),
        (
            "Today, Vice President Kamala Harris hosted 20 county commissioners in her Ceremonial "
            "Office to discuss broadband.",
            "Washington",
        ),
        (
            "Secretary of State Antony Blinken met today with Foreign Minister Lars Berg of Sweden "
            "at Blair House to discuss refugees.",
            "Washington",
        ),
    ],
    ids=["unga", "un-future-city", "un-geneva", "ceremonial-office", "blair-house"],
)
def test_a_seat_that_sits_in_one_city_places_the_meeting(body, city):
    """The UN General Assembly sits only in New York; a city written after the seat wins, and a
    city of a future occasion never counts."""
    (meeting,) = found_meetings_of(body, date(2022, 11, 11))
    assert meeting.city == city


def test_a_city_visited_places_the_meeting():
    body = (
        "On Wednesday, December 13, 2023, Deputy National Security Advisor Mike Pyle visited "
        "Lusaka and met with Finance Minister Situmbeko Musokotwane of Zambia."
    )
    (meeting,) = found_meetings_of(body, date(2023, 12, 13))
    assert meeting.city == "Lusaka"


def test_a_force_deployed_to_a_country_does_not_place_the_meeting():
    body = (
        "Today, Principal Deputy National Security Advisor Jon Finer met with community leaders "
        "to discuss the crisis in Haiti, including by supporting the UN-authorized Multinational "
        "Security Support (MSS) mission to Haiti and lifting up Haitian-led solutions."
    )
    (meeting,) = found_meetings_of(body, date(2024, 3, 29))
    assert meeting.city == ""


def test_a_place_belongs_to_the_date_written_before_it():
    body = (
        "On April 28, the Task Force on Energy Security met in person in Washington to discuss "
        "the March 25 Joint Statement by President Joe Biden. The meeting was chaired by Senior "
        "Advisor Amos Hochstein and Head of Cabinet Anna Weber of Germany."
    )
    (meeting,) = found_meetings_of(body, date(2022, 4, 29))
    assert (meeting.start, meeting.city) == (date(2022, 4, 28), "Washington")


@pytest.mark.parametrize(
    "body",
    [
        "Vice President Kamala Harris spoke today with President Isaac Herzog of Israel to offer "
        "condolences for the attack at a synagogue in Jerusalem.",
        "President Joe Biden spoke this afternoon with President Recep Tayyip Erdogan of Türkiye. "
        "He offered assistance after the earthquakes.",
    ],
    ids=["purpose-city", "two-words-before-with"],
)
def test_a_talk_whose_sentence_places_only_its_subject_is_a_call(body):
    (meeting,) = found_meetings_of(body, date(2023, 2, 6))
    assert (meeting.kind, meeting.city) == ("call", "")


# --- Session 12: meetings of people the text does not name -------------------------------------


def unnamed_meetings_of(body, published, title=""):
    return find_meetings(
        body,
        officials=find_officials(body, publisher_country="US"),
        dates=find_dates(body, published),
        published=published,
        publisher_country="US",
        title=title,
    )


@pytest.mark.parametrize(
    ("body", "start", "city"),
    [
        (
            "Today, the Leaders of Canada, France, Japan, Spain, and the United States met on the "
            "margins of the G20 Summit in Bali and released the following statement: We condemn "
            "the attacks.",
            date(2022, 11, 15),
            "Bali",
        ),
        (
            "We welcome the meeting held today in Aqaba, Jordan, between senior officials of "
            "Israel, Jordan, Egypt, and the United States.",
            date(2022, 11, 15),
            "Aqaba",
        ),
        (
            "The three governments organized the first Semiconductor Conference in Washington, "
            "D.C. on November 10-11 with the support of industry.",
            date(2022, 11, 10),
            "Washington",
        ),
    ],
    ids=["leaders-met", "meeting-held-today", "organized-a-conference"],
)
def test_a_meeting_of_people_the_text_does_not_name_is_reported(body, start, city):
    (meeting,) = unnamed_meetings_of(body, date(2022, 11, 15))
    assert (meeting.start, meeting.city, meeting.attendees) == (start, city, [])


@pytest.mark.parametrize(
    "body",
    [
        "Senior officials from our governments will reconvene in Cairo before the end of next "
        "week with the aim to conclude the deal.",
        "Today, we the governments of Costa Rica and the United States are pleased to announce "
        "that our leaders will co-host the second Summit for Democracy on March 29-30, 2023.",
        "The governments have long supported the partnership and its goals.",
    ],
)
def test_a_group_that_will_meet_or_only_acts_reports_no_meeting(body):
    assert unnamed_meetings_of(body, date(2022, 11, 29)) == []


@pytest.mark.parametrize(
    ("title", "reported"),
    [
        ("Joint Statement: U.S.-Mexico High-Level Security Dialogue", True),
        ("Joint Statement of the 2022 U.S.-Mexico High-Level Security Dialogue", True),
        ("Joint Statement on the Announcement of the Second Summit for Democracy", False),
    ],
)
def test_a_joint_statement_titled_after_its_dialogue_reports_it_undated(title, reported):
    body = "The United States and Mexico pledge to work together to reduce arms trafficking."
    meetings = unnamed_meetings_of(body, date(2021, 10, 8), title)
    assert [(m.start, m.city) for m in meetings] == ([(None, "")] if reported else [])


@pytest.mark.django_db
def test_an_account_that_names_nobody_needs_more_than_the_city_and_day():
    """Two meetings on one summit's margins share the city and the day: an account naming
    nobody links only on a venue (or a named thing) both give."""
    a, b = people("Ana Uno", "Beto Dos")
    existing, _ = found_meeting([a, b], start=date(2022, 11, 15), city="Bali", venue="")
    create_meeting(existing, [(a, "President"), (b, "President")])
    nameless, _ = found_meeting([], start=date(2022, 11, 15), city="Bali", nameless=True)
    match, _, note = match_meeting(nameless, [])
    assert match is None and "names nobody" in note
    at_venue, _ = found_meeting([a, b], start=date(2022, 11, 16), city="Aqaba", venue="Palace")
    palace = create_meeting(at_venue, [(a, "King"), (b, "Minister")])
    same_room, _ = found_meeting(
        [], start=date(2022, 11, 16), city="Aqaba", venue="Palace", nameless=True
    )
    assert match_meeting(same_room, [])[0] == palace


# --- Session 12: several meetings in one readout ------------------------------------------------


def test_paragraphs_that_open_on_a_country_of_their_own_are_stops_of_a_trip():
    body = (
        "Earlier this week, Principal Deputy National Security Advisor Jon Finer traveled to "
        "Ghana and Senegal. He was joined by Senior Director Dana Banks.\n\n"
        "In Ghana, Mr. Finer met with Vice President Mahamudu Bawumia and other officials.\n\n"
        "In Senegal, Mr. Finer met with President Macky Sall to discuss maritime security.\n\n"
        "While in Senegal, Mr. Finer also met with young leaders."
    )
    meetings = found_meetings_of(body, date(2021, 10, 21))
    assert [sorted(o.name for o in m.attendees) for m in meetings] == [
        ["Dana Banks", "Jon Finer", "Mahamudu Bawumia"],
        ["Dana Banks", "Jon Finer", "Macky Sall"],
    ]
    assert [(m.start, m.city) for m in meetings] == [(None, ""), (None, "")]


def test_dated_paragraphs_of_different_parties_are_different_meetings():
    body = (
        "National Security Advisor Jake Sullivan traveled to Tokyo, Japan, for two trilateral "
        "meetings.\n\n"
        "On June 15, the United States, Japan, and the ROK held their third trilateral "
        "meeting. They discussed the DPRK.\n\n"
        "On June 16, the United States, Japan, and the Philippines held their inaugural "
        "trilateral meeting. They discussed maritime security."
    )
    meetings = found_meetings_of(body, date(2023, 6, 17))
    assert [(m.start, m.city) for m in meetings] == [
        (date(2023, 6, 15), "Tokyo"),
        (date(2023, 6, 16), "Tokyo"),
    ]


def test_one_delegation_on_two_days_is_one_visit():
    body = (
        "On February 6, the delegation met with President Andrés Manuel López Obrador in Mexico "
        "City.\n\n"
        "On February 7, the delegation held meetings with Foreign Secretary Alicia Bárcena."
    )
    (meeting,) = found_meetings_of(body, date(2024, 2, 8))
    assert (meeting.start, meeting.end) == (date(2024, 2, 6), date(2024, 2, 7))


def test_also_met_with_a_named_official_is_a_further_meeting():
    body = (
        "Today, National Security Advisor Jake Sullivan met with Foreign Minister Penny Wong of "
        "Australia in Canberra. Mr. Sullivan also met with Prime Minister Anthony Albanese. He "
        "also met with alumni of the exchange program."
    )
    meetings = found_meetings_of(body, date(2023, 6, 17))
    assert [sorted(o.name for o in m.attendees) for m in meetings] == [
        ["Jake Sullivan", "Penny Wong"],
        ["Anthony Albanese", "Jake Sullivan"],
    ]
    assert {(m.start, m.city) for m in meetings} == {(date(2023, 6, 17), "Canberra")}


def test_met_bilaterally_with_three_counterparts_is_three_meetings():
    body = (
        "On June 15, National Security Advisor Jake Sullivan met with Prime Minister Kishida "
        "Fumio of Japan in Tokyo. Mr. Sullivan met bilaterally with his counterparts Akiba "
        "Takeo of Japan, Cho Tae-yong of the ROK, and Eduardo Ano of the Philippines."
    )
    meetings = found_meetings_of(body, date(2023, 6, 17))
    assert len(meetings) == 4
    assert [m.attendees[-1].name for m in meetings[1:]] == [
        "Akiba Takeo",
        "Cho Tae-yong",
        "Eduardo Ano",
    ]


def test_an_event_attended_after_a_virtual_meeting_has_a_place_of_its_own():
    body = (
        "President Joe Biden met virtually today with Taoiseach Micheál Martin of Ireland. "
        "After the bilateral meeting, the President attended the traditional Speaker’s Lunch on "
        "Capitol Hill, hosted by Speaker of the House Nancy Pelosi."
    )
    virtual, lunch = found_meetings_of(body, date(2022, 3, 17))
    assert (virtual.city, lunch.city, lunch.start) == ("", "Washington", date(2022, 3, 17))


@pytest.mark.django_db
def test_two_meetings_the_same_day_in_one_city_with_nobody_in_common_stay_apart():
    a, b, c, d = people("Ana Uno", "Beto Dos", "Carla Tres", "Dario Cuatro")
    first, _ = found_meeting([a, b], start=date(2022, 3, 17), city="Washington")
    create_meeting(first, [(a, "President"), (b, "Speaker")])
    second, _ = found_meeting([c, d], start=date(2022, 3, 17), city="Washington")
    match, _, note = match_meeting(second, [c, d])
    assert match is None and "nobody in common" in note


def test_a_meeting_this_afternoon_about_a_choice_later_this_month_is_dated_today():
    body = (
        "President Joe Biden hosted Senator Dick Durbin and Senator Chuck Grassley in the Oval "
        "Office this afternoon to hear their advice about the nomination he will make later this "
        "month."
    )
    (meeting,) = found_meetings_of(body, date(2022, 2, 1))
    assert (meeting.start, meeting.end) == (date(2022, 2, 1), date(2022, 2, 1))


def test_a_call_takes_one_day_whatever_else_it_welcomed():
    body = (
        "President Joe Biden spoke with President William Ruto of Kenya today. They welcomed the "
        "successful vote at the United Nations Security Council yesterday."
    )
    (meeting,) = found_meetings_of(body, date(2023, 10, 3))
    assert (meeting.kind, meeting.start, meeting.end) == (
        "call",
        date(2023, 10, 3),
        date(2023, 10, 3),
    )


@pytest.mark.parametrize(
    ("title", "body", "start", "city"),
    [
        (
            "Readout of the Second Meeting of the White House Competition Council",
            "This afternoon, the President met with the White House Competition Council in the "
            "East Room to discuss actions they have taken to lower costs.",
            date(2022, 1, 24),
            "Washington",
        ),
        (
            "Readout of the 2021 White House Tribal Youth Forum",
            "On January 10, 2022, the Biden-Harris Administration held the Third Annual White "
            "House Tribal Youth Forum. Over 100 young people engaged with officials.",
            date(2022, 1, 10),
            "",
        ),
    ],
    ids=["office-met", "held-a-forum"],
)
def test_a_readout_titled_after_its_meeting_reports_it_whoever_the_text_names(
    title, body, start, city
):
    (meeting,) = unnamed_meetings_of(body, date(2022, 1, 24), title)
    assert (meeting.start, meeting.city) == (start, city)


def test_a_readout_titled_after_a_meeting_to_come_reports_none():
    body = "The White House Competition Council will meet next month to discuss costs."
    title = "Readout of the Second Meeting of the White House Competition Council"
    assert unnamed_meetings_of(body, date(2022, 1, 24), title) == []


# --- Session 13: domestic convenings that recall a series, and calls --------------------------


def test_a_sentence_that_dates_a_series_neither_dates_nor_places_the_meeting():
    body = (
        "Today, Vice President Kamala Harris convened more than 20 Ohio state legislators to "
        "discuss voting rights. The Vice President convened state legislators from across the "
        "country on March 2, 2023 at the White House; on March 9, 2023 in Denver, Colorado; and "
        "on March 13, 2023 in Atlanta, Georgia. During the meeting, the legislators discussed "
        "their work."
    )
    (meeting,) = found_meetings_of(body, date(2023, 3, 14))
    assert (meeting.start, meeting.end, meeting.city) == (date(2023, 3, 14), date(2023, 3, 14), "")


def test_a_month_named_alone_puts_what_follows_it_in_another_occasion():
    body = (
        "Yesterday, Vice President Kamala Harris hosted a roundtable with Secretary of Education "
        "Miguel Cardona and university presidents about student health. In July, she convened a "
        "meeting of legislators from five states at the White House."
    )
    (meeting,) = found_meetings_of(body, date(2022, 8, 9))
    assert (meeting.start, meeting.city, meeting.venue) == (date(2022, 8, 8), "", "")


def test_a_month_named_after_the_place_leaves_the_place_to_the_meeting():
    body = (
        "Yesterday, Vice President Kamala Harris hosted Secretary of Education Miguel Cardona and "
        "university presidents at the White House, following her tour of campuses in July."
    )
    (meeting,) = found_meetings_of(body, date(2022, 8, 9))
    assert meeting.city == "Washington"


@pytest.mark.parametrize(
    "body",
    [
        "National Security Advisor Jake Sullivan spoke today with Philippine National Security "
        "Advisor Eduardo M. Año. Mr. Sullivan and Mr. Año welcomed preparations for the visit of "
        "President Marcos to the White House.",
        "President Joe Biden spoke with opposition leader Maria Kolesnikova of Belarus from Air "
        "Force One. He thanked her for attending his speech in Warsaw tonight.",
        "National Security Advisor Jake Sullivan spoke today with National Security Advisor "
        "Eduardo M. Año of the Philippines and discussed the visit of President Marcos to the "
        "White House.",
    ],
    ids=["short-name", "air-force-one", "discussed"],
)
def test_what_follows_the_sentence_of_the_call_does_not_put_it_in_a_room(body):
    (meeting,) = found_meetings_of(body, date(2024, 4, 1))
    assert (meeting.kind, meeting.city) == ("call", "")


def test_todays_convening_written_on_the_day_does_not_widen_a_dated_meeting():
    body = (
        "On April 12, Secretary of Education Miguel Cardona hosted 30 school superintendents "
        "from 15 states to discuss school safety. Today’s convening comes on the heels of new "
        "guidance for schools."
    )
    (meeting,) = found_meetings_of(body, date(2024, 4, 15))
    assert (meeting.start, meeting.end) == (date(2024, 4, 12), date(2024, 4, 12))


def test_a_meeting_this_week_keeps_no_day():
    body = (
        "This week, the President’s Advisory Council held its quarterly meeting. The members "
        "were welcomed by Homeland Security Advisor Liz Sherwood-Randall and adopted a report."
    )
    title = "Readout of the President’s Advisory Council Quarterly Meeting"
    (meeting,) = unnamed_meetings_of(body, date(2023, 3, 17), title)
    assert meeting.start is None


def test_a_standing_body_convened_is_a_committee_meeting_named_after_it():
    body = (
        "Yesterday, the President convened the White House Water Council to mark the anniversary "
        "of his Executive Order. Secretary of the Interior Deb Haaland spoke about new actions."
    )
    (meeting,) = found_meetings_of(body, date(2023, 7, 20))
    assert meeting.kind == "committee"
    assert meeting.title == "White House Water Council meeting, 19 July 2023"


def test_a_speaker_at_a_roundtable_does_not_make_it_a_call():
    body = (
        "Today, Secretary of Transportation Pete Buttigieg convened a roundtable of mayors from "
        "ten states. Deputy Secretary Polly Trottenberg spoke about new grants for bridges."
    )
    (meeting,) = found_meetings_of(body, date(2023, 5, 4))
    assert meeting.kind == "other"


def test_calls_spoken_of_in_the_plural_are_one_per_group_the_report_joins():
    body = (
        "Today, President Joe Biden spoke with the leadership of two grocery chains, and the "
        "baby food makers Acme and Bellco to hear how they are restocking shelves. These calls "
        "build on the work the Administration has done since February."
    )
    meetings = found_meetings_of(body, date(2022, 5, 12))
    assert [(m.kind, m.start) for m in meetings] == [("call", date(2022, 5, 12))] * 2
    assert "grocery chains" in meetings[0].title and "Acme and Bellco" in meetings[1].title


def test_an_official_hosting_compatriots_gives_no_capital():
    body = (
        "This afternoon, National Cyber Director Kemba Walden hosted Deputy Secretary of Commerce "
        "Don Graves and NASA Administrator Bill Nelson for a forum on space cybersecurity."
    )
    (meeting,) = found_meetings_of(body, date(2023, 3, 28))
    assert (meeting.city, meeting.city_inferred) == ("", False)


def test_a_leader_hosting_a_foreign_guest_still_gives_the_capital():
    body = (
        "Today, President Joe Biden hosted Prime Minister Ann Vale of Norway to discuss Arctic "
        "security and trade."
    )
    (meeting,) = found_meetings_of(body, date(2023, 3, 28))
    assert (meeting.city, meeting.city_inferred) == ("Washington", True)


@pytest.mark.parametrize(
    "body",
    [
        "Vice President Kamala Harris met today with Prime Minister Ann Vale of Norway in Oslo "
        "to discuss Arctic security.",
        "President Joe Biden met today with His Highness the Amir of Qatar Sheikh Tamim bin "
        "Hamad Al Thani at the White House to discuss Gaza.",
    ],
    ids=["vice-president", "amir"],
)
def test_the_vice_president_or_an_amir_at_the_table_makes_a_leaders_meeting(body):
    (meeting,) = found_meetings_of(body, date(2024, 1, 30))
    assert meeting.kind == "leaders"
