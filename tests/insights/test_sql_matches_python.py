"""Insights' rates and stage times, computed by the database (GROUP BY per pair of
stages, LAG and medians ranked in SQL), give the very numbers of the Python computation
they replaced, on random histories: moves in any order, back-dated ones, ties, stays of
fractions of a day, applications with and without a date applied, with and without
rejection details (kept after moving out of Rejected too), date ranges. So do the flows
and the rejections by channel, counted from the owner kept on each move and a join."""

import statistics
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.db.models import Count, F, FloatField, Func, Q, Window
from django.db.models.functions import Lag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.accounts.models import User
from tracker.applications.models import (
    Application,
    ChangeSource,
    Company,
    Rejection,
    Stage,
    StageChange,
)
from tracker.insights import selectors as insights
from tracker.insights.selectors import (
    ANSWERED_STAGES,
    INTERVIEW_STAGES,
    OFFER_STAGES,
    SENT,
    TIMED_STAGES,
    ChannelCount,
    Durations,
    Flow,
    Rate,
    Rates,
    StageFlows,
    StageTime,
)
from tracker.mail.vocabulary import CHANNEL_CHOICES, CHANNELS

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
stages = st.sampled_from(Stage.values)
moves = st.lists(
    # (from, to, minutes after START): not in order, so some moves are back-dated.
    st.tuples(st.sampled_from(["", *Stage.values]), stages, st.integers(0, 60 * 24 * 90)),
    max_size=6,
)
channels = st.none() | st.sampled_from(CHANNELS)
applications = st.lists(
    st.tuples(stages, stages, st.none() | st.integers(0, 90), moves, channels),
    min_size=1,
    max_size=12,
)
History = list[tuple[str, str, int | None, list[tuple[str, str, int]], str | None]]
ranges = st.tuples(st.none() | st.integers(0, 90), st.none() | st.integers(0, 90))


class _DaysBetween(Func):
    """The Python version's day count (as it was), for the reference below."""

    output_field = FloatField()
    arity = 2
    template = "CAST(EXTRACT(EPOCH FROM (%(expressions)s)) AS double precision) / 86400"
    arg_joiner = " - "

    def __init__(self, start: Any, end: Any) -> None:
        super().__init__(end, start)

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def _rates_before(user: User, **dates: date | None) -> Rates:
    """insights_rates as it was: six filtered counts."""
    ids = insights._applications(user=user, **dates).values("id")
    totals = Application.objects.filter(id__in=ids).aggregate(
        total=Count("id"),
        sent=Count("id", filter=SENT),
        responded=Count(
            "id", filter=Q(furthest_stage__in=ANSWERED_STAGES) | Q(stage=Stage.REJECTED)
        ),
        interviewed=Count("id", filter=Q(furthest_stage__in=INTERVIEW_STAGES)),
        offered=Count("id", filter=Q(furthest_stage__in=OFFER_STAGES)),
        rejected=Count("id", filter=Q(stage=Stage.REJECTED)),
    )
    sent = totals["sent"]
    return Rates(
        total=totals["total"],
        sent=sent,
        responses=Rate(totals["responded"], sent),
        interviews=Rate(totals["interviewed"], sent),
        offers=Rate(totals["offered"], sent),
        rejected=totals["rejected"],
    )


def _durations_before(user: User, **dates: date | None) -> Durations:
    """insights_durations as it was: the lengths from the database, medians in Python."""
    recent = (
        insights._applications(user=user, **dates)
        .order_by("-id")
        .values("id")[: insights.DURATION_SAMPLE]
    )
    entered_at = Window(
        Lag("at"), partition_by=F("application_id"), order_by=[F("at").asc(), F("id").asc()]
    )
    rows = (
        StageChange.objects.filter(application__in=recent)
        .annotate(days=_DaysBetween(entered_at, F("at")))
        .values_list("from_stage", "to_stage", "days")
        .order_by()
    )
    stays: defaultdict[str, list[float]] = defaultdict(list)
    to_response: list[float] = []
    for source, target, days in rows:
        if days is None:
            continue
        stays[source].append(days)
        if source == Stage.APPLIED and (target in ANSWERED_STAGES or target == Stage.REJECTED):
            to_response.append(days)
    return Durations(
        stages=[
            StageTime(stage, statistics.median(stays[stage]), len(stays[stage]))
            for stage in TIMED_STAGES
            if stays[stage]
        ],
        to_response=(
            StageTime(Stage.APPLIED, statistics.median(to_response), len(to_response))
            if to_response
            else None
        ),
    )


def _drawn(source: str, target: str) -> list[tuple[str, str]]:
    """How the diagram draws one move: a start past `applied` comes from `applied`, and
    an acceptance without an offer before it passes through `offer`."""
    if source == "":
        if target in (Stage.WISHLIST, Stage.APPLIED):
            return []
        source = Stage.APPLIED
    before_offer = source in (Stage.WISHLIST, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING)
    if target == Stage.ACCEPTED and before_offer:
        return [(source, Stage.OFFER), (Stage.OFFER, Stage.ACCEPTED)]
    return [(source, target)]


