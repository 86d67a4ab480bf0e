"""What kind of mail a message is, read in context: a rejection, an invitation, an offer, a
receipt, other job mail, or mail that is not about the job search at all.

The decision, in order:
1. The letter is read, not the note above it: a short note on a forward or a reply is read
   together with the message it passes on. The language is found first (lingua), and that
   language's phrases are tried before the others' (a German greeting on an English form).
2. Sentences that only suppose ("if you are not shortlisted...") or speak of the process
   ("we cannot reply to each applicant individually") decide nothing; job words inside a
   wish ("good luck with the interviews") are not about a job.
3. Is it about the job search? Job words (the position, a recruiter, a take-home), or who
   sent it (an applicant-tracking system, the company of one of the user's applications,
   a reply in a thread already seen), against words of the other things people apply for
   (a flat, a grant, a talk, a place at a university). "Application" alone decides only
   with the sender's help; a mailing that is neither a job board's alert nor about the
   user's application is not job mail.
4. Of job mail: an offer (not "we are unable to offer you"), then a no, then an
   invitation, then a receipt, else other job mail.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from tracker.mail import addresses
from tracker.mail.kind_phrases import BY_LANGUAGE, FREE_MAIL, WHEN, fold
from tracker.mail.language import CODES, detect_language
from tracker.mail.types import Classification, MailKind, Message

_ANALYSED_CHARS = 10_000
_SHORT_NOTE_WORDS = 40
# A letter says what it is early; hostile text made of thousands of "sentences" is read in
# its first ones, so a message costs the same however it is shaped.
_MAX_SENTENCES = 120
_MAX_SENTENCE_CHARS = 600
# Mail is wrapped at 72 or 78 columns: a single line break does not end a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n")
_NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "nl": "Dutch",
    "it": "Italian",
    "pt": "Portuguese",
}


@dataclass(frozen=True)
class MailContext:
    """What is known about the user that tells job mail from other mail."""

    company_names: Collection[str] = ()  # the companies of the user's applications
    company_domains: Collection[str] = ()  # their domains' owner labels ("umbrella-analytics")
    thread_ids: Collection[str] = ()  # Message-IDs of job mail already seen
    subjects: Collection[str] = ()  # subjects of job mail already seen


@dataclass
class _Found:
    phrase: str
    language: str


def classify(message: Message, context: MailContext | None = None) -> Classification:
    context = context or MailContext()
    letter = _letter(message)
    language = detect_language(f"{message.subject}\n{letter}")
    # The mail's language and English (the lingua franca of job mail: an English template
    # under a German greeting) are read; all seven only when the language is not clear.
    # Reading others too would find the Spanish "beca" (grant) in "because".
    order = tuple(dict.fromkeys((language, "en"))) if language else CODES
    near = order
    parts = [message.subject, *_SENTENCE_END.split(letter, maxsplit=_MAX_SENTENCES)]
    sentences = [fold(s[:_MAX_SENTENCE_CHARS]) for s in parts[:_MAX_SENTENCES] if s.strip()]
    decisive = [s for s in sentences if not _supposes(s, order)]
    plain = [s for s in decisive if not _found("WISH", [s], near)]

    because: list[str] = []
    if language:
        because.append(f"Written in {_NAMES[language]}")
    sender = _sender_context(message, context)
    friend = _from_free_mail(message) and not sender
    job = _found("JOB", plain, near)
    post = _found("POST", plain, near)
    applied = _found("APPLIED", plain, near)
    elsewhere = _found("ELSEWHERE", sentences, near)
    alert = _found("ALERT", sentences, order)
    offer = _offer(decisive, order) or _offered(decisive, near)
    # A no that names a candidate, a position or moving forward is about a job by itself;
    # "we regret to inform you" or "unfortunately ... not" is a no in job mail only.
    no = _found("NO", decisive, order) or _chose_another(decisive, near)
    no = no or _both(decisive, near, "CANDIDATES", "BETTER")
    regret = _found("REGRET", decisive, order) or _softened_no(decisive, near)
    regret = regret or _refused(decisive, near)
    invite = _invited(plain, order, near)
    # "Thank you for your application. We have received it.": two sentences, one receipt.
    pairs = [" ".join(decisive[i : i + 2]) for i in range(len(decisive))]
    received = _found("RECEIVED", decisive, order) or _both(pairs, near, "OBJECT", "RECEIVED_WORD")
    mailing = message.list_unsubscribe or message.precedence_bulk
    mailing = mailing or bool(_found("UNSUBSCRIBE", sentences, near))

    if elsewhere and not job and not alert:
        reason = f"About something other than a job (“{elsewhere.phrase}”)"
        return Classification(MailKind.NOT_JOB_MAIL, 0.8, (*because, reason))
    if mailing and not (sender or alert or no or regret or offer or invite or received):
        reason = "A mailing that is not about one of your applications"
        return Classification(MailKind.NOT_JOB_MAIL, 0.7, (*because, reason))
    if friend and not (no or offer or invite or received):
        # A friend asking how the interview went: job words, but not job mail.
        reason = "From a personal mailbox, and it decides nothing about an application"
        return Classification(MailKind.NOT_JOB_MAIL, 0.6, (*because, reason))
    if not (job or post or alert or sender or offer or no or (applied and (sender or received))):
        reason = "Nothing in it is about a job application"
        return Classification(MailKind.NOT_JOB_MAIL, 0.7, (*because, reason))

    if sender:
        because.append(sender)
    if alert:
        return Classification(
            MailKind.OTHER_JOB_MAIL, 0.7, (*because, f"A job board's alert (“{alert.phrase}”)")
        )
    if offer:
        reason = f"Speaks of an offer (“{offer.phrase}”)"
        return Classification(MailKind.OFFER, 0.8, (*because, reason))
    if no or regret:
        said = (no or regret).phrase  # type: ignore[union-attr]
        return Classification(MailKind.REJECTION, 0.9, (*because, f"Says no (“{said}”)"))
    if invite:
        return Classification(
            MailKind.INTERVIEW_INVITATION, 0.75, (*because, f"Asks to meet (“{invite.phrase}”)")
        )
    received = received or _found("INTEREST", decisive, near)
    if received:
        reason = f"Confirms an application (“{received.phrase}”)"
        return Classification(MailKind.APPLICATION_RECEIVED, 0.8, (*because, reason))
    word = job or post or applied
    reason = f"About a job (“{word.phrase}”)" if word else "From someone you applied to"
    return Classification(MailKind.OTHER_JOB_MAIL, 0.6, (*because, reason))


def _letter(message: Message) -> str:
    """The text that says what the mail is: the newest part, or what a short note passes on."""
    segments = message.segments
    if len(segments) > 1 and len(segments[0].text.split()) <= _SHORT_NOTE_WORDS:
        return (segments[0].text + "\n" + segments[1].text)[:_ANALYSED_CHARS]
    return (message.newest or message.body)[:_ANALYSED_CHARS]


def _found(family: str, sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    for code in order:
        pattern = BY_LANGUAGE[code].get(family)
        if pattern is None:
            continue
        for sentence in sentences:
            match = pattern.search(sentence)
            if match:
                return _Found(match.group(0), code)
    return None


def _supposes(sentence: str, order: tuple[str, ...]) -> bool:
    # "If" only in the mail's own language: the Italian "se" is the Spanish "se ajusta".
    if BY_LANGUAGE[order[0]]["IF"].search(sentence):
        return True
    return any(BY_LANGUAGE[code]["ASIDE"].search(sentence) for code in order)


def _offer(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """An offer made, not one refused ("we are unable to offer you the role")."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            match = phrases["OFFER"].search(sentence)
            if match and not phrases["NEGATION"].search(sentence[: match.start()]):
                return _Found(match.group(0), code)
    return None


