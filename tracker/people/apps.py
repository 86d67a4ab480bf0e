from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "tracker.people"
    label = "people"
    verbose_name = "People"
