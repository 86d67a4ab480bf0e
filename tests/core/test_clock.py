"""Local days: midnight where the user lives, a day not always 24 hours long."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tracker.core.clock import start_of_local_day, start_of_today, start_of_tomorrow

LISBON = ZoneInfo("Europe/Lisbon")
TOKYO = ZoneInfo("Asia/Tokyo")


def test_a_local_day_starts_at_midnight_there() -> None:
    start = start_of_local_day(date(2026, 3, 2), TOKYO)

    assert start.astimezone(UTC) == datetime(2026, 3, 1, 15, 0, tzinfo=UTC)


def test_today_is_the_day_now_falls_on_in_the_users_zone() -> None:
    # 23:30 UTC on 1 March is already 2 March in Tokyo.
    now = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)

    assert start_of_today(now, TOKYO) == start_of_local_day(date(2026, 3, 2), TOKYO)
    assert start_of_today(now, LISBON) == start_of_local_day(date(2026, 3, 1), LISBON)


def test_tomorrow_is_found_through_the_calendar_across_a_clock_change() -> None:
    # Lisbon moves its clocks forward on 29 March 2026: that day has 23 hours.
    now = datetime(2026, 3, 29, 12, 0, tzinfo=LISBON)

    tomorrow = start_of_tomorrow(now, LISBON)

    assert tomorrow == start_of_local_day(date(2026, 3, 30), LISBON)
    # Aware datetimes in one zone subtract as wall clocks: compare the instants.
    length = tomorrow.astimezone(UTC) - start_of_today(now, LISBON).astimezone(UTC)
    assert length == timedelta(hours=23)
