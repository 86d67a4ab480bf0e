"""What to send after a rejection (and a few other moments), decided from facts alone.

This module is the product's heart and reads top to bottom like SPEC.md section 2. It is
pure: no ORM, no I/O, no clock. Give it the facts and the current time; it returns the
proposals. Everything that stores, drafts or sends them lives elsewhere.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class Kind(StrEnum):
    NONE = "none"
    REJECTION_REPLY = "rejection_reply"
    KEEP_IN_TOUCH = "keep_in_touch"
    APPLICATION_NUDGE = "application_nudge"
    INTERVIEW_THANK_YOU = "interview_thank_you"
    GHOST_CHECK = "ghost_check"


class Element(StrEnum):
    """The building blocks of a draft, in the order a draft uses them."""

    THANKS = "thanks"
    DISAPPOINTMENT = "disappointment"
    HIGHLIGHT = "highlight"
    FEEDBACK_REQUEST = "feedback_request"
    FUTURE_OPENINGS = "future_openings"


# The vocabulary of the rest of the project, spelled as in SPEC.md section 1.
AUTOMATED, PERSONAL_EMAIL, PHONE, IN_PERSON, UNKNOWN = (
    "automated", "personal_email", "phone", "in_person", "unknown",
)  # fmt: skip
HIRING_MANAGER = "hiring_manager"
INTERVIEW_STAGES = frozenset({"interviewing", "offer", "accepted"})

# Rule 5: a reply is due a day after the rejection; the last reminder when it is two days
# old. Feedback is worth asking for during the first week; any reply during two weeks.
REPLY_COOL_OFF = timedelta(hours=24)
LAST_REMINDER_AFTER = timedelta(hours=48)
FEEDBACK_WINDOW = timedelta(days=7)
REPLY_WINDOW = timedelta(days=14)
# Rule 6: keep in touch about six weeks later, and once more three months after that.
KEEP_IN_TOUCH_AFTER = timedelta(days=45)
KEEP_IN_TOUCH_AGAIN_AFTER = timedelta(days=90)
# Beyond rejection.
NUDGE_AFTER = timedelta(days=7)
NUDGE_COUNT = 2
THANK_YOU_AFTER_INTERVIEW = timedelta(hours=2)
GHOST_AFTER_APPLYING = timedelta(days=21)
GHOST_AFTER_INTERVIEW = timedelta(days=30)
# Reminders land between these local hours; an overdue one goes out at once.
DAY_STARTS, DAY_ENDS = time(9), time(20)


@dataclass(frozen=True)
class Proposal:
    kind: Kind
    reason: str
    # None when nothing is to be sent (kind `none`): the reason is all the user sees.
    due_at: datetime | None = None
    # 1 for the first of its kind; 2 for a second nudge or check-in.
    sequence: int = 1
    elements: tuple[Element, ...] = ()
    recipient_name: str = ""
    recipient_email: str = ""
    # When to remind the user, in order; the last one is the last call.
    reminders: tuple[datetime, ...] = field(default=())

    @property
    def needed(self) -> bool:
        return self.kind is not Kind.NONE


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


def first_name(full_name: str) -> str:
    parts = full_name.split()
    return parts[0] if parts else ""


def rejection_proposals(facts: RejectionFacts) -> list[Proposal]:
    """SPEC.md section 2, rules 1 to 6, in order."""
    # Rule 1: a canned, automated rejection gets no reply. Not saying how it arrived,
    # with nobody named, reads the same way, but the user is invited to correct us.
    if facts.channel == AUTOMATED:
        return [Proposal(Kind.NONE, "A form letter from a no-reply address expects no answer.")]
    if facts.channel == UNKNOWN and not facts.sender_name.strip():
        return [
            Proposal(
                Kind.NONE,
                "Nobody signed this rejection, so it reads as a form letter, which expects "
                "no answer. If a person wrote to you, add their name and Rebound will draft "
                "a reply.",
            )
        ]

    # Rules 2 to 4: a person wrote or called, so they hear back from a person.
    name = facts.sender_name.strip()
    who = first_name(name) or "They"
    interviewed = facts.furthest_stage in INTERVIEW_STAGES
    decided = facts.sender_role == HIRING_MANAGER
    age = facts.now - facts.received_at
    proposals: list[Proposal] = []

    # Rule 5: past two weeks a reply would look out of place; only the later check-in.
    if age > REPLY_WINDOW:
        later = " Rebound suggests a check-in later instead." if interviewed else ""
        proposals.append(
            Proposal(
                Kind.NONE,
                f"The rejection is {age.days} days old: a reply now would look out of place."
                + later,
            )
        )
    else:
        elements = [Element.THANKS]
        reason = f"{who} wrote to you personally: a short thank-you keeps the door open."
        if facts.channel in (PHONE, IN_PERSON):
            reason = f"{who} told you in person: a short thank-you keeps the door open."
        if decided:
            # Rule 3: the decision maker also hears you would like to be considered again.
            elements += [Element.DISAPPOINTMENT, Element.FUTURE_OPENINGS]
            reason += (
                " As the hiring manager, they decide who is considered next time, so say "
                "you would like to be."
            )
        if interviewed:
            # Rule 4: after interviews, name something real and ask for advice...
            elements.append(Element.HIGHLIGHT)
            if age <= FEEDBACK_WINDOW:
                elements.append(Element.FEEDBACK_REQUEST)
                reason += (
                    " You reached the interviews, so ask, without obligation, what would make "
                    "you a stronger candidate."
                )
            else:
                # ...while the question is still fresh (rule 5).
                reason += " It has been over a week, so the draft no longer asks for feedback."
        due = facts.received_at + REPLY_COOL_OFF
        last = facts.received_at + LAST_REMINDER_AFTER
        first_reminder = remind_at(due, now=facts.now, zone=facts.zone)
        reminders = [first_reminder]
        if last > first_reminder:
            reminders.append(remind_at(last, now=facts.now, zone=facts.zone))
        proposals.append(
            Proposal(
                Kind.REJECTION_REPLY,
                reason,
                due_at=due,
                elements=tuple(sorted(set(elements), key=list(Element).index)),
                recipient_name=name,
                recipient_email=facts.sender_email.strip(),
                reminders=tuple(reminders),
            )
        )

    # Rule 6: after an interview-stage rejection by a person, keep in touch, twice at most.
    if interviewed:
        first_due = facts.received_at + KEEP_IN_TOUCH_AFTER
        second_due = first_due + KEEP_IN_TOUCH_AGAIN_AFTER
        for sequence, due, reason in (
            (1, first_due, "You met the team: a short note in about six weeks keeps you in "
             "mind for their future openings."),
            (2, second_due, "A last, friendly check-in, three months after the first."),
        ):  # fmt: skip
            proposals.append(
                Proposal(
                    Kind.KEEP_IN_TOUCH,
                    reason,
                    due_at=due,
                    sequence=sequence,
                    elements=(Element.FUTURE_OPENINGS,),
                    recipient_name=name,
                    recipient_email=facts.sender_email.strip(),
                    reminders=(remind_at(due, now=facts.now, zone=facts.zone),),
                )
            )
    return proposals


def nudge_proposals(*, applied_at: datetime, now: datetime, zone: ZoneInfo) -> list[Proposal]:
    """An application with no movement a week after it went out: a polite nudge, twice."""
    proposals = []
    for sequence in range(1, NUDGE_COUNT + 1):
        due = applied_at + NUDGE_AFTER * sequence
        if due > now:
            break
        proposals.append(
            Proposal(
                Kind.APPLICATION_NUDGE,
                f"No news {(now - applied_at).days} days after applying: a short, friendly "
                "note asking where things stand is reasonable.",
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
    who = ", ".join(interviewer_names) or "the people you met"
    return Proposal(
        Kind.INTERVIEW_THANK_YOU,
        f"A thank-you to {who} within a day of the interview is remembered.",
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
    elif stage == "interviewing":
        quiet_for = GHOST_AFTER_INTERVIEW
    else:
        return None
    due = last_movement_at + quiet_for
    if due > now:
        return None
    return Proposal(
        Kind.GHOST_CHECK,
        f"Nothing has moved for {(now - last_movement_at).days} days. Mark it ghosted to "
        "keep your board honest, or keep waiting.",
        due_at=due,
        reminders=(remind_at(due, now=now, zone=zone),),
    )
