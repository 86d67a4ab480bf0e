"""The words of a follow-up: a short email in the user's voice, composed from facts alone.

The rules module decides what to send, which elements it carries and how its
future-openings line is put; this module only writes it. Pure: no ORM, no I/O.

Each sentence has a few wordings. Which one a draft uses is chosen from the application
(its id, the `seed`), so the same draft rebuilt reads the same, while two replies to two
companies do not read alike: consecutive applications always differ in their first
sentence, and in the rest within any run of a few hundred.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from tracker.followups.kinds import Door, Element, Kind
from tracker.followups.names import given_name, name_key
from tracker.followups.rules import Meeting, meetings_with
from tracker.followups.vocabulary import CALLS, SPOKEN
from tracker.mail.vocabulary import RejectionChannel

UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class DraftFacts:
    kind: Kind
    elements: tuple[Element, ...]
    # 1 for the first of its kind; 2 for the second and last keep-in-touch or nudge.
    sequence: int
    # Full name as typed, or "" when nobody is named.
    recipient_name: str
    role: str
    company: str
    # The user, who signs the draft.
    sender_name: str
    # How the rejection arrived (a reply to an email is "Re:"; a call gets a new message).
    channel: str = ""
    door: Door | None = None
    # What the email named about hiring later (English only): "Platform team", "in Q2".
    team: str = ""
    when: str = ""
    # The logged interviews that had happened, oldest first.
    meetings: tuple[Meeting, ...] = ()
    zone: ZoneInfo = UTC
    # The reply comes days after the news: a few words of sorry for the wait.
    late: bool = False
    # The application's id: picks the wording, stably.
    seed: int = 0


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str


# --- The wordings ----------------------------------------------------------------------
# Placeholders: {role} {company} {the_role} ("the X role" or "the role"), {team} {when}
# {month} {met} ("you and Lee"), {rounds} ("the onsite"). Each tuple is one sentence.

THANKS_EMAIL = (
    "Thank you for letting me know, and for considering me for {the_role}.",
    "Thanks for telling me personally, and for the time you gave my application for {the_role}.",
    "Thank you for your note, and for considering me for {the_role} at {company}.",
)
THANKS_CALL = (
    "Thank you for calling to let me know, and for considering me for {the_role}.",
    "Thanks for taking the time to call me about {the_role}; I appreciated hearing it from you.",
    "Thank you for the call about {the_role}, and for considering me.",
)
THANKS_IN_PERSON = (
    "Thank you for telling me in person, and for considering me for {the_role}.",
    "Thanks for letting me know face to face about {the_role}; I appreciated it.",
    "Thank you for taking the time to tell me yourself, and for considering me for {the_role}.",
)
LATE = (
    "I'm sorry for the slow reply.",
    "Apologies for taking a while to write back.",
    "Sorry it has taken me a while to reply.",
)
DISAPPOINTMENT = (
    "I'm a little disappointed, as I was excited about the role, but I respect your decision.",
    "It's disappointing news, as I was keen on the role, but I understand your decision.",
    "I won't pretend I'm not a bit disappointed, but I understand and respect the decision.",
)
MET_IN_PERSON = (
    "It was a pleasure to meet {met} during {rounds}.",
    "I enjoyed meeting {met} during {rounds}.",
    "Meeting {met} during {rounds} was a highlight of the process for me.",
)
SPOKE_ON_CALL = (
    "I enjoyed speaking with {met} on {rounds}.",
    "I really enjoyed our conversation on {rounds}.",
    "Speaking with {met} on {rounds} was a pleasure.",
)
ROUNDS_ONLY = (
    "I enjoyed {rounds}, and I learned a lot from them.",
    "I got a lot out of {rounds}.",
    "I'm grateful for the chance to take part in {rounds}.",
)
FEEDBACK_REQUEST = (
    "If you have a moment, and with no obligation at all, I'd be grateful for any advice on "
    "what would make me a stronger candidate.",
    "If you're able to share it, with no obligation, I'd value any advice on what would make "
    "me a stronger candidate next time.",
    "Should you have a minute, and only if it's no trouble, I'd welcome any pointers on where "
    "I could be stronger.",
)
FUTURE = {
    Door.CONSIDER_AGAIN: (
        "I'd still very much like to work at {company} and would be glad to be considered for "
        "future openings that fit.",
        "{company} remains a place I'd love to work, so I'd be glad to be considered if a "
        "suitable role opens up.",
        "If a similar role opens up, I would be glad to be considered again.",
    ),
    Door.OTHER_ROLES: (
        "Please keep me in mind for other roles at {company} that fit my background.",
        "If another role at {company} comes up that fits my background, I'd be grateful if "
        "you kept me in mind.",
        "I'd be glad to hear about other roles at {company} where my background could fit.",
    ),
    Door.PLANS: (
        "I'm glad to hear {plans}, and I'd love to be considered then.",
        "It's good to know {plans}; I'll keep an eye out, and I'd be glad to be considered.",
        "I was glad to read {plans}, and I'd welcome the chance to be considered.",
    ),
    Door.INVITED: (
        "I'm glad you'd welcome another application, and I'll keep an eye on roles at {company}.",
        "Thank you for the invitation to apply again; I'll certainly look out for the next "
        "opening.",
        "I appreciate the encouragement to apply again, and I will when the right role comes up.",
    ),
    Door.KEPT_IN_MIND: (
        "I'm glad you'll keep me in mind, and I'd be happy to hear from you if something fits.",
        "Thank you for keeping me in mind; I'd be very glad to hear from you when something "
        "comes up.",
        "It means a lot that you'll keep me in mind, and I'd welcome hearing about a future role.",
    ),
}
REPLY_CLOSING = (
    "I wish you and the team all the best.",
    "Thanks again for your time.",
    "Best of luck to you and the team.",
)
# Keep in touch: the first note reminds them who you are; the last asks something new.
KEEP_IN_TOUCH_OPENING = (
    "I hope you and the team at {company} are doing well. It's been a few weeks since {since}, "
    "and I wanted to stay in touch.",
    "I hope all is well at {company}. I wanted to stay in touch after {since}.",
    "I hope things are going well at {company}. I've thought about our conversations since "
    "{since}, and wanted to stay in touch.",
)
KEEP_IN_TOUCH_FUTURE = (
    "I'm still very interested in {company} and would welcome hearing about openings that fit "
    "my background.",
    "If a similar role opens up at {company}, I'd be glad to hear about it.",
    "My interest in {company} hasn't changed, so I'd be glad to hear about any role that fits.",
)
KEEP_IN_TOUCH_PLANS = (
    "When {plans_team} starts hiring, as you mentioned, I'd love to be considered.",
    "I'd be glad to hear when {plans_team} starts hiring, as you mentioned it might.",
    "You mentioned that {plans_team} may be hiring, and I'd love to be considered when it does.",
)
LAST_NOTE_OPENING = (
    "I hope all is well at {company}. It's been a few months since {since}, so I'll keep this "
    "short.",
    "I hope you're well. A short note, a few months after {since}.",
    "I hope the year is going well for you and the team at {company}.",
)
# Months later "early next year" may mean another year: the notes name the team, not the time.
LAST_NOTE_PLANS = (
    "Has {plans_team} started hiring for the roles you mentioned? If so, I'd love to be part "
    "of the conversation.",
    "Are the plans you mentioned for {plans_team} still on? I'd be glad to be considered.",
    "Is {plans_team} still planning to hire? I'd love to be considered if so.",
)
LAST_NOTE_ROLES = (
    "Are there any roles coming up at {company} that might fit my background? I'd be glad to "
    "hear about them.",
    "Has anything opened up at {company} since we spoke that could suit my background?",
    "Is a role that fits my background coming up at {company}? I'd be grateful for a heads-up.",
)
LAST_NOTE_ASK = (
    "Is there someone else at {company} I should stay in touch with about future roles? I'd "
    "be grateful for an introduction.",
    "Is someone else at {company} better placed to hear from me about future roles? I'd "
    "appreciate a name.",
    "Would it make sense for me to follow someone at {company} in particular for future roles? "
    "A name would help a lot.",
)
KEEP_IN_TOUCH_CLOSING = (
    "I hope our paths cross again.",
    "Thanks again, and I hope to stay in touch.",
    "All the best to you and the team.",
)
LAST_NOTE_CLOSING = (
    "Either way, I wish you and the team all the best.",
    "This is my last note, so thank you again, and all the best.",
    "Thank you again for your time, and all the best.",
)
NUDGE_OPENING = (
    "I wanted to ask whether there is any update on my application for {the_role} at {company}.",
    "I applied for {the_role} at {company} a little while ago and wanted to ask where things "
    "stand.",
    "I'm writing to ask whether there is news on my application for {the_role} at {company}.",
)
LAST_NUDGE_OPENING = (
    "I'm following up one last time on my application for {the_role} at {company}, in case "
    "there is any update you can share.",
    "One last note about my application for {the_role} at {company}: is there any update?",
    "I wanted to follow up a final time on my application for {the_role} at {company}.",
)
NUDGE_THANKS = (
    "Thank you for considering my application.",
    "Thanks for taking the time to look at my application.",
    "I appreciate you considering my application.",
)
NUDGE_CLOSING = (
    "I look forward to hearing from you.",
    "I'd be glad to hear from you when you know more.",
    "I look forward to your reply.",
)
LAST_NUDGE_CLOSING = (
    "Whatever the outcome, I appreciate your time.",
    "Whatever you decide, thank you for your time.",
    "Either way, thank you for your time.",
)
THANK_YOU_THANKS = (
    "Thank you for taking the time to speak with me about {the_role}.",
    "Thanks for your time, and for telling me more about {the_role}.",
    "Thank you for the conversation about {the_role} at {company}.",
)
THANK_YOU_CLOSING = (
    "I look forward to hearing about the next steps.",
    "I'm looking forward to hearing about next steps.",
    "I'd be glad to hear about the next steps when you know them.",
)
SIGN_OFFS = ("Best regards,", "Kind regards,", "Warm regards,", "Best,")

# More names than this read like a roll call (and push the draft past its word budget).
NAMED_PEOPLE = 2
ROUND_NAMES = {
    "phone_screen": "phone screen",
    "technical": "technical interview",
    "onsite": "onsite",
    "final": "final interview",
}

# Which sentence each kind's paragraphs hold; an element the rules did not choose is left
# out, and an empty paragraph with it.
_SLOTS = (
    "thanks",
    "closing",
    "sign_off",
    "future",
    "highlight",
    "feedback",
    "disappointment",
    "opening",
    "late",
)


def compose(facts: DraftFacts) -> Draft:
    """The draft for `facts`; an empty one for kinds that send no email (none, ghost_check)."""
    writer = _WRITERS.get(facts.kind)
    if writer is None:
        return Draft(subject="", body="")
    words = _Words(facts)
    paragraphs = [" ".join(filter(None, paragraph)) for paragraph in writer(words)]
    greeting = f"Hi {words.given}," if words.given else "Hello,"
    sign_off = f"{words.pick('sign_off', SIGN_OFFS)}\n{' '.join(facts.sender_name.split())}"
    body = "\n\n".join(filter(None, [greeting, *paragraphs, sign_off.strip()]))
    return Draft(subject=_subject(facts), body=body)


def _subject(facts: DraftFacts) -> str:
    about = _about(facts)
    if facts.kind is Kind.REJECTION_REPLY and facts.channel not in SPOKEN:
        return f"Re: {about}"
    if facts.kind is Kind.KEEP_IN_TOUCH:
        return f"{'Staying' if facts.sequence > 1 else 'Keeping'} in touch: {about}"
    if facts.kind is Kind.APPLICATION_NUDGE:
        return f"My application: {about}"
    return f"Thank you: {about}"


def _about(facts: DraftFacts) -> str:
    role, company = " ".join(facts.role.split()), " ".join(facts.company.split())
    return f"{role} at {company}" if role and company else role or company


class _Words:
    """The sentences of one draft: its facts, their words, and the wording picked."""

    def __init__(self, facts: DraftFacts) -> None:
        self.facts = facts
        self.given = given_name(facts.recipient_name, company=facts.company)
        role = " ".join(facts.role.split())
        self.values = {
            "role": role,
            "company": " ".join(facts.company.split()),
            "the_role": f"the {role} role" if role else "the role",
            "team": facts.team,
            "when": facts.when,
            **_plans(facts.team, facts.when),
            **_meetings(facts),
        }

    def has(self, element: Element) -> bool:
        return element in self.facts.elements

    def pick(self, slot: str, wordings: Sequence[str]) -> str:
        """The wording for this slot. The seed's base-3 digits, each offset by the seed
        itself: consecutive seeds differ in every slot, and no two seeds within 3**8 of
        each other pick the same wordings throughout."""
        seed = self.facts.seed
        return wordings[(seed + seed // 3 ** _SLOTS.index(slot)) % len(wordings)]

    def say(self, slot: str, wordings: Sequence[str]) -> str:
        return _fill(self.pick(slot, wordings), self.values)


def _fill(wording: str, values: dict[str, str]) -> str:
    """The sentence with its values; a value ending in "." never doubles it ("Co..")."""
    text = wording.format(**values)
    for value in values.values():
        if value.endswith("."):
            text = text.replace(f"{value}.", value)
    return text


def _plans(team: str, when: str) -> dict[str, str]:
    """ "the Platform team may be hiring early next year", as each wording needs it."""
    subject = f"the {team}" if team else "the team"
    timing = f" {when}" if when else " again"
    return {
        "plans": f"{subject} may be hiring{timing}",
        "plans_team": subject,
    }


def _meetings(facts: DraftFacts) -> dict[str, str]:
    """Who the recipient met and in which rounds, or the rounds alone when they met none."""
    theirs = meetings_with(facts.meetings, facts.recipient_name)
    shown = theirs or facts.meetings
    rounds = _and(list(dict.fromkeys(ROUND_NAMES.get(m.kind, m.kind) for m in shown)))
    rounds = f"the {rounds}" if rounds else ""
    if theirs:
        others = _first_names(theirs, skip=facts.recipient_name)
        met = _and(["you", *others])
    elif not facts.recipient_name.strip():
        # A thank-you to nobody in particular: the interviewers are its readers.
        met = _and(_first_names(facts.meetings, skip=""))
    else:
        met = ""
    last = (theirs or facts.meetings)[-1:] if facts.meetings else ()
    month = f"{last[0].at.astimezone(facts.zone):%B}" if last else ""
    if theirs and month:
        calls = all(m.kind in CALLS for m in theirs)
        where = f"{'on' if calls else 'at'} {rounds} in {month}"
        since = f"we {'spoke' if calls else 'talked'} about {_role_words(facts)} {where}"
    elif month:
        since = f"my interviews for {_role_words(facts)} in {month}"
    else:
        since = f"our conversations about {_role_words(facts)}"
    return {
        "met": met,
        "rounds": rounds,
        "month": month,
        "since": since,
        "calls_only": "yes" if shown and all(m.kind in CALLS for m in shown) else "",
        "theirs": "yes" if theirs else "",
    }


def _role_words(facts: DraftFacts) -> str:
    role = " ".join(facts.role.split())
    return f"the {role} role" if role else "the role"


def _first_names(meetings: Sequence[Meeting], *, skip: str) -> list[str]:
    skipped = name_key(skip)
    names: list[str] = []
    for meeting in meetings:
        for person in meeting.people:
            given = given_name(person)
            if given and name_key(person) != skipped and given not in names:
                names.append(given)
    if len(names) > NAMED_PEOPLE:
        return [*names[:NAMED_PEOPLE], "the rest of the team"]
    return names


def _and(words: list[str]) -> str:
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


# --- Each kind's paragraphs ------------------------------------------------------------


def _highlight(w: _Words) -> str:
    if not w.has(Element.HIGHLIGHT) or not w.values["rounds"]:
        return ""
    if not w.values["met"]:
        return w.say("highlight", ROUNDS_ONLY)
    calls = w.values["calls_only"]
    return w.say("highlight", SPOKE_ON_CALL if calls else MET_IN_PERSON)


def _rejection_reply(w: _Words) -> list[list[str]]:
    thanks = {
        RejectionChannel.PHONE.value: THANKS_CALL,
        RejectionChannel.IN_PERSON.value: THANKS_IN_PERSON,
    }.get(w.facts.channel, THANKS_EMAIL)
    door = w.facts.door
    future = w.say("future", FUTURE[door]) if w.has(Element.FUTURE_OPENINGS) and door else ""
    paragraphs = [
        [
            w.say("late", LATE) if w.facts.late else "",
            w.say("thanks", thanks) if w.has(Element.THANKS) else "",
            w.say("disappointment", DISAPPOINTMENT) if w.has(Element.DISAPPOINTMENT) else "",
        ],
        [
            _highlight(w),
            w.say("feedback", FEEDBACK_REQUEST) if w.has(Element.FEEDBACK_REQUEST) else "",
        ],
    ]
    # The closing ends the last paragraph there is: a thank-you alone stays one paragraph.
    closing = w.say("closing", REPLY_CLOSING)
    filled = [paragraph for paragraph in paragraphs if any(paragraph)]
    if future or not filled:
        return [*filled, [future, closing]]
    filled[-1].append(closing)
    return filled


def _keep_in_touch(w: _Words) -> list[list[str]]:
    plans = w.facts.door is Door.PLANS
    if w.facts.sequence > 1:
        # The last note asks something new: their plans, a role now, or whom to follow.
        asks = {Door.PLANS: LAST_NOTE_PLANS, Door.OTHER_ROLES: LAST_NOTE_ROLES}
        ask = w.say("future", asks.get(w.facts.door or Door.CONSIDER_AGAIN, LAST_NOTE_ASK))
        return [
            [w.say("opening", LAST_NOTE_OPENING)],
            [ask, w.say("closing", LAST_NOTE_CLOSING)],
        ]
    future = w.say("future", KEEP_IN_TOUCH_PLANS if plans else KEEP_IN_TOUCH_FUTURE)
    return [
        [w.say("opening", KEEP_IN_TOUCH_OPENING)],
        [future, w.say("closing", KEEP_IN_TOUCH_CLOSING)],
    ]


def _nudge(w: _Words) -> list[list[str]]:
    final = w.facts.sequence > 1
    return [
        [w.say("opening", LAST_NUDGE_OPENING if final else NUDGE_OPENING)],
        [
            w.say("thanks", NUDGE_THANKS),
            w.say("closing", LAST_NUDGE_CLOSING if final else NUDGE_CLOSING),
        ],
    ]


def _thank_you(w: _Words) -> list[list[str]]:
    return [
        [w.say("thanks", THANK_YOU_THANKS), _highlight(w)],
        [w.say("closing", THANK_YOU_CLOSING)],
    ]


_WRITERS = {
    Kind.REJECTION_REPLY: _rejection_reply,
    Kind.KEEP_IN_TOUCH: _keep_in_touch,
    Kind.APPLICATION_NUDGE: _nudge,
    Kind.INTERVIEW_THANK_YOU: _thank_you,
}
