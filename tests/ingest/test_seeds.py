"""Acceptance: the five seed documents imported through the real command.

The expected officials, meetings and dates below were written by reading the seeds, not by
running the importer.
"""

from datetime import date

import pytest

from statements.models import Meeting, Participant, ParticipantAlias, Quote, Statement
from statements.text import fold

# key: (country, forms the seeds write the name in). Every form must lead to the same one official.
OFFICIALS = {
    # United States
    "sherwood-randall": ("US", ["Elizabeth Sherwood-Randall", "Liz Sherwood-Randall"]),
    "monaco": ("US", ["Lisa O. Monaco", "Lisa Monaco"]),
    "canegallo": ("US", ["Kristie Canegallo"]),
    "verma": ("US", ["Rich Verma", "Richard R. Verma", "Richard Verma"]),
    "biden": ("US", ["Joe Biden"]),
    "salazar": ("US", ["Ken Salazar"]),
    "cohen": ("US", ["Adam W. Cohen", "Adam Cohen"]),
    "gonzalez": ("US", ["Juan Gonzalez"]),
    "nunez-neto": ("US", ["Blas Nuñez-Neto"]),
    "eppelheimer": ("US", ["Tiffany Eppelheimer"]),
    "johnson": ("US", ["Mark Johnson"]),
    # Mexico
    "lopez-obrador": ("MX", ["Andrés Manuel López Obrador"]),
    "rodriguez": ("MX", ["Rosa Icela Rodríguez", "Rosa Icela Rodríguez Velázquez"]),
    "barcena": ("MX", ["Alicia Bárcena Ibarra", "Alicia Bárcena"]),
    "alcalde": ("MX", ["Luisa María Alcalde Luján"]),
    "sandoval": ("MX", ["Luis Cresencio Sandoval González"]),
    "ojeda": ("MX", ["José Rafael Ojeda Durán"]),
    "gertz": ("MX", ["Alejandro Gertz Manero"]),
    "moctezuma": ("MX", ["Esteban Moctezuma Barranquilla"]),
    "medina": ("MX", ["Félix Arturo Medina Padilla"]),
    "velasco": ("MX", ["Roberto Velasco Álvarez"]),
    "lopez-cardenas": ("MX", ["Armando López Cárdenas"]),
    "svarch": ("MX", ["Alejandro Svarch Pérez"]),
    # Others
    "trudeau": ("CA", ["Justin Trudeau"]),
    "xi": ("CN", ["Xi Jinping"]),
}

# Who each seed names.
NAMED = {
    "000": {"lopez-obrador", "sherwood-randall", "monaco", "canegallo", "verma", "rodriguez"},
    "001": {"sherwood-randall", "biden", "lopez-obrador", "rodriguez", "trudeau"},
    "002": {
        "lopez-obrador",
        "sherwood-randall",
        "barcena",
        "rodriguez",
        "alcalde",
        "sandoval",
        "ojeda",
        "gertz",
        "moctezuma",
        "medina",
        "velasco",
        "lopez-cardenas",
        "svarch",
        "salazar",
        "verma",
        "monaco",
        "canegallo",
        "cohen",
        "gonzalez",
        "nunez-neto",
        "eppelheimer",
        "johnson",
    },
    "003": {"biden", "lopez-obrador", "xi"},
    "004": {
        "sherwood-randall",
        "monaco",
        "verma",
        "canegallo",
        "cohen",
        "salazar",
        "lopez-obrador",
        "barcena",
        "biden",
        "trudeau",
    },
}

# Who took part in the meeting a seed reports, and who is only mentioned.
ATTENDED = {
    "000": {"lopez-obrador", "sherwood-randall", "monaco", "canegallo", "verma"},
    "002": NAMED["002"],
    "003": {"biden", "lopez-obrador"},
    "004": {
        "sherwood-randall",
        "monaco",
        "verma",
        "canegallo",
        "cohen",
        "salazar",
        "lopez-obrador",
        "barcena",
    },
}
ONLY_MENTIONED = {"001": {"biden", "trudeau"}, "003": {"xi"}, "004": {"biden", "trudeau"}}


def official(key):
    """The one Participant the seeds' forms of an official's name lead to."""
    country, forms = OFFICIALS[key]
    found = set()
    for form in forms:
        matches = set(Participant.objects.filter(name_key=fold(form))) | {
            alias.participant for alias in ParticipantAlias.objects.filter(name_key=fold(form))
        }
        assert len(matches) == 1, f"{form!r} leads to {len(matches)} officials: {matches}"
        found |= matches
    assert len(found) == 1, f"the forms of {key} lead to different officials: {found}"
    return found.pop()


@pytest.fixture
def people(seeded_archive):
    return {key: official(key) for key in OFFICIALS}


def named_in(statement, people):
    by_pk = {p.pk: key for key, p in people.items()}
    return {by_pk.get(m.participant_id, m.name_as_written) for m in statement.mentions.all()}


def test_every_official_is_one_participant_with_the_right_country(seeded_archive):
    problems = []
    for key, (country, _forms) in OFFICIALS.items():
        try:
            found = official(key)
        except AssertionError as error:
            problems.append(str(error).splitlines()[0])
            continue
        if found.country != country:
            problems.append(f"{found.name}: country {found.country!r}, expected {country!r}")
    assert problems == []


def test_no_official_is_missed_doubled_or_invented(people):
    assert len({p.pk for p in people.values()}) == len(OFFICIALS), "two officials were merged"
    extra = Participant.objects.exclude(pk__in=[p.pk for p in people.values()])
    assert list(extra.values_list("name", flat=True)) == []