def _softened_no(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """ "Unfortunately" with a "not" about the user's application: a no in other words."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            soft = phrases["SOFTENER"].search(sentence)
            if soft and phrases["NEGATION"].search(sentence) and phrases["OBJECT"].search(sentence):
                return _Found(soft.group(0), code)
    return None


def _both(sentences: list[str], order: tuple[str, ...], first: str, second: str) -> _Found | None:
    """Two families in one sentence: "applicants whose experience is a closer match"."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            found = phrases[first].search(sentence)
            if found and phrases[second].search(sentence):
                return _Found(sentence[:120], code)
    return None


def _chose_another(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """Someone else chosen, in any words: "the team went with another engineer"."""
    return _both(sentences, order, "CHOOSE", "OTHER_ONE")


def _refused(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """A "not" before going on: "won't be inviting you", "nao seguir com sua candidatura"."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            found = phrases["REFUSED"].search(sentence)
            if found and not phrases["HESITATE"].search(sentence):
                return _Found(found.group(0), code)
    return None


def _offered(sentences: list[str], order: tuple[str, ...]) -> _Found | None:
    """An offer in other words: "we'd like to offer you the role", "your contract attached"."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for index, sentence in enumerate(sentences):
            verb = phrases["OFFER_VERB"].search(sentence)
            if verb and not phrases["NEGATION"].search(sentence[: verb.start()]):
                return _Found(verb.group(0), code)
            pair = " ".join(sentences[index : index + 2])
            contract = phrases["CONTRACT"].search(pair)
            refused = contract and phrases["NEGATION"].search(pair[: contract.start()])
            if contract and phrases["ATTACHED"].search(pair) and not refused:
                return _Found(contract.group(0), code)
    return None


def _invited(sentences: list[str], order: tuple[str, ...], near: tuple[str, ...]) -> _Found | None:
    """A proposal to meet: the invitation phrases, or a meeting with a time or a question of
    when ("Would Thursday 10 December at 11:00 work?"), or the next round named."""
    for code in order:
        phrases = BY_LANGUAGE[code]
        for sentence in sentences:
            invite = phrases["INVITE"].search(sentence)
            if invite and not phrases["NEGATION"].search(sentence[: invite.start()]):
                return _Found(invite.group(0), code)
    if _found("OUTREACH", sentences, near):
        return None
    for code in near:
        phrases = BY_LANGUAGE[code]
        for index, sentence in enumerate(sentences):
            if phrases["THANKS"].search(sentence) or phrases["ASKS_TO_SEND"].search(sentence):
                continue
            meeting = phrases["MEETING"].search(sentence)
            follow = sentences[index + 1] if index + 1 < len(sentences) else ""
            when = WHEN.search(sentence) or phrases["AVAILABLE"].search(sentence)
            when = when or (WHEN.search(follow) and phrases["AVAILABLE"].search(follow))
            refused = meeting and phrases["NEGATION"].search(sentence[: meeting.start()])
            if meeting and (when or phrases["NEXT"].search(sentence)) and not refused:
                return _Found(sentence[:120], code)
    return None


def _from_free_mail(message: Message) -> bool:
    sender = (message.newest_author or ("", message.from_email))[1] or message.from_email
    return addresses.domain_of(sender.lower()) in FREE_MAIL


def _sender_context(message: Message, context: MailContext) -> str:
    """Why the sender alone makes it job mail, or "" when it does not."""
    sender = (message.newest_author or ("", message.from_email))[1] or message.from_email
    sender = sender.lower()
    if sender and addresses.is_ats(sender):
        return f"Sent by an applicant-tracking system or job board ({addresses.domain_of(sender)})"
    threads = {t.strip("<> ").lower() for t in context.thread_ids} - {""}
    replied = {t.strip("<> ").lower() for t in (message.in_reply_to, *message.references)}
    if threads & replied:
        return "A reply in a conversation about one of your applications"
    label = addresses.organisation_label(sender) if "@" in sender else ""
    if label and _squash(label) in _squashed(tuple(context.company_domains)):
        return f"From {addresses.domain_of(sender)}, the domain of one of your applications"
    name = _squash(message.from_name)
    companies = tuple(context.company_names)
    for company, key in zip(companies, _squashed_in_order(companies), strict=True):
        if len(key) >= 3 and (key == _squash(label) or (name and key in name)):
            return f"From {company}, one of your applications"
    subject = _subject_key(message.subject)
    if subject and subject in _subject_keys(tuple(context.subjects)):
        return "The subject of a conversation about one of your applications"
    return ""


# A poll reads many messages with one context: its keys are worked out once.
@lru_cache(maxsize=8)
def _squashed(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_squash(n) for n in names)


@lru_cache(maxsize=8)
def _squashed_in_order(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_squash(n) for n in names)


@lru_cache(maxsize=8)
def _subject_keys(subjects: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_subject_key(s) for s in subjects)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _subject_key(subject: str) -> str:
    """A subject without its "Re:", "Fwd:", "AW:" marks."""
    return re.sub(r"^(?:\s*(?:re|fwd?|aw|wg|tr|rv|res|enc|r|i|sv|vs)\s*:\s*)+", "", fold(subject))
