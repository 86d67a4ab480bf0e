"""The weekly reminder's two decisions: whether this is the moment to send it, and what
it says. Pure: given the time and the counts."""

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from tracker.followups.rules import DAY_STARTS
from tracker.worksearch.log import local_date, week_start


@dataclass(frozen=True)
class WeeklyNotice:
    title: str
    body: str


def week_to_remind(
    *, now: datetime, zone: tzinfo, weekday: int, week_starts_on: int
) -> date | None:
    """The week to remind of, if `now` is on the chosen weekday, from the hour reminders
    start, where the user lives; else None (a sweep on another day sends nothing)."""
    local = now.astimezone(zone)
    if local.weekday() != weekday or local.time() < DAY_STARTS:
        return None
    return week_start(local_date(now, zone), week_starts_on)


def weekly_notice(*, count: int, target: int, week_start: date) -> WeeklyNotice:
    noun = "activity" if target == 1 else "activities"
    title = f"{count} of {target} {noun} logged this week"
    since = f"{week_start:%A} {week_start.day} {week_start:%B}"
    if count >= target:
        body = (
            f"Since {since} you have logged {count}: this week's target is met. "
            "Your work-search log is ready to download for your agency."
        )
    else:
        left = target - count
        body = (
            f"Since {since} you have logged {count}; {left} more to reach your weekly "
            "target. Add an application you sent, or log a networking event, a course or "
            "a call with a recruiter."
        )
    return WeeklyNotice(title=title, body=body)
