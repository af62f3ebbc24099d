"""Golden-file tests on readouts the extraction was not written for (tests/ingest/unseen/).

Each text imitates a real source's style (State Department readout, DHS readout, SRE press release
in English, Canadian PMO readout, joint statement with a numbered list). The expectations below
were written before the extraction was run on them; `score()` counts how much of them the
extraction gets, so that the numbers can be compared before and after a change
(`pytest tests/ingest/test_unseen.py -s -k totals` prints them).
"""

from datetime import date
from pathlib import Path

import pytest

from statements.ingest.documents import read_document
from statements.ingest.pipeline import extract
from statements.ingest.resolve import name_score

UNSEEN = Path(__file__).parent / "unseen"

# file -> expectations. officials: name -> (country, attended). meeting: (start, end, kind, city).
# commitments: (a phrase of the committing sentence, parties).
EXPECTED = {
    "state_guatemala.txt": {
        "published": date(2024, 4, 15),
        "officials": {
            "Antony J. Blinken": ("US", True),
            "Carlos Ramiro Martínez": ("GT", True),
            "Bernardo Arévalo": ("GT", False),
            # The header line's spokesperson: the voice of the readout, only mentioned (as the
            # corpus gold lists "NSC Spokesperson Emily Horne").
            "Matthew Miller": ("US", False),
        },
        "meeting": (date(2024, 4, 15), date(2024, 4, 15), {"other"}, "Washington"),
        "commitments": [
            ("agreed to expand lawful pathways", ["US", "GT"]),
            # support for a named partner's efforts, reaffirmed: counted since session 16, as
            # the tune gold counts "reaffirmed U.S. support for Kazakhstani President Tokayev's
            # efforts" (docs/EXTRACTION.md, "Session 16, forms of undertaking")
            ("support for President Bernardo Arévalo's efforts", ["US"]),
        ],
    },
    "dhs_panama.txt": {
        "published": date(2024, 7, 1),
        "officials": {
            "Alejandro N. Mayorkas": ("US", True),
            "José Raúl Mulino": ("PA", True),
            "Frank Ábrego": ("PA", True),
            "Blas Nuñez-Neto": ("US", True),
            "Troy A. Miller": ("US", True),
        },
        "meeting": (date(2024, 6, 30), date(2024, 7, 1), {"delegation_visit"}, "Panama City"),
        "commitments": [
            ("United States will support the removal", ["US"]),
            ("committed to expand information sharing", ["US", "PA"]),
        ],
    },
    "sre_mayorkas.txt": {
        "published": date(2024, 3, 14),
        "officials": {
            "Alicia Bárcena": ("MX", True),
            "Alejandro Mayorkas": ("US", True),
            "Juan Manuel Gómez Robledo": ("MX", True),
            "Andrés Ramírez Silva": ("MX", True),
        },
        "meeting": (
            date(2024, 3, 14),
            date(2024, 3, 14),
            {"other", "delegation_visit"},
            "Mexico City",
        ),
        "commitments": [("agreed to continue working together", ["US", "MX"])],
    },
    "pmo_sheinbaum_call.txt": {
        "published": date(2024, 11, 25),
        "officials": {
            "Justin Trudeau": ("CA", True),
            "Claudia Sheinbaum Pardo": ("MX", True),
        },
        "meeting": (date(2024, 11, 25), date(2024, 11, 25), {"call"}, ""),
        "commitments": [("to work together ahead of the 2026 joint review", ["MX", "CA"])],
    },
    "joint_honduras.txt": {
        "published": date(2024, 5, 9),
        "officials": {
            "Todd D. Robinson": ("US", True),
            "Gustavo Sánchez": ("HN", True),
        },
        "meeting": (
            date(2024, 5, 8),
            date(2024, 5, 8),
            {"delegation_visit", "committee"},
            "Tegucigalpa",
        ),
        "commitments": [
            ("The United States will provide training", ["US"]),
            ("Honduras will strengthen its border controls", ["HN"]),
            ("Both governments will expand cooperation", ["US", "HN"]),
            ("The parties will establish a working group", ["US", "HN"]),
        ],
    },
}

