"""The mail room: reading an email. Who sent a rejection, how it arrived, and what kind of
mail a message is; and the one vocabulary of channels and sender roles (vocabulary.py).

Pure: no ORM, no I/O, nothing of the project but `core`. Public interface (everything
else in the package is private):

    parse_message(raw: str | bytes) -> Message
        A raw message (headers + MIME) or pasted text. Caps what it reads.
    read_rejection(message, *, zone, user_emails=(), user_names=(), contacts=()) -> Reading
        `message` is raw text/bytes or an already parsed Message. The sender is whoever wrote
        the newest part, never the user (their addresses/names), never a quoted message.
    classify(message: Message, context: MailContext | None = None) -> Classification
        .kind: MailKind (rejection, interview_invitation, offer, application_received,
        other_job_mail, not_job_mail), .confidence, .because. The context (the user's
        companies, threads and subjects already seen) tells job mail from other mail.
    detect_language(text: str) -> str | None
        ISO 639-1 code among en, de, fr, es, nl, it, pt.

A Reading only pre-fills a form; the rules act on what the user saved.
"""

from tracker.mail.classify import MailContext, classify
from tracker.mail.language import detect_language
from tracker.mail.limits import MAX_MESSAGE_CHARS, MAX_RAW_BYTES
from tracker.mail.parse import parse_message
from tracker.mail.reading import read_rejection
from tracker.mail.types import (
    Classification,
    KnownContact,
    MailKind,
    Message,
    Reading,
    Segment,
)
from tracker.mail.vocabulary import CHANNELS, SENDER_ROLES, RejectionChannel, SenderRole

__all__ = [
    "CHANNELS",
    "MAX_MESSAGE_CHARS",
    "MAX_RAW_BYTES",
    "SENDER_ROLES",
    "Classification",
    "KnownContact",
    "MailContext",
    "MailKind",
    "Message",
    "Reading",
    "RejectionChannel",
    "Segment",
    "SenderRole",
    "classify",
    "detect_language",
    "parse_message",
    "read_rejection",
]
