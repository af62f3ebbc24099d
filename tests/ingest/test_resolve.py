"""Resolving names to one Participant: each rule that merges, and each case that must never."""

import pytest

from statements.ingest.people import FoundOfficial, find_officials
from statements.ingest.resolve import (
    EMPTY_GAZETTEER,
    Gazetteer,
    GazetteerEntry,
    default_gazetteer,
    name_score,
    name_words,
    names_match,
    resolve_official,
)
from statements.models import Participant, ParticipantAlias


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lisa O. Monaco", "Lisa Monaco"),  # middle initial optional
        ("Richard R. Verma", "Richard Verma"),
        ("Rich Verma", "Richard R. Verma"),  # short form
        ("Liz Sherwood-Randall", "Elizabeth Sherwood-Randall"),
        ("Bob Menendez", "Robert Menendez"),
        ("Bill Burns", "William J. Burns"),
        ("Tony Blinken", "Antony Blinken"),
        ("Alex Padilla", "Alejandro Padilla"),
        ("Pepe Ojeda", "José Ojeda"),
        ("ALICIA BARCENA", "Alicia Bárcena"),  # accents and case ignored
        ("Rosa Icela Rodríguez", "Rosa Icela Rodríguez Velázquez"),  # second surname optional
        ("Alicia Bárcena", "Alicia Bárcena Ibarra"),
        ("Andrés López Obrador", "Andrés Manuel López Obrador"),  # known middle given name
        ("López Obrador", "Andrés Manuel López Obrador"),  # surname-only forms
        ("Lopez Obrador", "Andrés Manuel López Obrador"),
        ("Biden", "Joe Biden"),
        ("Sherwood-Randall", "Elizabeth Sherwood-Randall"),
        ("Bárcena", "Alicia Bárcena Ibarra"),  # a Hispanic first surname alone
        ("Dr. Sherwood-Randall", "Ms. Elizabeth Sherwood-Randall"),  # honorifics are not names
        ("President Joseph R. Biden Jr.", "Joseph Biden"),
        ("Brennik", "Ilira Brennik-Haxhiu"),  # the first part of a hyphenated surname
    ],
)
def test_same_person(a, b):
    assert names_match(a, b)
    assert names_match(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Alejandro Gertz Manero", "Alejandro Svarch Pérez"),
        ("Juan Gonzalez", "Luis Cresencio Sandoval González"),
        ("Armando López Cárdenas", "Andrés Manuel López Obrador"),
        ("Alejandro Pérez", "Alejandro Svarch Pérez"),  # a dropped first surname is someone else
        ("Rosa Icela", "Rosa Icela Rodríguez"),  # given names alone are not a form of the name
        ("Andrés Manuel", "Andrés Manuel López Obrador"),
        ("Lisa Monaco", "Elizabeth Monaco"),
        ("Mark Johnson", "Ron Johnson"),
        ("Adam Cohen", "Adam Schiff"),
        ("Haxhiu", "Ilira Brennik-Haxhiu"),  # not its second part
    ],
)
def test_never_the_same_person(a, b):
    assert not names_match(a, b)
    assert not names_match(b, a)


def test_scores_rank_exact_over_variant_over_surname_only():
    full = "Andrés Manuel López Obrador"
    assert name_score(full, "andres manuel lopez obrador") == 1.0
    assert name_score(full, "Andrés López Obrador") == 0.9
    assert name_score(full, "López Obrador") == 0.6


def test_name_words_drop_titles_honorifics_initials():
    assert name_words("Dr. Liz Sherwood-Randall") == ["liz", "sherwood-randall"]
    assert name_words("Lisa O. Monaco") == ["lisa", "monaco"]
    assert name_words("Juan Ramón de la Fuente") == ["juan", "ramon", "de", "la", "fuente"]


def mention(name, country="", title="", variants=None):
    return FoundOfficial(
        name=name,
        title=title,
        country=country,
        attended=True,
        position=0,
        how_found="test",
        variants=variants or [name],
        titles=[title] if title else [],
    )


