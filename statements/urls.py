from django.contrib.sitemaps.views import sitemap
from django.urls import path

from statements import feeds, views
from statements.sitemaps import SITEMAPS

app_name = "statements"

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/<slug:slug>/", views.statement_detail, name="statement_detail"),
    path("officials/", views.official_list, name="official_list"),
    path("officials/<slug:slug>/", views.official_detail, name="official_detail"),
    path("officials/<slug:slug>/feed/", feeds.OfficialFeed(), name="official_feed"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting_detail"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic_feed"),
    path("feeds/latest/", feeds.LatestStatementsFeed(), name="latest_feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
