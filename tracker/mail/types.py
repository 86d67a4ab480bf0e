"""What the reader gives back: plain frozen values, no ORM."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True)
class Message:
    """One email, parsed: its headers, its whole text, and the newest part of that text."""

    subject: str = ""
    from_name: str = ""
    from_email: str = ""
    to: tuple[str, ...] = ()
    date: datetime | None = None  # aware, as the Date: header gave it
    message_id: str = ""
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    auto_submitted: bool = False  # Auto-Submitted: anything but "no"
    precedence_bulk: bool = False  # Precedence: bulk / list / junk
    list_unsubscribe: bool = False
    # The whole plain text (text/plain, else text taken from HTML), capped.
    body: str = ""
    # The newest message in the body: quotes and forwarded messages split off.
    newest: str = ""
    # Who wrote `newest` when a forward/reply header block in the body says so
    # (a forward from the user's own account names the original author here).
    newest_author: tuple[str, str] | None = None  # (name, email)
    # Date of the newest part when a forward block gives it ("Sent:", "Date:").
    newest_date: datetime | None = None
    reply_to: str = ""
    # True when headers were present (a raw message), False for bare pasted text.
    has_headers: bool = False
    # Every part of the body, newest first: the newest text, then each quoted or
    # forwarded message with the author and date its header block gives.
    segments: tuple["Segment", ...] = ()


@dataclass(frozen=True)
class Segment:
    """One message inside a body: the newest part, or a quoted/forwarded earlier one."""

    text: str = ""
    author_name: str = ""
    author_email: str = ""
    # Aware when the block carried a zone; naive means wall time in the reader's zone.
    date: datetime | None = None
    how: str = "newest"  # newest | reply | forward
    # Whom a forwarded or quoted letter was written to, when its header block says.
    recipient_email: str = ""


@dataclass(frozen=True)
class KnownContact:
    """A contact of the application: their role wins over a guess."""

    name: str = ""
    email: str = ""
    role: str = ""


@dataclass(frozen=True)
class Reading:
    """A guess at how a rejection arrived and who sent it, with its evidence."""

    channel: str = "unknown"
    sender_role: str = "unknown"
    sender_name: str = ""
    sender_email: str = ""
    received_at: datetime | None = None  # aware, in the user's zone
    confidence: float = 0.0  # 0..1
    because: tuple[str, ...] = field(default_factory=tuple)  # plain sentences


class MailKind(StrEnum):
    """What kind of mail a message is."""

    REJECTION = "rejection"
    INTERVIEW_INVITATION = "interview_invitation"
    OFFER = "offer"
    APPLICATION_RECEIVED = "application_received"
    OTHER_JOB_MAIL = "other_job_mail"
    NOT_JOB_MAIL = "not_job_mail"


@dataclass(frozen=True)
class Classification:
    """What kind of mail a message is, with the evidence for it."""

    kind: MailKind = MailKind.NOT_JOB_MAIL
    confidence: float = 0.0
    because: tuple[str, ...] = ()
