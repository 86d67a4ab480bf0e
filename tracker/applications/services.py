"""Every write to applications happens here. Views, admin, API and tasks call these."""

from collections.abc import Sequence
from datetime import date, datetime, time, tzinfo
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications import events, history, selectors
from tracker.applications.history import furthest_stage_of
from tracker.applications.models import (
    SALARY_RANGE_MESSAGE,
    Application,
    ChangeSource,
    Company,
    Contact,
    Interview,
    InterviewKind,
    Rejection,
    Stage,
    StageChange,
    salary_range_ordered,
)
from tracker.applications.names import company_name_key
from tracker.core import dates
from tracker.core.dates import CLOCK_SKEW
from tracker.core.sanitise import sanitise_html
from tracker.mail.vocabulary import RejectionChannel, SenderRole

__all__ = ["CLOCK_SKEW", "furthest_stage_of"]

APPLICATION_EDITABLE_FIELDS = frozenset(
    {
        "role",
        "url",
        "location",
        "source",
        "salary_min",
        "salary_max",
        "salary_currency",
        "applied_on",
        "notes",
        "description",
        "apply_url",
        "posting_text",
        "posting_captured_at",
    }
)


def _posting(fields: dict[str, Any], captured: datetime | None) -> dict[str, Any]:
    """A description from elsewhere is sanitised on every path in (form, API, import);
    the first time a posting is kept, the moment is noted with it."""
    if fields.get("description"):
        fields["description"] = sanitise_html(fields["description"])
    if captured is None and (fields.get("description") or fields.get("posting_text")):
        fields.setdefault("posting_captured_at", timezone.now())
    return fields


def _on_field(field: str, check: Any, *args: Any, **kwargs: Any) -> None:
    """Runs one of core.dates' checks and names the field it refuses."""
    try:
        check(*args, **kwargs)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


def _validate_salary(salary_min: int | None, salary_max: int | None) -> None:
    if not salary_range_ordered(salary_min, salary_max):
        raise ValidationError({"salary_max": SALARY_RANGE_MESSAGE})


def validate_applied_on(applied_on: date | None, *, zone: tzinfo) -> None:
    if applied_on is None:
        return
    try:
        dates.check_past_day(applied_on, zone=zone)
    except ValidationError as exc:
        if exc.code == "future":
            message = "The date applied cannot be in the future."
            raise ValidationError({"applied_on": message}) from exc
        raise ValidationError({"applied_on": exc.messages}) from exc


def _start_of_application(applied_on: date | None, user: User) -> datetime:
    """When the first history row happened: the start of the day applied (local), else now.

    The start of the day, so that anything the user later dates on that same day (a
    same-day robot rejection) still falls after it.
    """
    if applied_on is None:
        return timezone.now()
    return datetime.combine(applied_on, time.min, tzinfo=user.zone)


def _local(moment: datetime, zone: tzinfo) -> str:
    return f"{timezone.localtime(moment, zone):%d %b %Y, %H:%M}"


def _moves(application: Application) -> list[history.Move]:
    rows = StageChange.objects.filter(application=application).order_by("at", "id")
    return [
        history.Move(r.pk, r.from_stage, r.to_stage, r.at, r.dated)
        for r in rows.only("pk", "from_stage", "to_stage", "at", "dated")
    ]


def _label(move: history.Move) -> str:
    to = Stage(move.to_stage).label
    return f"{Stage(move.from_stage).label} → {to}" if move.from_stage else f"the start ({to})"


def _refusal_message(refusal: history.Refusal, zone: tzinfo) -> str:
    when = _local(refusal.move.at, zone)
    if refusal.reason == history.Refusal.BEFORE_START:
        return f"This is before the application started ({when})."
    if refusal.reason == history.Refusal.AFTER_MOVE:
        return (
            f"The application cannot start after {_label(refusal.move)} on {when}: "
            "choose a date on or before it."
        )
    return (
        f"This is before {_label(refusal.move)} on {when}, which you dated yourself: "
        "choose a time after it, or correct that date first."
    )


def _write_plan(application: Application, plan: history.Plan, source: str) -> StageChange:
    """Writes what the history decided and returns the row the current stage began with,
    its `adjusted` saying which earlier moves were re-dated or dropped."""
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
    application.save(update_fields=["stage", "stage_changed_at", "furthest_stage", "updated_at"])
    new_at = {r.move.id: r.at for r in plan.redate}
    dropped = {m.id for m in plan.drop}
    change.adjusted = tuple(
        f"Dropped {_label(m)} of {_local(m.at, zone)}: this date undoes it."
        if m.id in dropped
        else f"Re-dated {_label(m)} from {_local(m.at, zone)} to {_local(new_at[m.id], zone)}, "
        "so the history reads in order."
        for m in plan.moved
        if m.from_stage
    )
    return change


