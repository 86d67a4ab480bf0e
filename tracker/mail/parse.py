"""Parsing a raw or pasted email into a Message, with the standard library's email package."""

import codecs
import email
import re
from dataclasses import replace
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.message import Message as StdMessage

from tracker.mail.addresses import parse_people, parse_person
from tracker.mail.dates import parse_header_date
from tracker.mail.guard import MAX_DEPTH, MAX_PARTS, guard_raw
from tracker.mail.html_text import html_to_text
from tracker.mail.limits import MAX_HEADER_CHARS, MAX_RAW_BYTES, MAX_TEXT_CHARS
from tracker.mail.split import split_segments
from tracker.mail.types import Message, Segment

_HEADER_LINE = re.compile(r"^[!-9;-~]{1,60}:")
_KNOWN_HEADERS = frozenset(
    [
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "received",
        "return-path",
        "mime-version",
        "content-type",
        "reply-to",
        "delivered-to",
        "cc",
        "x-mailer",
        "dkim-signature",
        "in-reply-to",
        "references",
    ]
)


def parse_message(raw: str | bytes) -> Message:
    """A raw message (headers + MIME) or pasted text, capped to what is worth reading."""
    data = (
        raw[:MAX_RAW_BYTES]
        if isinstance(raw, bytes)
        else raw[:MAX_RAW_BYTES].encode("utf-8", "replace")
    )
    data = data.replace(b"\r\n", b"\n")
    if not _looks_like_headers(data):
        return _from_text(data.decode("utf-8", "replace"))
    data = guard_raw(data)
    try:
        parsed = email.message_from_bytes(data, policy=policy.default)
    except Exception:
        return _from_text(data.decode("utf-8", "replace"))
    header = _Headers(parsed)
    from_name, from_email = parse_person(header.raw("from"))
    if not from_email and not header.get("from"):
        return _from_text(data.decode("utf-8", "replace"))
    body = _body_text(parsed)
    segments = _marked_forward(tuple(split_segments(body)), header.get("subject"))
    newest, newest_author = _newest(segments)
    auto = header.get("auto-submitted").lower()
    return Message(
        subject=header.get("subject"),
        from_name=from_name,
        from_email=from_email,
        to=tuple(parse_people(header.get("to")) + parse_people(header.get("cc"))),
        date=parse_header_date(header.get("date") or header.get("sent")),
        message_id=header.get("message-id").strip(),
        in_reply_to=header.get("in-reply-to").strip(),
        references=tuple(header.get("references").split()[:50]),
        auto_submitted=bool(auto) and not auto.startswith("no"),
        precedence_bulk=header.get("precedence").lower().strip() in ("bulk", "list", "junk"),
        list_unsubscribe=bool(header.get("list-unsubscribe")),
        body=body,
        newest=newest,
        newest_author=newest_author,
        newest_date=segments[0].date if segments else None,
        reply_to=parse_person(header.raw("reply-to"))[1],
        has_headers=True,
        segments=segments,
    )


# A subject whose newest mark is a forward's ("Fwd:", "WG:", "TR:", "RV:", "ENC:", "I:").
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|tr|rv|enc|i|doorst)\s*:", re.I)


def _marked_forward(segments: tuple[Segment, ...], subject: str) -> tuple[Segment, ...]:
    """Outlook passes a letter on under the same "Original Message" block or rule as a reply;
    only the subject's mark tells a forward, and then the block it quotes is the letter."""
    if len(segments) < 2 or segments[1].how != "reply" or not _FORWARD_SUBJECT.match(subject):
        return segments
    return (segments[0], replace(segments[1], how="forward"), *segments[2:])


def _looks_like_headers(data: bytes) -> bool:
    """Headers first, then a blank line, naming at least one header mail always has."""
    head = data.lstrip(b"\n")[:8000].decode("utf-8", "replace")
    block = head.split("\n\n", 1)[0].split("\n")
    if not block or not _HEADER_LINE.match(block[0]):
        return False
    names = {line.split(":", 1)[0].strip().lower() for line in block if _HEADER_LINE.match(line)}
    # An Outlook copy ("From:, Sent:, To:, Subject:") is read as text with a header block.
    return bool(names & _KNOWN_HEADERS) and "sent" not in names and len(names) >= 2


def _from_text(text: str) -> Message:
    body = _normalise(text)
    segments = tuple(split_segments(body))
    newest, author = _newest(segments)
    return Message(
        body=body,
        newest=newest,
        newest_author=author,
        newest_date=segments[0].date if segments else None,
        segments=segments,
    )


def _newest(segments: tuple[Segment, ...]) -> tuple[str, tuple[str, str] | None]:
    """The newest text, and its author when a header block in the body names them."""
    for segment in segments[:2]:
        if segment.text:
            author = (segment.author_name, segment.author_email)
            return segment.text, author if any(author) else None
    return "", None


