"""How a new change fits into an application's stage history, so the history stays a story.

Pure: no ORM, no I/O. The services read the rows, ask here what to write, and write it.

The invariant: ordered by time, the history is a chain
(each row's `from` is the previous row's `to`), its last row's `to` is the current stage,
and the furthest stage is derived from it. Rows are kept in chain order by (at, id): every
change is added as the last link of the chain, with the highest id, and times never run
backwards along it.

People drag a card when they remember and date the real event afterwards. So a change the
user dated that lands before moves they did not date (a drag, a quick move, "now" by
default) says those moves happened before it: they are re-dated to its moment. One that
lands before a move the user dated is refused, naming that move: one of the two dates is
wrong and only the user knows which. The start is no different: an application whose date
applied the user never stated (added "today" without one) starts at its earliest dated
fact, so its first row yields to the start of that fact's day; only a start the user dated
refuses what lands before it. When the moves it re-dates lead back to the stage it
names (a rejection undone, then rejected again with the same date), they never happened as
far as the story goes: they are dropped rather than repeated, so the history holds one
rejection, not two.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise

# The stages' order of progress, restated from the models so this module imports nothing
# of the ORM; a test keeps the two equal.
PROGRESS: dict[str, int] = {
    "wishlist": 0,
    "applied": 1,
    "screening": 2,
    "interviewing": 3,
    "offer": 4,
    "accepted": 5,
}


@dataclass(frozen=True)
class Move:
    """One row of the history as the decision needs it."""

    id: int
    from_stage: str
    to_stage: str
    at: datetime
    # The user gave this moment (a date typed, a rejection "received on Monday", an
    # interview's time); False for drags, quick moves and "now" by default.
    dated: bool


@dataclass(frozen=True)
class Redate:
    move: Move
    at: datetime
    dated: bool


@dataclass(frozen=True)
class NewMove:
    from_stage: str
    to_stage: str
    at: datetime
    dated: bool


@dataclass(frozen=True)
class Plan:
    """What to write: rows to re-date, rows to drop, and the row to add (if any)."""

    redate: tuple[Redate, ...] = ()
    drop: tuple[Move, ...] = ()
    add: NewMove | None = None
    # The stage the application is in once the plan is written.
    stage: str = ""
    # When the current stage began once the plan is written.
    stage_since: datetime | None = None
    furthest: str = "applied"
    moved: tuple[Move, ...] = field(default=())

    @property
    def changes_anything(self) -> bool:
        return bool(self.redate or self.drop or self.add)


class Refusal(Exception):
    """The change does not fit the story; `move` is the row it would contradict."""

    BEFORE_START = "before_start"
    BEFORE_DATED = "before_dated"
    AFTER_MOVE = "after_move"

    def __init__(self, reason: str, move: Move) -> None:
        super().__init__(reason)
        self.reason = reason
        self.move = move


def furthest_stage_of(stages: Iterable[str]) -> str:
    """The most advanced stage among those an application has been in.

    Terminal outcomes carry no progress, so an application rejected after an interview
    still got as far as `interviewing`. One that was never anywhere else stays `applied`
    (a rejection straight from the wishlist still means an application went out).
    """
    ranked = [(PROGRESS[s], s) for s in stages if s in PROGRESS]
    return max(ranked)[1] if ranked else "applied"


def in_order(history: Iterable[Move]) -> list[Move]:
    return sorted(history, key=lambda m: (m.at, m.id))


def _start_bound(start: Move, at: datetime, day_start: datetime | None) -> tuple[Redate, ...]:
    """What the start must do for a dated moment `at`: nothing (it is after the start, or
    typed to the minute in the very minute the application started), yield to `day_start`
    (the start of the user's day of `at`) when the user never dated the start, or refuse."""
    if at >= start.at.replace(second=0, microsecond=0):
        return ()
    if start.dated or day_start is None:
        raise Refusal(Refusal.BEFORE_START, start)
    return (Redate(start, min(day_start, at), start.dated),)


def _within_start(start: Move, at: datetime) -> datetime:
    """`at`, or the start itself for a moment in the start's own minute (a form opened
    just after adding the application means just after the start)."""
    return max(at, start.at) if at >= start.at.replace(second=0, microsecond=0) else at


def _pull_back(later: Sequence[Move], at: datetime) -> tuple[Redate, ...]:
    """Re-dates the moves after `at` to `at`, unless one of them the user dated."""
    dated = [m for m in later if m.dated]
    if dated:
        # The latest is the one the new moment would have to follow.
        raise Refusal(Refusal.BEFORE_DATED, dated[-1])
    return tuple(Redate(m, at, m.dated) for m in later)


def _finish(
    kept: Sequence[Move], redate: tuple[Redate, ...], drop: tuple[Move, ...], add: NewMove | None
) -> Plan:
    new_at = {r.move.id: r.at for r in redate}
    gone = {m.id for m in drop}
    chain = [m for m in kept if m.id not in gone]
    stages = [m.to_stage for m in chain]
    stage = chain[-1].to_stage if chain else ""
    since = new_at.get(chain[-1].id, chain[-1].at) if chain else None
    if add is not None:
        stages.append(add.to_stage)
        stage, since = add.to_stage, add.at
    return Plan(
        redate=redate,
        drop=drop,
        add=add,
        stage=stage,
        stage_since=since,
        furthest=furthest_stage_of(stages),
        moved=tuple(r.move for r in redate if r.at != r.move.at) + drop,
    )


def plan_move(
    history: Iterable[Move],
    *,
    to_stage: str,
    at: datetime,
    dated: bool,
    day_start: datetime | None = None,
) -> Plan:
    """A move to `to_stage` at `at`: the rows to add, re-date or drop, or a Refusal.

    `day_start` is the start of the user's day of `at`, where an undated start yields to.
    Moving to the stage the application is in already changes nothing (an empty plan).
    """
    rows = in_order(history)
    if not rows:
        add = NewMove("", to_stage, at, dated)
        return _finish([], (), (), add)
    if not dated:
        # "Now" never lands before what is already recorded (a row a few seconds ahead
        # by clock skew): an undated move goes last, where the user made it.
        at = max(at, rows[-1].at)
    yielded = _start_bound(rows[0], at, day_start)
    at = _within_start(rows[0], at)
    if rows[-1].to_stage == to_stage:
        return _finish(rows, (), (), None)
    earlier = [rows[0]] if yielded else [m for m in rows if m.at <= at]
    later = rows[len(earlier) :]
    redate = yielded + _pull_back(later, at)
    # The stages the application passes through at the moment `at`, once the later moves
    # are pulled back to it; one that returns to `to_stage` makes the rest a loop.
    path = [earlier[-1].to_stage] + [m.to_stage for m in later]
    if to_stage in path:
        keep = path.index(to_stage)
        return _finish(rows, redate[: len(yielded) + keep], tuple(later[keep:]), None)
    add = NewMove(rows[-1].to_stage, to_stage, at, dated)
    return _finish(rows, redate, (), add)


def plan_redate_current(
    history: Iterable[Move], *, at: datetime, dated: bool, day_start: datetime | None = None
) -> Plan:
    """The current stage began at `at`, not when recorded (a rejection's date corrected).

    This restates the same event: it moves the last row, adds none and removes none.
    """
    rows = in_order(history)
    if len(rows) < 2:
        return _finish(rows, (), (), None)
    last = rows[-1]
    yielded = _start_bound(rows[0], at, day_start)
    at = _within_start(rows[0], at)
    if at == last.at and dated == last.dated:
        return _finish(rows, (), (), None)
    later = [m for m in rows[1:-1] if m.at > at]
    redate = (*yielded, *_pull_back(later, at), Redate(last, at, dated or last.dated))
    return _finish(rows, redate, (), None)


def plan_redate_move(
    history: Iterable[Move], *, move_id: int, at: datetime, day_start: datetime | None = None
) -> Plan:
    """The move `move_id`, which the user did not date, happened earlier, at `at` (a past
    interview logged after a quick move to interviewing): it is re-dated and dated, and
    the undated moves before it that `at` overtakes come back with it.

    Refused, naming the move, when that move is one the user dated, or when a dated move
    before it happened after `at`. A move already at or before `at` changes nothing.
    """
    rows = in_order(history)
    place = next(i for i, m in enumerate(rows) if m.id == move_id)
    target = rows[place]
    if target.at <= at:
        return _finish(rows, (), (), None)
    if target.dated:
        raise Refusal(Refusal.BEFORE_DATED, target)
    yielded = _start_bound(rows[0], at, day_start) if place else ()
    at = _within_start(rows[0], at)
    before = [m for m in rows[1:place] if m.at > at]
    redate = (*yielded, *_pull_back(before, at), Redate(target, at, True))
    return _finish(rows, redate, (), None)


def plan_yield_start(history: Iterable[Move], *, at: datetime, day_start: datetime) -> Plan:
    """A dated fact at `at` that moves no stage (an interview of an application already
    further along): an undated start yields to it; a dated start before it refuses it."""
    rows = in_order(history)
    if not rows:
        return Plan()
    return _finish(rows, _start_bound(rows[0], at, day_start), (), None)


def plan_restart(history: Iterable[Move], *, at: datetime) -> Plan:
    """The application started at `at` (its date applied changed): the first row moves.

    Refused when a later move happened before the new start, naming the latest such move:
    an application cannot be rejected before it was sent.
    """
    rows = in_order(history)
    if not rows:
        return Plan()
    start, rest = rows[0], rows[1:]
    before = [m for m in rest if m.at < at]
    if before:
        raise Refusal(Refusal.AFTER_MOVE, before[-1])
    if at == start.at:
        return _finish(rows, (), (), None)
    return _finish(rows, (Redate(start, at, start.dated),), (), None)


def is_chain(history: Iterable[Move], *, stage: str) -> bool:
    """The invariant, for tests and checks: a chain in time order ending at `stage`."""
    rows = in_order(history)
    if not rows:
        return False
    links = all(a.to_stage == b.from_stage for a, b in pairwise(rows))
    ids_follow = all(a.id < b.id for a, b in pairwise(rows))
    return links and ids_follow and rows[0].from_stage == "" and rows[-1].to_stage == stage
