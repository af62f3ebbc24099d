"""The search page, its downloads (CSV, JSON) and its Atom feed: thin views over `faceted_search`.

Invalid parameters never raise: they are left out of the search and reported (status 400 on the
page and in the downloads, with the message); `page=abc` or a page past the end shows a real page.
"""

import csv
import datetime
import json
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import slugify

from statements import charts
from statements.ingest.documents import strip_controls
from statements.rendering import ResultRenderer, facet_items_html
from statements.search import highlight, mark_sentinels
from statements.search.base import plain_snippet
from statements.search.engine import IndexResults
from statements.search.faceted import FACET_TITLES, faceted_search, querystring
from statements.search.suggest import FEW_RESULTS, did_you_mean
from statements.text import fold
from statements.views import page_notice

PAGE_SIZE = 20
MAX_DOWNLOAD = 10_000
DOWNLOAD_CHUNK = 500
FEED_SIZE = 50


def decorate(statements, query, q="", back="", chosen_topics=()):
    """Give each statement of a shown page its safe, highlighted title, snippet and result."""
    result_html = ResultRenderer(q, back, chosen_topics)
    for statement in statements:
        statement.title_html = highlight(statement.title, query)
        statement.snippet_html = mark_sentinels(statement.snippet)
        statement.result_html = result_html(statement)
    return statements


@dataclass
class FacetBlock:
    name: str
    title: str
    values: list
    items_html: str
    show_all_url: str | None
    show_fewer_url: str | None
    chosen: int = 0

    def __iter__(self):  # unpacks as (name, title, values, items_html), as before
        return iter((self.name, self.title, self.values, self.items_html))


