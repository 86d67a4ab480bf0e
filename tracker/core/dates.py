"""What counts as a plausible date, for every date of an application, by every way in.

One home for the bounds that the forms, the API, the services, the import and the board's
cursor all apply, so none of them stores a date that a page, an export or the calendar
feed later cannot render: near year 1 or 9999 a conversion between time zones overflows.

- Nothing is earlier than 1970-01-01: nobody tracks a job search from before then, and
  an earlier year is a typo.
- A past event (applied, a stage change, a rejection received) is never in the future,
  except by a few minutes of clock skew between the browser, the server and a client.
- A future thing (an interview, a snooze) is at most `HORIZON` ahead.

Imports nothing of the project. Every check raises Django's ValidationError, which forms
and DRF validators both turn into a field error.
"""

from datetime import UTC, date, datetime, timedelta, tzinfo

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy

EARLIEST_DAY = date(1970, 1, 1)
# The latest instant that is still 1 January 1970 somewhere is 1970-01-01T00:00 at UTC-12;
# taking the UTC midnight keeps the rule simple and still far from any overflow.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
# How far ahead an interview or a snooze may be: further is a typo in the year.
HORIZON = timedelta(days=2 * 365)
# Clocks disagree a little: a moment a few minutes ahead is still now.
CLOCK_SKEW = timedelta(minutes=5)
# The furthest a local date runs ahead of UTC (Kiribati, UTC+14).
_AHEAD_OF_UTC = timedelta(hours=14)

TOO_EARLY = gettext_lazy("Check the year: that is before 1970.")
IN_THE_FUTURE = gettext_lazy("This cannot be in the future.")
TOO_FAR_AHEAD = gettext_lazy("Check the year: that is more than two years ahead.")


def _now(now: datetime | None) -> datetime:
    return now if now is not None else timezone.now()


def _today(zone: tzinfo | None, now: datetime | None) -> date:
    """Today in `zone`; without one, the latest date it is anywhere on Earth."""
    moment = _now(now)
    if zone is None:
        return (moment.astimezone(UTC) + _AHEAD_OF_UTC).date()
    return moment.astimezone(zone).date()


def check_past_moment(value: datetime, *, now: datetime | None = None) -> None:
    """A moment that has happened: a stage change, a rejection received."""
    if value < EARLIEST:
        raise ValidationError(TOO_EARLY, code="too_early")
    if value > _now(now) + CLOCK_SKEW:
        raise ValidationError(IN_THE_FUTURE, code="future")


def check_future_moment(value: datetime, *, now: datetime | None = None) -> None:
    """A moment that may lie ahead, within the horizon: an interview, a snooze."""
    if value < EARLIEST:
        raise ValidationError(TOO_EARLY, code="too_early")
    if value > _now(now) + HORIZON:
        raise ValidationError(TOO_FAR_AHEAD, code="too_far_ahead")


def check_past_day(value: date, *, zone: tzinfo | None = None, now: datetime | None = None) -> None:
    """A day that has come: the day applied, a first response. Today in the user's zone
    when it is known, else today anywhere (a client may be ahead of the server)."""
    if value < EARLIEST_DAY:
        raise ValidationError(TOO_EARLY, code="too_early")
    if value > _today(zone, now):
        raise ValidationError(IN_THE_FUTURE, code="future")


def check_any_day(value: date, *, now: datetime | None = None) -> None:
    """A day that may lie ahead, within the horizon: an end of a period asked for."""
    if value < EARLIEST_DAY:
        raise ValidationError(TOO_EARLY, code="too_early")
    if value > (_now(now) + HORIZON).date():
        raise ValidationError(TOO_FAR_AHEAD, code="too_far_ahead")


def is_plausible_moment(value: datetime, *, now: datetime | None = None) -> bool:
    """Whether a moment lies anywhere a stored one can: a cursor or a filter bound."""
    return EARLIEST <= value <= _now(now) + HORIZON


# Validators in the shape Django's and DRF's fields call them: one argument.


def past_moment(value: datetime) -> None:
    check_past_moment(value)


def future_moment(value: datetime) -> None:
    check_future_moment(value)


def past_day(value: date) -> None:
    check_past_day(value)


def any_day(value: date) -> None:
    check_any_day(value)
