from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("tracker.accounts.urls")),
    path("accounts/settings/api-token/", include("tracker.api.urls_web")),
    path("api/", include("tracker.api.urls")),
    path("", include("tracker.applications.urls")),
    path("", include("tracker.capture.urls")),
    path("insights/", include("tracker.insights.urls")),
    path("", include("tracker.followups.urls")),
    path("", include("tracker.notifications.urls")),
    path("", include("tracker.exports.urls")),
    path("", include("tracker.imports.urls")),
    path("", include("tracker.calendar.urls")),
    path("", include("tracker.inbox.urls")),
    path("", include("tracker.worksearch.urls")),
    path("people/", include("tracker.people.urls")),
    path("inbox/anymail/", include("tracker.inbox.urls_service")),
]
