"""Reading files into Documents: decoding, front matter, cleaning and what is inferred.

Golden values for the five seeds and for invented readouts modelled on other governments'
(Canada's PMO, the State Department, Mexico's SRE in Spanish, a U.S. embassy in Honduras, a
remarks transcript). No database.
"""

import hashlib
import textwrap
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from statements.ingest.documents import (
    body_hash,
    detect_language,
    parse_document,
    read_document,
    split_sentences,
)
from statements.ingest.types import DocumentError

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"


def seed(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


# --- invented readouts, shared with the other step tests --------------------------------------

US_CANADA = """Readout of President Biden’s Meeting with Prime Minister Trudeau of Canada

WASHINGTON, March 24, 2023 — Today, President Joseph R. Biden Jr. met with Prime Minister Justin Trudeau in Ottawa. The leaders reaffirmed the deep friendship between the United States and Canada and discussed cooperation on clean energy, critical minerals and semiconductor supply chains.

The two leaders agreed to expand the Safe Third Country Agreement to asylum seekers who cross between ports of entry. The United States will welcome 15,000 additional migrants from the Western Hemisphere on a humanitarian basis, and Canada committed to do the same.

“Canada and the United States have the closest partnership of any two nations on Earth,” President Biden said. “We will keep building it.”

The leaders also discussed the situation in Haiti. They did not agree on the deployment of a multinational force at this time.
"""  # noqa: E501

STATE_GUATEMALA = """Office of the Spokesperson

Joint Statement on the United States-Guatemala Migration Dialogue

The following is the text of a joint statement by the United States of America and the Republic of Guatemala.

Secretary of State Antony J. Blinken and Guatemalan Foreign Minister Carlos Ramiro Martínez met in Guatemala City on June 12 to hold the second High-Level Migration Dialogue. The United States and Guatemala reaffirmed their commitment to the Los Angeles Declaration on Migration and Protection.

Both governments agreed to open additional Safe Mobility Offices and pledged to combat human smuggling networks that exploit vulnerable migrants. Guatemala will strengthen its border security, and the United States will provide $20 million to support reintegration programs for returned Guatemalans.

The delegations also discussed efforts to counter transnational criminal organizations and drug trafficking in the region.
"""  # noqa: E501

SRE_COMUNICADO = """Comunicado No. 145

Ciudad de México, 14 de marzo de 2024.

México y Guatemala fortalecen la cooperación en materia de seguridad y migración

La secretaria de Relaciones Exteriores, Alicia Bárcena, se reunió ayer con el canciller de Guatemala, Carlos Ramiro Martínez, en la Cancillería. Ambos países acordaron reforzar la cooperación para atender las causas estructurales de la migración y combatir el tráfico de personas.

Las delegaciones se comprometieron a intercambiar información sobre el tráfico ilícito de armas y a establecer un grupo de trabajo sobre infraestructura fronteriza antes del 30 de abril.

“México seguirá trabajando con Guatemala para lograr una migración ordenada, segura y regular”, dijo la canciller Alicia Bárcena.
"""  # noqa: E501

# Written the way the Prime Minister's Office publishes, hard-wrapped, saved as Windows-1252.
PMO_CANADA = """Prime Minister Trudeau speaks with President of Mexico Claudia Sheinbaum

Ottawa, Ontario, November 5, 2024 - Prime Minister Justin Trudeau spoke
today with the President of Mexico, Claudia Sheinbaum Pardo, to discuss
the close partnership between Canada and Mexico. The Prime Minister
congratulated President Sheinbaum on the first month of her mandate.

The leaders discussed the upcoming review of the Canada-United
States-Mexico Agreement (CUSMA) and agreed to keep working together to
strengthen North American trade and supply chains. They also discussed
the importance of the Seasonal Agricultural Worker Program and
committed to protect the rights of temporary foreign workers.

The Prime Minister and President Sheinbaum agreed to meet at the G20
Summit in Rio de Janeiro later this month. Both leaders expressed
their interest in deepening cooperation on climate action and clean
energy, including renewable électricité projects.
"""

JAPAN_FRONT_MATTER = """---
title: "U.S.\\_Japan Joint Leaders’ Statement"
date: 2024-04-10
source_url: https://www.whitehouse.gov/briefing-room/statements-releases/2024/04/10/united-states-japan-joint-leaders-statement/
tags: [statements-releases, japan]
---

\\### Global Partners for the Future

![Leaders at the White House](/uploads/2024/04/leaders.jpg)

Today, President Joseph R. Biden Jr. and Prime Minister Kishida Fumio
welcomed a new era of strategic cooperation between the United States
and Japan.  The two leaders pledged to deepen defense and security
cooperation, and they committed to expand cooperation on clean energy,
semiconductors and critical minerals supply chains.

The United States and Japan will establish a bilateral Forum on Defense
Industrial Cooperation. Japan intends to increase its defense
spending, a decision that the United States welcomed.

The leaders did not agree to a timeline for the new command structure.
Both leaders condemned the use of fentanyl as a weapon by criminal
organizations and will continue to cooperate on counternarcotics,
including through the Global Coalition to Address Synthetic Drug
Threats.
"""

EMBASSY_HONDURAS = """The United States and Honduras Renew Partnership Against Drug Trafficking

Tegucigalpa – U.S. Ambassador to Honduras Laura F. Dogu and Honduran Security Minister Gustavo Sánchez met on Tuesday to review progress in the fight against drug trafficking and organized crime.

The Embassy and the Honduran government agreed to expand joint training for the National Police and to increase the exchange of information on cocaine shipments. Honduras will extradite individuals wanted for narcotics trafficking in the United States, in accordance with its laws.

“Our partnership with Honduras is based on shared values and mutual respect,” Ambassador Dogu said.

Source : Usembassy
"""  # noqa: E501

REMARKS_GUATEMALA = """Remarks by Vice President Harris and President Arévalo of Guatemala Before Bilateral Meeting

Vice President Harris said: “It is an honor to welcome President Arévalo to the White House. The people of Guatemala have stood up for democracy, and we stand with them.”

“Thank you, Madam Vice President. Guatemala is committed to fighting corruption and to creating opportunities so that our young people do not have to migrate,” President Arévalo said.

“We have much work ahead of us,” he added. “Together we can address the root causes of migration.”
"""  # noqa: E501

CHINA_READOUT = """Readout of President Biden’s Meeting with President Xi Jinping of the People’s Republic of China

WOODSIDE, California, November 15, 2023 — President Joseph R. Biden, Jr. met today with President Xi Jinping of the People’s Republic of China. The two leaders agreed to resume bilateral counternarcotics cooperation, including on fentanyl precursors, and to resume high-level military-to-military communication. The leaders did not reach agreement on Taiwan. President Biden emphasized that the United States will continue to compete vigorously with the PRC.

“I think this was one of the most constructive and productive discussions we have had,” Biden said.
"""  # noqa: E501

CANADA_FRONT_MATTER = """---
title: Minister Joly meets with Mexican counterpart
date: 2024-01-15 10:00:00
source_url: https://www.canada.ca/en/global-affairs/news/2024/01/minister-joly-meets-mexican-counterpart.html
---

The Honourable Mélanie Joly, Minister of Foreign Affairs, met today with
Alicia Bárcena, Mexico’s Secretary of Foreign Affairs, in Mexico City.

The ministers discussed the Canada-Mexico Action Plan and agreed to
strengthen cooperation on labour mobility and on the protection of
temporary foreign workers. Canada will also expand its support for
women’s economic empowerment in Mexico.

“Canada and Mexico are natural partners,” said Minister Joly.
"""

# Latin-1 bytes, CRLF line ends, no headline, a "Fuente:" line.
PRESIDENCIA_LATIN1 = (
    "El presidente Andrés Manuel López Obrador se reunió hoy en Palacio Nacional con una "
    "delegación de Estados Unidos encabezada por la asesora de Seguridad Nacional Liz "
    "Sherwood-Randall. Ambos gobiernos acordaron mantener la cooperación en materia "
    "migratoria.\r\n\r\nFuente: Presidencia\r\n"
)

UNSEEN = {
    "us_canada": US_CANADA,
    "state_guatemala": STATE_GUATEMALA,
    "sre_comunicado": SRE_COMUNICADO,
    "pmo_canada": PMO_CANADA,
    "japan_front_matter": JAPAN_FRONT_MATTER,
    "embassy_honduras": EMBASSY_HONDURAS,
    "remarks_guatemala": REMARKS_GUATEMALA,
    "china_readout": CHINA_READOUT,
    "canada_front_matter": CANADA_FRONT_MATTER,
    "presidencia_latin1": PRESIDENCIA_LATIN1,
}


def unseen_document(name):
    raw = UNSEEN[name]
    encoding = {"pmo_canada": "cp1252", "presidencia_latin1": "latin-1"}.get(name, "utf-8")
    data = raw.encode(encoding)
    return parse_document(data, f"{name}.txt")


# --- the seeds --------------------------------------------------------------------------------

SEED_GOLDEN = {
    "000": dict(
        title=(
            "Joint Statement from Mexico and the United States on Shared Efforts to Combat "
            "Illicit Fentanyl, Disrupt Arms Trafficking, and Humanely Manage Migration"
        ),
        title_inferred=False,
        publisher="The White House",
        kind="joint_statement",
        published=date(2023, 7, 25),
        date_source="front_matter",
        paragraphs=4,
        images=0,
        tags=["statements-releases"],
    ),
    "001": dict(
        title=(
            "We Reaffirm Our Shared Commitment to the Safety and Well-being of the People of "
            "North America"
        ),
        title_inferred=True,
        publisher="U.S. Embassy in Mexico",
        kind="statement",
        published=None,
        date_source="none",
        paragraphs=10,
        images=0,
        tags=[],
    ),
    "002": dict(
        title=(
            # Cut before a phrase, not in one ("… at the National…"): issue 13.
            "President Andrés Manuel López Obrador met yesterday with White House Homeland "
            "Security Advisor Elizabeth Sherwood-Randall"
        ),
        title_inferred=True,
        publisher="Government of Mexico",
        kind="communique",
        published=None,
        date_source="none",
        paragraphs=9,
        images=8,
        tags=[],
    ),
    "003": dict(
        title=(
            "President Joe Biden met with the President of Mexico, Andrés Manuel López Obrador, "
            "in San Francisco, California"
        ),
        title_inferred=True,
        publisher="The White House",
        kind="readout",
        published=None,
        date_source="none",
        paragraphs=12,
        images=0,
        tags=[],
    ),
    "004": dict(
        title="Readout of Homeland Security Advisor Dr. Liz Sherwood-Randall’s Trip to Mexico",
        title_inferred=False,
        publisher="The White House",
        kind="readout",
        published=date(2024, 2, 7),
        date_source="front_matter",
        paragraphs=3,
        images=0,
        tags=["statements-releases"],
    ),
}


@pytest.mark.parametrize("prefix", sorted(SEED_GOLDEN))
def test_seed_documents_match_golden_values(prefix):
    expected = SEED_GOLDEN[prefix]
    document = read_document(seed(prefix))
    assert document.source_file == seed(prefix).name
    assert document.title == expected["title"]
    assert document.title_inferred is expected["title_inferred"]
    assert document.publisher == expected["publisher"]
    assert document.kind == expected["kind"]
    assert document.language == "en"
    assert document.published == expected["published"]
    assert document.date_source == expected["date_source"]
    assert len(document.body.split("\n\n")) == expected["paragraphs"]
    assert len(document.images) == expected["images"]
    assert document.tags == expected["tags"]
    assert document.content_hash == body_hash(document.body)
    if document.published is None:
        assert document.date_note == "no date in the file: needs a curator"


@pytest.mark.parametrize("prefix", sorted(SEED_GOLDEN))
def test_seed_bodies_are_clean(prefix):
    document = read_document(seed(prefix))
    body = document.body
    for artifact in ("\\", "###", "\u00a0", "  ", "---", "Source :", "/cms/uploads", "title:"):
        assert artifact not in body, artifact
    for paragraph in body.split("\n\n"):
        assert "\n" not in paragraph  # wrapped lines re-joined
        assert paragraph == paragraph.strip() and paragraph


def test_wrapped_seed_is_rejoined_into_paragraphs():
    body = read_document(seed("000")).body
    first = body.split("\n\n")[0]
    assert first.startswith("On July 24, President Andrés Manuel López Obrador and senior")
    assert "senior Government of Mexico officials" in first  # the words across a line break
    assert first.endswith("Security Secretary Rosa Icela Rodríguez.")
    assert body.endswith("bilateral relationship and security.")  # the `\###` is gone


def test_paragraph_broken_mid_sentence_is_mended():
    body = read_document(seed("001")).body
    assert "confirmed their commitment to combat fentanyl and synthetic drugs, as well as" in body


def test_image_lines_become_image_references():
    document = read_document(seed("002"))
    assert document.images[0] == "/cms/uploads/image/file/858776/6.jpeg"
    assert document.images[-1] == "/cms/uploads/image/file/858778/8.jpeg"
    assert ".jpeg" not in document.body
    assert document.body.endswith("U.S. Embassy Mexico Deputy Chief of Mission Mark Johnson.")


def test_front_matter_title_is_unescaped():
    document = read_document(seed("000"))
    # YAML's "\_" is a no-break space: it must read as an ordinary space.
    assert "United States on Shared" in document.title
    assert document.source_url.startswith("https://www.whitehouse.gov/briefing-room/")
    assert document.front_matter["tags"] == "statements-releases"


def test_content_hash_survives_rewrapping_and_line_endings():
    original = read_document(seed("003"))
    paragraphs = original.body.split("\n\n")
    rewrapped = "\n\n".join(textwrap.fill(p, width=64) for p in paragraphs)
    assert parse_document(rewrapped.encode(), "x.txt").content_hash == original.content_hash
    crlf = seed("003").read_bytes().replace(b"\n", b"\r\n")
    assert parse_document(crlf, "y.txt").content_hash == original.content_hash
    edited = seed("003").read_text(encoding="utf-8").replace("$863.4 billion", "$900 billion")
    assert parse_document(edited, "z.txt").content_hash != original.content_hash
    normalised = " ".join(original.body.split())
    assert original.content_hash == hashlib.sha256(normalised.encode()).hexdigest()


def test_read_document_names_the_file_relative_to_the_root(tmp_path):
    nested = tmp_path / "2024" / "feb"
    nested.mkdir(parents=True)
    path = nested / "readout.txt"
    path.write_bytes(seed("004").read_bytes())
    assert read_document(path, root=tmp_path).source_file == "2024/feb/readout.txt"
    assert read_document(path).source_file == "readout.txt"


# --- unseen readouts --------------------------------------------------------------------------

UNSEEN_GOLDEN = {
    "us_canada": (
        "Readout of President Biden’s Meeting with Prime Minister Trudeau of Canada",
        "The White House",
        "readout",
        "en",
        date(2023, 3, 24),
        "text",
    ),
    "state_guatemala": (
        "Joint Statement on the United States-Guatemala Migration Dialogue",
        "U.S. Department of State",
        "joint_statement",
        "en",
        None,
        "none",
    ),
    "sre_comunicado": (
        "México y Guatemala fortalecen la cooperación en materia de seguridad y migración",
        "Government of Mexico",
        "communique",
        "es",
        date(2024, 3, 14),
        "text",
    ),
    "pmo_canada": (
        "Prime Minister Trudeau speaks with President of Mexico Claudia Sheinbaum",
        "Government of Canada",
        "readout",
        "en",
        date(2024, 11, 5),
        "text",
    ),
    "japan_front_matter": (
        "U.S. Japan Joint Leaders’ Statement",
        "The White House",
        "joint_statement",
        "en",
        date(2024, 4, 10),
        "front_matter",
    ),
    "embassy_honduras": (
        "The United States and Honduras Renew Partnership Against Drug Trafficking",
        "U.S. Embassy in Honduras",
        "readout",
        "en",
        None,
        "none",
    ),
    "remarks_guatemala": (
        "Remarks by Vice President Harris and President Arévalo of Guatemala Before Bilateral "
        "Meeting",
        "The White House",
        "remarks",
        "en",
        None,
        "none",
    ),
    "china_readout": (
        "Readout of President Biden’s Meeting with President Xi Jinping of the People’s "
        "Republic of China",
        "The White House",
        "readout",
        "en",
        date(2023, 11, 15),
        "text",
    ),
    "canada_front_matter": (
        "Minister Joly meets with Mexican counterpart",
        "Government of Canada",
        "readout",
        "en",
        date(2024, 1, 15),
        "front_matter",
    ),
    "presidencia_latin1": (
        "El presidente Andrés Manuel López Obrador se reunió hoy en Palacio Nacional",
        "Government of Mexico",
        "communique",
        "es",
        None,
        "none",
    ),
}


@pytest.mark.parametrize("name", sorted(UNSEEN_GOLDEN))
def test_unseen_readouts_match_golden_values(name):
    title, publisher, kind, language, published, date_source = UNSEEN_GOLDEN[name]
    document = unseen_document(name)
    assert document.title == title
    assert document.title_inferred is (name not in ("japan_front_matter", "canada_front_matter"))
    assert document.publisher == publisher
    assert document.kind == kind
    assert document.language == language
    assert (document.published, document.date_source) == (published, date_source)
    if name != "presidencia_latin1":  # an inferred title, cut before a phrase
        assert title not in document.body  # a headline is the title, not the first paragraph


def test_windows_1252_wrapped_readout_is_decoded_and_rejoined():
    document = unseen_document("pmo_canada")
    assert "renewable électricité projects" in document.body
    assert "spoke today with the President of Mexico" in document.body
    assert len(document.body.split("\n\n")) == 3
    assert document.date_note == "dateline in the text: 'November 5, 2024'"


def test_markdown_front_matter_file_is_cleaned():
    document = unseen_document("japan_front_matter")
    assert document.images == ["/uploads/2024/04/leaders.jpg"]
    assert document.tags == ["statements-releases", "japan"]
    assert document.body.startswith("Global Partners for the Future\n\nToday, President")
    assert "![" not in document.body and "#" not in document.body


def test_header_and_source_lines_are_metadata_not_body():
    assert not unseen_document("state_guatemala").body.startswith("Office of the Spokesperson")
    assert "Usembassy" not in unseen_document("embassy_honduras").body
    assert "Comunicado No. 145" not in unseen_document("sre_comunicado").body


def test_other_artifacts_are_cleaned():
    raw = (
        "Readout of the Secretary’s Call\n\n"
        "The Secretary\u00a0spoke with **Foreign Minister** Jane Doe\u200b about the "
        "U.S.\\-Canada border  \nand trade.\n\n"
        '<img src="https://example.org/a/photo.png" alt="x">\n\n'
        "https://cdn.example.org/photos/handshake.JPG?w=800\n"
    )
    document = parse_document(raw, "call.txt")
    assert document.body == (
        "The Secretary spoke with Foreign Minister Jane Doe about the U.S.-Canada border and trade."
    )
    assert document.images == [
        "https://example.org/a/photo.png",
        "https://cdn.example.org/photos/handshake.JPG?w=800",
    ]


def test_bold_headline_bullets_and_a_dateline():
    raw = (
        "**North American Drug Dialogue: Joint Statement**\n\n"
        "February 28, 2024\n\n"
        "The governments of Canada, Mexico and the United States met in\n"
        "Washington for the fourth North American Drug Dialogue. The three\n"
        "countries agreed to:\n\n"
        "- expand information sharing on precursor chemicals;\n"
        "- strengthen port inspections for pill presses; and\n"
        "- develop common public health messaging on overdoses.\n\n"
        "The United States announced new sanctions against fentanyl traffickers.\n"
        "Mexico and Canada will host the next dialogue in 2025.\n"
    )
    document = parse_document(raw, "dialogue.md")
    assert document.title == "North American Drug Dialogue: Joint Statement"
    assert document.kind == "joint_statement"
    assert (document.published, document.date_source) == (date(2024, 2, 28), "text")
    paragraphs = document.body.split("\n\n")
    assert paragraphs[1] == (
        "The governments of Canada, Mexico and the United States met in Washington for the "
        "fourth North American Drug Dialogue. The three countries agreed to:"
    )
    assert paragraphs[2:5] == [
        "- expand information sharing on precursor chemicals;",
        "- strengthen port inspections for pill presses; and",
        "- develop common public health messaging on overdoses.",
    ]


def test_spanish_front_matter_from_a_government_domain():
    raw = (
        "---\ntitle: Colombia y Estados Unidos acuerdan nueva hoja de ruta antidrogas\n"
        "date: 2024-05-20\n"
        "source_url: https://www.cancilleria.gov.co/newsroom/news/colombia-estados-unidos\n---\n\n"
        "Bogotá, 20 de mayo de 2024. El canciller Luis Gilberto Murillo y el subsecretario de "
        "Estado John Bass se reunieron el pasado viernes en Bogotá. Ambos gobiernos acordaron "
        "una nueva estrategia contra el narcotráfico."
    )
    document = parse_document(raw, "co.md")
    assert document.publisher == "Government of Colombia"
    assert (document.kind, document.language) == ("communique", "es")
    assert document.date_source == "front_matter"


def test_a_dated_headline_is_the_title_and_gives_the_date():
    raw = (
        "PM call with President Trump: 24 February 2025\n\n"
        "The Prime Minister spoke to President Trump this evening about trade."
    )
    document = parse_document(raw, "uk.txt")
    assert document.title == "PM call with President Trump: 24 February 2025"
    assert (document.published, document.date_source) == (date(2025, 2, 24), "text")
    assert document.date_note == "date in the headline: '24 February 2025'"
    assert document.kind == "readout"


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("The below is attributable to Spokesperson Matthew Miller:", "U.S. Department of State"),
        (
            "The following is attributable to NSC Spokesperson Adrienne Watson:",
            "The White House",
        ),
    ],
)
def test_spokesperson_attribution_names_the_publisher(line, publisher):
    raw = (
        "Readout of Deputy Secretary Campbell's Meeting with Honduran Foreign Minister Reina\n\n"
        f"{line}\n\n"
        "Deputy Secretary of State Kurt M. Campbell met today with Honduran Foreign\n"
        "Minister Eduardo Enrique Reina in Washington, D.C. The Deputy Secretary\n"
        "and the Foreign Minister discussed migration, economic investment, and\n"
        "the fight against corruption. They agreed to continue working together to\n"
        "address the root causes of irregular migration from Honduras.\n"
    )
    document = parse_document(raw, "state.txt")
    assert document.publisher == publisher
    assert document.kind == "readout"
    assert document.body.startswith("Deputy Secretary of State Kurt M. Campbell met today with")
    assert "attributable" not in document.body


