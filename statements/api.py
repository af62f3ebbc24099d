"""The read-only JSON API: plain Django views returning JsonResponse.

No API framework: every endpoint is a GET over QuerySets the pages already use, with the same
parameters as the pages (see `statements.filters`); a framework would add a second vocabulary of
serializers, filters and paginators to keep in step with the pages for no gain here.

    /api/                         the endpoints
    /api/search/                  the search page as JSON (results, snippet, facets, did_you_mean)
    /api/suggest/?q=              autocomplete: officials, topics, meetings starting with q
    /api/statements/              published statements, same filters as search
    /api/officials/               ?q= (name), ?country=
    /api/meetings/                ?year=, ?official=, ?country=
    /api/topics/
    /api/<kind>/<slug>/           one object with links to its related objects
                                  (a meeting: its governments' accounts compared, `comparison`)
    /api/commitments/             commitment threads: ?party=, ?topic=, ?official=, ?year=, ?q=
    /api/commitments/<slug>/      one thread, with its officials and meetings
    /api/openapi.json             an OpenAPI 3 description

Lists are paginated with `page` and `page_size` (at most 100). Bad parameters answer 400 with
{"errors": [...]}; unknown objects 404 with {"error": ...}. Drafts never appear.
"""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from statements import api_schemas
from statements.comparison import compare_meeting
from statements.models import (
    Meeting,
    MeetingAttendance,
    MeetingReport,
    Participant,
    ParticipantAlias,
    Statement,
    StatementParticipant,
    Topic,
    country_labels,
    hide_draft_titles,
)
from statements.search import mark_sentinels
from statements.search.faceted import faceted_search
from statements.search.suggest import FEW_RESULTS, SUGGEST_LIMIT, did_you_mean, suggest
from statements.text import fold

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
API_FACETS = ("official", "topic", "country", "publisher", "kind", "year", "language")
KINDS = ("statements", "officials", "meetings", "topics")
MAX_SUGGEST_LIMIT = 20


class BadRequest(Exception):
    pass


def _error(messages, status=400):
    return JsonResponse({"errors": messages}, status=status)


def _positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name}: a whole number is required, not {raw[:40]!r}.") from None
    if value < 1:
        raise BadRequest(f"{name}: must be 1 or more.")
    if maximum and value > maximum:
        raise BadRequest(f"{name}: at most {maximum}, not {value}.")
    return value


class PageNotFound(Exception):
    """A `page` past the last one: answered 404 with the number of pages."""


