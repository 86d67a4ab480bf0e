"""The `.ics` feed: open follow-ups and interviews, as RFC 5545 events.

Times are written in UTC, so the feed needs no time-zone definitions and every
calendar app shows them in its own zone.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event

from tracker.accounts.models import User
from tracker.calendar.selectors import calendar_followups, calendar_interviews

FOLLOWUP_LENGTH = timedelta(minutes=30)
INTERVIEW_LENGTH = timedelta(hours=1)
# Calendar apps poll a subscription about this often, if they honour the hint.
REFRESH = timedelta(hours=1)


def _titled(label: str, what: str) -> str:
    """ "Reply to the rejection: Role at Acme", "Still waiting? Role at Acme"."""
    return f"{label} {what}" if label.endswith("?") else f"{label}: {what}"


def _uid(kind: str, pk: int) -> str:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    return f"{kind}-{pk}@{host}"


def _url(application_id: int, anchor: str = "") -> str:
    return settings.SITE_URL + reverse("application_detail", args=[application_id]) + anchor


def _event(
    *, uid: str, stamp: datetime, start: datetime, length: timedelta, summary: str, url: str
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + length)
    event.add("summary", summary)
    event.add("url", url)
    return event


def calendar_ics(*, user: User, now: datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Rebound//Job applications//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Rebound")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")  # the older, Outlook spelling of the same hint
    for followup in calendar_followups(user=user):
        application = followup.application
        assert followup.due_at is not None  # the selector keeps only dated ones
        event = _event(
            uid=_uid("followup", followup.pk),
            # Without a METHOD, DTSTAMP is when the item last changed (RFC 5545 3.8.7.2).
            stamp=followup.updated_at,
            start=followup.due_at,
            length=FOLLOWUP_LENGTH,
            summary=_titled(
                followup.get_kind_display(), f"{application.role} at {application.company}"
            ),
            url=_url(application.pk, f"#followup-{followup.pk}"),
        )
        event.add("description", followup.reason)
        cal.add_component(event)
    for interview in calendar_interviews(user=user, now=now):
        application = interview.application
        cal.add_component(
            _event(
                uid=_uid("interview", interview.pk),
                stamp=interview.created_at,
                start=interview.scheduled_at,
                length=INTERVIEW_LENGTH,
                summary=f"{interview.get_kind_display()} interview: {application.role} at "
                f"{application.company}",
                url=_url(application.pk),
            )
        )
    return cal.to_ical()
