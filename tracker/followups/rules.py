"""What to send after a rejection (and a few other moments), decided from facts alone.

This module is the product's heart and reads top to bottom as the rules are numbered in
the product's contract: 1, an automated rejection gets no reply; 5, when a reply is due;
6, keeping in touch; 7, an undone rejection takes its follow-ups with it. It is pure: no
ORM, no I/O, no clock. Give it the facts and the current time; it returns the proposals.
Everything that stores, drafts or sends them lives elsewhere.

The reasons are written in the active language (the proposal service turns on the user's):
each is one whole sentence with named placeholders, so a translator can reorder it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from django.utils.translation import gettext, gettext_noop, ngettext, pgettext

from tracker.followups import vocabulary
from tracker.followups.kinds import Door, Element, Kind, Topic
from tracker.followups.names import name_key, read_name
from tracker.followups.said import Said, read_said
from tracker.mail import addresses
from tracker.mail.vocabulary import RejectionChannel, SenderRole

# Channels and roles are spelled once, in the mail room; stages in vocabulary.py.
INTERVIEW_STAGES = vocabulary.INTERVIEW_STAGES


def welcomed(said: Said) -> Door | None:
    """The door the email itself opened, if any."""
    if said.team or said.when or said.hiring_later:
        return Door.PLANS
    if said.stay_in_touch:
        return Door.STAY_IN_TOUCH
    if said.apply_again:
        return Door.INVITED
    if said.on_file:
        return Door.ON_FILE
    if said.keep_in_mind:
        return Door.KEPT_IN_MIND
    return None


# Rule 5: a reply is due a day after the rejection; the last reminder when it is two days
# old. Feedback is worth asking for during the first week; any reply during two weeks.
REPLY_COOL_OFF = timedelta(hours=24)
LAST_REMINDER_AFTER = timedelta(hours=48)
FEEDBACK_WINDOW = timedelta(days=7)
# A reply written this long after the news says sorry for the wait, in a few words.
LATE_AFTER = timedelta(days=3)
REPLY_WINDOW = timedelta(days=14)
# Rule 6: keep in touch about six weeks later, and once more three months after that.
KEEP_IN_TOUCH_AFTER = timedelta(days=45)
KEEP_IN_TOUCH_AGAIN_AFTER = timedelta(days=90)
# Then, only if the user wants it, every two to three months, one person per note.
TOUCH_AGAIN_SOONEST = timedelta(days=61)
TOUCH_AGAIN_LATEST = timedelta(days=91)
FIRST_TOUCH_AGAIN = 3
# LinkedIn, if the user wants the step: the day after the interview, once the thank-you
# has gone, so the invitation is not the first thing they hear.
LINKEDIN_AFTER = timedelta(days=1)
# Beyond rejection.
NUDGE_AFTER = timedelta(days=7)
NUDGE_COUNT = 2
THANK_YOU_AFTER_INTERVIEW = timedelta(hours=2)
GHOST_AFTER_APPLYING = timedelta(days=21)
GHOST_AFTER_SCREENING = timedelta(days=21)
GHOST_AFTER_INTERVIEW = timedelta(days=30)
# Reminders land between these local hours; an overdue one goes out at once.
DAY_STARTS, DAY_ENDS = time(9), time(20)


@dataclass(frozen=True)
class Proposal:
    kind: Kind
    reason: str
    # None when nothing is to be sent (kind `none`): the reason is all the user sees.
    due_at: datetime | None = None
    # 1 for the first of its kind; 2 for a second nudge or check-in; 3 on, the later notes.
    sequence: int = 1
    elements: tuple[Element, ...] = ()
    recipient_name: str = ""
    recipient_email: str = ""
    # When to remind the user, in order; the last one is the last call.
    reminders: tuple[datetime, ...] = field(default=())
    # How the draft words its future-openings line, and what the email named, if anything.
    door: "Door | None" = None
    team: str = ""
    when: str = ""
    # Proposed days after the news (logged late): the draft apologises for the wait.
    late: bool = False
    # A later keep-in-touch note: what it is about, and how many months since they met.
    topic: Topic | None = None
    months: int = 0

    @property
    def needed(self) -> bool:
        return self.kind is not Kind.NONE


@dataclass(frozen=True)
class Meeting:
    """One logged interview: its round, when, and the interviewers' names as typed."""

    kind: str
    at: datetime
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class RejectionFacts:
    channel: str
    sender_role: str
    sender_name: str
    sender_email: str
    furthest_stage: str
    received_at: datetime
    now: datetime
    zone: ZoneInfo
    # The rejection email as saved, and the company (a sender named like it is no person).
    message: str = ""
    company: str = ""
    meetings: tuple[Meeting, ...] = ()


