from django.apps import AppConfig


class CalendarConfig(AppConfig):
    # The package is tracker.calendar, so a plain `import calendar` still finds the
    # standard library's module; the label only has to be unique among the apps.
    name = "tracker.calendar"
    label = "calendar"
    verbose_name = "Calendar feed"
