from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "tracker.notifications"
    label = "notifications"
    verbose_name = "Notifications"
