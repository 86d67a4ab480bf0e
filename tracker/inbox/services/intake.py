"""What a message becomes: read in the context of the user's applications, matched to one,
and queued for review: a rejection, an interview invitation or an offer in its lane, any
other job mail (a receipt, a take-home, a recruiter's note) in the "other" lane and as an
update on its application. Mail that is not about the job search is never stored; a
message already queued or decided, however it comes again, is not queued twice.

An answer to a follow-up (its recipient writing back in its thread, or the user
forwarding that) is job mail that changes no stage: it is attached to the follow-up at
once, never queued, and remembered as decided so that it never comes to the queue later."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from tracker import mail
from tracker.accounts.language import in_language_of
from tracker.accounts.models import User
from tracker.accounts.selectors import user_identity
from tracker.core.dispatch import dispatch_on_commit
from tracker.followups import services as followups
from tracker.followups.models import FollowUp
from tracker.followups.threads import Incoming, Thread, answered_thread
from tracker.inbox import matching, selectors
from tracker.inbox.evidence import evidence_stored
from tracker.inbox.models import (
    DecidedMessage,
    InboundMail,
    InboxItem,
    ItemKind,
    Mailbox,
)
from tracker.mail.letter import Letter, letter_key, letter_of, letter_text, message_fingerprint
from tracker.notifications.services import notify

# The task that reads kept mail (by name: the tasks module imports this one).
READ_TASK = "tracker.inbox.tasks.read_inbound_mail_task"
QUEUED_KINDS = {
    mail.MailKind.REJECTION: ItemKind.REJECTION,
    mail.MailKind.INTERVIEW_INVITATION: ItemKind.INTERVIEW_INVITATION,
    mail.MailKind.OFFER: ItemKind.OFFER,
    mail.MailKind.APPLICATION_RECEIVED: ItemKind.OTHER,
    mail.MailKind.OTHER_JOB_MAIL: ItemKind.OTHER,
}
# Subjects of earlier job mail that tell a reply apart ("Re: Your application").
_SEEN_SUBJECTS = 200


@dataclass
class IngestContext:
    """What a poll loads once about the user, for every message it reads."""

    owner: User
    candidates: list[matching.Candidate]
    contacts: dict[int, list[mail.KnownContact]]
    user_emails: tuple[str, ...]
    user_names: tuple[str, ...]
    reading: mail.MailContext = field(default_factory=mail.MailContext)
    created: list[InboxItem] = field(default_factory=list)
    # The follow-ups an answer can still be attached to, newest first.
    threads: list[Thread] = field(default_factory=list)


def ingest_context(*, owner: User) -> IngestContext:
    candidates, contacts = selectors.match_candidates(user=owner)
    login = Mailbox.objects.filter(owner=owner).values_list("username", flat=True).first()
    who = user_identity(owner, mailbox_login=login or "")
    domains = {label for c in candidates for url in c.urls for label in matching.url_labels(url)}
    subjects = selectors.inbox_subjects_seen(user=owner, limit=_SEEN_SUBJECTS)
    reading = mail.MailContext(
        company_names=tuple(c.company for c in candidates),
        company_domains=tuple(domains),
        thread_ids=tuple(t for c in candidates for t in c.thread_ids),
        subjects=tuple(subjects),
        user_emails=tuple(who.addresses),
        user_names=tuple(who.names),
    )
    return IngestContext(
        owner,
        candidates,
        contacts,
        who.addresses,
        who.names,
        reading,
        threads=followups.followup_threads(user=owner, answerable=True),
    )


def inbound_store(*, owner: User, raw: bytes, via: str) -> InboundMail:
    """Keeps a message as it arrived, for the bulk queue to read (services.reading).

    Costs no parse, so hostile mail can never hold a web worker or a poll; only the start
    the reader reads is kept.
    """
    kept = InboundMail.objects.create(owner=owner, via=via, raw=raw[: mail.MAX_RAW_BYTES])
    dispatch_on_commit(READ_TASK, owner.pk)
    return kept


def _cut(text: str, limit: int) -> str:
    return text[:limit]


def message_seen(*, owner: User, fingerprints: Sequence[str]) -> bool:
    """Queued already, or decided once: by its Message-ID or by its letter."""
    keys = [f for f in fingerprints if f]
    return (
        DecidedMessage.objects.filter(owner=owner, fingerprint__in=keys).exists()
        or InboxItem.objects.filter(owner=owner, fingerprint__in=keys).exists()
        or InboxItem.objects.filter(owner=owner, letter_fingerprint__in=keys).exists()
    )


def _received_at(reading: mail.Reading, message: mail.Message) -> datetime | None:
    when = reading.received_at or message.newest_date or message.date
    if when is None or timezone.is_naive(when):
        return None
    return min(when, timezone.now())


def message_ingest(
    *, owner: User, raw: bytes, via: str, context: IngestContext | None = None
) -> tuple[InboxItem | None, str]:
    """Reads one message; queues it if it is job mail.

    Returns (the new item or None, why). Keeps nothing of mail that is not about the job
    search. Safe to call twice with the same message: the second call finds it queued (or
    decided) and adds nothing.
    """
    context = context or ingest_context(owner=owner)
    message = mail.parse_message(raw[: mail.MAX_RAW_BYTES])
    if answered := _answer_attach(owner, message, context):
        return None, answered
    verdict = mail.classify(message, context.reading)
    kind = QUEUED_KINDS.get(verdict.kind)
    if kind is None:
        return None, "not_queued"
    letter = letter_text(message, user_emails=context.user_emails)
    fingerprint = message_fingerprint(message, user_emails=context.user_emails)
    by_letter = letter_key(message, user_emails=context.user_emails)
    if message_seen(owner=owner, fingerprints=(fingerprint, by_letter)):
        return None, "duplicate"

    # The user's companies tell an agency recruiter (writing about one of them from another
    # firm's address) and an owner (whose name is the company's).
    reading = mail.read_rejection(
        message,
        zone=owner.zone,
        user_emails=context.user_emails,
        user_names=context.user_names,
        company_names=tuple(dict.fromkeys(c.company for c in context.candidates)),
    )
    found = matching.match_application(
        matching.Mail(
            sender_email=reading.sender_email or message.from_email,
            sender_name=reading.sender_name or message.from_name,
            subject=message.subject,
            text=letter[:20_000],
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
        letter_fingerprint=by_letter,
        via=via,
        kind=kind,
        message_id=_cut(message.message_id.strip(), 300),
        subject=_cut(message.subject, 300),
        from_name=_cut(message.from_name, 200),
        from_email=_cut(message.from_email, 254),
        sent_at=_received_at(reading, message),
        text=_cut(letter, 20_000),
        channel=reading.channel if reading.channel in mail.CHANNELS else "unknown",
        sender_role=reading.sender_role if reading.sender_role in mail.SENDER_ROLES else "unknown",
        sender_name=_cut(reading.sender_name, 200),
        sender_email=_cut(reading.sender_email, 254),
        because=evidence_stored((*verdict.because, *reading.because), limit=12),
        application_id=found.application_id,
        match_evidence=evidence_stored(found.evidence, limit=8),
    )
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        # The same message, arriving the other way at the same moment.
        return None, "duplicate"
    context.created.append(item)
    return item, "queued"


def _answer_attach(owner: User, message: mail.Message, context: IngestContext) -> str:
    """Attaches the message to the follow-up it answers, if it answers one: "answer"; or
    "duplicate" for that answer again (a forward of what the mailbox read); else ""."""
    if not context.threads:
        return ""
    letter = letter_of(message, user_emails=context.user_emails)
    at = _letter_at(letter, message, owner.zone)
    incoming = Incoming(
        author_name=letter.author_name,
        author_email=letter.author_email,
        subject=message.subject,
        replies_to=tuple(t for t in (message.in_reply_to, *message.references) if t),
        written_at=at,
    )
    found = answered_thread(incoming, context.threads)
    if found is None:
        return ""
    fingerprints = (
        message_fingerprint(message, user_emails=context.user_emails),
        letter_key(message, user_emails=context.user_emails),
    )
    if message_seen(owner=owner, fingerprints=fingerprints):
        return "duplicate"
    followup = FollowUp.objects.select_related("application__company", "application__owner").get(
        pk=found.followup_id
    )
    followups.followup_attach_answer(followup=followup, text=letter.text, at=at)
    # Decided: neither a second copy nor a forward of it ever reaches the queue.
    DecidedMessage.objects.bulk_create(
        [
            DecidedMessage(owner=owner, fingerprint=f, decided_at=timezone.now())
            for f in fingerprints
            if f
        ],
        ignore_conflicts=True,
    )
    context.threads = [t for t in context.threads if t.followup_id != found.followup_id]
    return "answer"


def _letter_at(letter: Letter, message: mail.Message, zone: ZoneInfo) -> datetime:
    """When the answer was written: its forward block's date (wall time in the user's
    zone when it names none), else the message's; never later than now."""
    when = letter.date or message.date
    if when is not None and (when.tzinfo is None or when.utcoffset() is None):
        when = when.replace(tzinfo=zone)
    now = timezone.now()
    return min(when, now) if when is not None else now


def items_announce(*, owner: User, items: Sequence[InboxItem]) -> None:
    """One notification for what one poll or one forward brought, not one per message."""
    if not items:
        return
    first = items[0]
    # Written by the worker that read the mail: in the owner's language, by their choice.
    with in_language_of(owner):
        if len(items) == 1:
            title = selectors.item_headline(first)
        else:
            title = ngettext(
                "%(count)d new message to review in your inbox",
                "%(count)d new messages to review in your inbox",
                len(items),
            ) % {"count": len(items)}
        body = gettext("Nothing changes until you confirm.")
    notify(
        user=owner,
        title=title,
        body=body,
        link=reverse("inbox"),
        dedupe_key=f"inbox:{owner.pk}:{min(i.pk for i in items)}",
        data={"event": "inbox", "items": [i.pk for i in items]},
    )