@pytest.mark.django_db
def test_new_then_alias_then_variant_resolve_to_one_participant():
    first, how = resolve_official(mention("Nadia Quintero Vela", "MX", "Secretary of Energy"))
    assert how == "new"
    again, how = resolve_official(mention("Nadia Quintero Vela", "MX"))
    assert (again, how) == (first, "alias")
    shorter, how = resolve_official(mention("Nadia Quintero", "MX", "Energy Secretary"))
    assert (shorter, how) == (first, "match")
    first.refresh_from_db()
    assert first.name == "Nadia Quintero Vela"  # the fullest form stays canonical
    assert first.titles == ["Secretary of Energy", "Energy Secretary"]
    assert set(first.aliases.values_list("name", flat=True)) == {
        "Nadia Quintero Vela",
        "Nadia Quintero",
    }
    assert Participant.objects.count() == 1


@pytest.mark.django_db
def test_fuller_form_seen_later_becomes_the_canonical_name():
    person, _ = resolve_official(mention("Liz Carrow", "US"), gazetteer=EMPTY_GAZETTEER)
    later, how = resolve_official(
        mention("Elizabeth Carrow", "US", "Deputy Secretary"), gazetteer=EMPTY_GAZETTEER
    )
    assert later == person and how == "match"
    person.refresh_from_db()
    assert person.name == "Elizabeth Carrow"  # a full given name beats its short form
    assert person.slug == "liz-carrow"  # the slug stays, links keep working
    assert {"Liz Carrow", "Elizabeth Carrow"} <= set(person.aliases.values_list("name", flat=True))


@pytest.mark.django_db
def test_gazetteer_gives_canonical_name_and_country():
    participant, how = resolve_official(mention("Lopez Obrador", title="President"))
    assert how == "gazetteer"
    assert participant.name == "Andrés Manuel López Obrador"
    assert participant.country == "MX"
    assert "Lopez Obrador" in participant.aliases.values_list("name", flat=True)
    same, _ = resolve_official(mention("President Andrés Manuel López Obrador"))
    assert same == participant


@pytest.mark.django_db
def test_gazetteer_entry_adopts_a_participant_created_before_it_knew_them():
    early, _ = resolve_official(mention("Rich Verma", "US"), gazetteer=EMPTY_GAZETTEER)
    gazetteer = Gazetteer([GazetteerEntry("Richard R. Verma", "US", ["Rich Verma"])])
    later, how = resolve_official(mention("Richard Verma", "US"), gazetteer=gazetteer)
    assert later == early and how == "gazetteer"
    early.refresh_from_db()
    assert early.name == "Richard R. Verma"


@pytest.mark.django_db
def test_never_merged_in_the_database():
    people = [
        "Alejandro Gertz Manero",
        "Alejandro Svarch Pérez",
        "Juan Gonzalez",
        "Luis Cresencio Sandoval González",
        "Armando López Cárdenas",
        "Andrés Manuel López Obrador",
    ]
    resolved = {resolve_official(mention(name, "MX"))[0].pk for name in people}
    assert len(resolved) == len(people)


@pytest.mark.django_db
def test_same_name_in_two_countries_stays_two_people():
    mexican, _ = resolve_official(mention("Carlos Ruiz", "MX"), gazetteer=EMPTY_GAZETTEER)
    colombian, how = resolve_official(mention("Carlos Ruiz", "CO"), gazetteer=EMPTY_GAZETTEER)
    assert how == "new"
    assert mexican != colombian
    assert Participant.objects.filter(name="Carlos Ruiz").count() == 2


@pytest.mark.django_db
def test_a_surname_alone_resolves_only_when_one_person_has_it():
    resolve_official(mention("Teresa Oyarzún", "CL"), gazetteer=EMPTY_GAZETTEER)
    alone, how = resolve_official(mention("Oyarzún"), create=False, gazetteer=EMPTY_GAZETTEER)
    assert alone is not None and alone.name == "Teresa Oyarzún"
    resolve_official(mention("Pablo Oyarzún", "CL"), gazetteer=EMPTY_GAZETTEER)
    nobody, how = resolve_official(mention("Minister Oyarzún"), gazetteer=EMPTY_GAZETTEER)
    assert (nobody, how) == (None, "ambiguous")
    assert Participant.objects.count() == 2  # nothing created for the ambiguous form


