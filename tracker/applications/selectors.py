"""Every read of applications that a page or the API needs, scoped to one owner."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from tracker.accounts.models import User
from tracker.applications.models import Application, Stage, StageChange


@dataclass(frozen=True)
class ApplicationFilters:
    stage: str = ""
    search: str = ""
    source: str = ""
    applied_from: date | None = None
    applied_to: date | None = None


def application_list(
    *, user: User, filters: ApplicationFilters | None = None
) -> QuerySet[Application]:
    filters = filters or ApplicationFilters()
    qs = Application.objects.filter(owner=user).select_related("company")
    if filters.stage:
        qs = qs.filter(stage=filters.stage)
    if filters.source:
        qs = qs.filter(source=filters.source)
    if filters.applied_from:
        qs = qs.filter(applied_on__gte=filters.applied_from)
    if filters.applied_to:
        qs = qs.filter(applied_on__lte=filters.applied_to)
    if filters.search:
        for word in filters.search.split():
            qs = qs.filter(
                Q(company__name__icontains=word)
                | Q(role__icontains=word)
                | Q(notes__icontains=word)
                | Q(location__icontains=word)
            )
    return qs


def application_get(*, user: User, pk: int) -> Application:
    """One of the user's applications; another user's raises DoesNotExist, like a missing one."""
    return Application.objects.select_related("company").get(owner=user, pk=pk)


def application_stage_counts(*, user: User) -> dict[str, int]:
    """How many applications the user has in each stage, every stage listed, in order."""
    rows = (
        Application.objects.filter(owner=user)
        .values("stage")
        .annotate(n=Count("id"))
        .values_list("stage", "n")
    )
    counts = dict.fromkeys(Stage.values, 0)
    counts.update(dict(rows))
    return counts


def application_history(*, application: Application) -> QuerySet[StageChange]:
    """The timeline, in the order things happened (back-dated rows fall into place)."""
    return StageChange.objects.filter(application=application).order_by("at", "id")
