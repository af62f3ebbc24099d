"""What each extraction step hands to the next. Plain data, no database.

The pipeline (`pipeline.py`) reads a file into a `Document`, runs the steps over its body and
saves the result. Curators' review screens show the same objects before anything is saved.
"""

from dataclasses import dataclass, field
from datetime import date


class DocumentError(ValueError):
    """A file that cannot be imported. The message says why, in one line, for a person."""


@dataclass
class Document:
    source_file: str  # file name as given (relative to the import root when possible)
    body: str  # cleaned text: no front matter, no markdown escapes, no image lines
    title: str
    title_inferred: bool
    publisher: str  # "The White House", "U.S. Embassy in Mexico", "Government of Mexico", …
    kind: str  # a Statement.Kind value
    language: str  # "en", "es", …
    source_url: str
    published: date | None  # publication date, never invented
    date_source: str  # a Statement.DateSource value
    date_note: str  # where the date came from, or why there is none
    content_hash: str  # sha256 of the cleaned body (what identifies the text)
    tags: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    front_matter: dict = field(default_factory=dict)
    # Whom a header line attributes the text to ("The below is attributable to Spokesperson X:"):
    # the voice of the document, a person only mentioned.
    attributed_to: str = ""


@dataclass
class DateMention:
    """A date or date range a text gives for something that happened ("On February 6-7")."""

    start: date
    end: date | None
    phrase: str  # as written
    position: int  # character offset in the body
    relative: bool  # "yesterday", "today", "last Saturday": computed from the anchor date
    note: str = ""  # how it was computed


@dataclass
class OfficialMention:
    """A person a document names, with the title as written."""

    name: str  # as written: "Dr. Liz Sherwood-Randall" -> "Liz Sherwood-Randall"
    title: str  # as written: "Homeland Security Advisor", "" when none
    country: str  # ISO 3166 alpha-2 guess, "" when unknown
    attended: bool  # took part in the meeting the document reports (not only mentioned)
    position: int  # offset of the first mention in the body
    how_found: str = ""  # "title", "delegation list", "quote attribution", "gazetteer", …


@dataclass
class CommitmentFound:
    text: str  # the committing sentence or clause
    parties: list[str]  # ISO codes when the parties are countries ("US", "MX"), else names
    position: int
    # Why a curator should check it, when a step is unsure ("proposed by the commitment scorer
    # (0.83: …)"); empty for what the rules found.
    note: str = ""


@dataclass
class QuoteFound:
    text: str
    speaker_as_written: str  # "Biden", "Lopez Obrador"
    position: int


@dataclass
class MeetingFound:
    """A meeting a document reports."""

    start: date | None
    end: date | None
    date_inferred: bool
    city: str
    venue: str
    kind: str  # a Meeting.Kind value
    countries: list[str]
    title: str
    attendees: list[OfficialMention] = field(default_factory=list)
    note: str = ""
