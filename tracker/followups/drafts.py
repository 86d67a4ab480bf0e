"""The words of a follow-up: a short email in the user's voice, composed from facts alone.

The rules module decides what to send, which elements it carries and how its
future-openings line is put; this module only writes it. Pure: no ORM, no I/O, no
`django` import: the words of every language but English come from a message catalogue
handed in (gettext's, locale/<lang>/LC_MESSAGES/drafts.po compiled), each sentence
written there by someone who speaks the language. A sentence a language has no words for
is never shown in English instead: that language simply has fewer wordings to choose from.

Each sentence has a few wordings. Which one a draft uses is chosen from the application
(its id, the `seed`), so the same draft rebuilt reads the same, while two replies to two
companies do not read alike: consecutive applications always differ in their first
sentence, and in the rest within any run of a few hundred.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol
from zoneinfo import ZoneInfo

from tracker.followups.kinds import Door, Element, Kind, Topic
from tracker.followups.names import addressee, given_name, name_key
from tracker.followups.rules import FIRST_TOUCH_AGAIN, Meeting, meetings_with
from tracker.followups.said import Said
from tracker.followups.vocabulary import CALLS, SPOKEN
from tracker.mail.vocabulary import RejectionChannel

UTC = ZoneInfo("UTC")
# The languages a draft can be written in, English first (and the default).
LANGUAGES = ("en", "de", "fr", "es", "nl", "it", "pt")


class Catalogue(Protocol):
    """Where the words come from: gettext's two lookups (django.utils.translation has them)."""

    def gettext(self, message: str) -> str: ...

    def pgettext(self, context: str, message: str) -> str: ...


class _AsWritten:
    """English: the wordings as written here."""

    def gettext(self, message: str) -> str:
        return message

    def pgettext(self, context: str, message: str) -> str:
        return message


ENGLISH: Catalogue = _AsWritten()


@dataclass(frozen=True)
class DraftFacts:
    kind: Kind
    elements: tuple[Element, ...]
    # 1 for the first of its kind; 2 for the second nudge or keep-in-touch note; from 3 on,
    # the keep-in-touch notes every two to three months the user asked for.
    sequence: int
    # Full name as typed, or "" when nobody is named.
    recipient_name: str
    role: str
    company: str
    # The user, who signs the draft ("" when they have not given their name yet).
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
    # The draft's language (one of LANGUAGES) and how it addresses the reader: formally
    # (Sie, vous, usted...) or not, and by their first name or their surname.
    language: str = "en"
    formal: bool = False
    first_name: bool = True
    # Their email's subject, when replying to one: the reply stays in its thread.
    their_subject: str = ""
    # What their email said that the reply takes up (offers, praise, an event).
    said: Said = field(default_factory=Said)
    # The user's own notes on the interview a thank-you is for.
    notes: str = ""
    # A keep-in-touch note after the first two: what it is about (the rules chose it) and
    # how many months have passed since the user met them.
    topic: Topic | None = None
    months: int = 0


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str


