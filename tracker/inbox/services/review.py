"""The user's decisions on a queued item: confirm (through the ordinary application
services), dismiss, or reassign; and expiring what is kept too long.

Every decision is remembered by the message's fingerprints (DecidedMessage): the item may
go (retention, a disconnect), the same mail is never queued again. A second rejection for
an application already rejected asks first: replace the first, or keep it as a note."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop

from tracker.applications import services as applications
from tracker.applications.models import (
    STAGE_PROGRESS,
    Application,
    ChangeSource,
    InterviewKind,
    Rejection,
    Stage,
)
from tracker.inbox import selectors
from tracker.inbox.models import (
    DecidedMessage,
    InboundMail,
    InboundStatus,
    Inbox,
    InboxItem,
    ItemKind,
    ItemStatus,
)
from tracker.inbox.services.settings import DEFAULT_RETENTION_DAYS
from tracker.mail.because import Because
from tracker.mail.meeting import meeting_at

# An invitation or an offer moves the application forward to this stage, if it is behind.
STAGE_FOR_KIND = {ItemKind.INTERVIEW_INVITATION: Stage.INTERVIEWING, ItemKind.OFFER: Stage.OFFER}


class AlreadyDecided(ValidationError):
    """The item was confirmed or dismissed already (another tab, another client): nothing
    about the request is wrong, the item's state refuses it."""

    def __init__(self) -> None:
        super().__init__(gettext("This message was already dealt with."))


@dataclass
class AlreadyRejected(Exception):
    """The application has a rejection: the user says whether this one replaces it."""

    rejection: Rejection

    @property
    def message(self) -> str:
        return selectors.already_rejected_question(self.rejection)

    def __str__(self) -> str:
        return self.message


# The words of an invitation that name the kind of interview it is.
_INTERVIEW_KINDS = (
    (("final",), InterviewKind.FINAL),
    (
        ("onsite", "on-site", "vor ort", "sur place", "presencial", "in person"),
        InterviewKind.ONSITE,
    ),
    (("technical", "technisch", "technique", "tecnic", "coding"), InterviewKind.TECHNICAL),
)


def _decide(item: InboxItem, status: str) -> bool:
    """Claims a pending item for one decision: a double click decides once. The decision
    is remembered by the message's fingerprints, whatever becomes of the item."""
    now = timezone.now()
    claimed = InboxItem.objects.filter(pk=item.pk, status=ItemStatus.PENDING).update(
        status=status, decided_at=now, text=""
    )
    if claimed:
        for fingerprint in {item.fingerprint, item.letter_fingerprint} - {""}:
            DecidedMessage.objects.get_or_create(
                owner_id=item.owner_id, fingerprint=fingerprint, defaults={"decided_at": now}
            )
    return bool(claimed)


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
    replace: bool = False,
) -> InboxItem:
    """What the item says happens: a rejection recorded (the ordinary path), for an
    invitation the interview logged at the time it names and the application moved on, for
    an offer the application moved on; other job mail is read and changes nothing.

    The arguments are the user's edits. A rejection for an application that already has
    one raises AlreadyRejected unless `replace` is True."""
    if item.application_id is None:
        raise ValidationError(
            {"application": gettext("Choose the application this is about first.")}
        )
    application = Application.objects.get(pk=item.application_id, owner_id=item.owner_id)
    text = item.text if message is None else message
    when = received_at or item.sent_at or timezone.now()
    earlier = Rejection.objects.filter(application=application).first()
    if item.kind == ItemKind.REJECTION and earlier is not None and not replace:
        raise AlreadyRejected(earlier)
    if not _decide(item, ItemStatus.CONFIRMED):
        raise AlreadyDecided
    if item.kind == ItemKind.OTHER:
        pass  # an update on its application, read: nothing to record
    elif item.kind == ItemKind.REJECTION:
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
        if item.kind == ItemKind.INTERVIEW_INVITATION:
            _log_interview(application, item, text, sent=when)
        to_stage = STAGE_FOR_KIND[ItemKind(item.kind)]
        application.refresh_from_db()
        if STAGE_PROGRESS.get(application.stage, 99) < STAGE_PROGRESS[to_stage]:
            applications.application_change_stage(
                application=application, to_stage=to_stage, source=ChangeSource.INBOX, at=when
            )
    item.refresh_from_db()
    return item


def _log_interview(application: Application, item: InboxItem, text: str, sent: datetime) -> None:
    """The interview an invitation names, when it gives a day and a time still to come."""
    at = meeting_at(f"{item.subject}\n{text}", sent=sent, zone=application.owner.zone)
    if at is None or at <= timezone.now():
        return
    words = f"{item.subject} {text}".lower()
    kind = next(
        (k for cues, k in _INTERVIEW_KINDS if any(cue in words for cue in cues)),
        InterviewKind.PHONE_SCREEN,
    )
    try:
        applications.interview_create(
            application=application,
            scheduled_at=at,
            kind=kind,
            notes=(gettext("From the invitation: %(subject)s") % {"subject": item.subject})[
                :10_000
            ],
            source=ChangeSource.INBOX,
        )
    except ValidationError:
        # A time the invitation names that the application cannot take (before it
        # began): the invitation is still confirmed; the user logs the interview by hand.
        return


@transaction.atomic
def inbox_item_keep_as_note(*, item: InboxItem) -> InboxItem:
    """A second rejection kept beside the first: its words go to the application's notes,
    the first rejection stays as it was."""
    if item.application_id is None:
        raise ValidationError(
            {"application": gettext("Choose the application this is about first.")}
        )
    application = Application.objects.get(pk=item.application_id, owner_id=item.owner_id)
    text = item.text
    if not _decide(item, ItemStatus.CONFIRMED):
        raise AlreadyDecided
    who = item.sender_name or item.sender_email or item.from_email
    when = date_format(
        timezone.localtime(item.sent_at or timezone.now(), application.owner.zone), "DAY"
    )
    # The user's notes, in the words of the page they decided on.
    if who:
        note = gettext("Another rejection, %(date)s, from %(who)s: %(text)s") % {
            "date": when,
            "who": who,
            "text": text,
        }
    else:
        note = gettext("Another rejection, %(date)s: %(text)s") % {"date": when, "text": text}
    note = note.strip()
    notes = f"{application.notes}\n\n{note}" if application.notes.strip() else note
    applications.application_update_notes(application=application, notes=notes[:20_000])
    item.refresh_from_db()
    return item


def inbox_item_mark_rejection(*, item: InboxItem) -> InboxItem:
    """Job mail from the "other" lane that the user says is a rejection: it waits in the
    queue as one, with what the reader made of its sender, for the user to confirm."""
    updated = InboxItem.objects.filter(
        pk=item.pk, status=ItemStatus.PENDING, kind=ItemKind.OTHER
    ).update(kind=ItemKind.REJECTION)
    if not updated:
        raise AlreadyDecided
    item.refresh_from_db()
    return item


def inbox_item_dismiss(*, item: InboxItem) -> InboxItem:
    """Not a rejection after all: it leaves the queue and changes nothing else."""
    if not _decide(item, ItemStatus.DISMISSED):
        raise AlreadyDecided
    item.refresh_from_db()
    return item


def inbox_item_reassign(*, item: InboxItem, application: Application) -> InboxItem:
    """The user says which application it is about (another, or the first one found)."""
    if application.owner_id != item.owner_id:
        raise ValidationError({"application": gettext("Choose one of your applications.")})
    if item.status != ItemStatus.PENDING:
        raise AlreadyDecided
    item.application = application
    item.match_evidence = [Because(gettext_noop("You chose this application.")).stored()]
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