def test_a_quoted_we_does_not_make_a_communique_a_statement():
    raw = (
        "President Claudia Sheinbaum receives U.S. Secretary of State\n\n"
        "Mexico City, March 3, 2025.\n\n"
        "President Claudia Sheinbaum Pardo received United States Secretary of State Marco Rubio "
        "at the National Palace, where they held a cordial meeting.\n\n"
        "“We will always defend our sovereignty, and we will work with our neighbours,” "
        "President Sheinbaum said."
    )
    document = parse_document(raw, "mx.txt")
    assert (document.publisher, document.kind) == ("Government of Mexico", "communique")
    assert (document.published, document.date_source) == (date(2025, 3, 3), "text")


def test_a_foreign_ministry_named_as_another_countrys_is_not_the_voice():
    raw = (
        "Guatemala y México acuerdan reforzar la seguridad en la frontera\n\n"
        "El canciller Carlos Ramiro Martínez sostuvo una reunión con la secretaria de Relaciones "
        "Exteriores de México, Alicia Bárcena, en la Ciudad de Guatemala."
    )
    assert parse_document(raw, "gt.txt").publisher != "Government of Mexico"


def test_a_leaders_statement_is_published_by_their_government():
    raw = (
        "Statement from President Joe Biden on the Trilateral Fentanyl Committee\n\n"
        "Today, I spoke with President López Obrador and Prime Minister Trudeau about our shared "
        "fight against fentanyl. Our three nations have agreed to launch a new tracking system."
    )
    document = parse_document(raw, "statement.txt")
    assert (document.publisher, document.kind) == ("The White House", "statement")


