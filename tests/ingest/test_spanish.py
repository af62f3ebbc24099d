"""Golden tests on Spanish communiqués (tests/ingest/spanish/), as Mexico publishes them first.

The texts imitate the SRE's and the Presidency's style: a visit, calls, a joint communiqué with a
numbered list of agreements, a security dialogue with delegation lists, "ayer" and "el pasado 3
de octubre". The expectations below were written before the extraction was run on them.
`spanish/blind/` holds two more, scored (never tuned on) by `test_totals` only:
`pytest tests/ingest/test_spanish.py -s -k totals` prints the per-field figures of both sets.
"""

import io
from datetime import date
from pathlib import Path

import pytest

from statements.ingest.documents import fold, read_document
from statements.ingest.pipeline import extract
from statements.ingest.resolve import name_score

SPANISH = Path(__file__).parent / "spanish"
SRE = "Secretaría de Relaciones Exteriores"
PRESIDENCIA = "Presidencia de la República"
VISIT = {"other", "delegation_visit"}

# file -> expectations. officials: name -> (title as written, country, attended).
# meeting: (start, end, kinds, city). commitments: (a phrase of the commitment, parties).
# not_commitments: phrases no commitment may contain. quotes: (a phrase, the speaker's name).
EXPECTED = {
    "sre_visita_blinken.txt": {
        "language": "es",
        "published": date(2023, 7, 24),
        "publisher": SRE,
        "kind": "communique",
        "officials": {
            "Alicia Bárcena Ibarra": ("secretaria de Relaciones Exteriores", "MX", True),
            "Antony J. Blinken": ("secretario de Estado de Estados Unidos", "US", True),
            "Roberto Velasco Álvarez": ("subsecretario para América del Norte", "MX", True),
            "Ken Salazar": ("embajador de Estados Unidos en México", "US", True),
        },
        "meeting": (date(2023, 7, 24), None, VISIT, "Mexico City"),
        "commitments": [
            ("acordaron celebrar en octubre", ["US", "MX"]),
            ("se comprometieron a fortalecer el intercambio", ["US", "MX"]),
        ],
        "not_commitments": ["Coincidieron en la necesidad"],
        "quotes": [
            ("comparten una responsabilidad común", "Alicia Bárcena Ibarra"),
            ("Nuestros países son más fuertes", "Antony J. Blinken"),
        ],
    },
    "presidencia_llamada_biden.txt": {
        "language": "es",
        "published": date(2024, 3, 7),
        "publisher": PRESIDENCIA,
        "kind": "communique",
        "officials": {
            "Andrés Manuel López Obrador": ("presidente", "MX", True),
            "Joseph R. Biden": ("presidente de Estados Unidos", "US", True),
            "Alicia Bárcena Ibarra": ("secretaria de Relaciones Exteriores", "MX", True),
        },
        "meeting": (date(2024, 3, 7), None, {"call"}, ""),
        "commitments": [("acordaron continuar trabajando", ["US", "MX"])],
        "not_commitments": ["coincidieron en la necesidad"],
        "quotes": [("Tuvimos una conversación", "Andrés Manuel López Obrador")],
    },
    "comunicado_conjunto_dean.txt": {
        "language": "es",
        "published": date(2023, 9, 12),
        "publisher": SRE,
        "kind": "joint_statement",
        "officials": {
            "Alicia Bárcena Ibarra": ("secretaria de Relaciones Exteriores", "MX", True),
            "Gina Raimondo": ("secretaria de Comercio de Estados Unidos", "US", True),
            "Raquel Buenrostro Sánchez": ("secretaria de Economía", "MX", True),
            "Antony J. Blinken": ("secretario de Estado", "US", True),
        },
        "meeting": (date(2023, 9, 12), None, {"other", "committee"}, "Washington"),
        "commitments": [
            ("Fortalecer las cadenas de suministro", ["US", "MX"]),
            ("Promover la inversión en infraestructura", ["US", "MX"]),
            ("Ampliar los programas de capacitación", ["US", "MX"]),
            ("acordaron establecer un grupo de trabajo", ["US", "MX"]),
        ],
        "not_commitments": ["reconocen que la integración", "destacaron los avances"],
        "quotes": [],
    },
    "dialogo_seguridad_delegaciones.txt": {
        "language": "es",
        "published": date(2023, 10, 5),
        "publisher": "Government of Mexico",
        "kind": "communique",
        "officials": {
            "Alicia Bárcena Ibarra": ("secretaria de Relaciones Exteriores", "MX", True),
            "Rosa Icela Rodríguez Velázquez": (
                "secretaria de Seguridad y Protección Ciudadana",
                "MX",
                True,
            ),
            "Alejandro Gertz Manero": ("fiscal general de la República", "MX", True),
            "Esteban Moctezuma Barragán": ("embajador de México en Estados Unidos", "MX", True),
            "Antony J. Blinken": ("secretario de Estado", "US", True),
            "Alejandro Mayorkas": ("secretario de Seguridad Nacional", "US", True),
            "Merrick Garland": ("fiscal general", "US", True),
            "Elizabeth Sherwood-Randall": (
                "asesora de Seguridad Nacional de la Casa Blanca",
                "US",
                True,
            ),
        },
        "meeting": (
            date(2023, 10, 3),
            None,
            {"committee", "other", "delegation_visit"},
            "Washington",
        ),
        "commitments": [("Se comprometieron a intensificar", ["US", "MX"])],
        "not_commitments": [],
        "quotes": [
            ("la cooperación con México nunca había sido", "Alejandro Mayorkas"),
            ("La seguridad de nuestros pueblos", "Alicia Bárcena Ibarra"),
        ],
    },
    "sre_ayer_palacio.txt": {
        "language": "es",
        "published": date(2023, 12, 28),
        "publisher": SRE,
        "kind": "communique",
        "officials": {
            "Andrés Manuel López Obrador": ("presidente", "MX", True),
            "Antony J. Blinken": ("secretario de Estado de Estados Unidos", "US", True),
            "Alejandro Mayorkas": ("secretario de Seguridad Nacional", "US", True),
            "Elizabeth Sherwood-Randall": (
                "asesora de Seguridad Nacional de la Casa Blanca",
                "US",
                True,
            ),
            "Ken Salazar": ("embajador", "US", True),
            "Alicia Bárcena Ibarra": ("canciller", "MX", True),
            "Luisa María Alcalde Luján": ("secretaria de Gobernación", "MX", True),
            "Joseph R. Biden": ("presidente", "US", False),
        },
        "meeting": (
            date(2023, 12, 27),
            None,
            {"other", "delegation_visit", "leaders"},
            "Mexico City",
        ),
        "commitments": [("acordaron mantener abiertos", ["US", "MX"])],
        "not_commitments": ["Hemos acordado"],
        "quotes": [("Hemos acordado seguir trabajando", "Andrés Manuel López Obrador")],
    },
    "presidencia_llamada_carney.txt": {
        "language": "es",
        "published": date(2025, 6, 3),
        "publisher": PRESIDENCIA,
        "kind": "communique",
        "officials": {
            "Claudia Sheinbaum Pardo": ("presidenta", "MX", True),
            "Mark Carney": ("primer ministro de Canadá", "CA", True),
            "Marcelo Ebrard Casaubón": ("secretario de Economía", "MX", True),
            "Juan Ramón de la Fuente": ("secretario de Relaciones Exteriores", "MX", True),
        },
        "meeting": (date(2025, 6, 3), None, {"call"}, ""),
        "commitments": [
            ("acordaron que sus equipos se reunirán", ["MX", "CA"]),
            ("Se comprometieron también a ampliar", ["MX", "CA"]),
        ],
        "not_commitments": ["Coincidieron en la necesidad"],
        "quotes": [("Canadá es un socio estratégico", "Claudia Sheinbaum Pardo")],
    },
}

