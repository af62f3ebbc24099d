"""Citing a statement: Chicago, APA, BibTeX and RIS (statements/citations.py), the downloads,
and the statement page's citation block. Titles come from documents, so a hostile one is tried."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from statements import citations
from statements.models import Statement
from tests.factories import MeetingFactory, ReportFactory, StatementFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    'Fentanyl {50%} & $ # _ ^ ~ \\end{document} "quoted" <script>x</script>\nER  - \r\nTY  - X'
)
UNBALANCED = "Closing } before { opening }} {"


def parse_bibtex(text):
    """A strict reader for one entry: (type, key, {field: raw value}); fails on any unbalanced
    or unescaped brace, the way BibTeX would lose the rest of the file."""
    match = re.fullmatch(r"@(\w+)\{([^,{}\s]+),\n(.*)\n\}\n", text, re.S)
    assert match, text
    kind, key, body = match.groups()
    fields, i = {}, 0
    while i < len(body):
        name = re.match(r"\s*(\w+) = ", body[i:])
        assert name, body[i:]
        i += name.end()
        if body[i] == "{":
            depth, start = 0, i
            while True:
                char = body[i]
                if char == "\\":
                    i += 2
                    continue
                depth += {"{": 1, "}": -1}.get(char, 0)
                i += 1
                if depth == 0:
                    break
                assert i < len(body), "unbalanced braces"
            value = body[start + 1 : i - 1]
        else:
            bare = re.match(r"\w+", body[i:])
            value = bare.group()
            i += bare.end()
        fields[name.group(1)] = value
        rest = re.match(r",\n|$", body[i:])
        assert rest, body[i:]
        i += rest.end()
    return kind, key, fields


def unlatex(value):
    """Undo `bibtex_escape` (what LaTeX would print)."""
    value = value.replace(r"\textbackslash{}", "\\").replace(r"\^{}", "^").replace(r"\~{}", "~")
    return re.sub(r"\\([{}$&%#_])", r"\1", value)


def parse_ris(text):
    """[(tag, value)]: every line must be `XX  - value`, CRLF-terminated, ending with ER."""
    assert text.endswith("ER  - \r\n")
    lines = text.split("\r\n")[:-1]
    pairs = []
    for line in lines:
        assert re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line), line
        assert "\n" not in line and "\r" not in line
        pairs.append((line[:2], line[6:]))
    assert pairs[0] == ("TY", "GOVDOC")
    assert [tag for tag, _ in pairs].count("ER") == 1
    return pairs


@pytest.fixture
def statement():
    return StatementFactory(
        title="Readout of the Homeland Security Advisor’s Trip to Mexico",
        slug="readout-trip",
        publisher="The White House",
        kind=Statement.Kind.READOUT,
        date=date(2023, 12, 28),
        source_url="https://www.whitehouse.gov/briefing-room/readout/",
    )


def test_chicago_and_apa_name_publisher_title_date_original_and_archive(statement):
    cited = citations.Cited.of(statement, "https://archive.example/statements/readout-trip/")
    assert citations.chicago(cited) == (
        "The White House. “Readout of the Homeland Security Advisor’s Trip to Mexico.” "
        "28 December 2023. https://www.whitehouse.gov/briefing-room/readout/. "
        "Bilateral Statements Archive, https://archive.example/statements/readout-trip/."
    )
    assert citations.apa(cited) == (
        "The White House. (2023, December 28). Readout of the Homeland Security Advisor’s Trip "
        "to Mexico [Readout]. https://www.whitehouse.gov/briefing-room/readout/ "
        "Archived at Bilateral Statements Archive: https://archive.example/statements/readout-trip/"
    )


def test_undated_statements_cite_nd_or_the_meeting_date_on_or_about():
    undated = StatementFactory(date=None, publisher="", source_url="")
    cited = citations.Cited.of(undated, "http://x/s/")
    assert "Unknown publisher. “" in citations.chicago(cited)
    assert "” n.d. Bilateral Statements Archive, http://x/s/." in citations.chicago(cited)
    assert "(n.d.)." in citations.apa(cited)
    _, _, fields = parse_bibtex(citations.bibtex(cited))
    assert "year" not in fields and fields["note"].startswith("n.d.")
    assert fields["url"] == "http://x/s/"  # no original: the archive's copy
    assert "PY" not in dict(parse_ris(citations.ris(cited)))

    reported = StatementFactory(date=None)
    ReportFactory(statement=reported, meeting=MeetingFactory(start_date=date(2024, 2, 15)))
    reported.refresh_from_db()
    cited = citations.Cited.of(reported, "http://x/r/")
    assert "n.d. [on or about 15 February 2024]." in citations.chicago(cited)
    assert "(n.d.; ca. 2024, February 15)." in citations.apa(cited)
    _, _, fields = parse_bibtex(citations.bibtex(cited))
    assert "on or about 15 February 2024" in fields["note"] and "year" not in fields
    assert ("N1", "n.d.; on or about 15 February 2024, the date of the meeting it reports") in (
        parse_ris(citations.ris(cited))
    )


def test_bibtex_parses_with_every_field_and_escapes_a_hostile_title(statement):
    cited = citations.Cited.of(statement, "https://archive.example/statements/readout-trip/")
    kind, key, fields = parse_bibtex(citations.bibtex(cited))
    assert (kind, key) == ("misc", "readout-trip")
    assert fields["author"] == "{The White House}"
    assert fields["title"] == "{Readout of the Homeland Security Advisor’s Trip to Mexico}"
    assert (fields["year"], fields["month"], fields["date"]) == ("2023", "dec", "2023-12-28")
    assert fields["url"] == "https://www.whitehouse.gov/briefing-room/readout/"
    assert "\\url{https://archive.example/statements/readout-trip/}" in fields["note"]

    for title in (HOSTILE, UNBALANCED):
        statement.title = title
        statement.publisher = "Ministry of {Foreign} Affairs & Trade_%"
        statement.source_url = "https://example.org/a}b{c\\d"
        text = citations.bibtex(citations.Cited.of(statement, "http://x/s/"))
        _, _, fields = parse_bibtex(text)  # balanced: the entry ends where it should
        assert unlatex(fields["title"][1:-1]) == " ".join(title.split())
        assert unlatex(fields["author"][1:-1]) == "Ministry of {Foreign} Affairs & Trade_%"
        assert "\n" not in fields["title"]
        assert not re.search(r"(?<!\\)[&%$#_]", fields["title"])  # every special escaped
        assert "{" not in fields["url"] and "}" not in fields["url"] and "\\" not in fields["url"]


def test_ris_record_parses_with_its_fields_and_a_hostile_title_stays_one_line(statement):
    cited = citations.Cited.of(statement, "https://archive.example/statements/readout-trip/")
    pairs = parse_ris(citations.ris(cited))
    fields = dict(pairs)
    assert fields["TI"] == "Readout of the Homeland Security Advisor’s Trip to Mexico"
    assert fields["AU"] == fields["PB"] == "The White House"
    assert (fields["PY"], fields["DA"]) == ("2023", "2023/12/28")
    assert [v for t, v in pairs if t == "UR"] == [
        "https://www.whitehouse.gov/briefing-room/readout/",
        "https://archive.example/statements/readout-trip/",
    ]
    assert fields["M3"] == "Readout"

    statement.title = HOSTILE
    pairs = parse_ris(citations.ris(citations.Cited.of(statement, "http://x/s/")))
    assert dict(pairs)["TI"] == " ".join(HOSTILE.split())  # no injected ER / TY line


def test_downloads_have_their_content_type_filename_and_content(client, statement):
    url = reverse("statements:statement_cite", args=[statement.slug, "ris"])
    assert url == "/statements/readout-trip/cite.ris"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="readout-trip.ris"'
    fields = dict(parse_ris(response.content.decode()))
    assert fields["UR"] == "http://testserver/statements/readout-trip/"  # the last UR: the copy

    response = client.get("/statements/readout-trip/cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="readout-trip.bib"'
    _, key, fields = parse_bibtex(response.content.decode())
    assert key == "readout-trip" and fields["year"] == "2023"

    assert client.get("/statements/readout-trip/cite.pdf").status_code == 404
    assert client.get("/statements/no-such-statement/cite.ris").status_code == 404
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405


def test_drafts_cite_only_for_curators(client, statement):
    statement.status = Statement.Status.DRAFT
    statement.save()
    url = "/statements/readout-trip/cite.bib"
    assert client.get(url).status_code == 404
    curator = User.objects.create_user("curator", password="x", is_staff=True)
    curator.user_permissions.add(Permission.objects.get(codename="view_statement"))
    client.force_login(curator)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_statement_page_offers_every_format_escaped(
    client, statement, django_assert_max_num_queries
):
    statement.title = HOSTILE
    statement.save()
    with django_assert_max_num_queries(12):
        response = client.get(statement.get_absolute_url())
    page = response.content.decode()
    for key, label in (("apa", "APA"), ("bibtex", "BibTeX"), ("ris", "RIS")):
        assert f'<textarea id="citation-{key}"' in page
        assert f'data-copy-target="citation-{key}"' in page
        assert f"<summary>{label}</summary>" in page
    # Chicago stays the default, open and printed, with its id (the copy button and print CSS).
    assert re.search(r'<details class="cite-format cite-format--default" [^>]*open>', page)
    assert 'data-copy-target="citation-text"' in page
    assert 'href="/statements/readout-trip/cite.ris" download' in page
    assert 'href="/statements/readout-trip/cite.bib" download' in page
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    bib = re.search(r'<textarea id="citation-bibtex"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert r"\{50\%\} \&amp; \$ \# \_" in bib  # LaTeX-escaped, then HTML-escaped
