from django.urls import path

from tracker.inbox import views

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/confirm/", views.item_confirm, name="inbox_item_confirm"),
    path("inbox/<int:pk>/edit/", views.item_edit, name="inbox_item_edit"),
    path("inbox/<int:pk>/keep-as-note/", views.item_keep_as_note, name="inbox_item_keep_as_note"),
    path("inbox/<int:pk>/rejection/", views.item_is_rejection, name="inbox_item_is_rejection"),
    path("inbox/<int:pk>/dismiss/", views.item_dismiss, name="inbox_item_dismiss"),
    path("inbox/<int:pk>/application/", views.item_reassign, name="inbox_item_reassign"),
    path("inbox/settings/", views.inbox_settings, name="inbox_settings"),
    path("inbox/forward/<int:inbox_id>/<str:token>/", views.forward_receive, name="inbox_forward"),
]
