"""Reading a rejection: how it arrived and who sent it, with a confidence and its evidence.

The decision, in order:
1. The sender is whoever wrote the newest part that the user did not write: a reply or a
   forward from the user's own account hands over to the message it quotes.
2. A contact of the application matched by address decides: a person wrote.
3. What says no person wrote (Auto-Submitted/Precedence: bulk, a no-reply or applicant-
   tracking address, "this is an automated message", a team signature) makes it a form
   letter, unless the mail names a person to reply to who wrote about your conversation.
4. A named person (signature or display name) writing from their own address is a personal
   email, even when the lines are a template's.
5. A team or company name with no individual author is a form letter.
6. Only then do stock phrases tip the balance.
"""

import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_noop as N

from tracker.mail import addresses, phrases, roles
from tracker.mail.because import ATS_SENT as _ATS
from tracker.mail.because import Because as B
from tracker.mail.because import although
from tracker.mail.kind_phrases import fold, names, spellings, squash
from tracker.mail.limits import MAX_MESSAGE_CHARS
from tracker.mail.parse import parse_message
from tracker.mail.roles import role_from_text, role_from_title
from tracker.mail.signature import (
    Signature,
    chat_sender,
    clean_person,
    find_signature,
    is_person_name,
    is_team_name,
)
from tracker.mail.types import KnownContact, Message, Reading, Segment
from tracker.mail.vocabulary import SENDER_ROLES, RejectionChannel, SenderRole

_ANALYSED_CHARS = 10_000
_STRONG, _MEDIUM, _WEAK = 3, 2, 1


@dataclass
class _Evidence:
    form: list[tuple[int, str]] = field(default_factory=list)
    person: list[tuple[int, str]] = field(default_factory=list)

    def weight(self, side: list[tuple[int, str]]) -> int:
        return sum(w for w, _ in side)

    def strong_form(self) -> bool:
        return any(w == _STRONG for w, _ in self.form)


@dataclass(frozen=True)
class _Me:
    """The user, as the reader must never take them for the sender."""

    emails: frozenset[str]
    names: frozenset[str]


@dataclass(frozen=True)
class _Author:
    """The part being read and who wrote it."""

    segment: Segment
    name: str
    email: str  # lower case
    index: int  # 0 for the newest part: only there do the message's headers speak


@dataclass(frozen=True)
class _Clues:
    """What the author's part and its sender say about who wrote it."""

    text: str
    signature: Signature
    robot: bool  # a no-reply or applicant-tracking address
    team_address: bool
    own_address: bool  # an address of the author's own
    automation: str  # "this is an automated message", as found
    stock: str  # a form letter's stock phrase
    talk: str  # words about the user's conversation with the sender
    display_person: str  # the display name, where it is a person's
    display_team: str  # the display name, where it is a team's
    person: str  # the person who wrote, from the signature or the display name
    personal_reply_to: str


def read_rejection(
    message: str | bytes | Message,
    *,
    zone: ZoneInfo,
    user_emails: Collection[str] = (),
    user_names: Collection[str] = (),
    contacts: Sequence[KnownContact] = (),
    company_names: Collection[str] = (),
) -> Reading:
    """A guess at the channel and sender of a rejection email; it only pre-fills a form."""
    if not isinstance(message, Message):
        message = parse_message(message[: MAX_MESSAGE_CHARS * 10])
    me = _me(user_emails, user_names)
    author = _authoring_segment(message, me)
    text = author.segment.text[:_ANALYSED_CHARS]
    companies = set(_company_words(company_names, author.email))
    signature = _signature(text, companies, me)
    if not message.has_headers:
        signature = _with_chat_sender(signature, chat_sender(text, companies=companies))
    contact = _match_contact(contacts, author.email, message.reply_to, signature, author.name)
    if contact is not None:
        reading = _from_contact(contact, author.email, signature)
    else:
        clues = _clues(message, author, text, companies, signature)
        reading = _decide(message, author, clues, _evidence(message, author, clues))
        reading = _role_from_applications(reading, author.email, text, company_names)
    return replace(reading, received_at=_received_at(message, author, zone))


# What a personal sender's own words say they do (roles.role_from_text).
_SAID_ROLE = {
    "hires": N("They write that they chose for their own team: they hire"),
    "interviewed": N("They write that they interviewed you"),
    "client": N("They write about a client's decision: a recruiter"),
    "search": N("They run a search for a client: a recruiter, whatever their title"),
}