# Written with the others, scored only: never tuned on.
BLIND = {
    "blind/declaracion_guatemala.txt": {
        "language": "es",
        "published": date(2024, 4, 15),
        "publisher": SRE,
        "kind": "joint_statement",
        "officials": {
            "Andrés Manuel López Obrador": (
                "presidente de los Estados Unidos Mexicanos",
                "MX",
                True,
            ),
            "Bernardo Arévalo de León": ("presidente de la República de Guatemala", "GT", True),
            "Alicia Bárcena Ibarra": ("secretaria de Relaciones Exteriores de México", "MX", True),
            "Carlos Ramiro Martínez": ("canciller de Guatemala", "GT", True),
        },
        "meeting": (date(2024, 4, 15), None, {"leaders"}, "Tapachula"),
        "commitments": [
            ("Crear un grupo de alto nivel", ["MX", "GT"]),
            ("Ampliar el programa Sembrando Vida", ["MX", "GT"]),
        ],
        "not_commitments": [],
        "quotes": [("Guatemala y México son pueblos hermanos", "Bernardo Arévalo de León")],
    },
    "blind/sre_canada_ayer.txt": {
        "language": "es",
        "published": date(2025, 2, 20),
        "publisher": SRE,
        "kind": "communique",
        "officials": {
            "Juan Ramón de la Fuente": ("secretario de Relaciones Exteriores", "MX", True),
            "Graeme C. Clark": ("embajador de Canadá en México", "CA", True),
            "Sara Wilshaw": ("viceministra de Comercio Internacional de Canadá", "CA", True),
        },
        "meeting": (date(2025, 2, 19), None, {"other"}, "Mexico City"),
        "commitments": [("acordaron intensificar las consultas", ["MX", "CA"])],
        "not_commitments": [],
        "quotes": [("Canadá y México compartimos", "Juan Ramón de la Fuente")],
    },
}
# A second blind batch, written before the fixes the first one led to (see docs/EXTRACTION.md).
BLIND2 = {
    "blind2/comite_trilateral_fentanilo.txt": {
        "language": "es",
        "published": date(2024, 2, 9),
        "publisher": SRE,
        "kind": "communique",
        "officials": {
            "Alicia Bárcena Ibarra": ("secretaria de Relaciones Exteriores", "MX", True),
            "Luis Cresencio Sandoval González": ("secretario de la Defensa Nacional", "MX", True),
            "Elizabeth Sherwood-Randall": (
                "asesora de Seguridad Nacional de la Casa Blanca",
                "US",
                True,
            ),
            "Jody Thomas": (
                "asesora nacional de Seguridad e Inteligencia del primer ministro de Canadá",
                "CA",
                True,
            ),
        },
        "meeting": (date(2024, 2, 8), None, {"committee"}, "Mexico City"),
        "commitments": [
            ("se comprometieron a compartir información", ["US", "MX", "CA"]),
            ("Acordaron, además, crear un grupo técnico", ["US", "MX", "CA"]),
        ],
        "not_commitments": [],
        "quotes": [("Ningún país puede enfrentar solo", "Alicia Bárcena Ibarra")],
    },
    "blind2/presidencia_rubio.txt": {
        "language": "es",
        "published": date(2025, 9, 5),
        "publisher": "Government of Mexico",
        "kind": "communique",
        "officials": {
            "Claudia Sheinbaum Pardo": ("presidenta", "MX", True),
            "Marco Rubio": ("secretario de Estado de Estados Unidos", "US", True),
            "Juan Ramón de la Fuente": ("secretario de Relaciones Exteriores", "MX", True),
            "Omar García Harfuch": (
                "secretario de Seguridad y Protección Ciudadana",
                "MX",
                True,
            ),
            "Ronald Johnson": ("embajador de Estados Unidos en México", "US", True),
        },
        "meeting": (date(2025, 9, 3), None, VISIT, "Mexico City"),
        "commitments": [("acordaron instalar un grupo de implementación", ["US", "MX"])],
        "not_commitments": [],
        "quotes": [("la confianza mutua y el respeto", "Claudia Sheinbaum Pardo")],
    },
    "blind2/sre_videoconferencia.txt": {
        "language": "es",
        "published": date(2024, 1, 22),
        "publisher": SRE,
        "kind": "communique",
        "officials": {
            "Roberto Velasco Álvarez": ("subsecretario para América del Norte", "MX", True),
            "Brian A. Nichols": (
                "subsecretario de Estado adjunto para Asuntos del Hemisferio Occidental de "
                "Estados Unidos",
                "US",
                True,
            ),
        },
        "meeting": (date(2024, 1, 22), None, {"call"}, ""),
        "commitments": [("se comprometieron a mantener una comunicación", ["US", "MX"])],
        "not_commitments": ["Coincidieron en la necesidad"],
        "quotes": [("La coordinación entre ambos gobiernos", "Roberto Velasco Álvarez")],
    },
}
# A third blind batch, written after the fixes for the first two: scored, never tuned on.
BLIND3 = {
    "blind3/gobernacion_migracion.txt": {
        "language": "es",
        "published": date(2023, 11, 19),
        "publisher": SRE,
        "kind": "communique",
        "officials": {
            "Luisa María Alcalde Luján": ("secretaria de Gobernación", "MX", True),
            "Alicia Bárcena Ibarra": ("canciller", "MX", True),
            "Alejandro Mayorkas": (
                "secretario de Seguridad Nacional de Estados Unidos",
                "US",
                True,
            ),
            "Francisco Garduño Yáñez": (
                "comisionado del Instituto Nacional de Migración",
                "MX",
                True,
            ),
            "Blas Nuñez-Neto": (
                "subsecretario de Seguridad Nacional para Políticas de Fronteras e Inmigración",
                "US",
                True,
            ),
        },
        "meeting": (date(2023, 11, 19), None, VISIT, "Mexico City"),
        "commitments": [("acordaron ampliar las vías regulares", ["US", "MX"])],
        "not_commitments": [],
        "quotes": [("Debemos atender las causas estructurales", "Luisa María Alcalde Luján")],
    },
    "blind3/presidencia_trudeau_visita.txt": {
        "language": "es",
        "published": date(2023, 1, 11),
        "publisher": PRESIDENCIA,
        "kind": "communique",
        "officials": {
            "Andrés Manuel López Obrador": ("presidente", "MX", True),
            "Justin Trudeau": ("primer ministro de Canadá", "CA", True),
            "Marcelo Ebrard Casaubón": ("secretario de Relaciones Exteriores", "MX", True),
            "Mélanie Joly": ("ministra de Relaciones Exteriores de Canadá", "CA", True),
        },
        "meeting": (date(2023, 1, 11), None, {"leaders"}, "Mexico City"),
        "commitments": [("acordaron fortalecer el Programa", ["MX", "CA"])],
        "not_commitments": ["Coincidieron en la necesidad"],
        "quotes": [("Canadá es un país amigo", "Andrés Manuel López Obrador")],
    },
    "blind3/declaracion_conjunta_trilateral.txt": {
        "language": "es",
        "published": date(2023, 1, 10),
        "publisher": SRE,
        "kind": "joint_statement",
        "officials": {
            "Andrés Manuel López Obrador": (
                "presidente de los Estados Unidos Mexicanos",
                "MX",
                True,
            ),
            "Joseph R. Biden": ("presidente de los Estados Unidos de América", "US", True),
            "Justin Trudeau": ("primer ministro de Canadá", "CA", True),
        },
        "meeting": (date(2023, 1, 10), None, {"leaders"}, "Mexico City"),
        "commitments": [
            ("Reducir las emisiones de metano", ["US", "MX", "CA"]),
            ("Fortalecer la producción regional", ["US", "MX", "CA"]),
            ("acordamos crear un grupo de trabajo trilateral", ["US", "MX", "CA"]),
        ],
        "not_commitments": [],
        "quotes": [],
    },
}
# A fourth blind batch, written after the fixes for the third: the figure after every fix.
BLIND4 = {
    "blind4/sre_visita_ottawa.txt": {
        "language": "es",
        "published": date(2023, 10, 14),
        "publisher": SRE,
        "kind": "communique",
        "officials": {
            "Alicia Bárcena Ibarra": ("secretaria de Relaciones Exteriores", "MX", True),
            "Mélanie Joly": ("ministra de Relaciones Exteriores", "CA", True),
            "Marc Miller": ("ministro de Inmigración", "CA", True),
            "Carlos Joaquín González": ("embajador de México en Canadá", "MX", True),
        },
        "meeting": (date(2023, 10, 14), None, VISIT, "Ottawa"),
        "commitments": [("acordaron ampliar el Mecanismo", ["MX", "CA"])],
        "not_commitments": [],
        "quotes": [("Canadá es un aliado fundamental", "Alicia Bárcena Ibarra")],
    },
    "blind4/presidencia_apec_biden.txt": {
        "language": "es",
        "published": date(2023, 11, 15),
        "publisher": PRESIDENCIA,
        "kind": "communique",
        "officials": {
            "Andrés Manuel López Obrador": ("presidente", "MX", True),
            "Joseph R. Biden": ("presidente de los Estados Unidos", "US", True),
            "Alicia Bárcena": ("secretaria de Relaciones Exteriores", "MX", True),
            "Esteban Moctezuma Barragán": ("embajador", "MX", True),
            "Antony J. Blinken": ("secretario de Estado", "US", True),
            "Jake Sullivan": ("asesor de Seguridad Nacional", "US", True),
        },
        "meeting": (date(2023, 11, 15), None, {"leaders"}, "Woodside"),
        "commitments": [("acordaron reanudar el diálogo", ["US", "MX"])],
        "not_commitments": [],
        "quotes": [("Tenemos una relación de respeto", "Andrés Manuel López Obrador")],
    },
    "blind4/comunicado_conjunto_guatemala.txt": {
        "language": "es",
        "published": date(2024, 5, 2),
        "publisher": SRE,
        "kind": "joint_statement",
        "officials": {
            "Rosa Icela Rodríguez Velázquez": (
                "secretaria de Seguridad y Protección Ciudadana",
                "MX",
                True,
            ),
            "Maximiliano Reyes Zúñiga": (
                "subsecretario para América Latina y el Caribe",
                "MX",
                True,
            ),
            "Francisco Jiménez Irungaray": ("ministro de Gobernación", "GT", True),
            "Carlos Ramiro Martínez": ("canciller", "GT", True),
        },
        "meeting": (date(2024, 5, 1), None, {"committee", "other"}, "Guatemala City"),
        "commitments": [
            ("Establecer un protocolo", ["MX", "GT"]),
            ("Reforzar la vigilancia", ["MX", "GT"]),
        ],
        "not_commitments": [],
        "quotes": [],
    },
}
# A fifth blind batch, written after the fixes for the fourth: scored once, then fixed.
BLIND5 = {
    "blind5/sre_subsecretaria_bass.txt": {
        "language": "es",
        "published": date(2024, 3, 15),
        "publisher": "Government of Mexico",
        "kind": "communique",
        "officials": {
            "Carmen Moreno Toscano": ("Subsecretaria de Relaciones Exteriores", "MX", True),
            "John Bass": (
                "subsecretario de Estado para Asuntos Políticos de EE.UU.",
                "US",
                True,
            ),
        },
        "meeting": (date(2024, 3, 12), None, VISIT, "Mexico City"),
        "commitments": [("acordaron coordinar posiciones", ["US", "MX"])],
        "not_commitments": [],
        "quotes": [("Compartimos el interés", "Carmen Moreno Toscano")],
    },
    "blind5/presidencia_llamada_trump.txt": {
        "language": "es",
        "published": date(2025, 2, 3),
        "publisher": "Government of Mexico",
        "kind": "communique",
        "officials": {
            "Claudia Sheinbaum Pardo": ("presidenta", "MX", True),
            "Donald J. Trump": ("presidente de los Estados Unidos", "US", True),
        },
        "meeting": (date(2025, 2, 3), None, {"call"}, ""),
        "commitments": [
            ("acordaron una pausa", ["US", "MX"]),
            ("México se comprometió a reforzar", ["MX"]),
            ("Estados Unidos se comprometió a trabajar", ["US"]),
        ],
        "not_commitments": [],
        "quotes": [("Tuvimos una buena conversación", "Claudia Sheinbaum Pardo")],
    },
    "blind5/comunicado_conjunto_canada.txt": {
        "language": "es",
        "published": date(2025, 2, 26),
        "publisher": SRE,
        "kind": "joint_statement",
        "officials": {
            "Juan Ramón de la Fuente": (
                "secretario de Relaciones Exteriores de México",
                "MX",
                True,
            ),
            "Mélanie Joly": ("ministra de Relaciones Exteriores de Canadá", "CA", True),
        },
        "meeting": (date(2025, 2, 26), None, {"other"}, "Ottawa"),
        "commitments": [
            ("se comprometen a profundizar", ["MX", "CA"]),
            ("reafirmaron su compromiso con un T-MEC", ["MX", "CA"]),
        ],
        "not_commitments": [],
        "quotes": [],
    },
}
# A sixth blind batch, written after the fixes for the fifth: scored once, then fixed.
BLIND6 = {
    "blind6/sre_dialogo_economico_washington.txt": {
        "language": "es",
        "published": date(2024, 9, 28),
        "publisher": SRE,
        "kind": "communique",
        "officials": {
            "Raquel Buenrostro Sánchez": ("secretaria de Economía", "MX", True),
            "Alejandro Encinas Nájera": ("subsecretario de Comercio Exterior", "MX", True),
            "Katherine Tai": ("representante comercial de Estados Unidos", "US", True),
            "Dominic LeBlanc": ("secretario de Comercio de Canadá", "CA", True),
        },
        "meeting": (date(2024, 9, 27), None, VISIT, "Washington"),
        "commitments": [("acordaron crear un grupo de trabajo trilateral", ["US", "MX", "CA"])],
        "not_commitments": [],
        "quotes": [("la región tiene todo", "Raquel Buenrostro Sánchez")],
    },
    "blind6/presidencia_gira_guatemala.txt": {
        "language": "es",
        "published": date(2025, 10, 20),
        "publisher": PRESIDENCIA,
        "kind": "communique",
        "officials": {
            "Claudia Sheinbaum Pardo": ("presidenta", "MX", True),
            "Bernardo Arévalo de León": ("presidente de Guatemala", "GT", True),
            "Juan Ramón de la Fuente": ("canciller", "MX", True),
            "Ariadna Montiel Reyes": ("secretaria de Bienestar", "MX", True),
            "Carlos Ramiro Martínez": ("canciller", "GT", True),
        },
        "meeting": (date(2025, 10, 20), None, {"leaders"}, "Tapachula"),
        "commitments": [("se comprometieron a ampliar el programa", ["MX", "GT"])],
        "not_commitments": [],
        "quotes": [("Nuestros pueblos comparten historia", "Bernardo Arévalo de León")],
    },
}
ALL = {**EXPECTED, **BLIND, **BLIND2, **BLIND3, **BLIND4, **BLIND5, **BLIND6}
# Once scored, a blind batch's failures were fixed (by general rules) and it became a test too.
TESTED = ALL