def test_the_leader_a_readout_met_with_is_not_its_voice():
    """ "Readout of <an adviser>'s Meeting with President X of <country>": the title names the
    counterpart; with no source, the publisher is unknown rather than X's government."""
    raw = (
        "---\ntitle: Readout of National Security Advisor Jane Doe's Meeting with President "
        "Alejandro Giammattei of Guatemala\ndate: '2021-12-09'\n---\n"
        "National Security Advisor Jane Doe met with the President of Guatemala, Alejandro "
        "Giammattei, and his delegation on December 8. Ms. Doe applauded the Giammattei "
        "government's work against smuggling and reaffirmed the commitment of the United States "
        "to work with Guatemala."
    )
    assert parse_document(raw, "x.md").publisher != "Government of Guatemala"


def test_a_titles_kind_is_its_first_kind_word():
    raw = (
        "---\ntitle: Statement from National Security Advisor Jane Doe Welcoming the Aqaba "
        "Meeting and Communique\n---\nWe welcome the meeting held today in Aqaba, Jordan."
    )
    assert parse_document(raw, "x.md").kind == "statement"


# --- dates ------------------------------------------------------------------------------------


def test_date_from_the_source_url_is_marked_inferred():
    raw = (
        "---\nsource_url: https://www.state.gov/briefings/2024/03/12/readout/\n---\n"
        "Secretary Blinken met Foreign Minister Joly."
    )
    document = parse_document(raw, "x.txt")
    assert document.published == date(2024, 3, 12)
    assert document.date_source == "inferred"
    assert document.publisher == "U.S. Department of State"


