"""Public pages. Views stay thin: parse the request, call a QuerySet, render.

Only published statements ever reach a page; officials and meetings are shown when a published
statement names or reports them. Every page runs a bounded number of queries (see the tests).
"""

import datetime
from itertools import groupby
from urllib.parse import urlencode, urlsplit

from django.core.paginator import Paginator
from django.db.models import Exists, F, Max, Min, OuterRef, Prefetch, Q
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from statements import charts, citations
from statements.comparison import comparable_meeting_ids, compare_meeting
from statements.curation import merged_into
from statements.models import (
    Commitment,
    Meeting,
    MeetingAttendance,
    MeetingReport,
    MergeRecord,
    Participant,
    Quote,
    Statement,
    StatementParticipant,
    Topic,
    country_label,
    hide_draft_titles,
)
from statements.rendering import render_body
from statements.text import fold

OFFICIALS_PER_PAGE = 60
STATEMENTS_PER_PAGE = 25
MEETINGS_PER_PAGE = 100
# An official's page lists this many meetings and quotes, newest first; the rest are a search away.
MEETINGS_ON_OFFICIAL_PAGE = 50
QUOTES_ON_OFFICIAL_PAGE = 30
# "Met most often" shows this many counterparts and colleagues; `?met=all` shows every one.
MET_SHOWN = 25
MAX_QUERY_LENGTH = 200
# Aggregating querysets ignore Meta.ordering, so listings that count say their order.
NEWEST_MEETINGS_FIRST = (F("start_date").desc(nulls_last=True), "-pk")


def _page(request, queryset, per_page):
    """A page of `queryset`; out-of-range or junk `?page=` gives the nearest real page, and
    `page.notice` says so (templates/includes/_pagination.html shows it)."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    page.notice = page_notice(request.GET.get("page"), page)
    return page


def page_notice(raw, page):
    """What to tell a reader whose `?page=` was not a page that exists ('' when it was)."""
    if raw in (None, "") or raw == str(page.number):
        return ""
    pages = page.paginator.num_pages
    if raw.isdecimal() and int(raw) > pages:
        return (
            f"There is no page {int(raw)}: the results fill {pages} "
            f"page{'s' if pages != 1 else ''}. This is the last one."
        )
    return f"“{raw[:20]}” is not a page number: this is page {page.number}."


def _get_or_follow_merge(queryset, kind, slug):
    """The row with `slug`, or a permanent redirect when a curator merged it into another."""
    try:
        return queryset.get(slug=slug)
    except queryset.model.DoesNotExist:
        target = merged_into(kind, slug)
        if target is None:
            raise Http404(f"No {queryset.model._meta.verbose_name} is called {slug!r}.") from None
        return redirect(target, permanent=True)


@require_safe
def home(request):
    today = timezone.localdate()
    meetings = Meeting.objects.visible().order_by(*NEWEST_MEETINGS_FIRST)  # no counts shown
    context = {
        "latest_statements": Statement.objects.published().with_listing_data()[:8],
        "active_officials": Participant.objects.most_active(10),
        "topics": Topic.objects.in_use(20),
        "upcoming_meetings": meetings.filter(start_date__gte=today).order_by("start_date", "pk")[
            :5
        ],
        "recent_meetings": meetings.filter(start_date__lt=today)[:6],
        "statement_total": Statement.objects.published().count(),
    }
    return render(request, "statements/home.html", context)


@require_safe
def statement_list(request):
    """Every statement, newest first, is the search page with no query: one list, one place."""
    return redirect(f"{reverse('statements:search')}?sort=newest")


def _statements_for(request):
    """Published statements; a curator also sees drafts, to preview them as the public will."""
    if request.user.is_staff and request.user.has_perm("statements.view_statement"):
        return Statement.objects.all()
    return Statement.objects.published()


def back_to_results(back, query=""):
    """The search a reader came from (`?back=` holds its query string), rebuilt from the
    search's own parameters only, so the link can only lead to the search page; '' if none."""
    from statements.search.faceted import SEARCH_PARAMS, querystring

    params = QueryDict(back[:2000], mutable=True)
    for name in list(params):
        if name not in SEARCH_PARAMS:
            del params[name]
    if query and not params.get("q"):
        params["q"] = query
    if not params:
        return ""
    return reverse("statements:search") + querystring(params)


