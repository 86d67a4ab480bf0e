"""Splitting a body into the newest message and the ones it quotes or forwards.

One pass over the lines; every pattern is anchored and applied to one line of bounded
length, so the work is linear in the size of the body.
"""

import re
from dataclasses import replace
from datetime import datetime

from tracker.mail.addresses import find_addresses, parse_person
from tracker.mail.dates import parse_loose_date
from tracker.mail.types import Segment

_MAX_LINE = 400
_MAX_SEGMENTS = 20
_MAX_DEPTH = 4

_SEPARATOR = re.compile(
    r"^[-=_*\s]{0,20}(?P<what>forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|"
    r"mensaje reenviado|original message|urspr[üu]ngliche nachricht|original ?nachricht|"
    r"message d'origine|message original|mensaje original|begin forwarded message|"
    r"d[ée]but du message r[ée]exp[ée]di[ée]|inicio del mensaje reenviado|"
    r"anfang der weitergeleiteten nachricht|(?:inizio )?messaggio inoltrato|messaggio originale|"
    r"(?:in[ií]cio da )?mensagem (?:re)?encaminhada|mensagem original|"
    r"(?:begin )?doorgestuurd bericht|oorspronkelijk bericht|origineel bericht)[-=_*\s:]{0,20}$",
    re.I,
)
_RULE = re.compile(r"^[_\-]{10,}$")
_FIELD = re.compile(
    r"^\*?(?P<key>from|von|van|de|da|sent|date|gesendet|datum|envoy[ée]|enviad[oa]|fecha|data|"
    r"inviato|verzonden|to|an|aan|[àa]|para|cc|bcc|subject|betreff|objet|asunto|oggetto|assunto|"
    r"onderwerp|reply-to|antwort an|r[ée]pondre [àa])\*?\s*:\s*\*?"
    r"(?P<value>.*)$",
    re.I,
)
_FROM_KEYS = frozenset(("from", "von", "van", "de", "da"))
_TO_KEYS = frozenset(("to", "an", "à", "a", "para", "aan"))
_DATE_KEYS = frozenset(
    (
        "sent",
        "date",
        "gesendet",
        "datum",
        "envoyé",
        "envoye",
        "enviado",
        "enviada",
        "fecha",
        "data",
        "inviato",
        "verzonden",
    )
)
_ATTRIBUTION = (
    re.compile(r"^on\s+(?P<rest>.{4,300}?)\s*wrote\s*:?$", re.I),
    re.compile(r"^am\s+(?P<rest>.{4,300}?)\s+schrieb\s*(?P<who>.{0,200}?)\s*:?$", re.I),
    re.compile(r"^le\s+(?P<rest>.{4,300}?)\s*a\s+[ée]crit\s*:?$", re.I),
    re.compile(r"^el\s+(?P<rest>.{4,300}?)\s*escribi[óo]\s*:?$", re.I),
)
_ATTRIBUTION_START = re.compile(r"^(?:on|am|le|el)\s", re.I)
_ATTRIBUTION_END = re.compile(r"(?:wrote|schrieb\b.{0,200}|a\s+[ée]crit|escribi[óo])\s*:?$", re.I)
_NOT_NAME = frozenset(("at", "um", "à", "a", "las", "los", "am", "pm", "uhr", "h", "the", "de"))


def split_segments(body: str, *, depth: int = 0) -> list[Segment]:
    lines = body.split("\n")
    segments: list[Segment] = []
    start = 0
    current = Segment(how="newest")
    i = 0
    while i < len(lines) and len(segments) < _MAX_SEGMENTS:
        found = _boundary(lines, i)
        if found is None:
            i += 1
            continue
        header, after = found
        segments.append(_with_text(current, lines[start:i]))
        if header.how == "quote":
            quoted = []
            while after < len(lines) and lines[after].lstrip().startswith(">"):
                quoted.append(_unquote(lines[after]))
                after += 1
            inner = split_segments("\n".join(quoted), depth=depth + 1) if depth < _MAX_DEPTH else []
            if inner:
                first = inner[0]
                inner[0] = replace(
                    first,
                    author_name=header.author_name or first.author_name,
                    author_email=header.author_email or first.author_email,
                    date=header.date or first.date,
                    how="reply",
                )
                segments.extend(inner)
            current = Segment(how="newest")  # text after a quote still belongs to the reply
            start = i = after
            continue
        current = header
        start = i = after
    segments.append(_with_text(current, lines[start:]))
    merged = _merge_trailing_newest(segments)
    return merged[:_MAX_SEGMENTS] or [Segment(text=body.strip())]


def _merge_trailing_newest(segments: list[Segment]) -> list[Segment]:
    """Text written below a quote (interleaved replies) joins the newest part."""
    out: list[Segment] = []
    for segment in segments:
        if out and segment.how == "newest" and not (segment.author_name or segment.author_email):
            if segment.text:
                first = out[0]
                out[0] = replace(first, text=(first.text + "\n" + segment.text).strip())
            continue
        out.append(segment)
    return out


def _with_text(segment: Segment, lines: list[str]) -> Segment:
    return replace(segment, text="\n".join(lines).strip())


def _unquote(line: str) -> str:
    line = line.lstrip()
    return line[2:] if line.startswith("> ") else line[1:]


