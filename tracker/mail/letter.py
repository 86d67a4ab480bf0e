"""The letter a message carries, and the fingerprints that say two messages are one.

A forward from the user's own account (Gmail's "---------- Forwarded message", Outlook's
"From: ... Sent: ...", Apple Mail's "Begin forwarded message:") carries a letter under a
note; the letter is what the queue shows and what tells a forward of a mail already read
over IMAP from a new one. Pure: no ORM, no I/O.
"""

import hashlib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from tracker.mail.types import Message, Segment

# A note above what it passes on ("FYI", "another one :(") is short.
_NOTE_WORDS = 40
_NOT_WORDS = re.compile(r"[^0-9a-z]+")
_PREFIXES = re.compile(r"^(?:\s*(?:re|fwd?|aw|wg|tr|rv|res|enc|r|i|sv|vs)\s*:\s*)+", re.I)


def letter_text(message: Message, *, user_emails: Collection[str] = ()) -> str:
    """The newest text, or under a short note the message it forwards (or that the user's
    own short reply quotes): the letter, not the note."""
    return _letter(message, user_emails)[0]


@dataclass(frozen=True)
class Letter:
    """The letter a message carries, who wrote it and when (as its forward block, else the
    message's headers, say; a forward block's date may be naive: wall time)."""

    text: str
    author_name: str
    author_email: str
    date: datetime | None


def letter_of(message: Message, *, user_emails: Collection[str] = ()) -> Letter:
    """The letter (as letter_text), with its author and date."""
    segment = _letter_segment(message, user_emails)
    if segment is not None:
        return Letter(segment.text, segment.author_name, segment.author_email.lower(), segment.date)
    return Letter(
        message.newest or message.body,
        message.from_name,
        message.from_email.lower(),
        message.date,
    )


def letter_key(message: Message, *, user_emails: Collection[str] = ()) -> str:
    """sha256 of what makes a letter that letter however it is passed on: who wrote it, its
    subject without "Fwd:" or "Re:", and its words (forwarding re-wraps lines and quotes
    them with ">"). Two form letters alike in every word but sent for two applications
    differ by their subject or sender."""
    text, author = _letter(message, user_emails)
    words = _plain(text)
    if not words:
        return ""
    subject = _plain(_PREFIXES.sub("", message.subject))
    return hashlib.sha256(f"letter:{author}|{subject}|{words}".encode()).hexdigest()


def _letter(message: Message, user_emails: Collection[str]) -> tuple[str, str]:
    """The letter and its author's address ("" when the forward does not say)."""
    segment = _letter_segment(message, user_emails)
    if segment is not None:
        return segment.text, segment.author_email.lower()
    return message.newest or message.body, message.from_email.lower()


def _letter_segment(message: Message, user_emails: Collection[str]) -> Segment | None:
    """The part under a short note that the note passes on, if there is one."""
    segments = message.segments
    mine = {e.strip().lower() for e in user_emails if e}
    if len(segments) > 1 and segments[1].text.strip():
        note, letter = segments[0], segments[1]
        short = len(note.text.split()) <= _NOTE_WORDS
        from_user = message.from_email.lower() in mine
        if short and (letter.how == "forward" or from_user):
            return letter
    return None


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return _NOT_WORDS.sub("", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def message_fingerprint(message: Message, *, user_emails: Collection[str] = ()) -> str:
    """sha256 of the Message-ID, else the letter's key."""
    message_id = message.message_id.strip().strip("<>").strip().lower()
    if message_id and len(message_id) <= 300:
        return hashlib.sha256(f"mid:{message_id}".encode()).hexdigest()
    key = letter_key(message, user_emails=user_emails)
    return key or hashlib.sha256(b"empty").hexdigest()
