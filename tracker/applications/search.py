"""How text is made searchable: one fold for what is stored and what is typed, so "sohne"
finds "Söhne" and "STRASSE" finds "Straße" on SQLite and PostgreSQL alike (neither
database folds accents by itself, and SQLite's LIKE folds case in ASCII only).

The folded text is kept in a column beside what it folds (Application.search_text,
Company.search_name, Contact.search_name), written wherever those rows are written.
Pure: no ORM.
"""

import html
import re
import unicodedata

TAG = re.compile(r"<[^>]*>")
# Letters that carry their mark inside (no decomposition gives the bare letter), read as
# the bare letters a keyboard without them types: "aero" finds "Ærø", "lodz" "Łódź".
UNMARKED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "\u0131": "i"}
)


def search_fold(text: str) -> str:
    """Lower case in every language (case folding), accents dropped, spaces single."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(UNMARKED)
    # Folding again: a few letters fold differently once their accent is gone.
    return " ".join(unicodedata.normalize("NFKC", bare).casefold().split())


def search_words(query: str) -> list[str]:
    """The words a search must all find, folded as the stored text is."""
    return search_fold(query).split()


def _plain(markup: str) -> str:
    return html.unescape(TAG.sub(" ", markup))


def application_search_text(
    *, role: str, location: str, notes: str, description: str, posting_text: str
) -> str:
    """What a search of an application reads, besides its company and contacts: the role,
    the location, the notes and the posting (its description without markup, and the
    copy of its page)."""
    parts = (role, location, notes, _plain(description), posting_text)
    return search_fold("\n".join(p for p in parts if p))