def citation(statement, source_is_link, url):
    """How to cite a statement (Chicago): publisher, title, date, the original, this archive."""
    return citations.chicago(citations.Cited.of(statement, url))


@require_safe
def statement_detail(request, slug):
    statement = get_object_or_404(
        _statements_for(request).prefetch_related(
            Prefetch(
                "mentions",
                queryset=StatementParticipant.objects.select_related("participant")
                .prefetch_related("participant__aliases")
                .order_by("position", "pk"),
            ),
            "topics",
            Prefetch("meetings", queryset=Meeting.objects.order_by("start_date", "pk")),
            Prefetch("commitments", queryset=Commitment.objects.prefetch_related("topics")),
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
        ),
        slug=slug,
    )
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    source = urlsplit(statement.source_url or "")
    source_is_link = source.scheme in ("http", "https") and bool(source.netloc)
    citation_url = request.build_absolute_uri(statement.get_absolute_url())
    context = {
        "statement": statement,
        "source_is_link": source_is_link,
        "source_host": source.netloc.removeprefix("www."),
        "query": query,
        "back_url": back_to_results(request.GET.get("back", ""), query),
        "body_html": render_body(statement.body, statement.mentions.all(), query),
        "related": Statement.objects.published().related_to(statement)[:6],
        "citation_url": citation_url,
        "citation_text": citation(statement, source_is_link, citation_url),
        "citations": citations.all_formats(citations.Cited.of(statement, citation_url)),
        "preview": statement.status != Statement.Status.PUBLISHED,
        # Meetings another government also reported: their accounts can be compared.
        "comparable_meetings": comparable_meeting_ids(m.pk for m in statement.meetings.all()),
    }
    response = render(request, "statements/statement_detail.html", context)
    if context["preview"]:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def statement_cite(request, slug, extension):
    """The statement's citation as a file a reference manager imports (`.ris`, `.bib`)."""
    statement = get_object_or_404(_statements_for(request), slug=slug)
    cited = citations.Cited.of(statement, request.build_absolute_uri(statement.get_absolute_url()))
    for key, (_label, file_extension, content_type) in citations.FORMATS.items():
        if file_extension == extension:
            maker = {"bibtex": citations.bibtex, "ris": citations.ris}[key]
            response = HttpResponse(maker(cited), content_type=content_type)
            response["Content-Disposition"] = f'attachment; filename="{statement.slug}.{extension}"'
            if statement.status != Statement.Status.PUBLISHED:
                response["Cache-Control"] = "private, no-store"
                response["X-Robots-Tag"] = "noindex"
            return response
    raise Http404(f"No citation format {extension!r}.")


@require_safe
def method(request):
    """How the archive reads documents, and how sure each kind of link is (no queries)."""
    from statements.ingest.evaluation import blind_accuracy
    from statements.ingest.meetings import SURE, UNDATED_MIN_SCORE

    context = {
        "accuracy": blind_accuracy(),
        "evidence": MeetingReport.Evidence.choices,
        "sure": SURE,
        "undated_min_score": UNDATED_MIN_SCORE,
        "date_sources": Statement.DateSource.choices,
    }
    return render(request, "statements/method.html", context)


