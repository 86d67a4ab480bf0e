"""Writing and delivering notifications. In-app ones are delivered by being written."""

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from tracker.accounts.models import User
from tracker.core.dispatch import dispatch_on_commit
from tracker.followups.models import FollowUp, Reminder
from tracker.notifications import channels
from tracker.notifications.models import Channel, DeliveryStatus, Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# A claimed delivery not finished by then is presumed lost with its worker, and retried.
DELIVERY_LEASE = timedelta(minutes=5)


def retry_delay(attempts: int) -> timedelta:
    """Backoff after a failed attempt: 1, 2, 4, 8, 16 minutes."""
    return timedelta(minutes=2 ** (attempts - 1))


def _reminder_text(reminder: Reminder) -> tuple[str, str]:
    followup = reminder.followup
    application = followup.application
    where = f"{application.role} at {application.company.name}"
    title = f"{followup.get_kind_display()} \N{EM DASH} {where}"
    if reminder.last_call:
        title = f"Last reminder: {title}"
    body = followup.reason
    if followup.due_at:
        due = timezone.localtime(followup.due_at, application.owner.zone)
        body = f"Due {date_format(due, 'D j M, H:i')}. {body}"
    return title, body


def followup_link(followup: FollowUp) -> str:
    return (
        reverse("application_detail", args=[followup.application_id]) + f"#followup-{followup.pk}"
    )


def notifications_create_for_reminders(reminders: Sequence[Reminder]) -> int:
    """Writes each reminder's notifications (in-app always, email and webhook if chosen).

    Call inside the transaction that claimed the reminders; deliveries are published
    after it commits.
    """
    rows: list[Notification] = []
    now = timezone.now()
    for reminder in reminders:
        user: User = reminder.followup.application.owner
        title, body = _reminder_text(reminder)
        common = {
            "user": user,
            "followup": reminder.followup,
            "reminder": reminder,
            "title": title,
            "body": body,
            "link": followup_link(reminder.followup),
        }
        rows.append(
            Notification(
                channel=Channel.IN_APP, status=DeliveryStatus.DELIVERED, delivered_at=now, **common
            )
        )
        if user.email_reminders and user.email:
            rows.append(Notification(channel=Channel.EMAIL, next_attempt_at=now, **common))
        if user.webhook_url:
            rows.append(Notification(channel=Channel.WEBHOOK, next_attempt_at=now, **common))
    created = Notification.objects.bulk_create(rows)
    from tracker.notifications.tasks import deliver_notification_task

    for notification in created:
        if notification.status == DeliveryStatus.PENDING:
            dispatch_on_commit(deliver_notification_task, notification.pk)
    return len(reminders)


def notification_deliver(*, notification_id: int, now: datetime | None = None) -> str:
    """Delivers one notification on its channel, once; a failure is recorded and retried.

    Returns the resulting status. The claim (PENDING → SENDING, with a lease) is what
    keeps a redelivered task or a second sweeper from sending it twice.
    """
    now = now or timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).update(
        status=DeliveryStatus.SENDING,
        attempts=F("attempts") + 1,
        next_attempt_at=now + DELIVERY_LEASE,
    )
    if not claimed:
        return ""
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    try:
        channels.SENDERS[notification.channel].send(notification)
    except Exception as exc:
        # Expected failures are DeliveryErrors; anything else is our bug, but it is still
        # recorded and retried like one, so one broken channel never stops the others.
        log = logger.info if isinstance(exc, channels.DeliveryError) else logger.exception
        log("Delivery of notification %s failed: %s", notification.pk, exc)
        notification.last_error = str(exc) or type(exc).__name__
        if notification.attempts >= MAX_ATTEMPTS:
            notification.status = DeliveryStatus.FAILED
            notification.next_attempt_at = None
        else:
            notification.status = DeliveryStatus.PENDING
            notification.next_attempt_at = timezone.now() + retry_delay(notification.attempts)
    else:
        notification.status = DeliveryStatus.DELIVERED
        notification.delivered_at = timezone.now()
        notification.next_attempt_at = None
        notification.last_error = ""
    notification.save(update_fields=["status", "next_attempt_at", "last_error", "delivered_at"])
    return notification.status


def notifications_retry_due(*, now: datetime | None = None) -> int:
    """Re-sends deliveries whose retry time has come, and those whose worker died."""
    from tracker.notifications.tasks import deliver_notification_task

    now = now or timezone.now()
    # A lapsed lease: the worker that claimed it is gone. Back in the queue.
    Notification.objects.filter(status=DeliveryStatus.SENDING, next_attempt_at__lte=now).update(
        status=DeliveryStatus.PENDING
    )
    # A minute's grace: a fresh row was published when it was written; this is the net.
    due = list(
        Notification.objects.filter(
            status=DeliveryStatus.PENDING, next_attempt_at__lte=now - timedelta(minutes=1)
        ).values_list("pk", flat=True)[:1000]
    )
    with transaction.atomic():
        for pk in due:
            dispatch_on_commit(deliver_notification_task, pk)
    return len(due)


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(
        user=user, channel=Channel.IN_APP, read_at__isnull=True
    ).update(read_at=timezone.now())