@pytest.mark.django_db
def test_unknown_name_without_create_is_not_created():
    participant, how = resolve_official(mention("Zoe Unknown"), create=False)
    assert (participant, how) == (None, "unknown")
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_seed_forms_resolve_to_one_participant_each(seed_paths):
    """All forms of each official across the five seeds meet in one row, and none doubles."""
    from statements.ingest.documents import read_document

    for path in seed_paths:
        document = read_document(path)
        for found in find_officials(document.body):
            participant, how = resolve_official(found)
            assert participant is not None, (path.name, found.name, how)
    names = set(Participant.objects.values_list("name", flat=True))
    assert len(names) == Participant.objects.count() == 25
    sherwood = Participant.objects.get(name="Elizabeth Sherwood-Randall")
    assert {"Liz Sherwood-Randall", "Sherwood-Randall"} <= set(
        sherwood.aliases.values_list("name", flat=True)
    )
    assert "White House Homeland Security Advisor" in sherwood.titles
    verma = Participant.objects.get(country="US", name__contains="Verma")
    assert {"Rich Verma", "Richard R. Verma", "Richard Verma"} <= set(
        verma.aliases.values_list("name", flat=True)
    )
    assert Participant.objects.get(name="Juan Gonzalez").country == "US"
    assert Participant.objects.get(name="Luis Cresencio Sandoval González").country == "MX"
    assert ParticipantAlias.objects.filter(name_key="lopez obrador").count() == 1


def test_gazetteer_file_is_wide_and_well_formed():
    gazetteer = default_gazetteer()
    assert len(gazetteer) >= 60
    names = {entry.name for entry in gazetteer.entries}
    for expected in ("Antony Blinken", "Alejandro Mayorkas", "Claudia Sheinbaum Pardo"):
        assert expected in names
    assert all(entry.country for entry in gazetteer.entries)
    assert gazetteer.lookup("Secretary Blinken").name == "Antony Blinken"
    assert gazetteer.lookup("Johnson") is None  # two Johnsons: no guess


def _resolve_seed_officials(seed_paths):
    from statements.ingest.documents import read_document

    answers = []
    for path in seed_paths:
        for found in find_officials(read_document(path).body):
            participant, how = resolve_official(found)
            answers.append((found.name, participant and participant.name, how))
    people = sorted(
        (
            p.name,
            p.country,
            tuple(p.titles),
            tuple(sorted(p.aliases.values_list("name", flat=True))),
        )
        for p in Participant.objects.all()
    )
    return answers, people


@pytest.mark.django_db
def test_the_in_memory_index_answers_as_the_database_does(seed_paths):
    """The bulk importer's CandidateIndex finds the candidates the LIKE queries find."""
    from statements.ingest.resolve import CandidateIndex, _candidates

    from_database = _resolve_seed_officials(seed_paths)
    forms = [
        ["López Obrador"], ["Lopez Obrador"], ["Biden"], ["Alicia Bárcena"], ["Sherwood-Randall"],
        ["Rich Verma"], ["Marcelo Ebrard"], ["Ebrard Casaubón"], ["Nobody Known"], ["Mayorkas"],
    ]  # fmt: skip
    expected = {tuple(f): {p.pk: s for p, s in _candidates(f, "").items()} for f in forms}
    with CandidateIndex().active():
        assert {tuple(f): {p.pk: s for p, s in _candidates(f, "").items()} for f in forms} == (
            expected
        )
        assert any(expected.values())
        # Written after the index first read the table: found too.
        resolve_official(mention("Ofelia Zamudio Arcos", "MX"))
        (found,) = _candidates(["Ofelia Zamudio"], "MX")
        assert found.name == "Ofelia Zamudio Arcos"
    Participant.objects.all().delete()

    with CandidateIndex().active():
        assert _resolve_seed_officials(seed_paths) == from_database


def test_an_arabic_name_is_short_for_its_given_name():
    from statements.ingest.resolve import name_score

    assert name_score("Salman", "Salman bin Abdulaziz al-Saud") == 0.6
    assert name_score("Mohammed", "Mohammed al-Sudani") == 0.6
    assert name_score("Joseph", "Joseph R. Biden") == 0.0  # not for other names


def test_an_arabic_name_without_its_family_name_is_the_same_person():
    """Session 15 (ppl6): 'President Mohamed bin Zayed' after 'Sheikh Mohamed bin Zayed Al
    Nahyan' is one person, not two records."""
    from statements.ingest.resolve import name_score

    assert name_score("Karim bin Hadi", "Karim bin Hadi Al Nuri") == 0.9
    assert name_score("Karim bin Hadi", "Karim bin Hadi al-Nuri") == 0.9
    # Another father, or another given name, is another person.
    assert name_score("Karim bin Hadi", "Karim bin Saeed Al Nuri") == 0.0
    assert name_score("Karim bin Hadi", "Faisal bin Hadi Al Nuri") == 0.0
