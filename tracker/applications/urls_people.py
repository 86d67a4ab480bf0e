"""The application page's contacts, interviews and notes."""

from django.urls import path

from tracker.applications import views_people

urlpatterns = [
    path(
        "applications/<int:pk>/contacts/new/",
        views_people.application_contact_add,
        name="application_contact_add",
    ),
    path(
        "applications/<int:pk>/contacts/link/",
        views_people.application_contact_link,
        name="application_contact_link",
    ),
    path(
        "applications/<int:pk>/contacts/<int:contact_pk>/role/",
        views_people.application_contact_role,
        name="application_contact_role",
    ),
    path(
        "applications/<int:pk>/contacts/<int:contact_pk>/unlink/",
        views_people.application_contact_unlink,
        name="application_contact_unlink",
    ),
    path(
        "applications/<int:pk>/interviews/new/",
        views_people.application_interview_add,
        name="application_interview_add",
    ),
    path(
        "applications/<int:pk>/interviews/<int:interview_pk>/delete/",
        views_people.application_interview_delete,
        name="application_interview_delete",
    ),
    path("applications/<int:pk>/notes/", views_people.application_notes, name="application_notes"),
]