# --- The wordings ----------------------------------------------------------------------
# Placeholders: {role} {company} {the_role} ("the X role" or "the role"), {team} {when}
# {month} {at_round} ("at the onsite"), {others} ("Mei and Lee"), {since}, {plans},
# {plans_team}, {praised}, {event}, {note}. Each tuple is one sentence; its first wording
# is the one every language has. A translation may leave out a placeholder its grammar
# cannot use (German names no role in a keep-in-touch note's first clause).

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
# The reader alone, or the reader and the others of that round; a call is a call.
MET_YOU = (
    "It was a pleasure to meet you {at_round}.",
    "I enjoyed meeting you {at_round}.",
    "Meeting you {at_round} was a highlight of the process for me.",
)
MET_YOU_AND = (
    "It was a pleasure to meet you and {others} {at_round}.",
    "I enjoyed meeting you and {others} {at_round}.",
    "Meeting you and {others} {at_round} was a highlight of the process for me.",
)
# More than one other: "you, Lee, Sam and the rest of the team".
MET_YOU_MANY = (
    "It was a pleasure to meet you, {others} {at_round}.",
    "I enjoyed meeting you, {others} {at_round}.",
    "Meeting you, {others} {at_round} was a highlight of the process for me.",
)
SPOKE_YOU_MANY = (
    "I enjoyed speaking with you, {others} {at_round}.",
    "Speaking with you, {others} {at_round} was a pleasure.",
    "I really enjoyed the conversation with you, {others} {at_round}.",
)
# A thank-you to nobody in particular: the interviewers of the round are its readers.
MET_THEM = (
    "It was a pleasure to meet {others} {at_round}.",
    "I enjoyed meeting {others} {at_round}.",
    "Meeting {others} {at_round} was a highlight of the process for me.",
)
SPOKE_YOU = (
    "I enjoyed speaking with you {at_round}.",
    "I really enjoyed our conversation {at_round}.",
    "Speaking with you {at_round} was a pleasure.",
)
SPOKE_YOU_AND = (
    "I enjoyed speaking with you and {others} {at_round}.",
    "Speaking with you and {others} {at_round} was a pleasure.",
    "I really enjoyed the conversation with you and {others} {at_round}.",
)
SPOKE_THEM = (
    "I enjoyed speaking with {others} {at_round}.",
    "Speaking with {others} {at_round} was a pleasure.",
    "I really enjoyed the conversation with {others} {at_round}.",
)
# {at_rounds}: every round, "on the phone screen and at the onsite".
ROUNDS_ONLY = (
    "I learned a lot {at_rounds}.",
    "The interviews taught me a lot, {at_rounds} above all.",
    "I'm glad I had the chance to take part {at_rounds}.",
)
# The user's own notes on the interview, quoted: true to what happened, in any language.
NOTES = (
    "What stayed with me most: {note}.",
    "One thing I keep thinking about: {note}.",
    "I especially remember this part: {note}.",
)
FEEDBACK_REQUEST = (
    "If you have a moment, and with no obligation at all, I'd be grateful for any advice on "
    "what would make me a stronger candidate.",
    "If you're able to share it, with no obligation, I'd value any advice on what would make "
    "me a stronger candidate next time.",
    "Should you have a minute, and only if it's no trouble, I'd welcome any pointers on where "
    "I could be stronger.",
)
# What they offered, accepted rather than asked for again.
# The first wording thanks them for it; the others do not, for a draft that has already
# said thank you twice.
CALL_AND_FEEDBACK_ACCEPTED = (
    "Thank you for offering a call to go through the feedback: I'd gladly take you up on it, "
    "at any time that suits you.",
    "I'd gladly take you up on the offer of a call about the feedback, whenever suits you.",
    "A call to go through the feedback would be very welcome; just let me know a time.",
)
CALL_ACCEPTED = (
    "Thank you for offering a call: I'd gladly take you up on it, at any time that suits you.",
    "I'd gladly take you up on the call you offered, whenever suits you.",
    "A short call would be very welcome; just let me know a time that works for you.",
)
FEEDBACK_ACCEPTED = (
    "Thank you for offering to share the feedback: I'd be glad to hear it, in whatever form "
    "suits you.",
    "The feedback you offered would be very welcome, whenever you have a moment.",
    "I'd gladly take you up on the feedback; it will help me a lot.",
)
# Praise, modestly: a kind word back, not another thank-you.
PRAISE = (
    "It was kind of you to mention {praised}; that means a lot.",
    "I'm glad {praised} came across well; it was kind of you to say so.",
    "It means a lot that {praised} stood out; I appreciated hearing it.",
)
PRAISE_GENERAL = (
    "It was kind of you to say such nice things about my interviews.",
    "Your kind words about my interviews mean a lot.",
    "I appreciated your kind words about my interviews.",
)
EVENT = (
    "I'll look out for the {event}, and I hope to see you there.",
    "The {event} sounds great; I'll try to be there.",
    "I've made a note of the {event} and hope to make it.",
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
    Door.ON_FILE: (
        "I'm glad you'll keep my details on file, and I'd be happy to hear from you if "
        "something fits.",
        "It's good to know my details stay on file; I'd be glad to hear from you when "
        "something comes up.",
        "Keeping my details on file is kind of you, and I'd welcome hearing about a future role.",
    ),
    Door.STAY_IN_TOUCH: (
        "I'd like that too: let's stay in touch.",
        "I'd be very glad to stay in touch as well.",
        "Staying in touch would be great; I'd like that too.",
    ),
}
# Without a team or a time they named: the plans in general.
PLANS_UNNAMED = (
    "I'm glad to hear you may be hiring again, and I'd love to be considered then.",
    "It's good to know you may be hiring again; I'd be glad to be considered.",
    "I was glad to read that you may be hiring again, and I'd welcome the chance.",
)
REPLY_CLOSING = (
    "I wish you and the team all the best.",
    "Thanks again for your time.",
    "Best of luck to you and the team.",
)
# Keep in touch: the first note reminds them who you are; the last asks something new.
KEEP_IN_TOUCH_OPENING = (
    "I hope you and the team at {company} are doing well. It's been a few weeks since {since}, "
    "and I wanted to stay in touch.",
    "I hope all is well at {company}. I wanted to stay in touch after {since_noun}.",
    "I hope things are going well at {company}. I've thought about our conversations since "
    "{since}, and wanted to stay in touch.",
)
# They asked to stay in touch: the note does as they suggested.
KEEP_IN_TOUCH_ASKED = (
    "I hope you and the team at {company} are doing well. You suggested we stay in touch "
    "after {since_noun}, so here is a short note.",
    "I hope all is well at {company}. As you suggested after {since_noun}, I wanted to stay "
    "in touch.",
    "I hope things are going well at {company}. We agreed to stay in touch after "
    "{since_noun}, so here I am.",
)
# What {since} says: a clause ("we met at the onsite in March") and a noun ({since_noun}).
SINCE_MET = "we talked about {the_role} {at_round} in {month}"
SINCE_SPOKE = "we spoke about {the_role} {at_round} in {month}"
SINCE_INTERVIEWS = "my interviews for {the_role} in {month}"
SINCE_CONVERSATIONS = "our conversations about {the_role}"
SINCE_NOUN_MONTH = "my interviews for {the_role} in {month}"
SINCE_NOUN_MET = "our conversation about {the_role} {at_round} in {month}"
SINCE_NOUN_SPOKE = "our call about {the_role} {at_round} in {month}"
SINCE_NOUN = "our conversations about {the_role}"
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
    "I hope all is well at {company}. It's been a few months since {since_noun}, so I'll keep "
    "this short.",
    "I hope you're well. A short note, a few months after {since_noun}.",
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
    "Whatever comes next, all the best to you and the team.",
    "Thank you again for your time, and all the best.",
)
# Every two to three months after the two notes, if the user wants: each note about
# something real, and the months since they met say it is not the note before it again.
TOUCH_AGAIN_OPENING = (
    "I hope all is well at {company}. It has been {months} months since my interviews there, "
    "and I wanted to write again.",
    "It's {months} months now since my interviews for {the_role}, and I wanted to send a short "
    "note to stay in touch.",
)
TOUCH_MET = (
    "I still think of our conversation {at_round} in {month} when I weigh my next steps.",
    "Our conversation {at_round} in {month} has stayed with me, and it still shapes what I look "
    "for in a role.",
)
TOUCH_PLANS = (
    "When we last wrote, you mentioned that {plans_team} might be hiring. Is that still the plan?",
    "You mentioned that {plans_team} might be hiring; I'd be glad to know whether that is still "
    "on.",
)
TOUCH_PRAISE = (
    "Your kind words about my interviews have stayed with me, and they still encourage me.",
)
TOUCH_EVENT = ("Did the {event} go ahead? I'd be glad to hear how it went.",)
TOUCH_ROLE = (
    "I hope {the_role} found a great person, and that the work we talked about is going well.",
    "I've often wondered how things turned out for {the_role}, and how the team has been getting "
    "on.",
)
TOUCH_ASK = (
    "If a role at {company} comes up that fits my background, I'd be glad to hear about it.",
    "Should something open up at {company} where my background fits, I'd love to hear about it.",
)
TOUCH_CLOSING = (
    "Best wishes for the months ahead.",
    "I hope the coming months go well for the whole team.",
)
# The LinkedIn step: an invitation with a personal note, never a bare one, within
# LinkedIn's limit for such a note.
LINKEDIN_MET = (
    "It was a pleasure to meet you {at_round} for {the_role} at {company}, and I'd be glad to "
    "stay connected here.",
)
LINKEDIN_SPOKE = (
    "I enjoyed speaking with you {at_round} about {the_role} at {company}, and I'd be glad to "
    "stay connected here.",
)
LINKEDIN_CONVERSATIONS = (
    "I enjoyed our conversations about {the_role} at {company}, and I'd be glad to stay "
    "connected here.",
)
LINKEDIN_LIMIT = 300
NUDGE_OPENING = (
    "I wanted to ask whether there is any update on my application for {the_role} at {company}.",
    "I applied for {the_role} at {company} a little while ago and wanted to ask where things "
    "stand.",
    "I'm writing to ask whether there is news on my application for {the_role} at {company}.",
)
LAST_NUDGE_OPENING = (
    "I'm following up one last time on my application for {the_role} at {company}, in case "
    "there is any update you can share.",
    "A final follow-up on my application for {the_role} at {company}: is there any update?",
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
# A role, a company and the pieces of sentences they go into.
THE_ROLE = "the {role} role"
THE_ROLE_UNNAMED = "the role"
ROLE_AT_COMPANY = "{role} at {company}"
AND = "{first} and {last}"
THE_REST = "the rest of the team"
PLANS = "{plans_team} may be hiring{timing}"
PLANS_TEAM = "the {team}"
PLANS_TEAM_UNNAMED = "the team"
SUBJECTS = {
    Kind.KEEP_IN_TOUCH: ("Keeping in touch: {about}", "Staying in touch: {about}"),
    Kind.APPLICATION_NUDGE: ("My application: {about}", "My application: {about}"),
    Kind.INTERVIEW_THANK_YOU: ("Thank you: {about}", "Thank you: {about}"),
}
# The greeting, by what is known of the reader.
GREETING_NOBODY = "Hello,"
GREETING_FIRST_NAME = "Hi {given},"
GREETING_FULL_NAME = "Dear {full},"
GREETING_DOCTOR_FULL_NAME = "Dear Dr {full},"
GREETING_SURNAME = {"f": "Dear Ms {surname},", "m": "Dear Mr {surname},"}
GREETING_DOCTOR = {"f": "Dear Dr {surname},", "m": "Dear Dr {surname},"}
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
ROUND_NAMES = {
    "phone_screen": "on the phone screen",
    "technical": "at the technical interview",
    "onsite": "at the onsite",
    "final": "at the final interview",
}
# "thank" and its kin in each language: a draft says it at most twice.
THANKS_WORDS = re.compile(
    r"\b(?:thank\w*|dank\w*|bedank\w*|merci\w*|remerci\w*|gracias|agradec\w*|agradeç\w*|"
    r"grazie|ringrazi\w*|obrigad\w*)",
    re.IGNORECASE,
)
MOST_THANKS = 2
# A draft is read in one glance: under this many words, the least needed sentences
# giving way first when a long role, company or note would push it over.
MOST_WORDS = 120
GIVE_WAY = ("disappointment", "closing", "late", "highlight", "notes", "praise", "event")
# More names than this read like a roll call (and push the draft past its word budget).
NAMED_PEOPLE = 2
# A note longer than this is cut at a word: the draft quotes its gist, not the whole page.
NOTE_WORDS = 18
# Reply and forward prefixes a subject may already carry, in the seven languages and as
# mail programs write them: the reply carries one "Re: ", never "Re: AW: Re:".
_PREFIXES = re.compile(
    r"^(?:\s*(?:re|aw|antw|antwort|wg|fw|fwd|tr|réf|ref|rv|r|rif|res|enc|sv|vs|doorst|i)"
    r"(?:\[\d+\])?\s*:\s*)+",
    re.IGNORECASE,
)

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
    "praise",
    "event",
    "notes",
    "topic",
    "connect",
)


