"""The email reader: who sent a rejection, how it arrived, and what kind of mail a message is.

Pure: no ORM, no I/O. Public interface (everything else in the package is private):

    parse_message(raw: str | bytes) -> Message
        A raw message (headers + MIME) or pasted text. Caps what it reads.
    read_rejection(message, *, zone, user_emails=(), user_names=(), contacts=()) -> Reading
        `message` is raw text/bytes or an already parsed Message. The sender is whoever wrote
        the newest part, never the user (their addresses/names), never a quoted message.
    classify(message: Message) -> Classification
        .kind: Kind (rejection, interview_invitation, offer, application_received,
        other_job_mail, not_job_mail), .confidence, .because.

A Reading only pre-fills a form; the rules act on what the user saved (SPEC section 2).
"""

from tracker.followups.reader.classify import classify
from tracker.followups.reader.limits import MAX_MESSAGE_CHARS, MAX_RAW_BYTES
from tracker.followups.reader.parse import parse_message
from tracker.followups.reader.reading import read_rejection
from tracker.followups.reader.types import (
    Classification,
    Kind,
    KnownContact,
    Message,
    Reading,
    Segment,
)
from tracker.followups.reader.vocabulary import CHANNELS, SENDER_ROLES

__all__ = [
    "CHANNELS",
    "MAX_MESSAGE_CHARS",
    "MAX_RAW_BYTES",
    "SENDER_ROLES",
    "Classification",
    "Kind",
    "KnownContact",
    "Message",
    "Reading",
    "Segment",
    "classify",
    "parse_message",
    "read_rejection",
]