def meetings_with(meetings: tuple[Meeting, ...], person: str) -> tuple[Meeting, ...]:
    """The rounds `person` was part of: the only ones a draft to them may name people from."""
    key = name_key(person)
    if not key:
        return ()
    return tuple(m for m in meetings if any(name_key(p) == key for p in m.people))


def remind_at(moment: datetime, *, now: datetime, zone: ZoneInfo) -> datetime:
    """When to tell the user about something due at `moment`.

    At once if it is already due; otherwise at `moment` if that falls in the local day,
    or else at the start of the next local day (nobody wants a 3 a.m. reminder).
    """
    if moment <= now:
        return now
    local = moment.astimezone(zone)
    if local.time() < DAY_STARTS:
        return _local(local.date(), DAY_STARTS, zone)
    if local.time() >= DAY_ENDS:
        return _local(local.date() + timedelta(days=1), DAY_STARTS, zone)
    return moment


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone)


def tomorrow_morning(*, now: datetime, zone: ZoneInfo) -> datetime:
    """ "Tomorrow 9:00", in the user's own time zone: the snooze a busy person picks."""
    return _local(now.astimezone(zone).date() + timedelta(days=1), DAY_STARTS, zone)


@dataclass(frozen=True)
class _Case:
    """A rejection's facts, read once: what every row of the table below asks about."""

    facts: RejectionFacts
    name: str
    who: str
    person: bool
    said: Said
    interviewed: bool
    met: tuple[Meeting, ...]
    age: timedelta

    @classmethod
    def of(cls, facts: RejectionFacts) -> "_Case":
        name = " ".join(facts.sender_name.split())
        read = read_name(name, company=facts.company)
        return cls(
            facts=facts,
            name=name,
            # Empty when nobody in particular wrote: the reason then says "they".
            who=read.given or ("" if read.group or not name else name),
            person=bool(name) and not read.group,
            said=read_said(facts.message),
            interviewed=facts.furthest_stage in INTERVIEW_STAGES,
            # Only rounds that had happened when the rejection came count as met.
            met=tuple(m for m in facts.meetings if m.at <= facts.received_at),
            age=facts.now - facts.received_at,
        )

    @property
    def decided(self) -> bool:
        return self.facts.sender_role == SenderRole.HIRING_MANAGER

    @property
    def places(self) -> bool:
        return self.facts.sender_role in vocabulary.PLACES_CANDIDATES

    @property
    def fresh(self) -> bool:
        return self.age <= FEEDBACK_WINDOW

    @property
    def door(self) -> Door | None:
        if self.said.door_open:
            return welcomed(self.said)
        if self.decided:
            return Door.CONSIDER_AGAIN
        if self.places:
            return Door.OTHER_ROLES
        return None

    @property
    def heard(self) -> str:
        """How the news came, and that a thank-you is due: a call is a call."""
        channel, who = self.facts.channel, {"who": self.who}
        if channel == RejectionChannel.PHONE:
            if self.who:
                return gettext("%(who)s called you: a short thank-you keeps the door open.") % who
            return gettext("They called you: a short thank-you keeps the door open.")
        if channel == RejectionChannel.IN_PERSON:
            if self.who:
                return (
                    gettext("%(who)s told you in person: a short thank-you keeps the door open.")
                    % who
                )
            return gettext("They told you in person: a short thank-you keeps the door open.")
        if self.who:
            return (
                gettext("%(who)s wrote to you personally: a short thank-you keeps the door open.")
                % who
            )
        return gettext("They wrote to you personally: a short thank-you keeps the door open.")

    @property
    def opened(self) -> str:
        """What the email said about the future, as the reason repeats it."""
        said = self.said
        if said.team or said.when:
            return gettext(
                "They mentioned hiring again (%(plans)s): the reply welcomes it instead of "
                "asking for it."
            ) % {"plans": _plans(said)}
        if said.stay_in_touch:
            return gettext(
                "They said they would like to stay in touch: the reply welcomes it instead of "
                "asking for it."
            )
        if said.apply_again:
            return gettext(
                "They invited you to apply again: the reply welcomes it instead of asking for it."
            )
        if said.on_file:
            return gettext(
                "They said they will keep your details on file: the reply welcomes it instead "
                "of asking for it."
            )
        if said.keep_in_mind:
            return gettext(
                "They said they will keep you in mind: the reply welcomes it instead of asking "
                "for it."
            )
        return gettext(
            "They said they will be hiring again: the reply welcomes it instead of asking for it."
        )


