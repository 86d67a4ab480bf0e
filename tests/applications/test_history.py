"""The stage history stays a story: property tests over random sequences of dated and
undated moves, rejections, undos and new dates applied.

The pure decision (applications.history) is run here on rows held in memory, a thousand
random sequences; test_history_services runs fewer through the real services and database.
"""

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.applications import history
from tracker.applications.history import Move, Plan, Refusal

STAGES = [
    "wishlist",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "ghosted",
]
START = datetime(2026, 10, 15, tzinfo=UTC)


@dataclass
class Story:
    """One application's history, written the way the services write a plan."""

    rows: list[Move] = field(default_factory=list)
    now: datetime = START + timedelta(days=30)
    next_id: int = 2
    stage: str = "applied"
    since: datetime = START
    furthest: str = "applied"
    # Whether the user gave the date applied; an undated start yields to dated facts.
    start_dated: bool = True

    def __post_init__(self) -> None:
        self.rows = [Move(1, "", "applied", START, self.start_dated)]

    def write(self, plan: Plan) -> None:
        new_at = {r.move.id: r for r in plan.redate}
        gone = {m.id for m in plan.drop}
        rows = []
        for row in self.rows:
            if row.id in gone:
                continue
            if row.id in new_at:
                row = replace(row, at=new_at[row.id].at, dated=new_at[row.id].dated)
            rows.append(row)
        if plan.add is not None:
            add = plan.add
            rows.append(Move(self.next_id, add.from_stage, add.to_stage, add.at, add.dated))
            self.next_id += 1
        self.rows = rows
        if plan.changes_anything:
            assert plan.stage_since is not None
            self.stage, self.since, self.furthest = plan.stage, plan.stage_since, plan.furthest

    def dated_rows(self) -> dict[int, datetime]:
        return {m.id: m.at for m in self.rows if m.dated}


# One step of a user's day: ("tick", minutes), ("drag", stage), ("dated", stage, hours back),
# ("reject", hours back or None), ("undo",), ("restart", hours back from the start).
steps = st.one_of(
    st.tuples(st.just("tick"), st.integers(1, 60 * 24 * 3)),
    st.tuples(st.just("drag"), st.sampled_from(STAGES)),
    st.tuples(st.just("dated"), st.sampled_from(STAGES), st.integers(0, 24 * 35)),
    st.tuples(st.just("reject"), st.none() | st.integers(0, 24 * 35)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("restart"), st.integers(-24 * 20, 24 * 20)),
)


def _day_start(at: datetime) -> datetime:
    """The start of `at`'s day (in UTC here: the services use the user's zone)."""
    return datetime.combine(at.date(), datetime.min.time(), tzinfo=UTC)


def _apply(story: Story, step: tuple[object, ...]) -> None:
    kind = step[0]
    before_dated = story.dated_rows()
    last = story.rows[-1]
    try:
        if kind == "tick":
            story.now += timedelta(minutes=int(step[1]))  # type: ignore[call-overload]
            return
        if kind == "drag":
            plan = history.plan_move(story.rows, to_stage=str(step[1]), at=story.now, dated=False)
        elif kind == "dated":
            at = story.now - timedelta(hours=int(step[2]))  # type: ignore[call-overload]
            plan = history.plan_move(
                story.rows, to_stage=str(step[1]), at=at, dated=True, day_start=_day_start(at)
            )
        elif kind == "reject":
            hours = step[1]
            at = story.now if hours is None else story.now - timedelta(hours=int(hours))  # type: ignore[call-overload]
            if story.stage == "rejected" and hours is not None:
                plan = history.plan_redate_current(
                    story.rows, at=at, dated=True, day_start=_day_start(at)
                )
            else:
                plan = history.plan_move(
                    story.rows,
                    to_stage="rejected",
                    at=at,
                    dated=hours is not None,
                    day_start=_day_start(at),
                )
        elif kind == "undo":
            if story.stage != "rejected":
                return
            plan = history.plan_move(
                story.rows, to_stage=last.from_stage or "applied", at=story.now, dated=False
            )
        else:
            at = min(START + timedelta(hours=int(step[1])), story.now)  # type: ignore[call-overload]
            plan = history.plan_restart(story.rows, at=at)
    except Refusal as refusal:
        _check_refusal(story, refusal)
        return
    story.write(plan)
    after_dated = story.dated_rows()
    if kind in ("drag", "dated", "undo") or (kind == "reject" and plan.add is not None):
        # A move never re-dates or drops a moment the user gave, only its own.
        assert all(after_dated.get(i) == at for i, at in before_dated.items())


def _check_refusal(story: Story, refusal: Refusal) -> None:
    assert refusal.move in story.rows
    if refusal.reason in (Refusal.BEFORE_DATED, Refusal.BEFORE_START):
        # Only a moment the user gave refuses a dated fact: an undated start yields.
        assert refusal.move.dated


def _check_chain(story: Story) -> None:
    rows = history.in_order(story.rows)
    assert history.is_chain(rows, stage=story.stage), rows
    # The page's "now" marker and the badge agree: the current stage began with the last row.
    assert story.since == rows[-1].at
    assert story.furthest == history.furthest_stage_of(m.to_stage for m in rows)
    assert rows == sorted(rows, key=lambda m: m.id), "time order is the order of the chain"
    assert all(m.at <= story.now for m in rows)
    assert all(a.to_stage != b.to_stage for a, b in pairwise(rows))