def compose(facts: DraftFacts, catalogue: Catalogue = ENGLISH) -> Draft:
    """The draft for `facts`, its words from `catalogue` (the draft's language active);
    an empty one for kinds that send no email (none, ghost_check)."""
    writer = _WRITERS.get(facts.kind)
    if writer is None:
        return Draft(subject="", body="")
    if facts.kind is Kind.LINKEDIN:
        # Over LinkedIn's limit (a long role, a long name), the role goes unnamed.
        draft = _compose(facts, catalogue, writer, frozenset())
        if len(draft.body) > LINKEDIN_LIMIT:
            draft = _compose(facts, catalogue, writer, frozenset({"role"}))
        if len(draft.body) > LINKEDIN_LIMIT:
            # Still over: the company as far as its first words (a legal name runs long).
            short = replace(facts, company=_cut(facts.company, 4))
            draft = _compose(short, catalogue, writer, frozenset({"role"}))
        return draft
    for given_way in range(len(GIVE_WAY) + 1):
        draft = _compose(facts, catalogue, writer, frozenset(GIVE_WAY[:given_way]))
        if len(draft.body.split()) < MOST_WORDS:
            break
    return draft


def _compose(
    facts: DraftFacts,
    catalogue: Catalogue,
    writer: Callable[["_Words"], list[list[str]]],
    left_out: frozenset[str],
) -> Draft:
    words = _Words(facts, catalogue, left_out)
    subject = _subject(words)
    words.thanked = len(THANKS_WORDS.findall(subject))
    paragraphs = [" ".join(filter(None, paragraph)) for paragraph in writer(words)]
    signature = " ".join(facts.sender_name.split())
    # An invitation on LinkedIn is no letter: the name alone signs it.
    closing = "" if facts.kind is Kind.LINKEDIN else words.pick("sign_off", words.own(SIGN_OFFS))
    sign_off = "\n".join(filter(None, [closing, signature]))
    body = "\n\n".join(filter(None, [_greeting(words), *paragraphs, sign_off.strip()]))
    return Draft(subject=subject, body=body)


