"""How to cite a statement, in the formats researchers paste: Chicago, APA, BibTeX and RIS.

Every format is built from the same few facts (`Cited`): who published the statement, its
title, its date (or none, or only the date of the meeting it reports), the original's address
and the archive's own. Titles come from documents, so each format escapes what its readers
treat as syntax: LaTeX's specials in BibTeX, line breaks (a new tag line) in RIS.
"""

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

ARCHIVE_NAME = "Bilateral Statements Archive"
UNKNOWN_PUBLISHER = "Unknown publisher"
FORMATS = {
    # key: (label, file extension or None, content type)
    "chicago": ("Chicago", None, None),
    "apa": ("APA", None, None),
    "bibtex": ("BibTeX", "bib", "application/x-bibtex; charset=utf-8"),
    "ris": ("RIS", "ris", "application/x-research-info-systems; charset=utf-8"),
}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True)
class Cited:
    """The facts every citation format is made of."""

    key: str  # the statement's slug: unique, and safe as a BibTeX key
    title: str
    publisher: str
    kind: str  # "Joint statement", "Readout", …
    language: str
    date: date | None  # the statement's own date
    about: date | None  # undated: the date of the meeting it reports ("on or about")
    source_url: str  # the original, '' when it is not a web address
    archive_url: str

    @classmethod
    def of(cls, statement, archive_url):
        source = urlsplit(statement.source_url or "")
        is_link = source.scheme in ("http", "https") and bool(source.netloc)
        return cls(
            key=statement.slug,
            title=_line(statement.title),
            publisher=_line(statement.publisher) or UNKNOWN_PUBLISHER,
            kind=statement.get_kind_display(),
            language=statement.language or "",
            date=statement.date,
            about=statement.listing_date
            if not statement.date and statement.date_from_meeting
            else None,
            source_url=statement.source_url if is_link else "",
            archive_url=archive_url,
        )


def _line(text):
    """One line of plain text: documents' titles may hold line breaks and control characters."""
    return re.sub(r"[\s\x00-\x1f\x7f]+", " ", text or "").strip()


def _day_month_year(day):
    return f"{day.day} {day:%B %Y}"


def chicago(cited):
    """Chicago (notes and bibliography), with the archive as where the copy was read."""
    if cited.date:
        when = _day_month_year(cited.date)
    elif cited.about:
        when = f"n.d. [on or about {_day_month_year(cited.about)}]"
    else:
        when = "n.d"
    original = f" {cited.source_url}." if cited.source_url else ""
    return (
        f"{cited.publisher}. “{cited.title}.” {when}.{original} "
        f"{ARCHIVE_NAME}, {cited.archive_url}."
    )


def apa(cited):
    """APA 7: a group author, (year, Month day), the title and where to find it."""
    if cited.date:
        when = f"{cited.date.year}, {cited.date:%B} {cited.date.day}"
    elif cited.about:
        when = f"n.d.; ca. {cited.about.year}, {cited.about:%B} {cited.about.day}"
    else:
        when = "n.d."
    original = f" {cited.source_url}" if cited.source_url else ""
    publisher = cited.publisher.rstrip(".")
    return (
        f"{publisher}. ({when}). {cited.title.rstrip('.')} [{cited.kind}].{original} "
        f"Archived at {ARCHIVE_NAME}: {cited.archive_url}"
    )


# LaTeX's special characters, as BibTeX fields must write them.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def bibtex_escape(text):
    """`text` as a BibTeX field value: LaTeX specials escaped, so braces always balance."""
    return "".join(_LATEX.get(char, char) for char in _line(text))


def _bibtex_url(url):
    """A URL for `url`/`howpublished` (read verbatim by biblatex): only what would break the
    entry (braces, backslashes, spaces) is percent-encoded."""
    return (
        _line(url).replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")
    )


def bibtex(cited):
    """A BibLaTeX/BibTeX `@misc` entry; the corporate author and the title in double braces,
    so that BibTeX neither splits the publisher into names nor changes the title's capitals."""
    fields = [
        ("author", "{" + bibtex_escape(cited.publisher) + "}"),
        ("title", "{" + bibtex_escape(cited.title) + "}"),
        ("howpublished", bibtex_escape(cited.kind)),
        ("organization", bibtex_escape(cited.publisher)),
    ]
    notes = []
    if cited.date:
        fields += [("year", str(cited.date.year)), ("date", cited.date.isoformat())]
    elif cited.about:
        about = _day_month_year(cited.about)
        notes.append(f"n.d., on or about {about} (the date of the meeting it reports)")
    else:
        notes.append("n.d.")
    fields.append(("url", _bibtex_url(cited.source_url or cited.archive_url)))
    notes.append(f"Archived at {ARCHIVE_NAME}, \\url{{{_bibtex_url(cited.archive_url)}}}")
    fields.append(("note", "; ".join(notes)))
    if cited.language:
        fields.append(("language", bibtex_escape(cited.language)))
    lines = [f"  {name} = {{{value}}}" for name, value in fields]
    if cited.date:
        lines.append(f"  month = {MONTHS[cited.date.month - 1]}")  # a macro, bare
    return "@misc{" + cited.key + ",\n" + ",\n".join(lines) + "\n}\n"


def ris(cited):
    """An RIS record (Zotero, EndNote, Mendeley): one tag a line, CRLF, values on one line."""
    lines = [
        ("TY", "GOVDOC"),
        ("TI", cited.title),
        ("AU", cited.publisher),
        ("PB", cited.publisher),
        ("M3", cited.kind),
    ]
    if cited.date:
        lines += [
            ("PY", str(cited.date.year)),
            ("DA", cited.date.strftime("%Y/%m/%d")),
        ]
    elif cited.about:
        about = _day_month_year(cited.about)
        lines.append(("N1", f"n.d.; on or about {about}, the date of the meeting it reports"))
    if cited.source_url:
        lines.append(("UR", cited.source_url))
    lines += [
        ("UR", cited.archive_url),
        ("DB", ARCHIVE_NAME),
        ("N1", f"Archived at {ARCHIVE_NAME}: {cited.archive_url}"),
    ]
    if cited.language:
        lines.append(("LA", cited.language))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_line(value)}\r\n" for tag, value in lines)


def all_formats(cited):
    """[(key, label, text, download extension or None)] in the order the page shows them."""
    makers = {"chicago": chicago, "apa": apa, "bibtex": bibtex, "ris": ris}
    return [
        (key, label, makers[key](cited), extension)
        for key, (label, extension, _content_type) in FORMATS.items()
    ]