def _extract(name):
    return extract(read_document(SPANISH / name))


def _found(expected_name, officials):
    fits = [o for o in officials if name_score(expected_name, o.name) >= 0.9]
    return fits[0] if fits else None


def _meeting(extraction, want):
    start = want["meeting"][0]
    same_day = [m for m in extraction.meetings if m.start == start]
    return same_day[0] if same_day else (extraction.meetings or [None])[0]


def _commitment(extraction, phrase):
    return next((c for c in extraction.commitments if fold(phrase) in fold(c.text)), None)


def _quote(extraction, phrase):
    return next((q for q in extraction.quotes if fold(phrase) in fold(q.text)), None)


def _speaker_is(quote, name):
    return (
        quote is not None
        and quote.speaker is not None
        and name_score(name, quote.speaker.name) >= 0.9
    )


def score(name, extraction=None):
    """{field: (right, out of)} for one file; 'false …' and 'extra …' are (count, count)."""
    want = ALL[name]
    extraction = extraction or _extract(name)
    document = extraction.document
    out = {}
    for field in ("language", "published", "publisher", "kind"):
        out[field] = (int(getattr(document, field) == want[field]), 1)
    officials = want["officials"]
    found = {n: _found(n, extraction.officials) for n in officials}
    total = len(officials)
    out["officials found"] = (sum(1 for o in found.values() if o), total)
    for label, index, get in (
        ("official titles", 0, lambda o: fold(o.title)),
        ("official countries", 1, lambda o: o.country),
        ("attendance", 2, lambda o: o.attended),
    ):
        expected = (lambda v: fold(v)) if index == 0 else (lambda v: v)
        out[label] = (
            sum(1 for n, o in found.items() if o and get(o) == expected(officials[n][index])),
            total,
        )
    false = [
        o.name
        for o in extraction.officials
        if not any(name_score(n, o.name) >= 0.9 for n in officials)
    ]
    out["false officials"] = (len(false), len(false))
    start, end, _kinds, city = want["meeting"]
    meeting = _meeting(extraction, want)
    out["meeting date"] = (
        int(
            meeting is not None
            and (meeting.start, meeting.end or meeting.start) == (start, end or start)
        ),
        1,
    )
    out["meeting place"] = (int(meeting is not None and meeting.city == city), 1)
    out["meeting kind"] = (int(meeting is not None and meeting.kind in want["meeting"][2]), 1)
    hits, parties_right, matched = 0, 0, set()
    for phrase, parties in want["commitments"]:
        item = _commitment(extraction, phrase)
        if item is not None:
            hits += 1
            matched.add(id(item))
            parties_right += item.parties == parties
    out["commitments found"] = (hits, len(want["commitments"]))
    out["commitment parties"] = (parties_right, len(want["commitments"]))
    extra = [c.text for c in extraction.commitments if id(c) not in matched]
    out["extra commitments"] = (len(extra), len(extra))
    quotes = [_quote(extraction, phrase) for phrase, _ in want["quotes"]]
    out["quotes found"] = (sum(1 for q in quotes if q), len(quotes))
    out["quote speakers"] = (
        sum(1 for q, (_, who) in zip(quotes, want["quotes"], strict=True) if _speaker_is(q, who)),
        len(quotes),
    )
    out["extra quotes"] = (len(extraction.quotes) - sum(1 for q in quotes if q),) * 2
    return out


