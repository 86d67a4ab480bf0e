"""Logging interviews, and moving an application to interviewing once one is due."""

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.applications import events
from tracker.applications.models import (
    Application,
    ChangeSource,
    Contact,
    Interview,
    InterviewKind,
    Stage,
    StageChange,
)
from tracker.applications.services.stages import _local, _on_field, application_change_stage
from tracker.core import dates

# The stage each kind of interview means the application reached, and the stages it moves
# on from: a phone screen is screening, any other round an
# interview; an application already further along (or ended) stays where it is.
INTERVIEW_MOVES: dict[str, tuple[str, frozenset[str]]] = {
    InterviewKind.PHONE_SCREEN: (Stage.SCREENING, frozenset({Stage.APPLIED})),
    InterviewKind.TECHNICAL: (Stage.INTERVIEWING, frozenset({Stage.APPLIED, Stage.SCREENING})),
    InterviewKind.ONSITE: (Stage.INTERVIEWING, frozenset({Stage.APPLIED, Stage.SCREENING})),
    InterviewKind.FINAL: (Stage.INTERVIEWING, frozenset({Stage.APPLIED, Stage.SCREENING})),
}


def _application_start(application: Application) -> datetime | None:
    first = StageChange.objects.filter(application=application).order_by("at", "id").first()
    return first.at if first is not None else None


@transaction.atomic
def interview_create(
    *,
    application: Application,
    scheduled_at: datetime,
    kind: str,
    interviewers: Sequence[Contact] = (),
    notes: str = "",
    source: str = ChangeSource.WEB,
) -> Interview:
    """Logs an interview. One that has happened moves the stage it names at once; a
    future one moves it when its time comes (interviews_move_stages)."""
    if any(c.owner_id != application.owner_id for c in interviewers):
        raise ValidationError({"interviewers": "Unknown contact."})
    _on_field("scheduled_at", dates.check_future_moment, scheduled_at)
    start = _application_start(application)
    zone = application.owner.zone
    # The start is the beginning of the day applied: any time that day is after it.
    if start is not None and scheduled_at < start.replace(second=0, microsecond=0):
        raise ValidationError(
            {"scheduled_at": f"This is before the application started ({_local(start, zone)})."}
        )
    interview = Interview(
        application=application, scheduled_at=scheduled_at, kind=kind, notes=notes
    )
    interview.full_clean(exclude=["application"])
    interview.save()
    interview.interviewers.set(interviewers)
    events.interview_logged.send(sender=Interview, interview=interview)
    now = timezone.now()
    if scheduled_at <= now and _interview_claim(interview, now):
        interview.adjusted = _interview_move_stage(interview, source=source)
    return interview


def _interview_claim(interview: Interview, now: datetime) -> bool:
    """Claims the interview's move of the stage; True for the one caller that got it."""
    claimed = Interview.objects.filter(pk=interview.pk, stage_moved_at=None).update(
        stage_moved_at=now
    )
    return claimed == 1


def _interview_move_stage(interview: Interview, *, source: str) -> tuple[str, ...]:
    """Moves the application to the stage the interview names, dated at its time (the
    user gave that time), through the ordinary stage change."""
    application = interview.application
    to_stage, moves_from = INTERVIEW_MOVES[interview.kind]
    if application.stage not in moves_from:
        return ()
    # A move the user dated after the interview (say, to screening) stands: the interview
    # moves the stage on from there, right after it.
    latest_dated = (
        StageChange.objects.filter(application=application, dated=True)
        .order_by("-at", "-id")
        .values_list("at", flat=True)
        .first()
    )
    at = interview.scheduled_at
    if latest_dated is not None and latest_dated > at:
        at = latest_dated
    change = application_change_stage(
        application=application, to_stage=to_stage, source=source, at=at, dated=True
    )
    return change.adjusted if change is not None else ()


def interviews_move_stages(*, now: datetime | None = None, limit: int = 500) -> int:
    """The sweep: interviews whose time has come move the stage they name, once each.

    Each interview is claimed before it acts, so a second beat (or a retried task) running
    at the same time moves nothing twice. Returns how many it claimed.
    """
    now = now or timezone.now()
    due = list(
        Interview.objects.filter(stage_moved_at=None, scheduled_at__lte=now)
        .order_by("scheduled_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    claimed = 0
    for pk in due:
        with transaction.atomic():
            interview = Interview.objects.select_related("application__owner").get(pk=pk)
            if not _interview_claim(interview, now):
                continue
            claimed += 1
            _interview_move_stage(interview, source=ChangeSource.SYSTEM)
    return claimed


@transaction.atomic
def interview_delete(*, interview: Interview) -> None:
    """Forgets an interview (its thank-you goes with it). The stage history stays as it is:
    a past interview did move the application on; a future one has not moved it yet."""
    interview.delete()