_OVERRULE_A_LEAD = ("interviewed", "search")


def _role_from_applications(
    reading: Reading, email: str, text: str, company_names: Collection[str]
) -> Reading:
    """A personal sender's role from the user's applications, where nothing else gave it:
    their surname is the company's ("Giulia Rossi" of Rossi Design owns it and hires); they
    write from the company's own address with no recruiting title or words (most often the
    manager who met the user); or they write about one of the companies from an address of
    another (an agency)."""
    if reading.channel != RejectionChannel.PERSONAL_EMAIL or reading.sender_role != "unknown":
        return reading
    companies = [company for company in company_names if company.strip()]
    at_the_company = _at_the_company(email, companies)
    found = (
        _owner(reading.sender_name, companies)
        or (at_the_company and _for_the_team(text))
        or at_the_company
        or _an_agency_on(email, text, companies)
    )
    if found is None:
        return reading
    role, reason = found
    return replace(reading, sender_role=role, because=(*reading.because, reason))


def _owner(name: str, companies: list[str]) -> tuple[str, str] | None:
    surname = (fold(name).split() or [""])[-1]
    for company in companies:
        if len(surname) >= 3 and surname in fold(company).split():
            reason = B(N("Their name is the company's (%(company)s): they hire"), company=company)
            return SenderRole.HIRING_MANAGER, reason
    return None


def _for_the_team(text: str) -> tuple[str, str] | None:
    """Someone at the company who passes on the hiring team's decision as another's."""
    if roles.TEAM_DECIDED.search(fold(text)[:3000]):
        return SenderRole.RECRUITER, B(N("They pass on the hiring team's decision: a recruiter"))
    return None


def _at_the_company(email: str, companies: list[str]) -> tuple[str, str] | None:
    own = squash(addresses.organisation_label(email) or "")
    if not own or not _company_mailbox(email):
        return None
    for company in companies:
        if any(spelt in own or own in spelt for spelt in spellings(company)):
            reason = B(
                N("A person at %(company)s with no recruiting title: likely the hiring manager"),
                company=company,
            )
            return SenderRole.HIRING_MANAGER, reason
    return None


def _an_agency_on(email: str, text: str, companies: list[str]) -> tuple[str, str] | None:
    if not (addresses.organisation_label(email) and _company_mailbox(email)):
        return None
    said = fold(text)
    for company in companies:
        if names(said, company):
            reason = B(
                N("They write about %(company)s from another company's address: a recruiter"),
                company=company,
            )
            return SenderRole.RECRUITER, reason
    return None


def _company_mailbox(email: str) -> bool:
    """An address at a firm: not a personal mailbox, nor a tracking system's."""
    return not (addresses.is_free_mail(email) or addresses.is_ats(email))


# -- Who wrote the part being read ---------------------------------------------------


def _me(user_emails: Collection[str], user_names: Collection[str]) -> _Me:
    names = {_key(n) for n in user_names if n and n.strip()}
    # The user signs their own replies with their first name too ("Thanks, Sam").
    names |= {name.split()[0] for name in list(names) if name}
    emails = {e.strip().lower() for e in user_emails if e and e.strip()}
    return _Me(frozenset(emails), frozenset(names))


def _authoring_segment(message: Message, me: _Me) -> _Author:
    """The newest part the user did not write, and its author's name and address."""
    segments = message.segments or (Segment(text=message.body),)
    fallback: _Author | None = None
    for index, segment in enumerate(segments):
        if not segment.text:
            continue
        author = _author_of(message, segment, index)
        fallback = fallback or author
        following = segments[index + 1] if index + 1 < len(segments) else None
        if not _passed_on(author, following, me):
            return author
    return fallback or _Author(Segment(), message.from_name, message.from_email.lower(), 0)


def _author_of(message: Message, segment: Segment, index: int) -> _Author:
    name, email = segment.author_name, segment.author_email
    if index == 0 and not (name or email):
        name, email = message.from_name, message.from_email
    return _Author(segment, name, email.lower(), index)