def test_each_seed_names_its_officials(seeded_archive, people):
    named = {prefix: named_in(seeded_archive[prefix], people) for prefix in NAMED}
    assert named == NAMED


def test_attendees_are_told_from_people_only_mentioned(seeded_archive, people):
    problems = []
    for prefix in sorted(ATTENDED.keys() | ONLY_MENTIONED.keys()):
        mentions = seeded_archive[prefix].mentions.all()
        attended = {m.participant_id for m in mentions if m.attended}
        problems += [
            f"{key} attended the meeting {prefix} reports"
            for key in ATTENDED.get(prefix, ())
            if people[key].pk not in attended
        ]
        problems += [
            f"{key} is only mentioned in {prefix}"
            for key in ONLY_MENTIONED.get(prefix, ())
            if people[key].pk in attended
        ]
    assert problems == []


def test_titles_are_kept_as_written(seeded_archive, people):
    mention = seeded_archive["002"].mentions.get(participant=people["barcena"])
    assert mention.title_as_written == "Secretary of Foreign Affairs"
    assert "Deputy Attorney General" in people["monaco"].titles


def test_the_two_july_2023_statements_share_one_meeting(seeded_archive):
    shared = set(seeded_archive["000"].meetings.all()) & set(seeded_archive["001"].meetings.all())
    assert len(shared) == 1, "000 and 001 report the same talks"
    meeting = shared.pop()
    assert meeting.start_date == date(2023, 7, 24)
    assert {"US", "MX"} <= set(meeting.countries)
    assert seeded_archive["002"] not in meeting.statements.all()


def test_san_francisco_and_february_2024_are_their_own_meetings(seeded_archive):
    july = set(seeded_archive["000"].meetings.all())
    san_francisco = [m for m in seeded_archive["003"].meetings.all() if "San Francisco" in m.place]
    assert len(san_francisco) == 1
    assert san_francisco[0] not in july
    assert set(san_francisco[0].statements.all()) == {seeded_archive["003"]}

    trip = [
        m
        for m in seeded_archive["004"].meetings.all()
        if (m.start_date, m.end_date) == (date(2024, 2, 6), date(2024, 2, 7))
    ]
    assert len(trip) == 1
    assert trip[0] not in july and trip[0] != san_francisco[0]
    # The undated Mexican communiqué (002) is Mexico's account of the same February visit.
    assert set(trip[0].statements.all()) == {seeded_archive["002"], seeded_archive["004"]}


def test_meeting_attendees_carry_their_delegation(seeded_archive, people):
    (meeting,) = set(seeded_archive["004"].meetings.all()) & set(
        seeded_archive["002"].meetings.all()
    )
    delegations = {a.participant_id: a.delegation for a in meeting.attendances.all()}
    assert delegations[people["sherwood-randall"].pk] == "US"
    assert delegations[people["barcena"].pk] == "MX"
    assert delegations[people["lopez-obrador"].pk] == "MX"


def test_dates_are_right_or_flagged(seeded_archive):
    assert seeded_archive["000"].date == date(2023, 7, 25)
    assert seeded_archive["004"].date == date(2024, 2, 7)
    for prefix in ("000", "004"):
        assert seeded_archive[prefix].date_source == Statement.DateSource.FRONT_MATTER
        assert not seeded_archive[prefix].date_inferred
    for prefix in ("001", "002", "003"):
        statement = seeded_archive[prefix]
        assert statement.date is None, f"{prefix} states no date: none may be invented"
        assert statement.needs_review
        assert any("date" in note.lower() for note in statement.review_notes)


def test_commitments_are_found_with_their_parties(seeded_archive):
    commitments = {
        prefix: list(statement.commitments.all()) for prefix, statement in seeded_archive.items()
    }
    assert all(commitments.values()), {p: len(c) for p, c in commitments.items()}
    legal_pathways = [c for c in commitments["000"] if "legal pathways" in c.text]
    assert legal_pathways and set(legal_pathways[0].parties) == {"US", "MX"}
    assert any("redouble efforts" in c.text for c in commitments["001"])
    assert any("information and data sharing" in c.text for c in commitments["004"])
    # Commitments are tied to the meeting their statement reports, and to topics.
    assert all(c.meeting_id for c in commitments["000"])
    assert any(c.topics.exists() for c in commitments["000"])


def test_quotes_are_found_with_their_speakers(seeded_archive, people):
    quotes = list(Quote.objects.filter(statement=seeded_archive["003"]))
    assert len(quotes) == 5
    speakers = [q.speaker_id for q in quotes]
    assert speakers.count(people["biden"].pk) == 2
    assert speakers.count(people["lopez-obrador"].pk) == 3
    assert Quote.objects.exclude(statement=seeded_archive["003"]).count() == 0


def test_topics_images_and_search_names(seeded_archive, people):
    statement = seeded_archive["000"]
    topics = set(statement.topics.values_list("slug", flat=True))
    assert {"fentanyl-synthetic-drugs", "arms-trafficking", "migration"} <= topics
    assert len(seeded_archive["002"].images) == 8
    assert "/cms/uploads" not in seeded_archive["002"].body
    assert people["monaco"].name in statement.search_names
    assert "Fentanyl and synthetic drugs" in statement.search_names


def test_every_meeting_is_reported_and_every_statement_reports_one(seeded_archive):
    assert not Meeting.objects.filter(reports__isnull=True).exists()
    for prefix, statement in seeded_archive.items():
        assert statement.meetings.exists(), prefix