# A second batch, written (texts and expectations) after the fixes the first batch led to and
# scored before any change for them: the honest measure of texts the rules were not tuned on.
HELD_OUT = {
    "held_out/wh_harris_castro.txt": {
        "published": None,
        "officials": {
            "Kamala Harris": ("US", True),
            "Xiomara Castro": ("HN", True),
            "Alejandro Mayorkas": ("US", True),
            "Juan Gonzalez": ("US", True),
        },
        "meeting": (None, None, {"leaders", "other"}, "Tegucigalpa"),
        "commitments": [
            ("the United States will provide 22 million", ["US"]),
            ("The two leaders committed to work together", ["US", "HN"]),
        ],
    },
    "held_out/sre_joly_es.txt": {
        "published": date(2023, 12, 12),
        "officials": {
            "Alicia Bárcena": ("MX", True),
            "Mélanie Joly": ("CA", True),
            "Graeme C. Clark": ("CA", True),
        },
        "meeting": (date(2023, 12, 12), date(2023, 12, 12), {"other"}, "Mexico City"),
        "commitments": [
            ("Acordaron fortalecer", ["MX", "CA"]),
            ("reafirmaron su compromiso", ["MX", "CA"]),
        ],
    },
    "held_out/embassy_salazar.txt": {
        "published": None,
        "officials": {
            "Ken Salazar": ("US", True),
            "Samuel García Sepúlveda": ("MX", True),
            "Américo Villarreal Anaya": ("MX", True),
        },
        "meeting": (None, None, {"other"}, "Monterrey"),
        "commitments": [("agreed to establish a regular channel", ["US", "MX"])],
    },
    "held_out/gac_joly_velasco.txt": {
        "published": date(2025, 2, 26),
        "officials": {
            "Mélanie Joly": ("CA", True),
            "Juan Ramón de la Fuente": ("MX", True),
        },
        "meeting": (date(2025, 2, 26), date(2025, 2, 26), {"other"}, "Ottawa"),
        # "discussed trade … and their shared commitment to …" talks about a commitment: the
        # corpus gold's READMEs do not count it (session 12 follows them; 2021-08-02 there).
        "commitments": [
            ("agreed to hold regular consultations", ["MX", "CA"]),
            ("committed to deepen cooperation on labour mobility", ["MX", "CA"]),
        ],
    },
    "held_out/state_kamikawa.txt": {
        "published": date(2024, 1, 9),
        "officials": {
            "Antony J. Blinken": ("US", True),
            "Kamikawa Yoko": ("JP", True),
            "Matthew Miller": ("US", False),  # the header line's spokesperson
        },
        "meeting": (date(2024, 1, 9), date(2024, 1, 9), {"other"}, "Tokyo"),
        "commitments": [("They committed to deepen trilateral cooperation", ["US", "JP"])],
    },
}


# A third batch, scored once before its own fixes (see the report), then kept as tests.
THIRD = {
    "third/ustr.txt": {
        "published": date(2023, 6, 28),
        "officials": {
            "Katherine Tai": ("US", True),
            "Raquel Buenrostro Sánchez": ("MX", True),
        },
        "meeting": (date(2023, 6, 28), None, {"other"}, "Washington"),
        "commitments": [("agreed to continue technical consultations", ["US", "MX"])],
    },
    "third/sre2.txt": {
        "published": date(2024, 6, 7),
        "officials": {
            "Juan Ramón de la Fuente": ("MX", True),
            "Victoria Nuland": ("US", True),
            "Ken Salazar": ("US", True),
        },
        "meeting": (date(2024, 6, 7), None, {"other", "delegation_visit"}, "Mexico City"),
        "commitments": [("se comprometieron a mantener", ["US", "MX"])],
    },
    "third/pmo2.txt": {
        "published": date(2025, 6, 16),
        "officials": {
            "Mark Carney": ("CA", True),
            "Bernardo Arévalo": ("GT", True),
        },
        "meeting": (date(2025, 6, 16), None, {"leaders"}, "Kananaskis"),
        "commitments": [
            ("agreed to expand cooperation on labour mobility", ["CA", "GT"]),
            ("Canada will provide $10 million", ["CA"]),
        ],
    },
}
ALL = {**EXPECTED, **HELD_OUT, **THIRD}
# What the extraction still misses on them (said in the report, kept visible here).
KNOWN_MISSES: set[str] = set()


