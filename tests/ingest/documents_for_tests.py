"""Small readouts that are not seeds (other countries, other titles), for pipeline tests."""

from pathlib import Path

CANADA = """---
title: Readout of Secretary Blinken's Meeting with Canadian Foreign Minister Joly
date: '2024-03-12'
source_url: https://www.state.gov/readout-of-secretary-blinkens-meeting-with-foreign-minister-joly/
---

On March 11, Secretary of State Antony J. Blinken met with Canadian Minister of Foreign Affairs
Mélanie Joly in Ottawa. The Secretary and the Minister discussed migration across the hemisphere,
protection for migrants and refugees, and the fight against fentanyl. The United States and
Canada committed to expand information sharing on synthetic drug trafficking networks.

“Our partnership with Canada has never been stronger,” Blinken said.
"""

GUATEMALA = """---
title: Readout of Secretary Mayorkas's Visit to Guatemala
date: '2024-01-19'
source_url: https://www.dhs.gov/news/2024/01/19/readout-secretary-mayorkas-visit-guatemala
---

On January 18, Secretary of Homeland Security Alejandro N. Mayorkas met with President Bernardo
Arévalo of Guatemala in Guatemala City. The two governments agreed to strengthen cooperation
against human smuggling networks, and the United States will expand legal pathways for
migration from the region.
"""

UNDATED = """Joint Communiqué on Border Infrastructure

Secretary of Foreign Affairs Alicia Bárcena and U.S. Ambassador to Mexico Ken Salazar met at the
Ministry of Foreign Affairs. Both delegations agreed to modernize border crossings and will meet
again to review progress on migration.

Source : Government of Mexico
"""


def write(folder: Path, name: str, text: str, encoding="utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def many_readouts(folder: Path, count: int) -> list[Path]:
    """`count` distinct small readouts (distinct dates and texts)."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August"]
    paths = []
    for n in range(count):
        month = months[n % len(months)]
        day = n % 27 + 1
        text = (
            f"---\ntitle: Readout number {n}\ndate: '2024-{n % 8 + 1:02d}-{day:02d}'\n---\n\n"
            f"On {month} {day}, Secretary of State Antony Blinken met with Canadian Minister of "
            f"Foreign Affairs Mélanie Joly. Both countries committed to meeting number {n} on "
            "migration.\n"
        )
        paths.append(write(folder, f"readout_{n:03d}.md", text))
    return paths
