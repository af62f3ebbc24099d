"""The search suite's archive: the five seed documents' real texts, with officials, aliases,
topics and meetings attached by hand (so these tests do not depend on extraction), plus a draft.

Every test in tests/search runs on the engine of the database in use: SQLite FTS5 when
DATABASE_URL is unset, PostgreSQL when it is set. The expectations are the same on both.
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from statements.models import Statement
from tests.factories import (
    AliasFactory,
    AttendanceFactory,
    MeetingFactory,
    MentionFactory,
    ParticipantFactory,
    ReportFactory,
    StatementFactory,
    TopicFactory,
)

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"

# prefix: (title, date, date_inferred, publisher, kind, officials, topics)
SEED_FACTS = {
    "000": (
        "Joint Statement from Mexico and the United States on Shared Efforts to Combat Illicit "
        "Fentanyl, Disrupt Arms Trafficking, and Humanely Manage Migration",
        datetime.date(2023, 7, 25), False, "The White House", "joint_statement",
        ["amlo", "esr", "monaco"], ["fentanyl", "arms-trafficking", "migration"],
    ),
    "001": (
        "We Reaffirm Our Shared Commitment to the Safety and Well-being of the People of North "
        "America",
        datetime.date(2023, 10, 5), True, "Government of Mexico", "joint_statement",
        ["esr", "amlo", "biden"], ["fentanyl", "migration"],
    ),
    "002": (
        "Mexico and the United States expand bilateral dialogue on security and migration",
        datetime.date(2023, 10, 5), False, "Secretaría de Relaciones Exteriores", "communique",
        ["amlo", "esr", "barcena", "monaco"], ["migration", "fentanyl"],
    ),
    "003": (
        "Readout of President Joe Biden’s Meeting with President Andrés Manuel López Obrador of "
        "Mexico",
        datetime.date(2023, 11, 17), False, "The White House", "readout",
        ["biden", "amlo"], ["fentanyl", "migration", "trade"],
    ),
    "004": (
        "Readout of Homeland Security Advisor Dr. Liz Sherwood-Randall’s Trip to Mexico",
        datetime.date(2024, 2, 7), False, "The White House", "readout",
        ["esr", "amlo", "barcena", "monaco"], ["fentanyl", "migration"],
    ),
}  # fmt: skip

OFFICIALS = {
    "amlo": ("Andrés Manuel López Obrador", "MX", ["López Obrador", "AMLO"]),
    "esr": ("Elizabeth Sherwood-Randall", "US", ["Liz Sherwood-Randall", "Dr. Sherwood-Randall"]),
    "biden": ("Joe Biden", "US", ["President Biden"]),
    "barcena": ("Alicia Bárcena Ibarra", "MX", ["Alicia Bárcena"]),
    "monaco": ("Lisa Monaco", "US", ["Lisa O. Monaco"]),
}
TOPICS = {
    "fentanyl": "Fentanyl",
    "arms-trafficking": "Arms trafficking",
    "migration": "Migration",
    "trade": "Trade",
}


def seed_body(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("\n---", 1)[1].split("\n", 1)[1]
    return text.replace("\\###", "").strip()


@pytest.fixture
def archive(db):
    """{"000": Statement, …, "officials": {key: Participant}, "topics": {…}, "meetings": {…},
    "draft": Statement}."""
    return build_archive()


@pytest.fixture
def hostile(db):
    """A published statement whose title, body and official carry markup."""
    return build_hostile()


def build_archive():
    officials = {}
    for key, (name, country, aliases) in OFFICIALS.items():
        official = ParticipantFactory(name=name, country=country)
        for alias in aliases:
            AliasFactory(participant=official, name=alias)
        officials[key] = official
    topics = {slug: TopicFactory(name=name, slug=slug) for slug, name in TOPICS.items()}
    built = {"officials": officials, "topics": topics}
    for prefix, facts in SEED_FACTS.items():
        title, date, inferred, publisher, kind, who, about = facts
        statement = StatementFactory(
            title=title,
            slug=f"seed-{prefix}",
            body=seed_body(prefix),
            date=date,
            date_inferred=inferred,
            date_source="inferred" if inferred else "front_matter",
            publisher=publisher,
            kind=kind,
        )
        for position, key in enumerate(who):
            MentionFactory(statement=statement, participant=officials[key], position=position)
        statement.topics.set([topics[slug] for slug in about])
        statement.refresh_search_names()
        built[prefix] = statement
    visit = MeetingFactory(
        title="Sherwood-Randall delegation visit to Mexico City",
        slug="delegation-visit-2023-10",
        start_date=datetime.date(2023, 10, 4),
    )
    summit = MeetingFactory(
        title="Biden and López Obrador in San Francisco",
        slug="san-francisco-2023-11",
        start_date=datetime.date(2023, 11, 17),
        city="San Francisco",
        venue="",
    )
    for statement in (built["001"], built["002"]):
        ReportFactory(meeting=visit, statement=statement)
    ReportFactory(meeting=summit, statement=built["003"])
    for key in ("esr", "amlo", "barcena"):
        AttendanceFactory(meeting=visit, participant=officials[key])
    for key in ("biden", "amlo"):
        AttendanceFactory(meeting=summit, participant=officials[key])
    built["meetings"] = {"visit": visit, "summit": summit}

    draft = StatementFactory(
        title="Draft readout on zanzibarquux",
        slug="draft-zanzibarquux",
        body="An unpublished zanzibarquux readout naming López Obrador on fentanyl.",
        status=Statement.Status.DRAFT,
        publisher="Draft Publisher",
        date=datetime.date(2025, 1, 1),
    )
    MentionFactory(statement=draft, participant=officials["amlo"])
    draft.topics.set([topics["fentanyl"]])
    draft.refresh_search_names()
    built["draft"] = draft
    return built


def build_hostile():
    official = ParticipantFactory(name='Eve <img src=x onerror="alert(1)">', country="US")
    statement = StatementFactory(
        title='Statement on <script>alert("title")</script> border cooperation',
        slug="hostile",
        body=(
            'The delegations discussed <script>alert("body")</script> border cooperation and '
            "<b>bold</b> plans & “quotes” for the quokka programme."
        ),
        publisher='<i onmouseover="x()">Publisher</i>',
    )
    MentionFactory(statement=statement, participant=official)
    statement.refresh_search_names()
    return statement
