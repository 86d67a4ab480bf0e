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
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from tracker.mail import addresses, phrases
from tracker.mail.limits import MAX_MESSAGE_CHARS
from tracker.mail.parse import parse_message
from tracker.mail.roles import role_from_title
from tracker.mail.signature import (
    Signature,
    clean_person,
    find_signature,
    is_person_name,
    is_team_name,
)
from tracker.mail.types import KnownContact, Message, Reading, Segment
from tracker.mail.vocabulary import SENDER_ROLES, RejectionChannel, SenderRole

_ANALYSED_CHARS = 10_000
_FREE_MAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "yahoo.com",
        "ymail.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "gmx.de",
        "gmx.net",
        "gmx.com",
        "web.de",
        "t-online.de",
        "posteo.de",
        "proton.me",
        "protonmail.com",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "sfr.fr",
        "wanadoo.fr",
        "yahoo.fr",
        "hotmail.fr",
        "yahoo.es",
        "hotmail.es",
        "telefonica.net",
        "fastmail.com",
        "hey.com",
        "zoho.com",
        "mail.com",
    ]
)
_STRONG, _MEDIUM, _WEAK = 3, 2, 1


@dataclass
class _Evidence:
    form: list[tuple[int, str]] = field(default_factory=list)
    person: list[tuple[int, str]] = field(default_factory=list)

    def weight(self, side: list[tuple[int, str]]) -> int:
        return sum(w for w, _ in side)


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
    mine = {e.strip().lower() for e in user_emails if e and e.strip()}
    my_names = {_key(n) for n in user_names if n and n.strip()}
    # The user signs their own replies with their first name too ("Thanks, Sam").
    my_names |= {name.split()[0] for name in list(my_names) if name}
    segment, author_name, author_email, index = _authoring_segment(message, mine, my_names)
    text = segment.text[:_ANALYSED_CHARS]
    folded = phrases.fold(text)
    companies = set(_company_words(company_names, author_email))
    signature = find_signature(text, companies=companies)
    if signature.name and _key(signature.name) in my_names:
        signature = Signature()
    received_at = _received_at(message, segment, index, zone)

    contact = _match_contact(contacts, author_email, message.reply_to, signature, author_name)
    if contact is not None:
        return _from_contact(contact, author_email, signature, received_at)

    evidence = _Evidence()
    headers_apply = index == 0 and message.has_headers
    if headers_apply and message.auto_submitted:
        evidence.form.append((_STRONG, "Marked as sent automatically (Auto-Submitted header)"))
    if headers_apply and message.precedence_bulk:
        evidence.form.append((_STRONG, "Sent as bulk mail (Precedence: bulk)"))
    if headers_apply and message.list_unsubscribe:
        evidence.form.append((_WEAK, "Carries an unsubscribe link, as mailings do"))
    robot = addresses.is_no_reply(author_email) or addresses.is_ats(author_email)
    if addresses.is_no_reply(author_email):
        evidence.form.append((_STRONG, f"From a no-reply address ({author_email})"))
    elif addresses.is_ats(author_email):
        domain = addresses.domain_of(author_email)
        evidence.form.append(
            (_STRONG, f"Sent by an applicant-tracking system or job board ({domain})")
        )
    team_address = addresses.is_team_address(author_email)
    if team_address and not robot:
        evidence.form.append((_MEDIUM, f"From a shared team mailbox ({author_email})"))
    automation = phrases.found(phrases.AUTOMATION, folded)
    if automation:
        evidence.form.append((_STRONG, f"Says it was sent automatically (“{automation}”)"))

    if author_name.isupper() and len(author_name) > 3:
        author_name = author_name.title()  # "DANA SMITH" as some directories send it
    display_person = author_name if is_person_name(clean_person(author_name), companies) else ""
    display_person = clean_person(display_person)
    display_team = (
        "" if display_person else (author_name if is_team_name(author_name, companies) else "")
    )
    if display_team:
        evidence.form.append((_MEDIUM, f"From “{display_team}”, a team rather than a person"))
    if signature.team and not signature.name:
        evidence.form.append((_STRONG, f"Signed by a team, not a person (“{signature.team}”)"))
    stock = phrases.found(phrases.FORM_LETTER, folded)
    talk = phrases.found(phrases.PERSONAL, folded)

    person = _person_name(signature, display_person)
    own_address = bool(author_email) and not robot and not team_address
    personal_reply_to = message.reply_to if _is_individual(message.reply_to) and index == 0 else ""
    if signature.name:
        evidence.person.append((_MEDIUM, _signed_sentence(signature)))
    if display_person and own_address:
        evidence.person.append((_MEDIUM, f"From {display_person}'s own address ({author_email})"))
    elif own_address and not person and _looks_individual_local(author_email):
        evidence.person.append((_WEAK, f"From an individual's address ({author_email})"))
    if talk:
        evidence.person.append((_WEAK, f"Writes about your conversation (“{talk}”)"))
    if segment.how == "reply" or (index == 0 and message.in_reply_to and own_address):
        evidence.person.append((_WEAK, "A reply in a conversation with you"))

    strong_form = any(w == _STRONG for w, _ in evidence.form)
    if strong_form:
        # Sent through a system on a person's behalf, naming them to reply to, about your talk.
        if person and (personal_reply_to or own_address) and talk and not automation:
            email = author_email if own_address else personal_reply_to
            return _personal(person, email, signature, evidence, received_at, boost=-1)
        if stock:
            evidence.form.append((_WEAK, f"Uses a stock phrase (“{stock}”)"))
        return _automated(author_email, robot, evidence, received_at)
    if person and (own_address or not message.has_headers or index > 0 or not author_email):
        if not author_email and stock and not signature.name:
            evidence.form.append((_WEAK, f"Uses a stock phrase (“{stock}”)"))
            return _automated(author_email, robot, evidence, received_at)
        email = author_email if own_address else _address_in_signature(text, person)
        if stock:
            evidence.form.append((_WEAK, f"Uses a stock phrase (“{stock}”)"))
        return _personal(person, email, signature, evidence, received_at)
    if evidence.form:
        if person and talk:
            return _personal(person, author_email, signature, evidence, received_at, boost=-1)
        if stock:
            evidence.form.append((_WEAK, f"Uses a stock phrase (“{stock}”)"))
        return _automated(author_email, robot, evidence, received_at)
    if stock and not talk:
        evidence.form.append((_WEAK, f"Uses a stock phrase (“{stock}”) and names no author"))
        return _automated(author_email, robot, evidence, received_at)
    if own_address and (talk or _looks_individual_local(author_email)):
        return _personal("", author_email, signature, evidence, received_at, boost=-1)
    because = [reason for _, reason in evidence.person + evidence.form]
    because.append("Rebound could not tell who wrote this; please fill in what you know")
    return Reading(
        channel=RejectionChannel.UNKNOWN,
        sender_email=author_email if own_address else "",
        received_at=received_at,
        confidence=0.2,
        because=tuple(because),
    )


