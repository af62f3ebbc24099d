from django.contrib.sitemaps.views import sitemap
from django.urls import path

from statements import api, feeds, search_views, views
from statements.sitemaps import SITEMAPS

app_name = "statements"

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/", views.statement_list, name="statement_list"),
    path("statements/<slug:slug>/", views.statement_detail, name="statement_detail"),
    path(
        "statements/<slug:slug>/cite.<str:extension>",
        views.statement_cite,
        name="statement_cite",
    ),
    path("about/method/", views.method, name="method"),
    path("officials/", views.official_list, name="official_list"),
    path("officials/<slug:slug>/", views.official_detail, name="official_detail"),
    path("officials/<slug:slug>/feed/", feeds.OfficialFeed(), name="official_feed"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<slug:slug>/compare/", views.meeting_compare, name="meeting_compare"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="topic_feed"),
    path("feeds/latest/", feeds.LatestStatementsFeed(), name="latest_feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # search (owned by "search")
    path("search/", search_views.search_page, name="search"),
    path("search/results.csv", search_views.search_csv, name="search_csv"),
    path("search/results.json", search_views.search_json, name="search_json"),
    path("search/feed/", search_views.SearchFeed(), name="search_feed"),
    path("api/", api.api_root, name="api_root"),
    path("api/search/", api.api_search, name="api_search"),
    path("api/suggest/", api.api_suggest, name="api_suggest"),
    path("api/openapi.json", api.api_openapi, name="api_openapi"),
    path("api/<str:kind>/", api.api_list, name="api_list"),
    path("api/<str:kind>/<slug:slug>/", api.api_detail, name="api_detail"),
]

# Commitments over time (threads). Put first: "api/commitments/" must win over "api/<kind>/".
from statements import commitment_api, commitment_views  # noqa: E402

urlpatterns = [
    path("commitments/", commitment_views.commitment_list, name="commitment_list"),
    path("commitments/<slug:slug>/", commitment_views.commitment_detail, name="commitment_detail"),
    path("api/commitments/", commitment_api.api_commitments, name="api_commitments"),
    path(
        "api/commitments/<slug:slug>/", commitment_api.api_commitment, name="api_commitment_detail"
    ),
    *urlpatterns,
]
