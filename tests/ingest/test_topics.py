"""The topic taxonomy and keyword matching. No database."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from statements.ingest import topics
from statements.ingest.documents import read_document
from statements.ingest.topics import (
    find_topics,
    keyword_pattern,
    load_taxonomy,
    parse_taxonomy,
    topics_for_sentence,
)
from tests.ingest.test_documents import seed, unseen_document

REQUIRED = {
    "fentanyl-synthetic-drugs",
    "arms-trafficking",
    "migration",
    "border-infrastructure",
    "trade-economy",
    "public-health",
    "organized-crime",
    "security-cooperation",
    "human-trafficking",
    "climate-energy",
    "law-enforcement",
}


def test_taxonomy_file_has_the_required_topics_described():
    taxonomy = load_taxonomy(Path(settings.TOPICS_TAXONOMY))
    slugs = [spec.slug for spec in taxonomy]
    assert set(slugs) >= REQUIRED
    assert len(slugs) == len(set(slugs)) >= 14
    for spec in taxonomy:
        assert spec.name and spec.description and len(spec.keywords) >= 5, spec.slug
        assert any(not k.isascii() or " de " in k for k in spec.keywords) or any(
            k.endswith(("o", "a", "os", "as", "es")) for k in spec.keywords
        ), f"{spec.slug} has no Spanish keyword"


def test_taxonomy_is_read_once():
    topics._load.cache_clear()
    first = load_taxonomy()
    second = load_taxonomy()
    assert first == second
    assert topics._load.cache_info().hits == 1 and topics._load.cache_info().misses == 1


SEED_TOPICS = {
    # (must be found, must not be found)
    "000": (
        {"fentanyl-synthetic-drugs", "arms-trafficking", "migration", "border-infrastructure"},
        {"trade-economy", "climate-energy", "human-trafficking"},
    ),
    "001": (
        {"fentanyl-synthetic-drugs", "arms-trafficking", "migration", "border-infrastructure",
         "organized-crime", "security-cooperation"},
        {"trade-economy", "climate-energy"},
    ),
    "002": (
        {"migration", "fentanyl-synthetic-drugs", "arms-trafficking"},
        {"trade-economy", "climate-energy", "water"},
    ),
    "003": (
        {"migration", "trade-economy", "fentanyl-synthetic-drugs", "organized-crime",
         "law-enforcement"},
        {"climate-energy", "water", "border-infrastructure"},
    ),
    "004": (
        {"fentanyl-synthetic-drugs", "arms-trafficking", "migration", "organized-crime"},
        {"trade-economy", "climate-energy"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("prefix", sorted(SEED_TOPICS))
def test_seed_topics(prefix):
    document = read_document(seed(prefix))
    found = find_topics(f"{document.title}\n\n{document.body}")
    wanted, unwanted = SEED_TOPICS[prefix]
    assert wanted <= set(found), found
    assert not unwanted & set(found), found


def test_most_relevant_topic_first():
    document = read_document(seed("003"))
    assert find_topics(f"{document.title}\n\n{document.body}")[:2] == ["migration", "trade-economy"]
    document = read_document(seed("001"))
    assert find_topics(document.body)[0] == "fentanyl-synthetic-drugs"


UNSEEN_TOPICS = {
    "us_canada": {"migration", "trade-economy"},
    "sre_comunicado": {"migration"},
    "pmo_canada": {"trade-economy", "climate-energy"},
    "japan_front_matter": {"fentanyl-synthetic-drugs", "trade-economy"},
    "embassy_honduras": {"drug-trafficking", "law-enforcement"},
    "state_guatemala": {"migration"},
}


@pytest.mark.parametrize("name", sorted(UNSEEN_TOPICS))
def test_unseen_readout_topics(name):
    document = unseen_document(name)
    found = find_topics(f"{document.title}\n\n{document.body}")
    assert UNSEEN_TOPICS[name] <= set(found), found


def test_matching_ignores_accents_and_case_and_respects_word_boundaries():
    assert topics_for_sentence("La MIGRACIÓN ordenada") == ["migration"]
    assert topics_for_sentence("la migracion ordenada") == ["migration"]
    assert topics_for_sentence("Tráfico ilícito de ARMAS") == ["arms-trafficking"]
    assert topics_for_sentence("The talks had begun in the morning.") == []  # not "gun"
    assert topics_for_sentence("Shotguns and guns") == [
        "arms-trafficking"
    ]  # "guns", not "shotguns"
    assert topics_for_sentence("precursor chemicals") == ["fentanyl-synthetic-drugs"]
    assert topics_for_sentence("fentanyl-related deaths") == ["fentanyl-synthetic-drugs"]


def test_one_passing_word_does_not_tag_a_document():
    filler = "The delegations met at the palace and reviewed the agenda of the visit. " * 10
    text = filler + "They mentioned fentanyl once."
    assert "fentanyl-synthetic-drugs" not in find_topics(text)
    assert "fentanyl-synthetic-drugs" in find_topics(text + " Fentanyl precursors too.")
    # one word is enough in a sentence
    assert topics_for_sentence("They mentioned fentanyl once.") == ["fentanyl-synthetic-drugs"]
    assert find_topics("They mentioned fentanyl once.") == ["fentanyl-synthetic-drugs"]


def test_long_documents_need_more_hits():
    filler = "The delegations met at the palace and reviewed the agenda of the visit. " * 160
    assert "migration" not in find_topics(filler + "Migration. Migrants.")
    assert "migration" in find_topics(filler + "Migration. Migrants. Asylum. Refugees.")


def test_commitment_sentences_get_their_topics():
    sentence = (
        "They also agreed to increase information and data sharing to facilitate action against "
        "the criminal organizations that traffic people, guns, and illicit drugs, including "
        "fentanyl, into our communities."
    )
    found = topics_for_sentence(sentence)
    for slug in ("law-enforcement", "organized-crime", "arms-trafficking", "human-trafficking"):
        assert slug in found


def test_keyword_patterns():
    import re

    assert re.search(keyword_pattern("port* of entry"), "ports of entry")
    assert re.search(keyword_pattern("synthetic drug*"), "synthetic\ndrugs")
    assert re.search(keyword_pattern("T-MEC"), "el t mec")
    assert not re.search(keyword_pattern("trade"), "trademark")
    assert re.search(keyword_pattern("trade"), "trades")


def test_a_custom_taxonomy_file(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text(
        yaml.safe_dump(
            [
                {
                    "slug": "water",
                    "name": "Water",
                    "description": "Rivers",
                    "keywords": {"en": ["water treaty", "river*"], "es": ["río*"]},
                }
            ]
        ),
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(path)
    assert [spec.slug for spec in taxonomy] == ["water"]
    assert find_topics("El Río Bravo", taxonomy) == ["water"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"slug": "x"}, "must be a list"),
        ([{"name": "No slug", "keywords": ["a"]}], "needs a slug and a name"),
        ([{"slug": "a", "name": "A", "keywords": []}], "has no keywords"),
        (
            [
                {"slug": "a", "name": "A", "keywords": ["x"]},
                {"slug": "a", "name": "B", "keywords": ["y"]},
            ],
            "appears twice",
        ),
    ],
)  # fmt: skip
def test_bad_taxonomies_are_refused(data, message):
    with pytest.raises(ValueError, match=message):
        parse_taxonomy(data)
