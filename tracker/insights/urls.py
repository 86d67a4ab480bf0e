from django.urls import path

from tracker.insights import views

urlpatterns = [
    path("", views.insights, name="insights"),
]