def _authoring_segment(
    message: Message, mine: set[str], my_names: set[str]
) -> tuple[Segment, str, str, int]:
    """The newest part the user did not write, and its author's name and address."""
    segments = message.segments or (Segment(text=message.body),)
    fallback: tuple[Segment, str, str, int] | None = None
    for index, segment in enumerate(segments):
        name, email = segment.author_name, segment.author_email
        if index == 0 and not (name or email):
            name, email = message.from_name, message.from_email
        candidate = (segment, name, email.lower(), index)
        if fallback is None and segment.text:
            fallback = candidate
        if not segment.text:
            continue
        by_user = (email and email.lower() in mine) or (name and _key(name) in my_names)
        signed = find_signature(segment.text[:_ANALYSED_CHARS])
        last_line = segment.text.rstrip().rsplit("\n", 1)[-1]
        if not by_user and not (name or email):
            by_user = _key(signed.name or last_line) in my_names
        # Pasted text: an unsigned short note above a quoted message with a known author is
        # the user's own reply, copied along with what it answers.
        if not (name or email or signed.name) and index + 1 < len(segments):
            later = segments[index + 1]
            if (later.author_name or later.author_email) and len(segment.text.split()) <= 40:
                by_user = True
        # A short note above a forwarded message is the forwarder's, not the sender's.
        forwarding = (
            index + 1 < len(segments)
            and segments[index + 1].how == "forward"
            and len(segment.text.split()) <= 40
        )
        # ...unless the forwarder signed it: a recruiter passing on a manager's notes wrote.
        if by_user or (forwarding and not signed.name):
            continue
        return candidate
    return fallback or (Segment(), message.from_name, message.from_email.lower(), 0)