def _passed_on(author: _Author, following: Segment | None, me: _Me) -> bool:
    """Whether the part hands over to the one it quotes: the user wrote it, or it is a
    short note above a forwarded message (the forwarder's, not the sender's)."""
    signed = find_signature(author.segment.text[:_ANALYSED_CHARS])
    short = len(author.segment.text.split()) <= 40
    if _by_user(author, signed, following, short, me):
        return True
    forwarding = following is not None and following.how == "forward"
    # ...unless the forwarder signed it: a recruiter passing on a manager's notes wrote. A
    # friend writing from a personal mailbox only passes the letter on, however long the note.
    friend = addresses.is_free_mail(author.email)
    return forwarding and (friend or (short and not signed.name))


def _by_user(
    author: _Author, signed: Signature, following: Segment | None, short: bool, me: _Me
) -> bool:
    if author.email in me.emails or (author.name and _key(author.name) in me.names):
        return True
    if author.name or author.email:
        return False
    last_line = author.segment.text.rstrip().rsplit("\n", 1)[-1]
    if _key(signed.name or last_line) in me.names:
        return True
    # Pasted text: an unsigned short note above a quoted message with a known author is
    # the user's own reply, copied along with what it answers.
    quoted_author = following is not None and bool(following.author_name or following.author_email)
    return not signed.name and quoted_author and short


def _signature(text: str, companies: set[str], me: _Me) -> Signature:
    signature = find_signature(text, companies=companies)
    if signature.name and _key(signature.name) in me.names:
        return Signature()
    return signature


def _with_chat_sender(signature: Signature, chat: Signature) -> Signature:
    """A pasted chat or network message names its sender at the top, often with a title
    ("Callum Breen · 1st" over "Senior Technical Recruiter at ..."); the name signed at the
    bottom is the same person's, and the title at the top still says what they do."""
    if not signature.name:
        return chat or signature
    if chat.title and not signature.title and _same_first_name(signature.name, chat.name):
        return replace(signature, title=chat.title)
    return signature


def _received_at(message: Message, author: _Author, zone: ZoneInfo) -> datetime | None:
    segment, index = author.segment, author.index
    when = segment.date if index > 0 or segment.date else message.date
    if when is None and index == 0:
        when = message.date
    if when is None:
        return None
    if when.tzinfo is None or when.utcoffset() is None:
        when = when.replace(tzinfo=zone)
    try:
        return when.astimezone(zone)
    except (OverflowError, ValueError):
        return None


# -- What the part says about who wrote it -------------------------------------------


def _clues(
    message: Message, author: _Author, text: str, companies: set[str], signature: Signature
) -> _Clues:
    email = author.email
    robot = addresses.is_no_reply(email) or addresses.is_ats(email)
    team_address = addresses.is_team_address(email)
    folded = phrases.fold(text)
    name = author.name
    if name.isupper() and len(name) > 3:
        name = name.title()  # "DANA SMITH" as some directories send it
    display_person = clean_person(name if is_person_name(clean_person(name), companies) else "")
    display_team = "" if display_person or not is_team_name(name, companies) else name
    own_address = bool(email) and not robot and not team_address
    reply_to = message.reply_to
    return _Clues(
        text=text,
        signature=signature,
        robot=robot,
        team_address=team_address,
        own_address=own_address,
        automation=phrases.found(phrases.AUTOMATION, folded),
        stock=phrases.found(phrases.FORM_LETTER, folded),
        talk=phrases.found(phrases.PERSONAL, folded),
        display_person=display_person,
        display_team=display_team,
        person=_person_name(signature, display_person),
        personal_reply_to=reply_to if _is_individual(reply_to) and author.index == 0 else "",
    )


def _evidence(message: Message, author: _Author, clues: _Clues) -> _Evidence:
    evidence = _Evidence()
    if author.index == 0 and message.has_headers:
        evidence.form += _header_evidence(message)
    evidence.form += _form_evidence(author.email, clues)
    evidence.person += _person_evidence(message, author, clues)
    return evidence


def _header_evidence(message: Message) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    if message.auto_submitted:
        found.append((_STRONG, B(N("Marked as sent automatically (Auto-Submitted header)"))))
    if message.precedence_bulk:
        found.append((_STRONG, B(N("Sent as bulk mail (Precedence: bulk)"))))
    if message.list_unsubscribe:
        found.append((_WEAK, B(N("Carries an unsubscribe link, as mailings do"))))
    return found