def company_get_or_create(*, owner: User, name: str) -> Company:
    """The user's company of that name, however it is spelled (names.py), else a new one."""
    if not company_name_key(name):
        raise ValidationError({"company": "Enter the company's name."})
    company = Company.objects.filter(owner=owner, name_key=company_name_key(name)).first()
    if company is None:
        company = Company.named(owner=owner, name=name)
        try:
            company.full_clean(exclude=["owner"], validate_constraints=False)
        except ValidationError as exc:
            # The form and the API call it "company".
            raise ValidationError({"company": exc.message_dict.get("name", exc.messages)}) from exc
        company.save()
    return company


@transaction.atomic
def application_create(
    *,
    owner: User,
    company_name: str,
    role: str,
    stage: str = Stage.APPLIED,
    source_of_change: str = ChangeSource.WEB,
    **fields: Any,
) -> Application:
    unknown = set(fields) - APPLICATION_EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown application fields: {sorted(unknown)}")
    if stage not in Stage.values:
        raise ValidationError({"stage": f"Unknown stage {stage!r}."})
    _validate_salary(fields.get("salary_min"), fields.get("salary_max"))
    fields = _posting(fields, None)
    applied_on = fields.get("applied_on")
    if applied_on is None and stage != Stage.WISHLIST:
        # Created without a date, it was applied today, as the dashboard's form proposes.
        applied_on = fields["applied_on"] = timezone.localdate(timezone.now(), owner.zone)
        dated = False
    else:
        dated = applied_on is not None
    validate_applied_on(applied_on, zone=owner.zone)

    started_at = _start_of_application(applied_on, owner)
    application = Application(
        owner=owner,
        company=company_get_or_create(owner=owner, name=company_name),
        role=role.strip(),
        stage=stage,
        stage_changed_at=started_at,
        furthest_stage=furthest_stage_of([stage]),
        **fields,
    )
    application.full_clean(exclude=["company", "owner"])
    application.save()
    StageChange.objects.create(
        application=application,
        owner_id=application.owner_id,
        from_stage="",
        to_stage=stage,
        at=started_at,
        source=source_of_change,
        dated=dated,
    )
    return application


@transaction.atomic
def application_update(
    *, application: Application, company_name: str | None = None, **fields: Any
) -> Application:
    """Edits the details of an application. The stage is not a detail: see below."""
    unknown = set(fields) - APPLICATION_EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable here: {sorted(unknown)}")
    if "applied_on" in fields:
        validate_applied_on(fields["applied_on"], zone=application.owner.zone)
        _restart(application, fields["applied_on"])
    fields = _posting(fields, application.posting_captured_at)
    for name, value in fields.items():
        setattr(application, name, value)
    if company_name is not None:
        application.company = company_get_or_create(owner=application.owner, name=company_name)
    _validate_salary(application.salary_min, application.salary_max)
    application.full_clean(exclude=["company", "owner"])
    application.save()
    return application


