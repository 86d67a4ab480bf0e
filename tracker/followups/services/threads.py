"""What the inbox saw of a follow-up's thread: the recipient's answer (attached at once: it
changes no stage; an answer to a request for advice is kept as feedback too), and the
user's own copy in their Sent folder (the follow-up is sent). The user can undo either."""

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Stage
from tracker.followups import notices, threads
from tracker.followups.kinds import Element, Kind
from tracker.followups.models import REJECTION_KINDS, FollowUp, FollowUpStatus
from tracker.followups.services.drafts import _reminders_restore
from tracker.followups.services.proposals import _close
from tracker.notifications import services as notifications

ANSWER_LIMIT = 20_000


def _answer_key(followup: FollowUp, at: datetime) -> str:
    """The answer's notice, told once per channel, and withdrawn with the answer."""
    return f"answer:{followup.pk}:{int(at.timestamp())}"


@transaction.atomic
def followup_attach_answer(*, followup: FollowUp, text: str, at: datetime) -> bool:
    """Keeps the recipient's answer on the follow-up and tells the user; False when it
    already has one (the same answer read twice, or a second one: the first is kept)."""
    text = text.strip()[:ANSWER_LIMIT]
    claimed = FollowUp.objects.filter(pk=followup.pk, answered_at=None).update(
        answered_at=at, answer=text, updated_at=timezone.now()
    )
    if not claimed:
        return False
    followup.refresh_from_db()
    if followup.is_open:
        # They answered it, so it went out by then; reminders to send it would only nag.
        _close(followup, FollowUpStatus.SENT, at=min(at, timezone.now()))
    if Element.FEEDBACK_REQUEST.value in followup.elements and text:
        followup.feedback = applications.feedback_create(
            application=followup.application, text=text, received_at=at
        )
        followup.save(update_fields=["feedback", "updated_at"])
    _answer_notify(followup, at)
    return True


def _answer_notify(followup: FollowUp, at: datetime) -> None:
    application = followup.application
    who = followup.recipient_name or followup.recipient_email
    title = gettext("%(name)s answered: %(role)s at %(company)s") % {
        "name": who,
        "role": application.role,
        "company": application.company.name,
    }
    notifications.notify(
        user=application.owner,
        title=title,
        body=Truncator(followup.answer).chars(300),
        link=notices.followup_link(followup),
        dedupe_key=_answer_key(followup, at),
        data={"event": "answer", "followup": followup.pk},
    )


@transaction.atomic
def followup_detach_answer(*, followup: FollowUp) -> FollowUp:
    """The user's one click: this was not an answer to it. The answer goes, with the
    feedback it became and the notice that told of it."""
    if followup.answered_at is None:
        raise ValidationError({"status": gettext("This follow-up has no answer to detach.")})
    notifications.notifications_withdraw(dedupe_keys=[_answer_key(followup, followup.answered_at)])
    feedback = followup.feedback
    followup.answered_at = None
    followup.answer = ""
    followup.feedback = None
    followup.save(update_fields=["answered_at", "answer", "feedback", "updated_at"])
    if feedback is not None:
        feedback.delete()
    return followup


@transaction.atomic
def followup_note_sent(*, followup: FollowUp, at: datetime, message_id: str) -> bool:
    """The user's copy in their Sent folder: an open follow-up is sent, at that moment; a
    sent one keeps the Message-ID, by which an answer is known. False when nothing changed."""
    message_id = message_id.strip()[:300]
    if message_id and message_id == followup.not_sent_message_id:
        return False
    if followup.is_open:
        _close(followup, FollowUpStatus.SENT, at=min(at, timezone.now()))
    elif followup.status != FollowUpStatus.SENT or followup.sent_message_id or not message_id:
        return False
    followup.sent_message_id = message_id
    followup.save(update_fields=["sent_message_id", "updated_at"])
    return True


@transaction.atomic
def followup_undo_sent(*, followup: FollowUp, now: datetime | None = None) -> FollowUp:
    """Undoes "sent" (the user's click, or what the Sent folder said): proposed again, with
    the reminders still ahead of it as they were."""
    if followup.status != FollowUpStatus.SENT:
        raise ValidationError(
            {"status": gettext("Only a sent follow-up can be undone; this one is %(status)s.")
             % {"status": followup.get_status_display()}}
        )  # fmt: skip
    if followup.kind in REJECTION_KINDS and followup.application.stage != Stage.REJECTED:
        raise ValidationError(
            {"status": gettext("The application is no longer rejected, so this follow-up is moot.")}
        )
    now = now or timezone.now()
    followup.status = FollowUpStatus.PROPOSED
    followup.sent_at = None
    if followup.sent_message_id:
        followup.not_sent_message_id = followup.sent_message_id
    followup.sent_message_id = ""
    followup.save(
        update_fields=["status", "sent_at", "sent_message_id", "not_sent_message_id", "updated_at"]
    )
    _reminders_restore(followup, now)
    return followup


def followup_threads(*, user: User, answerable: bool) -> list[threads.Thread]:
    """The user's follow-ups as the thread matcher sees them, newest first.

    `answerable`: those an answer can still be attached to (sent or open, none yet);
    else those the Sent folder can tell of (open, or sent without their Message-ID).
    """
    mine = FollowUp.objects.filter(application__owner=user).exclude(
        recipient_email="", recipient_name=""
    )
    if answerable:
        mine = mine.filter(
            answered_at=None,
            status__in=(FollowUpStatus.SENT, FollowUpStatus.PROPOSED, FollowUpStatus.SNOOZED),
        )
    else:
        mine = mine.filter(
            status__in=(FollowUpStatus.PROPOSED, FollowUpStatus.SNOOZED, FollowUpStatus.SENT),
            sent_message_id="",
        )
    rows = mine.order_by("-created_at", "-id").values_list(
        "pk",
        "kind",
        "status",
        "recipient_name",
        "recipient_email",
        "application__company_id",
        "subject",
        "application__rejection__subject",
        "sent_message_id",
        "created_at",
    )
    found, sent = [], set()
    for row in rows:
        pk, kind, status, name, email, company_id, subject, letter_subject, message_id, at = row
        # Only the reply answers in the letter's own thread ("Re:" of its subject); the
        # notes after it start threads of their own.
        letter = (letter_subject or "",) if kind == Kind.REJECTION_REPLY else ()
        found.append(
            threads.Thread(
                followup_id=pk,
                recipient_name=name,
                recipient_email=email,
                company_id=company_id,
                subjects=(subject, *letter),
                message_ids=(message_id,) if message_id else (),
                since=at,
            )
        )
        if status == FollowUpStatus.SENT:
            sent.add(pk)
    # What the user sent is likelier answered than what they have not yet: sent first.
    return sorted(found, key=lambda t: t.followup_id not in sent)


def followups_note_sent_copies(
    *, user: User, copies: Sequence[tuple[threads.SentCopy, datetime]]
) -> int:
    """The Sent folder's copies, matched to the user's follow-ups; returns how many changed."""
    if not copies:
        return 0
    candidates = followup_threads(user=user, answerable=False)
    changed = 0
    for copy, at in copies:
        found = threads.sent_thread(copy, candidates)
        if found is None:
            continue
        followup = FollowUp.objects.select_related("application").get(pk=found.followup_id)
        if followup_note_sent(followup=followup, at=at, message_id=copy.message_id):
            changed += 1
            candidates = [t for t in candidates if t.followup_id != found.followup_id]
    return changed