def _check_page(number, count, size):
    pages = max(1, -(-count // size))
    if number > pages:
        raise PageNotFound(
            f"page: there is no page {number}; {count} result{'s' if count != 1 else ''} "
            f"fill {pages} page{'s' if pages != 1 else ''} of {size}."
        )


def _paging(request):
    return (
        _positive_int(request, "page", 1),
        _positive_int(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    )


def _page_of(items, request):
    """One page of `items` (a QuerySet or SearchResults) and the pagination keys."""
    number, size = _paging(request)
    paginator = Paginator(items, size)
    count = paginator.count
    _check_page(number, count, size)
    start = (number - 1) * size
    rows = list(items[start : start + size]) if start < count else []
    meta = {"count": count, "page": number, "page_size": size, "num_pages": paginator.num_pages}
    for key, target in (("next", number + 1), ("previous", number - 1)):
        ok = 1 <= target <= paginator.num_pages
        meta[key] = _with_page(request, target) if ok else None
    return rows, meta


def _with_page(request, number):
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def _url(request, obj):
    return request.build_absolute_uri(obj.get_absolute_url())


def _api_url(request, kind, slug=None):
    if slug is None:
        return request.build_absolute_uri(reverse("statements:api_list", args=[kind]))
    return request.build_absolute_uri(reverse("statements:api_detail", args=[kind, slug]))


def api_view(func):
    """GET only; BadRequest becomes a 400 with its message."""

    @require_safe
    def wrapper(request, *args, **kwargs):
        try:
            return func(request, *args, **kwargs)
        except BadRequest as error:
            return _error([str(error)])
        except PageNotFound as error:
            return _error([str(error)], status=404)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


# --- serializers -----------------------------------------------------------------------------


def statement_summary(statement, request):
    return {
        "slug": statement.slug,
        "title": statement.title,
        "date": statement.date.isoformat() if statement.date else None,
        "date_inferred": bool(statement.date_inferred),
        # What lists sort and filter by: the own date, else the meeting's ("meeting").
        "listing_date": statement.listing_date.isoformat() if statement.listing_date else None,
        "listing_date_source": statement.listing_date_source,
        "publisher": statement.publisher,
        "kind": statement.kind,
        "url": _url(request, statement),
        "api_url": _api_url(request, "statements", statement.slug),
        "officials": [m.participant.slug for m in statement.mentions.all()],
        "topics": [t.slug for t in statement.topics.all()],
        "meetings": [m.slug for m in statement.meetings.all()],
    }


def official_summary(official, request):
    return {
        "slug": official.slug,
        "name": official.name,
        "country": official.country,
        "titles": getattr(official, "public_titles", official.titles),
        "statement_count": getattr(official, "statement_count", None),
        "url": _url(request, official),
        "api_url": _api_url(request, "officials", official.slug),
    }


def meeting_summary(meeting, request):
    return {
        "slug": meeting.slug,
        "title": meeting.title,
        "start_date": meeting.start_date.isoformat() if meeting.start_date else None,
        "end_date": meeting.end_date.isoformat() if meeting.end_date else None,
        "date_inferred": meeting.date_inferred,
        "place": meeting.place,
        "kind": meeting.kind,
        "countries": meeting.countries,
        "url": _url(request, meeting),
        "api_url": _api_url(request, "meetings", meeting.slug),
    }


def topic_summary(topic, request):
    return {
        "slug": topic.slug,
        "name": topic.name,
        "statement_count": getattr(topic, "statement_count", None),
        "url": _url(request, topic),
        "api_url": _api_url(request, "topics", topic.slug),
    }


# --- endpoints -------------------------------------------------------------------------------


@api_view
def api_root(request):
    """The endpoints."""
    return JsonResponse(
        {
            "search": request.build_absolute_uri(reverse("statements:api_search")),
            "suggest": request.build_absolute_uri(reverse("statements:api_suggest")),
            **{kind: _api_url(request, kind) for kind in KINDS},
            "commitments": request.build_absolute_uri(reverse("statements:api_commitments")),
            "openapi": request.build_absolute_uri(reverse("statements:api_openapi")),
        }
    )


@api_view
def api_search(request):
    """The search page as JSON: {count, page, results, facets}."""
    number, size = _paging(request)
    found = faceted_search(request.GET, facets=API_FACETS)
    if found.errors:
        return _error(found.errors)
    facets = {name: [value.as_dict() for value in values] for name, values in found.facets.items()}
    count = found.results.count()
    _check_page(number, count, size)
    start = (number - 1) * size
    statements = found.results[start : start + size] if start < count else []
    results = [
        {
            "slug": s.slug,
            "title": s.title,
            "date": s.date.isoformat() if s.date else None,
            "listing_date": s.listing_date.isoformat() if s.listing_date else None,
            "listing_date_source": s.listing_date_source,
            "publisher": s.publisher,
            "url": _url(request, s),
            "snippet": str(mark_sentinels(s.snippet)),
            "officials": [m.participant.slug for m in s.mentions.all()],
            "topics": [t.slug for t in s.topics.all()],
        }
        for s in statements
    ]
    body = {"count": count, "page": number, "results": results, "facets": facets}
    # A correction only when the words found little: null otherwise, and when none is known.
    body["did_you_mean"] = did_you_mean(found.q) if count <= FEW_RESULTS and found.q else None
    return JsonResponse(body)


@api_view
def api_suggest(request):
    """Autocomplete: officials, topics and meetings whose names start with what is typed."""
    limit = _positive_int(request, "limit", SUGGEST_LIMIT, MAX_SUGGEST_LIMIT)
    suggestions = [
        {**s.as_dict(), "url": request.build_absolute_uri(s.url)}
        for s in suggest(request.GET.get("q", ""), limit)
    ]
    return JsonResponse({"suggestions": suggestions})


def _statements_list(request):
    found = faceted_search(request.GET)
    if found.errors:
        return _error(found.errors)
    rows, meta = _page_of(found.results, request)
    return JsonResponse({**meta, "results": [statement_summary(s, request) for s in rows]})


def _officials_list(request):
    officials = Participant.objects.visible().with_listing_data().order_by("name", "pk")
    countries = [c for c in request.GET.getlist("country") if c]
    unknown = [c for c in countries if c not in country_labels()]
    if unknown:
        raise BadRequest(f"country: unknown code(s) {', '.join(unknown)[:80]}.")
    if countries:
        officials = officials.filter(country__in=countries)
    key = fold(request.GET.get("q", ""))
    if key:
        officials = officials.filter(
            Q(name_key__contains=key)
            | Exists(
                ParticipantAlias.objects.filter(participant=OuterRef("pk"), name_key__contains=key)
            )
        )
    rows, meta = _page_of(officials, request)
    Participant.objects.public_forms(rows)
    return JsonResponse({**meta, "results": [official_summary(o, request) for o in rows]})


def _meetings_list(request):
    meetings = Meeting.objects.visible().order_by("-start_date", "-pk")
    years = request.GET.getlist("year")
    if any(not y.isdecimal() for y in years):
        raise BadRequest("year: a four-digit year is required.")
    if years:
        meetings = meetings.filter(start_date__year__in=[int(y) for y in years])
    officials = [s for s in request.GET.getlist("official") if s]
    if officials:
        meetings = meetings.filter(
            Exists(
                MeetingAttendance.objects.public().filter(
                    meeting=OuterRef("pk"), participant__slug__in=officials
                )
            )
        )
    countries = [c for c in request.GET.getlist("country") if c]
    if countries:
        match = Q()
        for code in countries:
            match |= Q(countries__icontains=f'"{code}"')  # a JSON list: works on both engines
        meetings = meetings.filter(match)
    rows, meta = _page_of(meetings, request)
    return JsonResponse({**meta, "results": [meeting_summary(m, request) for m in rows]})


def _topics_list(request):
    topics = Topic.objects.with_listing_data().filter(statement_count__gt=0).order_by("name", "pk")
    rows, meta = _page_of(topics, request)
    return JsonResponse({**meta, "results": [topic_summary(t, request) for t in rows]})


LISTS = {
    "statements": _statements_list,
    "officials": _officials_list,
    "meetings": _meetings_list,
    "topics": _topics_list,
}


@api_view
def api_list(request, kind):
    """A paginated list of one kind of object."""
    if kind not in LISTS:
        return JsonResponse(
            {"error": f"No such list: {kind}. Try one of {', '.join(KINDS)}."}, status=404
        )
    return LISTS[kind](request)


def _statement_detail(request, slug):
    statement = (
        Statement.objects.published()
        .with_listing_data()
        .prefetch_related("commitments", "quotes__speaker", "meeting_reports__meeting")
        .filter(slug=slug)
        .first()
    )
    if statement is None:
        return None
    data = statement_summary(statement, request)
    data.update(
        {
            "body": statement.body,
            "date_source": statement.date_source,
            "language": statement.language,
            "source_url": statement.source_url,
            "officials": [
                {
                    "slug": m.participant.slug,
                    "name": m.participant.name,
                    "name_as_written": m.name_as_written,
                    "title_as_written": m.title_as_written,
                    "attended": m.attended,
                    "url": _url(request, m.participant),
                    "api_url": _api_url(request, "officials", m.participant.slug),
                }
                for m in statement.mentions.all()
            ],
            "topics": [topic_summary(t, request) for t in statement.topics.all()],
            "meetings": [
                {**meeting_summary(r.meeting, request), "evidence": r.evidence}
                for r in statement.meeting_reports.all()
            ],
            "commitments": [
                {"text": c.text, "parties": c.parties, "position": c.position}
                for c in statement.commitments.all()
            ],
            "quotes": [
                {
                    "text": q.text,
                    "speaker_as_written": q.speaker_as_written,
                    "speaker": q.speaker.slug if q.speaker else None,
                }
                for q in statement.quotes.all()
            ],
        }
    )
    return data


def _published_mentions():
    return StatementParticipant.objects.filter(statement__status=Statement.Status.PUBLISHED)


def _official_detail(request, slug):
    official = (
        Participant.objects.visible()
        .with_listing_data()
        .prefetch_related("aliases")
        .filter(slug=slug)
        .first()
    )
    if official is None:
        return None
    Participant.objects.public_forms([official])
    attended = MeetingAttendance.objects.public().filter(participant=official).values("meeting")
    meetings = Meeting.objects.visible().filter(pk__in=attended).order_by("start_date", "pk")
    data = official_summary(official, request)
    data.update(
        {
            "aliases": [alias.name for alias in official.public_aliases],
            "meetings": [meeting_summary(m, request) for m in meetings],
            "statements": _api_url(request, "statements") + f"?official={official.slug}",
            "search": request.build_absolute_uri(reverse("statements:api_search"))
            + f"?official={official.slug}",
        }
    )
    return data


def _meeting_detail(request, slug):
    meeting = (
        Meeting.objects.visible()
        .prefetch_related(
            Prefetch(
                "attendances",
                queryset=MeetingAttendance.objects.public()
                .select_related("participant")
                .order_by("delegation", "pk"),
            ),
            Prefetch(
                "reports",
                queryset=MeetingReport.objects.filter(
                    statement__status=Statement.Status.PUBLISHED
                ).select_related("statement"),
            ),
            "commitments",
        )
        .filter(slug=slug)
        .first()
    )
    if meeting is None:
        return None
    data = meeting_summary(meeting, request)
    data.update(
        {
            "venue": meeting.venue,
            "city": meeting.city,
            "attendees": [
                {
                    "slug": a.participant.slug,
                    "name": a.participant.name,
                    "delegation": a.delegation,
                    "title": a.title,
                    "url": _url(request, a.participant),
                    "api_url": _api_url(request, "officials", a.participant.slug),
                }
                for a in hide_draft_titles(meeting.attendances.all())
            ],
            "statements": [
                {
                    "slug": r.statement.slug,
                    "title": r.statement.title,
                    "publisher": r.statement.publisher,
                    "date": r.statement.date.isoformat() if r.statement.date else None,
                    "evidence": r.evidence,
                    "url": _url(request, r.statement),
                    "api_url": _api_url(request, "statements", r.statement.slug),
                }
                for r in meeting.reports.all()
            ],
            "commitments": [
                {"text": c.text, "parties": c.parties}
                for c in meeting.commitments.all()
                if c.statement_id in {r.statement_id for r in meeting.reports.all()}
            ],
        }
    )
    # Two or more governments' accounts side by side, as on /meetings/<slug>/compare/.
    comparison = compare_meeting(meeting)
    data["comparison"] = comparison and comparison.as_data(lambda obj: _url(request, obj))
    data["compare_url"] = (
        request.build_absolute_uri(reverse("statements:meeting_compare", args=[meeting.slug]))
        if comparison
        else None
    )
    return data


def _topic_detail(request, slug):
    topic = Topic.objects.with_listing_data().filter(slug=slug, statement_count__gt=0).first()
    if topic is None:
        return None
    data = topic_summary(topic, request)
    data.update(
        {
            "description": topic.description,
            "commitment_count": topic.commitment_count,
            "statements": _api_url(request, "statements") + f"?topic={topic.slug}",
            "search": request.build_absolute_uri(reverse("statements:api_search"))
            + f"?topic={topic.slug}",
        }
    )
    return data


DETAILS = {
    "statements": _statement_detail,
    "officials": _official_detail,
    "meetings": _meeting_detail,
    "topics": _topic_detail,
}


@api_view
def api_detail(request, kind, slug):
    """One object, with links to its related objects."""
    if kind not in DETAILS:
        return JsonResponse({"error": f"No such kind: {kind}."}, status=404)
    data = DETAILS[kind](request, slug)
    if data is None:
        return JsonResponse({"error": f"No published {kind[:-1]} {slug!r}."}, status=404)
    return JsonResponse(data)


# --- OpenAPI ---------------------------------------------------------------------------------

_FILTER_PARAMS = [
    (
        "q",
        "string",
        'Words, "phrases", OR, -exclude, prefix*; words also find their English or Spanish '
        "translation (fentanilo: fentanyl), Spanish statements are stemmed as Spanish",
        False,
    ),
    ("official", "string", "Official slug (repeatable)", True),
    ("topic", "string", "Topic slug (repeatable)", True),
    ("country", "string", "ISO 3166 alpha-2 code of an official named (repeatable)", True),
    ("publisher", "string", "Publisher (repeatable)", True),
    ("kind", "string", "Statement kind (repeatable)", True),
    ("year", "integer", "Year (repeatable)", True),
    ("meeting", "string", "Meeting slug (repeatable)", True),
    (
        "language",
        "string",
        "Statement language: en, es, fr or pt (repeatable); the search's `language` facet is "
        "present when the results span two languages or one is chosen",
        True,
    ),
    ("date_from", "string", "YYYY-MM-DD", False),
    ("date_to", "string", "YYYY-MM-DD", False),
    ("sort", "string", "relevance, newest or oldest", False),
]
_PAGING = [
    ("page", "integer", "Page number, from 1", False),
    ("page_size", "integer", "At most 100", False),
]


def _parameters(spec):
    params = []
    for name, kind, description, repeat in spec:
        schema = {"type": "array", "items": {"type": kind}} if repeat else {"type": kind}
        params.append(
            {"name": name, "in": "query", "required": False, "description": description,
             "schema": schema, **({"explode": True} if repeat else {})}
        )  # fmt: skip
    return params


def _operation(summary, params, responses=None):
    responses = responses or {
        "200": {"description": "OK"},
        "400": {"description": "Invalid parameters: {errors: [...]}"},
    }
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def openapi_document(request):
    officials_params = [("q", "string", "Name", False), ("country", "string", "Country", True)]
    meetings_params = [
        ("year", "integer", "Year", True),
        ("official", "string", "Attendee slug", True),
        ("country", "string", "Country", True),
    ]
    paths = {
        "/api/search/": _operation(
            "Search statements, with facets, and did_you_mean: null, or the query with its "
            "misspelled words corrected when it found two results or fewer",
            _parameters(_FILTER_PARAMS + _PAGING),
        ),
        "/api/statements/": _operation(
            "Published statements", _parameters(_FILTER_PARAMS + _PAGING)
        ),
        "/api/officials/": _operation(
            "Officials named in published statements", _parameters(officials_params + _PAGING)
        ),
        "/api/meetings/": _operation(
            "Meetings with a published statement", _parameters(meetings_params + _PAGING)
        ),
        "/api/topics/": _operation("Topics of published statements", _parameters(_PAGING)),
        "/api/suggest/": _operation(
            "Autocomplete: officials, topics and meetings with a word starting with q "
            "(folded: accents and case do not matter); public data only. "
            "Answers {suggestions: [{kind: official|topic|meeting, label, url}]}",
            _parameters(
                [
                    ("q", "string", "What is typed (2 letters or more)", False),
                    ("limit", "integer", "How many, default 8, at most 20", False),
                ]
            ),
        ),
    }
    slug = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
    for kind in KINDS:
        paths[f"/api/{kind}/{{slug}}/"] = _operation(
            f"One of {kind}, with links",
            [slug],
            {"200": {"description": "OK"}, "404": {"description": "Not found"}},
        )
    paths["/api/search/"]["get"]["responses"] = api_schemas.answers("Search")
    paths["/api/suggest/"]["get"]["responses"] = api_schemas.answers("Suggestions")
    paths["/api/meetings/{slug}/"]["get"]["responses"] = {
        **api_schemas.answers("Meeting", errors=False),
        "404": {"description": "Not found"},
    }
    ok = {"200": {"description": "OK"}}
    paths["/api/"] = _operation("The endpoints: {name: URL}", [], ok)
    paths["/api/openapi.json"] = _operation("This OpenAPI description", [], ok)
    paths["/api/meetings/{slug}/"]["get"]["description"] = (
        "A meeting reported by two or more governments also has `comparison`: `governments` "
        "(country, label, statements, and `only_here`: people, topics, commitments, numbers, "
        "ordinals and dates no other account names), `differences` (plain sentences: the same "
        "thing numbered differently) and `rows` (paragraphs aligned by subject: `subject`, the "
        "shared words, and `cells`, one per government or null); `compare_url` is its page. "
        "Both null otherwise. See docs/API.md."
    )
    from statements.commitment_api import openapi_paths

    paths.update(openapi_paths(_parameters, _operation, _PAGING))
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Bilateral Statements Archive API",
            "version": "1",
            "description": __doc__,
        },
        "servers": [{"url": request.build_absolute_uri("/")}],
        "paths": paths,
        "components": {"schemas": api_schemas.schemas(API_FACETS)},
    }


@api_view
def api_openapi(request):
    """The OpenAPI description of this API."""
    return JsonResponse(openapi_document(request))