def _extract(name):
    return extract(read_document(UNSEEN / name))


def _found(expected_name, officials):
    fits = [o for o in officials if name_score(expected_name, o.name) >= 0.9]
    return fits[0] if fits else None


def score(name, extraction=None):
    """{measure: (right, out of)} for one unseen file, plus 'false officials' and 'extra
    commitments' as (count, count) pairs."""
    want = ALL[name]
    extraction = extraction or _extract(name)
    officials = extraction.officials
    out = {}
    found = {n: _found(n, officials) for n in want["officials"]}
    total = len(want["officials"])
    out["officials found"] = (sum(1 for o in found.values() if o), total)
    out["official countries"] = (
        sum(1 for n, o in found.items() if o and o.country == want["officials"][n][0]),
        total,
    )
    out["attendance"] = (
        sum(1 for n, o in found.items() if o and o.attended == want["officials"][n][1]),
        total,
    )
    false = [o.name for o in officials if not any(name_score(n, o.name) for n in found)]
    out["false officials"] = (len(false), len(false))
    out["publication date"] = (int(extraction.document.published == want["published"]), 1)
    start, end, kinds, city = want["meeting"]
    meeting = extraction.meetings[0] if extraction.meetings else None
    out["meeting found"] = (int(meeting is not None), 1)
    dates = (meeting.start, meeting.end or meeting.start) if meeting is not None else None
    out["meeting dates"] = (int(meeting is not None and dates == (start, end or start)), 1)
    out["meeting kind"] = (int(meeting is not None and meeting.kind in kinds), 1)
    out["meeting city"] = (int(meeting is not None and meeting.city == city), 1)
    hits, parties_right = 0, 0
    matched = set()
    for phrase, parties in want["commitments"]:
        item = next((c for c in extraction.commitments if phrase in c.text), None)
        if item is not None:
            hits += 1
            matched.add(id(item))
            parties_right += item.parties == parties
    out["commitments found"] = (hits, len(want["commitments"]))
    out["commitment parties"] = (parties_right, len(want["commitments"]))
    extra = [c.text for c in extraction.commitments if id(c) not in matched]
    out["extra commitments"] = (len(extra), len(extra))
    return out


@pytest.mark.parametrize("name", sorted(ALL))
def test_officials_of_unseen_readouts(name):
    extraction = _extract(name)
    want = ALL[name]["officials"]
    got = {
        n: (o.country, o.attended) if (o := _found(n, extraction.officials)) else None for n in want
    }
    assert got == want
    others = [o.name for o in extraction.officials if not any(name_score(n, o.name) for n in want)]
    assert others == []


@pytest.mark.parametrize("name", sorted(ALL))
def test_dates_and_meeting_of_unseen_readouts(name):
    extraction = _extract(name)
    want = ALL[name]
    assert extraction.document.published == want["published"]
    start, end, kinds, city = want["meeting"]
    assert len(extraction.meetings) == 1
    meeting = extraction.meetings[0]
    assert (meeting.start, meeting.end or meeting.start) == (start, end or start)
    assert meeting.kind in kinds
    assert meeting.city == city


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True)) if name in KNOWN_MISSES else name
        for name in sorted(ALL)
    ],
)
def test_commitments_of_unseen_readouts(name):
    extraction = _extract(name)
    got = [(c.text, c.parties) for c in extraction.commitments]
    for phrase, parties in ALL[name]["commitments"]:
        assert any(phrase in text and found == parties for text, found in got), (phrase, got)
    texts = {text for text, _ in got}
    assert len(texts) <= len(ALL[name]["commitments"]), got


@pytest.mark.parametrize(
    "files", [EXPECTED, HELD_OUT, THIRD], ids=["first batch", "held out", "third batch"]
)
def test_totals(files, capsys):
    """Prints the score over a batch of files (run with -s); asserts only that it ran."""
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