@settings(max_examples=1000, deadline=None)
@given(st.lists(steps, min_size=1, max_size=25))
def test_any_sequence_of_moves_keeps_the_history_a_chain(
    sequence: list[tuple[object, ...]],
) -> None:
    story = Story()
    for step in sequence:
        _apply(story, step)
        _check_chain(story)


@settings(max_examples=1000, deadline=None)
@given(st.lists(steps.filter(lambda step: step[0] != "restart"), min_size=1, max_size=25))
def test_an_undated_start_yields_and_the_history_stays_a_chain(
    sequence: list[tuple[object, ...]],
) -> None:
    story = Story(start_dated=False)
    for step in sequence:
        _apply(story, step)
        _check_chain(story)
        start = history.in_order(story.rows)[0]
        assert start.id == 1
        assert not start.dated


def test_a_rejection_before_an_undated_start_moves_it_to_the_start_of_that_day() -> None:
    story = Story(start_dated=False)
    story.now = START + timedelta(hours=2)
    received = START - timedelta(days=3, hours=1, minutes=20)  # 22:40, three evenings ago
    drag_at = story.now
    _apply(story, ("drag", "screening"))
    plan = history.plan_move(
        story.rows, to_stage="rejected", at=received, dated=True, day_start=_day_start(received)
    )
    story.write(plan)
    assert [(m.to_stage, m.at) for m in history.in_order(story.rows)] == [
        ("applied", _day_start(received)),
        ("screening", received),
        ("rejected", received),
    ]
    assert {r.move.id: r.move.at for r in plan.redate} == {1: START, 2: drag_at}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["screening", "interviewing", "offer"]), max_size=4),
    st.integers(1, 24 * 30),
)
def test_undo_then_reject_again_adds_no_second_rejection(drags: list[str], hours: int) -> None:
    story = Story()
    story.now = START + timedelta(days=40)
    for stage in drags:
        _apply(story, ("drag", stage))
    _apply(story, ("reject", hours))
    rejections = sum(m.to_stage == "rejected" for m in story.rows)
    story.now += timedelta(minutes=3)
    _apply(story, ("undo",))
    assert story.stage != "rejected"
    story.now += timedelta(minutes=2)
    _apply(story, ("reject", hours + 0))  # the same "received" moment, typed again
    _check_chain(story)
    assert story.stage == "rejected"
    assert sum(m.to_stage == "rejected" for m in story.rows) == rejections


def test_a_dated_rejection_before_a_drag_re_dates_the_drag() -> None:
    """The issue's story: applied 15 Oct, dragged to Interviewing today, then rejected
    "received 10 days ago": the drag happened before the rejection."""
    story = Story()
    story.now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    _apply(story, ("drag", "interviewing"))
    drag = story.rows[-1]
    plan = history.plan_move(
        story.rows, to_stage="rejected", at=story.now - timedelta(days=10), dated=True
    )
    assert [r.move for r in plan.redate] == [drag]
    assert plan.moved == (drag,)
    story.write(plan)
    assert [(m.from_stage, m.to_stage) for m in story.rows] == [
        ("", "applied"),
        ("applied", "interviewing"),
        ("interviewing", "rejected"),
    ]
    assert story.stage == "rejected"
    assert story.furthest == "interviewing"
    assert story.rows[1].at == story.rows[2].at == datetime(2026, 11, 21, 12, tzinfo=UTC)


def test_a_dated_change_before_a_dated_move_is_refused_naming_it() -> None:
    story = Story()
    story.now = datetime(2026, 12, 1, tzinfo=UTC)
    _apply(story, ("dated", "interviewing", 24 * 5))
    interviewing = story.rows[-1]
    _apply(story, ("drag", "offer"))
    with pytest.raises(Refusal) as refused:
        history.plan_move(
            story.rows, to_stage="rejected", at=story.now - timedelta(days=10), dated=True
        )
    assert refused.value.reason == Refusal.BEFORE_DATED
    assert refused.value.move == interviewing


def test_the_date_applied_cannot_move_after_a_later_move() -> None:
    story = Story()
    story.now = datetime(2026, 12, 1, tzinfo=UTC)
    _apply(story, ("reject", 24 * 20))
    rejection = story.rows[-1]
    with pytest.raises(Refusal) as refused:
        history.plan_restart(story.rows, at=rejection.at + timedelta(days=1))
    assert refused.value.reason == Refusal.AFTER_MOVE
    assert refused.value.move == rejection
    plan = history.plan_restart(story.rows, at=START - timedelta(days=3))
    assert [r.at for r in plan.redate] == [START - timedelta(days=3)]


def test_before_the_start_is_refused_but_the_same_minute_means_just_after() -> None:
    story = Story()
    story.rows = [Move(1, "", "applied", START + timedelta(seconds=40), False)]
    plan = history.plan_move(story.rows, to_stage="rejected", at=START, dated=True)
    assert plan.add is not None
    assert plan.add.at == START + timedelta(seconds=40)
    an_hour_before = START - timedelta(hours=1)
    with pytest.raises(Refusal) as refused:
        history.plan_move(story.rows, to_stage="rejected", at=an_hour_before, dated=True)
    assert refused.value.reason == Refusal.BEFORE_START
