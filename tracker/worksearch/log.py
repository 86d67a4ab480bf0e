"""The work-search log, built from plain facts: one entry per application sent, interview,
follow-up sent and activity, and the count of each week against the user's target.

Pure: no ORM, no clock, no I/O. The selectors hand over what the database holds; this
module decides what each fact says on an agency's form (the method and the result, read
top to bottom as tables) and on which of the user's days it happened.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from django.utils.translation import gettext_lazy

from tracker.worksearch.vocabulary import ActivityKind, EntryKind, Method, Result

# Agencies keep a year of logs; two years covers any period one asks for at once.
MAX_RANGE = timedelta(days=2 * 365 + 1)
RANGE_TOO_LONG = gettext_lazy("Ask for at most two years at once.")
RANGE_BACKWARDS = gettext_lazy("The end of the period must not be before its start.")

# How an application went out, from where the user found it.
SOURCE_METHOD: dict[str, Method] = {
    "job_board": Method.JOB_BOARD,
    "company_site": Method.ONLINE_FORM,
    # A referral is mostly a CV the referrer passes on by email.
    "referral": Method.EMAIL,
    "recruiter_outreach": Method.AGENCY,
    "networking": Method.IN_PERSON,
    "other": Method.OTHER,
}

# What came of an application, from the stage it stands in today.
STAGE_RESULT: dict[str, Result] = {
    "wishlist": Result.PENDING,
    "applied": Result.PENDING,
    # A screening call is the employer's answer: an invitation to talk.
    "screening": Result.INTERVIEW,
    "interviewing": Result.INTERVIEW,
    "offer": Result.OFFER,
    "accepted": Result.OFFER,
    "rejected": Result.REJECTED,
    "ghosted": Result.NO_ANSWER,
    "withdrawn": Result.WITHDRAWN,
}

# What came of an interview: the application's outcome once it has one, else still open
# (a later interview of the same application makes it "invited again").
STAGE_RESULT_AFTER_INTERVIEW: dict[str, Result] = {
    **dict.fromkeys(STAGE_RESULT, Result.PENDING),
    "offer": Result.OFFER,
    "accepted": Result.OFFER,
    "rejected": Result.REJECTED,
    "ghosted": Result.NO_ANSWER,
    "withdrawn": Result.WITHDRAWN,
}

INTERVIEW_METHOD: dict[str, Method] = {
    "phone_screen": Method.PHONE,
    "technical": Method.IN_PERSON,
    "onsite": Method.IN_PERSON,
    "final": Method.IN_PERSON,
}

ACTIVITY_METHOD: dict[ActivityKind, Method] = {
    ActivityKind.NETWORKING: Method.IN_PERSON,
    ActivityKind.JOB_FAIR: Method.IN_PERSON,
    ActivityKind.TRAINING: Method.OTHER,
    ActivityKind.RECRUITER_CALL: Method.PHONE,
    ActivityKind.INFORMATIONAL_INTERVIEW: Method.IN_PERSON,
    ActivityKind.OTHER: Method.OTHER,
}

# The order of a day's entries: what went out before what came of it.
_KIND_ORDER: dict[str, int] = {
    EntryKind.APPLICATION: 0,
    EntryKind.FOLLOW_UP: 1,
    EntryKind.INTERVIEW: 2,
}


@dataclass(frozen=True)
class Employer:
    name: str
    address: str = ""
    phone: str = ""
    website: str = ""
    # The company's id, where the employer is one of the user's companies.
    id: int | None = None

    @property
    def reachable(self) -> bool:
        """Whether a clerk could check with the employer: an address or a phone."""
        return bool(self.address or self.phone)


@dataclass(frozen=True)
class ApplicationFacts:
    id: int
    applied_on: date
    employer: Employer
    position: str
    source: str
    stage: str
    # The person to name when the entry has none of its own: a recruiter, a manager.
    contact: str = ""


@dataclass(frozen=True)
class InterviewFacts:
    at: datetime  # aware
    kind: str
    application: ApplicationFacts
    interviewers: tuple[str, ...] = ()


@dataclass(frozen=True)
class FollowUpFacts:
    sent_at: datetime  # aware
    application: ApplicationFacts
    recipient: str = ""


@dataclass(frozen=True)
class ActivityFacts:
    id: int
    date: date
    kind: ActivityKind
    description: str
    employer: str = ""
    contact: str = ""
    duration_minutes: int | None = None


@dataclass(frozen=True)
class Entry:
    date: date
    # An EntryKind, or the ActivityKind of an activity.
    kind: str
    employer: Employer | None
    position: str
    method: Method
    contact: str
    result: Result
    description: str = ""
    duration_minutes: int | None = None


@dataclass(frozen=True)
class Week:
    start: date
    count: int
    target: int
    # Minutes of the entries whose length is known (activities), for the UK's hours.
    minutes: int
    # Part of the week lies outside the period: fewer days to meet the target in.
    partial: bool

    @property
    def met(self) -> bool:
        return self.count >= self.target


@dataclass(frozen=True)
class Log:
    start: date
    end: date
    target: int
    week_starts_on: int  # Monday is 0
    weeks: tuple[Week, ...]
    entries: tuple[Entry, ...]

    @property
    def count(self) -> int:
        return len(self.entries)

    def employers_to_complete(self) -> list[Employer]:
        """The user's companies in the log with neither an address nor a phone."""
        seen: dict[int, Employer] = {}
        for entry in self.entries:
            employer = entry.employer
            if employer and employer.id is not None and not employer.reachable:
                seen.setdefault(employer.id, employer)
        return sorted(seen.values(), key=lambda e: e.name.lower())


