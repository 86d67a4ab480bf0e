"""Moving an application between stages, and rejecting it: the stage, its history row and the
event, in one transaction; a date that would put the history out of order is refused."""

from datetime import date, datetime, time, tzinfo
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from tracker.accounts.models import User
from tracker.applications import events, history
from tracker.applications.models import (
    Application,
    ChangeSource,
    Rejection,
    Stage,
    StageChange,
)
from tracker.applications.services.contacts import contact_from_rejection
from tracker.core import dates
from tracker.core.clock import start_of_local_day
from tracker.mail.vocabulary import RejectionChannel, SenderRole


def _on_field(field: str, check: Any, *args: Any, **kwargs: Any) -> None:
    """Runs one of core.dates' checks and names the field it refuses."""
    try:
        check(*args, **kwargs)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


def _start_of_application(applied_on: date | None, user: User) -> datetime:
    """When the first history row happened: the start of the day applied (local), else now.

    The start of the day, so that anything the user later dates on that same day (a
    same-day robot rejection) still falls after it.
    """
    if applied_on is None:
        return timezone.now()
    return datetime.combine(applied_on, time.min, tzinfo=user.zone)


def _day_start(at: datetime, zone: tzinfo) -> datetime:
    """Where an undated start yields to for a fact dated `at`: the start of the user's
    day of it, so that anything else they date that day still falls after the start."""
    return start_of_local_day(timezone.localdate(at, zone), zone)


def _local(moment: datetime, zone: tzinfo) -> str:
    # Each language writes its dates its own way ("7. Dezember 2026"); English keeps the
    # short "07 Dec 2026" the history has always shown.
    return date_format(timezone.localtime(moment, zone), pgettext("history moment", "d M Y, H:i"))


def _day(day: date) -> str:
    return date_format(day, pgettext("history day", "j M Y"))


def _moves(application: Application) -> list[history.Move]:
    rows = StageChange.objects.filter(application=application).order_by("at", "id")
    return [
        history.Move(r.pk, r.from_stage, r.to_stage, r.at, r.dated)
        for r in rows.only("pk", "from_stage", "to_stage", "at", "dated")
    ]


def _label(move: history.Move) -> str:
    to = Stage(move.to_stage).label
    if move.from_stage:
        return f"{Stage(move.from_stage).label} → {to}"
    return gettext("the start (%(stage)s)") % {"stage": to}


def _refusal_message(refusal: history.Refusal, zone: tzinfo) -> str:
    when = _local(refusal.move.at, zone)
    if refusal.reason == history.Refusal.BEFORE_START:
        return gettext("This is before the application started (%(when)s).") % {"when": when}
    if refusal.reason == history.Refusal.AFTER_MOVE:
        return gettext(
            "The application cannot start after %(move)s on %(when)s: "
            "choose a date on or before it."
        ) % {"move": _label(refusal.move), "when": when}
    return gettext(
        "This is before %(move)s on %(when)s, which you dated yourself: "
        "choose a time after it, or correct that date first."
    ) % {"move": _label(refusal.move), "when": when}


def _write_plan(
    application: Application, plan: history.Plan, source: str, *, because: str
) -> StageChange:
    """Writes what the history decided and returns the row the current stage began with,
    its `adjusted` saying which earlier moves were re-dated or dropped, and where the
    application now starts if its undated start yielded to `because` ("the rejection")."""
    zone = application.owner.zone
    for redate in plan.redate:
        StageChange.objects.filter(pk=redate.move.id).update(at=redate.at, dated=redate.dated)
    if plan.drop:
        StageChange.objects.filter(pk__in=[m.id for m in plan.drop]).delete()
    if plan.add is not None:
        change = StageChange.objects.create(
            application=application,
            owner_id=application.owner_id,
            from_stage=plan.add.from_stage,
            to_stage=plan.add.to_stage,
            at=plan.add.at,
            source=source,
            dated=plan.add.dated,
        )
    else:
        change = StageChange.objects.filter(application=application).order_by("-at", "-id")[0]
    assert plan.stage_since is not None
    application.stage = plan.stage
    application.stage_changed_at = plan.stage_since
    application.furthest_stage = plan.furthest
    started = _start_yielded(application, plan, because)
    application.save(
        update_fields=["stage", "stage_changed_at", "furthest_stage", "applied_on", "updated_at"]
    )
    new_at = {r.move.id: r.at for r in plan.redate}
    dropped = {m.id for m in plan.drop}
    # The words are for the page answering this request, in its language; nothing stores them.
    change.adjusted = started + tuple(
        gettext("Dropped %(move)s of %(when)s: this date undoes it.")
        % {"move": _label(m), "when": _local(m.at, zone)}
        if m.id in dropped
        else gettext(
            "Re-dated %(move)s from %(before)s to %(after)s, so the history reads in order."
        )
        % {"move": _label(m), "before": _local(m.at, zone), "after": _local(new_at[m.id], zone)}
        for m in plan.moved
        if m.from_stage
    )
    return change