@pytest.mark.parametrize("name", sorted(TESTED))
def test_language_date_publisher_and_kind(name):
    document = read_document(SPANISH / name)
    want = TESTED[name]
    got = {
        field: getattr(document, field) for field in ("language", "published", "publisher", "kind")
    }
    assert got == {field: want[field] for field in got}


@pytest.mark.parametrize("name", sorted(TESTED))
def test_officials_titles_countries_and_attendance(name):
    extraction = _extract(name)
    want = TESTED[name]["officials"]
    got = {}
    for n in want:
        o = _found(n, extraction.officials)
        got[n] = (fold(o.title), o.country, o.attended) if o else None
    assert got == {
        n: (fold(title), country, attended) for n, (title, country, attended) in want.items()
    }
    others = [
        o.name for o in extraction.officials if not any(name_score(n, o.name) >= 0.9 for n in want)
    ]
    assert others == []


@pytest.mark.parametrize("name", sorted(TESTED))
def test_meeting_date_and_place(name):
    extraction = _extract(name)
    start, end, kinds, city = TESTED[name]["meeting"]
    assert len(extraction.meetings) == 1, extraction.meetings
    meeting = extraction.meetings[0]
    assert (meeting.start, meeting.end or meeting.start) == (start, end or start)
    assert meeting.kind in kinds
    assert meeting.city == city


