"""The commitments API: threads of commitments over time, in the API's usual shape.

    /api/commitments/          ?party=MX&topic=<slug>&official=<slug>&year=2023&q=words
    /api/commitments/<slug>/   one thread, with its officials and meetings

Same filters as /commitments/ (`commitment_views.ThreadFilters`); drafts never appear.
"""

from django.http import JsonResponse

from statements.api import _api_url, _error, _page_of, _url, api_view
from statements.api_schemas import answers
from statements.commitment_views import ThreadFilters, thread_context, threads_for
from statements.models import CommitmentThread


def thread_summary(thread, request):
    mentions = list(thread.mentions.all())
    topics = {t.slug: t for m in mentions for t in m.commitment.topics.all()}
    return {
        "slug": thread.slug,
        "text": thread.text,
        "parties": thread.parties,
        "topics": sorted(topics),
        "first_date": thread.first_date.isoformat() if thread.first_date else None,
        "url": _url(request, thread),
        "api_url": request.build_absolute_uri(f"/api/commitments/{thread.slug}/"),
        "mentions": [
            {
                "statement": m.commitment.statement.slug,
                "statement_url": _url(request, m.commitment.statement),
                "date": (
                    m.commitment.statement.date.isoformat() if m.commitment.statement.date else None
                ),
                "role": m.role,
                "text": m.commitment.text,
            }
            for m in mentions
        ],
    }


@api_view
def api_commitments(request):
    """Commitment threads, newest undertaking first: {count, page, results}."""
    filters = ThreadFilters.from_query(request.GET)
    if filters.errors:
        return _error(filters.errors)
    rows, meta = _page_of(threads_for(filters), request)
    return JsonResponse({**meta, "results": [thread_summary(t, request) for t in rows]})


@api_view
def api_commitment(request, slug):
    """One thread, with the officials and meetings of the statements that state it."""
    thread = CommitmentThread.objects.visible().with_listing_data().filter(slug=slug).first()
    if thread is None:
        return JsonResponse({"error": f"No published commitment thread {slug!r}."}, status=404)
    context = thread_context(thread)
    data = thread_summary(thread, request)
    data["officials"] = [
        {"slug": o.slug, "name": o.name, "api_url": _api_url(request, "officials", o.slug)}
        for o in context["officials"]
    ]
    data["meetings"] = [
        {"slug": m.slug, "title": m.title, "api_url": _api_url(request, "meetings", m.slug)}
        for m in context["meetings"]
    ]
    return JsonResponse(data)


OPENAPI_PARAMS = [
    ("q", "string", "Words every one of which a mention's text contains", False),
    ("party", "string", "ISO 3166 alpha-2 code of a party (repeatable)", True),
    ("topic", "string", "Topic slug (repeatable)", True),
    ("official", "string", "Slug of an official named by a mention's statement (repeatable)", True),
    ("year", "integer", "Year of a mention (repeatable)", True),
]


def openapi_paths(parameters, operation, paging):
    """The commitments endpoints for the OpenAPI description (`api.openapi_document`)."""
    slug = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "/api/commitments/": operation(
            "Commitment threads: each undertaking with its later mentions",
            parameters(OPENAPI_PARAMS + paging),
            answers("CommitmentThreads"),
        ),
        "/api/commitments/{slug}/": operation(
            "One commitment thread, with its officials and meetings",
            [slug],
            {
                **answers("CommitmentThreadDetail", errors=False),
                "404": {"description": "Not found"},
            },
        ),
    }