def _start_yielded(application: Application, plan: history.Plan, because: str) -> tuple[str, ...]:
    """An undated start the plan moved earlier takes the date applied with it (a date
    Rebound chose, never one the user gave); returns the words for the page."""
    start = next((r for r in plan.redate if not r.move.from_stage), None)
    if start is None or start.at == start.move.at:
        return ()
    day = timezone.localdate(start.at, application.owner.zone)
    if start.move.to_stage == Stage.WISHLIST:
        # On the wishlist, nothing was sent that day: the start moves, no date applied.
        return (
            gettext("Started on %(day)s, from %(because)s.")
            % {"day": _day(day), "because": because},
        )
    application.applied_on = day
    return (
        gettext("Applied date set to %(day)s, from %(because)s.")
        % {"day": _day(day), "because": because},
    )


def _restart(application: Application, applied_on: date | None) -> None:
    """Moves the first row of the history to the new date applied, now the user's own, or
    refuses it when a later move happened before that day ("applied on" moved after the
    rejection). A date taken away leaves the start where it is, but no longer the user's:
    a dated fact before it moves it again."""
    if applied_on == application.applied_on:
        return
    application.applied_on_stated = applied_on is not None
    if applied_on is None:
        StageChange.objects.filter(application=application, from_stage="").update(dated=False)
        return
    Application.objects.select_for_update().filter(pk=application.pk).first()
    start = _start_of_application(applied_on, application.owner)
    try:
        plan = history.plan_restart(_moves(application), at=start)
    except history.Refusal as refusal:
        message = _refusal_message(refusal, application.owner.zone)
        raise ValidationError({"applied_on": message}) from refusal
    for redate in plan.redate:
        StageChange.objects.filter(pk=redate.move.id).update(at=redate.at)
    StageChange.objects.filter(application=application, from_stage="").update(dated=True)
    if plan.stage_since is not None:
        application.stage_changed_at = plan.stage_since


@transaction.atomic
def application_change_stage(
    *,
    application: Application,
    to_stage: str,
    source: str,
    at: datetime | None = None,
    dated: bool | None = None,
    because: str = "",
) -> StageChange | None:
    """Moves an application to another stage and records it in its history.

    `at` may be in the past ("I was rejected on Monday"); `dated` says whether the user
    gave it (by default: when `at` is given). The history stays a chain (see
    applications.history): undated moves after a dated `at` are re-dated to it, and the
    returned row's `adjusted` says so; one before a move the user dated is refused.
    Moving to the stage it is already in changes nothing and returns None, so a double
    click never writes twice. An application whose date applied the user did not give
    starts at the earliest dated fact: `because` names this one for the page ("the
    rejection"; by default the move).
    """
    if to_stage not in Stage.values:
        raise ValidationError({"stage": gettext("Unknown stage %(stage)r.") % {"stage": to_stage}})
    if source not in ChangeSource.values:
        raise ValueError(f"Unknown change source {source!r}")
    dated = at is not None if dated is None else dated
    at = at or timezone.now()
    _on_field("at", dates.check_past_moment, at)

    # Lock the row so two concurrent moves serialise and each sees the other's result.
    locked = Application.objects.select_for_update().get(pk=application.pk)
    from_stage = locked.stage
    zone = locked.owner.zone
    try:
        plan = history.plan_move(
            _moves(locked), to_stage=to_stage, at=at, dated=dated, day_start=_day_start(at, zone)
        )
    except history.Refusal as refusal:
        raise ValidationError({"at": _refusal_message(refusal, zone)}) from refusal
    if not plan.changes_anything:
        application.refresh_from_db()
        return None
    because = because or pgettext("date taken from", "the move to %(stage)s") % {
        "stage": Stage(to_stage).label
    }
    change = _write_plan(locked, plan, source, because=because)
    events.stage_changed.send(
        sender=Application, application=locked, from_stage=from_stage, to_stage=to_stage
    )
    application.refresh_from_db()
    return change


