"""Reading a rejection: how it arrived and who sent it, with confidence and evidence."""

from collections.abc import Collection, Sequence
from zoneinfo import ZoneInfo

from tracker.followups.reader.types import KnownContact, Message, Reading


def read_rejection(
    message: str | bytes | Message,
    *,
    zone: ZoneInfo,
    user_emails: Collection[str] = (),
    user_names: Collection[str] = (),
    contacts: Sequence[KnownContact] = (),
    company_names: Collection[str] = (),
) -> Reading:
    raise NotImplementedError("being written by helper E")
