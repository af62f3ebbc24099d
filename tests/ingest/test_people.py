"""Finding officials: the seeds (every official once, right country and attendance, no institution
taken for a person) and readouts the extraction was not written for (other countries, titles)."""

import pytest

from statements.ingest.documents import read_document
from statements.ingest.people import find_officials
from statements.ingest.resolve import EMPTY_GAZETTEER

# name as written (fullest form) -> (country, attended)
SEED_OFFICIALS = {
    "000": {
        "Andrés Manuel López Obrador": ("MX", True),
        "Elizabeth Sherwood-Randall": ("US", True),
        "Lisa O. Monaco": ("US", True),
        "Kristie Canegallo": ("US", True),
        "Rich Verma": ("US", True),
        "Rosa Icela Rodríguez": ("MX", False),  # "previous high-level meetings led by …"
    },
    "001": {
        "Elizabeth Sherwood-Randall": ("US", True),
        "Joe Biden": ("US", False),  # "President Joe Biden's commitment", a summit in January
        "Andrés Manuel López Obrador": ("MX", True),
        "Rosa Icela Rodríguez": ("MX", False),  # "the high-level work led by … and Secretary …"
        "Justin Trudeau": ("CA", False),
    },
    "002": {
        "Andrés Manuel López Obrador": ("MX", True),
        "Elizabeth Sherwood-Randall": ("US", True),
        "Alicia Bárcena Ibarra": ("MX", True),
        "Rosa Icela Rodríguez Velázquez": ("MX", True),
        "Luisa María Alcalde Luján": ("MX", True),
        "Luis Cresencio Sandoval González": ("MX", True),
        "José Rafael Ojeda Durán": ("MX", True),
        "Alejandro Gertz Manero": ("MX", True),
        "Esteban Moctezuma Barranquilla": ("MX", True),
        "Félix Arturo Medina Padilla": ("MX", True),
        "Roberto Velasco Álvarez": ("MX", True),
        "Armando López Cárdenas": ("MX", True),
        "Alejandro Svarch Pérez": ("MX", True),
        "Ken Salazar": ("US", True),
        "Richard R. Verma": ("US", True),
        "Lisa Monaco": ("US", True),
        "Kristie Canegallo": ("US", True),
        "Adam W. Cohen": ("US", True),
        "Juan Gonzalez": ("US", True),
        "Blas Nuñez-Neto": ("US", True),
        "Tiffany Eppelheimer": ("US", True),
        "Mark Johnson": ("US", True),
    },
    "003": {
        "Joe Biden": ("US", True),
        "Andrés Manuel López Obrador": ("MX", True),
        "Xi Jinping": ("CN", False),  # "my great conversation with Xi Jinping"
    },
    "004": {
        "Liz Sherwood-Randall": ("US", True),
        "Lisa Monaco": ("US", True),
        "Richard Verma": ("US", True),
        "Kristie Canegallo": ("US", True),
        "Adam Cohen": ("US", True),
        "Ken Salazar": ("US", True),
        "Andrés Manuel López Obrador": ("MX", True),
        "Alicia Bárcena": ("MX", True),
        "Joe Biden": (
            "US",
            False,
        ),  # last Saturday's call; "established in 2023 by President Biden"
        "Justin Trudeau": ("CA", False),
    },
}


def seed_document(seed_paths, prefix):
    (path,) = [p for p in seed_paths if p.name.startswith(prefix)]
    return read_document(path)


def publisher_country(document):
    return "MX" if "Mexico" in document.publisher and "Embassy" not in document.publisher else "US"


@pytest.mark.parametrize("prefix", sorted(SEED_OFFICIALS))
def test_seed_officials_found_once_with_country_and_attendance(seed_paths, prefix):
    document = seed_document(seed_paths, prefix)
    found = find_officials(document.body, publisher_country=publisher_country(document))
    got = {m.name: (m.country, m.attended) for m in found}
    assert got == SEED_OFFICIALS[prefix]
    assert len(found) == len(got)  # nobody twice


@pytest.mark.parametrize("prefix", sorted(SEED_OFFICIALS))
def test_seed_officials_found_without_the_gazetteer(seed_paths, prefix):
    """The curated list only helps with countries: every name is found without it."""
    document = seed_document(seed_paths, prefix)
    found = find_officials(document.body, publisher_country="", gazetteer=EMPTY_GAZETTEER)
    assert {m.name: m.attended for m in found} == {
        name: attended for name, (_, attended) in SEED_OFFICIALS[prefix].items()
    }


def test_titles_as_written_and_most_specific(seed_paths):
    found = {m.name: m for m in find_officials(seed_document(seed_paths, "002").body)}
    assert found["Elizabeth Sherwood-Randall"].title == "White House Homeland Security Advisor"
    assert found["Alicia Bárcena Ibarra"].title == "Secretary of Foreign Affairs"
    assert found["Rosa Icela Rodríguez Velázquez"].title == "Secretary for Security"
    assert found["Luisa María Alcalde Luján"].title == "Secretary of the Interior (Segob)"
    assert found["José Rafael Ojeda Durán"].title == "Secretary of the Navy"
    assert found["Armando López Cárdenas"].title == "Chief of Staff, National Migration Institute"
    assert found["Tiffany Eppelheimer"].title == "Senior Director, National Security Council"
    assert found["Esteban Moctezuma Barranquilla"].title == "Mexico’s Ambassador to the U.S."
    assert found["Kristie Canegallo"].title == "Acting Deputy Secretary of Homeland Security (DHS)"
    assert found["Alejandro Svarch Pérez"].title.startswith("head of the Federal Commission")
    assert found["Armando López Cárdenas"].how_found == "apposition"
    assert found["Luis Cresencio Sandoval González"].how_found == "delegation list"


def test_document_variants_merge_into_one_person(seed_paths):
    body = seed_document(seed_paths, "003").body
    found = find_officials(body)
    amlo = next(m for m in found if m.name == "Andrés Manuel López Obrador")
    assert set(amlo.variants) == {"Andrés Manuel López Obrador", "López Obrador", "Lopez Obrador"}
    assert amlo.title == "President of Mexico"
    biden = next(m for m in found if m.name == "Joe Biden")
    assert "Biden" in biden.variants  # the quote attribution "Biden said"
    assert biden.position == body.index("Joe Biden")  # the first mention
    assert amlo.position == body.index("Andrés Manuel López Obrador")


def test_honorifics_are_not_names(seed_paths):
    found = find_officials(seed_document(seed_paths, "002").body)
    sherwood = next(m for m in found if "Sherwood-Randall" in m.name)
    assert all(not v.startswith(("Ms", "Dr")) for v in sherwood.variants)
    assert set(sherwood.variants) == {"Elizabeth Sherwood-Randall", "Sherwood-Randall"}


def test_institutions_events_and_places_are_not_people():
    body = (
        "The Los Angeles Declaration on Migration and Protection, the North American Leaders "
        "Summit, the Trilateral Fentanyl Committee, the National Palace, the Western Hemisphere, "
        "the Global Coalition, the Bicentennial Framework, Homeland Security and Central America "
        "were all discussed in San Francisco, California. Both delegations reaffirmed the "
        "U.S.-Mexico High-Level Security Dialogue and the Americas Partnership for Economic "
        "Prosperity.\n\nSource : Usembassy"
    )
    assert find_officials(body, publisher_country="US") == []


# --- readouts the extraction was not written for -------------------------------------------------

CANADA_MEXICO = (
    "Foreign Affairs Minister Mélanie Joly met today in Ottawa with Mexico’s Secretary of Foreign "
    "Affairs Juan Ramón de la Fuente. Minister Joly and Secretary de la Fuente discussed the "
    "review of the trade agreement and cooperation on migration. Canada’s Minister of Public "
    "Safety, Dominic LeBlanc, also joined the meeting.\n\n"
    "“We share a continent and a future,” Joly said.\n\n"
    "The ministers recalled the meeting held in 2023 between Prime Minister Justin Trudeau and "
    "President Andrés Manuel López Obrador."
)

# Invented people: none of them is in fixtures/officials.yaml.
US_GUATEMALA = (
    "Secretary of State Margaret Ellison Hale met with Guatemalan President Rodrigo Alvarado "
    "Quiñónez in Guatemala City on March 3. They were joined by Guatemala’s Minister of Foreign "
    "Affairs, Carla María Estrada de León, and U.S. Ambassador to Guatemala Thomas P. Whitfield. "
    "The Secretary thanked President Alvarado for his partnership on the Los Angeles Declaration "
    "on Migration and Protection and the Safe Mobility Offices. Secretary Hale underscored "
    "President Biden’s commitment to Central America. “Guatemala is a key partner,” Hale said."
)

SPANISH_STYLE_LIST = (
    "The Mexican delegation was composed of the Secretary of Economy, María Fernanda de la Cruz "
    "Gutiérrez; the Undersecretary for Foreign Trade, José Ángel Villanueva del Río; and the head "
    "of the National Customs Agency, Héctor Iván Peña y Lillo. The U.S. delegation included "
    "Deputy Secretary of Commerce Daniel K. O'Connell and Assistant U.S. Trade Representative "
    "Priya Natarajan."
)

PHONE_CALL = (
    "President Joseph R. Biden Jr. spoke by phone today with Prime Minister Mark Carney of "
    "Canada. The leaders discussed trade. President Biden welcomed the Prime Minister’s "
    "leadership."
)

UNSEEN = [
    (
        CANADA_MEXICO,
        "CA",
        {
            "Mélanie Joly": ("Foreign Affairs Minister", "CA", True),
            "Juan Ramón de la Fuente": ("Mexico’s Secretary of Foreign Affairs", "MX", True),
            "Dominic LeBlanc": ("Canada’s Minister of Public Safety", "CA", True),
            "Justin Trudeau": ("Prime Minister", "CA", False),
            "Andrés Manuel López Obrador": ("President", None, False),
        },
    ),
    (
        US_GUATEMALA,
        "US",
        {
            "Margaret Ellison Hale": ("Secretary of State", "US", True),
            "Rodrigo Alvarado Quiñónez": ("Guatemalan President", "GT", True),
            "Carla María Estrada de León": ("Guatemala’s Minister of Foreign Affairs", "GT", True),
            "Thomas P. Whitfield": ("U.S. Ambassador to Guatemala", "US", True),
            "Biden": ("President", "US", False),
        },
    ),
    (
        SPANISH_STYLE_LIST,
        "MX",
        {
            "María Fernanda de la Cruz Gutiérrez": ("Secretary of Economy", "MX", True),
            "José Ángel Villanueva del Río": ("Undersecretary for Foreign Trade", "MX", True),
            "Héctor Iván Peña y Lillo": ("head of the National Customs Agency", "MX", True),
            "Daniel K. O'Connell": ("Deputy Secretary of Commerce", "US", True),
            "Priya Natarajan": ("Assistant U.S. Trade Representative", "US", True),
        },
    ),
    (
        PHONE_CALL,
        "US",
        {
            "Joseph R. Biden": ("President", "US", True),
            "Mark Carney": ("Prime Minister", "CA", True),
        },
    ),
]


@pytest.mark.parametrize(
    ("body", "publisher", "expected"), UNSEEN, ids=["ca-mx", "us-gt", "es", "call"]
)
def test_unseen_readouts_without_the_gazetteer(body, publisher, expected):
    found = find_officials(body, publisher_country=publisher, gazetteer=EMPTY_GAZETTEER)
    got = {m.name: (m.title, m.country, m.attended) for m in found}
    assert set(got) == set(expected)
    for name, (title, country, attended) in expected.items():
        assert got[name][0] == title, name
        assert got[name][2] == attended, name
        if country is not None:
            assert got[name][1] == country, name


def test_the_gazetteer_adds_the_country_a_text_does_not_give():
    found = {m.name: m for m in find_officials(CANADA_MEXICO, publisher_country="CA")}
    assert found["Andrés Manuel López Obrador"].country == "MX"
    assert found["Justin Trudeau"].country == "CA"


def test_surname_forms_merge_with_the_full_name_in_the_same_document():
    found = {m.name: m for m in find_officials(US_GUATEMALA, gazetteer=EMPTY_GAZETTEER)}
    assert set(found["Margaret Ellison Hale"].variants) == {"Margaret Ellison Hale", "Hale"}
    assert set(found["Rodrigo Alvarado Quiñónez"].variants) == {
        "Rodrigo Alvarado Quiñónez",
        "Alvarado",
    }


def test_two_people_with_one_surname_stay_apart():
    body = (
        "Ambassador Laura Méndez met with Minister Carlos Méndez in Bogotá. Ambassador Méndez "
        "and Minister Méndez discussed security."
    )
    found = find_officials(body, gazetteer=EMPTY_GAZETTEER)
    full = {m.name for m in found if len(m.name.split()) > 1}
    assert full == {"Laura Méndez", "Carlos Méndez"}


def test_headline_verbs_and_other_titles():
    body = (
        "Vice President Harris Meets With President Sheinbaum\n\n"
        "First Lady Jill Biden and U.N. Secretary-General António Guterres attended. "
        "Secretary-General Guterres said the talks were useful."
    )
    found = {m.name: m for m in find_officials(body, gazetteer=EMPTY_GAZETTEER)}
    assert set(found) == {"Harris", "Sheinbaum", "Jill Biden", "António Guterres"}
    assert found["Jill Biden"].title == "First Lady"
    assert found["António Guterres"].title == "U.N. Secretary-General"
    assert set(found["António Guterres"].variants) == {"António Guterres", "Guterres"}


# More readouts in the styles of the White House, the State Department, the PMO and the SRE.
MORE_UNSEEN = [
    (
        "Readout of President Biden’s Call with President-elect Claudia Sheinbaum of Mexico\n\n"
        "Today, President Joseph R. Biden, Jr. spoke with President-elect Claudia Sheinbaum of "
        "Mexico to congratulate her on her historic election.",
        "US",
        {
            "Joseph R. Biden": ("President", "US", True),
            "Claudia Sheinbaum": ("President-elect", "MX", True),
        },
    ),
    (
        "The below is attributable to Spokesperson Matthew Miller:\n\nSecretary of State Antony "
        "J. Blinken met today with Mexican Foreign Secretary Alicia Bárcena in Washington, D.C.",
        "US",
        {
            "Matthew Miller": ("Spokesperson", "US", False),
            "Antony J. Blinken": ("Secretary of State", "US", True),
            "Alicia Bárcena": ("Mexican Foreign Secretary", "MX", True),
        },
    ),
    (
        "Prime Minister Justin Trudeau today met with the President of Guatemala, Bernardo "
        "Arévalo, in Los Angeles. The Prime Minister and President Arévalo discussed democracy.",
        "CA",
        {
            "Justin Trudeau": ("Prime Minister", "CA", True),
            "Bernardo Arévalo": ("President of Guatemala", "GT", True),
        },
    ),
    (
        "Foreign Secretary Juan Ramón de la Fuente received U.S. Secretary of State Marco Rubio "
        "and his delegation at the Ministry of Foreign Affairs. Also participating were Security "
        "Secretary Omar García Harfuch and Ambassador Ronald Johnson.",
        "MX",
        {
            "Juan Ramón de la Fuente": ("Foreign Secretary", "MX", True),
            "Marco Rubio": ("U.S. Secretary of State", "US", True),
            "Omar García Harfuch": ("Security Secretary", "MX", True),
            "Ronald Johnson": ("Ambassador", None, True),  # whose ambassador? the text won't say
        },
    ),
    (
        "Senior officials, including National Security Advisor Jake Sullivan and Deputy "
        "Secretary of State Kurt Campbell, joined the President. The President also thanked "
        "Governor Greg Abbott of Texas and Mayor Eric Adams.",
        "US",
        {
            "Jake Sullivan": ("National Security Advisor", "US", True),
            "Kurt Campbell": ("Deputy Secretary of State", "US", True),
            "Greg Abbott": ("Governor", "US", False),
            "Eric Adams": ("Mayor", "US", False),
        },
    ),
    (
        "On March 12, Deputy Secretary of Homeland Security Troy A. Edgar led a delegation to "
        "Tegucigalpa, where he met with Honduran President Xiomara Castro and Foreign Minister "
        "Enrique Reina. The delegation also included CBP Commissioner Rodney Scott.",
        "US",
        {
            "Troy A. Edgar": ("Deputy Secretary of Homeland Security", "US", True),
            "Xiomara Castro": ("Honduran President", "HN", True),
            "Enrique Reina": ("Foreign Minister", "HN", True),
            "Rodney Scott": ("CBP Commissioner", "US", True),
        },
    ),
]


@pytest.mark.parametrize(("body", "publisher", "expected"), MORE_UNSEEN)
def test_more_unseen_readouts_without_the_gazetteer(body, publisher, expected):
    test_unseen_readouts_without_the_gazetteer(body, publisher, expected)


