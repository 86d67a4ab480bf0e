"""Reading a mailbox over IMAP: claiming the polls that are due, reading what is new, and
backing off after a failure."""

import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tracker import mail
from tracker.accounts.language import in_language_of
from tracker.followups import services as followups
from tracker.followups.threads import SentCopy
from tracker.inbox import imap
from tracker.inbox.models import (
    Mailbox,
    MailboxStatus,
    Via,
)
from tracker.inbox.services import intake
from tracker.inbox.services.settings import mailbox_address

logger = logging.getLogger(__name__)

# The first sync reads no further back than this: old mail is history, not news.
FIRST_SYNC_DAYS = 60


# One poll reads at most this many messages; a bigger backlog continues at once after.
MAX_PER_POLL = 500


# Mailboxes per poll task: one with nothing new takes a few hundredths of a second, so a
# batch is quick, while a batch of slow or unanswering servers ends at its time limit and
# hands on the rest.
POLL_BATCH = 25


# How long a claimed poll may take before the sweep presumes it lost and polls again.
POLL_LEASE = timedelta(minutes=15)


MAX_BACKOFF = timedelta(hours=6)


def poll_interval() -> timedelta:
    return timedelta(minutes=getattr(settings, "INBOX_POLL_MINUTES", 5))


def poll_backoff(failures: int) -> timedelta:
    """After the n-th failure in a row: 5, 10, 20 ... minutes, at most six hours."""
    return min(poll_interval() * 2 ** max(failures - 1, 0), MAX_BACKOFF)


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
    # What fails is kept for the settings page, in the words of the owner's language.
    with in_language_of(mailbox.owner):
        return _mailbox_read(mailbox)


def _mailbox_read(mailbox: Mailbox) -> str:
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
            _save_progress(mailbox)
            for fetched in session.fetch(uids):
                # Kept raw with the UID it moves the mailbox to, in one transaction: a poll
                # that ends anywhere (a time limit, a lost worker) reads nothing twice and
                # loses nothing. The bulk queue reads what was kept (services.reading).
                with transaction.atomic():
                    intake.inbound_store(owner=mailbox.owner, raw=fetched.raw, via=Via.IMAP)
                    mailbox.last_uid = max(mailbox.last_uid, fetched.uid)
                    _save_progress(mailbox)
            if mailbox.watch_sent:
                more = _read_sent(session, mailbox) or more
    except imap.MailboxError as exc:
        _save_progress(mailbox)
        mailbox_record_failure(mailbox=mailbox, message=exc.message)
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
    return "more" if more else "ok"


def _read_sent(session: imap.Session, mailbox: Mailbox) -> bool:
    """What is new in the Sent folder, headers only: each copy of a follow-up the user
    sent from their mail app marks it sent. Nothing of it is kept but the Message-ID on
    the follow-up it sent. True when more is waiting than one poll reads."""
    folder = mailbox.sent_folder or imap.sent_folder_of(session.folders()) or ""
    if not folder:
        return False
    try:
        session.examine(folder)
    except imap.MailboxError as exc:
        if exc.kind != "folder":
            raise
        # Renamed or gone: looked for again on the next poll.
        Mailbox.objects.filter(pk=mailbox.pk).update(sent_folder="", sent_uidvalidity=None)
        return False
    last_uid = mailbox.sent_last_uid
    if session.uidvalidity != mailbox.sent_uidvalidity:
        uids = session.uids_since(timezone.localdate() - timedelta(days=FIRST_SYNC_DAYS))
        last_uid = 0
    else:
        uids = session.uids_after(last_uid)
    more = len(uids) > MAX_PER_POLL
    now = timezone.now()
    copies: list[tuple[SentCopy, datetime]] = []
    for fetched in session.fetch(uids[:MAX_PER_POLL], headers_only=True):
        message = mail.parse_message(fetched.raw)
        copy = SentCopy(to=message.to, subject=message.subject, message_id=message.message_id)
        copies.append((copy, message.date or now))
        last_uid = max(last_uid, fetched.uid)
    with transaction.atomic():
        followups.followups_note_sent_copies(user=mailbox.owner, copies=copies)
        Mailbox.objects.filter(pk=mailbox.pk).update(
            sent_folder=folder, sent_uidvalidity=session.uidvalidity, sent_last_uid=last_uid
        )
    return more


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