class _Headers:
    def __init__(self, message: StdMessage) -> None:
        self.message = message

    def get(self, name: str) -> str:
        try:
            value = self.message.get(name)
        except Exception:
            value = None
        if value is None:
            return ""
        text = _unescaped(str(value)[:MAX_HEADER_CHARS])
        if "=?" in text:
            text = _decode_words(text)
        return " ".join(_no_nul(text).split())

    def raw(self, name: str) -> str:
        """An address header as written, encoded words decoded: the structured header object
        drops the comment of "dana@acme.com (Dana Smith)"."""
        try:
            values = [v for k, v in self.message.raw_items() if k.lower() == name]
        except Exception:
            values = []
        if not values:
            return self.get(name)
        text = _decode_words(_unescaped(str(values[0])[:MAX_HEADER_CHARS]))
        return " ".join(_no_nul(text).split())


def _unescaped(text: str) -> str:
    """A header written in raw UTF-8 (RFC 6532, "From: Müller Logistik"), which the parser
    hands over as escaped bytes: read as UTF-8, never stored as lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return text


def _no_nul(text: str) -> str:
    """NUL read as the replacement character: no database stores it in text (PostgreSQL
    refuses it), and it is never part of what a person wrote."""
    return text.replace("\x00", "\ufffd")


def _decode_words(text: str) -> str:
    """RFC 2047 encoded words decoded; an undecodable one stays as it was written."""
    try:
        return str(make_header(decode_header(text)))
    except Exception:  # the decoder raises several types on hostile input
        return text


def _body_text(message: StdMessage) -> str:
    plain, html = _text_parts(message)
    if any(t.strip() for t in plain if not t.startswith("---------- Forwarded")):
        text = "\n".join(plain)
    else:
        text = "\n".join(plain + [html_to_text(h) for h in html])
    return _normalise(text)


def _text_parts(message: StdMessage) -> tuple[list[str], list[str]]:
    """The plain and the HTML text parts, in order, at most so many parts and so deep."""
    plain: list[str] = []
    html: list[str] = []
    stack: list[tuple[StdMessage, int]] = [(message, 0)]
    seen = 0
    while stack and seen < MAX_PARTS:
        part, depth = stack.pop()
        seen += 1
        content_type = part.get_content_type()
        if content_type == "message/rfc822" or part.is_multipart():
            stack.extend(_inner_parts(part, depth, plain))
            continue
        if _is_attachment(part) or content_type not in ("text/plain", "text/html"):
            continue
        (plain if content_type == "text/plain" else html).append(_decoded(part))
    return plain, html


def _inner_parts(part: StdMessage, depth: int, plain: list[str]) -> list[tuple[StdMessage, int]]:
    """The parts a container holds, to be read in order. A message forwarded as an
    attachment reads as a forward in the text: its header block goes into `plain`."""
    if depth >= MAX_DEPTH:
        return []
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        if not isinstance(inner, StdMessage):
            return []
        plain.append(_attached_header(inner))
        return [(inner, depth + 1)]
    children = part.get_payload()
    if not isinstance(children, list):
        return []
    return [(child, depth + 1) for child in reversed(children[:MAX_PARTS])]


def _attached_header(inner: StdMessage) -> str:
    header = _Headers(inner)
    return (
        "---------- Forwarded message ---------\n"
        f"From: {header.get('from')}\nDate: {header.get('date')}\n"
        f"Subject: {header.get('subject')}\n\n"
    )


def _is_attachment(part: StdMessage) -> bool:
    try:
        return (part.get_content_disposition() or "") == "attachment"
    except Exception:
        return True


def _decoded(part: StdMessage) -> str:
    # 8-bit text with no charset declared is nearly always UTF-8 today, not ASCII.
    if isinstance(part, EmailMessage) and _known_text_charset(part.get_content_charset()):
        try:
            content = part.get_content()
            if isinstance(content, str):
                return content[:MAX_TEXT_CHARS]
        except Exception:
            pass
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if not isinstance(payload, bytes):
        return ""
    return _text_of(payload[: MAX_TEXT_CHARS * 4], part.get_content_charset())[:MAX_TEXT_CHARS]


def _text_of(payload: bytes, charset: str | None) -> str:
    """The bytes read in their charset; in UTF-8 when it is unknown, is no text encoding
    (a mail may name "base64" or "zlib") or cannot replace what it cannot read ("idna").
    Whatever cannot be read becomes U+FFFD: a message is never lost to its charset."""
    try:
        if charset and codecs.lookup(charset)._is_text_encoding:
            return payload.decode(charset, "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        pass
    return payload.decode("utf-8", "replace")


def _known_text_charset(charset: str | None) -> bool:
    try:
        return bool(charset) and codecs.lookup(str(charset))._is_text_encoding
    except LookupError:
        return False


def _normalise(text: str) -> str:
    text = _no_nul(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return text[:MAX_TEXT_CHARS]