def _plans(said: Said) -> str:
    """The plans an email named, as the reason quotes them: its team, its time."""
    team = gettext("the %(team)s") % {"team": said.team} if said.team else ""
    return ", ".join(filter(None, [team, said.when]))


def _form_letter_reason(address: str) -> str:
    """Why a form letter gets no answer, in terms of what is known: the address it came
    from, else only that the user called it one."""
    if not address:
        return gettext("You marked it a form letter: no reply is expected.")
    if addresses.is_no_reply(address):
        return gettext("A form letter from a no-reply address (%(address)s) expects no answer.") % {
            "address": address
        }
    if addresses.is_ats(address):
        return gettext(
            "A form letter sent by an applicant-tracking system (%(address)s) expects no answer."
        ) % {"address": address}
    return gettext("Marked a form letter (from %(address)s): no reply is expected.") % {
        "address": address
    }


# Rule 1: a canned, automated rejection gets no reply. Not saying how it arrived, with
# nobody (or only a team) named, reads the same way, but the user is invited to correct it.
def form_letter(case: _Case) -> Proposal | None:
    if case.facts.channel == RejectionChannel.AUTOMATED:
        return Proposal(Kind.NONE, _form_letter_reason(case.facts.sender_email.strip()))
    if case.facts.channel == RejectionChannel.UNKNOWN and not case.person:
        if case.name:
            signed = gettext(
                "It is signed by %(name)s, not a person, so this rejection reads as a form "
                "letter, which expects no answer."
            ) % {"name": case.name}
        else:
            signed = gettext(
                "Nobody signed it, so this rejection reads as a form letter, which expects no "
                "answer."
            )
        fix = gettext("If a person wrote to you, add their name and Rebound will draft a reply.")
        return Proposal(Kind.NONE, f"{signed} {fix}")
    return None


# Rules 2 to 4 and what the email said: which elements the reply carries, in draft order.
_ELEMENT_ROWS: tuple[tuple[Element, Callable[[_Case], bool]], ...] = (
    (Element.THANKS, lambda c: True),
    (Element.DISAPPOINTMENT, lambda c: c.decided),
    # Only something real: a logged round that had happened, never a generic line.
    (Element.HIGHLIGHT, lambda c: c.interviewed and bool(c.met)),
    (
        Element.FEEDBACK_REQUEST,
        lambda c: c.interviewed and c.fresh and not c.said.answers_feedback,
    ),
    (Element.FUTURE_OPENINGS, lambda c: c.door is not None),
)

# Why, row by row, in the order the user reads it.
_REASON_ROWS: tuple[tuple[Callable[[_Case], bool], Callable[[_Case], str]], ...] = (
    (lambda c: True, lambda c: c.heard),
    (
        lambda c: c.decided and not c.said.door_open,
        lambda c: gettext(
            "As the hiring manager, they decide who is considered next time, so say "
            "you would like to be."
        ),
    ),
    (lambda c: c.said.door_open, lambda c: c.opened),
    (
        lambda c: c.places and not c.said.door_open,
        lambda c: gettext(
            "Recruiters and HR place people across teams, so ask them to keep you in "
            "mind for other roles."
        ),
    ),
    (
        lambda c: c.interviewed and c.fresh and not c.said.answers_feedback,
        lambda c: gettext(
            "You reached the interviews, so ask, without obligation, what would make "
            "you a stronger candidate."
        ),
    ),
    (
        lambda c: bool(c.said.taken_up),
        lambda c: (
            gettext("The reply takes up what they said: %(items)s.")
            # French sets a space before its semicolon: the separator is the language's.
            % {"items": pgettext("between the items of a list", "; ").join(c.said.taken_up)}
        ),
    ),
    (
        lambda c: c.interviewed and c.said.reason_given,
        lambda c: gettext(
            "They already gave their reason, so the draft does not ask for feedback."
        ),
    ),
    (
        lambda c: c.interviewed and c.said.no_feedback and not c.said.reason_given,
        lambda c: gettext("They give no individual feedback, so the draft does not ask for it."),
    ),
    (
        lambda c: c.interviewed and not c.fresh and not c.said.answers_feedback,
        lambda c: gettext("It has been over a week, so the draft no longer asks for feedback."),
    ),
    (
        lambda c: c.age > LATE_AFTER,
        lambda c: (
            ngettext(
                "It is %(days)d day since they told you, so the draft says sorry for the wait "
                "in a few words.",
                "It is %(days)d days since they told you, so the draft says sorry for the wait "
                "in a few words.",
                c.age.days,
            )
            % {"days": c.age.days}
        ),
    ),
)