def test_plural_title_lists_with_abbreviations_and_former_officials():
    body = (
        "Canada was represented by the Ministers of Foreign Affairs, Hélène Tremblay; Canada-U.S. "
        "Trade, Marc-André Gagnon; and Public Safety, Sam O’Neil. Minister Tremblay also met "
        "with former President Luis Ortega Vidal of Colombia."
    )
    found = {m.name: m for m in find_officials(body, gazetteer=EMPTY_GAZETTEER)}
    assert {name: (m.title, m.country, m.attended) for name, m in found.items()} == {
        "Hélène Tremblay": ("Minister of Foreign Affairs", "CA", True),
        "Marc-André Gagnon": ("Minister of Canada-U.S. Trade", "CA", True),
        "Sam O’Neil": ("Minister of Public Safety", "CA", True),
        "Luis Ortega Vidal": ("former President", "CO", True),
    }


def test_transcript_speakers_are_found_and_attend():
    body = (
        "Remarks by President Biden and President López Obrador of Mexico Before Bilateral "
        "Meeting\n\nPRESIDENT BIDEN: Well, Mr. President, welcome.\n\n"
        "PRESIDENT LÓPEZ OBRADOR: (As interpreted.) Thank you.\n\n"
        "Q: Mr. President, what about fentanyl?\n\nMS. JEAN-PIERRE: Thank you, everyone.\n\n"
        "NOTE: The President spoke in Spanish."
    )
    found = {m.name: m for m in find_officials(body, gazetteer=EMPTY_GAZETTEER)}
    assert set(found) == {"Biden", "López Obrador", "Jean-Pierre"}
    assert all(m.attended for m in found.values())
    assert found["López Obrador"].country == "MX"
    assert found["Jean-Pierre"].how_found == "transcript speaker"


def test_a_title_case_heading_is_not_a_name():
    words = "Zarvian Kolmbrek Treskan Vollmir Ospenar Quildan Farrow Denholt Ambrel"
    assert find_officials(f"President {words} said so.", gazetteer=EMPTY_GAZETTEER) == []
    (short,) = find_officials(f"President {words[:40]} said so.", gazetteer=EMPTY_GAZETTEER)
    assert short.name == "Zarvian Kolmbrek Treskan Vollmir Ospenar"


SRE_COMUNICADO = (
    "Ciudad de México, 5 de octubre de 2023\n\n"
    "La secretaria de Relaciones Exteriores, Alicia Bárcena Ibarra, se reunió con el secretario "
    "de Estado de Estados Unidos, Antony Blinken, en la Cancillería. La canciller encabezó la "
    "delegación mexicana, en la que participaron la secretaria de Seguridad, Rosa Icela "
    "Rodríguez, y el fiscal general, Alejandro Gertz Manero. Posteriormente, el presidente "
    "Andrés Manuel López Obrador recibió a la delegación estadounidense en Palacio Nacional.\n\n"
    "Ambos países acordaron fortalecer la cooperación contra el tráfico de armas."
)


def test_spanish_communique_titles_countries_and_attendance():
    found = find_officials(SRE_COMUNICADO, publisher_country="MX", gazetteer=EMPTY_GAZETTEER)
    got = {o.name: (o.title, o.country, o.attended) for o in found}
    assert got == {
        # A national title in a Mexican communiqué: Mexican.
        "Alicia Bárcena Ibarra": ("secretaria de Relaciones Exteriores", "MX", True),
        # "Estado de Estados Unidos" is the rest of his title, not a person.
        "Antony Blinken": ("secretario de Estado de Estados Unidos", "US", True),
        "Rosa Icela Rodríguez": ("secretaria de Seguridad", "MX", True),
        "Alejandro Gertz Manero": ("fiscal general", "MX", True),
        "Andrés Manuel López Obrador": ("presidente", "MX", True),
    }


def test_spanish_attendance_verbs_and_mentions():
    body = (
        "El canciller de Guatemala, Carlos Ramiro Martínez, sostuvo una reunión con la "
        "embajadora de Estados Unidos, Tobin Bradley. Ambos recordaron la visita del presidente "
        "Joe Biden en 2023."
    )
    found = {o.name: o for o in find_officials(body, gazetteer=EMPTY_GAZETTEER)}
    minister = found["Carlos Ramiro Martínez"]
    assert minister.attended and minister.country == "GT"
    assert found["Tobin Bradley"].attended and found["Tobin Bradley"].country == "US"
    assert not found["Joe Biden"].attended


def test_hosts_met_on_a_visit_are_of_the_country_visited_and_companions_of_their_head():
    body = (
        "Secretary of Homeland Security Alejandro N. Mayorkas led a U.S. delegation to Panama "
        "City, where he met with President José Raúl Mulino, Minister of Public Security Frank "
        "Ábrego and Ambassador Mari Carmen Aponte.\n\n"
        "Foreign Secretary Alicia Bárcena received Secretary Mayorkas at the Ministry, "
        "accompanied by the Undersecretary for North America, Juan Manuel Gómez Robledo."
    )
    found = {o.name: o for o in find_officials(body, gazetteer=EMPTY_GAZETTEER)}
    assert found["José Raúl Mulino"].country == "PA" and found["José Raúl Mulino"].attended
    assert found["Frank Ábrego"].country == "PA"
    assert found["Mari Carmen Aponte"].country == ""  # an ambassador there is often our own
    head = found["Alicia Bárcena"].country
    assert found["Juan Manuel Gómez Robledo"].attended
    assert found["Juan Manuel Gómez Robledo"].country == head


def test_those_who_agree_together_attended():
    body = (
        "We met today in Mexico City for the tenth North American Leaders' Summit.\n\n"
        "Prime Minister Justin Trudeau, President Andrés Manuel López Obrador and President "
        "Joseph R. Biden, Jr. also agreed to hold the next summit in Canada. President Barack "
        "Obama agreed in 2014 to host the seventh summit."
    )
    found = {o.name: o.attended for o in find_officials(body, gazetteer=EMPTY_GAZETTEER)}
    assert found == {
        "Justin Trudeau": True,
        "Andrés Manuel López Obrador": True,
        "Joseph R. Biden": True,
        "Barack Obama": False,
    }


def _found(text, **kwargs):
    return {o.name: (o.title, o.country, o.attended) for o in find_officials(text, **kwargs)}


def test_country_after_one_person_does_not_become_the_next_persons():
    found = _found(
        "Joining President Biden on the call were President Macron of France, Chancellor Scholz "
        "of Germany, and Prime Minister Johnson of the United Kingdom. Mr. Sullivan met with "
        "Secretary General Akiba Takeo of Japan and Director Cho Tae-yong of the Republic of Korea."
    )
    assert found["Macron"][1:] == ("FR", True)
    assert found["Scholz"] == ("Chancellor", "DE", True)
    assert found["Johnson"][1] == "GB"
    assert found["Akiba Takeo"][1] == "JP"
    assert found["Cho Tae-yong"] == ("Director", "KR", True)


def test_arabic_articles_stay_in_the_name_and_holidays_are_not_people():
    found = _found(
        "President Biden spoke with King Salman bin Abdulaziz al-Saud of Saudi Arabia. Later the "
        "President attended the St. Patrick’s Day Speaker’s Lunch hosted by Speaker Nancy Pelosi."
    )
    assert found["Salman bin Abdulaziz al-Saud"][:2] == ("King", "SA")
    assert not {"Patrick", "Lunch"} & set(found)


def test_people_of_every_country_and_organisation_get_its_code():
    found = _found(
        "President Biden met President Joko Widodo of Indonesia, President William Ruto of Kenya "
        "and NATO Secretary General Jens Stoltenberg."
    )
    assert found["Joko Widodo"][1] == "ID"
    assert found["William Ruto"][1] == "KE"
    assert found["Jens Stoltenberg"][1] == "NATO"


def test_a_call_makes_both_sides_attendees():
    found = _found("President Joe Biden called President Claudia Sheinbaum of Mexico today.")
    assert found["Joe Biden"][2] and found["Claudia Sheinbaum"][2]


def test_a_title_the_publishers_government_lacks_does_not_take_its_country():
    found = _found(
        "Mr. Sullivan also met with Prime Minister Kishida, whom he thanked for the G7 Summit "
        "in Hiroshima. Crown Prince Salman bin Hamad Al Khalifa welcomed the delegation.",
        publisher_country="US",
    )
    assert found["Kishida"][1] == "JP"  # the one foreign place of its sentence
    assert found["Salman bin Hamad Al Khalifa"][1] != "US"


def test_counterparts_who_co_host_keep_their_own_countries_and_both_attend():
    found = _found(
        "Today, U.S. Special Presidential Coordinator Amos Hochstein and Deputy Prime Minister "
        "Chrystia Freeland co-hosted the inaugural meeting of the Taskforce.",
        publisher_country="US",
        gazetteer=EMPTY_GAZETTEER,  # unknown without it: never the American's country
    )
    assert found["Amos Hochstein"][1:] == ("US", True)
    assert found["Chrystia Freeland"][1:] == ("", True)


def test_people_a_delegation_travelled_to_meet_attended():
    found = _found(
        "Advisor Liz Sherwood-Randall travelled to Mexico City to meet with President Andrés "
        "Manuel López Obrador and with Foreign Secretary Alicia Bárcena. The President attended "
        "a lunch co-hosted by Presidents Klaus Iohannis of Romania and Andrzej Duda of Poland."
    )
    assert found["Andrés Manuel López Obrador"][2] and found["Alicia Bárcena"][2]
    assert found["Klaus Iohannis"][1:] == ("RO", True)


def test_a_plural_title_before_names_gives_each_the_singular():
    found = _found(
        "The summit was co-hosted by Presidents Klaus Iohannis of Romania and Andrzej Duda of "
        "Poland."
    )
    assert found["Klaus Iohannis"] == ("President", "RO", True)
    assert found["Andrzej Duda"] == ("President", "PL", True)


# --- session 11: classes of failure seen on the corpus, in invented sentences --------------------


def _people(body, publisher="US"):
    return {
        m.name: m
        for m in find_officials(body, publisher_country=publisher, gazetteer=EMPTY_GAZETTEER)
    }


def test_a_call_dated_today_is_reported_even_if_the_sentence_recalls_another_time():
    body = (
        "Vice President Dana Whitcombe spoke yesterday with Prime Minister Arlo Pennick of "
        "Norland to congratulate him on his party’s victory in the elections earlier this week. "
        "Earlier today, Secretary Hollis Brandt called Minister Ines Varga, two years ago "
        "her deputy."
    )
    found = _people(body)
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    recalled = _people("The ministers recalled the talks held in 2021 by Minister Ines Varga.")
    assert not recalled["Ines Varga"].attended


def test_delegation_members_listed_apart_attended_with_their_government():
    body = (
        "Secretary Hollis Brandt traveled to Norland on May 2. Senior Director Mara Quint and "
        "Western Hemisphere Bureau Director Tomas Reyle also traveled with the delegation. "
        "Secretary Brandt met with President Arlo Pennick.\n\n"
        "Additional representatives of the Government of Mexico included Undersecretary of "
        "Public Security Ramiro Ostos and Navy Commander Beltrán Iturbe."
    )
    found = _people(body)
    assert {n: m.attended for n, m in found.items()} == dict.fromkeys(
        ["Hollis Brandt", "Mara Quint", "Tomas Reyle", "Arlo Pennick", "Ramiro Ostos",
         "Beltrán Iturbe"], True
    )  # fmt: skip
    assert found["Ramiro Ostos"].country == found["Beltrán Iturbe"].country == "MX"


def test_separate_calls_and_newly_appointed_counterparts_attended():
    found = _people(
        "Governor Lena Marsh held separate calls today with Mayor Otto Brill of Tampa and Mayor "
        "Ruth Kell of Clearwater. Secretary Hollis Brandt spoke with newly appointed Norland "
        "Foreign Minister Arlo Pennick in an introductory call."
    )
    assert {n: m.attended for n, m in found.items()} == dict.fromkeys(
        ["Lena Marsh", "Otto Brill", "Ruth Kell", "Hollis Brandt", "Arlo Pennick"], True
    )


def test_styles_offices_of_one_state_and_a_surname_that_is_a_city():
    found = _people(
        "President Dana Whitcombe met today with His Holiness Pope Clement at the Vatican and "
        "with Taoiseach Aoife Brennan. Secretary of Defense Walter J. Houston and the Crown Prince "
        "of Bahrain, His Royal Highness Faisal bin Khalid, joined them."
    )
    got = {n: (m.title, m.country, m.attended) for n, m in found.items()}
    assert got["Clement"] == ("Pope", "VA", True)
    assert got["Aoife Brennan"] == ("Taoiseach", "IE", True)
    assert got["Walter J. Houston"] == ("Secretary of Defense", "US", True)
    assert got["Faisal bin Khalid"][:2] == ("Crown Prince of Bahrain", "BH")


def test_attendance_told_by_a_relative_clause_or_denied_by_another_occasion():
    found = _people(
        "President Dana Whitcombe spoke today with the leaders of the Nordic states, as well as "
        "with Alliance Secretary General Piet Vermeer, who was also in attendance. Vice President "
        "Hollis Brandt met today with President Arlo Pennick ahead of President Pennick’s meeting "
        "with President Whitcombe. The meeting followed Secretary Mara Quint’s bilateral meeting "
        "with Prime Minister Tomas Reyle of Norway."
    )
    got = {n: m.attended for n, m in found.items()}
    assert got == {
        "Dana Whitcombe": True,
        "Piet Vermeer": True,
        "Hollis Brandt": True,
        "Arlo Pennick": True,
        "Mara Quint": False,
        "Tomas Reyle": False,
    }


def test_the_author_a_readouts_title_names_is_not_a_participant():
    from statements.ingest.people import officials_in_title

    title = (
        "Readout by NSC Spokesperson Nora Vell of National Security Advisor Hollis Brandt’s "
        "Meeting with Foreign Minister Arlo Pennick of Norway"
    )
    found = {m.name: m.attended for m in officials_in_title(title, [], publisher_country="US")}
    assert found == {"Nora Vell": False, "Hollis Brandt": True, "Arlo Pennick": True}


def test_host_country_from_a_trip_paragraphs_opening_and_a_delegation_adjective_further_off():
    found = _people(
        "Deputy Secretary Hollis Brandt traveled to three countries this week.\n\n"
        "In Equatorial Guinea, Mr. Brandt met with President Arlo Pennick and Vice President "
        "Tomas Reyle.\n\nThe Israeli interagency delegation was led by National Security Advisor "
        "Mara Quint."
    )
    assert {n: (m.country, m.attended) for n, m in found.items()} == {
        "Hollis Brandt": ("US", True),
        "Arlo Pennick": ("GQ", True),
        "Tomas Reyle": ("GQ", True),
        "Mara Quint": ("IL", True),
    }


def test_a_kosovo_president_and_her_hyphenated_surname_alone():
    found = _people(
        "Secretary Hollis Brandt met with Kosovo President Ilira Brennik-Haxhiu and Prime "
        "Minister Arben Doçi in Pristina. Secretary Brandt thanked President Brennik."
    )
    assert {n: m.country for n, m in found.items()} == {
        "Hollis Brandt": "US",
        "Ilira Brennik-Haxhiu": "XK",
        "Arben Doçi": "XK",
    }


def test_one_president_per_government_and_a_visitor_is_not_the_hosts_official():
    found = _people(
        "Joint Statement by President Dana Whitcombe and President Ilse Vandermeer on U.S.-EU "
        "Energy Cooperation\n\nSecretary Hollis Brandt spoke today with the Korean Foreign "
        "Minister. They discussed support for the ROK and for President Seo Jun-ho’s "
        "upcoming State Visit to the United States."
    )
    got = {n: m.country for n, m in found.items()}
    assert got["Dana Whitcombe"] == "US"
    assert got["Ilse Vandermeer"] == "EU"
    assert got["Seo Jun-ho"] == "KR"


def test_the_side_a_list_of_chairs_sat_on():
    found = _people(
        "Secretary of Commerce Hollis Brandt and Ambassador Mara Quint chaired the meeting for "
        "the United States. Secretary of Economy Arlo Pennick, Secretary of Finance Tomas Reyle "
        "and Ambassador Ines Varga chaired the meeting for Mexico."
    )
    assert {n: m.country for n, m in found.items()} == {
        "Hollis Brandt": "US",
        "Mara Quint": "US",
        "Arlo Pennick": "MX",
        "Tomas Reyle": "MX",
        "Ines Varga": "MX",
    }


