from django.urls import path

from tracker.applications import views, views_board, views_table

urlpatterns = [
    path("", views_board.dashboard, name="dashboard"),
    path("applications/", views_table.application_table, name="application_table"),
    path("applications/bulk/", views_table.application_bulk, name="application_bulk"),
    path("board/<str:stage>/more/", views_board.board_column_more, name="board_column_more"),
    path("applications/<int:pk>/move/", views_board.application_move, name="application_move"),
    path("applications/new/", views.application_create, name="application_create"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/delete/", views.application_delete, name="application_delete"),
    path(
        "applications/<int:pk>/stage/",
        views.application_change_stage,
        name="application_change_stage",
    ),
    path("applications/<int:pk>/reject/", views.application_reject, name="application_reject"),
]
