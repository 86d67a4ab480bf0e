"""The weekly reminder's two decisions: whether this is the moment to send it, and what
it says. Pure: given the time and the counts; its words in the active language (the
sweep turns on the user's)."""

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from django.utils.translation import gettext, ngettext, pgettext

from tracker.followups.rules import DAY_STARTS, month_name
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


def _weekday(day: date) -> str:
    """The day as a sentence names it ("depuis lundi"): the catalogues' plain "Monday" is
    a choice's label, capitalised in French and Spanish."""
    return (
        pgettext("in a sentence", "Monday"),
        pgettext("in a sentence", "Tuesday"),
        pgettext("in a sentence", "Wednesday"),
        pgettext("in a sentence", "Thursday"),
        pgettext("in a sentence", "Friday"),
        pgettext("in a sentence", "Saturday"),
        pgettext("in a sentence", "Sunday"),
    )[day.weekday()]


def weekly_notice(*, count: int, target: int, week_start: date) -> WeeklyNotice:
    title = ngettext(
        "%(count)d of %(target)d activity logged this week",
        "%(count)d of %(target)d activities logged this week",
        target,
    ) % {"count": count, "target": target}
    # Django's own catalogues name the weekday and the month; the order is the language's.
    since = gettext("%(weekday)s %(day)d %(month)s") % {
        "weekday": _weekday(week_start),
        "day": week_start.day,
        "month": month_name(week_start),
    }
    if count >= target:
        body = gettext(
            "Since %(since)s you have logged %(count)d: this week's target is met. "
            "Your work-search log is ready to download for your agency."
        ) % {"since": since, "count": count}
    else:
        body = ngettext(
            "Since %(since)s you have logged %(count)d; %(left)d more to reach your weekly "
            "target. Add an application you sent, or log a networking event, a course or "
            "a call with a recruiter.",
            "Since %(since)s you have logged %(count)d; %(left)d more to reach your weekly "
            "target. Add an application you sent, or log a networking event, a course or "
            "a call with a recruiter.",
            target - count,
        ) % {"since": since, "count": count, "left": target - count}
    return WeeklyNotice(title=title, body=body)
