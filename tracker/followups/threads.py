"""Whether a message belongs to a follow-up's thread: the recipient's answer to what the
user sent, or the user's own copy of it in their Sent folder. Pure: no ORM, no I/O.

A message is in a follow-up's thread when it answers the Message-ID the user sent (when
their mail client kept In-Reply-To or References), else when its subject is the
follow-up's (or the letter's it replied to) once the "Re:", "AW:", "Fwd:"... that mail
clients put in front in the seven languages are taken off. It is the recipient's when the
People merge rule says the writer and the recipient are one person.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from tracker.applications.contact_keys import ContactKeys, contacts_same_person

# Reply and forward markers: English (Re, Fw, Fwd), German (AW, WG, Antw), French (RE, TR,
# Réf), Spanish (RE, RV, Reenv), Dutch (Antw, Doorst), Italian (R, I, Rif), Portuguese (RES,
# ENC), with Outlook's counters ("RE[2]:") and a list tag ("[jobs]") in front.
_PREFIX = re.compile(
    r"^\s*(?:\[[^\]]{0,40}\]\s*)?"
    r"(?:re|fw|fwd|aw|wg|antw|antwort|tr|ref|réf|rv|reenv|doorst|r|i|rif|res|enc|sv|vs)"
    r"\s*(?:\[\d{1,3}\]|\(\d{1,3}\))?\s*[:\uff1a]\s*",
    re.I,
)
_SPACES = re.compile(r"\s+")
CLOCK_SLACK = timedelta(minutes=2)


def subject_key(subject: str) -> str:
    """The subject with every reply or forward marker in front taken off, folded: "Re: AW:
    Thank you" and "thank you" are one thread."""
    text = unicodedata.normalize("NFKC", subject or "")
    while True:
        shorter = _PREFIX.sub("", text, count=1)
        if shorter == text:
            break
        text = shorter
    return _SPACES.sub(" ", text).strip().casefold()


def message_id_key(message_id: str) -> str:
    """A Message-ID as headers compare it: without its angle brackets, case folded."""
    return message_id.strip().strip("<>").strip().lower()


@dataclass(frozen=True)
class Thread:
    """A follow-up as the matcher sees it."""

    followup_id: int
    recipient_name: str
    recipient_email: str
    # The application's company: a name alone names the same person only within it.
    company_id: int | None
    # The follow-up's own subject, and that of the letter it replies to when known.
    subjects: tuple[str, ...]
    # The Message-ID of what the user sent, when Rebound saw it in their Sent folder.
    message_ids: tuple[str, ...] = ()
    # When the follow-up was proposed: nothing written before it answers it (the letter
    # it replies to, forwarded late, shares its subject).
    since: datetime | None = None

    # Worked out once a thread, not once a message and thread: a reading run checks every
    # message against every follow-up.
    @cached_property
    def person(self) -> ContactKeys:
        return ContactKeys.of(
            name=self.recipient_name, email=self.recipient_email, company_id=self.company_id
        )

    @cached_property
    def subject_keys(self) -> frozenset[str]:
        return frozenset(k for k in map(subject_key, self.subjects) if k)

    @cached_property
    def message_id_keys(self) -> frozenset[str]:
        return frozenset(message_id_key(m) for m in self.message_ids if m.strip())


@dataclass(frozen=True)
class Incoming:
    """A message that may answer a follow-up: who wrote its letter (for a forward, the one
    it passes on), its subject, and the Message-IDs it says it replies to."""

    author_name: str
    author_email: str
    subject: str
    replies_to: tuple[str, ...] = ()
    # When its letter was written (aware), if the message says.
    written_at: datetime | None = None


@dataclass(frozen=True)
class SentCopy:
    """A message in the user's Sent folder: who it went to, its subject, its Message-ID."""

    to: tuple[str, ...]
    subject: str
    message_id: str = ""


def _is_recipient(thread: Thread, writer: ContactKeys) -> bool:
    """The People merge rule, the follow-up's application standing for the company."""
    person = thread.person
    if not (person.email or person.name):
        return False
    return contacts_same_person(person, ContactKeys(writer.email, writer.name, thread.company_id))


def _writer(*, name: str, email: str) -> ContactKeys:
    return ContactKeys.of(name=name, email=email, company_id=None)


def answered_thread(incoming: Incoming, threads: Sequence[Thread]) -> Thread | None:
    """The follow-up this message answers, or None.

    Threads come newest first: where two follow-ups to one person share a subject (a
    thank-you after each interview, "Thank you"), the answer is to the latest. A reply to
    the Message-ID the user sent wins over a subject.
    """
    writer = _writer(name=incoming.author_name, email=incoming.author_email)
    theirs = [t for t in threads if _is_recipient(t, writer)]
    if not theirs:
        return None
    replies_to = {message_id_key(m) for m in incoming.replies_to if m.strip()}
    for thread in theirs:
        if replies_to & thread.message_id_keys:
            return thread
    key = subject_key(incoming.subject)
    return next((t for t in theirs if key and key in t.subject_keys and _after(incoming, t)), None)


def _after(incoming: Incoming, thread: Thread) -> bool:
    """Written after the follow-up was proposed, give or take the clocks of mail servers
    (a Date header counts whole seconds, and senders' clocks drift)."""
    if incoming.written_at is None or thread.since is None:
        return True
    return incoming.written_at > thread.since - CLOCK_SLACK


def sent_thread(copy: SentCopy, threads: Iterable[Thread]) -> Thread | None:
    """The follow-up this copy in the Sent folder is the sending of, or None: to its
    recipient's address, on its subject."""
    key = subject_key(copy.subject)
    to = [_writer(name="", email=address) for address in copy.to]
    for thread in threads:
        if not (thread.recipient_email and key and key in thread.subject_keys):
            continue
        if any(_is_recipient(thread, person) for person in to):
            return thread
    return None
