from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("search/", views.subscribe_search, name="subscribe_search"),
    path("officials/<slug:slug>/", views.subscribe_official, name="subscribe_official"),
    path("topics/<slug:slug>/", views.subscribe_topic, name="subscribe_topic"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
