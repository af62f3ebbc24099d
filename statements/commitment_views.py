"""Commitments over time: the thread list (/commitments/) and one thread's page.

Threads come from `statements.ingest.threads`; only published statements' commitments show.
The filters are parsed here once and shared with the API (`statements.commitment_api`).
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from statements.models import (
    CommitmentThread,
    Meeting,
    Participant,
    StatementParticipant,
    Topic,
    country_choices,
)

THREADS_PER_PAGE = 25
MAX_QUERY_LENGTH = 200
MAX_VALUES = 10  # of one filter


@dataclass
class ThreadFilters:
    parties: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    q: str = ""
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, params):
        """Read ?party=MX&topic=…&official=…&year=2023&q=… ; junk gives errors, never a 500."""
        found = cls(q=" ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH])
        for raw in params.getlist("party")[:MAX_VALUES]:
            code = raw.strip().upper()
            if code and (len(code) != 2 or not code.isalpha()):
                found.errors.append(
                    f"party: a two-letter country code is required, not {raw[:20]!r}."
                )
            elif code:
                found.parties.append(code)
        for name, target in (("topic", found.topics), ("official", found.officials)):
            for raw in params.getlist(name)[:MAX_VALUES]:
                slug = raw.strip()
                if slug and not all(c.isalnum() or c in "-_" for c in slug):
                    found.errors.append(f"{name}: not a slug: {raw[:40]!r}.")
                elif slug:
                    target.append(slug)
        for raw in params.getlist("year")[:MAX_VALUES]:
            raw = raw.strip()
            if raw and not (raw.isdecimal() and len(raw) == 4):
                found.errors.append(f"year: a four-digit year is required, not {raw[:20]!r}.")
            elif raw:
                found.years.append(int(raw))
        return found

    def apply(self, threads):
        return threads.matching(
            parties=self.parties,
            topics=self.topics,
            officials=self.officials,
            years=self.years,
            q=self.q,
        )

    @property
    def active(self):
        return bool(self.parties or self.topics or self.officials or self.years or self.q)


def threads_for(filters: ThreadFilters):
    """The visible threads the filters select, newest undertaking first, ready to list."""
    return filters.apply(CommitmentThread.objects.visible()).with_listing_data()


def _choices(filters):
    """What the filter form offers: parties and years in use, and the chosen topics/officials."""
    threads = CommitmentThread.objects.visible()
    codes = sorted(
        {code for parties in threads.values_list("parties", flat=True) for code in parties}
    )
    labels = dict(country_choices())
    dates = threads.values_list("first_date", "last_date")
    years = sorted({d.year for pair in dates for d in pair if d}, reverse=True)
    return {
        "party_choices": [(code, labels.get(code, code)) for code in codes],
        "year_choices": years,
        "topic_choices": Topic.objects.filter(commitments__thread_mention__isnull=False)
        .distinct()
        .order_by("name"),
        "chosen_officials": Participant.objects.filter(slug__in=filters.officials),
    }


@require_GET
def commitment_list(request):
    filters = ThreadFilters.from_query(request.GET)
    threads = CommitmentThread.objects.none() if filters.errors else threads_for(filters)
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page": page,
        "threads": page.object_list,
        "filters": filters,
        "querystring": params.urlencode(),
        **_choices(filters),
    }
    return render(
        request, "statements/commitment_list.html", context, status=400 if filters.errors else 200
    )


def thread_context(thread):
    """A thread's mentions, and the officials and meetings of their statements (4 queries)."""
    mentions = list(thread.mentions.all())
    statement_ids = {m.commitment.statement_id for m in mentions}
    officials = (
        Participant.objects.filter(
            Exists(
                StatementParticipant.objects.filter(
                    participant=OuterRef("pk"), statement__in=statement_ids
                )
            )
        )
        .order_by("name", "pk")
        .distinct()[:40]
    )
    meetings = (
        Meeting.objects.filter(reports__statement__in=statement_ids)  # published: see mentions
        .distinct()
        .order_by("start_date", "pk")[:40]
    )
    topics = {t.pk: t for m in mentions for t in m.commitment.topics.all()}
    return {
        "thread": thread,
        "mentions": mentions,
        "officials": list(officials),
        "meetings": list(meetings),
        "topics": sorted(topics.values(), key=lambda t: t.name),
    }


def visible_thread(slug):
    thread = CommitmentThread.objects.visible().with_listing_data().filter(slug=slug).first()
    if thread is None:
        raise Http404("No such commitment thread.")
    return thread


@require_GET
def commitment_detail(request, slug):
    return render(
        request, "statements/commitment_detail.html", thread_context(visible_thread(slug))
    )