def _cut(text: str, words: int) -> str:
    kept = text.split()
    return " ".join(kept[:words]) + ("…" if len(kept) > words else "")


def thanks_in(text: str) -> int:
    """How many times `text` says thank you, in any of the languages."""
    return len(THANKS_WORDS.findall(text))


def reply_subject(theirs: str) -> str:
    """ "Re: " and their subject as they wrote it, without the prefixes it already had.

    "Re:" in every language: it is what the standard for email replies prescribes and what
    every mail program threads by, whereas a German "AW:" is only what Outlook shows."""
    return f"Re: {_PREFIXES.sub('', ' '.join(theirs.split()))}".strip()


def _subject(w: "_Words") -> str:
    facts = w.facts
    about = _about(w)
    if facts.kind is Kind.REJECTION_REPLY:
        if facts.channel in SPOKEN:
            # A call or a meeting has no thread: a new message, saying what it is.
            return w.fill(w.word(SUBJECTS[Kind.INTERVIEW_THANK_YOU][0]), about=about)
        if facts.their_subject.strip():
            return reply_subject(facts.their_subject)
        return reply_subject(about)
    if facts.kind is Kind.LINKEDIN:
        return ""
    pair = SUBJECTS[facts.kind]
    return w.fill(w.word(pair[1] if facts.sequence > 1 else pair[0]), about=about)