def reply(case: _Case) -> Proposal:
    """Rules 2 to 5: the thank-you, or nothing once two weeks have passed."""
    facts = case.facts
    if case.age > REPLY_WINDOW:
        days = case.age.days
        old = ngettext(
            "The rejection is %(days)d day old: a reply now would look out of place.",
            "The rejection is %(days)d days old: a reply now would look out of place.",
            days,
        ) % {"days": days}
        if case.interviewed:
            later = gettext("Rebound suggests a check-in later instead.")
            old = f"{old} {later}"
        return Proposal(Kind.NONE, old)
    due = facts.received_at + REPLY_COOL_OFF
    first = remind_at(due, now=facts.now, zone=facts.zone)
    last = facts.received_at + LAST_REMINDER_AFTER
    reminders = (
        (first, remind_at(last, now=facts.now, zone=facts.zone)) if last > first else (first,)
    )
    return Proposal(
        Kind.REJECTION_REPLY,
        " ".join(text(case) for applies, text in _REASON_ROWS if applies(case)),
        due_at=due,
        elements=tuple(element for element, applies in _ELEMENT_ROWS if applies(case)),
        recipient_name=case.name,
        recipient_email=facts.sender_email.strip(),
        reminders=reminders,
        door=case.door,
        team=case.said.team,
        when=case.said.when,
        late=case.age > LATE_AFTER,
    )


def keep_in_touch(case: _Case) -> list[Proposal]:
    """Rule 6: after an interview-stage rejection by a person, twice at most."""
    if not case.interviewed:
        return []
    facts = case.facts
    first_due = facts.received_at + KEEP_IN_TOUCH_AFTER
    second_due = first_due + KEEP_IN_TOUCH_AGAIN_AFTER
    reasons = (_first_note_reason(case), _second_note_reason(case))
    return [
        Proposal(
            Kind.KEEP_IN_TOUCH,
            reason,
            due_at=due,
            sequence=sequence,
            elements=(Element.FUTURE_OPENINGS,),
            recipient_name=case.name,
            recipient_email=facts.sender_email.strip(),
            reminders=(remind_at(due, now=facts.now, zone=facts.zone),),
            door=welcomed(case.said) or (Door.OTHER_ROLES if case.places else Door.CONSIDER_AGAIN),
            team=case.said.team,
            when=case.said.when,
        )
        for sequence, due, reason in zip((1, 2), (first_due, second_due), reasons, strict=True)
    ]


def _first_note_reason(case: _Case) -> str:
    theirs = meetings_with(case.met, case.name)
    if theirs:
        # The month in the user's language: "You met Dana in March", "im März".
        met = gettext("You met %(who)s in %(month)s") % {
            "who": case.who,
            "month": month_name(theirs[-1].at.astimezone(case.facts.zone)),
        }
    elif case.met:
        met = gettext("You reached the interviews in %(month)s") % {
            "month": month_name(case.met[-1].at.astimezone(case.facts.zone))
        }
    else:
        met = gettext("You reached the interviews")
    if case.said.team:
        return gettext(
            "%(met)s: a short note in about six weeks keeps you in mind for the next openings "
            "in the %(team)s."
        ) % {"met": met, "team": case.said.team}
    if case.facts.company:
        return gettext(
            "%(met)s: a short note in about six weeks keeps you in mind for the next openings "
            "at %(company)s."
        ) % {"met": met, "company": case.facts.company}
    return gettext(
        "%(met)s: a short note in about six weeks keeps you in mind for their next openings."
    ) % {"met": met}