def _flows_before(user: User, **dates: date | None) -> StageFlows:
    """insights_flows by another road: every move of the applications in range, one by
    one, drawn in Python."""
    ids = insights._applications(user=user, **dates).values("id")
    counted: dict[tuple[str, str], int] = {}
    for source, target in StageChange.objects.filter(application__in=ids).values_list(
        "from_stage", "to_stage"
    ):
        for pair in _drawn(source, target):
            counted[pair] = counted.get(pair, 0) + 1
    flows, left_out = [], 0
    for (source, target), n in counted.items():
        if insights._drawable(source, target):
            flows.append(Flow(source, target, n))
        else:
            left_out += n
    order = {stage: i for i, stage in enumerate(Stage.values)}
    flows.sort(key=lambda f: (order[f.source], order[f.target]))
    return StageFlows(flows=flows, left_out=left_out)


def _channels_before(user: User, **dates: date | None) -> list[ChannelCount]:
    """insights_rejection_channels as it was: the details' rows counted, the rest of the
    rejected applications not recorded."""
    rejected = insights._applications(user=user, **dates).filter(stage=Stage.REJECTED)
    rows = dict(
        Rejection.objects.filter(application__in=rejected.values("id"))
        .values("channel")
        .annotate(n=Count("id"))
        .values_list("channel", "n")
        .order_by()
    )
    counts = [
        ChannelCount(channel, label, rows[channel])
        for channel, label in CHANNEL_CHOICES
        if rows.get(channel)
    ]
    if rejected.count() > sum(rows.values()):
        counts.append(ChannelCount("", "Not recorded", rejected.count() - sum(rows.values())))
    return sorted(counts, key=lambda c: -c.count)


def _history(data: History) -> User:
    """A user of their own (each example has one), holding `data` as it is, written
    directly: the comparison is of two computations over the same rows."""
    user = User.objects.create_user(username=f"random-{User.objects.count()}")
    company = Company.named(owner=user, name="Northwind")
    company.save()
    for stage, furthest, applied_days, changes, channel in data:
        application = Application.objects.create(
            owner=user,
            company=company,
            role="Engineer",
            stage=stage,
            furthest_stage=furthest,
            applied_on=None if applied_days is None else START.date() + timedelta(applied_days),
            stage_changed_at=START,
        )
        StageChange.objects.bulk_create(
            StageChange(
                application=application,
                owner=user,
                from_stage=source,
                to_stage=target,
                at=START + timedelta(minutes=minutes),
                source=ChangeSource.WEB,
            )
            for source, target, minutes in changes
        )
        if channel is not None:
            Rejection.objects.create(application=application, received_at=START, channel=channel)
    return user


def _dates(bounds: tuple[int | None, int | None]) -> dict[str, date | None]:
    start, end = (None if d is None else START.date() + timedelta(d) for d in bounds)
    return {"applied_from": start, "applied_to": end}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=applications, bounds=ranges)
def test_the_figures_match_the_python_computation(
    data: History,
    bounds: tuple[int | None, int | None],
) -> None:
    user = _history(data)
    for dates in ({"applied_from": None, "applied_to": None}, _dates(bounds)):
        assert insights.insights_rates(user=user, **dates) == _rates_before(user, **dates)
        assert insights.insights_flows(user=user, **dates) == _flows_before(user, **dates)
        assert insights.insights_rejection_channels(user=user, **dates) == _channels_before(
            user, **dates
        )
        ours = insights.insights_durations(user=user, **dates)
        before = _durations_before(user, **dates)
        assert [(s.stage, s.stays) for s in ours.stages] == [
            (s.stage, s.stays) for s in before.stages
        ]
        assert [s.median_days for s in ours.stages] == pytest.approx(
            [s.median_days for s in before.stages], abs=1e-9
        )
        if before.to_response is None:
            assert ours.to_response is None
        else:
            assert ours.to_response is not None
            assert ours.to_response.stays == before.to_response.stays
            assert ours.to_response.median_days == pytest.approx(
                before.to_response.median_days, abs=1e-9
            )


def test_a_median_of_an_even_count_is_the_mean_of_the_middle_two(alice: User) -> None:
    user = _history(
        [
            (
                Stage.SCREENING,
                Stage.SCREENING,
                0,
                [("", "applied", 0), ("applied", "screening", m)],
                None,
            )
            for m in (60 * 24, 60 * 24 * 3, 60 * 24 * 4, 60 * 24 * 10)
        ]
    )
    durations = insights.insights_durations(user=user)
    assert durations.to_response == StageTime(Stage.APPLIED, 3.5, 4)