def test_a_department_word_inside_a_title_is_not_a_person():
    found = _people(
        "Deputy Secretary Hollis Brandt was joined by Senior Director for Africa Mara Quint and "
        "Deputy Assistant Secretary for African Affairs Tomas Reyle. He met the Secretary of "
        "Security and Civil Protection, Ines Varga."
    )
    assert {n: m.title for n, m in found.items()} == {
        "Hollis Brandt": "Deputy Secretary",
        "Mara Quint": "Senior Director for Africa",
        "Tomas Reyle": "Deputy Assistant Secretary for African Affairs",
        "Ines Varga": "Secretary of Security and Civil Protection",
    }


def test_two_bare_names_share_the_country_after_them():
    from statements.ingest.people import officials_in_title

    title = (
        "Readout of Deputy Secretary Hollis Brandt’s Meeting with Mara Quint of France and Tomas "
        "Reyle and Ines Varga of the United Kingdom"
    )
    found = {m.name: m.country for m in officials_in_title(title, [], publisher_country="US")}
    assert found == {"Hollis Brandt": "US", "Mara Quint": "FR", "Tomas Reyle": "GB",
                     "Ines Varga": "GB"}  # fmt: skip


def test_a_bare_name_after_and_is_not_an_official_unless_the_list_is_of_officials():
    found = _people(
        "President Dana Whitcombe condemned the detention of Arne Holt and Lukas Brenner and "
        "called for their release. Secretary Hollis Brandt met with President Arlo Pennick and "
        "Mara Quint. Minister Ines Varga called on Governor Tomas Reyle to free Arne Holt."
    )
    assert set(found) == {
        "Dana Whitcombe", "Hollis Brandt", "Arlo Pennick", "Mara Quint", "Ines Varga",
        "Tomas Reyle",
    }  # fmt: skip
    assert not found["Tomas Reyle"].attended and not found["Ines Varga"].attended


def test_an_apposition_with_words_no_lexicon_knows_before_its_title():
    found = _people(
        "Participants:\n\n"
        "• Dr. Mara Quint, Chief Medical Officer, Office of Global Health Security\n"
        "• Tomas Reyle, National Political Director, Federal Election Commission\n"
    )
    got = {n: (m.title, m.country, m.attended) for n, m in found.items()}
    assert got == {
        "Mara Quint": ("Chief Medical Officer, Office of Global Health Security", "US", True),
        "Tomas Reyle": ("National Political Director, Federal Election Commission", "US", True),
    }


def test_business_and_civil_society_leaders_at_the_table_are_not_officials():
    found = _people(
        "Today, the Vice President met with business and civil rights leaders.\n\n"
        "Attendees:\n\n"
        "- Dana Whitcombe, Chairman and Managing Director, General Foundry\n"
        "- Arlo Pennick, President, the Urban Progress League\n"
        "- Gen. Lukas Brenner (Ret.), Advisor, Urban Progress League\n"
        "- Ruth Kell, President and CEO of Acme Holdings\n"
        "- Otto Brill, Chair, Council of Economic Advisers\n"
        "- Lena Marsh, Managing Director, International Monetary Fund\n"
        "- Ines Varga, President, Republic of Estonia\n\n"
        "From the Administration:\n\n"
        "- Tomas Reyle, Senior Director for Partnerships & Global Engagement, National "
        "Security Council\n"
        "- Mara Quint, Deputy Director, CDFI Fund\n"
    )
    assert set(found) == {"Otto Brill", "Lena Marsh", "Ines Varga", "Tomas Reyle", "Mara Quint"}
    assert all(m.attended for m in found.values())


def test_whoever_hosts_a_meeting_still_to_come_did_not_attend_this_one():
    found = _people(
        "Secretary Hollis Brandt met with President Arlo Pennick of Ghana. They welcomed the "
        "chance to continue at the Leaders Summit hosted by President Dana Whitcombe in "
        "Washington next month."
    )
    assert found["Arlo Pennick"].attended and not found["Dana Whitcombe"].attended


def test_a_visit_to_a_leader_s_team_includes_each_member_but_not_the_leader():
    found = _people(
        "On Wednesday, Deputy National Security Advisor for International Economics Hollis "
        "Brandt visited Buenos Aires and met with senior members of President Arlo Pennick of "
        "Argentina’s administration, including Chief of Cabinet Tomas Reyle, Economy Minister "
        "Ines Varga, and Central Bank President Santiago Quint. Secretary Dana Whitcombe "
        "recently visited Buenos Aires for President Pennick’s inauguration."
    )
    got = {n: (m.title, m.country, m.attended) for n, m in found.items()}
    assert got["Hollis Brandt"] == (
        "Deputy National Security Advisor for International Economics",
        "US",
        True,
    )
    assert got["Arlo Pennick"] == ("President", "AR", False)
    assert got["Tomas Reyle"] == ("Chief of Cabinet", "AR", True)
    assert got["Ines Varga"] == ("Economy Minister", "AR", True)
    assert got["Santiago Quint"] == ("Central Bank President", "AR", True)


def test_the_host_of_a_visited_city_is_of_its_country():
    found = _people(
        "Secretary Hollis Brandt visited Nairobi and met with Interior Secretary Arlo Pennick."
    )
    assert found["Arlo Pennick"].country == "KE"


def test_those_also_in_the_meeting_and_those_who_discussed_at_it_attended():
    found = _people(
        "Secretary Hollis Brandt met with President Arlo Pennick today. Also in the meeting were "
        "National Security Advisor to the Vice President Mara Quint and Ambassador Tomas Reyle.\n\n"
        "Administrator Power, senior officials, and Bank Chief Executive Officer Ines Varga "
        "discussed how to mobilize investment."
    )
    assert all(m.attended for m in found.values())
    assert set(found) == {"Hollis Brandt", "Arlo Pennick", "Mara Quint", "Tomas Reyle", "Power",
                          "Ines Varga"}  # fmt: skip


def test_a_one_word_name_right_after_a_title_is_a_name_even_if_it_is_a_city_or_a_month():
    found = _people(
        "Secretary Blinken and Defense Secretary Austin met with Secretary of Agriculture and "
        "Rural Development Julio Berdegué in Austin."
    )
    assert {n: m.title for n, m in found.items()} == {
        "Blinken": "Secretary",
        "Austin": "Defense Secretary",
        "Julio Berdegué": "Secretary of Agriculture and Rural Development",
    }


def test_a_delegation_list_runs_past_a_stray_comma_full_stop_and_titles_hold_at_the():
    found = _people(
        "The Mexican delegation included Head of National Commission Against Addictions Arlo "
        "Pennick, Chief Officer for North America at the Foreign Ministry Tomas Reyle,. and "
        "Mexican Ambassador to the United States Ines Varga."
    )
    got = {n: (m.title, m.country, m.attended) for n, m in found.items()}
    assert got == {
        "Arlo Pennick": ("Head of National Commission Against Addictions", "MX", True),
        "Tomas Reyle": ("Chief Officer for North America at the Foreign Ministry", "MX", True),
        "Ines Varga": ("Mexican Ambassador to the United States", "MX", True),
    }


def test_the_second_of_two_appositions_joined_by_comma_and_has_its_own_title():
    found = _people(
        "The meeting, chaired by Arlo Pennick, U.S. Senior Advisor for Energy Security, and Ines "
        "Varga, Head of Cabinet of the European Commission President, reviewed progress."
    )
    got = {n: (m.title, m.country) for n, m in found.items()}
    assert got == {
        "Arlo Pennick": ("U.S. Senior Advisor for Energy Security", "US"),
        "Ines Varga": ("Head of Cabinet of the European Commission President", "EU"),
    }


def test_a_country_named_like_a_us_state_after_a_national_office_and_an_organisation_s_lab():
    found = _people(
        "Secretary Hollis Brandt met today with President Mara Quint of Georgia, Governor Tomas "
        "Reyle of Georgia and IDB Lab Chief Executive Officer Ines Varga."
    )
    got = {n: (m.title, m.country) for n, m in found.items()}
    assert got["Mara Quint"] == ("President", "GE")
    assert got["Tomas Reyle"][1] != "GE"
    assert got["Ines Varga"] == ("IDB Lab Chief Executive Officer", "IDB")


def test_a_call_with_a_long_phrase_before_with_and_the_other_side_s_paired_holder():
    found = _people(
        "President Hollis Brandt spoke today on the margins of the NATO Summit with National "
        "Security Advisor Mara Quint of Norway. Mr. Brandt and Ms. Quint reaffirmed President "
        "Brandt and President Tomas Reyle’s commitment to the partnership. They discussed "
        "President Ines Varga’s war."
    )
    got = {n: (m.country, m.attended) for n, m in found.items()}
    assert got["Mara Quint"] == ("NO", True)
    assert got["Tomas Reyle"] == ("NO", False)  # paired with the publisher's President
    assert got["Ines Varga"][0] != "NO"  # named alone: no side to take


def test_the_words_ending_a_domestic_agency_s_title_are_no_person():
    found = _people(
        "Participating were Chair of the White House Council on Environmental Quality Mara "
        "Quint, Comptroller of the Currency Tomas Reyle, Senior Advisor for Clean Energy "
        "Innovation and Implementation Ines Varga, Director of the National Hurricane Center "
        "Otto Brill, Senior Advisor for Inflation Reduction Act Lena Marsh, and Ranking Member "
        "Ruth Kell."
    )
    assert {n: m.title for n, m in found.items()} == {
        "Mara Quint": "Chair of the White House Council on Environmental Quality",
        "Tomas Reyle": "Comptroller of the Currency",
        "Ines Varga": "Senior Advisor for Clean Energy Innovation and Implementation",
        "Otto Brill": "Director of the National Hurricane Center",
        "Lena Marsh": "Senior Advisor for Inflation Reduction Act",
        "Ruth Kell": "Ranking Member",
    }
    assert not _people("He thanked the Comptroller of the Currency and the Counselor for Equity.")


def test_a_prime_minister_is_of_the_one_foreign_country_a_call_readout_names():
    found = _people(
        "President Hollis Brandt spoke by telephone with Prime Minister Pennick. The two leaders "
        "discussed the situation. He made clear the need for Norway to act."
    )
    assert found["Pennick"].country == "NO"
    found = _people(
        "President Hollis Brandt spoke with President Mara Quint of Norway. They discussed "
        "Prime Minister Pennick’s proposal."
    )
    assert found["Pennick"].country != "NO"


def test_an_unknown_word_inside_a_title_is_no_person():
    found = _people("- Ken Reyle, Chief Operating Officer, Arizona Commerce Authority\n")
    assert set(found) == {"Ken Reyle"}


def test_a_plural_title_reaches_its_names_across_whose_body_they_serve_in():
    found = _people(
        "The delegation included Senior Directors on President Hollis Brandt’s National "
        "Security Council Mara Quint and Tomas Reyle."
    )
    got = {n: (m.title, m.country) for n, m in found.items()}
    assert got["Hollis Brandt"][0] == "President"
    assert got["Mara Quint"] == ("Senior Director", "US")
    assert got["Tomas Reyle"] == ("Senior Director", "US")


def test_an_organisation_known_by_initials_before_an_officer_s_title_is_private():
    found = _people(
        "The President met with ABC-XYZ President Arlo Pennick, QRSU International President "
        "Mara Quint, OMB Director Tomas Reyle, UNICEF Executive Director Ines Varga and CBC "
        "Chair Otto Brill."
    )
    assert set(found) == {"Tomas Reyle", "Ines Varga", "Otto Brill"}
    assert found["Tomas Reyle"].country == "US" and found["Ines Varga"].country == "UN"


def test_a_private_participant_s_apposition_ends_where_the_next_person_begins():
    found = _people(
        "The President met with Arlo Pennick, President of the Urban Progress League, and Mara "
        "Quint, Secretary of Labor, today."
    )
    assert {n: m.title for n, m in found.items()} == {"Mara Quint": "Secretary of Labor"}


def test_a_list_of_who_was_there_under_any_included_heading():
    found = _people(
        "Senior officials met with state legislative leaders today.\n\n"
        "State legislative leaders included:\n\n"
        "- California Assemblymember Mara Quint\n"
        "- Oregon House Majority Leader Tomas Reyle\n\n"
        "Speakers at the convening included:\n\n"
        "- Ines Varga, Coalition to Expand Access\n"
        "- Otto Brill, Chancellor, University of Somewhere\n"
    )
    got = {n: (m.title, m.attended) for n, m in found.items()}
    assert got == {
        "Mara Quint": ("California Assemblymember", True),
        # The state kept in the title, as California's (Oregon is a known state since session 14).
        "Tomas Reyle": ("Oregon House Majority Leader", True),
    }


def test_someone_of_an_association_is_private_and_a_possessive_country_name_is_one_phrase():
    found = _people(
        "Secretary Hollis Brandt heard from veteran organizations, including Mara Quint of the "
        "American Veterans League. President Biden met with President Tomas Reyle of the "
        "People’s Republic of China and Prime Minister Ines Varga of Japan."
    )
    got = {n: (m.country, m.attended) for n, m in found.items()}
    assert "Mara Quint" not in got
    assert got["Tomas Reyle"] == ("CN", True) and got["Ines Varga"] == ("JP", True)


def test_what_follows_a_possessive_title_is_the_holder_s_not_a_person():
    found = _people(
        "Secretary Hollis Brandt discussed the President’s American Jobs Plan with the "
        "Minister’s Chief of Staff Mara Quint."
    )
    assert set(found) == {"Hollis Brandt", "Mara Quint"}


def test_names_that_are_not_people_and_people_the_old_rules_missed():
    found = _people(
        "The Joint Working Group for Digital Resilience met on May 3.\n\n"
        "Grants announced by the Department can be found online.\n\n"
        "Secretary Hollis Brandt and Western Hemisphere Bureau Official Tomas Reyle discussed "
        "the recent summit between Russian President Arkady Volkov and DPRK leader Kim."
    )
    assert set(found) == {"Hollis Brandt", "Tomas Reyle", "Arkady Volkov", "Kim"}
    assert found["Kim"].title == "DPRK leader"


def test_a_cyrillic_look_alike_in_a_title_is_the_body_s_name():
    from statements.ingest.people import latin_lookalikes, officials_in_title

    assert latin_lookalikes("Niinist\u04e7 of Finland, Путин") == "Niinistö of Finland, Путин"
    body = find_officials("President Sauli Niinistö met President Dana Whitcombe today.")
    title = "Readout of President Whitcombe’s Meeting with President Niinist\u04e7 of Finland"
    assert officials_in_title(title, body, publisher_country="US") == []


def test_a_plural_title_before_a_list_gives_each_person_the_singular():
    found = _people(
        "Secretary Hollis Brandt met with his foreign minister counterparts Arlo Pennick of "
        "Norway, Tomas Reyle of Denmark, and Ines Varga of Hungary. Also present were White House "
        "Senior Directors Mara Quint and Lena Marsh. He later met the Deputy National Security "
        "Advisors: Otto Brill of France and Ruth Kell of Italy."
    )
    got = {n: (m.title, m.country) for n, m in found.items()}
    assert got == {
        "Hollis Brandt": ("Secretary", "US"),
        "Arlo Pennick": ("foreign minister", "NO"),
        "Tomas Reyle": ("foreign minister", "DK"),
        "Ines Varga": ("foreign minister", "HU"),
        "Mara Quint": ("White House Senior Director", "US"),
        "Lena Marsh": ("White House Senior Director", "US"),
        "Otto Brill": ("Deputy National Security Advisor", "FR"),
        "Ruth Kell": ("Deputy National Security Advisor", "IT"),
    }


def test_a_country_goes_forward_in_a_list_and_an_organisation_before_a_comma_is_not_a_title():
    found = _people(
        "The working group was co-chaired by Assistant Secretary Lena Marsh and Deputy Minister "
        "Ruth Kell of Canada. Secretary Hollis Brandt met with Mexican President Arlo Pennick, "
        "Jr. and Foreign Secretary Tomas Reyle. The Department of Commerce, Secretary Mara Quint "
        "said, will lead. Vice President Ines Varga met with President Otto Brill, Jr. of the "
        "Philippines and with Korean Foreign Minister Park Min-ji."
    )
    got = {n: (m.title, m.country) for n, m in found.items()}
    assert got["Lena Marsh"] == ("Assistant Secretary", "US")
    assert got["Ruth Kell"] == ("Deputy Minister", "CA")
    assert got["Tomas Reyle"] == ("Foreign Secretary", "MX")
    assert got["Mara Quint"] == ("Secretary", "US")
    assert got["Otto Brill"] == ("President", "PH")
    assert got["Park Min-ji"] == ("Korean Foreign Minister", "KR")


