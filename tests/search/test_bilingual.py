"""Search across English and Spanish (statements/search/bilingual.py, issue 12 §4).

The archive: the five English seed documents (conftest.build_archive) and three Spanish
communiqués from tests/ingest/spanish/ (not the blind sets), stored as the importer stores them
(`language = "es"`). Every search is asked of the engine and of the database path.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.http import QueryDict
from django.urls import reverse

from statements.search.faceted import faceted_search
from statements.search.query import parse
from tests.factories import StatementFactory
from tests.search.conftest import build_archive
from tests.search.test_tantivy_search import answer, compare, with_q

SPANISH = Path(settings.BASE_DIR) / "tests" / "ingest" / "spanish"
COMMUNIQUES = {
    "security": "dialogo_seguridad_delegaciones.txt",  # fentanilo, tráfico … de armas
    "blinken": "sre_visita_blinken.txt",  # tráfico de armas, migración
    "call": "presidencia_llamada_biden.txt",  # migración, flujo migratorio, frontera
}


def spanish_statement(name, filename):
    lines = (SPANISH / filename).read_text(encoding="utf-8").strip().splitlines()
    title = next(line for line in lines if line.strip() and "Presidencia" not in line)
    return StatementFactory(
        title=title,
        slug=f"es-{name}",
        body="\n".join(lines[1:]).strip(),
        language="es",
        publisher="Secretaría de Relaciones Exteriores",
        kind="communique",
    )


@pytest.fixture
def bilingual(db):
    built = build_archive()
    built["es"] = {name: spanish_statement(name, f) for name, f in COMMUNIQUES.items()}
    return built


def found_ids(q, *, index=True, extra=""):
    return set(answer(with_q(q, extra), index=index)[2])


def with_word(archive, *phrases):
    """The English seeds whose title or body has one of `phrases` (case and accents aside)."""
    seeds = [archive[prefix] for prefix in ("000", "001", "002", "003", "004")]
    return {
        seed.pk
        for seed in seeds
        if any(phrase in f"{seed.title} {seed.body}".casefold() for phrase in phrases)
    }


@pytest.mark.parametrize(
    ("q", "spanish", "english"),
    [
        ("fentanilo", {"security"}, ("fentanyl",)),
        ("migración", {"blinken", "call"}, ("migration",)),
        ("tráfico de armas", {"security", "blinken"}, ("arms trafficking",)),
    ],
)
def test_spanish_words_find_both_languages(bilingual, q, spanish, english):
    """Today's three examples: the Spanish communiqués on the subject and the English seeds."""
    expected_en = with_word(bilingual, *english)
    assert expected_en, english  # the seeds do speak of it
    expected = {bilingual["es"][name].pk for name in spanish} | expected_en
    for index in (True, False):
        assert found_ids(q, index=index) == expected


def test_english_words_find_spanish_statements(bilingual):
    es = bilingual["es"]
    assert es["security"].pk in found_ids("security")
    assert es["call"].pk in found_ids("border")
    assert es["blinken"].pk in found_ids('"arms trafficking"')
    assert found_ids("fentanyl") >= {es["security"].pk} | with_word(bilingual, "fentanyl")


def test_accents_are_optional(bilingual):
    for index in (True, False):
        assert found_ids("migracion", index=index) == found_ids("migración", index=index)
        assert found_ids("trafico de armas", index=index) == found_ids("tráfico de armas")


def test_a_phrase_translates_as_a_phrase():
    query = parse('"tráfico de armas"')
    (group,) = query.groups
    assert [(t.text, t.phrase) for t in group][:2] == [
        ("trafico de armas", True),
        ("arms trafficking", True),
    ]
    # Typed as words, each word's group carries the translated phrase: all three words, or it.
    words = parse("tráfico de armas")
    assert [group[0].text for group in words.groups] == ["trafico", "de", "armas"]
    assert all(("arms trafficking", True) in [(t.text, t.phrase) for t in g] for g in words.groups)
    assert parse("tráfico de armas", translate=False).translations == []


def test_inflections_translate_misspellings_do_not():
    """ "migraciones" is "migración" with an ending; "fentanil" (stemmed like "fentanilo") is a
    misspelling that did-you-mean corrects to "fentanyl", not a Spanish word."""
    assert parse("migraciones").translations == [("migraciones", ["migration"])]
    assert parse("Migrations").translations == [("migrations", ["migración"])]
    assert parse("fentanil").translations == []


def test_spanish_statements_are_stemmed_as_spanish(bilingual):
    """ "migratoria" is "migratorio" in Spanish (Snowball: both "migratori"); Porter, the only
    stemmer SQLite's FTS5 has, keeps them apart, so there the reference path misses it."""
    call = bilingual["es"]["call"].pk
    assert "migratorio" in bilingual["es"]["call"].body and "migratoria" not in (
        bilingual["es"]["call"].body
    )
    assert call in found_ids("migratoria", index=True)
    if connection.vendor == "postgresql":
        assert call in found_ids("migratoria", index=False)
    else:
        assert call not in found_ids("migratoria", index=False)
    # English statements stay English: "migrations" finds what "migration" finds.
    assert found_ids("migrations") == found_ids("migration")