def _form_evidence(email: str, clues: _Clues) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    if addresses.is_no_reply(email):
        found.append((_STRONG, B(N("From a no-reply address (%(address)s)"), address=email)))
    elif addresses.is_ats(email):
        domain = addresses.domain_of(email)
        found.append((_STRONG, B(_ATS, domain=domain)))
    if clues.team_address and not clues.robot:
        found.append((_MEDIUM, B(N("From a shared team mailbox (%(address)s)"), address=email)))
    if clues.automation:
        said = B(N("Says it was sent automatically (“%(words)s”)"), words=clues.automation)
        found.append((_STRONG, said))
    if clues.display_team:
        team = B(N("From “%(team)s”, a team rather than a person"), team=clues.display_team)
        found.append((_MEDIUM, team))
    signature = clues.signature
    if signature.team and not signature.name:
        signed = B(N("Signed by a team, not a person (“%(team)s”)"), team=signature.team)
        found.append((_STRONG, signed))
    return found


def _person_evidence(message: Message, author: _Author, clues: _Clues) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    email = author.email
    if clues.signature.name:
        found.append((_MEDIUM, _signed_sentence(clues.signature)))
    if clues.display_person and clues.own_address:
        own = B(
            N("From %(person)s's own address (%(address)s)"),
            person=clues.display_person,
            address=email,
        )
        found.append((_MEDIUM, own))
    elif clues.own_address and not clues.person and _looks_individual_local(email):
        found.append((_WEAK, B(N("From an individual's address (%(address)s)"), address=email)))
    if clues.talk:
        found.append(
            (_WEAK, B(N("Writes about your conversation (“%(words)s”)"), words=clues.talk))
        )
    if author.segment.how == "reply" or (
        author.index == 0 and message.in_reply_to and clues.own_address
    ):
        found.append((_WEAK, B(N("A reply in a conversation with you"))))
    return found


# -- The channel and the sender ------------------------------------------------------


def _decide(message: Message, author: _Author, clues: _Clues, evidence: _Evidence) -> Reading:
    """The rules of the module's docstring, in their order."""
    email, person = author.email, clues.person
    if evidence.strong_form():
        return _sent_by_a_system(author, clues, evidence)
    if person and _named_author_wrote(message, author, clues):
        return _signed_by_a_person(author, clues, evidence)
    if evidence.form:
        if person and clues.talk:
            return _personal(person, email, clues.signature, evidence, boost=-1, words=clues.text)
        return _automated(email, _unanswered(clues), _with_stock(evidence, clues.stock))
    if clues.stock and not clues.talk:
        sentence = B(N("Uses a stock phrase (“%(words)s”) and names no author"), words=clues.stock)
        evidence.form.append((_WEAK, sentence))
        return _automated(email, _unanswered(clues), evidence)
    if clues.own_address and (clues.talk or _looks_individual_local(email)):
        return _personal("", email, clues.signature, evidence, boost=-1)
    return _unknown(email if clues.own_address else "", evidence)


def _named_author_wrote(message: Message, author: _Author, clues: _Clues) -> bool:
    """The named person is the sender: it came from their own address, or nothing (no
    headers, a quoted part, no address) says it came from anywhere else."""
    return clues.own_address or not message.has_headers or author.index > 0 or not author.email


def _sent_by_a_system(author: _Author, clues: _Clues, evidence: _Evidence) -> Reading:
    """Sent through a system, but perhaps on a person's behalf: naming them to reply to,
    about the user's conversation with them."""
    reachable = clues.personal_reply_to or clues.own_address
    if clues.person and reachable and clues.talk and not clues.automation:
        email = author.email if clues.own_address else clues.personal_reply_to
        return _personal(clues.person, email, clues.signature, evidence, boost=-1, words=clues.text)
    return _automated(author.email, _unanswered(clues), _with_stock(evidence, clues.stock))


def _signed_by_a_person(author: _Author, clues: _Clues, evidence: _Evidence) -> Reading:
    if not author.email and clues.stock and not clues.signature.name:
        return _automated(author.email, _unanswered(clues), _with_stock(evidence, clues.stock))
    email = author.email if clues.own_address else _address_in_signature(clues.text, clues.person)
    return _personal(
        clues.person,
        email,
        clues.signature,
        _with_stock(evidence, clues.stock),
        words=clues.text,
    )


