from django.apps import AppConfig


class WorkSearchConfig(AppConfig):
    name = "tracker.worksearch"
    label = "worksearch"
    verbose_name = "Work-search log"