def range_problems(start: date, end: date) -> dict[str, str]:
    """What is wrong with a period, by the field to blame; empty when it is fine."""
    if end < start:
        return {"to": str(RANGE_BACKWARDS)}
    if end - start >= MAX_RANGE:
        return {"to": str(RANGE_TOO_LONG)}
    return {}


def week_start(day: date, week_starts_on: int) -> date:
    """The first day of the week `day` falls in, weeks starting on `week_starts_on`."""
    return day - timedelta(days=(day.weekday() - week_starts_on) % 7)


def local_date(moment: datetime, zone: tzinfo) -> date:
    """The day a moment falls on where the user lives."""
    return moment.astimezone(zone).date()


def build_log(
    *,
    start: date,
    end: date,
    zone: tzinfo,
    target: int,
    week_starts_on: int,
    applications: Iterable[ApplicationFacts] = (),
    interviews: Iterable[InterviewFacts] = (),
    followups: Iterable[FollowUpFacts] = (),
    activities: Iterable[ActivityFacts] = (),
) -> Log:
    """Every fact of the period as an entry, in the order they happened, and the weeks.

    Facts outside the period (on the user's calendar) are left out, so a selector may
    fetch a little more than the period, as it must for moments near midnight.
    """
    interviews = list(interviews)
    entries = [
        *(_application_entry(a) for a in applications),
        *_interview_entries(interviews, zone),
        *(_followup_entry(f, zone) for f in followups),
        *(_activity_entry(a) for a in activities),
    ]
    kept = sorted(
        (e for e in entries if start <= e.date <= end),
        key=lambda e: (e.date, _KIND_ORDER.get(e.kind, 3), e.employer.name if e.employer else ""),
    )
    return Log(
        start=start,
        end=end,
        target=target,
        week_starts_on=week_starts_on,
        weeks=tuple(_weeks(kept, start, end, target, week_starts_on)),
        entries=tuple(kept),
    )


def _weeks(
    entries: Sequence[Entry], start: date, end: date, target: int, week_starts_on: int
) -> Iterable[Week]:
    first = week_start(start, week_starts_on)
    counts: dict[date, int] = {}
    minutes: dict[date, int] = {}
    for entry in entries:
        week = week_start(entry.date, week_starts_on)
        counts[week] = counts.get(week, 0) + 1
        minutes[week] = minutes.get(week, 0) + (entry.duration_minutes or 0)
    week = first
    while week <= end:
        yield Week(
            start=week,
            count=counts.get(week, 0),
            target=target,
            minutes=minutes.get(week, 0),
            partial=week < start or week + timedelta(days=6) > end,
        )
        week += timedelta(days=7)


def _application_entry(application: ApplicationFacts) -> Entry:
    return Entry(
        date=application.applied_on,
        kind=EntryKind.APPLICATION,
        employer=application.employer,
        position=application.position,
        method=SOURCE_METHOD.get(application.source, Method.OTHER),
        contact=application.contact,
        result=STAGE_RESULT.get(application.stage, Result.PENDING),
    )


def _interview_entries(interviews: Sequence[InterviewFacts], zone: tzinfo) -> Iterable[Entry]:
    last_at: dict[int, datetime] = {}
    for interview in interviews:
        key = interview.application.id
        last_at[key] = max(last_at.get(key, interview.at), interview.at)
    for interview in interviews:
        application = interview.application
        if interview.at < last_at[application.id]:
            result = Result.INTERVIEW  # asked back for another round
        else:
            result = STAGE_RESULT_AFTER_INTERVIEW.get(application.stage, Result.PENDING)
        yield Entry(
            date=local_date(interview.at, zone),
            kind=EntryKind.INTERVIEW,
            employer=application.employer,
            position=application.position,
            method=INTERVIEW_METHOD.get(interview.kind, Method.IN_PERSON),
            contact=", ".join(interview.interviewers) or application.contact,
            result=result,
        )


def _followup_entry(followup: FollowUpFacts, zone: tzinfo) -> Entry:
    application = followup.application
    return Entry(
        date=local_date(followup.sent_at, zone),
        kind=EntryKind.FOLLOW_UP,
        employer=application.employer,
        position=application.position,
        method=Method.EMAIL,
        contact=followup.recipient or application.contact,
        result=STAGE_RESULT.get(application.stage, Result.PENDING),
    )


def _activity_entry(activity: ActivityFacts) -> Entry:
    return Entry(
        date=activity.date,
        kind=activity.kind,
        employer=Employer(name=activity.employer) if activity.employer else None,
        position="",
        method=ACTIVITY_METHOD[activity.kind],
        contact=activity.contact,
        result=Result.NONE,
        description=activity.description,
        duration_minutes=activity.duration_minutes,
    )
