"""What the user does with a follow-up: edit or rebuild its draft, mark it sent, skip it,
snooze it, or stop keeping in touch."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from tracker.accounts.language import in_language_of
from tracker.applications.models import Application, Stage
from tracker.core import dates
from tracker.followups import kinds, rules
from tracker.followups.drafts import LANGUAGES, compose
from tracker.followups.kinds import Kind
from tracker.followups.models import (
    LANGUAGE_CHOICES,
    OPEN_STATUSES,
    REJECTION_KINDS,
    FollowUp,
    FollowUpStatus,
    KeepingInTouch,
    Reminder,
)
from tracker.followups.register import written_in_lead
from tracker.followups.rules import Proposal
from tracker.followups.services.keeping import followup_propose_next_touch, touch_proposal
from tracker.followups.services.proposals import (
    _close,
    _draft_facts,
    _drop_unsent_reminders,
    _rejection_facts,
    _reminder_schedule,
    _reminders_told,
    draft_catalogue,
    draft_reason,
    followups_cancel,
)

# What a closed follow-up cannot have done to it, each said whole in the page's language.
_REFUSALS = {
    "edit": gettext_noop("Cannot edit a follow-up that is %(status)s."),
    "rebuild": gettext_noop("Cannot rebuild a follow-up that is %(status)s."),
    "translate": gettext_noop("Cannot translate a follow-up that is %(status)s."),
    "mark as sent": gettext_noop("Cannot mark as sent a follow-up that is %(status)s."),
    "skip": gettext_noop("Cannot skip a follow-up that is %(status)s."),
    "snooze": gettext_noop("Cannot snooze a follow-up that is %(status)s."),
}


def _require_open(followup: FollowUp, action: str) -> None:
    if not followup.is_open:
        status = followup.get_status_display()
        raise ValidationError({"status": gettext(_REFUSALS[action]) % {"status": status}})


@transaction.atomic
def followup_update_draft(*, followup: FollowUp, subject: str, body: str) -> FollowUp:
    _require_open(followup, "edit")
    subject, body = subject.strip(), body.strip()
    if (subject, body) != (followup.subject, followup.body):
        # The user's words from now on: new rejection details will not overwrite them.
        followup.edited = True
    followup.subject = subject
    followup.body = body
    followup.full_clean(exclude=["application", "interview"])
    followup.save(update_fields=["subject", "body", "edited", "updated_at"])
    return followup


@transaction.atomic
def followup_rebuild_draft(*, followup: FollowUp, now: datetime | None = None) -> FollowUp:
    """Rebuilds the draft from today's facts, replacing the user's edits (they asked)."""
    _require_open(followup, "rebuild")
    now = now or timezone.now()
    application = followup.application
    # The reason in the owner's language, as when it was first written.
    with in_language_of(application.owner):
        proposal = _current_proposal(followup, now)
        facts, voice = _draft_facts(application, proposal, followup.interview, followup.language)
        reason = draft_reason(proposal, voice)
    draft = compose(facts, draft_catalogue(facts.language))
    followup.subject, followup.body = draft.subject, draft.body
    followup.written_in = facts.language
    followup.elements = [e.value for e in proposal.elements]
    followup.recipient_name = proposal.recipient_name
    followup.recipient_email = proposal.recipient_email
    followup.reason = reason
    followup.edited = followup.draft_stale = False
    followup.save()
    return followup


@transaction.atomic
def followup_switch_language(
    *, followup: FollowUp, language: str, now: datetime | None = None
) -> FollowUp:
    """Writes the draft again in `language` (the user's one click), replacing its words."""
    _require_open(followup, "translate")
    if language not in LANGUAGES:
        raise ValidationError(
            {
                "language": gettext("Drafts are written in %(languages)s only.")
                # Each by its own name, as the switch on the page offers them.
                % {"languages": ", ".join(name for _, name in LANGUAGE_CHOICES)}
            }
        )
    followup.language = language
    followup.save(update_fields=["language", "updated_at"])
    return followup_rebuild_draft(followup=followup, now=now)


def _current_proposal(followup: FollowUp, now: datetime) -> Proposal:
    """What the rules propose for this follow-up now; its own stored choices otherwise."""
    application = followup.application
    later = touch_proposal(followup, now)
    if later is not None:
        return later
    if followup.kind in REJECTION_KINDS and application.stage == Stage.REJECTED:
        for proposal in rules.rejection_proposals(_rejection_facts(application, now)):
            if (proposal.kind, proposal.sequence) == (followup.kind, followup.sequence):
                return proposal
    return Proposal(
        Kind(followup.kind),
        # The rules' part: the language's sentences are added again for the new language.
        followup.reason.partition(f" {written_in_lead()}")[0],
        due_at=followup.due_at,
        sequence=followup.sequence,
        elements=tuple(kinds.Element(e) for e in followup.elements),
        recipient_name=followup.recipient_name,
        recipient_email=followup.recipient_email,
    )


@transaction.atomic
def followup_mark_sent(*, followup: FollowUp, at: datetime | None = None) -> FollowUp:
    _require_open(followup, "mark as sent")
    _close(followup, FollowUpStatus.SENT, at=at or timezone.now())
    _touch_next(followup)
    return followup


@transaction.atomic
def followup_skip(*, followup: FollowUp) -> FollowUp:
    _require_open(followup, "skip")
    _close(followup, FollowUpStatus.SKIPPED)
    _touch_next(followup)
    return followup


def _touch_next(followup: FollowUp) -> None:
    """A keep-in-touch note done with: if the user wants to keep in touch, the next one is
    proposed now, so its date shows at once (the beat sweep would within the minute)."""
    if followup.kind != Kind.KEEP_IN_TOUCH:
        return
    wishes = KeepingInTouch.objects.filter(
        Q(application=followup.application_id) | Q(contact__in=followup.application.contacts.all())
    )
    for keeping in wishes.select_related("application", "contact"):
        followup_propose_next_touch(keeping=keeping)


@transaction.atomic
def followup_unskip(*, followup: FollowUp, now: datetime | None = None) -> FollowUp:
    """Undoes a skip: the follow-up is open again, reminded when it falls due."""
    if followup.status != FollowUpStatus.SKIPPED:
        raise ValidationError(
            {
                "status": gettext(
                    "Only a skipped follow-up can be restored; this one is %(status)s."
                )
                % {"status": followup.get_status_display()}
            }
        )
    application = followup.application
    if followup.kind in REJECTION_KINDS and application.stage != Stage.REJECTED:
        raise ValidationError(
            {"status": gettext("The application is no longer rejected, so this follow-up is moot.")}
        )
    now = now or timezone.now()
    if followup.kind == Kind.KEEP_IN_TOUCH:
        # The skip brought the next note; the restored one comes first again, alone, and
        # the next is proposed afresh once it is sent or skipped.
        later = FollowUp.objects.filter(
            application=application,
            kind=Kind.KEEP_IN_TOUCH,
            sequence__gt=followup.sequence,
            status__in=OPEN_STATUSES,
        )
        if later.filter(edited=True).exists():
            raise ValidationError(
                {"status": gettext("The next keep-in-touch note, which you edited, is already "
                 "waiting: send or skip it instead.")}
            )  # fmt: skip
        later.delete()
    followup.status = FollowUpStatus.PROPOSED
    followup.save(update_fields=["status", "updated_at"])
    _reminders_restore(followup, now)
    return followup


def _reminders_restore(followup: FollowUp, now: datetime) -> None:
    """The reminders a skip dropped that are still ahead: the rules' whole schedule for
    the follow-up (a reply's 24-hour reminder and its 48-hour last call), else one when
    it falls due. None fires for a moment already past: the user is looking at it."""
    schedule = _reminder_schedule(_current_proposal(followup, now))
    if not schedule and followup.due_at is not None:
        zone = followup.application.owner.zone
        schedule = [(rules.remind_at(followup.due_at, now=now, zone=zone), False)]
    told = _reminders_told(followup)
    Reminder.objects.bulk_create(
        Reminder(followup=followup, remind_at=at, last_call=last)
        for at, last in schedule
        if at > now and last not in told
    )


@transaction.atomic
def followup_snooze(*, followup: FollowUp, until: datetime) -> FollowUp:
    _require_open(followup, "snooze")
    if until <= timezone.now():
        raise ValidationError({"until": gettext("Snooze until a moment in the future.")})
    try:
        dates.check_future_moment(until)
    except ValidationError as exc:
        raise ValidationError({"until": exc.messages}) from exc
    followup.status = FollowUpStatus.SNOOZED
    followup.due_at = until
    followup.save(update_fields=["status", "due_at", "updated_at"])
    _drop_unsent_reminders(followup)
    Reminder.objects.create(followup=followup, remind_at=until, last_call=True)
    return followup


@transaction.atomic
def followups_stop_keeping_in_touch(*, application: Application) -> int:
    """Rule 6: the user says stop; no more check-ins for this application, now or later."""
    KeepingInTouch.objects.filter(application=application).delete()
    return followups_cancel(application=application, kinds=(Kind.KEEP_IN_TOUCH,))
