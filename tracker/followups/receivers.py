"""How follow-ups react to what happens to applications. Connected in
FollowupsConfig.ready(); each runs inside the transaction of the change it reacts to."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from tracker.applications.events import Move
from tracker.applications.models import Application, Interview, Rejection, Stage
from tracker.followups import notices, selectors, services
from tracker.followups.models import Reminder

# A thank-you is worth it within a day; an interview logged long after gets none.
THANK_YOU_WITHIN = timedelta(days=1)


def stage_changed(
    sender: type[Application], application: Application, from_stage: str, to_stage: str, **_: Any
) -> None:
    services.followups_on_stage_change(
        application=application, from_stage=from_stage, to_stage=to_stage
    )


def rejection_saved(
    sender: type[Application],
    application: Application,
    rejection: Rejection,
    restated: bool,
    **_: Any,
) -> None:
    """New details of a rejection already recorded may change the advice: propose again.
    (A new rejection is a stage change, which asked already.)"""
    if restated:
        services.proposal_job_request(application=application)


def interview_logged(sender: type[Interview], interview: Interview, **_: Any) -> None:
    if interview.scheduled_at >= timezone.now() - THANK_YOU_WITHIN:
        services.followup_propose_thank_you(interview=interview)


def move_would_cancel(move: Move) -> list[str]:
    """Leaving Rejected cancels its drafts: the ones the user edited, by name."""
    if move.application.stage != Stage.REJECTED or move.to_stage == Stage.REJECTED:
        return []
    return selectors.followups_edited_open(application=move.application)


def reminder_deleted(sender: type[Reminder], instance: Reminder, **_: Any) -> None:
    """A sent reminder goes with its follow-up (its application, its interview was
    deleted): what it told the user goes too, whichever path deleted it."""
    if instance.sent_at is not None:
        notices.reminders_withdraw([instance.pk])