def test_heads_of_delegation_in_a_working_group_attended_with_their_delegations_country():
    found = _people(
        "Today, President Dana Whitcombe convened the third meeting of the Trilateral Working "
        "Group. The U.S. delegation was led by Deputy Secretary Hollis Brandt; the Canadian "
        "delegation by Deputy Minister Ruth Kell; and the Mexican delegation by Undersecretary "
        "Tomas Reyle. The Vice President thanked opposition leader Ana Ruiz."
    )
    got = {n: (m.country, m.attended) for n, m in found.items()}
    assert got == {
        "Dana Whitcombe": ("US", True),
        "Hollis Brandt": ("US", True),
        "Ruth Kell": ("CA", True),
        "Tomas Reyle": ("MX", True),
        "Ana Ruiz": ("", False),  # a party's leader is of no government
    }


def test_ones_own_meeting_after_following_is_still_this_meeting():
    found = _people(
        "Following his meeting with President Arlo Pennick today, Secretary Hollis Brandt "
        "announced new aid."
    )
    assert found["Arlo Pennick"].attended


def test_the_one_on_whose_behalf_a_delegation_went_did_not_attend():
    found = _people(
        "On behalf of President Dana Whitcombe, First Lady Ines Varga led the Presidential "
        "Delegation to the inauguration. The delegation included Senator Karl Weiss."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Dana Whitcombe": False,
        "Ines Varga": True,
        "Karl Weiss": True,
    }


# --- Session 12, second round: domestic convenings, councils and briefings ---


def test_speakers_behind_unpaired_bold_markers_attended():
    found = _people(
        "Today, Climate Advisor Dana Whitcombe convened the task force.\n\n"
        "- **Interior Deputy Secretary Hollis Brandt **noted that drought is spreading.\n"
        "- Secretary of Labor Ruth Kell and **Housing Administrator Tomas Reyle** discussed "
        "the new rules."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Dana Whitcombe": True,
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": True,
    }


def test_those_who_gave_an_update_briefed_or_stopped_by_attended():
    found = _people(
        "Today the council met. Secretary of Energy Hollis Brandt and Agriculture Secretary "
        "Ruth Kell provided an update on the drought. During the meeting, President Dana "
        "Whitcombe stopped by to thank the group. The President was briefed by Secretary of "
        "Homeland Security Tomas Reyle; Chief of the Forest Service Ines Varga; and Assistant "
        "Director for Fire and Aviation from the National Interagency Fire Center Karl Weiss."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Dana Whitcombe": True,
        "Tomas Reyle": True,
        "Ines Varga": True,
        "Karl Weiss": True,
    }
    assert found["Karl Weiss"].title == (
        "Assistant Director for Fire and Aviation from the National Interagency Fire Center"
    )


def test_unnamed_colleagues_between_the_named_subjects_and_their_verb():
    found = _people(
        "Today, Hollis Brandt, Senior Advisor to the President, and White House officials from "
        "the Domestic Policy Council convened state legislators. On Monday, Response "
        "Coordinator Ruth Kell and federal public health officials met with nurses."
    )
    assert found["Hollis Brandt"].attended
    assert found["Ruth Kell"].attended


def test_a_semicolon_list_of_appositions_after_hosted_all_attended():
    found = _people(
        "Director Dana Whitcombe hosted Hollis Brandt, Deputy Secretary, Department of "
        "Commerce; Ruth Kell, Deputy National Security Advisor for Cyber & Emerging "
        "Technology, National Security Council; General Tomas Reyle, Vice Chief of Space "
        "Operations, United States Space Force; and other senior officials."
    )
    assert all(m.attended for m in found.values()), found
    assert found["Tomas Reyle"].title.startswith("Vice Chief of Space Operations")
    assert "Emerging Technology" in found["Ruth Kell"].title


def test_a_participants_heading_without_a_colon_or_behind_html():
    found = _people(
        "The Office of Public Engagement hosted business leaders today.\n\n"
        "<u>Administration Participants</u>\n\n"
        "- Hollis Brandt, Executive Director, White House Initiative on Asian Americans, "
        "Native Hawaiians, and Pacific Islanders\n\n"
        "- Ruth Kell, Senior Advisor to the Administrator, Small Business Administration\n\n"
        "**Public Speaking Participants **\n\n"
        "- State Senator Tomas Reyle, Iowa State Senate Minority Leader\n"
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": True,
    }  # "Pacific Islanders" is the initiative's, no person
    assert found["Tomas Reyle"].title == "Iowa State Senate Minority Leader"


def test_unknown_words_inside_a_body_s_name_and_bodies_ending_on_a_plural():
    found = _people(
        "In-person participants in today's meeting included:\n\n"
        "- Chair of the Surface Transportation Board Hollis Brandt\n\n"
        "- Assistant to the President and Chair of the Council of Economic Advisors Ruth Kell\n\n"
        "- Senate Judiciary Chair Tomas Reyle\n"
    )
    assert found["Hollis Brandt"].title == "Chair of the Surface Transportation Board"
    assert found["Ruth Kell"].title.endswith("Chair of the Council of Economic Advisors")
    assert found["Tomas Reyle"].title == "Senate Judiciary Chair"


def test_domestic_offices_and_bracketed_acronyms_inside_titles():
    found = _people(
        "Second Gentleman Hollis Brandt and U.S. Surgeon General Dr. Ruth Kell met with "
        "Council of Economic Advisers (CEA) Member Tomas Reyle.\n\nAttendees included:\n\n"
        "- Ines Varga, Public Engagement Analyst, White House\n\n"
        "- Karl Weiss, Outreach Lead for the Credit Initiative, Department of the Treasury\n"
    )
    assert found["Hollis Brandt"].title == "Second Gentleman"
    assert found["Ruth Kell"].title == "U.S. Surgeon General"
    assert found["Tomas Reyle"].title == "Council of Economic Advisers Member"
    assert found["Ines Varga"].attended and found["Karl Weiss"].attended


def test_the_time_opening_the_first_sentence_dates_the_reported_meeting():
    found = _people(
        "Last week, Council Member Hollis Brandt, Chief Economist Ruth Kell, and other "
        "officials from across the Administration participated in a workshop. Secretary "
        "Tomas Reyle met with the group last month."
    )
    assert found["Hollis Brandt"].attended and found["Ruth Kell"].attended
    assert not found["Tomas Reyle"].attended  # another meeting, in a later sentence


def test_no_person_of_a_country_in_a_title_cased_headline():
    found = _people(
        "*Administration Mounts Response to Address Extreme Heat Impacting Nearly Half of "
        "U.S. and Boosting Climate Resilience*\n\nToday, Climate Advisor Hollis Brandt "
        "convened the task force."
    )
    assert set(found) == {"Hollis Brandt"}


def test_someone_known_only_by_the_government_body_they_serve_in_is_an_official():
    found = _people(
        "Today the White House convened a listening session.\n\n"
        "Participants included:\n\n"
        "- Hollis Brandt, Office of Management and Budget\n\n"
        "- Ruth Kell, American Farm Bureau Federation\n\n"
        "Also joining were Tomas Reyle of the Department of the Treasury and Ines Varga of "
        "the National Academies.\n\n"
        "Ex-officio members of the panel from across the Administration include:\n\n"
        "Dana Whitcombe, Council of Economic Advisers Karl Weiss, U.S. Department of Energy"
    )
    got = {n: (m.country, m.attended, m.title) for n, m in found.items()}
    assert got == {
        "Hollis Brandt": ("US", True, ""),
        "Tomas Reyle": ("US", True, ""),
        "Dana Whitcombe": ("US", False, ""),
        "Karl Weiss": ("US", False, ""),  # no "Economic Adviser": the Council's name ends so
    }  # the Farm Bureau Federation and the Academies are no government's


def test_speakers_heard_from_at_a_forum_and_bodies_of_the_first_peoples():
    found = _people(
        "Youth participants heard directly from Substance Abuse and Mental Health Services "
        "Administration Deputy Assistant Secretary Hollis Brandt, Administration for Native "
        "Americans Deputy Commissioner Ruth Kell, and Assistant Secretary for Indian Affairs "
        "Tomas Reyle."
    )
    got = {n: (m.country, m.attended, m.title) for n, m in found.items()}
    assert got == {
        "Hollis Brandt": (
            "US",
            True,
            "Substance Abuse and Mental Health Services Administration Deputy Assistant Secretary",
        ),
        "Ruth Kell": ("US", True, "Administration for Native Americans Deputy Commissioner"),
        "Tomas Reyle": ("US", True, "Assistant Secretary for Indian Affairs"),
    }


def test_an_officer_title_after_an_organisation_s_unknown_name_is_private():
    found = _people(
        "Senior Advisor Hollis Brandt hosted the convening. Groundswell CEO Ruth Kell, Solarix "
        "Executive Director Tomas Reyle and Navajo Nation President Ines Varga shared stories."
    )
    assert set(found) == {"Hollis Brandt", "Ines Varga"}


def test_a_rank_after_an_office_is_not_part_of_the_title():
    found = _people(
        "They were joined by Assistant Secretary for Health Admiral Hollis Brandt, Surgeon "
        "General Ruth Kell and Inspector General Tomas Reyle."
    )
    assert {n: m.title for n, m in found.items()} == {
        "Hollis Brandt": "Assistant Secretary for Health",
        "Ruth Kell": "Surgeon General",
        "Tomas Reyle": "Inspector General",
    }


def test_office_abbreviations_are_titles_and_attending_were_lists_who_was_there():
    found = _people(
        "Attending were Rep. Hollis Brandt (D-CA), Sen. Ruth Kell (R-TX) and Gov. Tomas Reyle. "
        "The President thanked Ms. Ines Varga, a nurse from Ohio."
    )
    got = {n: (m.title, m.country, m.attended) for n, m in found.items()}
    assert got == {
        "Hollis Brandt": ("Rep.", "US", True),
        "Ruth Kell": ("Sen.", "US", True),
        "Tomas Reyle": ("Gov.", "US", True),
    }


def test_a_title_before_the_next_person_s_name_is_not_an_apposition():
    found = _people(
        "Joining were Karl Weiss, Lieutenant Governor Dana Whitcombe of Ohio and Attorney "
        "General Arlo Pennick."
    )
    assert "Lieutenant Governor" not in (found["Karl Weiss"].title if "Karl Weiss" in found else "")
    assert found["Dana Whitcombe"].title == "Lieutenant Governor"


def test_a_headline_s_verb_after_a_name_is_not_part_of_it():
    found = _people("Statement from National Security Advisor Hollis Brandt Welcoming the Accord")
    assert list(found) == ["Hollis Brandt"]


def test_one_test_of_a_government_for_affiliations_and_appositions():
    # `_names_a_government` alone says whose body it is: any government body word (here a
    # Commission, which the old affiliation pattern lacked) unless a private body's word or a
    # national association's council ("American Council on …") is in the name.
    found = _people(
        "Today the White House convened a listening session.\n\n"
        "Participants included:\n\n"
        "- Hollis Brandt, Federal Maritime Commission\n\n"
        "- Ruth Kell, National Council for Rural Women\n\n"
        "- Tomas Reyle, President, American Council on Learning\n\n"
        "- Ines Varga, Hospital Council of Norland"
    )
    got = {n: (m.country, m.attended) for n, m in found.items()}
    assert got == {"Hollis Brandt": ("US", True)}


def test_a_board_or_bureau_named_by_its_field_is_an_agency():
    found = _people(
        "Participants included:\n\n"
        "- Hollis Brandt, Chair of the Surface Freight Board\n\n"
        "- Ruth Kell, Director of the Consumer Credit Protection Bureau\n\n"
        "- Tomas Reyle, Chair of the Board, Acme Holdings\n\n"
        "- Ines Varga, Executive Director, Washington Bureau"
    )
    assert set(found) == {"Hollis Brandt", "Ruth Kell"}


def test_a_roster_of_linked_names_with_no_heading_took_part():
    found = _people(
        "Yesterday, the White House convened a roundtable on repair.\n\n"
        "A recording can be [found here](https://example.org/v).\n\n"
        "-   [Hollis\n    Brandt](https://example.org/v?t=1), Assistant to the President\n"
        "-   [Ruth Kell](https://example.org/v?t=2),\n    Colorado State Representative (HD-7)\n"
        "-   [Tomas Reyle](https://example.org/v?t=3), Deputy Administrator of the "
        "Environmental Protection Agency\n"
        "-   [Dana Whitcombe](https://example.org/v?t=4),\n"
        "    District 1 Director for the Rocky Mountain Growers Union\n"
    )
    got = {n: (m.attended, m.title) for n, m in found.items()}
    assert got == {
        "Hollis Brandt": (True, "Assistant to the President"),
        "Ruth Kell": (True, "Colorado State Representative (HD-7)"),
        "Tomas Reyle": (True, "Deputy Administrator of the Environmental Protection Agency"),
    }


def test_a_roster_under_any_heading_took_part_one_person_an_item():
    found = _people(
        "Vice President Dana Whitcombe convened state legislators and advocates.\n\n"
        "**Speakers:**\n\n"
        "-   Governor Hollis Brandt, Norland Governor\n"
        "-   Rep. Ruth Kell, State Representative\n"
        "-   Sen. Tomas Reyle, State Senator\n"
        "-   Ines Varga, President, International\n"
        "    Association of Millers and Aerospace Workers (IAMAW)\n"
    )
    assert {n for n, m in found.items() if m.attended} == {
        "Dana Whitcombe", "Hollis Brandt", "Ruth Kell", "Tomas Reyle",
    }  # fmt: skip
    assert "Aerospace Workers" not in found


def test_a_short_family_name_and_a_country_s_body_in_a_title():
    found = _people(
        "Participants included:\n\n"
        "-   Julia Su, Acting Secretary of Labor\n"
        "-   Kathe Vidor, Director of the U.S. Patent and Trademark Office\n"
    )
    got = {n: m.title for n, m in found.items()}
    assert got == {
        "Julia Su": "Acting Secretary of Labor",
        "Kathe Vidor": "Director of the U.S. Patent and Trademark Office",
    }


def test_officials_alongside_others_share_the_meeting_verb():
    found = _people(
        "Today, Director of the Gender Policy Council Hollis Brandt, and Deputy Chief of Staff "
        "Ruth Kell, alongside Solicitor of Labor Tomas Reyle, met with construction "
        "contractors and labor unions."
    )
    assert {n for n, m in found.items() if m.attended} == {
        "Hollis Brandt", "Ruth Kell", "Tomas Reyle",
    }  # fmt: skip


def test_an_apposition_ends_at_the_comma_before_the_next_person_s_title():
    found = _people(
        "Today, Hollis Brandt, Senior Advisor to the President and Director of the White House "
        "Office of Intergovernmental Affairs, Ambassador Ruth Kell, Domestic Policy Advisor, "
        "convened state legislators."
    )
    got = {n: (m.attended, m.title) for n, m in found.items()}
    assert got["Hollis Brandt"] == (
        True,
        "Senior Advisor to the President and Director of the White House Office of "
        "Intergovernmental Affairs",
    )
    assert got["Ruth Kell"][0]


def test_a_heading_that_says_who_spoke_opens_a_list_of_participants():
    found = _people(
        "Today, Vice President Dana Whitcombe convened a summit.\n\n"
        "The following state legislators delivered remarks as part of the\nconvening:\n\n"
        "-   Senate Minority Leader Hollis Brandt (R)\n"
        "-   State Senator Ruth Kell (D)\n\n"
        "Governor Tomas Reyle announced a plan last year.\n"
    )
    got = {n: m.attended for n, m in found.items()}
    assert got == {
        "Dana Whitcombe": True,
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": False,
    }


def test_those_who_ran_or_spoke_at_the_meeting_attended():
    # Session 14: roles at the table beyond "met", "spoke with" and "discussed".
    found = _people(
        "Today, the Task Force on Lighthouses held its second meeting. Domestic Policy Advisor "
        "Hollis Brandt moderated the discussion, and Secretary of the Coast Ruth Kell outlined "
        "new grants. Administrator Tomas Reyle closed the meeting with remarks. Senior Advisor "
        "Mara Quist and Director Ilse Varga opened the session. Governor Pell Arnon, Mayor Dov "
        "Stane and Ambassador Lio Marr also took part in the meeting. The meeting was also "
        "attended by Surgeon General Aldo Frey. The Task Force was established by President "
        "Oren Hale in 2021."
    )
    got = {n: m.attended for n, m in found.items()}
    assert got == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": True,
        "Mara Quist": True,
        "Ilse Varga": True,
        "Pell Arnon": True,
        "Dov Stane": True,
        "Lio Marr": True,
        "Aldo Frey": True,
        "Oren Hale": False,
    }


def test_participants_listed_in_a_sentence_of_their_own_attended():
    found = _people(
        "Today, the White House hosted a convening on ferries. Attendees included Governor Pell "
        "Arnon and Mayor Dov Stane. Participants also included Senator Lio Marr."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Pell Arnon": True,
        "Dov Stane": True,
        "Lio Marr": True,
    }


