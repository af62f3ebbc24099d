"""The sitemap: every public page, never the search page's facet combinations."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from statements.models import Meeting, Participant, Statement, Topic


class StatementSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Statement.objects.published().order_by("pk").only("slug", "date", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class OfficialSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Participant.objects.visible().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class MeetingSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Meeting.objects.visible().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Topic.objects.order_by("pk").only("slug")


class IndexPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["home", "official_list", "meeting_list", "topic_list"]

    def location(self, item):
        return reverse(f"statements:{item}")


SITEMAPS = {
    "pages": IndexPagesSitemap,
    "statements": StatementSitemap,
    "officials": OfficialSitemap,
    "meetings": MeetingSitemap,
    "topics": TopicSitemap,
}
