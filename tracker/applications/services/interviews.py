"""Logging interviews (their interviewers found or added), and what one that has happened
says about the stage history: the move to its stage, dated at its time."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from tracker.applications import events, history
from tracker.applications.models import (
    Application,
    ChangeSource,
    Contact,
    ContactRole,
    Interview,
    InterviewKind,
    Stage,
    StageChange,
)
from tracker.applications.services.contacts import contact_find_or_create, contact_link
from tracker.applications.services.stages import (
    _day_start,
    _moves,
    _on_field,
    _refusal_message,
    _write_plan,
    application_change_stage,
)
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


@transaction.atomic
def interviewers_find_or_add(
    *, application: Application, contact_ids: Sequence[int] = (), names: Sequence[str] = ()
) -> list[Contact]:
    """The interviewers a client names: the owner's contacts by id (linked to the
    application if they were not), and people by name: the application's contact of that
    name, else the owner's at its company, else a new interviewer at the company, linked.
    An id that is not one of the owner's contacts refuses them all."""
    owner = application.owner
    found = {c.pk: c for c in Contact.objects.filter(owner=owner, pk__in=contact_ids)}
    missing = [pk for pk in contact_ids if pk not in found]
    if missing:
        raise ValidationError(
            {"interviewers": gettext("Unknown contact: %(id)s.") % {"id": missing[0]}}
        )
    people = [found[pk] for pk in dict.fromkeys(contact_ids)]
    for name in dict.fromkeys(" ".join(n.split()) for n in names):
        people.append(_interviewer_named(application, name))
    for person in people:
        contact_link(application=application, contact=person)
    return list({p.pk: p for p in people}.values())


def _interviewer_named(application: Application, name: str) -> Contact:
    if not name:
        raise ValidationError({"interviewers": gettext("An interviewer's name cannot be empty.")})
    same = Contact.objects.filter(owner=application.owner, name__iexact=name)
    known = (
        same.filter(applications=application).first()
        or same.filter(company=application.company).first()
    )
    if known is not None:
        return known
    contact, _ = contact_find_or_create(
        owner=application.owner,
        name=name,
        role=ContactRole.INTERVIEWER,
        company=application.company,
        applications=[application],
    )
    return contact


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
    """Logs an interview. One that has happened dates the stage history at once (see
    _interview_date_stage); a future one moves the stage when its time comes
    (interviews_move_stages)."""
    if any(c.owner_id != application.owner_id for c in interviewers):
        raise ValidationError({"interviewers": gettext("Unknown contact.")})
    _on_field("scheduled_at", dates.check_future_moment, scheduled_at)
    interview = Interview(
        application=application, scheduled_at=scheduled_at, kind=kind, notes=notes
    )
    interview.full_clean(exclude=["application"])
    interview.save()
    interview.interviewers.set(interviewers)
    events.interview_logged.send(sender=Interview, interview=interview)
    now = timezone.now()
    if scheduled_at <= now and _interview_claim(interview, now):
        interview.adjusted = _interview_date_stage(interview, source=source)
        application.refresh_from_db()
    return interview


def _interview_claim(interview: Interview, now: datetime) -> bool:
    """Claims the interview's move of the stage; True for the one caller that got it."""
    claimed = Interview.objects.filter(pk=interview.pk, stage_moved_at=None).update(
        stage_moved_at=now
    )
    return claimed == 1


def _interview_date_stage(interview: Interview, *, source: str) -> tuple[str, ...]:
    """What an interview that has happened says about the history, at its time (the user
    gave it): the application was in the stage it names by then.

    Still before that stage, it moves there through the ordinary stage change. Already
    there by an undated move (a drag made after the fact), that move is re-dated to the
    interview; by a move the user dated later than the interview, it is refused, naming
    that move. Either way an undated start yields to it. Refusals name `scheduled_at`.
    """
    application = Application.objects.select_for_update().get(pk=interview.application_id)
    to_stage, moves_from = INTERVIEW_MOVES[interview.kind]
    at = interview.scheduled_at
    zone = application.owner.zone
    try:
        if application.stage in moves_from:
            return _interview_move_on(application, to_stage, at, source)
        moves = _moves_dated_by_interviews_undated(application, exclude=interview)
        plan = _interview_plan(moves, to_stage, at, _day_start(at, zone))
    except history.Refusal as refusal:
        raise ValidationError({"scheduled_at": _refusal_message(refusal, zone)}) from refusal
    if not plan.changes_anything:
        return ()
    change = _write_plan(
        application, plan, source, because=pgettext("date taken from", "the interview")
    )
    return change.adjusted


def _interview_move_on(
    application: Application, to_stage: str, at: datetime, source: str
) -> tuple[str, ...]:
    """Moves the application on to the interview's stage, dated at its time."""
    # A move the user dated after the interview (say, to screening) stands: the interview
    # moves the stage on from there, right after it. The start is not such a move: one
    # the user dated after the interview refuses it.
    latest_dated = (
        StageChange.objects.filter(application=application, dated=True)
        .exclude(from_stage="")
        .order_by("-at", "-id")
        .values_list("at", flat=True)
        .first()
    )
    if latest_dated is not None and latest_dated > at:
        at = latest_dated
    try:
        change = application_change_stage(
            application=application,
            to_stage=to_stage,
            source=source,
            at=at,
            dated=True,
            because=pgettext("date taken from", "the interview"),
        )
    except ValidationError as exc:
        raise ValidationError({"scheduled_at": exc.message_dict.get("at", exc.messages)}) from exc
    return change.adjusted if change is not None else ()


def _moves_dated_by_interviews_undated(
    application: Application, *, exclude: Interview
) -> list[history.Move]:
    """The history, where a move an earlier-logged interview dated counts as undated: it
    says when the user was in that stage at the latest, not when they got there, so an
    earlier interview of the same stage (rounds logged newest first) moves it back. Only
    a moment the user typed for the move itself stands against an interview."""
    interviewed = set(
        Interview.objects.filter(application=application)
        .exclude(pk=exclude.pk)
        .values_list("scheduled_at", flat=True)
    )
    return [
        replace(m, dated=False) if m.dated and m.from_stage and m.at in interviewed else m
        for m in _moves(application)
    ]


def _interview_plan(
    moves: list[history.Move], to_stage: str, at: datetime, day_start: datetime
) -> history.Plan:
    """For an application already in or past the interview's stage: the first move into
    that stage, when it came after the interview, is re-dated to it (or refused, if the
    user dated it); otherwise only an undated start may have to yield."""
    into = [m for m in history.in_order(moves) if m.to_stage == to_stage and m.from_stage]
    if not into or any(m.at <= at for m in into):
        return history.plan_yield_start(moves, at=at, day_start=day_start)
    return history.plan_redate_move(moves, move_id=into[0].id, at=at, day_start=day_start)


def interviews_move_stages(*, now: datetime | None = None, limit: int = 500) -> int:
    """The sweep: interviews whose time has come move the stage they name, once each.

    Each interview is claimed before it acts, so a second beat (or a retried task) running
    at the same time moves nothing twice. Returns how many it claimed. One whose time
    contradicts a move the user dated since moves nothing: the user's date stands.
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
            try:
                with transaction.atomic():
                    _interview_date_stage(interview, source=ChangeSource.SYSTEM)
            except ValidationError:
                pass
    return claimed


@transaction.atomic
def interview_delete(*, interview: Interview) -> None:
    """Forgets an interview (its thank-you goes with it). The stage history stays as it is:
    a past interview did move the application on; a future one has not moved it yet."""
    interview.delete()
