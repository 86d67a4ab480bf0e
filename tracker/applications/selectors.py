"""Every read of applications that a page or the API needs, scoped to one owner."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import cast

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import OrderBy
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from tracker.accounts.models import User
from tracker.applications.models import (
    Application,
    ApplicationTally,
    Contact,
    Feedback,
    Stage,
    StageChange,
    application_label,
)
from tracker.applications.search import search_words


@dataclass(frozen=True)
class ApplicationFilters:
    stage: str = ""
    search: str = ""
    source: str = ""
    applied_from: date | None = None
    applied_to: date | None = None
    # Only applications with an open follow-up due before this moment ("due today").
    followup_due_before: datetime | None = None


# The follow-ups room's open statuses (its OPEN_STATUSES), spelled out so that
# applications, which follow-ups react to, never imports that room; the follow-ups
# tests hold the two equal (tests/followups/test_open_statuses.py).
OPEN_FOLLOWUP_STATUSES = ("proposed", "snoozed")


def _open_followups(also: Q | None = None) -> QuerySet[Application]:
    """The application in the outer query, once per open follow-up (`also` narrows them),
    read through the reverse relation `followups`."""
    is_open = Q(followups__status__in=OPEN_FOLLOWUP_STATUSES)
    return Application.objects.filter(is_open & (also or Q()), pk=OuterRef("pk"))


# A follow-up proposed without a date is due from the moment it was proposed.
_DUE = Coalesce("followups__due_at", "followups__created_at")


def with_next_followup(qs: QuerySet[Application]) -> QuerySet[Application]:
    """Adds `next_followup_due`: when the earliest open follow-up is due, or None.

    A correlated subquery over the follow-up's application index, so a page of cards
    costs one query however many follow-ups each has.
    """
    earliest = _open_followups().order_by(_DUE).values(due=_DUE)[:1]
    return qs.annotate(next_followup_due=Subquery(earliest))


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
    if filters.followup_due_before:
        before = filters.followup_due_before
        due = Q(followups__due_at__lt=before) | Q(
            followups__due_at__isnull=True, followups__created_at__lt=before
        )
        qs = qs.filter(Exists(_open_followups(due)))
    for word in search_words(filters.search):
        # Folded words in folded columns (search.py): accents and case never matter.
        named = Contact.objects.filter(applications=OuterRef("pk"), search_name__contains=word)
        qs = qs.filter(
            Q(search_text__contains=word) | Q(company__search_name__contains=word) | Exists(named)
        )
    return qs


def applications_by_ids(*, user: User, ids: Sequence[int]) -> list[Application]:
    """The user's applications with these ids; if any is not theirs, DoesNotExist."""
    found = list(application_list(user=user).filter(pk__in=ids).order_by("company__name", "role"))
    if len(found) != len(set(ids)):
        raise Application.DoesNotExist
    return found


def application_stage_counts(*, user: User) -> dict[str, int]:
    """How many applications the user has in each stage, every stage listed, in order:
    sums of the tallies the database keeps (models.ApplicationTally), never a count of
    the applications."""
    counts = dict.fromkeys(Stage.values, 0)
    counts.update(
        ApplicationTally.objects.filter(owner=user)
        .values("stage")
        .annotate(n=Sum("applications"))
        .values_list("stage", "n")
        .order_by()
    )
    return counts


def application_table_count(
    *, filters: ApplicationFilters, stage_counts: dict[str, int]
) -> int | None:
    """How many rows the table holds, when the stage counts already say it: no filter, or
    the stage alone. None when another filter narrows the rows, which are counted then."""
    if replace(filters, stage="") != ApplicationFilters():
        return None
    return stage_counts.get(filters.stage, 0) if filters.stage else sum(stage_counts.values())


def application_history(*, application: Application) -> QuerySet[StageChange]:
    """The timeline, in the order things happened (back-dated rows fall into place)."""
    return StageChange.objects.filter(application=application).order_by("at", "id")


# The table's sortable columns: the name in the URL -> how the database orders it,
# ascending. Every ordering ends on the id so that pages never overlap or skip a row.
_STAGE_ORDER = Case(
    *(When(stage=stage.value, then=Value(rank)) for rank, stage in enumerate(Stage)),
    default=Value(len(Stage)),
)
TABLE_SORTS: dict[str, tuple[OrderBy, ...]] = {
    "company": (Lower("company__name").asc(), Lower("role").asc()),
    "role": (Lower("role").asc(), Lower("company__name").asc()),
    "stage": (_STAGE_ORDER.asc(), F("stage_changed_at").desc()),
    "applied": (F("applied_on").asc(nulls_first=True),),
    "changed": (F("stage_changed_at").asc(),),
    "followup": (F("next_followup_due").asc(nulls_last=True),),
}
DEFAULT_TABLE_SORT = "-changed"


