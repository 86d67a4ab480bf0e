from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "tracker.imports"
    label = "imports"
    verbose_name = "Import"
