"""Every write of the inbox: settings, polls, what a message becomes, the user's decisions.

A message becomes at most one review item per user (its Message-ID, else a hash of its
content, is unique per user), whichever way it came. Nothing outside the inbox changes
until the user confirms an item; a confirmed rejection takes the ordinary path
(`application_reject`, source "inbox").
"""

import hashlib
import hmac
import logging
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tracker import mail
from tracker.accounts.models import User
from tracker.accounts.selectors import user_identity
from tracker.applications import services as applications
from tracker.applications.models import (
    STAGE_PROGRESS,
    Application,
    ChangeSource,
    Stage,
)
from tracker.inbox import crypto, imap, matching, selectors
from tracker.inbox.models import (
    Inbox,
    InboxItem,
    ItemKind,
    ItemStatus,
    Mailbox,
    MailboxStatus,
    Via,
)
from tracker.notifications.services import notify

logger = logging.getLogger(__name__)

# The first sync reads no further back than this: old mail is history, not news.
FIRST_SYNC_DAYS = 60
# One poll reads at most this many messages; a bigger backlog continues at once after.
MAX_PER_POLL = 500
# How long a claimed poll may take before the sweep presumes it lost and polls again.
POLL_LEASE = timedelta(minutes=15)
MAX_BACKOFF = timedelta(hours=6)
DEFAULT_RETENTION_DAYS = 90
QUEUED_KINDS = {
    mail.MailKind.REJECTION: ItemKind.REJECTION,
    mail.MailKind.INTERVIEW_INVITATION: ItemKind.INTERVIEW_INVITATION,
    mail.MailKind.OFFER: ItemKind.OFFER,
}
# An invitation or an offer moves the application forward to this stage, if it is behind.
STAGE_FOR_KIND = {ItemKind.INTERVIEW_INVITATION: Stage.INTERVIEWING, ItemKind.OFFER: Stage.OFFER}


def poll_interval() -> timedelta:
    return timedelta(minutes=getattr(settings, "INBOX_POLL_MINUTES", 5))


def poll_backoff(failures: int) -> timedelta:
    """After the n-th failure in a row: 5, 10, 20 ... minutes, at most six hours."""
    return min(poll_interval() * 2 ** max(failures - 1, 0), MAX_BACKOFF)


# --- Settings -------------------------------------------------------------------------


def inbox_get_or_create(*, owner: User) -> Inbox:
    inbox, _ = Inbox.objects.get_or_create(
        owner=owner, defaults={"forward_token": secrets.token_urlsafe(32)}
    )
    return inbox


def forward_address(inbox: Inbox) -> str:
    """The secret email address of the inbox on INBOX_FORWARD_DOMAIN ("" without one).

    Lower-case hex from the token (mail systems may change a local part's case); a new
    token makes a new address.
    """
    domain: str = getattr(settings, "INBOX_FORWARD_DOMAIN", "")
    if not domain:
        return ""
    digest = hashlib.sha256(f"address:{inbox.forward_token}".encode()).hexdigest()[:32]
    return f"rebound-{inbox.pk}-{digest}@{domain}"


def inbox_for_addresses(addresses: Sequence[str]) -> Inbox | None:
    """Which inbox one of these recipients is, compared in constant time; None for none."""
    for address in addresses:
        local, _, domain = address.strip().lower().rpartition("@")
        parts = local.split("-")
        if len(parts) != 3 or parts[0] != "rebound" or not parts[1].isdigit():
            continue
        inbox = Inbox.objects.select_related("owner").filter(pk=int(parts[1])).first()
        expected = forward_address(inbox).lower() if inbox else ""
        if inbox and hmac.compare_digest(expected.encode(), f"{local}@{domain}".encode()):
            return inbox
    return None


def inbox_rotate_forward_token(*, owner: User) -> Inbox:
    """A new forwarding address; the old one stops working at once."""
    inbox = inbox_get_or_create(owner=owner)
    inbox.forward_token = secrets.token_urlsafe(32)
    inbox.save(update_fields=["forward_token"])
    return inbox


