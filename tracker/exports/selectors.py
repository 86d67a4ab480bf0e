"""The rows of the two CSV exports, read straight from a database cursor.

Each export is one query (values_list, iterated in chunks) whatever the number of
applications: the first response and the follow-up status are subqueries, not a query
per row, and no model instance is ever built. The database writes every cell as text
(cells.py: moments in the user's time zone, formulas neutralised), so a row goes from
the cursor to the CSV writer untouched: no converter, no Python per cell.
"""

from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import (
    Case,
    CharField,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)

from tracker.accounts.models import User
from tracker.applications.models import Application, StageChange
from tracker.applications.models import Stage as S
from tracker.applications.selectors import ApplicationFilters, application_list
from tracker.exports.cells import Neutralised, as_text, local_day, local_moment
from tracker.exports.formats import APPLICATION_COLUMNS, EVENT_FOLLOWUP_SENT, EVENT_STAGE_CHANGE
from tracker.followups.kinds import Kind
from tracker.followups.models import OPEN_STATUSES, FollowUp, FollowUpStatus

CHUNK_SIZE = 2_000

# The company answered: any move out of wishlist/applied except the user's own
# (withdrawn) and silence (ghosted).
RESPONSE_STAGES = (S.SCREENING, S.INTERVIEWING, S.OFFER, S.ACCEPTED, S.REJECTED)


def _first_response_on(zone: ZoneInfo) -> Subquery:
    """The day, in the user's zone, of the first answer from the company."""
    return Subquery(
        StageChange.objects.filter(application=OuterRef("pk"), to_stage__in=RESPONSE_STAGES)
        .order_by("at", "id")
        .values(day=local_day("at", zone))[:1],
        output_field=CharField(),
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


def _application_cells(zone: ZoneInfo) -> dict[str, Any]:
    """What the database writes in each column of applications.csv, by column name."""
    rejected_on = Case(
        When(stage=S.REJECTED, then=local_day("stage_changed_at", zone)),
        default=Value(""),
        output_field=CharField(),
    )
    return {
        "id": F("pk"),
        "company": Neutralised("company__name"),
        "role": Neutralised("role"),
        "url": Neutralised("url"),
        "location": Neutralised("location"),
        "source": F("source"),
        "salary_min": F("salary_min"),
        "salary_max": F("salary_max"),
        "salary_currency": Neutralised("salary_currency"),
        "applied_on": as_text("applied_on"),
        "stage": F("stage"),
        "furthest_stage": F("furthest_stage"),
        "stage_changed_at": local_moment("stage_changed_at", zone),
        "first_response_on": _first_response_on(zone),
        "rejected_on": rejected_on,
        "followup_status": _followup_status(),
        "notes": Neutralised("notes"),
        "description": Neutralised("description"),
        "created_at": local_moment("created_at", zone),
        "updated_at": local_moment("updated_at", zone),
    }


def export_application_query(
    *, user: User, filters: ApplicationFilters
) -> QuerySet[Application, tuple[Any, ...]]:
    """The one query behind applications.csv: a tuple of finished cells per application,
    in APPLICATION_COLUMNS order (formats.py), oldest first. Its SQL is what the
    benchmark runs bare, through the database's own driver, to compare against."""
    cells = _application_cells(user.zone)
    # Named "cell_…" so that no cell shadows a field of the model it is read from.
    named = {f"cell_{column}": cells[column] for column in APPLICATION_COLUMNS}
    return (
        application_list(user=user, filters=filters)
        .annotate(**named)
        .order_by("pk")
        .values_list(*named)
    )


def export_application_rows(
    *, user: User, filters: ApplicationFilters
) -> Iterator[tuple[Any, ...]]:
    """applications.csv's rows, each cell as the database wrote it, read in chunks."""
    query = export_application_query(user=user, filters=filters)
    return query.iterator(chunk_size=CHUNK_SIZE)


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
            Neutralised("application__company__name"),
            Neutralised("application__role"),
            Value(EVENT_STAGE_CHANGE, output_field=CharField()),
            "from_stage",
            "to_stage",
            local_moment("at", zone),
            "source",
            "at",
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
            Neutralised("application__company__name"),
            Neutralised("application__role"),
            Value(EVENT_FOLLOWUP_SENT, output_field=CharField()),
            Value("", output_field=CharField()),
            "kind",
            local_moment("sent_at", zone),
            Value("", output_field=CharField()),
            "sent_at",
            "id",
        )
    )
    rows = changes.union(sent, all=True).order_by("at", "id").iterator(chunk_size=CHUNK_SIZE)
    # The last two columns order the rows; the CSV leaves them out.
    for row in rows:
        yield row[:-2]