@require_safe
def official_list(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    country = request.GET.get("country", "").strip().upper()
    officials = Participant.objects.visible().order_by("name", "pk")
    countries = [
        (code, country_label(code))
        for code in Participant.objects.visible()
        .exclude(country="")
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    ]
    if country:
        officials = officials.filter(country=country)
    if query:
        key = fold(query)
        officials = officials.filter(Q(name_key__contains=key) | Q(aliases__name_key__contains=key))
        officials = officials.distinct()
    page = _page(request, officials, OFFICIALS_PER_PAGE)
    # Counted for the page shown only (counting every official first took seconds).
    counts = dict(
        Participant.objects.filter(pk__in=[official.pk for official in page])
        .with_listing_data()
        .values_list("pk", "statement_count")
    )
    for official in page:
        official.statement_count = counts[official.pk]
    Participant.objects.public_forms(page.object_list)  # no title only a draft gave
    context = {"page": page, "query": query, "country": country, "countries": countries}
    return render(request, "statements/official_list.html", context)


@require_safe
def official_detail(request, slug):
    official = _get_or_follow_merge(
        Participant.objects.visible(), MergeRecord.Kind.PARTICIPANT, slug
    )
    if isinstance(official, HttpResponse):
        return official
    # The newest meetings, shown oldest first (a busy official attends thousands).
    newest_attendances = list(
        MeetingAttendance.objects.public()
        .filter(participant=official)
        .filter(Exists(Meeting.objects.visible().filter(pk=OuterRef("meeting"))))
        .select_related("meeting")
        .order_by(F("meeting__start_date").desc(nulls_first=True), "-meeting__pk")[
            : MEETINGS_ON_OFFICIAL_PAGE + 1
        ]
    )
    attendances = newest_attendances[:MEETINGS_ON_OFFICIAL_PAGE][::-1]
    statements = (
        Statement.objects.published()
        .filter(mentions__participant=official)
        .with_listing_data()
        .defer("body")
    )
    quotes = list(
        Quote.objects.filter(speaker=official, statement__status=Statement.Status.PUBLISHED)
        .select_related("statement")
        .defer("statement__body")
        .order_by(F("statement__date").desc(nulls_last=True), "statement__pk", "position")[
            : QUOTES_ON_OFFICIAL_PAGE + 1
        ]
    )
    # The titles curators keep, less those only drafts wrote (a correction must stick).
    Participant.objects.public_forms([official])
    met = Participant.objects.met_most_often_with(official)
    show_all_met = request.GET.get("met") == "all"
    context = {
        "official": official,
        "country_label": country_label(official.country),
        "titles": official.public_titles,
        "attendances": attendances,
        "more_meetings": len(newest_attendances) > MEETINGS_ON_OFFICIAL_PAGE,
        "statements": _page(request, statements, STATEMENTS_PER_PAGE),
        "quotes": quotes[:QUOTES_ON_OFFICIAL_PAGE],
        "more_quotes": len(quotes) > QUOTES_ON_OFFICIAL_PAGE,
        "search_url": f"{reverse('statements:search')}?{urlencode({'official': official.slug})}",
        "met_most": met,
        "met_groups": [
            (title, others if show_all_met else others[:MET_SHOWN], len(others))
            for title, others in (
                ("Counterparts", [other for other in met if other.is_counterpart]),
                ("Colleagues", [other for other in met if not other.is_counterpart]),
            )
        ],
        "met_all_url": None if show_all_met else "?met=all#met-title",
        "meetings_chart": _meetings_per_year(official),
        "met_chart": _met_chart(met),
    }
    return render(request, "statements/official_detail.html", context)


def _meetings_per_year(official):
    """The official's visible meetings on a timeline: per month when they span at most two
    years, else per year (one GROUP BY query by month either way)."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    rows = (
        MeetingAttendance.objects.public()
        .filter(participant=official, meeting__start_date__isnull=False)
        .filter(Exists(Meeting.objects.visible().filter(pk=OuterRef("meeting"))))
        .order_by()
        .annotate(month=TruncMonth("meeting__start_date"))
        .values("month")
        .annotate(n=Count("meeting", distinct=True))
        .values_list("month", "n")
    )
    months = {(month.year, month.month): n for month, n in rows if month}
    if not months:
        return None
    years = {year for year, _ in months}
    if max(years) - min(years) < 2:
        first, last = min(months), max(months)
        bars = charts.month_bars(months, datetime.date(*first, 1), datetime.date(*last, 1))
        heading = "Month"
    else:
        per_year = {}
        for (year, _), n in months.items():
            per_year[year] = per_year.get(year, 0) + n
        bars, heading = charts.year_bars(per_year), "Year"
    return charts.columns(
        "meetings",
        [charts.Series("Meetings", bars)],
        caption=f"Meetings attended, per {heading.lower()}",
        heading=heading,
        noun="meeting",
    )


MET_IN_CHART = 8


def _met_chart(met):
    """Who the official met most often (counterparts first, as "Met most often" orders them),
    from the list the page already has: no query."""
    ordered = [o for o in met if o.is_counterpart] + [o for o in met if not o.is_counterpart]
    items = [
        charts.Bar(
            other.name,
            other.meetings_together,
            other.get_absolute_url(),
            selected=other.is_counterpart,
            title=f"{other.name}: {charts.plural(other.meetings_together, 'meeting')} together"
            + (" (counterpart)" if other.is_counterpart else ""),
        )
        for other in ordered[:MET_IN_CHART]
    ]
    return charts.bars(
        "met", items, caption="Meetings together (counterparts first)", heading="Official"
    )


def _topic_over_time(topic):
    """Statements and commitments on a topic per year (two GROUP BY queries), each year's
    statements a link to the search narrowed to the topic and the year."""
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    statements = dict(
        Statement.objects.published()
        .filter(topics=topic, listing_date__isnull=False)
        .order_by()
        .values(year=ExtractYear("listing_date"))
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    commitments = dict(
        Commitment.objects.filter(
            topics=topic,
            statement__status=Statement.Status.PUBLISHED,
            statement__listing_date__isnull=False,
        )
        .order_by()
        .values(year=ExtractYear("statement__listing_date"))
        .annotate(n=Count("pk", distinct=True))
        .values_list("year", "n")
    )
    both = {
        year: statements.get(year, 0) + commitments.get(year, 0)
        for year in {*statements, *commitments}
    }
    search = reverse("statements:search")
    years = charts.year_bars(both)

    def url(year):
        return f"{search}?{urlencode({'topic': topic.slug, 'year': year})}"

    series = [
        charts.Series(
            "Statements",
            [charts.Bar(b.label, statements.get(int(b.label), 0), url(b.label)) for b in years],
        ),
        charts.Series(
            "Commitments",
            [charts.Bar(b.label, commitments.get(int(b.label), 0)) for b in years],
            css="chart__bar chart__bar--second",
        ),
    ]
    return charts.columns(
        "topic",
        series,
        caption="Statements and commitments per year",
        heading="Year",
        noun="item",
    )


def _meeting_years():
    """Years with a visible meeting, newest first: one EXISTS per year between the first and
    the last meeting (an index range each, stopping at its first visible meeting), not a
    visibility check of every meeting."""
    bounds = Meeting.objects.aggregate(first=Min("start_date"), last=Max("start_date"))
    if bounds["first"] is None:
        return []
    span = range(bounds["last"].year, bounds["first"].year - 1, -1)
    checks = {
        f"y{year}": Exists(Meeting.objects.visible().filter(start_date__year=year)) for year in span
    }
    row = Meeting.objects.order_by().annotate(**checks).values(*checks)[:1].get()
    return [year for year in span if row[f"y{year}"]]


@require_safe
def meeting_list(request):
    meetings = Meeting.objects.visible().with_index_data().order_by(*NEWEST_MEETINGS_FIRST)
    years = _meeting_years()
    year = request.GET.get("year", "")
    if year.isdecimal() and len(year) == 4:
        meetings = meetings.filter(start_date__year=int(year))
    else:
        year = ""
    # Thousands of meetings: a page at a time (each counted alone), grouped by year on the page.
    page = _page(request, meetings, MEETINGS_PER_PAGE)
    grouped = [
        (key, list(items))
        for key, items in groupby(
            page.object_list, key=lambda m: m.start_date.year if m.start_date else None
        )
    ]
    context = {"grouped": grouped, "years": years, "year": year, "page": page}
    return render(request, "statements/meeting_list.html", context)


def _by_government(statements):
    """Statements in one column per government, the meeting's host and guests side by side.

    A publisher whose government cannot be told from its name gets a column of its own.
    """
    columns = {}
    for statement in statements:
        code = statement.publisher_country
        if code:
            key, label = code, country_label(code)
        else:
            key = label = statement.publisher or "Unknown publisher"
        columns.setdefault(key, (label, []))[1].append(statement)
    return sorted(columns.values(), key=lambda column: column[0])


@require_safe
def meeting_detail(request, slug):
    meeting = _get_or_follow_merge(Meeting.objects.visible(), MergeRecord.Kind.MEETING, slug)
    if isinstance(meeting, HttpResponse):
        return meeting
    attendances = (
        MeetingAttendance.objects.public()
        .filter(meeting=meeting)
        .select_related("participant")
        .annotate(has_page=Exists(Participant.objects.visible().filter(pk=OuterRef("participant"))))
        .order_by("delegation", "pk")
    )
    delegations = [
        (code, country_label(code), list(items))
        for code, items in groupby(hide_draft_titles(attendances), key=lambda a: a.delegation)
    ]
    statements = list(
        Statement.objects.published()
        .filter(meeting_reports__meeting=meeting)
        .with_listing_data()
        .order_by(F("date").asc(nulls_last=True), "pk")
    )
    by_government = _by_government(statements)
    statement_ids = [s.pk for s in statements]
    commitments = (
        Commitment.objects.filter(
            Q(meeting=meeting) | Q(meeting__isnull=True, statement_id__in=statement_ids),
            statement__status=Statement.Status.PUBLISHED,
        )
        .select_related("statement")
        .prefetch_related("topics")
        .order_by(F("statement__date").asc(nulls_last=True), "statement__pk", "position")
    )
    topics = Topic.objects.filter(statements__in=statement_ids).distinct().order_by("name")
    links, disagreements = meeting.grouping()
    context = {
        "comparable": len(by_government) > 1,
        "links": links,
        "disagreements": disagreements,
        "meeting": meeting,
        "delegations": delegations,
        "by_government": by_government,
        "statement_count": len(statements),
        "commitments": commitments,
        "topics": topics,
    }
    return render(request, "statements/meeting_detail.html", context)


@require_safe
def meeting_compare(request, slug):
    """Each government's account of the meeting in its own column, aligned by subject."""
    meeting = _get_or_follow_merge(Meeting.objects.visible(), MergeRecord.Kind.MEETING, slug)
    if isinstance(meeting, HttpResponse):
        return meeting
    context = {"meeting": meeting, "comparison": compare_meeting(meeting)}
    return render(request, "statements/meeting_compare.html", context)


@require_safe
def topic_list(request):
    topics = Topic.objects.with_listing_data().order_by("name", "pk")
    return render(request, "statements/topic_list.html", {"topics": topics})


@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    statements = Statement.objects.published().filter(topics=topic).with_listing_data()
    commitments = (
        Commitment.objects.filter(topics=topic, statement__status=Statement.Status.PUBLISHED)
        .select_related("statement")
        .order_by(F("statement__date").desc(nulls_last=True), "statement__pk", "position")
    )
    context = {
        "topic": topic,
        "statements": _page(request, statements, STATEMENTS_PER_PAGE),
        "commitments": commitments[:100],
        "topic_chart": _topic_over_time(topic),
    }
    return render(request, "statements/topic_detail.html", context)


@require_safe
def robots_txt(request):
    """Keep crawlers out of the endless facet combinations and the API."""
    sitemap = request.build_absolute_uri(reverse("statements:sitemap"))
    lines = ["User-agent: *", "Disallow: /search", "Disallow: /api", "Disallow: /admin", ""]
    lines.append(f"Sitemap: {sitemap}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
