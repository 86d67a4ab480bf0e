"""Every write to applications happens here. Views, admin, API and tasks call these."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications import selectors
from tracker.applications.models import (
    STAGE_PROGRESS,
    Application,
    ChangeSource,
    Company,
    Contact,
    Interview,
    Rejection,
    RejectionChannel,
    SenderRole,
    Stage,
    StageChange,
)
from tracker.core.sanitise import sanitise_html
from tracker.followups import services as followups

# Clocks disagree a little; a change "at" a few minutes in the future is still now.
CLOCK_SKEW = timedelta(minutes=5)

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


def furthest_stage_of(stages: Iterable[str]) -> str:
    """The most advanced stage among those an application has been in.

    Terminal outcomes carry no progress, so an application rejected after an interview
    still got as far as `interviewing`. One that was never anywhere else stays `applied`
    (a rejection straight from the wishlist still means an application went out).
    """
    progress = [STAGE_PROGRESS[s] for s in stages if s in STAGE_PROGRESS]
    if not progress:
        return Stage.APPLIED
    best = max(progress)
    return next(stage for stage, rank in STAGE_PROGRESS.items() if rank == best)


def _validate_not_future(value: datetime, field: str) -> None:
    if value > timezone.now() + CLOCK_SKEW:
        raise ValidationError({field: "This cannot be in the future."})


def _validate_salary(salary_min: int | None, salary_max: int | None) -> None:
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        raise ValidationError({"salary_max": "The maximum must not be below the minimum."})


# Nobody tracks an application sent before this; earlier dates are typos (and dates near
# year 1 overflow when converted between time zones).
EARLIEST_APPLIED_ON = date(1970, 1, 1)


def validate_applied_on(applied_on: date | None, *, zone: ZoneInfo) -> None:
    if applied_on is None:
        return
    if applied_on > timezone.localdate(timezone.now(), zone):
        raise ValidationError({"applied_on": "The date applied cannot be in the future."})
    if applied_on < EARLIEST_APPLIED_ON:
        raise ValidationError({"applied_on": "Check the year: that is before 1970."})


def _start_of_application(applied_on: date | None, user: User) -> datetime:
    """When the first history row happened: the start of the day applied (local), else now.

    The start of the day, so that anything the user later dates on that same day (a
    same-day robot rejection) still falls after it.
    """
    if applied_on is None:
        return timezone.now()
    return datetime.combine(applied_on, time.min, tzinfo=user.zone)


def company_get_or_create(*, owner: User, name: str) -> Company:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"company": "Enter the company's name."})
    company = Company.objects.filter(owner=owner, name__iexact=name).first()
    if company is None:
        company = Company.objects.create(owner=owner, name=name)
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
        from_stage="",
        to_stage=stage,
        at=started_at,
        source=source_of_change,
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
    fields = _posting(fields, application.posting_captured_at)
    for name, value in fields.items():
        setattr(application, name, value)
    if company_name is not None:
        application.company = company_get_or_create(owner=application.owner, name=company_name)
    _validate_salary(application.salary_min, application.salary_max)
    application.full_clean(exclude=["company", "owner"])
    application.save()
    return application


@transaction.atomic
def application_change_stage(
    *,
    application: Application,
    to_stage: str,
    source: str,
    at: datetime | None = None,
) -> StageChange | None:
    """Moves an application to another stage and records it in its history.

    `at` may be in the past ("I was rejected on Monday"). Moving to the stage it is
    already in changes nothing and returns None, so a double click never writes twice.
    """
    if to_stage not in Stage.values:
        raise ValidationError({"stage": f"Unknown stage {to_stage!r}."})
    if source not in ChangeSource.values:
        raise ValueError(f"Unknown change source {source!r}")
    at = at or timezone.now()
    _validate_not_future(at, "at")

    # Lock the row so two concurrent moves serialise and each sees the other's result.
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.stage == to_stage:
        application.refresh_from_db()
        return None
    started = StageChange.objects.filter(application=locked).order_by("at").first()
    if started is not None and at < started.at:
        if at >= started.at.replace(second=0, microsecond=0):
            # Forms take times to the minute: one in the very minute the application
            # started (a form opened just after adding it) means just after the start.
            at = started.at
        else:
            local = timezone.localtime(started.at, locked.owner.zone)
            raise ValidationError(
                {"at": f"This is before the application started ({local:%d %b %Y, %H:%M})."}
            )
    change = StageChange.objects.create(
        application=locked, from_stage=locked.stage, to_stage=to_stage, at=at, source=source
    )
    history = StageChange.objects.filter(application=locked).values_list("to_stage", flat=True)
    locked.stage = to_stage
    locked.stage_changed_at = at
    locked.furthest_stage = furthest_stage_of(history)
    locked.save(update_fields=["stage", "stage_changed_at", "furthest_stage", "updated_at"])
    followups.followups_on_stage_change(
        application=locked, from_stage=change.from_stage, to_stage=to_stage
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
) -> Rejection:
    """Marks an application rejected (if it is not already) and stores how it arrived.

    Calling it again on a rejected application updates the details and nothing else.
    """
    received_at = received_at or timezone.now()
    _validate_not_future(received_at, "received_at")
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
        application=application, to_stage=Stage.REJECTED, source=source, at=received_at
    )
    rejection.save()
    if change is None:
        # Already rejected: new details may change the advice, so propose again.
        _redate_current_stage(application=application, at=received_at)
        followups.proposal_job_request(application=application)
    return rejection


def _redate_current_stage(*, application: Application, at: datetime) -> None:
    """Corrects when the current stage began, when the user corrects that date.

    This restates the same event (the rejection arrived on Monday, not Tuesday); it adds
    no move and removes none, so the history still holds every change that happened.
    """
    latest = (
        StageChange.objects.filter(application=application, to_stage=application.stage)
        .order_by("-at", "-id")
        .first()
    )
    if latest is None or latest.at == at:
        return
    StageChange.objects.filter(pk=latest.pk).update(at=at)
    Application.objects.filter(pk=application.pk).update(stage_changed_at=at)
    application.stage_changed_at = at


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
    """Logs an interview; an application still in `applied` or `screening` moves on."""
    if any(c.owner_id != application.owner_id for c in interviewers):
        raise ValidationError({"interviewers": "Unknown contact."})
    interview = Interview(
        application=application, scheduled_at=scheduled_at, kind=kind, notes=notes
    )
    interview.full_clean(exclude=["application"])
    interview.save()
    interview.interviewers.set(interviewers)
    if scheduled_at >= timezone.now() - timedelta(days=1):
        # A thank-you is worth it within a day; an interview logged long after gets none.
        followups.followup_propose_thank_you(interview=interview)
    if application.stage in (Stage.APPLIED, Stage.SCREENING):
        # An interview booked for next week means the process has moved on today.
        application_change_stage(
            application=application,
            to_stage=Stage.INTERVIEWING,
            source=source,
            at=min(scheduled_at, timezone.now()),
        )
    return interview


@transaction.atomic
def interview_delete(*, interview: Interview) -> None:
    """Forgets an interview (its thank-you goes with it). The stage history stays as it is:
    the application did move on when the interview was logged."""
    interview.delete()


@transaction.atomic
def application_update_notes(*, application: Application, notes: str) -> Application:
    """Saves the notes alone, so a quick edit never writes back a stage it read earlier."""
    application.notes = notes
    application.full_clean(exclude=[f.name for f in Application._meta.fields if f.name != "notes"])
    application.save(update_fields=["notes", "updated_at"])
    return application