@transaction.atomic
def application_reject(
    *,
    application: Application,
    source: str,
    channel: str = RejectionChannel.UNKNOWN,
    sender_role: str = SenderRole.UNKNOWN,
    sender_name: str = "",
    sender_email: str = "",
    received_at: datetime | None = None,
    message: str = "",
    dated: bool | None = None,
    subject: str | None = None,
) -> Rejection:
    """Marks an application rejected (if it is not already) and stores how it arrived.

    Calling it again on a rejected application updates the details and nothing else.
    `dated` says whether the user gave `received_at` (by default: when it is given).
    `subject` is their email's, when known (None keeps the one recorded).
    """
    dated = received_at is not None if dated is None else dated
    received_at = received_at or timezone.now()
    _on_field("received_at", dates.check_past_moment, received_at)
    # Lock first, as a stage change and the follow-up worker do, so none interleave.
    Application.objects.select_for_update().filter(pk=application.pk).first()
    rejection = Rejection.objects.filter(application=application).first() or Rejection(
        application=application
    )
    rejection.received_at = received_at
    rejection.channel = channel
    rejection.sender_role = sender_role
    rejection.sender_name = sender_name.strip()
    rejection.sender_email = sender_email.strip()
    rejection.message = message
    if subject is not None:
        rejection.subject = " ".join(subject.split())[:300]
    rejection.full_clean(exclude=["application"])
    change = application_change_stage(
        application=application,
        to_stage=Stage.REJECTED,
        source=source,
        at=received_at,
        dated=dated,
        because=pgettext("date taken from", "the rejection"),
    )
    if change is None:
        rejection.adjusted = _redate_current_stage(
            application=application, at=received_at, dated=dated
        )
    else:
        rejection.adjusted = change.adjusted
    _rejection_dated_by_history(rejection, application)
    rejection.save()
    # Whoever wrote or called is someone the user heard from: one of their people.
    contact_from_rejection(
        application=application,
        channel=channel,
        role=sender_role,
        name=rejection.sender_name,
        email=rejection.sender_email,
    )
    # Already rejected, new details may change the advice: the receivers propose again.
    events.rejection_saved.send(
        sender=Application, application=application, rejection=rejection, restated=change is None
    )
    return rejection


def _rejection_dated_by_history(rejection: Rejection, application: Application) -> None:
    """One date everywhere: the rejection was received when the history says it was
    rejected (the row the board's "since", the exports and insights read). They differ
    only where the history kept its own: details saved again with the "now" a form or
    the API filled in restate nothing, and an undated "now" never lands before a row
    already recorded."""
    application.refresh_from_db(fields=["stage", "stage_changed_at"])
    if application.stage == Stage.REJECTED:
        rejection.received_at = application.stage_changed_at


def _redate_current_stage(
    *, application: Application, at: datetime, dated: bool
) -> tuple[str, ...]:
    """Corrects when the current stage began, when the user corrects that date.

    This restates the same event (the rejection arrived on Monday, not Tuesday); it adds
    no move, and the undated moves before it that it overtakes are re-dated with it.
    """
    if not dated:
        # Saving the details again with the pre-filled "now" restates nothing.
        return ()
    locked = Application.objects.select_for_update().get(pk=application.pk)
    zone = locked.owner.zone
    try:
        plan = history.plan_redate_current(
            _moves(locked), at=at, dated=dated, day_start=_day_start(at, zone)
        )
    except history.Refusal as refusal:
        raise ValidationError({"received_at": _refusal_message(refusal, zone)}) from refusal
    if not plan.changes_anything:
        return ()
    change = _write_plan(
        locked, plan, ChangeSource.SYSTEM, because=pgettext("date taken from", "the rejection")
    )
    application.refresh_from_db()
    return change.adjusted