def test_published_time_is_used_when_date_is_missing():
    raw = "---\npublished_time: 2023-07-25 09:40:25-04:00\n---\nText of the statement."
    document = parse_document(raw, "x.txt")
    assert document.published == date(2023, 7, 25)
    assert (document.date_source, document.date_note) == (
        "front_matter",
        "front matter 'published_time'",
    )


def test_a_date_inside_the_text_is_not_a_publication_date():
    document = parse_document("Joint statement\n\nOn July 24, 2023, the leaders met.", "x.txt")
    assert document.published is None
    assert document.date_source == "none"


def test_curator_overrides_win():
    overrides = {
        "title": "Curated title",
        "date": "2023-07-24",
        "publisher": "Government of Mexico",
        "source_url": "https://www.gob.mx/sre/prensa/x",
        "kind": "communique",
    }
    document = parse_document(seed("003").read_bytes(), "003.txt", overrides)
    assert document.title == "Curated title" and document.title_inferred is False
    assert document.published == date(2023, 7, 24)
    assert (document.date_source, document.date_note) == ("curator", "set by a curator")
    assert document.publisher == "Government of Mexico"
    assert document.source_url == "https://www.gob.mx/sre/prensa/x"
    assert document.kind == "communique"
    empty = parse_document(seed("003").read_bytes(), "003.txt", {"title": "", "date": None})
    assert empty.title_inferred is True and empty.published is None


