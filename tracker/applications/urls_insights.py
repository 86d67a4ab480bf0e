from django.urls import path

from tracker.applications import views_insights

urlpatterns = [
    path("", views_insights.insights, name="insights"),
]