def _boundary(lines: list[str], i: int) -> tuple[Segment, int] | None:
    """The header of the message that starts at line i, and the line its text starts at."""
    line = lines[i].strip()
    if not line or len(line) > _MAX_LINE:
        return None
    separated = _after_separator(lines, i, line)
    if separated is not None:
        return separated
    if _FIELD.match(line) and _is_from(line) and _field_block_follows(lines, i):
        return _header_block(lines, i, "reply" if i else "newest")
    attribution = _attribution(lines, i)
    if attribution is not None:
        return attribution
    if line.startswith(">"):
        return Segment(how="quote"), i
    if i < 2 and _gmail_sender_line(lines, i):
        return _gmail_top(lines, i)
    return None


def _after_separator(lines: list[str], i: int, line: str) -> tuple[Segment, int] | None:
    """ "-----Original Message-----", "---------- Forwarded message ---------", or a rule
    over a header block: the message under it."""
    separator = _SEPARATOR.match(line)
    if separator or (_RULE.match(line) and _field_block_follows(lines, i + 1)):
        how = "forward" if separator and _is_forward(separator.group("what")) else "reply"
        return _header_block(lines, i + 1, how)
    return None


def _is_forward(what: str) -> bool:
    what = what.lower()
    return not any(
        word in what
        for word in ("original", "ursprüngliche", "ursprungliche", "origine", "oorspronkelijk")
    )


def _is_from(line: str) -> bool:
    match = _FIELD.match(line)
    return match is not None and match.group("key").lower() in _FROM_KEYS


def _field_block_follows(lines: list[str], i: int) -> bool:
    """A "From:" line with a "Sent:"/"Date:" line among the next few: a quoted header block."""
    seen_from = seen_date = False
    for line in lines[i : i + 7]:
        line = line.strip()
        if not line:
            if seen_from or seen_date:
                break
            continue
        match = _FIELD.match(line) if len(line) <= _MAX_LINE else None
        if not match:
            break
        key = match.group("key").lower()
        if key in _FROM_KEYS and seen_from:
            break  # a second "From:" is no header block (and keeps the look-ahead short)
        seen_from = seen_from or key in _FROM_KEYS
        seen_date = seen_date or key in _DATE_KEYS
    return seen_from and seen_date


def _header_block(lines: list[str], i: int, how: str) -> tuple[Segment, int]:
    name = email = recipient = ""
    date: datetime | None = None
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines):
        line = lines[i].strip()
        match = _FIELD.match(line) if line and len(line) <= _MAX_LINE else None
        if not match:
            break
        key, value = match.group("key").lower(), match.group("value").strip(" *")
        if key in _FROM_KEYS and not (name or email):
            name, email = parse_person(value)
        elif key in _DATE_KEYS and date is None:
            date = parse_loose_date(value)
        elif key in _TO_KEYS and not recipient:
            recipient = parse_person(value)[1].lower()
        i += 1
    return Segment(
        author_name=name, author_email=email, date=date, how=how, recipient_email=recipient
    ), i


def _attribution(lines: list[str], i: int) -> tuple[Segment, int] | None:
    line = lines[i].strip()
    if not _ATTRIBUTION_START.match(line):
        return None
    candidates = [(line, i + 1)]
    if i + 1 < len(lines) and len(lines[i + 1]) <= _MAX_LINE:
        candidates.append((line + " " + lines[i + 1].strip(), i + 2))
    for text, after in candidates:
        if not _ATTRIBUTION_END.search(text):
            continue
        for pattern in _ATTRIBUTION:
            match = pattern.match(text)
            if match:
                rest = match.group("rest")
                who = match.groupdict().get("who") or ""
                name, email = _attributed_person(who or rest)
                return Segment(
                    author_name=name, author_email=email, date=parse_loose_date(rest), how="quote"
                ), after
    return None


def _attributed_person(text: str) -> tuple[str, str]:
    """ "Dana Smith <dana@acme.com>" out of "Tue, Nov 3, 2026 at 4:12 PM Dana Smith <dana@…>"."""
    addresses = find_addresses(text)
    email = addresses[0].lower() if addresses else ""
    before = re.split(r"[<(\[]", text, maxsplit=1)[0] if email else text
    if email and before.strip().lower() == email:
        before = ""
    piece = before.rsplit(",", 1)[-1]
    tokens = piece.split()
    kept: list[str] = []
    for token in reversed(tokens):
        if any(ch.isdigit() for ch in token) or token.lower().strip(".") in _NOT_NAME:
            break
        kept.append(token)
    name = " ".join(reversed(kept)).strip(" \"'")
    return (name if "@" not in name else ""), email


def _gmail_sender_line(lines: list[str], i: int) -> bool:
    """A Gmail copy starts "Dana Smith <dana@acme.com>" on a line of its own."""
    line = lines[i].strip()
    if "<" not in line or not line.endswith(">") or len(line) > 200:
        return False
    name, email = parse_person(line)
    return bool(name and email)


def _gmail_top(lines: list[str], i: int) -> tuple[Segment, int]:
    name, email = parse_person(lines[i].strip())
    after = i + 1
    # The date line and "to me" that follow the sender in a copy from a web client.
    while after < len(lines) and after <= i + 3:
        nxt = lines[after].strip().lower()
        if nxt and not (
            parse_loose_date(nxt)
            or re.match(r"^(?:to|an|à|para)\s+\S{1,60}$", nxt)
            or "ago)" in nxt
            or re.search(r"\d{1,2}:\d{2}", nxt)
        ):
            break
        after += 1
    return Segment(author_name=name, author_email=email, how="newest"), after
