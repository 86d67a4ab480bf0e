"""The user's decisions on a queued item: confirm (through the ordinary application
services), dismiss, or reassign; and expiring what is kept too long."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.applications import services as applications
from tracker.applications.models import (
    STAGE_PROGRESS,
    Application,
    ChangeSource,
    Stage,
)
from tracker.inbox.models import (
    InboundMail,
    InboundStatus,
    Inbox,
    InboxItem,
    ItemKind,
    ItemStatus,
)
from tracker.inbox.services.settings import DEFAULT_RETENTION_DAYS

# An invitation or an offer moves the application forward to this stage, if it is behind.
STAGE_FOR_KIND = {ItemKind.INTERVIEW_INVITATION: Stage.INTERVIEWING, ItemKind.OFFER: Stage.OFFER}


def _decide(item: InboxItem, status: str) -> bool:
    """Claims a pending item for one decision: a double click decides once."""
    return bool(
        InboxItem.objects.filter(pk=item.pk, status=ItemStatus.PENDING).update(
            status=status, decided_at=timezone.now(), text=""
        )
    )


@transaction.atomic
def inbox_item_confirm(
    *,
    item: InboxItem,
    channel: str | None = None,
    sender_role: str | None = None,
    sender_name: str | None = None,
    sender_email: str | None = None,
    received_at: datetime | None = None,
    message: str | None = None,
) -> InboxItem:
    """What the item says happens: a rejection recorded (the ordinary path), or for an
    invitation or an offer the application moved on. The arguments are the user's edits."""
    if item.application_id is None:
        raise ValidationError({"application": "Choose the application this is about first."})
    application = Application.objects.get(pk=item.application_id, owner_id=item.owner_id)
    text = item.text if message is None else message
    when = received_at or item.sent_at or timezone.now()
    if not _decide(item, ItemStatus.CONFIRMED):
        raise ValidationError("This message was already dealt with.")
    if item.kind == ItemKind.REJECTION:
        applications.application_reject(
            application=application,
            source=ChangeSource.INBOX,
            channel=item.channel if channel is None else channel,
            sender_role=item.sender_role if sender_role is None else sender_role,
            sender_name=item.sender_name if sender_name is None else sender_name,
            sender_email=item.sender_email if sender_email is None else sender_email,
            received_at=when,
            message=text[:20_000],
            subject=item.subject,
        )
    else:
        to_stage = STAGE_FOR_KIND[ItemKind(item.kind)]
        if STAGE_PROGRESS.get(application.stage, 99) < STAGE_PROGRESS[to_stage]:
            applications.application_change_stage(
                application=application, to_stage=to_stage, source=ChangeSource.INBOX, at=when
            )
    item.refresh_from_db()
    return item


def inbox_item_dismiss(*, item: InboxItem) -> InboxItem:
    """Not a rejection after all: it leaves the queue and changes nothing else."""
    if not _decide(item, ItemStatus.DISMISSED):
        raise ValidationError("This message was already dealt with.")
    item.refresh_from_db()
    return item


def inbox_item_reassign(*, item: InboxItem, application: Application) -> InboxItem:
    """The user says which application it is about (another, or the first one found)."""
    if application.owner_id != item.owner_id:
        raise ValidationError({"application": "Choose one of your applications."})
    if item.status != ItemStatus.PENDING:
        raise ValidationError("This message was already dealt with.")
    item.application = application
    item.match_evidence = ["You chose this application."]
    item.save(update_fields=["application", "match_evidence"])
    return item


def inbox_items_expire(*, now: datetime | None = None) -> int:
    """The retention sweep: each user's kept messages older than their setting go."""
    now = now or timezone.now()
    deleted = 0
    for days in set(Inbox.objects.values_list("retention_days", flat=True)):
        count, _ = InboxItem.objects.filter(
            owner__inbox__retention_days=days, created_at__lt=now - timedelta(days=days)
        ).delete()
        deleted += count
    count, _ = InboxItem.objects.filter(
        owner__inbox__isnull=True, created_at__lt=now - timedelta(days=DEFAULT_RETENTION_DAYS)
    ).delete()
    # What could not be read is only a line on the inbox page; it goes with its season.
    InboundMail.objects.filter(
        status=InboundStatus.UNREADABLE,
        received_at__lt=now - timedelta(days=DEFAULT_RETENTION_DAYS),
    ).delete()
    return deleted + count
