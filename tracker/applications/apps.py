from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "tracker.applications"
    label = "applications"
    verbose_name = "Applications"
