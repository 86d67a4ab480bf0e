from django.urls import path

from tracker.notifications import views

urlpatterns = [
    path("notifications/", views.notifications_page, name="notifications"),
    path("notifications/latest/", views.notifications_dropdown, name="notifications_dropdown"),
    path("notifications/<int:pk>/open/", views.notification_open, name="notification_open"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
    path("notifications/read-all/", views.notifications_read_all, name="notifications_read_all"),
]