def _unanswered(clues: _Clues) -> bool:
    """No one reads replies to the address: a no-reply or tracking system's, or a team
    mailbox whose letter says it was sent automatically or asks not to be answered. A form
    letter then gives no address to write back to."""
    return clues.robot or bool(clues.automation)


def _with_stock(evidence: _Evidence, stock: str) -> _Evidence:
    if stock:
        evidence.form.append((_WEAK, B(N("Uses a stock phrase (“%(words)s”)"), words=stock)))
    return evidence


def _unknown(email: str, evidence: _Evidence) -> Reading:
    because = [reason for _, reason in evidence.person + evidence.form]
    because.append(B(N("Rebound could not tell who wrote this; please fill in what you know")))
    return Reading(
        channel=RejectionChannel.UNKNOWN,
        sender_email=email,
        confidence=0.2,
        because=tuple(because),
    )


def _company_words(company_names: Collection[str], author_email: str) -> list[str]:
    words = [c.strip().lower() for c in company_names if c and c.strip()]
    if author_email and _company_mailbox(author_email):
        label = addresses.organisation_label(author_email)
        if label:
            words.append(label)
    return words


def _key(name: str) -> str:
    """A name as compared: "José Núñez" and "jose nunez" are the same person."""
    decomposed = unicodedata.normalize("NFKD", clean_person(name).lower())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def _person_name(signature: Signature, display_person: str) -> str:
    if signature.name and display_person:
        # "D." or "D Farrow" under Dana Farrow: the initial stands for the name shown.
        signed, shown = signature.name.split(), display_person.split()
        if _initial_of(signed, shown):
            return display_person
        if _initial_of(shown, signed):
            return signature.name
        # "Best, Dana" from Dana Whitfield: the display name gives the whole name.
        if display_person.lower().startswith(signature.name.lower()):
            return display_person
        if len(signature.name.split()) == 1 and signature.name.lower() in display_person.lower():
            return display_person
    return signature.name or display_person


def _initial_of(short: list[str], full: list[str]) -> bool:
    """ "D." or "D Farrow" for Dana Farrow: an initial, and the same surname if any."""
    initial = short[0].strip(".")
    same_surname = len(short) == 1 or short[-1].lower() == full[-1].lower()
    return len(initial) == 1 and initial.lower() == full[0][0].lower() and same_surname


def _signed_sentence(signature: Signature) -> str:
    if signature.title:
        return B(N("Signed %(name)s, %(title)s"), name=signature.name, title=signature.title)
    return B(N("Signed %(name)s"), name=signature.name)


def _is_individual(address: str) -> bool:
    return (
        bool(address)
        and not addresses.is_no_reply(address)
        and not addresses.is_ats(address)
        and not addresses.is_team_address(address)
    )


def _looks_individual_local(address: str) -> bool:
    """dana.whitfield@ or dwhitfield@: a mailbox that belongs to one person."""
    local = address.partition("@")[0]
    return (
        _is_individual(address)
        and ("." in local or "_" in local)
        and not any(ch.isdigit() for ch in local)
    )


def _address_in_signature(text: str, person: str) -> str:
    tail = "\n".join(text.split("\n")[-12:])
    for address in addresses.find_addresses(tail):
        if _is_individual(address):
            return address.lower()
    return ""


def _match_contact(
    contacts: Sequence[KnownContact],
    author_email: str,
    reply_to: str,
    signature: Signature,
    author_name: str,
) -> KnownContact | None:
    """By address first, then full name, then first name (only when one contact has it)."""
    names = [n for n in (signature.name, clean_person(author_name)) if n and is_person_name(n)]
    return (
        _contact_by_address(contacts, (author_email, reply_to))
        or _contact_by_name(contacts, names)
        or _contact_by_first_name(contacts, names)
    )


def _contact_by_address(
    contacts: Sequence[KnownContact], sent_from: Sequence[str]
) -> KnownContact | None:
    by_email = {c.email.strip().lower(): c for c in contacts if c.email and c.email.strip()}
    return next((by_email[a.lower()] for a in sent_from if a and a.lower() in by_email), None)


