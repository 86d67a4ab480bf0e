"""CSV cells written by the database itself, so an export row goes from the cursor to the
CSV writer untouched.

Turning each stored moment into an aware datetime, then into the user's time zone, then
back into text, costs more than reading the row: done per cell in Python it made the
export a third as fast as a bare `csv.writer` over the same cursor. Here the database
writes the text. A time zone's offsets over the years Rebound can hold (from
`EARLIEST_YEAR`) are worked out once from zoneinfo, and each moment picks its period by
a nested CASE (a binary search, some seven comparisons), then shifts by that offset.
The result is the same text as `formats.iso_datetime` and `formats.local_date`, a test
holds them equal on SQLite and PostgreSQL.
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import CharField, Expression, F, Func
from django.db.models.functions import Cast
from django.utils import timezone

from tracker.exports.formats import NEEDS_QUOTE

# No moment stored before this year (dates before 1970 are refused on the way in).
EARLIEST_YEAR = 1970
# Moments stored are at most "now" (a follow-up's due date is not exported); the periods
# run a year or two past it.
_YEARS_AHEAD = 2


@lru_cache(maxsize=128)
def _periods(zone: ZoneInfo, until_year: int) -> tuple[tuple[datetime, int], ...]:
    """The zone's offsets (seconds east of UTC), each with the UTC moment it starts.

    Sampled a day apart, then each change narrowed down to the microsecond: no zone has
    changed its offset twice within one day.
    """

    def offset(moment: datetime) -> int:
        delta = moment.astimezone(zone).utcoffset()
        return int(delta.total_seconds()) if delta else 0

    moment = datetime(EARLIEST_YEAR, 1, 1, tzinfo=UTC)
    end = datetime(until_year + 1, 1, 1, tzinfo=UTC)
    periods = [(moment, offset(moment))]
    day = timedelta(days=1)
    while moment < end:
        following = moment + day
        if offset(following) != periods[-1][1]:
            low, high = moment, following  # the change lies in (low, high]
            while high - low > timedelta(microseconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if offset(middle) == periods[-1][1] else (low, middle)
            periods.append((high, offset(high)))
        moment = following
    return tuple(periods)


def _suffix(seconds: int) -> str:
    """ "+02:00", "-03:30", as Python's isoformat writes an offset (seconds only if any)."""
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


class _ZoneText(Expression):
    """A moment as text in one time zone: the whole ISO moment, or only its day."""

    output_field = CharField()

    def __init__(self, expression: Any, zone: ZoneInfo, *, day_only: bool) -> None:
        super().__init__(output_field=CharField())
        self.expression = F(expression) if isinstance(expression, str) else expression
        self.zone = zone
        self.day_only = day_only

    def get_source_expressions(self) -> list[Any]:
        return [self.expression]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.expression,) = exprs

    def resolve_expression(self, *args: Any, **kwargs: Any) -> "_ZoneText":
        clone = self.copy()
        clone.expression = self.expression.resolve_expression(*args, **kwargs)
        return clone

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        column, column_params = compiler.compile(self.expression)
        if column_params:
            raise ValueError("A moment to write must be a plain column.")
        vendor = connection.vendor
        periods = _periods(self.zone, timezone.now().year + _YEARS_AHEAD)
        params: list[Any] = []

        def leaf(seconds: int) -> str:
            if vendor == "postgresql":
                shifted = f"({column} + interval '{seconds} seconds')"
                if self.day_only:
                    return f"to_char({shifted}, 'YYYY-MM-DD')"
                text = f"to_char({shifted}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
            else:
                # %% is a literal % in SQL that takes parameters (Django's convention).
                pattern = "%%Y-%%m-%%d" if self.day_only else "%%Y-%%m-%%dT%%H:%%M:%%S"
                # SQLite rounds to the millisecond; Python's isoformat drops the fraction.
                text = f"strftime('{pattern}', substr({column}, 1, 19), '{seconds:+d} seconds')"
                if self.day_only:
                    return text
            return f"{text} || '{_suffix(seconds)}'"

        def tree(low: int, high: int) -> str:
            if low == high:
                return leaf(periods[low][1])
            middle = (low + high + 1) // 2
            # Parameters go in the order the text names them: this boundary, then those
            # of the left branch, then the right's.
            params.append(periods[middle][0])
            left = tree(low, middle - 1)
            right = tree(middle, high)
            return f"CASE WHEN {column} < %s THEN {left} ELSE {right} END"

        sql = tree(0, len(periods) - 1)
        adapted = [connection.ops.adapt_datetimefield_value(p) for p in params]
        return f"CASE WHEN {column} IS NULL THEN '' ELSE {sql} END", adapted


def local_moment(expression: Any, zone: ZoneInfo) -> _ZoneText:
    """The text of `formats.iso_datetime`: "2026-12-01T09:30:00+01:00", or ""."""
    return _ZoneText(expression, zone, day_only=False)


def local_day(expression: Any, zone: ZoneInfo) -> _ZoneText:
    """The text of `formats.local_date`: "2026-12-01" in the user's zone, or ""."""
    return _ZoneText(expression, zone, day_only=True)


class Neutralised(Func):
    """The text of `formats.neutralise`: a cell a spreadsheet can never run as a formula."""

    output_field = CharField()
    arity = 1

    def as_sql(  # type: ignore[override]
        self, compiler: Any, connection: Any, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        value, params = compiler.compile(self.source_expressions[0])
        starts = ", ".join("'" + c.replace("'", "''") + "'" for c in sorted(NEEDS_QUOTE))
        sql = (
            f"CASE WHEN substr({value}, 1, 1) IN ({starts}) THEN '''' || {value} "
            f"ELSE COALESCE({value}, '') END"
        )
        return sql, [*params, *params, *params]


def as_text(expression: Any) -> Cast:
    """A date or number as the database writes it ("2026-12-01"), so no converter runs."""
    return Cast(expression, CharField())
