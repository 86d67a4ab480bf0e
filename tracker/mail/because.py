"""The reader's evidence, kept as what it was made of, so that a page says it in the
language of whoever reads it, not the language of the worker that read the mail.

A `Because` is a str: its English words, which is all the reader's own code, its tests and
the stored data of older versions know. It also keeps its message (marked with
gettext_noop, so the catalogues list it) and the values for its placeholders; a value may
itself be a `Because` (the language a letter is written in, the evidence an "Although"
qualifies), said in the same language in its turn. `said` puts one into the active
language; it reads the catalogue and nothing else, like every gettext call.
"""

from collections.abc import Mapping
from typing import Any, Self

from django.utils.translation import get_language, gettext, gettext_noop


class Because(str):
    msgid: str
    params: Mapping[str, "str | int | Because"]

    def __new__(
        cls, msgid: str, english: str | None = None, /, **params: "str | int | Because"
    ) -> Self:
        """`english`: the words when they are not simply the message filled in."""
        if english is None:
            english = msgid % params if params else msgid
        made = super().__new__(cls, english)
        made.msgid = msgid
        made.params = params
        return made

    def stored(self) -> dict[str, Any]:
        """As the inbox keeps it (JSON): the English words, the message and its values."""
        return {
            "text": str(self),
            "msgid": self.msgid,
            "params": {
                name: value.stored() if isinstance(value, Because) else value
                for name, value in self.params.items()
            },
        }

    @classmethod
    def from_stored(cls, data: Mapping[str, Any]) -> "Because":
        params = {
            name: cls.from_stored(value) if isinstance(value, dict) else value
            for name, value in (data.get("params") or {}).items()
        }
        return cls(str(data["msgid"]), data.get("text"), **params)


# Said by the reader and by the classifier alike.
ATS_SENT = gettext_noop("Sent by an applicant-tracking system or job board (%(domain)s)")


def although(reason: str) -> Because:
    """Evidence for the other side: "Although: from a no-reply address (...)". In English
    the qualified sentence goes on in lower case; other languages keep it as it is."""
    return Because(
        gettext_noop("Although: %(reason)s"),
        f"Although: {reason[:1].lower()}{reason[1:]}",
        reason=reason,
    )


def said(reason: str) -> str:
    """A reason in the active language: a `Because` as its message says it there; any
    other sentence as it is."""
    if not isinstance(reason, Because) or (get_language() or "en").startswith("en"):
        return str(reason)
    words = gettext(reason.msgid)
    if words == reason.msgid and reason.params:
        # Not in this language's catalogue: the English, whole, rather than a mixture.
        return str(reason)
    values = {
        name: said(value) if isinstance(value, Because) else value
        for name, value in reason.params.items()
    }
    return words % values if values else words
