"""Dates a readout gives for what happened: "On July 24", "February 6-7", "yesterday".

Readouts rarely give a year, and "yesterday" only means something next to the publication date,
so every yearless or relative date is computed from an *anchor* (the publication date). Without
an anchor they yield nothing: a date the text does not pin down is never invented.
English and Spanish month names are understood ("24 de julio de 2023").
"""

import re
from datetime import date, timedelta

from statements.ingest.types import DateMention

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
}  # fmt: skip

# Longest names first so "September" wins over "Sep", and abbreviations may carry a dot.
_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?:\.(?=\s))?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_RANGE_SEP = r"\s*(?:-|–|—|to|through|and|al|y|a)\s*"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"


def _p(template, **names):
    return template.format(**names)


# "July 24, 2023", "February 6-7", "Feb. 6 to 7, 2024", "July 31 - August 2, 2023"
_MONTH_FIRST = re.compile(
    r"\b"
    + _p(_MONTH, name="m1")
    + r"\s+"
    + _p(_DAY, name="d1")
    + r"(?:"
    + _RANGE_SEP
    + r"(?:"
    + _p(_MONTH, name="m2")
    + r"\s+)?"
    + _p(_DAY, name="d2")
    + r")?"
    + r"(?:,?\s+"
    + _p(_YEAR, name="y")
    + r")?\b(?![-–/]\d)",
    re.IGNORECASE,
)
# "24 July 2023", "6-7 February", "24 de julio de 2023", "6 y 7 de febrero"
_DAY_FIRST = re.compile(
    r"\b"
    + _p(_DAY, name="d1")
    + r"(?:"
    + r"(?:\s+de)?"
    + r"(?:\s+"
    + _p(_MONTH, name="m1")
    + r")?"
    + _RANGE_SEP
    + _p(_DAY, name="d2")
    + r")?"
    + r"(?:\s+de)?\s+"
    + _p(_MONTH, name="m2")
    + r"(?:,?(?:\s+de(?:l)?)?\s+"
    + _p(_YEAR, name="y")
    + r")?\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_RELATIVE_DAY = re.compile(
    r"\b(?P<word>yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|ayer|hoy"
    r"|anteayer)\b",
    re.IGNORECASE,
)
# "Over the last 48 hours", "in the past two days": the days up to the anchor.
_LAST_HOURS = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:last|past)\s+(?:(?P<hours>24|36|48|72|96)\s+hours"
    r"|(?P<days>two|three|four)\s+days)\b",
    re.IGNORECASE,
)
_DAY_COUNTS = {"two": 2, "three": 3, "four": 4}
_LAST_WEEKDAY = re.compile(
    r"\b(?:(?:last|this\s+past)\s+(?P<en>" + "|".join(list(WEEKDAYS)[:7]) + r")"
    r"|(?:el\s+)?(?P<es>" + "|".join(list(WEEKDAYS)[7:]) + r")\s+pasado"
    r"|(?:el\s+)?pasado\s+(?P<es2>" + "|".join(list(WEEKDAYS)[7:]) + r"))\b",
    re.IGNORECASE,
)
# "On Monday, the Secretary met…": the most recent such day on or before the anchor.
_ON_WEEKDAY = re.compile(
    r"\b(?:on|el)\s+(?P<day>"
    + "|".join(WEEKDAYS)
    + r")\b(?!\s*,?\s*(?:"
    + _MONTH.format(name="m")
    + r"|[0-3]?\d))",
    re.IGNORECASE,
)
_RELATIVE_OFFSETS = {
    "yesterday": -1,
    "ayer": -1,
    "anteayer": -2,
    "today": 0,
    "hoy": 0,
    "tomorrow": 1,
}


def _safe_date(year, month, day):
    try:
        return date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def _with_year(month, day, year, anchor):
    """A full date; a yearless one takes the anchor's year (the year before if that is later)."""
    if year:
        return _safe_date(year, month, day), ""
    if anchor is None:
        return None, ""
    found = _safe_date(anchor.year, month, day)
    if found and found > anchor:
        found = _safe_date(anchor.year - 1, month, day)
        return found, f"year taken as {anchor.year - 1}: {anchor.year} would be after the anchor"
    return found, f"year taken from the anchor ({anchor.isoformat()})"


def _range(groups, anchor, *, day_first):
    """Build (start, end, note) from a month-first or day-first match's groups."""
    year = groups.get("y")
    if day_first:
        end_month = MONTHS[groups["m2"].lower()]
        start_month = MONTHS[groups["m1"].lower()] if groups.get("m1") else end_month
        start_day, end_day = groups["d1"], groups.get("d2")
    else:
        start_month = MONTHS[groups["m1"].lower()]
        end_month = MONTHS[groups["m2"].lower()] if groups.get("m2") else start_month
        start_day, end_day = groups["d1"], groups.get("d2")
    if end_day is None:
        start, note = _with_year(start_month, start_day, year, anchor)
        return start, None, note
    end, note = _with_year(end_month, end_day, year, anchor)
    if end is None:
        return None, None, ""
    start_year = end.year - 1 if start_month > end_month else end.year
    start = _safe_date(start_year, start_month, start_day)
    if start is None or start > end:
        return None, None, ""
    return start, (end if end != start else None), note