def table_sort(sort: str) -> str:
    """The sort as given ("role", "-applied", ...) if the table knows it, else the default:
    the most recently changed first."""
    return sort if sort.removeprefix("-") in TABLE_SORTS else DEFAULT_TABLE_SORT


def application_table(
    *, user: User, filters: ApplicationFilters, sort: str = DEFAULT_TABLE_SORT
) -> QuerySet[Application]:
    """The table's rows: filtered, sorted by `table_sort(sort)`, each with its next
    follow-up."""
    sort = table_sort(sort)
    descending = sort.startswith("-")
    order = TABLE_SORTS[sort.removeprefix("-")]
    if descending:
        order = tuple(cast(OrderBy, o.copy().reverse_ordering()) for o in order)
    qs = with_next_followup(application_list(user=user, filters=filters).only(*_ROW_FIELDS))
    return qs.order_by(*order, "-id" if descending else "id")


# What a row of the table shows; its notes and the rest are never loaded for it.
_ROW_FIELDS = (
    "pk",
    "role",
    "location",
    "stage",
    "stage_changed_at",
    "applied_on",
    "company__name",
)


@dataclass(frozen=True)
class TableRow:
    """A row of the table, worked out here once (fifty a page) as the board's cards are:
    the URL, the texts and the dates the template would otherwise filter per row."""

    application: Application
    url: str
    # "Backend Engineer at Acme", for the row's tick box.
    label: str
    # When it entered its stage: "3 days ago", and ISO 8601 for <time datetime>.
    changed_ago: str
    changed_iso: str
    # The day applied, "3 Dec 2026" and 2026-12-03, or "" when not yet.
    applied: str
    applied_iso: str
    followup_due: datetime | None
    followup_overdue: bool
    # The stage's name in the user's language.
    stage_label: str = ""

    @property
    def followup_day(self) -> str:
        """ "3 Dec": the day the next follow-up is due, in the user's time zone."""
        return _day_month(self.followup_due) if self.followup_due else ""

    @property
    def followup_iso(self) -> str:
        return timezone.localtime(self.followup_due).isoformat() if self.followup_due else ""


def table_rows(applications: Sequence[Application], now: datetime) -> list[TableRow]:
    """The rows of one page of `application_table`."""
    detail = reverse("application_detail", args=[_PK])
    # Translated once a page: get_stage_display hashes every stage's lazy name, which
    # translates each of them, for every row.
    stage_labels = {value: str(label) for value, label in Stage.choices}
    rows = []
    for application in applications:
        due: datetime | None = application.next_followup_due  # type: ignore[attr-defined]
        applied = application.applied_on
        rows.append(
            TableRow(
                application=application,
                url=_detail_url(detail, application.pk),
                label=str(application),
                changed_ago=naturaltime(application.stage_changed_at),
                changed_iso=timezone.localtime(application.stage_changed_at).isoformat(),
                applied=date_format(applied, "DAY") if applied else "",
                applied_iso=applied.isoformat() if applied else "",
                followup_due=due,
                followup_overdue=due is not None and due < now,
                stage_label=stage_labels.get(application.stage, application.stage),
            )
        )
    return rows


# The board shows each column's most recent cards; "show more" fetches the next ones.
BOARD_COLUMN_SIZE = 15
# What a card shows, read as plain values: the board loads nothing else, and builds no
# model instance for the hundred cards or more it shows.
_CARD_FIELDS = ("pk", "stage", "stage_changed_at", "role", "company__name", "next_followup_due")


@dataclass(frozen=True)
class BoardCard:
    """What a card shows. Its fields are what the card's cached fragment is keyed on, its
    words and dates (properties) are worked out only when the fragment is rendered: the
    board shows a hundred cards or more, most of them kept from the last visit."""

    pk: int
    stage: str
    company: str
    role: str
    stage_changed_at: datetime
    url: str
    days_in_stage: int
    followup_due: datetime | None
    followup_overdue: bool
    # Due later today, in the user's time zone (overdue ones are not).
    followup_today: bool

    @property
    def label(self) -> str:
        """ "Backend Engineer at Acme", for the card's label and its Move button."""
        return application_label(self.role, self.company)

    @property
    def since(self) -> str:
        """When the card entered its stage, as the card's tooltip shows it ("3 Dec 2026")."""
        return date_format(timezone.localtime(self.stage_changed_at), "DAY")

    @property
    def followup_day(self) -> str:
        """ "3 Dec": the day the next follow-up is due, in the user's time zone."""
        return _day_month(self.followup_due) if self.followup_due else ""

    # The card's words, in the page's language. Here rather than as the template's
    # translate tags: a tag costs a card more than the gettext call it makes, and the
    # board renders a hundred cards or more.
    @property
    def age(self) -> str:
        """ "3 days" in the stage, or "Today"."""
        days = self.days_in_stage
        if not days:
            return gettext("Today")
        return ngettext("%(days)s day", "%(days)s days", days) % {"days": days}

    @property
    def since_title(self) -> str:
        return gettext("In this stage since %(since)s") % {"since": self.since}

    @property
    def move_label(self) -> str:
        return gettext("Move %(label)s") % {"label": self.label}

    @property
    def followup_word(self) -> str:
        """What the card says of its next follow-up, if one is due ("" if none)."""
        if self.followup_overdue:
            return gettext("Overdue")
        if self.followup_today:
            return gettext("Follow up today")
        if self.followup_due:
            return gettext("Follow up %(day)s") % {"day": self.followup_day}
        return ""