def test_a_second_verb_of_the_subject_does_not_make_its_object_a_participant():
    # "… of X and Y and reiterated …": the President reiterated, not X and Y; and a plural
    # noun opening a sentence ("Participants highlighted …") names no one.
    found = _people(
        "President Oren Hale spoke today with Prime Minister Ruth Kell. The President condemned "
        "the detention of Tomas Reyle and Mara Quist and reiterated his support. Participants "
        "highlighted that the ferries matter."
    )
    got = {n: m.attended for n, m in found.items()}
    assert got["Oren Hale"] and got["Ruth Kell"]
    assert not got.get("Mara Quist") and not got.get("Tomas Reyle")
    assert "Participants" not in got


def test_a_sentence_that_recalls_or_announces_another_meeting_reports_no_attendance():
    found = _people(
        "Secretary Hollis Brandt met with Foreign Minister Ruth Kell today. They discussed the "
        "upcoming visit of President Tomas Reyle to Washington. They also reviewed the outcomes "
        "of the meeting President Oren Hale held with President Reyle in Rome. The two recalled "
        "their meeting at the Summit of the Lakes, where Secretary Brandt also met with Prime "
        "Minister Mara Quist."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": False,
        "Oren Hale": False,
        "Mara Quist": False,
    }


def test_the_lead_sentence_that_recalls_a_meeting_still_reports_its_own():
    found = _people(
        "Recalling their meeting in Rome, President Oren Hale spoke with Prime Minister Ruth "
        "Kell to discuss the upcoming visit of Secretary Hollis Brandt."
    )
    assert found["Oren Hale"].attended and found["Ruth Kell"].attended


def test_firms_and_states_that_act_in_a_sentence_are_not_people():
    found = _people(
        "Secretary Hollis Brandt hosted a roundtable today. Quill Semiconductor and Arden "
        "Construction joined the pledge, and Marlow Technologies announced new jobs. A farmer "
        "from Iowa and a shop owner from Minnesota explained how the law will help. Governor "
        "Ruth Kell of Ohio spoke about her state."
    )
    assert {n: m.attended for n, m in found.items()} == {"Hollis Brandt": True, "Ruth Kell": True}
    assert found["Ruth Kell"].country == "US"


def test_a_spouse_is_not_merged_with_the_leader_of_the_same_family_name():
    found = _people(
        "President Hale met with Prime Minister Ruth Kell at the White House today. First "
        "Lady Ana Hale also joined."
    )
    assert {n: (m.title, m.attended) for n, m in found.items()} == {
        "Hale": ("President", True),
        "Ruth Kell": ("Prime Minister", True),
        "Ana Hale": ("First Lady", True),
    }


def test_what_was_said_counts_as_taking_part_only_where_a_meeting_is_reported():
    # A joint statement (no meeting) and a eulogy: those who "reaffirmed" or "outlined" were
    # not at a table the document reports.
    statement = _people(
        "Secretary Hollis Brandt and Minister Ruth Kell of Borduria reaffirmed today the "
        "partnership between the two countries. Secretary Brandt and Minister Kell outlined a "
        "work plan for the coming year."
    )
    assert not any(m.attended for m in statement.values())
    eulogy = _people(
        "We mourn Prime Minister Tomas Reyle. Prime Minister Reyle reaffirmed, time and again, "
        "the friendship between our nations."
    )
    assert not eulogy["Tomas Reyle"].attended


def test_a_title_does_not_run_back_over_the_previous_person():
    found = _people(
        "He was joined by Secretary of State Hollis Brandt and National Security Advisor Ruth "
        "Kell, and by Assistant Director for Fire and Aviation Tomas Reyle."
    )
    assert {n: m.title for n, m in found.items()} == {
        "Hollis Brandt": "Secretary of State",
        "Ruth Kell": "National Security Advisor",
        "Tomas Reyle": "Assistant Director for Fire and Aviation",
    }


def test_an_opening_phrase_or_a_passive_verb_names_who_was_at_the_meeting():
    call = _people(
        "In a call today, President Oren Hale and Prime Minister Ruth Kell reviewed "
        "preparations for the summit."
    )
    assert all(m.attended for m in call.values()) and len(call) == 2
    visit = _people(
        "Secretary Hollis Brandt traveled to Lakeport, where she was received by President Lio "
        "Marr. Prime Minister Dov Stane and President Tomas Reyle addressed the summit. The "
        "summit in Lakeport last year was addressed by Prime Minister Ines Varga."
    )
    assert {n: m.attended for n, m in visit.items()} == {
        "Hollis Brandt": True,
        "Lio Marr": True,
        "Dov Stane": True,
        "Tomas Reyle": True,
        "Ines Varga": False,
    }


def test_officers_of_a_private_body_named_after_them_are_not_officials():
    found = _people(
        "Today, Senior Advisor Hollis Brandt met with local leaders. Participants included "
        "Police Chief Ruth Kell of Lakeport, Sheriff Tomas Reyle of Pine County, Executive "
        "Director Ines Varga of the Urban Peace Foundation, and President Mara Quist of Lakeside "
        "University."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": True,
    }


def test_the_host_thanked_for_hospitality_was_there():
    found = _people(
        "Today, President Oren Hale met with leaders of the Lake Forum in Lakeport. The "
        "President thanked Prime Minister Ruth Kell for her hospitality and Chancellor Tomas "
        "Reyle for his leadership. He thanked President Mara Quist for hosting the summit and "
        "Governor Ines Varga for hosting refugees."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Oren Hale": True,
        "Ruth Kell": True,
        "Tomas Reyle": False,
        "Mara Quist": True,
        "Ines Varga": False,
    }


def test_a_firms_officer_is_not_an_official_but_a_state_corporations_is():
    found = _people(
        "Secretary Hollis Brandt met with CEO Jane Doe of Quillmark, Founder Ana Ruiz, and CEO "
        "Ruth Kell of the Millennium Challenge Corporation. She also met with Executive "
        "Director Mara Quist of the National Cancer Institute."
    )
    assert set(found) == {"Hollis Brandt", "Ruth Kell", "Mara Quist"}


def test_a_law_dated_in_passing_does_not_date_the_meeting():
    found = _people(
        "Today, Domestic Policy Advisor Hollis Brandt convened health advocates. Representative "
        "Ruth Kell spoke about the Lighthouse Act she introduced last year, and Senator Tomas "
        "Reyle discussed the Ferry Act, signed in 2022. Senator Mara Quist met with advocates in "
        "2021."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": True,
        "Mara Quist": False,
    }


def _extracted(body, title="Readout of a Call"):
    from statements.ingest.documents import parse_document
    from statements.ingest.pipeline import extract

    text = f"---\ntitle: \"{title}\"\ndate: '2024-03-05'\n---\n\n{body}\n"
    return {m.name: m for m in extract(parse_document(text, "x.md")).officials}


def test_the_person_a_readout_is_attributed_to_is_mentioned_not_a_participant():
    found = _extracted(
        "The below is attributable to Spokesperson Ines Varga:\n\n"
        "Secretary of State Hollis Brandt spoke today with Norland Foreign Minister Ruth Kell."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Ines Varga": False,
    }
    assert found["Ines Varga"].country == "US"
    assert found["Ines Varga"].title == "Spokesperson"
    stated = _extracted(
        "As stated by Principal Deputy Spokesperson Mara Quist:\n\n"
        "Secretary of State Hollis Brandt met today with Foreign Minister Ruth Kell."
    )
    assert stated["Mara Quist"].attended is False
    assert stated["Mara Quist"].title == "Principal Deputy Spokesperson"
    # A spokesperson who speaks inside the text is found there, once, as before.
    inside = _extracted(
        "Secretary of State Hollis Brandt met today with Foreign Minister Ruth Kell. "
        "Spokesperson Ines Varga said the talks were productive."
    )
    assert set(inside) == {"Hollis Brandt", "Ruth Kell", "Ines Varga"}


def test_who_provided_the_following_readout_wrote_it_and_ranks_are_not_titles():
    found = _people(
        "Pentagon Press Secretary Brig. Gen. Hollis Brandt provided the following readout:\n\n"
        "Secretary of Defense Ruth Kell met today with Minister of Defence Tomas Reyle of "
        "Norland at the Pentagon."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": False,
        "Ruth Kell": True,
        "Tomas Reyle": True,
    }
    assert found["Hollis Brandt"].title == "Pentagon Press Secretary"
    # An update given at the meeting still places its giver there.
    update = _people(
        "Secretary of Defense Ruth Kell met today with Minister Tomas Reyle. Press Secretary "
        "Maj. Gen. Hollis Brandt provided an update on the exercises."
    )
    assert update["Hollis Brandt"].attended is True
    assert update["Hollis Brandt"].title == "Press Secretary"


def test_a_counterpart_named_after_his_title_and_a_comma_was_met():
    found = _people(
        "Secretary of Defense Hollis Brandt met today with his Norland counterpart, Minister of "
        "Defence, Ruth Kell, on the margins of the ministerial in London."
    )
    assert {n: m.attended for n, m in found.items()} == {"Hollis Brandt": True, "Ruth Kell": True}
    assert found["Ruth Kell"].title == "Minister of Defence"
    # A counterpart only spoken of, in a sentence that reports no meeting with him, is not.
    spoken = _people(
        "Secretary of Defense Hollis Brandt met today with President Oren Hale. She praised "
        "her counterpart, Minister of Defence Ruth Kell, for his leadership."
    )
    assert spoken["Ruth Kell"].attended is False


def test_a_telephone_talk_held_with_someone_is_a_call_with_them():
    found = _people(
        "On May 3, Mr. Hollis Brandt, Minister for Foreign Affairs, held a Norland-U.S. Foreign "
        "Ministers' Telephone Talk with the Honorable Ruth Kell, Secretary of State of the "
        "United States of America. Minister Brandt recalled his meeting with President Oren "
        "Hale last year."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Oren Hale": False,
    }


def test_the_title_before_and_the_honorable_belongs_to_the_first_person():
    found = _people(
        "On May 3, Mr. Hollis Brandt, Minister of Foreign Affairs of Japan, and The Honorable "
        "Ruth Kell, Secretary of State of the United States of America, held a telephone talk."
    )
    assert found["Hollis Brandt"].title == "Minister of Foreign Affairs of Japan"
    assert found["Ruth Kell"].title == "Secretary of State of the United States of America"
    assert found["Ruth Kell"].country == "US"
    # An "and" inside one title, with no honorific after it, still joins the title.
    joint = _people("Minister of Foreign and European Affairs Tomas Reyle met Ruth Kell.")
    assert joint["Tomas Reyle"].title == "Minister of Foreign and European Affairs"


def test_a_country_in_another_persons_title_is_not_given_to_a_title_without_one():
    found = _people(
        "Minister for Foreign Affairs Hollis Brandt held telephone talks with U.S. Secretary "
        "of State Ruth Kell.",
        publisher="",
    )
    assert found["Ruth Kell"].country == "US"
    assert found["Hollis Brandt"].country == ""
    # The sentence's one foreign country, in no one's title, is still the official's.
    alone = _people("President Oren Hale met with Prime Minister Ines Varga in Tokyo, Japan.")
    assert alone["Ines Varga"].country == "JP"


def test_a_meeting_another_person_held_on_another_day_is_built_on_not_attended():
    found = _people(
        "Secretary of State Hollis Brandt met today with Foreign Minister Ruth Kell of Japan in "
        "Bali. Building on the President's June 29 trilateral meeting with President Oren Hale "
        "of the Republic of Korea, Secretary Brandt and the Foreign Minister discussed "
        "cooperation."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Oren Hale": False,
    }
    # The readout's own meeting, after a phrase about an earlier one, is still attended.
    own = _people(
        "Building on last month's dialogue, Secretary of State Hollis Brandt met today with "
        "Foreign Minister Ruth Kell of Japan."
    )
    assert own["Ruth Kell"].attended is True


def test_a_ministerial_with_named_ministers_is_a_meeting_with_them():
    found = _people(
        "Secretary of State Hollis Brandt participated in a trilateral ministerial with Foreign "
        "Minister Ruth Kell of Japan and Foreign Minister Tomas Reyle of Korea today in New York."
    )
    assert all(m.attended for m in found.values()) and len(found) == 3
    # Someone else's ministerial, ahead of which this meeting took place, is not.
    ahead = _people(
        "Secretary of State Hollis Brandt met today with Foreign Minister Ruth Kell, ahead of "
        "the President's trilateral with Prime Minister Tomas Reyle next week."
    )
    assert ahead["Tomas Reyle"].attended is False


def test_a_legislators_party_and_state_is_not_a_name_and_senators_is_a_plural_title():
    found = _people(
        "WASHINGTON - U.S. Senator Hollis Brandt (D-Conn.) led a delegation of U.S. Senators "
        "Ruth Kell (D-Ga.), Tomas Reyle (R-Md.), and Ines Varga (I-Maine) to Norland."
    )
    assert set(found) == {"Hollis Brandt", "Ruth Kell", "Tomas Reyle", "Ines Varga"}
    assert found["Hollis Brandt"].title == "U.S. Senator"
    assert {found[n].title for n in ("Ruth Kell", "Tomas Reyle", "Ines Varga")} == {"Senator"}
    # A hyphenated name is still a name; a hyphen between countries still joins a title.
    hyphen = _people(
        "The U.S.-Mexico Dialogue Coordinator Ruth Kell met President Lee Myung-bak of Korea."
    )
    assert set(hyphen) == {"Ruth Kell", "Lee Myung-bak"}
    assert hyphen["Ruth Kell"].title == "U.S.-Mexico Dialogue Coordinator"


def test_an_initial_for_a_given_name_after_a_title_and_a_permanent_secretary():
    found = _people(
        "Secretary Hollis Brandt spoke with Indian Minister of External Affairs Dr. S. "
        "Jaishankar and Danish Acting Permanent Secretary Jesper Moller Sorensen."
    )
    assert {n: (m.country, m.attended) for n, m in found.items()} == {
        "Hollis Brandt": ("US", True),
        "S. Jaishankar": ("IN", True),
        "Jesper Moller Sorensen": ("DK", True),
    }
    assert found["Jesper Moller Sorensen"].title == "Danish Acting Permanent Secretary"
    # An initial with no title or honorific before it opens no name.
    plain = _people("Secretary Hollis Brandt discussed plan B. Kell was not named an official.")
    assert set(plain) == {"Hollis Brandt"}


def test_a_clause_about_an_earlier_meeting_after_since_reports_no_attendance():
    found = _people(
        "Senator Tomas Reyle met with President Ines Varga today. It was the first visit since "
        "President Oren Hale met with Prime Minister Ruth Kell at the White House."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Tomas Reyle": True,
        "Ines Varga": True,
        "Oren Hale": False,
        "Ruth Kell": False,
    }
    # A sentence that opens with the meeting it reports is still read as reporting it.
    opening = _people("After President Oren Hale met with Prime Minister Ruth Kell, they spoke.")
    assert all(m.attended for m in opening.values()) and len(opening) == 2


def test_the_senators_named_before_met_with_the_hosts_and_talks_held_separately():
    found = _people(
        "Senator Hollis Brandt this week led a delegation of Senators Ruth Kell and Tomas Reyle "
        "to Norland. They had met Secretary Mara Quist last year. In Norland, the senators met "
        "with President Ines Varga."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": True,
        "Mara Quist": False,
        "Ines Varga": True,
    }
    # A group only praised in a sentence that reports no meeting places no one at a table.
    praised = _people(
        "Senator Ruth Kell issued a statement. President Oren Hale praised the senators for "
        "their work."
    )
    assert praised["Ruth Kell"].attended is False
    talks = _people(
        "Minister Hollis Brandt held talks separately with Senator Ruth Kell and Senator Tomas "
        "Reyle in Washington."
    )
    assert talks["Ruth Kell"].attended and talks["Tomas Reyle"].attended


def test_a_district_attorney_is_an_official_and_a_private_attorney_is_not():
    found = _people(
        "Vice President Hollis Brandt met today with District Attorney Ruth Kell, U.S. Attorney "
        "Tomas Reyle and civil rights attorney Ines Varga."
    )
    assert {n: (m.title, m.attended) for n, m in found.items()} == {
        "Hollis Brandt": ("Vice President", True),
        "Ruth Kell": ("District Attorney", True),
        "Tomas Reyle": ("U.S. Attorney", True),
    }


def test_the_peoples_bank_is_a_bodys_name_not_an_owner():
    found = _people(
        "Secretary of the Treasury Hollis Brandt met today with People's Bank of China Governor "
        "Ruth Kell in Marrakech."
    )
    assert found["Ruth Kell"].attended is True
    assert found["Ruth Kell"].title == "People's Bank of China Governor"
    assert found["Ruth Kell"].country == "CN"
    # An owner's possessive still owns: "the Governor's adviser" is not the Governor.
    owned = _people(
        "Secretary Hollis Brandt met today with the Governor's Chief of Staff Ruth Kell."
    )
    assert owned["Ruth Kell"].title.endswith("Chief of Staff")


