"""What an alert follows (a search, an official, a topic), and which new statements it matches.

Matching goes through `statements.search.faceted.faceted_search`, the search page's own code,
over the statements the ledger says are new: an alert finds what the search page would find.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

from alerts.models import Publication, Subscription
from statements.filters import FACETS
from statements.models import Statement
from statements.search.faceted import faceted_search

# The search page's parameters an alert keeps (not `sort` or `page`).
SEARCH_PARAMS = ("q", *FACETS, "date_from", "date_to")
MAX_QUERY = 1000
FACET_NAMES = {
    "official": "Official",
    "topic": "Topic",
    "country": "Country",
    "publisher": "Publisher",
    "kind": "Kind",
    "year": "Year",
    "meeting": "Meeting",
}


class InvalidTarget(Exception):
    """The search cannot be followed (invalid parameters); `messages` says why."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


@dataclass
class Target:
    kind: str
    label: str
    query: str = ""
    official: object = None
    topic: object = None


def search_query(params):
    """The search parameters of `params`, in one canonical order: one subscription per search."""
    items = []
    for name in SEARCH_PARAMS:
        values = [" ".join(str(v).split()) for v in params.getlist(name)]
        values = [v for v in values if v]
        items.extend((name, v) for v in (values if name == "q" else sorted(set(values))))
    return urlencode(items)


def for_search(params):
    """The alert for the search `params` describes; InvalidTarget if the search is invalid."""
    query = search_query(params)
    if len(query) > MAX_QUERY:
        raise InvalidTarget(["This search is too long to follow by email."])
    found = faceted_search(QueryDict(query))
    if found.errors:
        raise InvalidTarget(found.errors)
    parts = [f"“{found.q}”"] if found.q else []
    for chip in found.chips:
        name = FACET_NAMES.get(chip.facet)
        parts.append(f"{name}: {chip.label}" if name else chip.label)
    label = " · ".join(parts) or "All new statements"
    return Target(Subscription.Kind.SEARCH, _short(label), query=query)


def for_official(official):
    return Target(
        Subscription.Kind.OFFICIAL, _short(f"Statements naming {official.name}"), official=official
    )


def for_topic(topic):
    return Target(Subscription.Kind.TOPIC, _short(f"Statements on {topic.name}"), topic=topic)


def _short(label, limit=200):
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def search_params(subscription):
    """The search page's parameters that find what `subscription` follows (newest first)."""
    if subscription.kind == Subscription.Kind.OFFICIAL:
        params = QueryDict(mutable=True)
        params["official"] = subscription.official.slug
    elif subscription.kind == Subscription.Kind.TOPIC:
        params = QueryDict(mutable=True)
        params["topic"] = subscription.topic.slug
    else:
        params = QueryDict(subscription.query, mutable=True)
    params["sort"] = "newest"
    return params


def new_statements(subscription, cutoff, limit):
    """(how many, the first `limit`) published statements the ledger recorded after the
    subscription's watermark and up to `cutoff`, that its search matches, newest first."""
    ledger = Publication.objects.filter(pk__gt=subscription.watermark, pk__lte=cutoff)
    new = Statement.objects.published().filter(pk__in=ledger.values("statement_id"))
    found = faceted_search(search_params(subscription), queryset=new)
    if found.errors:
        # Never mail "everything new" because a filter stopped being valid (a removed topic).
        raise InvalidTarget(found.errors)
    count = found.results.count()
    return count, (list(found.results[0:limit]) if count else [])
