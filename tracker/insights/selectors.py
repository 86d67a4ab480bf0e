"""Insights: how one user's job search is going, read in a fixed handful of queries.

Each figure is counted by the database (GROUP BY, window functions, medians ranked in
SQL), so the number of queries is fixed and what reaches Python is a total, a row per
day, per pair of stages or per stage, never a row per application or per move. Covering
indexes (applications migrations 0010 and 0011) let the counts read indexes alone; rows
are counted as COUNT(*), since PostgreSQL's indexes do not hold the id that COUNT(id)
would fetch each row for. The time spent in each stage is measured on the
DURATION_SAMPLE applications added last, more than nearly any job search holds.

An application belongs to a date range by the day it was sent (`applied_on`), or, when
that was never filled in, by the day it was added.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext

from tracker.accounts.models import User
from tracker.applications.models import (
    CHANNEL_CHOICES_SHOWN,
    ENDED_STAGES,
    STAGE_PROGRESS,
    UNDATED,
    Application,
    ApplicationTally,
    Feedback,
    FeedbackReason,
    MoveTally,
    Stage,
    StageChange,
)
from tracker.insights.durations_sql import TO_RESPONSE, stage_medians

# It went out: the user gave the day they applied, it got past the wishlist, or it was
# turned down (even straight from the wishlist).
SENT = Q(applied_on__isnull=False) | ~Q(furthest_stage=Stage.WISHLIST) | Q(stage=Stage.REJECTED)
# An answer from the employer: getting anywhere past `applied`, or a rejection. Ghosted
# and withdrawn applications heard nothing (unless they got further first).
ANSWERED_STAGES = frozenset({Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED})
INTERVIEW_STAGES = frozenset({Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED})
OFFER_STAGES = frozenset({Stage.OFFER, Stage.ACCEPTED})
# The stages an application passes through; time spent in an outcome is not a step.
TIMED_STAGES = (Stage.WISHLIST, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER)

DEFAULT_WEEKS = 26
# A bar per week stays readable (and its table short) up to about two years.
MAX_WEEKS = 104
DURATION_SAMPLE = 2_000


@dataclass(frozen=True)
class Rate:
    count: int
    of: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.count / self.of) if self.of else None


@dataclass(frozen=True)
class WeekCount:
    start: date
    count: int


@dataclass(frozen=True)
class Rates:
    total: int  # every application in the range, wishlist included
    sent: int
    responses: Rate
    interviews: Rate
    offers: Rate
    rejected: int


@dataclass(frozen=True)
class Weeks:
    weeks: list[WeekCount]
    cut: bool  # the range holds more weeks than the chart shows


@dataclass(frozen=True)
class Flow:
    source: str
    target: str
    count: int

    @property
    def source_label(self) -> str:
        return str(Stage(self.source).label)

    @property
    def target_label(self) -> str:
        return str(Stage(self.target).label)


@dataclass(frozen=True)
class StageFlows:
    flows: list[Flow]
    left_out: int  # moves back, or out of an outcome: see `_drawable`


@dataclass(frozen=True)
class StageTime:
    stage: str
    median_days: float
    stays: int

    @property
    def label(self) -> str:
        return str(Stage(self.stage).label)


@dataclass(frozen=True)
class Durations:
    stages: list[StageTime]
    to_response: StageTime | None  # from `applied` to the answer that ended it


@dataclass(frozen=True)
class ChannelCount:
    channel: str  # "" for rejections recorded without their details
    label: str
    count: int


@dataclass(frozen=True)
class FeedbackMonth:
    month: date  # its first day
    # How many pieces of feedback named each reason, in FeedbackReason's order...
    counts: tuple[int, ...]
    # ...and how many the user has not tagged yet.
    untagged: int


@dataclass(frozen=True)
class FeedbackReasons:
    labels: tuple[str, ...]
    months: list[FeedbackMonth]


@dataclass(frozen=True)
class Insights:
    rates: Rates
    weeks: Weeks
    flows: StageFlows
    durations: Durations
    # How many applications the times are measured on, when that is not all of them.
    durations_sample: int | None
    channels: list[ChannelCount]
    feedback: FeedbackReasons | None = None


def _applications(
    *, user: User, applied_from: date | None, applied_to: date | None
) -> QuerySet[Application]:
    """The user's applications sent in the range or, undated, added in it.

    Written as two cases rather than one COALESCE so that the dated case, nearly all of
    them, is answered from the (owner, applied_on) index without reading a row.
    """
    applications = Application.objects.filter(owner=user)
    if not (applied_from or applied_to):
        return applications.order_by()
    dated, undated = Q(applied_on__isnull=False), Q(applied_on__isnull=True)
    if applied_from:
        dated &= Q(applied_on__gte=applied_from)
        undated &= Q(added_on__gte=applied_from)
    if applied_to:
        dated &= Q(applied_on__lte=applied_to)
        undated &= Q(added_on__lte=applied_to)
    # "Added on" by the user's calendar, so that a week means the user's week.
    added_on = TruncDate("created_at", tzinfo=user.zone)
    return applications.alias(added_on=added_on).filter(dated | undated).order_by()


# The applications in range counted per (stage, furthest stage, date applied), the
# undated together: (stage, furthest_stage, applied_on or None, count).
Counted = list[tuple[str, str, date | None, int]]


def _counted(*, user: User, applied_from: date | None, applied_to: date | None) -> Counted:
    """From the tallies the database keeps (a row per stage, furthest stage and day
    applied: ApplicationTally), never counted one by one. In a date range, the undated
    applications belong to it by the day they were added, in the user's calendar, which
    no tally knows: those few are counted, through the (owner, applied_on) index."""
    tallies = ApplicationTally.objects.filter(owner=user, applications__gt=0)
    if not (applied_from or applied_to):
        rows = tallies.values_list("stage", "furthest_stage", "applied_on", "applications")
        return [(s, f, None if day == UNDATED else day, n) for s, f, day, n in rows]
    dated = tallies.filter(applied_on__gt=UNDATED)
    if applied_from:
        dated = dated.filter(applied_on__gte=applied_from)
    if applied_to:
        dated = dated.filter(applied_on__lte=applied_to)
    undated = (
        _applications(user=user, applied_from=applied_from, applied_to=applied_to)
        .filter(applied_on__isnull=True)
        .values("stage", "furthest_stage")
        .annotate(n=Count("*"))
        .values_list("stage", "furthest_stage", "n")
        .order_by()
    )
    return [
        *dated.values_list("stage", "furthest_stage", "applied_on", "applications"),
        *((stage, furthest, None, n) for stage, furthest, n in undated),
    ]


def insights_rates(
    *, user: User, applied_from: date | None = None, applied_to: date | None = None
) -> Rates:
    """How many applications went out, and how many of those got an answer, an interview
    or an offer."""
    return _rates(_counted(user=user, applied_from=applied_from, applied_to=applied_to))


def _rates(counted: Counted) -> Rates:
    total = sent = responded = interviewed = offered = rejected = 0
    for stage, furthest, applied_on, n in counted:
        total += n
        # SENT: a date applied, past the wishlist, or turned down.
        if applied_on or furthest != Stage.WISHLIST or stage == Stage.REJECTED:
            sent += n
        # Each of these implies the application went out.
        if furthest in ANSWERED_STAGES or stage == Stage.REJECTED:
            responded += n
        if furthest in INTERVIEW_STAGES:
            interviewed += n
        if furthest in OFFER_STAGES:
            offered += n
        if stage == Stage.REJECTED:
            rejected += n
    return Rates(
        total=total,
        sent=sent,
        responses=Rate(responded, sent),
        interviews=Rate(interviewed, sent),
        offers=Rate(offered, sent),
        rejected=rejected,
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weeks(
    *,
    user: User,
    counted: Counted,
    applied_from: date | None,
    applied_to: date | None,
    today: date | None,
) -> Weeks:
    """The weeks from the counted rows (which cover at least the weeks shown), and one
    query more, a row per day, for the applications without a date applied."""
    today = today or timezone.localdate(timezone.now(), user.zone)
    last = _monday(min(applied_to or today, today))
    since = applied_from or (None if applied_to else last - timedelta(weeks=DEFAULT_WEEKS - 1))

    def shown(day: date) -> bool:
        return (since is None or day >= since) and (applied_to is None or day <= applied_to)

    per_day: Counter[date] = Counter()
    # A date applied says it went out, whatever its stage.
    for _stage, _furthest, applied_on, n in counted:
        if applied_on and shown(applied_on):
            per_day[applied_on] += n
    # Undated ones count from the day they were added, if they went out at all: SENT
    # first, so that the day is worked out only for those.
    undated = Application.objects.filter(SENT, owner=user, applied_on__isnull=True).annotate(
        day=TruncDate("created_at", tzinfo=user.zone)
    )
    if since:
        undated = undated.filter(day__gte=since)
    if applied_to:
        undated = undated.filter(day__lte=applied_to)
    rows = undated.values("day").annotate(n=Count("*")).values_list("day", "n").order_by()
    per_day.update(dict(rows))

    first = _monday(since or min(per_day, default=last))
    cut = first < last - timedelta(weeks=MAX_WEEKS - 1)
    if cut:
        first = last - timedelta(weeks=MAX_WEEKS - 1)
    per_week: Counter[date] = Counter()
    for day, n in per_day.items():
        per_week[_monday(day)] += n
    weeks = (first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1))
    return Weeks(weeks=[WeekCount(start, per_week[start]) for start in weeks], cut=cut)


def _drawable(source: str, target: str) -> bool:
    """Whether a move fits a Sankey diagram, which cannot draw a cycle.

    Moves onwards through the process, or to how it ended, always fit. Moves back (to
    screening after an interview) and out of an outcome (a ghosted application that came
    back to life) would close loops, so they are left out and counted instead.
    """
    if source not in STAGE_PROGRESS or source == Stage.ACCEPTED:
        return False
    return target in ENDED_STAGES or STAGE_PROGRESS.get(target, -1) > STAGE_PROGRESS[source]


def _as_drawn(source: str, target: str) -> list[tuple[str, str]]:
    """A move of the history as the diagram draws it, so that every application shows
    and the nodes agree with the rates.

    An application that started past `applied` (added, or imported, in the stage it had
    reached) went out first: it flows from `applied`; one that started as sent or
    wished for has not moved yet. One accepted from before an offer had one, and the
    offer rate counts it: it flows through `offer`.
    """
    if not source:
        if target in (Stage.WISHLIST, Stage.APPLIED):
            return []
        source = Stage.APPLIED
    if target == Stage.ACCEPTED and STAGE_PROGRESS.get(source, 99) < STAGE_PROGRESS[Stage.OFFER]:
        return [(source, Stage.OFFER), (Stage.OFFER, Stage.ACCEPTED)]
    return [(source, target)]


def insights_flows(
    *, user: User, applied_from: date | None = None, applied_to: date | None = None
) -> StageFlows:
    """How many moves went from each stage to each other, from the stage history (as
    `_as_drawn` draws them).

    Each move carries its owner, so the user's moves are one range of the (owner,
    from_stage, to_stage, application) index, counted in its order without visiting an
    application; a date range keeps to the applications in it, checked from the same
    index.
    """
    rows: Iterable[tuple[str, str, int]]
    if applied_from or applied_to:
        ids = _applications(user=user, applied_from=applied_from, applied_to=applied_to)
        rows = (
            StageChange.objects.filter(owner=user, application__in=ids.values("id"))
            .values("from_stage", "to_stage")
            .annotate(n=Count("*"))
            .values_list("from_stage", "to_stage", "n")
            .order_by()
        )
    else:
        # All of them: the tally the database keeps, a row per pair of stages.
        rows = MoveTally.objects.filter(owner=user, moves__gt=0).values_list(
            "from_stage", "to_stage", "moves"
        )
    drawn: Counter[tuple[str, str]] = Counter()
    for source, target, n in rows:
        for pair in _as_drawn(source, target):
            drawn[pair] += n
    flows, left_out = [], 0
    for (source, target), n in drawn.items():
        if _drawable(source, target):
            flows.append(Flow(source, target, n))
        else:
            left_out += n
    order = {stage: i for i, stage in enumerate(Stage.values)}
    flows.sort(key=lambda f: (order[f.source], order[f.target]))
    return StageFlows(flows=flows, left_out=left_out)


def insights_durations(
    *, user: User, applied_from: date | None = None, applied_to: date | None = None
) -> Durations:
    """Median days in each stage, and from `applied` to the first answer.

    A stay lasts from the move into a stage to the move out of it; a stay still going on
    has no length yet and is not counted. Measured on the DURATION_SAMPLE applications
    added last. The database pairs each move with the one before it (LAG, in the order
    things happened, so back-dated moves fall into place), ranks each stage's stays by
    length and averages the middle one or two (durations_sql.py).
    """
    recent = (
        _applications(user=user, applied_from=applied_from, applied_to=applied_to)
        .order_by("-id")
        .values("id")[:DURATION_SAMPLE]
    )
    sample_sql, params = recent.query.sql_with_params()
    medians = stage_medians(
        sample_sql, params, timed=TIMED_STAGES, answers={*ANSWERED_STAGES, Stage.REJECTED}
    )
    response = medians.pop(TO_RESPONSE, None)
    return Durations(
        stages=[StageTime(stage, *medians[stage]) for stage in TIMED_STAGES if stage in medians],
        to_response=StageTime(Stage.APPLIED, *response) if response else None,
    )


def insights_rejection_channels(
    *, user: User, applied_from: date | None = None, applied_to: date | None = None
) -> list[ChannelCount]:
    """How the rejections arrived, most common first. Each rejected application is joined
    to its details (their channel read from an index alone); those recorded without any
    are counted as not recorded."""
    rows: dict[str | None, int] = dict(
        _applications(user=user, applied_from=applied_from, applied_to=applied_to)
        .filter(stage=Stage.REJECTED)
        .values("rejection__channel")
        .annotate(n=Count("*"))
        .values_list("rejection__channel", "n")
        .order_by()
    )
    channels = [
        ChannelCount(channel, str(label), rows[channel])
        for channel, label in CHANNEL_CHOICES_SHOWN
        if rows.get(channel)
    ]
    if rows.get(None):
        channels.append(ChannelCount("", gettext("Not recorded"), rows[None]))
    return sorted(channels, key=lambda c: -c.count)


def insights_feedback_reasons(
    *, user: User, applied_from: date | None = None, applied_to: date | None = None
) -> FeedbackReasons | None:
    """The reasons the user tagged in the feedback they were given, by the month it came
    (in their zone), oldest first; None when there is no feedback."""
    applications = _applications(user=user, applied_from=applied_from, applied_to=applied_to)
    rows = Feedback.objects.filter(application__in=applications).values_list(
        "received_at", "reasons"
    )
    reasons = FeedbackReason.values
    by_month: dict[date, Counter[str]] = {}
    untagged: Counter[date] = Counter()
    for received_at, tagged in rows:
        month = timezone.localtime(received_at, user.zone).date().replace(day=1)
        counts = by_month.setdefault(month, Counter())
        counts.update(r for r in tagged if r in reasons)
        if not tagged:
            untagged[month] += 1
    if not by_month:
        return None
    return FeedbackReasons(
        labels=tuple(str(label) for label in FeedbackReason.labels),
        months=[
            FeedbackMonth(month, tuple(by_month[month][r] for r in reasons), untagged[month])
            for month in sorted(by_month)
        ],
    )


def insights_any(*, user: User) -> bool:
    """Whether the user has any application at all: an empty range is not an empty account."""
    return Application.objects.filter(owner=user).exists()


def insights_summary(
    *,
    user: User,
    applied_from: date | None = None,
    applied_to: date | None = None,
    today: date | None = None,
) -> Insights | None:
    """Everything the insights page shows, or None when the range holds no application."""
    dates = {"applied_from": applied_from, "applied_to": applied_to}
    counted = _counted(user=user, **dates)
    rates = _rates(counted)
    if not rates.total:
        return None
    return Insights(
        rates=rates,
        weeks=_weeks(user=user, counted=counted, today=today, **dates),
        flows=insights_flows(user=user, **dates),
        durations=insights_durations(user=user, **dates),
        durations_sample=DURATION_SAMPLE if rates.total > DURATION_SAMPLE else None,
        channels=insights_rejection_channels(user=user, **dates),
        feedback=insights_feedback_reasons(user=user, **dates),
    )
