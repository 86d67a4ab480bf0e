from django.urls import path

from tracker.api import views_web

urlpatterns = [
    path("", views_web.api_token, name="api_token"),
    path("revoke/", views_web.api_token_revoke, name="api_token_revoke"),
]
