from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("tracker.accounts.urls")),
    path("", include("tracker.applications.urls")),
    path("", include("tracker.followups.urls")),
    path("", include("tracker.notifications.urls")),
]