@dataclass(frozen=True)
class BoardColumn:
    stage: Stage
    count: int
    # The cards to render now; `shown` counts every card on the page once they are
    # (more than len(cards) when these follow a "show more").
    cards: list[BoardCard]
    shown: int

    @property
    def remaining(self) -> int:
        return max(self.count - self.shown, 0)

    @property
    def last(self) -> BoardCard | None:
        return self.cards[-1] if self.cards else None


def _day_month(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DAY_MONTH")


# Stands for the card's id in the one URL reversed per page.
_PK = 2_147_483_647


def _detail_url(detail: str, pk: int) -> str:
    """An application's page, from `detail` (reversed once for _PK) rather than a reverse
    per card or row."""
    return detail.replace(str(_PK), str(pk))


def _cards(qs: QuerySet[Application], now: datetime, limit: int | None = None) -> list[BoardCard]:
    today = timezone.localdate(now)
    detail = reverse("application_detail", args=[_PK])
    rows = with_next_followup(qs).order_by("-stage_changed_at", "-id").values_list(*_CARD_FIELDS)
    cards = []
    for pk, stage, changed, role, company, due in rows[:limit]:
        cards.append(
            BoardCard(
                pk=pk,
                stage=stage,
                company=company,
                role=role,
                stage_changed_at=changed,
                url=_detail_url(detail, pk),
                days_in_stage=max((now - changed).days, 0),
                followup_due=due,
                followup_overdue=due is not None and due < now,
                followup_today=due is not None and due >= now and timezone.localdate(due) == today,
            )
        )
    return cards


def board_card(*, user: User, pk: int, now: datetime) -> BoardCard:
    """One card, as the board shows it; another user's raises DoesNotExist."""
    cards = _cards(Application.objects.filter(owner=user, pk=pk), now)
    if not cards:
        raise Application.DoesNotExist
    return cards[0]


def board_columns(*, user: User, now: datetime) -> list[BoardColumn]:
    """Every stage's column: its count and its most recent cards.

    Three queries whatever the number of applications: the counts, then one query for
    all the cards, each column's share picked by its own LIMITed subquery (which walks
    the owner-stage index), rather than a query per column.
    """
    counts = application_stage_counts(user=user)
    newest = [
        Application.objects.filter(owner=user, stage=stage)
        .order_by("-stage_changed_at", "-id")
        .values("pk")[:BOARD_COLUMN_SIZE]
        for stage, count in counts.items()
        if count
    ]
    recent = Q()
    if newest and connection.features.supports_slicing_ordering_in_compound:
        # PostgreSQL plans an OR of IN-subqueries as a scan of every application of the
        # user (1.4 s at 100,000); a UNION ALL of the LIMITed subqueries walks the index.
        recent = Q(pk__in=newest[0].union(*newest[1:], all=True))
    else:
        # SQLite allows no LIMIT inside a compound SELECT, and walks the index this way.
        for column in newest:
            recent |= Q(pk__in=column)
    by_stage: dict[str, list[BoardCard]] = {stage: [] for stage in counts}
    if recent:
        for card in _cards(Application.objects.filter(recent), now):
            by_stage[card.stage].append(card)
    return [
        BoardColumn(stage=Stage(s), count=counts[s], cards=by_stage[s], shown=len(by_stage[s]))
        for s in counts
    ]


def board_column_more(
    *, user: User, stage: str, before: datetime, before_id: int, now: datetime
) -> list[BoardCard]:
    """The column's next cards after the one last shown (keyset, so a card moved in
    the meantime neither repeats nor hides another)."""
    older = Q(stage_changed_at__lt=before) | Q(stage_changed_at=before, pk__lt=before_id)
    qs = Application.objects.filter(owner=user, stage=stage).filter(older)
    return _cards(qs, now, limit=BOARD_COLUMN_SIZE)


def feedback_list(*, user: User) -> QuerySet[Feedback]:
    """The user's feedback (the API's list), newest first."""
    return Feedback.objects.filter(application__owner=user).order_by("-received_at", "-id")