def _contact_by_name(contacts: Sequence[KnownContact], names: list[str]) -> KnownContact | None:
    return next(
        (c for name in names for c in contacts if c.name and _key(c.name) == _key(name)), None
    )


def _contact_by_first_name(
    contacts: Sequence[KnownContact], names: list[str]
) -> KnownContact | None:
    for name in names:
        first = _key(name).split()[0] if _key(name) else ""
        matches = [c for c in contacts if c.name and _key(c.name).split()[:1] == [first]]
        if first and len(matches) == 1:
            return matches[0]
    return None


# A contact's role as the evidence names it, in lower case mid-sentence.
_ROLE_WORDS = {
    SenderRole.RECRUITER: N("recruiter"),
    SenderRole.HR: N("HR"),
    SenderRole.HIRING_MANAGER: N("hiring manager"),
    SenderRole.INTERVIEWER: N("interviewer"),
}


def _role(role: str) -> B:
    return B(_ROLE_WORDS.get(SenderRole(role), role.replace("_", " ")))


def _contact_role(role: str) -> str:
    return role if role in SENDER_ROLES else SenderRole.UNKNOWN


def _from_contact(contact: KnownContact, author_email: str, signature: Signature) -> Reading:
    role = _contact_role(contact.role)
    because = [
        B(
            N("%(person)s is one of this application's contacts"),
            person=contact.name or contact.email,
        )
    ]
    if role != SenderRole.UNKNOWN:
        because.append(B(N("Their role comes from your contacts (%(role)s)"), role=_role(role)))
    email = (
        contact.email.lower()
        if contact.email
        else (author_email if _is_individual(author_email) else "")
    )
    return Reading(
        channel=RejectionChannel.PERSONAL_EMAIL,
        sender_role=role,
        sender_name=contact.name or signature.name,
        sender_email=email,
        confidence=0.9,
        because=tuple(because),
    )


def _personal(
    name: str,
    email: str,
    signature: Signature,
    evidence: _Evidence,
    *,
    boost: int = 0,
    words: str = "",
) -> Reading:
    """`words`: the letter, where a person may say what they do ("I hired for my team")."""
    role = (
        role_from_title(signature.title)
        if signature.name and _same_first_name(signature.name, name)
        else SenderRole.UNKNOWN
    )
    because = [reason for _, reason in sorted(evidence.person, key=lambda e: -e[0])]
    said_role, said = role_from_text(fold(words)) if name else (SenderRole.UNKNOWN, "")
    # A lead who ran the user's interview and writes the no says so: they interviewed. A
    # partner or director who passes on a client's decision leads a search firm: they recruit.
    if role == SenderRole.HIRING_MANAGER and said in _OVERRULE_A_LEAD:
        role = SenderRole.UNKNOWN
    if role != SenderRole.UNKNOWN:
        because.append(
            B(N("Their role comes from their signature (%(title)s)"), title=signature.title)
        )
    elif name:
        role = said_role
        if said:
            because.append(B(_SAID_ROLE[said]))
    because += [although(reason) for _, reason in evidence.form]
    score = evidence.weight(evidence.person) - evidence.weight(evidence.form) + boost
    return Reading(
        channel=RejectionChannel.PERSONAL_EMAIL,
        sender_role=role,
        sender_name=name,
        sender_email=email,
        confidence=_confidence(score),
        because=tuple(because),
    )


def _same_first_name(signed: str, name: str) -> bool:
    """The signature is the sender's: "Dana" or "J. Whitfield" for Joanna Whitfield."""
    first, full = signed.split()[0], name.split()
    return name.startswith(first) or (bool(full) and _initial_of(signed.split(), full))


def _automated(email: str, robot: bool, evidence: _Evidence) -> Reading:
    because = [reason for _, reason in sorted(evidence.form, key=lambda e: -e[0])]
    because += [although(reason) for _, reason in evidence.person]
    score = evidence.weight(evidence.form) - evidence.weight(evidence.person)
    return Reading(
        channel=RejectionChannel.AUTOMATED,
        sender_email="" if robot or not email else email,
        confidence=_confidence(score),
        because=tuple(because),
    )


def _confidence(score: int) -> float:
    """0.5 for evidence that barely leans one way, up to 0.95 for a clear case."""
    return round(min(0.95, max(0.3, 0.45 + 0.08 * score)), 2)
