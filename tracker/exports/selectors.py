"""The rows of the two CSV exports, read straight from a database cursor.

Each export is one query (values_list, iterated in chunks) whatever the number of
applications: the first response and the follow-up status are subqueries, not a query
per row, and no model instance is ever built.
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import Case, CharField, IntegerField, OuterRef, Subquery, Value, When

from tracker.accounts.models import User
from tracker.applications.models import Stage as S
from tracker.applications.models import StageChange
from tracker.applications.selectors import ApplicationFilters, application_list
from tracker.exports.formats import (
    EVENT_FOLLOWUP_SENT,
    EVENT_STAGE_CHANGE,
    iso_date,
    iso_datetime,
    local_date,
    neutralise,
)
from tracker.followups.models import OPEN_STATUSES, FollowUp, FollowUpStatus
from tracker.followups.rules import Kind

CHUNK_SIZE = 2_000

# The company answered: any move out of wishlist/applied except the user's own
# (withdrawn) and silence (ghosted).
RESPONSE_STAGES = (S.SCREENING, S.INTERVIEWING, S.OFFER, S.ACCEPTED, S.REJECTED)

# What the query reads for formats.APPLICATION_COLUMNS, in the same order less rejected_on,
# which comes from the stage and the date it changed.
_APPLICATION_FIELDS = (
    "pk", "company__name", "role", "url", "location", "source",
    "salary_min", "salary_max", "salary_currency", "applied_on",
    "stage", "furthest_stage", "stage_changed_at", "first_response_at",
    "followup_status", "notes", "description", "created_at", "updated_at",
)  # fmt: skip


def _first_response_at() -> Subquery:
    return Subquery(
        StageChange.objects.filter(application=OuterRef("pk"), to_stage__in=RESPONSE_STAGES)
        .order_by("at", "id")
        .values("at")[:1]
    )


def _followup_status() -> Subquery:
    """The follow-up status a user of the export most wants to see, in this order:

    1. the reply to the rejection, if the application has one (`not_needed` when the
       rules said a form letter needs no reply; the latest, if the details changed);
    2. else its latest open follow-up (`proposed` or `snoozed`): something to do;
    3. else its latest follow-up of any kind and status.
    """
    rank = Case(
        When(kind__in=(Kind.REJECTION_REPLY, Kind.NONE), then=Value(0)),
        When(status__in=OPEN_STATUSES, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return Subquery(
        FollowUp.objects.filter(application=OuterRef("pk"))
        .annotate(rank=rank)
        .order_by("rank", "-id")
        .values("status")[:1]
    )


def export_application_values(
    *, user: User, filters: ApplicationFilters
) -> Iterator[tuple[Any, ...]]:
    """The raw values behind applications.csv, straight from the cursor, oldest first."""
    return (
        application_list(user=user, filters=filters)
        .annotate(first_response_at=_first_response_at(), followup_status=_followup_status())
        .order_by("pk")
        .values_list(*_APPLICATION_FIELDS)
        .iterator(chunk_size=CHUNK_SIZE)
    )


def export_application_rows(
    *, user: User, filters: ApplicationFilters
) -> Iterator[tuple[Any, ...]]:
    """One tuple of CSV cells per application, in APPLICATION_COLUMNS order (formats.py),
    oldest first."""
    zone = user.zone
    rows = export_application_values(user=user, filters=filters)
    rejected = S.REJECTED
    for (
        pk, company, role, url, location, source,
        salary_min, salary_max, currency, applied_on,
        stage, furthest, changed_at, first_response_at,
        followup_status, notes, description, created_at, updated_at,
    ) in rows:  # fmt: skip
        yield (
            pk, neutralise(company), neutralise(role), neutralise(url), neutralise(location),
            source, salary_min, salary_max, neutralise(currency), iso_date(applied_on),
            stage, furthest, iso_datetime(changed_at, zone),
            local_date(first_response_at, zone),
            local_date(changed_at, zone) if stage == rejected else "",
            followup_status, neutralise(notes), neutralise(description),
            iso_datetime(created_at, zone), iso_datetime(updated_at, zone),
        )  # fmt: skip


def export_history_rows(*, user: User, filters: ApplicationFilters) -> Iterator[tuple[Any, ...]]:
    """One tuple of CSV cells per stage change and per follow-up sent, in the order they
    happened: the record of a job search that some unemployment agencies ask for."""
    zone = user.zone
    applications = application_list(user=user, filters=filters).values("pk")
    # Compound statements take no ORDER BY in their parts: clear the models' default.
    changes = (
        StageChange.objects.filter(application__in=applications)
        .order_by()
        .values_list(
            "application_id",
            "application__company__name",
            "application__role",
            Value(EVENT_STAGE_CHANGE, output_field=CharField()),
            "from_stage",
            "to_stage",
            "at",
            "source",
            "id",
        )
    )
    # A sent follow-up reads as a move "to" its kind (rejection_reply, keep_in_touch, ...).
    sent = (
        FollowUp.objects.filter(
            application__in=applications, status=FollowUpStatus.SENT, sent_at__isnull=False
        )
        .order_by()
        .values_list(
            "application_id",
            "application__company__name",
            "application__role",
            Value(EVENT_FOLLOWUP_SENT, output_field=CharField()),
            Value("", output_field=CharField()),
            "kind",
            "sent_at",
            Value("", output_field=CharField()),
            "id",
        )
    )
    rows = changes.union(sent, all=True).order_by("at", "id").iterator(chunk_size=CHUNK_SIZE)
    for application_id, company, role, event, from_, to, at, source, _ in rows:
        yield (
            application_id, neutralise(company), neutralise(role),
            event, from_, to, iso_datetime(at, zone), source,
        )  # fmt: skip