def test_the_host_of_a_summit_on_whose_margins_two_leaders_met_was_not_at_their_meeting():
    margins = _people(
        "President Hollis Brandt met today with Prime Minister Ruth Kell of Japan on the margins "
        "of the G20 Summit hosted by President Tomas Reyle of Brazil."
    )
    assert {n: m.attended for n, m in margins.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": False,
    }
    upcoming = _people(
        "President Hollis Brandt met today with Prime Minister Ruth Kell of Japan. They "
        "discussed the upcoming Summit hosted by President Tomas Reyle of Brazil."
    )
    assert upcoming["Tomas Reyle"].attended is False
    # The host of a summit the document reports taking part in was there.
    summit = _people(
        "Today, President Hollis Brandt participated in the Summit hosted by President Tomas "
        "Reyle of Brazil in Rio."
    )
    assert summit["Tomas Reyle"].attended is True


def test_calling_on_someone_is_a_visit_but_calling_on_them_to_act_is_an_appeal():
    visit = _people(
        "Secretary of State Hollis Brandt and Secretary of Defense Ruth Kell called on the Prime "
        "Minister Tomas Reyle today."
    )
    assert all(m.attended for m in visit.values()) and len(visit) == 3
    appeal = _people(
        "Secretary Ruth Kell met Minister Tomas Reyle today. She called on President Oren Hale "
        "to release the prisoners."
    )
    assert appeal["Oren Hale"].attended is False


def test_a_spokesperson_quoted_speaks_for_others_and_those_present_attended():
    found = _people(
        "Ms. Ruth Kell, Secretary-General of the Lake Forum, called on Foreign Secretary Tomas "
        'Reyle today. Mrs. Ines Varga, Director, was also present at the meeting. "It was a '
        'good meeting," the Ministry Spokesperson Oren Hale tweeted. "We agree," Foreign '
        "Secretary Reyle said."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Ruth Kell": True,
        "Tomas Reyle": True,
        "Ines Varga": True,
        "Oren Hale": False,
    }
    # "was presented with" is no attendance.
    later = _people("Director Ines Varga was presented with an award by the ministers.")
    assert later["Ines Varga"].attended is False


def test_the_title_before_a_comma_and_the_name_in_apposition():
    found = _people(
        "Today, the Prime Minister, Hollis Brandt, spoke with the President of France, Ruth Kell."
    )
    assert found["Hollis Brandt"].title == "Prime Minister"
    assert found["Ruth Kell"].title.startswith("President")
    # A body's name before the comma still gives no title to the name after it.
    body = _people("At the Department of Commerce, Ruth Kell spoke with Secretary Tomas Reyle.")
    assert body.get("Ruth Kell") is None or body["Ruth Kell"].title == ""


def test_a_later_sentence_dated_on_another_calendar_day_reports_another_meeting():
    found = _people(
        "Foreign Secretary Hollis Brandt on Thursday held talks with Congressman Ruth Kell. The "
        "visit came days after Defence Minister Tomas Reyle held a dialogue with Secretary of "
        "Defense Ines Varga on April 11."
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": True,
        "Tomas Reyle": False,
        "Ines Varga": False,
    }
    # A readout dated by its calendar day in the lead keeps a later dated sentence its own.
    dated = _people(
        "On April 11, Foreign Secretary Hollis Brandt held talks with Congressman Ruth Kell. "
        "Defence Minister Tomas Reyle met with Secretary Ines Varga on April 11 as well."
    )
    assert all(m.attended for m in dated.values()) and len(dated) == 4


def test_a_country_that_is_a_topic_of_the_talks_is_no_ones_country():
    found = _people(
        "Foreign Secretary Hollis Brandt called on U.S. Secretary of State Ruth Kell on Thursday "
        "and discussed the situation in Afghanistan.",
        publisher="",
    )
    assert found["Hollis Brandt"].country == ""
    war = _people(
        "Prime Minister Tomas Reyle held a virtual meeting during which the crisis in Ukraine "
        "figured prominently.",
        publisher="",
    )
    assert war["Tomas Reyle"].country == ""
    # A sentence's one country that is no topic is still the official's.
    kept = _people("Prime Minister Tomas Reyle met with Secretary Ruth Kell in Kyiv, Ukraine.")
    assert kept["Tomas Reyle"].country == "UA"


def test_external_affairs_is_indias_foreign_ministry():
    found = _people(
        'External Affairs Minister S. Jaishankar met U.S. Secretary Ruth Kell today. "A good '
        'meeting," the Ministry of External Affairs Spokesperson Oren Hale said.',
        publisher="",
    )
    assert {n: (m.country, m.attended) for n, m in found.items()} == {
        "S. Jaishankar": ("IN", True),
        "Ruth Kell": ("US", True),
        "Oren Hale": ("IN", False),
    }


def test_a_guest_hosted_at_headquarters_by_officials_and_a_present_perfect_meeting():
    found = _people(
        "Ruth Kell, director general of the Norland Foreign Ministry's Americas Department, was "
        "hosted at State Department headquarters by Assistant Secretary of State Tomas Reyle."
    )
    assert {n: m.attended for n, m in found.items()} == {"Ruth Kell": True, "Tomas Reyle": True}
    perfect = _people("Deputy Secretary of State Ines Varga has met health advocates in Delhi.")
    assert perfect["Ines Varga"].attended is True
    # One represented by another at a meeting was not there.
    represented = _people(
        "President Oren Hale was represented by Minister Ruth Kell at the summit."
    )
    assert represented["Oren Hale"].attended is False


def test_a_country_only_named_as_the_topic_gives_no_one_a_country_in_the_document():
    found = _people(
        "Foreign Secretary Hollis Brandt met with a wide spectrum of top officials and reviewed "
        "the situation in Afghanistan.",
        publisher="",
    )
    assert found["Hollis Brandt"].country == ""


def test_a_whole_title_then_a_comma_then_the_name():
    found = _people(
        "She will hold talks with External Affairs Minister, Ruth Kell and National Security "
        'Advisor, Tomas Reyle. "It went well," White House Press Secretary, Oren Hale, told '
        "reporters."
    )
    assert found["Ruth Kell"].title == "External Affairs Minister"
    assert found["Tomas Reyle"].title == "National Security Advisor"
    assert found["Oren Hale"].title == "White House Press Secretary"
    assert found["Oren Hale"].attended is False
    # A place or a body before the comma is no title of the name after it.
    place = _people("In the Department of Commerce, Ruth Kell spoke with Secretary Tomas Reyle.")
    assert place.get("Ruth Kell") is None or place["Ruth Kell"].title == ""


def test_an_apposition_opened_by_the_and_a_counterpart_named_by_nationality():
    found = _people(
        "Foreign Secretary Hollis Brandt met with Ruth Kell, the U.S. Under Secretary of "
        "Defense for Policy. President Oren Hale and his Russian counterpart Tomas Reyle met in "
        "Geneva last month.",
        publisher="",
    )
    assert found["Ruth Kell"].title == "U.S. Under Secretary of Defense for Policy"
    assert found["Tomas Reyle"].country == "RU"
    # "the Secretary's adviser" is someone's adviser, not the Secretary.
    owned = _people("Ines Varga, the Secretary's adviser, met Minister Tomas Reyle.")
    assert "Ines Varga" not in owned or owned["Ines Varga"].title == ""


def test_a_counterpart_named_without_a_title_is_found_and_met():
    found = _people("Secretary Ruth Kell met her Norwegian counterpart Tomas Reyle today.")
    assert {n: (m.attended, m.country) for n, m in found.items()} == {
        "Ruth Kell": (True, "US"),
        "Tomas Reyle": (True, "NO"),
    }
    # A counterpart's office named in lowercase is no name: "her counterpart in Oslo".
    plain = _people("Secretary Ruth Kell spoke with her counterpart in Oslo today.")
    assert set(plain) == {"Ruth Kell"}


def test_a_future_meeting_and_a_lowercase_spokesperson_who_is_only_quoted():
    found = _people(
        "Deputy Secretary Hollis Brandt arrived today. During her visit, she will hold talks "
        'with Foreign Minister Ruth Kell. "A useful visit," the foreign ministry spokesman '
        "Tomas Reyle said after Secretary Brandt met President Oren Hale today.",
        publisher="",
    )
    assert {n: m.attended for n, m in found.items()} == {
        "Hollis Brandt": True,
        "Ruth Kell": False,
        "Tomas Reyle": False,
        "Oren Hale": True,
    }
    assert found["Tomas Reyle"].title.endswith("spokesman")
    # A spokesperson later named by surname alone still speaks for others.
    gibbs = _people(
        'President Hollis Brandt met Prime Minister Ruth Kell today. "Honest talks," White '
        "House Press Secretary, Tomas Reyle, told reporters. Mr. Reyle said they met twice."
    )
    assert gibbs["Tomas Reyle"].attended is False
    # An official who meets, then is quoted, attended.
    quoted = _people('Minister Ruth Kell met President Oren Hale today. "Good," Kell said.')
    assert quoted["Ruth Kell"].attended is True


def test_a_lowercase_office_in_apposition():
    found = _people(
        "The Norland delegation included Ruth Kell, under secretary, Ministry of Commerce, and "
        "Tomas Reyle, joint secretary, Ministry of Defence."
    )
    assert found["Ruth Kell"].title.startswith("under secretary")
    assert found["Tomas Reyle"].title.startswith("joint secretary")
    # A lowercase word that is no rank opens no title: "X, a second cousin".
    cousin = _people("Minister Ruth Kell met Tomas Reyle, second cousin of the Governor.")
    assert "Tomas Reyle" not in cousin or not cousin["Tomas Reyle"].title


def test_the_other_side_of_a_hyphenated_pair_and_a_family_name_in_capitals():
    found = _people(
        "On May 3, Mr. KELL Ruth, Minister for Foreign Affairs, held a Japan-U.S. Foreign "
        "Ministers' Telephone Talk with the Honorable Tomas Reyle, Secretary of State of the "
        "United States of America.",
        publisher="",
    )
    kell = next(m for n, m in found.items() if n.lower() == "kell ruth")
    assert (kell.country, kell.attended) == ("JP", True)
    assert found["Tomas Reyle"].country == "US"
    # A pair named in another sentence is a topic: it gives no one a country.
    topic = _people(
        "Minister for Foreign Affairs Ines Varga held telephone talks with U.S. Secretary of "
        "State Tomas Reyle. They discussed U.S.-ROK joint exercises.",
        publisher="",
    )
    assert topic["Ines Varga"].country == ""


def test_a_ministrys_further_portfolios_after_a_comma_are_no_person():
    found = _people(
        "Minister of Foreign Affairs, Trade and Development Ruth Kell met Secretary Tomas Reyle "
        "today."
    )
    assert set(found) == {"Ruth Kell", "Tomas Reyle"}
    assert found["Ruth Kell"].title == "Minister of Foreign Affairs, Trade and Development"
    # A list of two people after a ministry's title stays two people.
    two = _people("He met the Minister of Foreign Affairs, Ruth Kell, and Tomas Reyle today.")
    assert "Ruth Kell" in two and "Tomas Reyle" in two


def test_joined_by_fellow_officials_from_both_countries_including():
    found = _people(
        "Secretary Hollis Brandt met with Foreign Minister Ruth Kell of Mexico on Tuesday. They "
        "were joined by fellow officials from both countries, including Commissioner Tomas "
        "Reyle and Ambassador Ines Varga."
    )
    assert all(m.attended for m in found.values()) and len(found) == 4
    # Officials of both countries only praised are not in the meeting.
    praised = _people(
        "Secretary Hollis Brandt met with Foreign Minister Ruth Kell of Mexico on Tuesday. She "
        "praised fellow officials from both countries, such as Commissioner Tomas Reyle."
    )
    assert praised["Tomas Reyle"].attended is False


def test_a_known_officials_surname_opening_a_sentence_as_a_subject():
    found = {
        m.name: m
        for m in find_officials(
            "Blinken and Defense Secretary Ruth Kell traveled to Kyiv, where they met with "
            "President Tomas Reyle. Austin is a city in Texas.",
            publisher_country="US",
        )
    }
    assert found["Blinken"].attended is True and found["Blinken"].country == "US"
    assert "Austin" not in found
    # A surname no gazetteer knows, opening a sentence, stays unnamed.
    unknown = _people("Kellerman and Defense Secretary Ruth Kell traveled to Kyiv today.")
    assert "Kellerman" not in unknown


def test_that_day_is_the_day_of_the_sentence_before():
    found = _people(
        "Foreign Secretary Hollis Brandt on Thursday held talks with Congressman Ruth Kell. The "
        "visit came days after Defence Minister Tomas Reyle held a dialogue with Secretary Ines "
        "Varga on April 11. Ahead of the dialogue on that day, Prime Minister Oren Hale and "
        "President Mara Quist held a virtual meeting."
    )
    assert found["Oren Hale"].attended is False and found["Mara Quist"].attended is False
    # "that day" after a sentence about the reported meeting keeps its day.
    same = _people(
        "Foreign Secretary Hollis Brandt held talks with Congressman Ruth Kell today. On that "
        "day, Prime Minister Oren Hale also met with Congressman Kell."
    )
    assert same["Oren Hale"].attended is True


def test_a_country_the_talks_support_is_not_the_counterparts_country():
    found = _people(
        "President Hollis Brandt spoke with Prime Minister Ruth Kell today. They discussed "
        'their support for Ukraine. "We stand with Ukraine," Prime Minister Kell said.'
    )
    assert found["Ruth Kell"].country == ""
    # The one foreign country a call readout names otherwise is still the counterpart's.
    named = _people(
        "President Hollis Brandt spoke with Prime Minister Ruth Kell today. They discussed "
        "Ukraine's economy and reforms."
    )
    assert named["Ruth Kell"].country == "UA"


def test_a_named_persons_destination_is_not_an_officials_country():
    found = _people(
        "She will meet Foreign Secretary Ruth Kell to review the outcomes of Prime Minister "
        "Tomas Reyle's recent visit to the US.",
        publisher="",
    )
    assert found["Ruth Kell"].country == "" and found["Tomas Reyle"].country == ""
    # A delegation's destination still names the country of the host it met there.
    host = _people(
        "The delegation's visit to Israel came after the formation of a government under Prime "
        "Minister Tomas Reyle.",
        publisher="",
    )
    assert host["Tomas Reyle"].country == "IL"


def test_a_given_name_that_is_also_a_city_after_a_title():
    found = _people("Senator Ruth Kell met Congresswoman Ines Varga and Congressman Austin Reyle.")
    assert set(found) == {"Ruth Kell", "Ines Varga", "Austin Reyle"}
    assert found["Austin Reyle"].title == "Congressman"
    # A city after a title, before no name, is still the city: "Ambassador in Paris".
    city = _people("Senator Ruth Kell met the Ambassador in Paris today.")
    assert set(city) == {"Ruth Kell"}


def test_subjects_with_lowercase_offices_in_apposition_led_their_delegations():
    found = _people(
        "Ruth Kell, joint secretary, Americas Division of the Ministry, and Tomas Reyle, "
        "Additional Secretary, Ministry of Foreign Affairs of Norland, led their respective "
        "delegations to the meeting."
    )
    assert found["Ruth Kell"].attended and found["Tomas Reyle"].attended
    # A lowercase rank word not before an office stops the subject list as before.
    other = _people(
        "Ruth Kell, a senior fellow, and Secretary Tomas Reyle, who chaired, spoke. Minister "
        "Ines Varga met President Oren Hale."
    )
    assert other["Ines Varga"].attended and other["Oren Hale"].attended


# Session 15, officials in White House readouts (ppl6): invented sentences in the genre's style.


def test_a_long_opening_meeting_phrase_makes_its_subjects_participants():
    found = _people(
        "In a frank and cordial first meeting held on the margins of the Harbor Summit in St. "
        "Mirren, National Security Advisor Ruth Kell and Presidential Adviser Tomas Reyle "
        "reviewed the state of relations."
    )
    assert found["Ruth Kell"].attended and found["Tomas Reyle"].attended
    # A meeting held at another time still reports no one as attending.
    past = _people(
        "In a cordial meeting held last year, Advisor Ruth Kell and Adviser Tomas Reyle "
        "reviewed the state of relations."
    )
    assert not past["Ruth Kell"].attended and not past["Tomas Reyle"].attended
    # An opening phrase that is no meeting makes no one a participant.
    other = _people(
        "In a long and detailed written report on the matter, Advisor Ruth Kell reviewed the "
        "state of relations."
    )
    assert not other["Ruth Kell"].attended


