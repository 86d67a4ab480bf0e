from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from tracker.api import (
    views,
    views_feedback,
    views_inbox,
    views_people,
    views_rejections,
    views_worksearch,
)

app_name = "api"

router = SimpleRouter()
router.register("applications", views.ApplicationViewSet, basename="application")
router.register("followups", views.FollowUpViewSet, basename="followup")
router.register("notifications", views.NotificationViewSet, basename="notification")
router.register("rejections", views_rejections.RejectionViewSet, basename="rejection")
router.register("inbox/items", views_inbox.InboxItemViewSet, basename="inbox-item")
router.register("activities", views_worksearch.ActivityViewSet, basename="activity")
router.register("contacts", views_people.ContactViewSet, basename="contact")
router.register("feedback", views_feedback.FeedbackViewSet, basename="feedback")

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="token"),
    path("inbox/", views_inbox.InboxViewSet.as_view({"get": "retrieve"}), name="inbox"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its script as a file of its own, as the CSP requires.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path(
        "export/applications.csv",
        views.ExportViewSet.as_view({"get": "applications"}),
        name="export-applications",
    ),
    path(
        "export/history.csv",
        views.ExportViewSet.as_view({"get": "history"}),
        name="export-history",
    ),
    path(
        "work-search-log/",
        views_worksearch.WorkSearchLogViewSet.as_view({"get": "log"}),
        name="work-search-log",
    ),
    *router.urls,
    # Last: whatever else is asked of /api/ is a JSON 404, as a client expects, not a page.
    re_path(r"", views.not_found),
]