def test_front_matter_kind_words_are_understood():
    document = parse_document("---\nkind: Joint Statement\n---\nWe agree.", "x.txt")
    assert document.kind == "joint_statement"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The leaders discussed the importance of the partnership and the region.", "en"),
        ("Los presidentes conversaron sobre la importancia de la relación con los vecinos.", "es"),
        ("Les dirigeants ont discuté de la coopération dans la région et du commerce.", "fr"),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


# --- bad files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (bytes(range(128, 256)) * 8, "binary"),
        (
            b"Readout\n\nThe text " + bytes([0xA4, 0xA6, 0xA8, 0xAC, 0xAF, 0xB1, 0xB6]) * 9,
            "not readable",
        ),
        (bytes(range(0xA0, 0x100)) * 8, "not readable text"),
        (b"---\ntitle: Readout\ndate: 2024-02-07\n\nNo closing line.", "never closes"),
        (b"---\ntitle: [unclosed\n---\nText.", "broken front matter"),
        (b"---\n- a\n- list\n---\nText.", "not a set of 'key: value' lines"),
        (b"---\ntitle: Readout\ndate: next Tuesday\n---\nText.", "is not a date"),
        (b"---\ndate: '2023-13-45'\n---\nText.", "is not a date"),
        (b"---\ndate: 2024-02-07\npublished_time: soon\n---\nText.", "is not a date"),
        (b"---\ntitle: Only a title\n---\n\n\n", "no text"),
    ],
)
def test_bad_files_raise_a_clear_error(tmp_path, content, why):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        read_document(path)
    message = str(error.value)
    assert why in message
    assert "\n" not in message and len(message) < 200