@pytest.mark.parametrize("name", sorted(TESTED))
def test_commitments_and_their_parties(name):
    extraction = _extract(name)
    want = TESTED[name]
    got = [(c.text, c.parties) for c in extraction.commitments]
    for phrase, parties in want["commitments"]:
        item = _commitment(extraction, phrase)
        assert item is not None and item.parties == parties, (phrase, got)
    for phrase in want["not_commitments"]:
        assert _commitment(extraction, phrase) is None, (phrase, got)
    # No other commitment; a heading and its list ("acordaron:" and its items) are one
    # commitment, which holds every item's phrase (the corpus gold's convention).
    wanted = {id(_commitment(extraction, phrase)) for phrase, _ in want["commitments"]}
    assert [c.text for c in extraction.commitments if id(c) not in wanted] == [], got


@pytest.mark.parametrize("name", sorted(TESTED))
def test_quotes_and_their_speakers(name):
    extraction = _extract(name)
    want = TESTED[name]["quotes"]
    got = [(q.text, q.speaker_as_written, q.speaker and q.speaker.name) for q in extraction.quotes]
    for phrase, speaker in want:
        assert _speaker_is(_quote(extraction, phrase), speaker), (phrase, got)
    assert len(got) == len(want), got


@pytest.mark.parametrize(
    "files",
    [EXPECTED, BLIND, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6],
    ids=["tuned", "blind 1", "blind 2", "blind 3", "blind 4", "blind 5", "blind 6"],
)
def test_totals(files, capsys):
    """Prints the per-field score over a set (run with -s); asserts only that it ran."""
    totals = {}
    for name in sorted(files):
        for measure, (right, of) in score(name).items():
            a, b = totals.get(measure, (0, 0))
            totals[measure] = (a + right, b + of)
    with capsys.disabled():
        print()
        for measure, (right, of) in totals.items():
            shown = f"{right}" if measure.startswith(("false", "extra")) else f"{right}/{of}"
            print(f"  {measure:22} {shown}")
    assert totals["officials found"][1] == sum(len(e["officials"]) for e in files.values())