def inbox_set_retention(*, owner: User, days: int) -> Inbox:
    if not 1 <= days <= 3650:
        raise ValidationError({"retention_days": "Keep messages between 1 and 3650 days."})
    inbox = inbox_get_or_create(owner=owner)
    inbox.retention_days = days
    inbox.save(update_fields=["retention_days"])
    return inbox


@transaction.atomic
def mailbox_save(
    *,
    owner: User,
    host: str,
    port: int,
    security: str,
    username: str,
    password: str | None,
    folder: str,
) -> Mailbox:
    """Connects a mailbox or changes its settings. `password=None` keeps the stored one."""
    mailbox = Mailbox.objects.select_for_update().filter(owner=owner).first()
    if mailbox is None:
        if not password:
            raise ValidationError({"password": "Enter the app password."})
        mailbox = Mailbox(owner=owner)
    moved = (mailbox.host, mailbox.username, mailbox.folder) != (host, username, folder)
    mailbox.host, mailbox.port, mailbox.security = host, port, security
    mailbox.username, mailbox.folder = username, folder
    if password:
        try:
            mailbox.password_encrypted = crypto.password_encrypt(password)
        except crypto.NoKey as exc:
            raise ValidationError({"password": str(exc)}) from None
    if moved:
        # Another mailbox (or folder): its UIDs mean nothing here, read it afresh.
        mailbox.uidvalidity, mailbox.last_uid = None, 0
    mailbox.status, mailbox.status_message, mailbox.failures = MailboxStatus.NEW, "", 0
    mailbox.next_poll_at = timezone.now()
    mailbox.claim = ""
    mailbox.full_clean(exclude=["owner"])
    mailbox.save()
    inbox_get_or_create(owner=owner)
    return mailbox


@transaction.atomic
def mailbox_disconnect(*, owner: User) -> int:
    """Forgets the mailbox: its credentials and every message kept from it."""
    Mailbox.objects.filter(owner=owner).delete()
    deleted, _ = InboxItem.objects.filter(owner=owner, via=Via.IMAP).delete()
    return deleted


def mailbox_address(mailbox: Mailbox) -> imap.MailboxAddress:
    try:
        password = crypto.password_decrypt(mailbox.password_encrypted)
    except crypto.NoKey as exc:
        raise imap.MailboxError("password", str(exc)) from None
    except crypto.PasswordUnreadable:
        raise imap.MailboxError(
            "password",
            "The stored app password can no longer be read (the server's encryption key "
            "changed). Enter it again.",
        ) from None
    return imap.MailboxAddress(
        host=mailbox.host,
        port=mailbox.port,
        security=mailbox.security,
        username=mailbox.username,
        password=password,
        folder=mailbox.folder,
    )


# --- Messages -------------------------------------------------------------------------


@dataclass
class IngestContext:
    """What a poll loads once about the user, for every message it reads."""

    owner: User
    candidates: list[matching.Candidate]
    contacts: dict[int, list[mail.KnownContact]]
    user_emails: tuple[str, ...]
    user_names: tuple[str, ...]
    created: list[InboxItem] = field(default_factory=list)


def ingest_context(*, owner: User) -> IngestContext:
    candidates, contacts = selectors.match_candidates(user=owner)
    login = Mailbox.objects.filter(owner=owner).values_list("username", flat=True).first()
    who = user_identity(owner, mailbox_login=login or "")
    return IngestContext(owner, candidates, contacts, who.addresses, who.names)


def _cut(text: str, limit: int) -> str:
    return text[:limit]


def _fingerprint(message: mail.Message) -> str:
    message_id = message.message_id.strip().strip("<>").strip().lower()
    if message_id and len(message_id) <= 300:
        return hashlib.sha256(f"mid:{message_id}".encode()).hexdigest()
    content = "\n".join(
        [message.from_email.lower(), message.subject, " ".join(message.newest.split())]
    )
    return hashlib.sha256(f"body:{content}".encode()).hexdigest()


