"""Writing and delivering notifications. In-app ones are delivered by being written."""

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator

from tracker.accounts.models import User
from tracker.core.dispatch import dispatch_on_commit
from tracker.notifications import channels
from tracker.notifications.models import Channel, DeliveryStatus, Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# A claimed delivery not finished by then is presumed lost with its worker, and retried.
DELIVERY_LEASE = timedelta(minutes=5)
# By name, so that the tasks module (which calls these services) is not imported here.
DELIVER_TASK = "tracker.notifications.tasks.deliver_notification_task"

_TITLE_LENGTH = Notification._meta.get_field("title").max_length or 300
_BODY_LENGTH = Notification._meta.get_field("body").max_length or 5_000
_KEY_LENGTH = Notification._meta.get_field("dedupe_key").max_length or 200
_LINK_LENGTH = Notification._meta.get_field("link").max_length or 500


def retry_delay(attempts: int) -> timedelta:
    """Backoff after a failed attempt: 1, 2, 4, 8, 16 minutes."""
    return timedelta(minutes=2 ** (attempts - 1))


@dataclass(frozen=True)
class Notice:
    """One thing to tell one user, on every channel they chose.

    `dedupe_key` names the thing told, site-wide, after the row it tells of
    ("reminder:12", "rejection-email:7"): telling it again reaches no channel twice.
    """

    user: User
    title: str
    dedupe_key: str
    body: str = ""
    # A path within the site ("/applications/3/"); the channels make it a full URL.
    link: str = ""
    # Extras for machines ({"event": "reminder", "followup": 12}): webhooks post them.
    data: Mapping[str, object] = field(default_factory=dict)


def notify(
    *,
    user: User,
    title: str,
    dedupe_key: str,
    body: str = "",
    link: str = "",
    data: Mapping[str, object] | None = None,
) -> None:
    """Tells the user: in the app always, by email and webhook if they chose those.

    Any room notifies this way. Safe to call twice with the same key (a redelivered task,
    two sweepers): each channel gets the notice once. Call it inside the transaction
    that decided to tell; email and webhook deliveries are sent after it commits.
    """
    notify_all(
        [
            Notice(
                user=user, title=title, dedupe_key=dedupe_key, body=body, link=link, data=data or {}
            )
        ]
    )


def notify_all(notices: Sequence[Notice]) -> None:
    """notify() for many at once (a sweep of reminders): one INSERT, and one SELECT of the
    deliveries to send when some user chose email or a webhook."""
    now = timezone.now()
    rows: list[Notification] = []
    outside: set[str] = set()  # the keys told beyond the app, whose deliveries are sent
    for notice in notices:
        _check(notice)
        common = {
            "user": notice.user,
            "dedupe_key": notice.dedupe_key,
            # A title is a line in the bell: an overlong one is cut, not refused.
            "title": _cut(notice.title, _TITLE_LENGTH),
            "body": _cut(notice.body, _BODY_LENGTH),
            "link": notice.link,
            "data": dict(notice.data),
        }
        rows.append(
            Notification(
                channel=Channel.IN_APP, status=DeliveryStatus.DELIVERED, delivered_at=now, **common
            )
        )
        for channel in _outside_channels(notice.user):
            rows.append(Notification(channel=channel, next_attempt_at=now, **common))
            outside.add(notice.dedupe_key)
    # The unique (dedupe_key, channel) makes a second telling a no-op, even in a race.
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    if not outside:
        return
    pending = Notification.objects.filter(
        dedupe_key__in=outside,
        status=DeliveryStatus.PENDING,
        attempts=0,
    ).values_list("pk", flat=True)
    for pk in pending:
        dispatch_on_commit(DELIVER_TASK, pk)


def _cut(text: str, length: int) -> str:
    """The text, cut to length with an ellipsis if longer. Most are far shorter, and
    Truncator weighs every character: a sweep of thousands skips it for those."""
    return text if len(text) <= length else Truncator(text).chars(length)


def _check(notice: Notice) -> None:
    """The caller is code, not a person: a bad notice is a bug, said at once."""
    if not notice.dedupe_key or len(notice.dedupe_key) > _KEY_LENGTH:
        raise ValueError(f"A notice needs a dedupe_key of 1 to {_KEY_LENGTH} characters.")
    if len(notice.link) > _LINK_LENGTH or (notice.link and not notice.link.startswith("/")):
        raise ValueError(f"A notice's link is a path within the site: {notice.link!r}")


# The user's columns notify_all reads: a caller loading many users loads these.
NOTICE_USER_FIELDS = ("email", "email_reminders", "webhook_url")


def _outside_channels(user: User) -> list[str]:
    """Where the user asked to be reached besides the app."""
    chosen: list[str] = []
    if user.email_reminders and user.email:
        chosen.append(Channel.EMAIL)
    if user.webhook_url:
        chosen.append(Channel.WEBHOOK)
    return chosen


def notifications_withdraw(*, dedupe_keys: Iterable[str]) -> int:
    """Forgets what was told under these keys (its subject was deleted); returns how many."""
    deleted, _ = Notification.objects.filter(dedupe_key__in=list(dedupe_keys)).delete()
    return deleted


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
            dispatch_on_commit(DELIVER_TASK, pk)
    return len(due)


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(
        user=user, channel=Channel.IN_APP, read_at__isnull=True
    ).update(read_at=timezone.now())
