from django.urls import path

from statements import views

app_name = "statements"

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/<slug:slug>/", views.statement_detail, name="statement_detail"),
    path("officials/<slug:slug>/", views.official_detail, name="official_detail"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
]
