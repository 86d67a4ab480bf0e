import secrets

from django.conf import settings
from django.db import models


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret in a user's calendar URL. Whoever has the URL reads the feed, so it is
    long and random, and replacing it is how a user takes the old URL back."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Made by the exports app before the calendar had a room of its own; the table
        # keeps its name so that moving the model moved no data.
        db_table = "exports_calendarfeed"

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