def test_the_title_line_gives_a_country_the_body_leaves_to_guessing():
    found = _extracted(
        "President Dana Whitcombe spoke to Prime Minister Arlo Pennick today about the situation "
        "in Syria. They agreed on the need for an immediate halt to the violence against the "
        "Syrian people and to consult closely on the Syrian Government's actions.",
        title="Readout of the President's Call with Prime Minister Arlo Pennick of Turkey",
    )
    assert found["Arlo Pennick"].country == "TR"
    # Without a country in the title, the body's own reading stands.
    plain = _extracted(
        "President Dana Whitcombe spoke to Prime Minister Arlo Pennick of Norway today.",
        title="Readout of the President's Call with Prime Minister Arlo Pennick",
    )
    assert plain["Arlo Pennick"].country == "NO"


def test_officers_of_a_tribes_government_in_a_participant_list_are_officials():
    found = _people(
        "The tribal leaders who took part in the meeting were:\n\n"
        "  * Ruth Kell, Chairwoman, Redwater Tribe of Oregon\n"
        "  * Tomas Reyle, Vice President, Stonecreek Nation of Arizona\n"
        "  * Ines Varga, Chief Executive, Lakeshore Band of Ojibwe\n"
        "  * Oren Hale, President, Harbor Light Foundation\n"
        "  * Mara Quist, President, Native Nations Institute\n"
    )
    assert {"Ruth Kell", "Tomas Reyle", "Ines Varga"} <= set(found)
    assert all(found[n].attended for n in ("Ruth Kell", "Tomas Reyle", "Ines Varga"))
    # The tribe is no person, and officers of private bodies are still no officials.
    assert not {"Redwater Tribe", "Oren Hale", "Mara Quist"} & set(found)


def test_a_given_name_that_is_also_a_pronoun_after_an_east_asian_family_name():
    found = _people(
        "Vice Premier Liu He led the Chinese negotiating team, which included Minister of "
        "Commerce Zhong Shan and other officials."
    )
    assert set(found) == {"Liu He", "Zhong Shan"}
    assert found["Liu He"].attended and found["Zhong Shan"].attended
    # "He" opening a sentence is still the pronoun.
    other = _people("Secretary Ruth Kell met Vice Premier Liu. He thanked her.")
    assert "Liu" in other and "Liu He" not in other


