from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "tracker.insights"
    label = "insights"
    verbose_name = "Insights"
