"""`{% thread_of commitment %}`: the thread a commitment belongs to, for the statement page.

The first call on a page reads the threads of every commitment of that statement at once (one
query, kept on the request), so the page's query count does not grow with its commitments.
"""

from django import template
from django.db.models import Count, Q

from statements.models import Statement, ThreadMention

register = template.Library()


@register.simple_tag(takes_context=True)
def thread_of(context, commitment, meeting=None):
    """The commitment's ThreadMention (with `published`: its thread's published mentions).

    On a meeting's page pass the meeting: one query then covers all its statements."""
    request = context.get("request")
    caches = getattr(request, "_commitment_threads", None) if request is not None else None
    if caches is None:
        caches = {}
        if request is not None:
            request._commitment_threads = caches
    if meeting:
        key = ("meeting", meeting.pk)
        scope = Q(commitment__meeting=meeting) | Q(
            commitment__statement__meeting_reports__meeting=meeting
        )
    else:
        key, scope = commitment.statement_id, Q(commitment__statement_id=commitment.statement_id)
    found = caches.get(key)
    if found is None:
        published = Q(thread__mentions__commitment__statement__status=Statement.Status.PUBLISHED)
        rows = (
            ThreadMention.objects.filter(scope)
            .select_related("thread")
            .annotate(published=Count("thread__mentions", filter=published, distinct=True))
        )
        found = caches[key] = {row.commitment_id: row for row in rows}
    return found.get(commitment.pk)
