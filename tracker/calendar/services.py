from tracker.accounts.models import User
from tracker.calendar.models import CalendarFeed, new_feed_token


def calendar_feed_regenerate(*, user: User) -> CalendarFeed:
    """A new secret URL for the user's calendar; the old one stops working at once."""
    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created:
        feed.token = new_feed_token()
        feed.save(update_fields=["token"])
    return feed


def calendar_feed_rotate(*, user: User) -> CalendarFeed | None:
    """After a password change or reset: an existing calendar URL is replaced, so whoever
    copied it out of a taken-over account loses it; a user without one gets none."""
    if not CalendarFeed.objects.filter(user=user).exists():
        return None
    return calendar_feed_regenerate(user=user)
