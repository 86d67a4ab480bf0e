from django.urls import path

from tracker.worksearch import views

urlpatterns = [
    path("work-search/", views.work_search_log, name="work_search_log"),
    path("work-search/print/", views.work_search_print, name="work_search_print"),
    path("work-search/log.pdf", views.work_search_pdf, name="work_search_pdf"),
    path("work-search/log.csv", views.work_search_csv, name="work_search_csv"),
    path("work-search/activities/", views.activity_create, name="activity_create"),
    path(
        "work-search/activities/<int:pk>/delete/",
        views.activity_delete,
        name="activity_delete",
    ),
    path("work-search/employers/<int:pk>/", views.employer_edit, name="work_search_employer"),
    path("work-search/settings/", views.log_settings_update, name="work_search_settings"),
]
