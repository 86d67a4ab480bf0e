from django.urls import path

from tracker.followups import views

urlpatterns = [
    path("followups/", views.followups_page, name="followups"),
    path("followups/<int:pk>/draft/", views.followup_draft, name="followup_draft"),
    path("followups/<int:pk>/sent/", views.followup_sent, name="followup_sent"),
    path("followups/<int:pk>/unsent/", views.followup_undo_sent, name="followup_undo_sent"),
    path(
        "followups/<int:pk>/detach-answer/",
        views.followup_detach_answer,
        name="followup_detach_answer",
    ),
    path("followups/<int:pk>/skip/", views.followup_skip, name="followup_skip"),
    path("followups/<int:pk>/unskip/", views.followup_unskip, name="followup_unskip"),
    path("followups/<int:pk>/rebuild/", views.followup_rebuild, name="followup_rebuild"),
    path("followups/<int:pk>/language/", views.followup_language, name="followup_language"),
    path("followups/<int:pk>/snooze/", views.followup_snooze, name="followup_snooze"),
    path(
        "applications/<int:pk>/followups/",
        views.application_followups_panel,
        name="application_followups_panel",
    ),
    path(
        "applications/<int:pk>/followups/keep-in-touch/",
        views.followups_keep_in_touch,
        name="followups_keep_in_touch",
    ),
    path(
        "applications/<int:pk>/followups/stop/",
        views.followups_stop_keeping_in_touch,
        name="followups_stop_keeping_in_touch",
    ),
]