def test_a_folder_is_not_a_document(tmp_path):
    with pytest.raises(DocumentError, match="folder"):
        read_document(tmp_path)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_decode(tmp_path, encoding):
    text = "Declaración conjunta\n\nMéxico y Canadá acordaron la cooperación en materia de energía."
    if encoding == "cp1252":
        text += " “Juntos”, dijo el señor Pérez — así."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    document = read_document(path)
    assert document.title == "Declaración conjunta"
    assert "México y Canadá acordaron" in document.body
    assert document.language == "es"
    assert document.kind == "joint_statement"


def test_utf8_bom_is_ignored():
    document = parse_document("\ufeffReadout of a call\n\nThe leaders spoke.".encode(), "x.txt")
    assert document.title == "Readout of a call"


# --- sentences --------------------------------------------------------------------------------


def test_sentence_splitting_knows_abbreviations_and_initials():
    text = (
        "Deputy Attorney General Lisa O. Monaco met Dr. Sherwood-Randall and Ms. Bárcena in "
        "the U.S. Embassy on St. Charles Ave. No. 5 today. They agreed. Mr. Verma left at "
        "5 p.m. on Friday. The U.S. The end!"
    )
    sentences = [s for _, s in split_sentences(text)]
    assert sentences == [
        "Deputy Attorney General Lisa O. Monaco met Dr. Sherwood-Randall and Ms. Bárcena in the "
        "U.S. Embassy on St. Charles Ave. No. 5 today.",
        "They agreed.",
        "Mr. Verma left at 5 p.m. on Friday.",
        "The U.S.",
        "The end!",
    ]
    for position, sentence in split_sentences(text):
        assert text[position : position + len(sentence)] == sentence


