from typing import Any

from django.apps import AppConfig


class CalendarConfig(AppConfig):
    # The package is tracker.calendar, so a plain `import calendar` still finds the
    # standard library's module; the label only has to be unique among the apps.
    name = "tracker.calendar"
    label = "calendar"
    verbose_name = "Calendar feed"

    def ready(self) -> None:
        from tracker.accounts.signals import password_changed

        password_changed.connect(_rotate_feed, dispatch_uid="calendar-feed-rotate")


def _rotate_feed(sender: Any, user: Any, **kwargs: Any) -> None:
    from tracker.calendar import services

    services.calendar_feed_rotate(user=user)
