"""Every read of notifications that a page needs, scoped to one user."""

from django.db.models import Q, QuerySet

from tracker.accounts.models import User
from tracker.notifications.models import Channel, DeliveryStatus, Notification


def notification_unread_count(*, user: User) -> int:
    """The bell's number: one COUNT over a partial index, on every page."""
    return Notification.objects.filter(
        user=user, channel=Channel.IN_APP, read_at__isnull=True
    ).count()


def notification_inbox(*, user: User) -> QuerySet[Notification]:
    """The user's in-app notifications, newest first (email and webhook copies are not)."""
    return Notification.objects.filter(user=user, channel=Channel.IN_APP).order_by(
        "-created_at", "-id"
    )


def notification_latest(*, user: User, limit: int) -> list[Notification]:
    """The bell's dropdown: the newest few in-app notifications, in one query."""
    inbox = notification_inbox(user=user).only("pk", "title", "link", "created_at", "read_at")
    return list(inbox[:limit])


def notifications_in_app() -> QuerySet[Notification]:
    """Everyone's in-app notifications: the ones a page may name (scope it to a user)."""
    return Notification.objects.filter(channel=Channel.IN_APP)


def notification_last_delivery_problem(*, user: User) -> Notification | None:
    """The latest email or webhook reminder that did not arrive, unless a later one did."""
    problem = (
        Notification.objects.filter(user=user, channel__in=[Channel.EMAIL, Channel.WEBHOOK])
        .filter(
            Q(status=DeliveryStatus.FAILED) | (Q(status=DeliveryStatus.PENDING) & ~Q(last_error=""))
        )
        .order_by("-created_at", "-id")
        .first()
    )
    if problem is None:
        return None
    fixed_since = Notification.objects.filter(
        user=user,
        channel=problem.channel,
        status=DeliveryStatus.DELIVERED,
        created_at__gt=problem.created_at,
    ).exists()
    return None if fixed_since else problem
