"""Template tags of the curators' admin."""

from django import template
from django.db.models import Count, Q

from statements.models import Statement

register = template.Library()


@register.simple_tag
def curation_counts():
    """How many statements wait for review, and how many are drafts: one query."""
    return Statement.objects.aggregate(
        needs_review=Count("pk", filter=Q(needs_review=True)),
        drafts=Count("pk", filter=Q(status=Statement.Status.DRAFT)),
    )