def _about(w: "_Words") -> str:
    role, company = w.values["role"], w.values["company"]
    if role and company:
        return w.fill(w.word(ROLE_AT_COMPANY), role=role, company=company)
    return role or company


def _greeting(w: "_Words") -> str:
    facts = w.facts
    person = addressee(facts.recipient_name, company=facts.company)
    if not person.given and not person.surname:
        return w.word(GREETING_NOBODY, "greeting")
    formal_address = facts.formal and not facts.first_name
    if not formal_address and person.given:
        return w.fill(w.word(GREETING_FIRST_NAME, "greeting"), given=person.given)
    if person.surname and person.gender:
        table = GREETING_DOCTOR if person.academic == "Dr." else GREETING_SURNAME
        wording = w.word(table[person.gender], f"greeting {person.gender}")
        surname = person.surname
        if facts.language == "nl":
            # Dutch: without the given name the particle is capitalised ("mevrouw De Vries").
            surname = surname[:1].upper() + surname[1:]
        return w.fill(wording, surname=surname)
    doctor = person.academic == "Dr."
    wording = w.word(GREETING_DOCTOR_FULL_NAME if doctor else GREETING_FULL_NAME, "greeting")
    return w.fill(wording, full=person.full)


class _Words:
    """The sentences of one draft: its facts, their words, and the wording picked."""

    def __init__(
        self, facts: DraftFacts, catalogue: Catalogue, left_out: frozenset[str] = frozenset()
    ) -> None:
        self.facts = facts
        self.left_out = left_out
        self.catalogue = catalogue
        self.english = facts.language == "en"
        # How many times the draft has said thank you so far.
        self.thanked = 0
        role = "" if "role" in left_out else " ".join(facts.role.split())
        self.values: dict[str, str] = {
            "role": role,
            "company": " ".join(facts.company.split()),
            "team": facts.team,
            "when": facts.when,
            # Their words, turned round: "your pipeline design" is the user's.
            "praised": re.sub(r"^your\b", "my", facts.said.praised, flags=re.IGNORECASE),
            "event": facts.said.event,
            "note": _note(facts.notes),
            "months": str(facts.months),
        }
        self.values["the_role"] = self.fill(self.word(THE_ROLE if role else THE_ROLE_UNNAMED))
        self.values.update(_plans(self))
        self.values.update(_meetings(self))

    def translated(self, wording: str, context: str = "") -> str | None:
        """`wording` in the draft's language: first as the register needs it, then plain;
        None when the language has no words for it."""
        tone = f"{context} {'formal' if self.facts.formal else 'informal'}".strip()
        for found in (
            self.catalogue.pgettext(tone, wording),
            self.catalogue.pgettext(context, wording)
            if context
            else self.catalogue.gettext(wording),
        ):
            if found != wording:
                return found
        return wording if self.english else None

    def word(self, wording: str, context: str = "") -> str:
        """A piece every language has (a greeting, a subject): English only if it must."""
        return self.translated(wording, context) or wording

    def own(self, wordings: Sequence[str], context: str = "") -> list[str]:
        """The wordings the draft's language has, in order."""
        return [t for w in wordings if (t := self.translated(w, context)) is not None]

    def has(self, element: Element) -> bool:
        return element in self.facts.elements

    def pick(self, slot: str, wordings: Sequence[str]) -> str:
        """The wording for this slot. The seed's base-3 digits, each offset by the seed
        itself: consecutive seeds differ in every slot, and no two seeds within 3**8 of
        each other pick the same wordings throughout. Once the draft has said thank you
        twice, a wording that says it again is passed over while another is left."""
        if not wordings or slot in self.left_out:
            return ""
        seed = self.facts.seed
        if self.thanked >= MOST_THANKS:
            wordings = [w for w in wordings if not THANKS_WORDS.search(w)] or []
            if not wordings:
                return ""
        chosen = wordings[(seed + seed // 3 ** _SLOTS.index(slot)) % len(wordings)]
        self.thanked += thanks_in(chosen)
        return chosen

    def say(self, slot: str, wordings: Sequence[str]) -> str:
        """A whole sentence: it starts with a capital, whatever value comes first."""
        text = self.fill(self.pick(slot, self.own(wordings)))
        return text[:1].upper() + text[1:]

    def fill(self, wording: str, **values: str) -> str:
        if not wording:
            return ""
        text = _fill(wording, {**self.values, **values})
        return _elided(text) if self.facts.language == "fr" else text


def _fill(wording: str, values: dict[str, str]) -> str:
    """The sentence with its values; a value ending in "." never doubles it ("Co..")."""
    text = wording.format(**values)
    for value in values.values():
        if value.endswith("."):
            text = text.replace(f"{value}.", value)
    return text


# French drops the vowel of "de" and "que" before a vowel: the catalogue cannot, since the
# name that follows ("l'équipe de {company}") is only known when the draft is written. An
# h is left alone: whether it is mute depends on the word.
_FRENCH_ELISION = re.compile(
    r"\b([Dd]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)e (?=[AEIOUÉÈÊÀÂÎÔŒaeiouéèêàâîôœ])"
)


def _elided(text: str) -> str:
    return _FRENCH_ELISION.sub(r"\1'", text)


def _note(notes: str) -> str:
    """The gist of the user's notes: their first line, as written, cut at a word."""
    for line in notes.splitlines():
        line = line.strip().lstrip("-*•>#0123456789.) ").strip()
        if len(line) > 3:
            words = line.split()
            cut = " ".join(words[:NOTE_WORDS])
            return (cut + ("…" if len(words) > NOTE_WORDS else "")).rstrip(".!?;:,")
    return ""


def _plans(w: _Words) -> dict[str, str]:
    """ "the Platform team may be hiring early next year", as each wording needs it."""
    team, when = w.facts.team, w.facts.when
    subject = w.fill(w.word(PLANS_TEAM), team=team) if team else w.word(PLANS_TEAM_UNNAMED)
    timing = f" {when}" if when else " again"
    return {
        "plans": w.fill(w.word(PLANS), plans_team=subject, timing=timing),
        "plans_team": subject,
    }


def _and(w: _Words, words: list[str]) -> str:
    if len(words) < 2:
        return "".join(words)
    return w.fill(w.word(AND, "list"), first=", ".join(words[:-1]), last=words[-1])


def _at(w: _Words, kind: str) -> str:
    return w.word(ROUND_NAMES.get(kind, kind), "round")


def _meetings(w: _Words) -> dict[str, str]:
    """Who the reader met, in which round: only the last round they shared, and only the
    people who were there; the rounds alone when the reader was in none of them."""
    facts = w.facts
    theirs = meetings_with(facts.meetings, facts.recipient_name)
    values = {"others": "", "at_round": "", "met": "", "since": "", "since_noun": ""}
    rounds = list(dict.fromkeys(m.kind for m in facts.meetings))
    values["at_rounds"] = _and(w, [_at(w, kind) for kind in rounds])
    names = _first_names(w, theirs[-1:], skip=facts.recipient_name) if theirs else []
    values["many"] = "yes" if len(names) > 1 else ""
    if theirs:
        last = theirs[-1]
        values["met"] = "you"
        values["others"] = _and(w, _first_names(w, (last,), skip=facts.recipient_name))
    elif facts.meetings and not facts.recipient_name.strip():
        last = facts.meetings[-1]
        values["met"] = "them"
        values["others"] = _and(w, _first_names(w, (last,), skip=""))
        if not values["others"]:
            values["met"] = ""
    elif facts.meetings:
        last = facts.meetings[-1]
    else:
        last = None
    if last is not None:
        values["at_round"] = _at(w, last.kind)
        values["call"] = "yes" if last.kind in CALLS else ""
        month = MONTHS[last.at.astimezone(facts.zone).month - 1]
        values["month"] = w.word(month, "month")
    if last is not None and theirs:
        call = last.kind in CALLS
        values["since"] = w.fill(w.word(SINCE_SPOKE if call else SINCE_MET, "since"), **values)
        noun = SINCE_NOUN_SPOKE if call else SINCE_NOUN_MET
        values["since_noun"] = w.fill(w.word(noun, "since"), **values)
    elif last is not None:
        values["since"] = w.fill(w.word(SINCE_INTERVIEWS, "since"), **values)
        values["since_noun"] = values["since"]
    else:
        values["since"] = w.fill(w.word(SINCE_CONVERSATIONS, "since"), **values)
        values["since_noun"] = w.fill(w.word(SINCE_NOUN, "since"), **values)
    return values


def _first_names(w: _Words, meetings: Sequence[Meeting], *, skip: str) -> list[str]:
    skipped = name_key(skip)
    names: list[str] = []
    for meeting in meetings:
        for person in meeting.people:
            given = given_name(person)
            if given and name_key(person) != skipped and given not in names:
                names.append(given)
    if len(names) > NAMED_PEOPLE:
        return [*names[:NAMED_PEOPLE], w.word(THE_REST)]
    return names


# --- Each kind's paragraphs ------------------------------------------------------------


def _highlight(w: _Words) -> str:
    if not w.has(Element.HIGHLIGHT) or not w.values["at_round"]:
        return ""
    call = bool(w.values.get("call"))
    met, others = w.values["met"], w.values["others"]
    if met == "you":
        if w.values["many"]:
            table = SPOKE_YOU_MANY if call else MET_YOU_MANY
        elif others:
            table = SPOKE_YOU_AND if call else MET_YOU_AND
        else:
            table = SPOKE_YOU if call else MET_YOU
    elif met == "them":
        table = SPOKE_THEM if call else MET_THEM
    else:
        table = ROUNDS_ONLY
    return w.say("highlight", table)


def _offer(w: _Words) -> str:
    """What they offered, taken up; else the request for advice, if the rules chose it."""
    said = w.facts.said
    if said.offers_call and said.offers_feedback:
        accepted = CALL_AND_FEEDBACK_ACCEPTED
    elif said.offers_call:
        accepted = CALL_ACCEPTED
    elif said.offers_feedback:
        accepted = FEEDBACK_ACCEPTED
    else:
        return w.say("feedback", FEEDBACK_REQUEST) if w.has(Element.FEEDBACK_REQUEST) else ""
    # With thanks while the draft may still say it; accepted plainly once it has twice.
    return w.say("feedback", accepted[:1] if w.thanked < MOST_THANKS else accepted[1:])


def _praise(w: _Words) -> str:
    said = w.facts.said
    if not said.praise:
        return ""
    return w.say("praise", PRAISE if said.praised and w.english else PRAISE_GENERAL)


def _future(w: _Words) -> str:
    door = w.facts.door
    if not w.has(Element.FUTURE_OPENINGS) or door is None:
        return ""
    if door is Door.PLANS and not (w.facts.team or w.facts.when):
        return w.say("future", PLANS_UNNAMED)
    return w.say("future", FUTURE[door])


def _rejection_reply(w: _Words) -> list[list[str]]:
    thanks = {
        RejectionChannel.PHONE.value: THANKS_CALL,
        RejectionChannel.IN_PERSON.value: THANKS_IN_PERSON,
    }.get(w.facts.channel, THANKS_EMAIL)
    paragraphs = [
        [
            w.say("late", LATE) if w.facts.late else "",
            w.say("thanks", thanks) if w.has(Element.THANKS) else "",
            w.say("disappointment", DISAPPOINTMENT) if w.has(Element.DISAPPOINTMENT) else "",
        ],
        [_highlight(w), _praise(w), _offer(w)],
    ]
    future = _future(w)
    event = w.say("event", EVENT) if w.facts.said.event else ""
    # The closing ends the last paragraph there is: a thank-you alone stays one paragraph.
    closing = w.say("closing", REPLY_CLOSING)
    filled = [paragraph for paragraph in paragraphs if any(paragraph)]
    if future or event or not filled:
        return [*filled, [future, event, closing]]
    filled[-1].append(closing)
    return filled


def _keep_in_touch(w: _Words) -> list[list[str]]:
    door = w.facts.door
    if w.facts.sequence >= FIRST_TOUCH_AGAIN:
        return _touch_again(w)
    if w.facts.sequence > 1:
        # The last note asks something new: their plans, a role now, or whom to follow.
        asks = {Door.PLANS: LAST_NOTE_PLANS, Door.OTHER_ROLES: LAST_NOTE_ROLES}
        ask = w.say("future", asks.get(door or Door.CONSIDER_AGAIN, LAST_NOTE_ASK))
        return [
            [w.say("opening", LAST_NOTE_OPENING)],
            [ask, w.say("closing", LAST_NOTE_CLOSING)],
        ]
    asked = w.facts.said.stay_in_touch or door is Door.STAY_IN_TOUCH
    opening = w.say("opening", KEEP_IN_TOUCH_ASKED if asked else KEEP_IN_TOUCH_OPENING)
    future = w.say("future", KEEP_IN_TOUCH_PLANS if door is Door.PLANS else KEEP_IN_TOUCH_FUTURE)
    return [[opening], [future, w.say("closing", KEEP_IN_TOUCH_CLOSING)]]


def _touch_again(w: _Words) -> list[list[str]]:
    """A note after the first two: the months since, the topic its turn came to, and an
    open door, never a re-pitch."""
    said = w.facts.said
    topic = w.facts.topic or Topic.ROLE
    if topic is Topic.MET and w.values["met"] != "you":
        topic = Topic.ROLE
    if topic is Topic.PLANS:
        about = w.say("topic", TOUCH_PLANS)
    elif topic is Topic.SAID and (said.praise or said.event):
        about = w.say("topic", TOUCH_EVENT if said.event else TOUCH_PRAISE)
    elif topic is Topic.MET:
        about = w.say("topic", TOUCH_MET)
    else:
        about = w.say("topic", TOUCH_ROLE)
    return [
        [w.say("opening", TOUCH_AGAIN_OPENING)],
        [about, w.say("future", TOUCH_ASK)],
        [w.say("closing", TOUCH_CLOSING)],
    ]


def _linkedin(w: _Words) -> list[list[str]]:
    """One sentence after the greeting: where they met, and the wish to stay connected."""
    if w.values["met"] == "you":
        table = LINKEDIN_SPOKE if w.values.get("call") else LINKEDIN_MET
    else:
        table = LINKEDIN_CONVERSATIONS
    return [[w.say("connect", table)]]


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
    notes = w.say("notes", NOTES) if w.values["note"] else ""
    return [
        [w.say("thanks", THANK_YOU_THANKS), _highlight(w), notes],
        [w.say("closing", THANK_YOU_CLOSING)],
    ]


_WRITERS = {
    Kind.REJECTION_REPLY: _rejection_reply,
    Kind.KEEP_IN_TOUCH: _keep_in_touch,
    Kind.APPLICATION_NUDGE: _nudge,
    Kind.INTERVIEW_THANK_YOU: _thank_you,
    Kind.LINKEDIN: _linkedin,
}
