"""Atom feeds: the latest statements, and the statements naming one official or on one topic."""

from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from statements.models import Participant, Statement, Topic

FEED_LENGTH = 30


class LatestStatementsFeed(Feed):
    feed_type = Atom1Feed
    title = "Bilateral Statements Archive: latest statements"
    subtitle = (
        "Joint statements, readouts and communiqués governments publish about their meetings."
    )

    def link(self):
        return reverse("statements:home")

    def statements(self):
        return Statement.objects.published().with_listing_data()

    def items(self, obj=None):
        return self.statements()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Plain text: the syndication framework escapes it.
        return Truncator(" ".join(item.body.split())).words(80)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        """The statement's date, else its meeting's; none at all rather than the import time
        (Atom's <updated> still says when the record last changed)."""
        if item.listing_date is None:
            return None
        return datetime.combine(item.listing_date, time.min, tzinfo=UTC)

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.publisher or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class OfficialFeed(LatestStatementsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Participant.objects.visible(), slug=slug)

    def title(self, obj):
        return f"Bilateral Statements Archive: statements naming {obj.name}"

    def subtitle(self, obj):
        return f"The latest published statements that name {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return self.statements().filter(mentions__participant=obj)[:FEED_LENGTH]


class TopicFeed(LatestStatementsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return f"Bilateral Statements Archive: statements on {obj.name}"

    def subtitle(self, obj):
        return f"The latest published statements on {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return self.statements().filter(topics=obj)[:FEED_LENGTH]
