"""Creating, editing and deleting applications (one, or many at once from the table), and
the companies they name."""

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tracker.accounts.models import User
from tracker.applications import selectors
from tracker.applications.history import furthest_stage_of
from tracker.applications.models import (
    SALARY_RANGE_MESSAGE,
    Application,
    ChangeSource,
    Company,
    Stage,
    StageChange,
    salary_range_ordered,
)
from tracker.applications.names import company_name_key
from tracker.applications.services.stages import (
    _restart,
    _start_of_application,
    application_change_stage,
)
from tracker.core import dates
from tracker.core.sanitise import sanitise_html

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
            message = gettext("The date applied cannot be in the future.")
            raise ValidationError({"applied_on": message}) from exc
        raise ValidationError({"applied_on": exc.messages}) from exc


def company_update_details(*, company: Company, address: str, phone: str, website: str) -> Company:
    """How to reach an employer, which the work-search log prints beside its name."""
    company.address = address.strip()
    company.phone = phone.strip()
    company.website = website.strip()
    company.full_clean(exclude=["owner", "name_key"], validate_constraints=False)
    company.save(update_fields=["address", "phone", "website"])
    return company


def company_get_or_create(*, owner: User, name: str) -> Company:
    """The user's company of that name, however it is spelled (names.py), else a new one."""
    if not company_name_key(name):
        raise ValidationError({"company": gettext("Enter the company's name.")})
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
    applied_on_stated: bool | None = None,
    **fields: Any,
) -> Application:
    """Adds an application and the row its history starts with. `applied_on_stated` says
    whether the user gave `applied_on` (by default: when it is given); a form that shows
    today's date filled in passes False when it was left as shown."""
    unknown = set(fields) - APPLICATION_EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown application fields: {sorted(unknown)}")
    if stage not in Stage.values:
        raise ValidationError({"stage": gettext("Unknown stage %(stage)r.") % {"stage": stage}})
    _validate_salary(fields.get("salary_min"), fields.get("salary_max"))
    fields = _posting(fields, None)
    applied_on = fields.get("applied_on")
    # The user gave the date applied (by default: when there is one). Created without a
    # date, it was applied today, until a dated fact says earlier (applications.history).
    stated = applied_on is not None if applied_on_stated is None else applied_on_stated
    if applied_on is None and stage != Stage.WISHLIST:
        applied_on = fields["applied_on"] = timezone.localdate(timezone.now(), owner.zone)
    dated = stated and applied_on is not None
    validate_applied_on(applied_on, zone=owner.zone)

    started_at = _start_of_application(applied_on, owner)
    application = Application(
        owner=owner,
        company=company_get_or_create(owner=owner, name=company_name),
        role=role.strip(),
        stage=stage,
        stage_changed_at=started_at,
        furthest_stage=furthest_stage_of([stage]),
        applied_on_stated=dated,
        **fields,
    )
    application.full_clean(exclude=["company", "owner"])
    application.fold_for_search()
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
    application.fold_for_search()
    application.save()
    return application


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
        raise ValidationError({"ids": gettext("Choose applications from your own list.")})
    return found


@transaction.atomic
def applications_bulk_change_stage(
    *, owner: User, ids: Sequence[int], to_stage: str, source: str = ChangeSource.WEB
) -> int:
    """Moves several applications at once, all or none; returns how many moved."""
    if to_stage not in BULK_STAGES:
        raise ValidationError({"action": gettext("That stage cannot be set for many at once.")})
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
def application_update_notes(*, application: Application, notes: str) -> Application:
    """Saves the notes alone, so a quick edit never writes back a stage it read earlier."""
    application.notes = notes
    application.full_clean(exclude=[f.name for f in Application._meta.fields if f.name != "notes"])
    application.fold_for_search()
    application.save(update_fields=["notes", "search_text", "updated_at"])
    return application