def search_page(request):
    found = faceted_search(request.GET)
    found.results.related = ("mentions", "topics")  # a result shows no meetings
    number = request.GET.get("page", "1")
    if isinstance(found.results, IndexResults) and number.isdecimal():
        found.results.expect_page(int(number[:6]), PAGE_SIZE)  # ranked as it is counted
    # Counts the results too; the index counts the facets in a worker thread meanwhile.
    found.start_facets()
    paginator = Paginator(found.results, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    page.notice = page_notice(request.GET.get("page"), page)
    # A search with more than words is carried to the statement page for "Back to results".
    back = request.GET.urlencode()[:2000] if set(request.GET) - {"q"} else ""
    topics = found.filterset.selected("topic")
    statements = decorate(page.object_list, found.query, found.q, back, topics)
    facets = found.facets
    count = paginator.count
    # Few results: the closest words the archive uses, as a link to that search.
    correction = did_you_mean(found.q) if found.q and count <= FEW_RESULTS else None
    context = {
        "did_you_mean": correction,
        "did_you_mean_url": querystring(request.GET, q=[correction]) if correction else "",
        "found": found,
        "q": found.q,
        "page": page,
        "statements": statements,
        "count": count,
        "facets": [(name, FACET_TITLES[name], values) for name, values in facets.items()],
        "facet_blocks": [
            FacetBlock(
                name,
                FACET_TITLES[name],
                values,
                facet_items_html(values),
                *found.facet_toggle_urls(name, values),
                chosen=sum(1 for v in values if v.selected),
            )
            for name, values in facets.items()
        ],
        "title_filters": "; ".join(chip.label for chip in found.chips),
        "chips": found.chips,
        "undated_left_out": found.undated_left_out,
        "errors": found.errors,
        "notices": found.query.notices,
        "translations": found.query.translations,
        "official_match": found.official_match if found.q else None,
        "near_officials": found.near_officials() if not count and found.q else [],
        "sorts": [
            (name, querystring(request.GET, sort=[name]), name == found.sort)
            for name in ("relevance", "newest", "oldest")
        ],
        "date_from": request.GET.get("date_from", ""),
        "date_to": request.GET.get("date_to", ""),
        "hidden_params": [
            (name, value)
            for name, values in request.GET.lists()
            if name not in ("q", "page", "date_from", "date_to", "sort")
            for value in values
        ],
        "download_query": querystring(request.GET),
        "over_time": results_over_time(found),
    }
    return render(request, "statements/search.html", context, status=400 if found.errors else 200)


def results_over_time(found):
    """The results per year, or per month when they span at most two years
    (`FacetedSearch.over_time`), as a Chart whose bars narrow the search; or None."""
    over = found.over_time()
    if over is None:
        return None
    params = found.params
    if over.months:

        def url_for(year, month):
            start, end = charts.month_range(year, month)
            dates = {"date_from": [start.isoformat()], "date_to": [end.isoformat()]}
            return querystring(params, **dates)

        bars = charts.month_bars(over.counts, over.first, over.last, url_for)
        caption, heading = "Statements found, per month", "Month"
    else:
        bars = charts.year_bars(
            over.counts,
            lambda year: querystring(params, year=[str(year)]),
            selected=params.getlist("year"),
        )
        caption, heading = "Statements found, per year", "Year"
    name = "months" if over.months else "years"
    return charts.columns(
        name, [charts.Series("Statements", bars)], caption=caption, heading=heading
    )


# --- downloads -------------------------------------------------------------------------------


def _download_rows(found):
    """The current results in order, up to MAX_DOWNLOAD, loaded a chunk at a time."""
    ids = found.results.ids(0, MAX_DOWNLOAD)
    for start in range(0, len(ids), DOWNLOAD_CHUNK):
        yield from found.results.load(ids[start : start + DOWNLOAD_CHUNK], with_snippets=False)


def statement_record(statement, request):
    return {
        "slug": statement.slug,
        "title": statement.title,
        "date": statement.date.isoformat() if statement.date else None,
        "date_inferred": bool(statement.date_inferred),
        "publisher": statement.publisher,
        "kind": statement.kind,
        "url": request.build_absolute_uri(statement.get_absolute_url()),
        "source_url": statement.source_url,
        "officials": [m.participant.slug for m in statement.mentions.all()],
        "official_names": [m.participant.name for m in statement.mentions.all()],
        "topics": [t.slug for t in statement.topics.all()],
        "meetings": [m.slug for m in statement.meetings.all()],
    }


def _csv_cell(value):
    """Spreadsheets run cells starting with = + - @ as formulas: neutralise them."""
    text = "; ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def download_name(found, extension):
    """A file name that says which search it holds: statements-fentanyl-joe-biden-2023.csv."""
    words = [found.q, *(chip.label for chip in found.chips)]
    name = slugify(fold(" ".join(w for w in words if w)))[:80].strip("-")
    return f"statements-{name}.{extension}" if name else f"statements.{extension}"


class _Echo:
    def write(self, value):
        return value


def _error_response(found):
    return JsonResponse({"errors": found.errors}, status=400)


def search_csv(request):
    found = faceted_search(request.GET)
    if found.errors:
        return _error_response(found)
    columns = [
        "slug", "title", "date", "date_inferred", "publisher", "kind", "url", "source_url",
        "official_names", "topics", "meetings",
    ]  # fmt: skip
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(columns)
        for statement in _download_rows(found):
            record = statement_record(statement, request)
            yield writer.writerow([_csv_cell(record[c]) for c in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{download_name(found, "csv")}"'
    return response


def search_json(request):
    found = faceted_search(request.GET)
    if found.errors:
        return _error_response(found)
    records = [statement_record(s, request) for s in _download_rows(found)]
    payload = {
        "query": {name: request.GET.getlist(name) for name in request.GET if name != "page"},
        "count": found.results.count(),
        "truncated": found.results.count() > MAX_DOWNLOAD,
        "results": records,
    }
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{download_name(found, "json")}"'
    return response


# --- the Atom feed of a search ---------------------------------------------------------------


class SearchFeed(Feed):
    """The newest statements matching a search (whatever its sort)."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        params = request.GET.copy()
        params.setlist("sort", ["newest"])
        found = faceted_search(params)
        found.request = request
        return found

    def title(self, found):
        # Feeds are XML: control characters in the query cannot be serialised.
        query = strip_controls(found.q or "")
        return f"Statements matching “{query}”" if query else "Statements: search"

    def link(self, found):
        return reverse("statements:search") + querystring(found.params)

    def feed_url(self, found):
        """rel="self": this feed with its query (Django would give the path alone)."""
        return reverse("statements:search_feed") + querystring(found.params)

    def subtitle(self, found):
        return "The newest statements of a search in the Bilateral Statements Archive."

    def items(self, found):
        return found.results.load(found.results.ids(0, FEED_SIZE), with_snippets=False)

    def item_title(self, statement):
        return statement.title

    def item_description(self, statement):
        # Atom summaries are HTML: escape the document's text.
        return escape(plain_snippet(statement.body, 60))

    def item_link(self, statement):
        return statement.get_absolute_url()

    def item_pubdate(self, statement):
        """The statement's date, else its meeting's; none at all rather than the import time."""
        day = statement.listing_date
        if day:
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        return None

    def item_updateddate(self, statement):
        return statement.updated_at

    def item_categories(self, statement):
        return [topic.name for topic in statement.topics.all()]
