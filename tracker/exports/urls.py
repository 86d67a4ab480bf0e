from django.urls import path

from tracker.exports import views

urlpatterns = [
    path("export/applications.csv", views.export_applications, name="export_applications"),
    path("export/history.csv", views.export_history, name="export_history"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<int:pk>/", views.import_job, name="import_job"),
    path("import/<int:pk>/progress/", views.import_job_progress, name="import_job_progress"),
    path("import/<int:pk>/edit/", views.import_job_edit, name="import_job_edit"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path(
        "settings/calendar/",
        views.calendar_feed_regenerate,
        name="calendar_feed_regenerate",
    ),
]