# Django's own catalogues name the months in every language it speaks.
_MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)


def month_name(day: date) -> str:
    """The month as the active language names it ("März", "mars")."""
    return gettext(_MONTHS[day.month - 1])


def _second_note_reason(case: _Case) -> str:
    said = case.said
    if case.places and not said.door_open:
        return gettext(
            "A last check-in three months later, asking whether a role that fits you has come "
            "up: recruiters and HR know what is opening."
        )
    if said.team or said.when:
        return gettext(
            "A last check-in three months later, asking whether the plans they mentioned "
            "(%(plans)s) still stand, rather than repeating the first note."
        ) % {"plans": _plans(said)}
    return gettext(
        "A last check-in three months later, asking who at the company is best to stay in "
        "touch with, rather than repeating the first note."
    )


def rejection_proposals(facts: RejectionFacts) -> list[Proposal]:
    """The rules, 1 to 6: the table above, row by row."""
    case = _Case.of(facts)
    nothing = form_letter(case)
    if nothing is not None:
        return [nothing]
    return [reply(case), *keep_in_touch(case)]


# Rule 6, continued: after the two notes, if the user asked for it, one more note every
# two to three months, for as long as they want.


class NoteState(StrEnum):
    OPEN = "open"  # proposed or snoozed: still to send
    DONE = "done"  # sent or skipped: the next one may follow
    STOPPED = "stopped"  # cancelled: the user said stop, or the rejection was undone


@dataclass(frozen=True)
class Note:
    """A keep-in-touch note already proposed on the application."""

    sequence: int
    to: str  # the reader, as person_key gives it
    state: NoteState
    due_at: datetime | None = None
    # When it was sent or skipped.
    done_at: datetime | None = None


@dataclass(frozen=True)
class Person:
    """Someone on the application the user could write to."""

    name: str
    email: str = ""
    role: str = SenderRole.UNKNOWN
    # They wrote to the user (the rejection, or mail the inbox kept from them).
    wrote: bool = False
    # What their letter said, when the rejection was theirs.
    said: Said = field(default_factory=Said)


@dataclass(frozen=True)
class TouchFacts:
    notes: tuple[Note, ...]
    people: tuple[Person, ...]
    meetings: tuple[Meeting, ...]
    role: str
    # When the user first met or heard from them: the notes count the months from it.
    since: datetime
    now: datetime
    zone: ZoneInfo
    seed: int = 0
    # The user asked to keep in touch with this one person (their key), not the application.
    only: str = ""
    # The keep-in-touch notes of the user's other applications: someone waiting for one
    # there, or who had one lately, is not written to again from here yet.
    elsewhere: tuple[Note, ...] = ()


def person_key(name: str, email: str) -> str:
    """One person, however a note or a contact spells them: the address, else the name."""
    return email.strip().lower() or name_key(name)


# Who hears from the user, when several could: the one who decides before the one who
# places, among those who wrote; someone who wrote before someone who only interviewed.
_WHO_FIRST = (
    SenderRole.HIRING_MANAGER,
    SenderRole.INTERVIEWER,
    SenderRole.RECRUITER,
    SenderRole.HR,
)


def _rank(person: Person) -> tuple[bool, int]:
    order = next((i for i, role in enumerate(_WHO_FIRST) if role == person.role), len(_WHO_FIRST))
    return (not person.wrote, order)


def touch_reader(facts: TouchFacts) -> Person | None:
    """Who the next note goes to: one person, not already waiting for a note elsewhere."""
    people = [
        p
        for p in sorted(facts.people, key=_rank)
        if (p.wrote or p.email) and person_key(p.name, p.email)
    ]
    if facts.only:
        people = [p for p in people if person_key(p.name, p.email) == facts.only]
    busy = {n.to for n in facts.elsewhere if n.state is NoteState.OPEN}
    return next((p for p in people if person_key(p.name, p.email) not in busy), None)