def _received_at(reading: mail.Reading, message: mail.Message) -> datetime | None:
    when = reading.received_at or message.newest_date or message.date
    if when is None or timezone.is_naive(when):
        return None
    return min(when, timezone.now())


def message_ingest(
    *, owner: User, raw: bytes, via: str, context: IngestContext | None = None
) -> tuple[InboxItem | None, str]:
    """Reads one message; queues it if it is a rejection, an invitation or an offer.

    Returns (the new item or None, why). Keeps nothing of any other mail. Safe to call
    twice with the same message: the second call finds it queued and adds nothing.
    """
    context = context or ingest_context(owner=owner)
    message = mail.parse_message(raw[: mail.MAX_RAW_BYTES])
    verdict = mail.classify(message)
    kind = QUEUED_KINDS.get(verdict.kind)
    if kind is None:
        return None, "not_queued"
    fingerprint = _fingerprint(message)
    if InboxItem.objects.filter(owner=owner, fingerprint=fingerprint).exists():
        return None, "duplicate"

    reading = mail.read_rejection(
        message, zone=owner.zone, user_emails=context.user_emails, user_names=context.user_names
    )
    found = matching.match_application(
        matching.Mail(
            sender_email=reading.sender_email or message.from_email,
            sender_name=reading.sender_name or message.from_name,
            subject=message.subject,
            text=message.newest[:20_000],
            thread_ids=tuple(t for t in (message.in_reply_to, *message.references) if t),
        ),
        context.candidates,
    )
    if found.application_id is not None and context.contacts.get(found.application_id):
        # Its contacts' roles win over a guess: read again knowing who they are.
        company = next(c.company for c in context.candidates if c.id == found.application_id)
        reading = mail.read_rejection(
            message,
            zone=owner.zone,
            user_emails=context.user_emails,
            user_names=context.user_names,
            contacts=context.contacts[found.application_id],
            company_names=(company,),
        )
    item = InboxItem(
        owner=owner,
        fingerprint=fingerprint,
        via=via,
        kind=kind,
        message_id=_cut(message.message_id.strip(), 300),
        subject=_cut(message.subject, 300),
        from_name=_cut(message.from_name, 200),
        from_email=_cut(message.from_email, 254),
        sent_at=_received_at(reading, message),
        text=_cut(message.newest or message.body, 20_000),
        channel=reading.channel if reading.channel in mail.CHANNELS else "unknown",
        sender_role=reading.sender_role if reading.sender_role in mail.SENDER_ROLES else "unknown",
        sender_name=_cut(reading.sender_name, 200),
        sender_email=_cut(reading.sender_email, 254),
        because=[_cut(b, 300) for b in (*verdict.because, *reading.because)][:12],
        application_id=found.application_id,
        match_evidence=[_cut(e, 300) for e in found.evidence][:8],
    )
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        # The same message, arriving the other way at the same moment.
        return None, "duplicate"
    context.created.append(item)
    return item, "queued"


def items_announce(*, owner: User, items: Sequence[InboxItem]) -> None:
    """One notification for what one poll or one forward brought, not one per message."""
    if not items:
        return
    first = items[0]
    if len(items) == 1:
        title = selectors.item_headline(first)
    else:
        title = f"{len(items)} new messages to review in your inbox"
    notify(
        user=owner,
        title=title,
        body="Nothing changes until you confirm.",
        link=reverse("inbox"),
        dedupe_key=f"inbox:{owner.pk}:{min(i.pk for i in items)}",
        data={"event": "inbox", "items": [i.pk for i in items]},
    )


# --- Polling --------------------------------------------------------------------------