def find_dates(body: str, anchor: date | None) -> list[DateMention]:
    """Every date or date range the text gives, in the order written.

    Full dates stand alone; yearless and relative dates need `anchor` and are skipped without it.
    Vague phrases ("earlier this month", "in January") are skipped: too unsure to date a meeting.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start, end):
        return all(end <= a or start >= b for a, b in taken)

    def add(match, start, end, *, relative, note, span=None):
        lo, hi = span or match.span()
        if start is None or not free(lo, hi):
            return
        taken.append((lo, hi))
        found.append(
            DateMention(
                start=start,
                end=end,
                phrase=body[lo:hi],
                position=lo,
                relative=relative,
                note=note,
            )
        )

    for match in _ISO.finditer(body):
        add(match, _safe_date(match["y"], match["m"], match["d"]), None, relative=False, note="")
    for pattern, day_first in ((_MONTH_FIRST, False), (_DAY_FIRST, True)):
        for match in pattern.finditer(body):
            groups = match.groupdict()
            start, end, note = _range(groups, anchor, day_first=day_first)
            # "May" is also a verb: "may 5" inside a sentence is not a date unless capitalised.
            month_word = groups.get("m2" if day_first else "m1") or ""
            if month_word.lower() == "may" and month_word[0].islower():
                continue
            add(match, start, end, relative=False, note=note)
    if anchor is not None:
        for match in _RELATIVE_DAY.finditer(body):
            offset = _RELATIVE_OFFSETS.get(match["word"].lower(), 0)  # "this afternoon": today
            day = anchor + timedelta(days=offset)
            add(
                match,
                day,
                None,
                relative=True,
                note=f"'{match['word']}' counted from {anchor.isoformat()}",
            )
        for match in _LAST_HOURS.finditer(body):
            days = (
                -(-int(match["hours"]) // 24)
                if match["hours"]
                else _DAY_COUNTS[match["days"].lower()]
            )
            add(
                match,
                anchor - timedelta(days=days - 1),
                anchor,
                relative=True,
                note=f"the {days} days up to {anchor.isoformat()}",
            )
        for match in _LAST_WEEKDAY.finditer(body):
            name = (match["en"] or match["es"] or match["es2"]).lower()
            back = (anchor.weekday() - WEEKDAYS[name]) % 7 or 7
            add(
                match,
                anchor - timedelta(days=back),
                None,
                relative=True,
                note=f"the {name} before {anchor.isoformat()}",
            )
        for match in _ON_WEEKDAY.finditer(body):
            sentence_so_far = re.split(
                r"[.!?]\s", body[max(0, match.start() - 120) : match.start()]
            )[-1]
            if re.search(r"\b(?:will|next|upcoming|coming|pr[oó]ximo)\b", sentence_so_far, re.I):
                continue  # "will meet on Monday": a future day, not one before the anchor
            name = match["day"].lower()
            back = (anchor.weekday() - WEEKDAYS[name]) % 7
            add(
                match,
                anchor - timedelta(days=back),
                None,
                relative=True,
                note=f"the {name} on or before {anchor.isoformat()}",
            )
    found.sort(key=lambda mention: mention.position)
    return found


# A dateline: a full date at the start of a line, alone or before a dash, optionally after a
# place and a weekday ("WASHINGTON, July 25, 2023 —", "Ciudad de México, 7 de febrero de 2024.").
_DATELINE_BEFORE = re.compile(
    r"^[ \t*_]*(?:(?:release date|date|published|posted|issued|fecha(?: de publicaci[oó]n)?)"
    r"[ \t]*:[ \t]*)?"
    r"(?:[A-ZÁÉÍÓÚÑ][\w.'’ -]{1,40},[ \t]*){0,2}(?:(?:" + "|".join(WEEKDAYS) + r"),?[ \t]+)?"
    r"(?:a[ \t]+)?$",  # "Washington, D.C., a 5 de octubre de 2023"
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(r"^[ \t*_]*(?:$|[-–—:|(]|\.(?:\s|$)|,\s*(?:19|20)?\d\d:\d\d)")


def publication_date_from_text(body: str) -> tuple[date | None, str]:
    """The date a dateline near the top states, or (None, why not).

    Only the first few lines are read, and only a full date with a year counts: a date further
    down is about an event, not the publication.
    """
    lines = [line for line in body.splitlines() if line.strip()][:8]
    for line in lines:
        for mention in find_dates(line[:200], None):
            if mention.end is not None:
                continue
            before = line[: mention.position]
            after = line[mention.position + len(mention.phrase) :]
            if _DATELINE_BEFORE.match(before) and _DATELINE_AFTER.match(after):
                return mention.start, f"dateline in the text: '{mention.phrase}'"
            break
    if lines:
        # A headline that ends with its date: "PM call with President Trump: 24 February 2025".
        for mention in find_dates(lines[0][:300], None):
            before = lines[0][: mention.position].rstrip()
            after = lines[0][mention.position + len(mention.phrase) :].strip(" .)")
            if mention.end is None and not after and before.endswith((":", "-", "–", "—", "|")):
                return mention.start, f"date in the headline: '{mention.phrase}'"
    return None, "no date in the file: needs a curator"
