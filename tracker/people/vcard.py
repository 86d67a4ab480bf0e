"""People as vCards (RFC 6350, version 4.0), pure: no ORM, no I/O.

Text values escape the backslash, comma, semicolon and line breaks as the RFC says, so a
note with a comma or a name with a semicolon reads back as written; a structured value
(N) escapes each component before joining them. Lines end with CRLF and are folded at 75
octets of UTF-8, never inside a character, so a long note with accents stays valid.
"""

from collections.abc import Iterable
from dataclasses import dataclass

FOLD_AT = 75  # octets a line may hold before it is folded (RFC 6350, 3.2)


@dataclass(frozen=True)
class Card:
    uid: str
    name: str
    email: str = ""
    company: str = ""
    title: str = ""
    url: str = ""
    note: str = ""


def vcard_escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """The line in pieces of at most FOLD_AT octets, each after the first led by a space."""
    pieces: list[str] = []
    current, size = "", 0
    limit = FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            # A continuation's leading space counts toward its octets.
            current, size, limit = "", 0, FOLD_AT - 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _structured_name(name: str) -> str:
    """N: family and given names, guessed the simple way (the last word is the family
    name); FN keeps the name exactly as typed."""
    words = name.split()
    family = words[-1] if len(words) > 1 else name
    given = " ".join(words[:-1]) if len(words) > 1 else ""
    return f"{vcard_escape(family)};{vcard_escape(given)};;;"


def vcard_card(card: Card) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"UID:{vcard_escape(card.uid)}",
        f"FN:{vcard_escape(card.name)}",
        f"N:{_structured_name(card.name)}",
    ]
    if card.email:
        lines.append(f"EMAIL;TYPE=work:{vcard_escape(card.email)}")
    if card.company:
        # ORG is structured too (organization;unit): the name is its one component.
        lines.append(f"ORG:{vcard_escape(card.company)}")
    if card.title:
        lines.append(f"TITLE:{vcard_escape(card.title)}")
    if card.url:
        # A URI value: RFC 6350 escapes only text, and a comma is part of a URL. No
        # whitespace belongs in one, so none can start a line of its own.
        lines.append(f"URL:{''.join(card.url.split())}")
    if card.note:
        lines.append(f"NOTE:{vcard_escape(card.note)}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def vcard_cards(cards: Iterable[Card]) -> str:
    return "".join(vcard_card(card) for card in cards)
