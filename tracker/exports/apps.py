from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "tracker.exports"
    label = "exports"
    verbose_name = "Export"
