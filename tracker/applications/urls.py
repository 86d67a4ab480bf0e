"""Every route of the applications web layer: the board, the table, one application's
pages, and its contacts, interviews and notes."""

from django.urls import path

from tracker.applications.views import application, board, people, table

urlpatterns = [
    path("", board.dashboard, name="dashboard"),
    path("applications/", table.application_table, name="application_table"),
    path("applications/bulk/", table.application_bulk, name="application_bulk"),
    path("board/<str:stage>/more/", board.board_column_more, name="board_column_more"),
    path("applications/<int:pk>/move/", board.application_move, name="application_move"),
    path("applications/new/", application.application_create, name="application_create"),
    path("applications/<int:pk>/", application.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", application.application_edit, name="application_edit"),
    path(
        "applications/<int:pk>/delete/", application.application_delete, name="application_delete"
    ),
    path(
        "applications/<int:pk>/stage/",
        application.application_change_stage,
        name="application_change_stage",
    ),
    path(
        "applications/<int:pk>/reject/", application.application_reject, name="application_reject"
    ),
    # The application page's contacts, interviews and notes.
    path(
        "applications/<int:pk>/contacts/new/",
        people.application_contact_add,
        name="application_contact_add",
    ),
    path(
        "applications/<int:pk>/contacts/link/",
        people.application_contact_link,
        name="application_contact_link",
    ),
    path(
        "applications/<int:pk>/contacts/<int:contact_pk>/role/",
        people.application_contact_role,
        name="application_contact_role",
    ),
    path(
        "applications/<int:pk>/contacts/<int:contact_pk>/unlink/",
        people.application_contact_unlink,
        name="application_contact_unlink",
    ),
    path(
        "applications/<int:pk>/interviews/new/",
        people.application_interview_add,
        name="application_interview_add",
    ),
    path(
        "applications/<int:pk>/interviews/<int:interview_pk>/delete/",
        people.application_interview_delete,
        name="application_interview_delete",
    ),
    path("applications/<int:pk>/notes/", people.application_notes, name="application_notes"),
    path("feedback/<int:pk>/", application.feedback_edit, name="feedback_edit"),
]
