"""The reader's evidence as an inbox item keeps it, and as a page or the API says it.

Kept as its message and values (tracker/mail/because.py), it is said in the language of
whoever reads it, whenever they read it. Items stored before that kept plain English
sentences: they are said as they are, or in the reader's language when the sentence is
one of the catalogue's own (the evidence that names nothing, such as "Sent as bulk mail").
"""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext

from tracker.mail.because import Because, said

# What one stored sentence may take up; a longer one (a quoted phrase of a whole
# paragraph) is kept as its English words, cut.
LIMIT = 300


def evidence_stored(reasons: Iterable[str], *, limit: int) -> list[Any]:
    """The first `limit` of these reasons, as an item's JSON keeps them."""
    kept: list[Any] = []
    for reason in list(reasons)[:limit]:
        if isinstance(reason, Because) and len(reason) <= LIMIT:
            kept.append(reason.stored())
        else:
            kept.append(reason if len(reason) <= LIMIT else f"{reason[: LIMIT - 1]}…")
    return kept


def evidence_said(stored: Any) -> str:
    """One stored sentence (or one just read), in the active language."""
    if isinstance(stored, Because):
        return said(stored)
    if isinstance(stored, dict):
        try:
            return said(Because.from_stored(stored))
        except (KeyError, TypeError, ValueError):
            return str(stored.get("text", ""))
    text = str(stored)
    # An old sentence with a value in it ("From a no-reply address (...)") is no message.
    return text if "%" in text else gettext(text)


def evidences_said(stored: Iterable[Any]) -> list[str]:
    return [evidence_said(entry) for entry in stored]
