"""Days as a user lives them, in their own time zone (a day is not always 24 hours)."""

from datetime import date, datetime, time, timedelta, tzinfo


def start_of_local_day(day: date, zone: tzinfo) -> datetime:
    """The moment `day` begins in `zone`: midnight there."""
    return datetime.combine(day, time(0), tzinfo=zone)


def start_of_today(now: datetime, zone: tzinfo) -> datetime:
    """Midnight of the day `now` falls on in `zone`: anything due before it is overdue."""
    return start_of_local_day(now.astimezone(zone).date(), zone)


def start_of_tomorrow(now: datetime, zone: tzinfo) -> datetime:
    """Midnight of the next day in `zone`, found through the calendar, not by adding 24h."""
    return start_of_local_day(now.astimezone(zone).date() + timedelta(days=1), zone)