SAVED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Readout | U.S. Department of State</title>
<meta charset="utf-8"><style>body { font: 12px }</style><script>track()</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><article>
<h1>Secretary Blinken&#8217;s Meeting with Canadian Foreign Minister Joly</h1>
<p>Office of the Spokesperson</p>
<p>March 12, 2024</p>
<p>Secretary of State Antony J. Blinken met with Canadian Minister of Foreign Affairs
M&eacute;lanie Joly in Ottawa.</p>
<img src="/images/joly.jpg" alt="The Secretary and the Minister">
<p>They agreed to <a href="/x">expand</a> cooperation against fentanyl &amp; arms trafficking.</p>
</article></main>
<footer><p>Privacy Policy | Contact Us</p></footer><!-- analytics --></body></html>
"""


@pytest.mark.parametrize("name", ["readout.html", "readout.htm", "readout"])
def test_an_html_page_is_read_as_clean_text(name):
    document = parse_document(SAVED_PAGE.encode(), name)
    assert document.title == "Secretary Blinken’s Meeting with Canadian Foreign Minister Joly"
    assert document.published == date(2024, 3, 12)
    assert document.publisher == "U.S. Department of State"
    assert document.images == ["/images/joly.jpg"]
    assert document.body.split("\n\n") == [
        "March 12, 2024",
        "Secretary of State Antony J. Blinken met with Canadian Minister of Foreign Affairs "
        "Mélanie Joly in Ottawa.",
        "They agreed to expand cooperation against fentanyl & arms trafficking.",
    ]


def test_a_text_file_that_mentions_tags_is_not_html():
    text = "Readout\n\nThe minister said x < y, and <p> is just text here.\n"
    assert "<p> is just text" in parse_document(text.encode(), "notes.txt").body


def test_control_zero_width_and_bidi_characters_never_reach_title_or_body():
    raw = (
        '---\ntitle: "Readout\\u202e of the\\u200b Meeting\\x07"\n---\n\n'
        "The Secretary\u00a0met\u200d the Minister\u2066 in\u2069 Ottawa\x1b[31m.\u0085\n\n"
        "They\u202d agreed\x0c to expand\u200f cooperation.\x7f\n\n"
        + "The leaders discussed migration, fentanyl and the trafficking of arms. "
        * 6
    )
    document = parse_document(raw.encode(), "controls.txt")
    assert document.title == "Readout of the Meeting"
    assert document.body.startswith(
        "The Secretary met the Minister in Ottawa[31m.\n\nThey agreed to expand cooperation.\n\n"
    )
    for text in (document.title, document.body):
        assert not [ch for ch in text if ch not in "\n" and not ch.isprintable()]


def test_a_line_that_does_not_end_a_sentence_is_joined_to_the_next():
    raw = (
        "Readout of the Meeting\n\n"
        "Secretary Blinken met with Foreign Minister Joly at the\n"
        "Ministry of Foreign Affairs.\n"
        "They discussed migration, trafficking and\n"
        "Canada's new border plan.\n\n"
        "Talks on Haiti\n\n"
        "The Secretary thanked the Minister.\n"
    )
    assert parse_document(raw.encode(), "wrapped.txt").body.split("\n\n") == [
        "Secretary Blinken met with Foreign Minister Joly at the Ministry of Foreign Affairs.",
        "They discussed migration, trafficking and Canada's new border plan.",
        "Talks on Haiti",
        "The Secretary thanked the Minister.",
    ]


def test_a_long_link_address_does_not_hide_that_a_short_readout_is_hard_wrapped():
    link = "https://example.gov/briefing-room/" + "remarks-at-the-high-level-debate-" * 6
    raw = (
        "Readout of the Meeting\n\n"
        "Assistant to the President for Homeland Security Dr. Mara\n"
        "Quint met yesterday with President Arlo Pennick of Ghana at the\n"
        "United Nations to discuss counterterrorism, following [their\n"
        f"participation]({link})\n"
        "in the debate chaired by President Pennick. The two welcomed the\n"
        "opportunity to continue their discussions next month.\n"
    )
    body = parse_document(raw.encode(), "wrapped.md").body
    assert "Dr. Mara Quint met yesterday" in body
    assert "\n" not in body


def test_the_folder_walk_takes_html_pages(tmp_path):
    from statements.ingest.pipeline import collect_paths

    for name in ("a.html", "b.htm", "c.txt", "d.png"):
        (tmp_path / name).write_text("x")
    assert sorted(path.name for path, _root in collect_paths([tmp_path])) == [
        "a.html",
        "b.htm",
        "c.txt",
    ]


def test_a_saved_white_house_page_is_titled_by_its_h1_without_page_furniture():
    page = Path(__file__).parent / "unseen" / "whitehouse_call.html"
    document = read_document(page)
    assert document.title == (
        "Readout of President Biden’s Call with Prime Minister Trudeau of Canada"
    )
    assert document.published == date(2024, 3, 6)
    assert document.publisher == "The White House"
    assert "Skip to content" not in document.body and "Pennsylvania" not in document.body
    assert "Briefing Room" not in document.body and "dataLayer" not in document.body
    assert document.body.split("\n\n")[1].startswith(
        "Today, President Joseph R. Biden, Jr. spoke with Prime Minister Justin Trudeau of Canada."
    )


def test_a_joint_statement_without_a_source_names_no_one_government_as_its_publisher():
    """Session 11: two governments sign it, so the voice of one (a leader who 'welcomed' and
    'thanked') is no publisher; it stays unknown (and the import flags it)."""
    text = textwrap.dedent(
        """\
        ---
        title: Joint Statement by the President of Mexico and the President of the United States
        date: '2024-04-29'
        ---

        President Andrés Manuel López Obrador welcomed President Joe Biden's call and thanked him
        for the cooperation. President López Obrador reiterated his commitment to the Mexican
        government's programs, and President López Obrador highlighted the work of both teams.
        """
    )
    assert parse_document(text, "joint.md").publisher == ""
    readout = text.replace("Joint Statement by", "Readout of a call between")
    assert parse_document(readout, "readout.md").publisher == "Government of Mexico"


def test_a_country_discussed_as_a_regime_or_a_situation_is_not_the_voice():
    """Session 15 (ppl6): "the Syrian Government's use of violence" in a readout about "the
    situation in Syria" is a topic; the White House leader who spoke is the voice."""
    from statements.ingest.documents import _voice

    body = (
        "President Dana Whitcombe spoke to Prime Minister Arlo Pennick today about the situation "
        "in Syria. They condemned the Syrian Government's use of violence against civilians and "
        "the Syrian regime's attacks."
    )
    assert _voice(body) != "SY"
    # A government naming itself still speaks: "the Mexican government's commitment".
    own = (
        "The Mexican government's commitment to the border plan was reaffirmed today. The "
        "Mexican government's teams will meet again in May."
    )
    assert _voice(own) == "MX"
