from django.urls import path

from tracker.calendar import views

urlpatterns = [
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path(
        "settings/calendar/",
        views.calendar_feed_regenerate,
        name="calendar_feed_regenerate",
    ),
]
