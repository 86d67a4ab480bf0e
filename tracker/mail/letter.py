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

from tracker.mail.types import Message

# A note above what it passes on ("FYI", "another one :(") is short.
_NOTE_WORDS = 40
_NOT_WORDS = re.compile(r"[^0-9a-z]+")


def letter_text(message: Message, *, user_emails: Collection[str] = ()) -> str:
    """The newest text, or under a short note the message it forwards (or that the user's
    own short reply quotes): the letter, not the note."""
    segments = message.segments
    mine = {e.strip().lower() for e in user_emails if e}
    if len(segments) > 1 and segments[1].text.strip():
        note, letter = segments[0], segments[1]
        short = len(note.text.split()) <= _NOTE_WORDS
        from_user = message.from_email.lower() in mine
        if short and (letter.how == "forward" or from_user):
            return letter.text
    return message.newest or message.body


def letter_fingerprint(text: str) -> str:
    """sha256 of the letter's words alone: forwarding re-wraps lines, quotes them with ">",
    or changes the case of nothing but the letters that carry no meaning here."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NOT_WORDS.sub("", plain)
    return hashlib.sha256(f"letter:{words}".encode()).hexdigest() if words else ""


def message_fingerprint(message: Message, letter: str) -> str:
    """sha256 of the Message-ID, else of the letter."""
    message_id = message.message_id.strip().strip("<>").strip().lower()
    if message_id and len(message_id) <= 300:
        return hashlib.sha256(f"mid:{message_id}".encode()).hexdigest()
    return letter_fingerprint(letter) or hashlib.sha256(b"empty").hexdigest()