def touch_topics(person: Person, meetings: tuple[Meeting, ...]) -> tuple[Topic, ...]:
    """What a note to `person` can be about, all of it real: the rounds they were in, the
    plans and the words they wrote, and always the role."""
    topics = []
    if meetings_with(meetings, person.name):
        topics.append(Topic.MET)
    if person.said.team or person.said.when:
        topics.append(Topic.PLANS)
    if person.said.praise or person.said.event:
        topics.append(Topic.SAID)
    return (*topics, Topic.ROLE)


def touch_gap(seed: int, sequence: int) -> timedelta:
    """Two to three months, not always the same, so the notes never read like a timer."""
    days = (TOUCH_AGAIN_LATEST - TOUCH_AGAIN_SOONEST).days
    return TOUCH_AGAIN_SOONEST + timedelta(days=(seed * 7 + sequence * 11) % (days + 1))


def months_between(start: datetime, end: datetime) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def next_touch(facts: TouchFacts) -> Proposal | None:
    """The next note, once the two notes are behind and the last one was sent or skipped;
    None while one is still open, after a stop, or with nobody free to write to."""
    if not facts.notes or any(n.state is NoteState.OPEN for n in facts.notes):
        return None
    last = max(facts.notes, key=lambda n: n.sequence)
    if last.sequence < FIRST_TOUCH_AGAIN - 1 or last.state is not NoteState.DONE:
        return None
    reader = touch_reader(facts)
    if reader is None:
        return None
    sequence = last.sequence + 1
    after = _moment(last) or facts.now
    due = max(after + touch_gap(facts.seed, sequence), facts.now)
    # Two to three months apart for the reader too, whichever application wrote last.
    key = person_key(reader.name, reader.email)
    theirs = [m for n in facts.elsewhere if n.to == key and (m := _moment(n))]
    if theirs:
        due = max(due, max(theirs) + TOUCH_AGAIN_SOONEST)
    return touch_again(facts, reader=reader, sequence=sequence, due_at=due)


def _moment(note: Note) -> datetime | None:
    """When a note was last a matter: sent or skipped, else due."""
    return max(filter(None, (note.due_at, note.done_at)), default=None)


def touch_again(facts: TouchFacts, *, reader: Person, sequence: int, due_at: datetime) -> Proposal:
    """The note itself: to `reader`, about the topic its turn comes to."""
    topics = touch_topics(reader, facts.meetings)
    topic = topics[(sequence - FIRST_TOUCH_AGAIN) % len(topics)]
    said = reader.said
    who = (
        gettext(
            "%(name)s, the hiring manager, hears from you rather than the recruiter: "
            "they decide who is considered next time."
        )
        if reader.role == SenderRole.HIRING_MANAGER
        and any(p.role in vocabulary.PLACES_CANDIDATES for p in facts.people if p.wrote)
        else gettext("One person per note: this one goes to %(name)s.")
    )
    about = {
        Topic.MET: gettext("It recalls when you met, in %(month)s."),
        Topic.PLANS: gettext("It asks about the plans they named (%(plans)s)."),
        Topic.SAID: gettext("It takes up what they wrote to you."),
        Topic.ROLE: gettext("It asks how the %(role)s role turned out."),
    }[topic]
    every = gettext("You asked to keep in touch every two to three months; one click stops it.")
    theirs = meetings_with(facts.meetings, reader.name)
    month = month_name(theirs[-1].at.astimezone(facts.zone)) if theirs else ""
    plans = ", ".join(filter(None, [said.team, said.when]))
    values = {"name": " ".join(reader.name.split()) or reader.email, "month": month}
    values |= {"plans": plans, "role": " ".join(facts.role.split())}
    return Proposal(
        Kind.KEEP_IN_TOUCH,
        " ".join((who, about, every)) % values,
        due_at=due_at,
        sequence=sequence,
        elements=(Element.FUTURE_OPENINGS,),
        recipient_name=" ".join(reader.name.split()),
        recipient_email=reader.email.strip(),
        reminders=(remind_at(due_at, now=facts.now, zone=facts.zone),),
        door=welcomed(said)
        or (
            Door.OTHER_ROLES if reader.role in vocabulary.PLACES_CANDIDATES else Door.CONSIDER_AGAIN
        ),
        team=said.team,
        when=said.when,
        topic=topic,
        months=months_between(facts.since, due_at),
    )


