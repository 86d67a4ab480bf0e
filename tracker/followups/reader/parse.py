"""Parsing a raw or pasted email into a Message."""

from tracker.followups.reader.types import Message


def parse_message(raw: str | bytes) -> Message:
    """A raw message (headers + MIME) or pasted text, capped to what is worth reading."""
    raise NotImplementedError("being written by helper E")
