"""Quoted remarks and their speakers. No database."""

import pytest

from statements.ingest.documents import read_document
from statements.ingest.quotes import clean_speaker, find_quotes
from tests.ingest.test_documents import seed, unseen_document


def pairs(quotes):
    return [(q.speaker_as_written, q.text) for q in quotes]


def test_seed_003_quotes_and_speakers():
    body = read_document(seed("003")).body
    quotes = find_quotes(body)
    expected = [
        ("Biden", "We see it in our security cooperation.", "Xi Jinping on that issue"),
        ("Lopez Obrador", "And as regards drug control, Mexico’s", "the United States’ youth"),
        # the next quote in the same paragraph has no attribution: the same speaker goes on
        ("Lopez Obrador", "This is a matter of humanism.", "other chemical precursors."),
        ("Biden", "And we — in our economic cooperation,", "from our economic growth"),
        ("Lopez Obrador", "In the past, there were no possibilities", "the migratory phenomenon"),
    ]
    assert len(quotes) == len(expected)
    for quote, (speaker, start, end) in zip(quotes, expected, strict=True):
        assert quote.speaker_as_written == speaker
        assert quote.text.startswith(start) and quote.text.endswith(end), quote.text
    for quote in quotes:
        assert body[quote.position :].startswith(quote.text)
        assert not quote.text.endswith(",")  # the comma before ” Biden said belongs to prose


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_seeds_without_quotes(prefix):
    assert find_quotes(read_document(seed(prefix)).body) == []


UNSEEN_GOLDEN = {
    "us_canada": [
        ("Biden", "Canada and the United States have the closest partnership of any two nations "
         "on Earth"),
        ("Biden", "We will keep building it."),
    ],
    "sre_comunicado": [
        ("Alicia Bárcena", "México seguirá trabajando con Guatemala para lograr una migración "
         "ordenada, segura y regular"),
    ],
    "embassy_honduras": [
        ("Dogu", "Our partnership with Honduras is based on shared values and mutual respect"),
    ],
    "remarks_guatemala": [
        ("Harris", "It is an honor to welcome President Arévalo to the White House. The people "
         "of Guatemala have stood up for democracy, and we stand with them."),
        ("Arévalo", "Thank you, Madam Vice President. Guatemala is committed to fighting "
         "corruption and to creating opportunities so that our young people do not have to "
         "migrate"),
        ("Arévalo", "We have much work ahead of us"),  # "he added", a paragraph later
        ("Arévalo", "Together we can address the root causes of migration."),
    ],
    "china_readout": [
        ("Biden", "I think this was one of the most constructive and productive discussions we "
         "have had"),
    ],
    "canada_front_matter": [("Joly", "Canada and Mexico are natural partners")],
    "presidencia_latin1": [],
    "state_guatemala": [],
    "pmo_canada": [],
    "japan_front_matter": [],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(UNSEEN_GOLDEN))
def test_unseen_readout_quotes(name):
    body = unseen_document(name).body
    quotes = find_quotes(body)
    assert pairs(quotes) == UNSEEN_GOLDEN[name]
    for quote in quotes:
        assert body[quote.position :].startswith(quote.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Secretary Blinken said: “We will keep working with our partners every day.”",
            [("Blinken", "We will keep working with our partners every day.")],
        ),
        (
            "“This is a historic day for both nations,” said Prime Minister Justin Trudeau. "
            "“We are ready.”",
            [("Justin Trudeau", "This is a historic day for both nations"),
             ("Justin Trudeau", "We are ready.")],
        ),
        (
            '"Our partnership has never been stronger," Foreign Minister Mélanie Joly told '
            "reporters.",
            [("Mélanie Joly", "Our partnership has never been stronger")],
        ),
        (
            "The President told reporters: \"Our partnership has never been stronger than now.\"",
            [("President", "Our partnership has never been stronger than now.")],
        ),
        (
            "“First part of it,” Biden said, “and the second part of the sentence goes here.”",
            [("Biden", "First part of it"),
             ("Biden", "and the second part of the sentence goes here.")],
        ),
        (
            "«Vamos a seguir trabajando juntos por la región», afirmó el presidente Gustavo Petro.",
            [("Gustavo Petro", "Vamos a seguir trabajando juntos por la región")],
        ),
        (
            '"La lucha contra las drogas debe ser también una lucha por la vida", señaló el '
            "canciller Murillo.",
            [("Murillo", "La lucha contra las drogas debe ser también una lucha por la vida")],
        ),
        (
            "«La frontera debe ser un espacio de oportunidades» —afirmó el canciller Martínez.",
            [("Martínez", "La frontera debe ser un espacio de oportunidades")],
        ),
        (
            "According to Secretary Mayorkas, “the numbers at the border fell sharply in January.”",
            [("Mayorkas", "the numbers at the border fell sharply in January.")],
        ),
        (
            "“We will not stop until the networks are dismantled,” she said.",
            [("", "We will not stop until the networks are dismantled")],
        ),
    ],
)  # fmt: skip
def test_attribution_forms(text, expected):
    assert pairs(find_quotes(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The program, known as “Safe Mobility,” expands legal pathways.",
        "They called it a “historic” day and a “new chapter” in relations.",
        "The “Los Angeles Declaration on Migration and Protection” guides the work.",
    ],
)
def test_scare_quotes_and_names_are_not_quotes(text):
    assert find_quotes(text) == []