def linkedin_proposal(
    *, interview_at: datetime, name: str, email: str, now: datetime, zone: ZoneInfo
) -> Proposal:
    """The LinkedIn step: an invitation to someone the user met, never a bare one."""
    due = interview_at + LINKEDIN_AFTER
    reason = gettext(
        "You met %(name)s at the interview: an invitation to connect on LinkedIn, "
        "with a short personal note, keeps the contact whatever the outcome."
    ) % {"name": " ".join(name.split())}
    return Proposal(
        Kind.LINKEDIN,
        reason,
        due_at=due,
        elements=(Element.HIGHLIGHT,),
        recipient_name=" ".join(name.split()),
        recipient_email=email.strip(),
        reminders=(remind_at(due, now=now, zone=zone),),
    )


def nudge_proposals(
    *, applied_at: datetime, now: datetime, zone: ZoneInfo, stage: str = "applied"
) -> list[Proposal]:
    """An application with no movement a week after it went out (or after a screening
    call): a polite nudge, twice. Once it has been quiet as long as a ghost check waits,
    a nudge's moment has passed: the ghost check asks the better question."""
    quiet_for = GHOST_AFTER_SCREENING if stage == "screening" else GHOST_AFTER_APPLYING
    if now - applied_at >= quiet_for:
        return []
    days = (now - applied_at).days
    if stage == "screening":
        reason = ngettext(
            "No news %(days)d day after your screening call: a short, friendly note asking "
            "where things stand is reasonable.",
            "No news %(days)d days after your screening call: a short, friendly note asking "
            "where things stand is reasonable.",
            days,
        )
    else:
        reason = ngettext(
            "No news %(days)d day after applying: a short, friendly note asking where things "
            "stand is reasonable.",
            "No news %(days)d days after applying: a short, friendly note asking where things "
            "stand is reasonable.",
            days,
        )
    proposals = []
    for sequence in range(1, NUDGE_COUNT + 1):
        due = applied_at + NUDGE_AFTER * sequence
        if due > now:
            break
        proposals.append(
            Proposal(
                Kind.APPLICATION_NUDGE,
                reason % {"days": days},
                due_at=due,
                sequence=sequence,
                reminders=(remind_at(due, now=now, zone=zone),),
            )
        )
    return proposals


def interview_thank_you_proposal(
    *, interview_at: datetime, interviewer_names: list[str], now: datetime, zone: ZoneInfo
) -> Proposal:
    """A thank-you after an interview, due a couple of hours after it (within the day)."""
    due = interview_at + THANK_YOU_AFTER_INTERVIEW
    if interviewer_names:
        reason = gettext(
            "A thank-you to %(names)s within a day of the interview is remembered."
        ) % {"names": ", ".join(interviewer_names)}
    else:
        reason = gettext(
            "A thank-you to the people you met within a day of the interview is remembered."
        )
    return Proposal(
        Kind.INTERVIEW_THANK_YOU,
        reason,
        due_at=due,
        elements=(Element.THANKS, Element.HIGHLIGHT),
        recipient_name=interviewer_names[0] if len(interviewer_names) == 1 else "",
        reminders=(remind_at(due, now=now, zone=zone),),
    )


def ghost_check_proposal(
    *, stage: str, last_movement_at: datetime, now: datetime, zone: ZoneInfo
) -> Proposal | None:
    """Ask the user whether a silent application should be marked ghosted."""
    if stage == "applied":
        quiet_for = GHOST_AFTER_APPLYING
    elif stage == "screening":
        quiet_for = GHOST_AFTER_SCREENING
    elif stage == "interviewing":
        quiet_for = GHOST_AFTER_INTERVIEW
    else:
        return None
    due = last_movement_at + quiet_for
    if due > now:
        return None
    days = (now - last_movement_at).days
    return Proposal(
        Kind.GHOST_CHECK,
        ngettext(
            "Nothing has moved for %(days)d day. Mark it ghosted to keep your board honest, "
            "or keep waiting.",
            "Nothing has moved for %(days)d days. Mark it ghosted to keep your board honest, "
            "or keep waiting.",
            days,
        )
        % {"days": days},
        due_at=due,
        reminders=(remind_at(due, now=now, zone=zone),),
    )
