from django import template
from django.conf import settings
from django.urls import reverse

from tracker.accounts.models import User
from tracker.calendar.models import CalendarFeed

register = template.Library()


@register.simple_tag
def calendar_feed_url(user: User) -> str:
    """The user's secret calendar URL, or "" until they ask for one."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return ""
    return settings.SITE_URL + reverse("calendar_feed", args=[feed.token])