def _restart(application: Application, applied_on: date | None) -> None:
    """Moves the first row of the history to the new date applied, or refuses it when a
    later move happened before that day ("applied on" moved after the rejection)."""
    if applied_on is None or applied_on == application.applied_on:
        return
    Application.objects.select_for_update().filter(pk=application.pk).first()
    start = _start_of_application(applied_on, application.owner)
    try:
        plan = history.plan_restart(_moves(application), at=start)
    except history.Refusal as refusal:
        message = _refusal_message(refusal, application.owner.zone)
        raise ValidationError({"applied_on": message}) from refusal
    for redate in plan.redate:
        StageChange.objects.filter(pk=redate.move.id).update(at=redate.at, dated=True)
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
) -> StageChange | None:
    """Moves an application to another stage and records it in its history.

    `at` may be in the past ("I was rejected on Monday"); `dated` says whether the user
    gave it (by default: when `at` is given). The history stays a chain (see
    applications.history): undated moves after a dated `at` are re-dated to it, and the
    returned row's `adjusted` says so; one before a move the user dated is refused.
    Moving to the stage it is already in changes nothing and returns None, so a double
    click never writes twice.
    """
    if to_stage not in Stage.values:
        raise ValidationError({"stage": f"Unknown stage {to_stage!r}."})
    if source not in ChangeSource.values:
        raise ValueError(f"Unknown change source {source!r}")
    dated = at is not None if dated is None else dated
    at = at or timezone.now()
    _on_field("at", dates.check_past_moment, at)

    # Lock the row so two concurrent moves serialise and each sees the other's result.
    locked = Application.objects.select_for_update().get(pk=application.pk)
    from_stage = locked.stage
    try:
        plan = history.plan_move(_moves(locked), to_stage=to_stage, at=at, dated=dated)
    except history.Refusal as refusal:
        raise ValidationError({"at": _refusal_message(refusal, locked.owner.zone)}) from refusal
    if not plan.changes_anything:
        application.refresh_from_db()
        return None
    change = _write_plan(locked, plan, source)
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
) -> Rejection:
    """Marks an application rejected (if it is not already) and stores how it arrived.

    Calling it again on a rejected application updates the details and nothing else.
    `dated` says whether the user gave `received_at` (by default: when it is given).
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
    rejection.full_clean(exclude=["application"])
    change = application_change_stage(
        application=application,
        to_stage=Stage.REJECTED,
        source=source,
        at=received_at,
        dated=dated,
    )
    rejection.save()
    if change is None:
        rejection.adjusted = _redate_current_stage(
            application=application, at=received_at, dated=dated
        )
    else:
        rejection.adjusted = change.adjusted
    # Already rejected, new details may change the advice: the receivers propose again.
    events.rejection_saved.send(
        sender=Application, application=application, rejection=rejection, restated=change is None
    )
    return rejection


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
    try:
        plan = history.plan_redate_current(_moves(locked), at=at, dated=dated)
    except history.Refusal as refusal:
        message = _refusal_message(refusal, locked.owner.zone)
        raise ValidationError({"received_at": message}) from refusal
    if not plan.changes_anything:
        return ()
    change = _write_plan(locked, plan, ChangeSource.SYSTEM)
    application.refresh_from_db()
    return change.adjusted


@transaction.atomic
def application_delete(*, application: Application) -> None:
    company = application.company
    application.delete()
    # A company is only a label for applications; drop it when its last one goes.
    if not company.applications.exists() and not company.contacts.exists():
        company.delete()


# What the table's bulk actions may move applications to; anything else has its own form.
BULK_STAGES = frozenset({Stage.GHOSTED, Stage.WITHDRAWN})


def _owned(owner: User, ids: Sequence[int]) -> list[Application]:
    """The owner's applications with these ids; any id that is not theirs refuses all."""
    try:
        found = selectors.applications_by_ids(user=owner, ids=ids)
    except Application.DoesNotExist:
        found = []
    if not found:
        raise ValidationError({"ids": "Choose applications from your own list."})
    return found


@transaction.atomic
def applications_bulk_change_stage(
    *, owner: User, ids: Sequence[int], to_stage: str, source: str = ChangeSource.WEB
) -> int:
    """Moves several applications at once, all or none; returns how many moved."""
    if to_stage not in BULK_STAGES:
        raise ValidationError({"action": "That stage cannot be set for many at once."})
    moved = 0
    for application in _owned(owner, ids):
        if application_change_stage(application=application, to_stage=to_stage, source=source):
            moved += 1
    return moved


@transaction.atomic
def applications_bulk_delete(*, owner: User, ids: Sequence[int]) -> int:
    applications = _owned(owner, ids)
    for application in applications:
        application_delete(application=application)
    return len(applications)


@transaction.atomic
def contact_create(
    *,
    owner: User,
    name: str,
    role: str,
    email: str = "",
    company: Company | None = None,
    applications: Sequence[Application] = (),
    notes: str = "",
) -> Contact:
    contact = Contact(
        owner=owner, name=name.strip(), email=email.strip(), role=role, company=company, notes=notes
    )
    contact.full_clean(exclude=["owner", "company"])
    contact.save()
    if any(a.owner_id != owner.pk for a in applications):
        raise ValidationError({"applications": "Unknown application."})
    contact.applications.set(applications)
    return contact


def _require_same_owner(application: Application, contact: Contact) -> None:
    if contact.owner_id != application.owner_id:
        raise ValidationError({"contact": "Unknown contact."})


@transaction.atomic
def contact_link(*, application: Application, contact: Contact) -> None:
    """Adds one of the owner's contacts to an application; linking twice changes nothing."""
    _require_same_owner(application, contact)
    contact.applications.add(application)


@transaction.atomic
def contact_unlink(*, application: Application, contact: Contact) -> None:
    """Takes a contact off an application. The contact stays, to be linked elsewhere."""
    _require_same_owner(application, contact)
    contact.applications.remove(application)


@transaction.atomic
def contact_update_role(*, owner: User, contact: Contact, role: str) -> Contact:
    if contact.owner_id != owner.pk:
        raise ValidationError({"contact": "Unknown contact."})
    contact.role = role
    contact.full_clean(exclude=["owner", "company"])
    contact.save(update_fields=["role"])
    return contact


# The stage each kind of interview means the application reached, and the stages it moves
# on from (SPEC section 1, "Interview"): a phone screen is screening, any other round an
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


@transaction.atomic
def application_update_notes(*, application: Application, notes: str) -> Application:
    """Saves the notes alone, so a quick edit never writes back a stage it read earlier."""
    application.notes = notes
    application.full_clean(exclude=[f.name for f in Application._meta.fields if f.name != "notes"])
    application.save(update_fields=["notes", "updated_at"])
    return application