def _received_at(message: Message, segment: Segment, index: int, zone: ZoneInfo) -> datetime | None:
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


def _company_words(company_names: Collection[str], author_email: str) -> list[str]:
    words = [c.strip().lower() for c in company_names if c and c.strip()]
    domain = addresses.domain_of(author_email)
    if author_email and domain not in _FREE_MAIL and not addresses.is_ats(author_email):
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
        # "Best, Dana" from Dana Whitfield: the display name gives the whole name.
        if display_person.lower().startswith(signature.name.lower()):
            return display_person
        if len(signature.name.split()) == 1 and signature.name.lower() in display_person.lower():
            return display_person
    return signature.name or display_person


def _signed_sentence(signature: Signature) -> str:
    if signature.title:
        return f"Signed {signature.name}, {signature.title}"
    return f"Signed {signature.name}"


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
    by_email = {c.email.strip().lower(): c for c in contacts if c.email and c.email.strip()}
    for address in (author_email, reply_to):
        if address and address.lower() in by_email:
            return by_email[address.lower()]
    names = [n for n in (signature.name, clean_person(author_name)) if n and is_person_name(n)]
    for name in names:
        for contact in contacts:
            if contact.name and _key(contact.name) == _key(name):
                return contact
    for name in names:
        first = _key(name).split()[0] if _key(name) else ""
        matches = [c for c in contacts if c.name and _key(c.name).split()[:1] == [first]]
        if first and len(matches) == 1:
            return matches[0]
    return None


def _contact_role(role: str) -> str:
    return role if role in SENDER_ROLES else SenderRole.UNKNOWN


def _from_contact(
    contact: KnownContact, author_email: str, signature: Signature, received_at: datetime | None
) -> Reading:
    role = _contact_role(contact.role)
    because = [f"{contact.name or contact.email} is one of this application's contacts"]
    if role != SenderRole.UNKNOWN:
        because.append(f"Their role comes from your contacts ({role.replace('_', ' ')})")
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
        received_at=received_at,
        confidence=0.9,
        because=tuple(because),
    )


def _personal(
    name: str,
    email: str,
    signature: Signature,
    evidence: _Evidence,
    received_at: datetime | None,
    *,
    boost: int = 0,
) -> Reading:
    role = (
        role_from_title(signature.title)
        if signature.name and name.startswith(signature.name.split()[0])
        else SenderRole.UNKNOWN
    )
    because = [reason for _, reason in sorted(evidence.person, key=lambda e: -e[0])]
    if role != SenderRole.UNKNOWN:
        because.append(f"Their role comes from their signature ({signature.title})")
    against = [reason for _, reason in evidence.form]
    because += [f"Although: {reason[0].lower()}{reason[1:]}" for reason in against]
    score = evidence.weight(evidence.person) - evidence.weight(evidence.form) + boost
    return Reading(
        channel=RejectionChannel.PERSONAL_EMAIL,
        sender_role=role,
        sender_name=name,
        sender_email=email,
        received_at=received_at,
        confidence=_confidence(score),
        because=tuple(because),
    )


def _automated(
    email: str, robot: bool, evidence: _Evidence, received_at: datetime | None
) -> Reading:
    because = [reason for _, reason in sorted(evidence.form, key=lambda e: -e[0])]
    because += [f"Although: {reason[0].lower()}{reason[1:]}" for _, reason in evidence.person]
    score = evidence.weight(evidence.form) - evidence.weight(evidence.person)
    return Reading(
        channel=RejectionChannel.AUTOMATED,
        sender_email="" if robot or not email else email,
        received_at=received_at,
        confidence=_confidence(score),
        because=tuple(because),
    )


def _confidence(score: int) -> float:
    """0.5 for evidence that barely leans one way, up to 0.95 for a clear case."""
    return round(min(0.95, max(0.3, 0.45 + 0.08 * score)), 2)