def test_snippets_mark_spanish_matches(bilingual):
    found = faceted_search(QueryDict("q=migratoria&language=es"))
    (statement,) = found.results[0:1]
    assert "\x02migratorio\x03" in statement.snippet


@pytest.mark.parametrize(
    "q",
    [
        "fentanilo",
        "migración",
        "migracion",
        "tráfico de armas",
        '"tráfico de armas"',
        "security",
        "border",
        "fentanyl -armas",
        "seguridad OR frontera",
        "Bárcena",
        "migra*",
        "",
    ],
)
@pytest.mark.parametrize("extra", ["", "language=es", "language=en&language=es", "kind=readout"])
def test_engine_and_database_agree_across_languages(bilingual, q, extra):
    compare(with_q(q, extra))


def test_spanish_stemming_agrees_on_postgresql(bilingual):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's FTS5 stems Spanish with Porter: see the test above")
    for q in ("migratoria", "fronterizo", "comprometen", "armas"):
        compare(with_q(q))


def language_facet(params):
    for index in (True, False):
        found = faceted_search(QueryDict(params))
        facets = answer(params, index=index)[1]
        yield facets.get("language"), found


def test_the_language_facet_needs_two_languages(archive):
    for facet, _ in language_facet(""):
        assert facet is None
    StatementFactory(title="Comunicado", body="fentanilo", language="es")
    for facet, _ in language_facet(""):
        assert facet == [("en", "English", 5, False), ("es", "Español", 1, False)]


def test_the_language_facet_filters_and_counts_without_itself(bilingual):
    for facet, _ in language_facet("q=fentanilo&language=es"):
        assert facet == [("en", "English", 5, False), ("es", "Español", 1, True)]
    assert found_ids("fentanilo", extra="language=es") == {bilingual["es"]["security"].pk}
    both = found_ids("", extra="language=es&language=en")
    assert len(both) == 8
    # A search that finds one language only shows no facet, unless one is chosen.
    assert answer(with_q("Trudeau OR Cofepris"), index=True)[1].get("language") is None


def test_the_search_page_shows_and_escapes_the_language_facet(client, bilingual):
    page = client.get(reverse("statements:search"), {"q": "fentanilo"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Languages" in html and "Español" in html and "language=es" in html
    assert "Also searched in the other language" in html and "fentanilo → fentanyl" in html
    bad = client.get(reverse("statements:search"), {"language": '<script>alert("x")</script>'})
    assert bad.status_code == 400
    assert "<script>alert" not in bad.content.decode()
    assert "&lt;script&gt;" in bad.content.decode()
    phrase = client.get(reverse("statements:search"), {"q": '"tráfico de armas" <b>x</b>'})
    assert "trafico de armas → arms trafficking" in phrase.content.decode()
    assert "<b>x</b>" not in phrase.content.decode()


def test_the_api_counts_languages(client, bilingual):
    body = client.get(reverse("statements:api_search"), {"q": "migración"}).json()
    assert {v["value"]: v["label"] for v in body["facets"]["language"]} == {
        "en": "English",
        "es": "Español",
    }
    only = client.get(reverse("statements:api_search"), {"q": "migración", "language": "es"})
    assert {r["slug"] for r in only.json()["results"]} == {"es-blinken", "es-call"}


def test_imported_communiques_are_searched_as_spanish(db, tmp_path):
    """Through the real importer: it detects the communiqués' language, and the search index
    and the database both find them and the seeds for a Spanish word."""
    import io
    import shutil

    from django.core.management import call_command

    from statements.models import Statement

    for filename in COMMUNIQUES.values():
        shutil.copy(SPANISH / filename, tmp_path / filename)
    seeds = Path(settings.BASE_DIR) / "fixtures" / "seeds"
    out = io.StringIO()
    call_command("import_statements", str(seeds), str(tmp_path), stdout=out, stderr=out)
    spanish = Statement.objects.filter(source_file__in=COMMUNIQUES.values())
    assert {s.language for s in spanish} == {"es"} and spanish.count() == 3
    security = spanish.get(source_file=COMMUNIQUES["security"]).pk
    for index in (True, False):
        found = found_ids("fentanilo", index=index)
        assert security in found and len(found) > 1
        facet = answer("q=fentanilo", index=index)[1]["language"]
        assert [value for value, *_ in facet] == ["en", "es"]


def test_a_statements_language_corrected_is_searched_in_the_new_one(bilingual):
    """A curator's correction of `language` reaches the index (the change log) and the
    PostgreSQL vector (generated from the column)."""
    call = bilingual["es"]["call"]
    assert call.pk in found_ids("migratoria")
    call.language = "en"
    call.save()
    assert call.pk not in found_ids("migratoria")
    assert call.pk not in found_ids("migratoria", index=False)
    assert call.pk in found_ids("migración", extra="language=en")  # found, now as English
