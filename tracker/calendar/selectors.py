"""What the calendar feed shows: open follow-ups with a date, and interviews."""

from datetime import datetime, timedelta

from django.db.models import QuerySet

from tracker.accounts.models import User
from tracker.applications.models import Interview
from tracker.followups.models import OPEN_STATUSES, FollowUp

# Interviews stay in the feed this long after they happened; older ones are history.
RECENT_INTERVIEWS = timedelta(days=30)
# A calendar feed is fetched every hour by apps that cannot page: keep it bounded.
MAX_EVENTS = 500


def calendar_followups(*, user: User) -> QuerySet[FollowUp]:
    """Follow-ups waiting for the user, with a date: what is due, soonest first."""
    return (
        FollowUp.objects.filter(
            application__owner=user, status__in=OPEN_STATUSES, due_at__isnull=False
        )
        .select_related("application__company")
        .order_by("due_at", "id")[:MAX_EVENTS]
    )


def calendar_interviews(*, user: User, now: datetime) -> QuerySet[Interview]:
    """Upcoming interviews, and the ones of the last few weeks."""
    return (
        Interview.objects.filter(application__owner=user, scheduled_at__gte=now - RECENT_INTERVIEWS)
        .select_related("application__company")
        .order_by("scheduled_at", "id")[:MAX_EVENTS]
    )
