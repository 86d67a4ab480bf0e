"""Text normalisers shared by every way in (forms, the API, imports)."""

import re

# Line breaks of every kind (CR, LF, VT, FF, NEL, Unicode line and paragraph separators),
# tabs and the other C0 controls: none belongs in a one-line value, and a CR/LF there
# breaks every email header made from it.
_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def single_line(value: str) -> str:
    """The value on one line: each run of breaks or controls becomes one space."""
    return _BREAKS.sub(" ", value).strip()