def mailboxes_claim_due(*, now: datetime | None = None, limit: int = 1000) -> list[tuple[int, str]]:
    """Claims every due mailbox with a conditional update: two sweeps never claim one twice.

    The claim moves next_poll_at a lease ahead, so a poll lost with its worker is retried
    once the lease is over.
    """
    now = now or timezone.now()
    due = (
        Mailbox.objects.filter(next_poll_at__lte=now)
        .order_by("next_poll_at")
        .values_list("pk", flat=True)[:limit]
    )
    claimed = []
    for pk in list(due):
        token = uuid.uuid4().hex
        taken = Mailbox.objects.filter(pk=pk, next_poll_at__lte=now).update(
            next_poll_at=now + POLL_LEASE, claim=token
        )
        if taken:
            claimed.append((pk, token))
    return claimed


def mailbox_poll(*, mailbox_id: int, claim: str) -> str:
    """Reads what is new in one mailbox; returns "ok", "more", "skipped" or a failure kind.

    Only the dispatch holding the claim runs: a task delivered twice polls once.
    """
    if not claim or not Mailbox.objects.filter(pk=mailbox_id, claim=claim).update(claim=""):
        return "skipped"
    mailbox = Mailbox.objects.select_related("owner").get(pk=mailbox_id)
    # Loaded only when there is something to read: an idle poll costs no application query.
    context = IngestContext(mailbox.owner, [], {}, (), ())
    more = False
    try:
        where = mailbox_address(mailbox)
        with imap.mailbox_open(where) as session:
            if session.uidvalidity != mailbox.uidvalidity:
                since = timezone.localdate() - timedelta(days=FIRST_SYNC_DAYS)
                uids = session.uids_since(since)
                mailbox.uidvalidity, mailbox.last_uid = session.uidvalidity, 0
            else:
                uids = session.uids_after(mailbox.last_uid)
            more = len(uids) > MAX_PER_POLL
            uids = uids[:MAX_PER_POLL]
            if uids:
                context = ingest_context(owner=mailbox.owner)
            for count, fetched in enumerate(session.fetch(uids), start=1):
                _ingest_safely(mailbox, fetched, context)
                mailbox.last_uid = max(mailbox.last_uid, fetched.uid)
                if count % imap.FETCH_BATCH == 0:
                    _save_progress(mailbox)
    except imap.MailboxError as exc:
        _save_progress(mailbox)
        mailbox_record_failure(mailbox=mailbox, message=exc.message)
        items_announce(owner=mailbox.owner, items=context.created)
        return exc.kind
    now = timezone.now()
    Mailbox.objects.filter(pk=mailbox.pk).update(
        uidvalidity=mailbox.uidvalidity,
        last_uid=mailbox.last_uid,
        status=MailboxStatus.OK,
        status_message="",
        failures=0,
        last_polled_at=now,
        last_success_at=now,
        next_poll_at=now if more else now + poll_interval(),
    )
    items_announce(owner=mailbox.owner, items=context.created)
    return "more" if more else "ok"


def _ingest_safely(mailbox: Mailbox, fetched: imap.Fetched, context: IngestContext) -> None:
    """One message that cannot be read is skipped, never a mailbox stuck on it."""
    try:
        message_ingest(owner=mailbox.owner, raw=fetched.raw, via=Via.IMAP, context=context)
    except Exception:
        logger.exception("Inbox: mailbox %s skipped message UID %s", mailbox.pk, fetched.uid)


def _save_progress(mailbox: Mailbox) -> None:
    Mailbox.objects.filter(pk=mailbox.pk).update(
        uidvalidity=mailbox.uidvalidity, last_uid=mailbox.last_uid
    )


def mailbox_record_failure(*, mailbox: Mailbox, message: str) -> None:
    """Says what failed on the settings page and tries again later, later each time."""
    now = timezone.now()
    failures = mailbox.failures + 1
    Mailbox.objects.filter(pk=mailbox.pk).update(
        status=MailboxStatus.FAILING,
        status_message=message[:500],
        failures=failures,
        last_polled_at=now,
        next_poll_at=now + poll_backoff(failures),
    )
    logger.info("Inbox: mailbox %s failed (%s in a row): %s", mailbox.pk, failures, message)


# --- Decisions ------------------------------------------------------------------------


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
    return deleted + count