@pytest.mark.django_db
def test_imported_communique_page_shows_what_the_spanish_text_says(client, tmp_path):
    """`import_statements` on a Spanish communiqué: its statement page shows the officials with
    their Spanish titles, the commitments with their parties, the quotes with their speakers,
    the publisher and kind; its meeting page the delegations, the date "ayer" gives and the
    city. Runs on SQLite and PostgreSQL (DATABASE_URL)."""
    import shutil

    from django.core.management import call_command

    from statements.models import Meeting, Statement

    source = tmp_path / "es"
    source.mkdir()
    shutil.copy(SPANISH / "sre_ayer_palacio.txt", source)
    call_command("import_statements", str(source), stdout=io.StringIO(), stderr=io.StringIO())

    statement = Statement.objects.get(source_file="sre_ayer_palacio.txt")
    assert (statement.language, statement.kind, statement.publisher, statement.date) == (
        "es",
        "communique",
        SRE,
        date(2023, 12, 28),
    )
    assert statement.publisher_country == "MX"  # the SRE speaks for Mexico
    mentions = {
        m.name_as_written: (m.title_as_written, m.participant.country, m.attended)
        for m in statement.mentions.select_related("participant")
    }
    assert mentions["Alejandro Mayorkas"] == ("secretario de Seguridad Nacional", "US", True)
    assert mentions["Luisa María Alcalde Luján"] == ("secretaria de Gobernación", "MX", True)
    assert [name for name, (_, _, attended) in mentions.items() if not attended] == [
        "Joseph R. Biden"
    ]

    page = client.get(statement.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="es"' in html
    assert f"Communiqué · {SRE}" in html
    for name, title in (
        ("Andrés Manuel López Obrador", "presidente"),
        ("Alejandro Mayorkas", "secretario de Seguridad Nacional"),
        ("Elizabeth Sherwood-Randall", "asesora de Seguridad Nacional de la Casa Blanca"),
        ("Luisa María Alcalde Luján", "secretaria de Gobernación"),
    ):
        assert f'{name}</a><br><span class="muted small">{title}</span>' in html, name
    assert "Las delegaciones acordaron mantener abiertos los cruces fronterizos" in html
    assert "Parties: US, MX" in html
    quote = page.context["statement"].quotes.get()
    assert quote.speaker.name == "Andrés Manuel López Obrador"
    assert "Hemos acordado seguir trabajando juntos" in html

    meeting = Meeting.objects.get(reports__statement=statement)
    assert (meeting.start_date, meeting.city) == (date(2023, 12, 27), "Mexico City")
    meeting_html = client.get(meeting.get_absolute_url()).content.decode()
    assert "United States delegation" in meeting_html
    assert "Mexico delegation" in meeting_html or "Mexican delegation" in meeting_html
    biden = statement.mentions.get(name_as_written="Joseph R. Biden").participant
    assert biden.name not in meeting_html  # recalled, not at the table
    assert "Alejandro Mayorkas" in meeting_html


def test_publisher_lines_and_kind_words_of_spanish_communiques():
    from statements.ingest import spanish

    publisher, kept = spanish.publisher_lines(
        ["Secretaría de Relaciones Exteriores | Comunicado No. 17", "Texto.", "-o0o-", "SRE"]
    )
    assert (publisher, kept) == (SRE, ["Texto."])
    assert spanish.publisher_lines(["Presidencia de la República", "Texto."])[0] == PRESIDENCIA
    assert spanish.publisher_lines(["La SRE informa que la reunión fue cordial."])[0] == ""
    assert spanish.kind_from_title("Comunicado conjunto México-Canadá") == "joint_statement"
    assert spanish.kind_from_title("Versión estenográfica de la conferencia") == "remarks"
    assert spanish.kind_from_title("Nota informativa", body="La canciller recibió hoy …") == (
        "communique"
    )
    assert spanish.kind_from_title("Nota informativa", body="México reitera su postura.") == ""
