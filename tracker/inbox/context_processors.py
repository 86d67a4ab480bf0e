from functools import cache

from django.http import HttpRequest

from tracker.accounts.models import User
from tracker.inbox.selectors import inbox_pending_count


def inbox(request: HttpRequest) -> dict[str, object]:
    """The navigation's badge: how many messages wait for review, counted only if a
    template asks, and once (see notifications' context processor)."""
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        return {}
    return {"inbox_pending_count": cache(lambda: inbox_pending_count(user=user))}