def test_a_long_unattributed_quote_is_kept_without_a_speaker():
    text = "The declaration reads: “The parties shall cooperate fully in the fight, in good faith.”"
    assert pairs(find_quotes(text)) == [
        ("", "The parties shall cooperate fully in the fight, in good faith.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "As the leaders of the three countries stated last week, “There is no further time to "
        "waste nor excuses from any party for further delay.”",
        "Both governments have declared: “The partnership will grow stronger in the years to "
        "come, whatever comes.”",
    ],
)
def test_words_a_group_said_together_are_no_ones_quote(text):
    assert find_quotes(text) == []


def test_a_new_paragraph_with_a_new_speaker_does_not_inherit():
    text = (
        "“The first remark is about trade and jobs,” Biden said.\n\n"
        "“The second remark is about migration and work,” López Obrador said."
    )
    assert [q.speaker_as_written for q in find_quotes(text)] == ["Biden", "López Obrador"]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("President Biden", "Biden"),
        ("Prime Minister Justin Trudeau", "Justin Trudeau"),
        ("Secretary of State Blinken", "Blinken"),
        ("Dr. Sherwood-Randall", "Sherwood-Randall"),
        ("Lopez Obrador", "Lopez Obrador"),
        ("President", "President"),
    ],
)
def test_clean_speaker_drops_titles(written, name):
    assert clean_speaker(written) == name


def test_a_transcript_with_speaker_labels_yields_each_turn_as_a_quote():
    body = (
        "SECRETARY BLINKEN: Good afternoon, everyone. It is a pleasure to be in Mexico.\n\n"
        "We have agreed to expand our cooperation on fentanyl.\n\n"
        "FOREIGN SECRETARY BÁRCENA: Thank you, Secretary. Mexico shares this commitment.\n\n"
        "MODERATOR: We have time for one question.\n\n"
        "Q: Will the border reopen soon?\n\n"
        "**PRESIDENT BIDEN:** We will keep working with our partners every single day."
    )
    quotes = find_quotes(body)
    assert [(q.speaker_as_written, q.text[:25]) for q in quotes] == [
        ("Blinken", "Good afternoon, everyone."),
        ("Blinken", "We have agreed to expand "),
        ("Bárcena", "Thank you, Secretary. Mex"),
        ("Biden", "We will keep working with"),
    ]
    assert body[quotes[0].position :].startswith("Good afternoon")


def test_said_colon_then_an_italic_paragraph_is_a_quote():
    body = (
        "President of the Republic of Indonesia Joko Widodo said:\n\n"
        "*Indonesia is proud to help mobilize the global goal for infrastructure.*\n\n"
        "*Indonesia also benefits through a major new investment partnership.*\n\n"
        "The leaders then met with business representatives."
    )
    quotes = find_quotes(body)
    assert [q.speaker_as_written for q in quotes] == ["Joko Widodo", "Joko Widodo"]
    assert quotes[1].text == "Indonesia also benefits through a major new investment partnership."


def test_quoted_words_woven_into_a_sentence_are_its_subjects():
    text = (
        "Attorney General Garland stressed that the Department is “working relentlessly to "
        "protect access to care” in recognition of “the crisis that it is.” He reaffirmed that "
        "the Department “will consider every tool at our disposal to affirm those protections.”"
        "\n\nWhite House Counsel Delery also underscored the importance of the law. He noted, "
        "as in 1963, again “the collective talent and training of lawyers across the country "
        "can help to turn the tide.”"
    )
    assert [q.speaker_as_written for q in find_quotes(text)] == ["Garland", "Garland", "Delery"]


def test_a_quote_after_a_sentence_naming_its_speaker_is_theirs():
    text = (
        "Associate Attorney General Vanita Gupta, who leads the Task Force,emphasized the need "
        "for action.  “It will take all of us to do all we can to protect access to care.”"
    )
    assert pairs(find_quotes(text)) == [
        ("Vanita Gupta", "It will take all of us to do all we can to protect access to care.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Roadmap called on the Council to “identify the primary sources of Federal climate "
        "risk exposure and develop methodologies to quantify it.”",
        "The Department unveiled a new report, “Strategies for Increasing Diversity and "
        "Opportunity in Higher Education.”",
        "Climate change is an “[emerging and increasing threat to the global financial system "
        "and economy](https://home.treasury.gov/climate),” and the policy must respond.",
    ],
    ids=["cited-phrase", "title", "link"],
)
def test_cited_phrases_titles_and_links_are_not_quotes(text):
    assert find_quotes(text) == []