def test_a_meeting_announced_with_will_is_attended_by_no_one():
    found = _people(
        "President Dana Whitcombe will meet Prime Minister Arlo Pennick of Norway on Friday. "
        "Vice President Ruth Kell will also host President Tomas Reyle of Chile, and Secretary "
        "Ines Varga is scheduled to meet Minister Oren Hale."
    )
    assert not any(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # A meeting that took place still makes its subjects participants, and so does agreeing
    # to meet again.
    held = _people(
        "Secretary Ruth Kell met Minister Tomas Reyle in Oslo. They agreed to meet again soon."
    )
    assert held["Ruth Kell"].attended and held["Tomas Reyle"].attended


def test_people_who_were_also_on_the_call_took_part():
    found = _people(
        "President Dana Whitcombe called Prime Minister Arlo Pennick today. Chief of Staff Ruth "
        "Kell and Deputy Secretary Tomas Reyle were also on the call, and Senator Ines Varga was "
        "in attendance."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # Being "in the room" at another time is no attendance of this call.
    other = _people(
        "Secretary Ruth Kell, who was in the room last year, wrote to Minister Tomas Reyle."
    )
    assert not other["Ruth Kell"].attended


def test_support_for_a_country_is_no_side_the_subjects_sat_on():
    found = _people(
        "Vice President Ruth Kell spoke with Chancellor Tomas Reyle of Germany today. Vice "
        "President Kell and Chancellor Reyle discussed support for Ukraine."
    )
    assert set(found) == {"Ruth Kell", "Tomas Reyle"}  # one record for the Chancellor
    assert found["Tomas Reyle"].country == "DE" and found["Ruth Kell"].country == "US"
    # "chaired the meeting for Mexico" still names the side.
    side = _people(
        "Minister Ruth Kell and Undersecretary Tomas Reyle chaired the meeting for Mexico."
    )
    assert side["Ruth Kell"].country == "MX"


def test_earlier_in_the_day_is_the_day_the_readout_reports():
    found = _people(
        "Deputy National Security Advisor Ruth Kell spoke today with Deputy Minister Tomas Reyle "
        "of Norway. Earlier in the day, Ms. Kell met with Foreign Secretary Ines Varga of India."
    )
    assert found["Ines Varga"].attended
    # An earlier year is still another time.
    past = _people("They recalled the talks held earlier this year by Minister Oren Hale.")
    assert not past["Oren Hale"].attended


def test_a_king_is_not_merged_with_his_son_named_after_him():
    found = _extracted(
        "President Dana Whitcombe met today with His Majesty King Abdullah II of Jordan. Crown "
        "Prince Hussein bin Abdullah joined the meeting.",
        title="Readout of the President's Meeting with King Abdullah II of Jordan",
    )
    assert {"Abdullah", "Hussein bin Abdullah"} <= set(found)
    assert found["Abdullah"].title == "King"


def test_the_first_minister_of_northern_ireland_is_british():
    found = _people(
        "President Dana Whitcombe spoke with Taoiseach Arlo Pennick of Ireland and with First "
        "Minister Ruth Kell of Northern Ireland."
    )
    assert found["Arlo Pennick"].country == "IE" and found["Ruth Kell"].country == "GB"


def test_those_who_joined_the_president_on_the_call_took_part():
    found = _people(
        "The President was joined on the call by Secretary of State Ruth Kell and National "
        "Security Advisor Tomas Reyle. President Dana Whitcombe spoke with Prime Minister Arlo "
        "Pennick of Norway."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # "joined by" in another sense of the word is not read so: a later time still blocks.
    later = _people(
        "Secretary Ruth Kell will be joined on the trip by Minister Tomas Reyle next week."
    )
    assert not later["Tomas Reyle"].attended


def test_a_korean_given_name_that_is_also_a_stopword():
    found = _people("President Dana Whitcombe spoke today with Chairman Kim Jong Un.")
    assert "Kim Jong Un" in found and "Kim Jong" not in found
    other = _people("Secretary Ruth Kell met Minister Kim. Un acuerdo fue firmado.")
    assert "Kim" in other and not any(n.startswith("Kim ") for n in other)


def test_a_gulf_style_is_no_office_when_the_office_is_written():
    found = _people(
        "President Dana Whitcombe spoke with Prime Minister and Minister of Foreign Affairs "
        "Sheikh Karim bin Hadi Al Nuri of Qatar, and with Sheikh Faisal bin Saeed Al Nuri, "
        "Deputy Prime Minister of Kuwait."
    )
    # Both offices written before the name are kept (session 16, ppl8).
    assert found["Karim bin Hadi Al Nuri"].title == "Prime Minister and Minister of Foreign Affairs"
    assert found["Faisal bin Saeed Al Nuri"].title.startswith("Deputy Prime Minister")
    # With no office written, the style stays the title.
    alone = _people("President Dana Whitcombe spoke with Sheikh Karim bin Hadi Al Nuri of Qatar.")
    assert alone["Karim bin Hadi Al Nuri"].title == "Sheikh"


def test_a_general_secretary_in_a_us_readout_is_not_american():
    found = _people(
        "President Dana Whitcombe met today with General Secretary Tran Van Minh in Hanoi.",
    )
    assert found["Tran Van Minh"].country != "US"


def test_a_gulf_ruler_keeps_his_office_over_his_style():
    found = _people(
        "President Dana Whitcombe spoke today with Amir Sheikh Karim bin Hadi Al Nuri of Qatar. "
        "President Whitcombe and Sheikh Karim agreed to stay in touch."
    )
    assert found["Karim bin Hadi Al Nuri"].title == "Amir"


def test_a_short_form_with_a_title_joins_the_one_who_holds_that_title():
    found = _people(
        "President Dana Whitcombe met today with Prime Minister Arlo Pennick of Norway. They were "
        "joined at dinner by Mrs. Liv Pennick. Prime Minister Pennick thanked the President."
    )
    assert "Pennick" not in found and found["Arlo Pennick"].title == "Prime Minister"
    # Two holders of the title: the short form stays apart.
    two = _people("Minister Tomas Reyle and Minister Ana Reyle met. Minister Reyle spoke.")
    assert {"Tomas Reyle", "Ana Reyle"} <= set(two)


def test_a_participant_described_with_an_indefinite_apposition_is_private():
    found = _people(
        "Participants included Dr. Jane Roe, an OB-GYN in Texas; John Doe, a small business "
        "owner from Ohio; and Oren Hale, a senior official at the Department of Labor."
    )
    assert "Jane Roe" not in found and "John Doe" not in found
    assert "Oren Hale" in found  # an office in the apposition: an official


def test_a_delegation_of_us_senators_led_by_someone_took_part():
    found = _people(
        "Vice President Dana Whitcombe met today with a delegation of U.S. Senators led by "
        "Senator Ruth Kell and Senator Tomas Reyle."
    )
    assert found["Ruth Kell"].attended and found["Tomas Reyle"].attended
    # A delegation led by someone at another time is not this meeting's.
    past = _people(
        "They recalled the visit of a delegation of U.S. Senators led by Senator Ruth Kell in 2019."
    )
    assert not past["Ruth Kell"].attended


def test_a_call_received_and_a_briefing_given_today_were_attended():
    found = _people(
        "President Dana Whitcombe received a call today from Prime Minister Arlo Pennick of "
        "Norway. Vice President Tomas Reyle was briefed today by FEMA Administrator Ruth Kell."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # A briefing given another time, or a meeting of others the text recalls, is not.
    other = _people(
        "Secretary Ines Varga was briefed on the plan last year by Governor Oren Hale. They "
        "discussed the recent summit meeting between President Mara Quist and Leader Ivo Brandt."
    )
    assert not any(m.attended for m in other.values()), {n: m.attended for n, m in other.items()}


def test_a_religious_leader_at_the_table_is_not_an_official():
    found = _people(
        "The Vice President met Rabbi Ines Varga, Reverend Oren Hale, Archbishop Tomas Reyle and "
        "Pope Francis."
    )
    assert not {"Ines Varga", "Oren Hale", "Tomas Reyle"} & {
        " ".join(n.split()[-2:]) for n in found
    }
    assert "Francis" in found  # the Pope heads a state (the lexicon's one-state offices)


def test_an_ambassador_at_large_is_titled():
    found = _people("Ambassador-at-Large for Counterterrorism Ruth Kell attended the meeting.")
    assert found["Ruth Kell"].title == "Ambassador-at-Large for Counterterrorism"
    assert found["Ruth Kell"].attended


def test_a_title_does_not_run_back_over_the_previous_persons_body():
    found = _people(
        "President Dana Whitcombe spoke with Governor Ruth Kell of the Bank of Japan and "
        "Managing Director Tomas Reyle of the IMF."
    )
    assert found["Tomas Reyle"].title == "Managing Director"
    # A field's name with "and" inside still belongs to the title after it.
    field = _people(
        "Secretary Ruth Kell met the Assistant Director for Fire and Aviation Tomas Reyle."
    )
    assert field["Tomas Reyle"].title == "Assistant Director for Fire and Aviation"


# Session 16, attendance on unseen readouts (ppl8): invented sentences in the genre's style.


def test_the_owner_of_a_meeting_someone_joined_was_at_it():
    found = _people(
        "Secretary Ruth Kell joined President Dana Whitcombe's meeting with Prime Minister Arlo "
        "Pennick of Norland today."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # A possessive named without "joined … meeting" is still only mentioned.
    other = _people(
        "Secretary Ruth Kell met Prime Minister Arlo Pennick today and conveyed President Dana "
        "Whitcombe's greetings."
    )
    assert not other["Dana Whitcombe"].attended


def test_someone_traveled_to_a_city_to_meet_took_part():
    found = _people(
        "Secretary of State Ruth Kell traveled to Lima to meet President Tomas Reyle of Peru. "
        "Deputy Secretary Ines Varga travelled to Oslo to meet with Foreign Minister Arlo Pennick."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    assert found["Tomas Reyle"].country == "PE"
    # A trip still to come is no meeting yet.
    future = _people("Secretary Ruth Kell will travel to Lima to meet President Tomas Reyle.")
    assert not future["Tomas Reyle"].attended


def test_the_guests_of_a_hosted_event_took_part():
    found = _people(
        "Vice President Ruth Kell hosted a roundtable with Governor Oren Hale and Mayor Ines "
        "Varga today. Deputy Secretary Dana Whitcombe hosted the fourth round of the U.S.-U.K. "
        "Defense Dialogue today with her counterpart, Permanent Secretary Tomas Reyle."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # A roundtable hosted at another time reports no one at this one.
    past = _people(
        "Vice President Ruth Kell hosted a roundtable with Governor Oren Hale last year."
    )
    assert not past["Oren Hale"].attended


def test_those_sworn_in_and_who_swore_them_in_took_part():
    found = _people(
        "Vice President Ruth Kell swore in Ambassador Oren Hale at the ceremony. Secretary Ines "
        "Varga was sworn in by Vice President Kell."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    future = _people("Ambassador Oren Hale will be sworn in next week.")
    assert not future["Oren Hale"].attended


def test_someone_who_will_be_joined_by_another_is_no_participant_yet():
    found = _people(
        "Secretary Ruth Kell met Minister Arlo Pennick today. On Wednesday, they will be joined "
        "by Defense Secretary Oren Hale."
    )
    assert found["Arlo Pennick"].attended and not found["Oren Hale"].attended
    held = _people("Secretary Ruth Kell was joined by Defense Secretary Oren Hale.")
    assert held["Oren Hale"].attended


def test_ahead_of_her_meeting_with_someone_is_another_meeting():
    found = _people(
        "Secretary Ruth Kell spoke with Foreign Minister Arlo Pennick of Norway ahead of her "
        "meeting with Prime Minister Tomas Reyle of Norway."
    )
    assert found["Arlo Pennick"].attended and not found["Tomas Reyle"].attended
    # "Following his meeting with X today" may be the meeting reported.
    after = _people(
        "Secretary Ruth Kell met Foreign Minister Arlo Pennick today. Following his meeting with "
        "Prime Minister Tomas Reyle today, the Secretary left for Oslo."
    )
    assert after["Tomas Reyle"].attended


def test_a_meeting_dated_by_a_month_alone_is_another_time():
    found = _people(
        "Secretary Ruth Kell met Foreign Minister Arlo Pennick of Norway today. The Secretary "
        "noted that Minister Pennick met President Tomas Reyle in March."
    )
    assert found["Arlo Pennick"].attended and not found["Tomas Reyle"].attended
    # A month with its day is a calendar date, read as before.
    dated = _people(
        "Secretary Ruth Kell met Foreign Minister Arlo Pennick of Norway on March 4. Minister "
        "Pennick also met President Tomas Reyle on March 4."
    )
    assert dated["Tomas Reyle"].attended


def test_the_one_an_unnamed_president_congratulated_took_part():
    found = _extracted(
        "The President congratulated Prime Minister Arlo Pennick on his election. They agreed to "
        "work together on climate.",
        title="Readout of the President's Call with Prime Minister Arlo Pennick",
    )
    assert found["Arlo Pennick"].attended
    # Congratulations in a statement, or from a named sender, report no call.
    written = _people(
        "The President congratulated Prime Minister Arlo Pennick in a statement on his election."
    )
    assert not written["Arlo Pennick"].attended
    named = _people("Secretary Ruth Kell congratulated President Tomas Reyle on the election.")
    assert not named["Tomas Reyle"].attended


def test_a_headlines_occasion_noun_after_a_title_is_no_name():
    found = _extracted(
        "President-elect Ruth Kell and Vice President-elect Oren Hale hosted a call with mayors "
        "today. Mayor Ines Varga participated in the call.",
        title="President-elect and Vice President-elect Call with the Conference of Mayors",
    )
    assert set(found) == {"Ruth Kell", "Oren Hale", "Ines Varga"}
    assert all(m.attended for m in found.values())


def test_an_occupation_written_like_a_title_makes_no_official():
    found = _people(
        "Prime Minister Arlo Pennick had a telephone conversation with President Tomas Reyle. The "
        "photo was taken by the PM's Official Photographer Jason Ransom."
    )
    assert set(found) == {"Arlo Pennick", "Tomas Reyle"}
    # An office whose holder is named after it stays one.
    office = _people("Prime Minister Arlo Pennick met Press Secretary Jason Ransom today.")
    assert "Jason Ransom" in office


def test_a_family_name_that_is_also_a_clerical_style_is_a_name():
    found = _people(
        "The President completed a call with Majority Leader Cantor and Democratic Leader Pelosi."
    )
    assert set(found) == {"Cantor", "Pelosi"}
    assert found["Cantor"].attended and found["Pelosi"].attended
    # The style before a full name still makes a religious leader.
    cleric = _people("The President met Cantor Ruth Kell and Secretary Oren Hale.")
    assert set(cleric) == {"Oren Hale"}


def test_the_visit_of_a_named_official_to_a_country_gives_no_one_that_country():
    found = _people(
        "The two diplomats reviewed the dialogue after the visit of Secretary Ruth Kell to India "
        "in July."
    )
    assert found["Ruth Kell"].country != "IN"
    # The visit's host named in the same words keeps the country.
    host = _people("Prime Minister Arlo Pennick of India received Secretary Ruth Kell today.")
    assert host["Arlo Pennick"].country == "IN"


def test_a_list_of_subjects_with_an_ampersand_in_a_body_name():
    found = _people(
        "The Vice President along with Ambassador Ruth Kell, Health Secretary Oren Hale, Centers "
        "for Disease Control & Prevention Director Ines Varga, and Surgeon General Tomas Reyle "
        "provided a status update on testing."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}


def _published(body, title):
    """Extracted from a document published by the State Department (its URL says so)."""
    from statements.ingest.documents import parse_document
    from statements.ingest.pipeline import extract

    text = (
        f'---\nsource_url: https://www.state.gov/readout-x/\ntitle: "{title}"\n'
        f"date: '2024-03-05'\n---\n\n{body}\n"
    )
    return {m.name: m for m in extract(parse_document(text, "x.md")).officials}


def test_an_official_met_whose_title_the_publisher_also_has_is_of_the_other_side():
    found = _published(
        "Secretary of State Ruth Kell met today with Norwegian Foreign Minister Arlo Pennick in "
        "Oslo. The Secretary also met Director General Ines Varga.",
        title="Readout of Secretary Kell's Meeting with Norwegian Foreign Minister Pennick",
    )
    assert found["Ines Varga"].country == "NO" and found["Ruth Kell"].country == "US"
    # In a domestic meeting, the one met is still the publisher's.
    domestic = _published(
        "Secretary of State Ruth Kell met today with Director General Ines Varga.",
        title="Readout of Secretary Kell's Meeting",
    )
    assert domestic["Ines Varga"].country == "US"
    # A host named with "hosted by" is no counterpart met.
    host = _published(
        "Secretary Ruth Kell met Foreign Minister Arlo Pennick of Norway. Later she attended a "
        "lunch hosted by Speaker of the House Oren Hale.",
        title="Readout of Secretary Kell's Meeting",
    )
    assert host["Oren Hale"].country == "US"


def test_two_offices_of_one_person_before_the_name_are_both_kept():
    found = _people(
        "Secretary of Defense Ruth Kell met with his Australian counterpart, Deputy Prime "
        "Minister and Minister of Defence Arlo Pennick, at the Pentagon today."
    )
    assert found["Arlo Pennick"].title == "Deputy Prime Minister and Minister of Defence"
    # "the Prime Minister and Minister Y" are two people: Y's title is Y's own.
    two = _people(
        "Secretary Ruth Kell spoke with Prime Minister Arlo Pennick of Norway. The Secretary "
        "thanked the Prime Minister and Minister of Defense Oren Hale for their support."
    )
    assert two["Oren Hale"].title == "Minister of Defense"


def test_officers_of_firms_named_by_legal_form_or_a_firms_office_are_private():
    found = _people(
        "The business leaders, who included Harbor Bank AG Chairman for the Americas Ruth Kell "
        "and Lakeside Instruments Inc. Chairman Oren Hale, met with President Dana Whitcombe "
        "today. Tomas Reyle, CEO of 3M, and Northwind Paper CEO Ines Varga also took part."
    )
    assert set(found) == {"Dana Whitcombe"}, set(found)
    # A state's corporation keeps its officer an official; so does an Attorney General ("AG").
    state = _people(
        "President Dana Whitcombe met CEO Ruth Kell of the Millennium Challenge Corporation and "
        "AG Oren Hale today."
    )
    assert "Ruth Kell" in state


def test_the_authors_in_a_byline_are_no_officials():
    found = _people(
        "By Ruth Kell and Oren Hale\n"
        "President Dana Whitcombe met with Prime Minister Arlo Pennick today."
    )
    assert set(found) == {"Dana Whitcombe", "Arlo Pennick"}
    # A sentence opened by "By" is no byline.
    sentence = _people(
        "By phone, President Dana Whitcombe spoke with Prime Minister Arlo Pennick today."
    )
    assert set(sentence) == {"Dana Whitcombe", "Arlo Pennick"}


def test_those_who_held_discussions_with_someone_took_part():
    found = _people(
        "Foreign Secretary Ruth Kell had detailed discussion with Under Secretary Oren Hale "
        "yesterday. Defense Secretary Ines Varga began three days of intense discussions with "
        "Deputy Prime Minister Arlo Pennick today."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # Calling for discussions with someone, or discussions held another year, is no meeting.
    other = _people(
        "Secretary Ruth Kell met Minister Arlo Pennick today. They called for discussions with "
        "President Oren Hale and welcomed the discussions with Minister Ines Varga held in 2021."
    )
    assert not other["Oren Hale"].attended and not other["Ines Varga"].attended


def test_a_headlines_verb_after_a_title_is_no_name():
    found = _people("US Ambassador Is Ready To Come To Norland\n\nThe Minister said so.")
    assert not found, found
    # A name after the title is still found.
    named = _people("US Ambassador Ruth Kell Is Ready To Come To Norland")
    assert "Ruth Kell" in named


def test_a_delegation_led_by_someone_after_a_comma_and_the_group_it_included():
    found = _people(
        "President Arlo Pennick met Tuesday afternoon with a delegation from the United States "
        "Congress, led by Senator Ruth Kell, of Vermont.\n\nThe group included two other "
        "Senators, Oren Hale from Oregon and Ines Varga from Michigan."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    assert {"Ruth Kell", "Oren Hale", "Ines Varga"} <= set(found)
    # A visit led by someone at another time still reports no one at this meeting.
    past = _people(
        "President Arlo Pennick met Senator Oren Hale today. He recalled the visit of a "
        "delegation from the United States Congress, led by Senator Ruth Kell, in 2019."
    )
    assert not past["Ruth Kell"].attended


def test_a_given_name_that_is_also_a_modal_verb_stays_a_name():
    found = _people("President Arlo Pennick met Representative Will Hurley today.")
    assert "Will Hurley" in found


def test_the_country_of_a_delegation_received_is_not_the_hosts():
    found = _people(
        "President Arlo Pennick welcomed a delegation of U.S. Congress members yesterday.",
        publisher="",
    )
    assert found["Arlo Pennick"].country != "US"
    # A country named for the host himself still is his.
    host = _people("President Arlo Pennick of Paraguay welcomed a delegation yesterday.")
    assert host["Arlo Pennick"].country == "PY"


def test_the_family_name_alone_of_someone_named_in_full_as_a_subject_of_a_meeting():
    found = _people(
        "Ruth Kell, the counselor of the department, wrote to Norland Foreign Minister Arlo "
        "Pennick on Tuesday.\n\nAccording to the ministry, Kell and Pennick held a phone "
        "conversation on Monday."
    )
    assert found["Arlo Pennick"].attended
    # The family name of no one named in full, or used otherwise, adds no one and no attendance.
    other = _people(
        "Norland Foreign Minister Arlo Pennick has proposed a plan. Since then the Pennick plan "
        "and the budget were discussed by the ministers."
    )
    assert not other["Arlo Pennick"].attended


def test_those_seated_at_the_table_with_someone_took_part():
    found = _people(
        "President Dana Whitcombe and Vice President Ruth Kell were seated at a long table with "
        "DHS Secretary Oren Hale, HHS Secretary Ines Varga and a number of other officials."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # A seat at another year's dinner is no attendance of this meeting.
    past = _people(
        "Secretary Ruth Kell met Minister Arlo Pennick today. In 2019, Secretary Kell sat with "
        "Minister Oren Hale at a dinner."
    )
    assert not past["Oren Hale"].attended


def test_someone_accompanying_a_foreign_official_is_of_that_officials_country():
    found = _published(
        "National Security Advisor Ruth Kell met virtually today with Foreign Minister Arlo "
        "Pennick of Norway. Minister Pennick was accompanied by Ambassador Oren Hale.",
        title="Readout of a Meeting",
    )
    assert found["Oren Hale"].country == "NO" and found["Ruth Kell"].country == "US"
    # Someone accompanying the publisher's own official stays the publisher's.
    own = _published(
        "Secretary Ruth Kell met Foreign Minister Arlo Pennick of Norway today. The Secretary "
        "was accompanied by Ambassador Oren Hale.",
        title="Readout of a Meeting",
    )
    assert own["Oren Hale"].country == "US"


def test_a_place_named_after_someone_names_no_official():
    found = _people(
        "Secretary Ruth Kell met Minister Arlo Pennick today. Secretary Kell also visited the "
        "Martin Luther King Jr. Memorial and the Lyndon B. Johnson Library."
    )
    assert set(found) == {"Ruth Kell", "Arlo Pennick"}


def test_representatives_is_a_titles_word_not_a_given_name():
    found = _people(
        "Secretary Ruth Kell met the Speaker of the House of Representatives Oren Hale and "
        "Representatives Ines Varga and Tomas Reyle today."
    )
    assert set(found) == {"Ruth Kell", "Oren Hale", "Ines Varga", "Tomas Reyle"}
    assert found["Oren Hale"].title == "Speaker of the House of Representatives"
    assert found["Tomas Reyle"].title == "Representative"


def test_the_one_named_with_the_unnamed_subjects_title_is_that_subject():
    found = _published(
        "The Secretary welcomed Foreign Minister Arlo Pennick of Norway to Washington. Minister "
        "Pennick thanked Secretary Kell for his support.",
        title="Readout of a Meeting",
    )
    assert found["Kell"].attended and found["Arlo Pennick"].attended
    # Two people with that title: which one was the subject is not known.
    two = _published(
        "The Secretary welcomed Foreign Minister Arlo Pennick of Norway to Washington. Secretary "
        "Kell has long supported the partnership, as did Secretary Oren Hale.",
        title="Readout of a Meeting",
    )
    assert not two["Kell"].attended and not two["Oren Hale"].attended
    # A holder named only about another time is not the subject.
    other = _published(
        "The Secretary welcomed Foreign Minister Arlo Pennick of Norway to Washington. They "
        "recalled the talks held in 2019 by Secretary Oren Hale.",
        title="Readout of a Meeting",
    )
    assert not other["Oren Hale"].attended


def test_a_meeting_being_held_and_those_present_from_a_side():
    found = _people(
        "President Dana Whitcombe is holding a meeting in New York with his French counterpart "
        "Arlo Pennick.\n\nFrench Foreign Minister Ines Varga and Ambassador Oren Hale are "
        "present from France. The ceremony was conducted by Chief Justice Tomas Reyle."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # Being present somewhere is no attendance of this meeting.
    other = _people(
        "Secretary Ruth Kell met Minister Arlo Pennick today. Minister Oren Hale is present in "
        "the cabinet as well."
    )
    assert not other["Oren Hale"].attended


def test_a_meeting_previously_unannounced_is_still_this_one():
    found = _people(
        "President Dana Whitcombe is holding a meeting in New York with his French counterpart "
        "Arlo Pennick, previously not announced in the schedule of either leader."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # "previously" of the meeting itself still dates it otherwise.
    past = _people(
        "Secretary Ruth Kell met Minister Arlo Pennick today. Minister Oren Hale had previously "
        "met Secretary Kell."
    )
    assert not past["Oren Hale"].attended


def test_a_list_for_a_meeting_still_to_come_still_shares_its_country():
    found = _people(
        "During her travel, Vice President Ruth Kell will be accompanied by U.S. Secretary of "
        "Homeland Security Oren Hale, Senator Ines Varga and Congresswoman Tomas Reyle.",
        publisher="",
    )
    assert not any(found[n].attended for n in ("Oren Hale", "Ines Varga", "Tomas Reyle"))
    assert found["Ines Varga"].country == "US" and found["Tomas Reyle"].country == "US"


def test_an_initial_glued_to_a_mongolian_name_makes_one_person():
    found = _people(
        "Minister of Foreign Affairs of Mongolia D.Tsogtbaatar received Ambassador Ruth Kell. "
        "Minister Tsogtbaatar thanked her."
    )
    assert set(found) == {"D.Tsogtbaatar", "Ruth Kell"}, set(found)
    assert found["D.Tsogtbaatar"].country == "MN"
    # The U.S. ambassador received abroad is no counterpart of the host's country.
    assert found["Ruth Kell"].country == "US"


def test_the_official_received_by_a_foreign_host_stays_the_publishers():
    found = _published(
        "President Arlo Pennick of France received Secretary Ruth Kell at the Elysee today.",
        title="Readout of a Meeting",
    )
    assert found["Ruth Kell"].country == "US" and found["Arlo Pennick"].country == "FR"


def test_a_councils_aim_ends_its_name_not_a_person():
    found = _people(
        "Secretary Ruth Kell met H.E. Dr. Oren Hale, Chairman of the High Council for National "
        "Reconciliation."
    )
    assert set(found) == {"Ruth Kell", "Oren Hale"}
    assert found["Oren Hale"].title.endswith("National Reconciliation")


def test_courtesy_calls_exchanges_of_views_audiences_credentials_and_greetings():
    for sentence in (
        "Secretary Ruth Kell paid a courtesy call on Prime Minister Arlo Pennick of Norway today.",
        "Secretary Ruth Kell paid a visit to President Arlo Pennick of Norway.",
        "Secretary Ruth Kell exchanged views with Foreign Minister Arlo Pennick of Norway.",
        "Secretary Ruth Kell had an audience with His Majesty King Arlo Pennick of Norway.",
        "Ambassador Ruth Kell presented her credentials to President Arlo Pennick of Norway.",
        "Secretary Ruth Kell greeted Foreign Minister Arlo Pennick of Norway at the airport.",
    ):
        found = _people(sentence)
        assert found["Ruth Kell"].attended and found["Arlo Pennick"].attended, sentence
    # A tribute paid, or views exchanged another year, is no meeting.
    other = _people(
        "Secretary Ruth Kell met Minister Oren Hale today. She paid tribute to President Arlo "
        "Pennick and recalled that she exchanged views with Minister Ines Varga in 2019."
    )
    assert not other["Arlo Pennick"].attended and not other["Ines Varga"].attended


def test_signers_at_a_reported_meeting_and_a_tours_companions_took_part():
    found = _people(
        "Secretary Ruth Kell met Minister Oren Hale today. Secretary Kell and Foreign Minister "
        "Arlo Pennick signed a memorandum on energy, and Prime Minister Ines Varga witnessed the "
        "signing. The Secretary toured the port with Governor Tomas Reyle."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    # The signatories of a joint statement, with no meeting reported, are only named.
    joint = _people(
        "President Dana Whitcombe and Prime Minister Arlo Pennick signed the declaration."
    )
    assert not any(m.attended for m in joint.values())


def test_photographers_and_reporters_credited_are_no_officials():
    found = _people(
        "Secretary Ruth Kell met Foreign Minister Arlo Pennick today. (Official White House "
        "Photo by Oren Hale)\n\nReporting by Ines Varga; Editing by Tomas Reyle. Posted by Mara "
        "Quist on Feb 06, 2013."
    )
    assert set(found) == {"Ruth Kell", "Arlo Pennick"}, set(found)
    # A meeting "hosted by" or "led by" someone still names them.
    led = _people("The delegation led by Secretary Ruth Kell was received by Oren Hale today.")
    assert "Ruth Kell" in led


def test_the_guests_of_a_dinner_or_reception_hosted_for_them_took_part():
    found = _people(
        "Secretary Ruth Kell hosted a dinner for Foreign Minister Arlo Pennick and Minister Oren "
        "Hale today. Deputy Secretary Ines Varga hosted a reception in honor of Prime Minister "
        "Tomas Reyle."
    )
    assert all(m.attended for m in found.values()), {n: m.attended for n, m in found.items()}
    past = _people("Secretary Ruth Kell hosted a dinner for Minister Arlo Pennick last year.")
    assert not past["Arlo Pennick"].attended


def test_a_leader_of_civil_society_or_business_is_no_official():
    found = _people(
        "Secretary Ruth Kell met with civil society leader Ines Varga, business leader Oren Hale "
        "and labor union leader Tomas Reyle in Caracas."
    )
    assert set(found) == {"Ruth Kell"}, set(found)
    # A leader of a government or of the opposition, and a European Union leader, still are.
    others = _people(
        "Secretary Ruth Kell met with opposition leader Oren Hale, tribal leader Ines Varga and "
        "European Union leader Tomas Reyle."
    )
    assert {"Oren Hale", "Ines Varga", "Tomas Reyle"} <= set(others)
