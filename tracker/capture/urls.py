from django.urls import path

from tracker.capture import views

urlpatterns = [
    path(
        "applications/new/from-link/",
        views.application_add_from_link,
        name="application_add_from_link",
    ),
    path(
        "applications/new/from-link/save/",
        views.application_save_from_link,
        name="application_save_from_link",
    ),
]
