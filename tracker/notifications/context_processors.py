from functools import cache

from django.http import HttpRequest

from tracker.accounts.models import User
from tracker.notifications import selectors


def notifications(request: HttpRequest) -> dict[str, object]:
    """The bell's unread count on every page, counted once and only if a template asks.

    Templates call a callable context value when they read it; `cache` makes the second
    read free. The settings page also reads the last delivery problem, the same lazy way.
    """
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        return {}
    return {
        "unread_notification_count": cache(lambda: selectors.notification_unread_count(user=user)),
        "last_delivery_problem": cache(
            lambda: selectors.notification_last_delivery_problem(user=user)
        ),
    }
