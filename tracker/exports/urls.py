from django.urls import path

from tracker.exports import views

urlpatterns = [
    path("export/applications.csv", views.export_applications, name="export_applications"),
    path("export/history.csv", views.export_history, name="export_history"),
]
