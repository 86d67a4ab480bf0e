"""How a company's name is tidied and compared: one rule for every way in.

The form, the services, the import and the database's unique constraint all go by it, so
"STRASSE" and "Straße", or "Acme  Corp" and "acme corp", are one company everywhere (the
first spelling saved is the one shown). A name must show something: one made only of
blanks, zero-width or other invisible characters has no key and is refused. Pure: no ORM.
"""

import re
import unicodedata

# The characters that reorder the text around them (overrides, embeddings, isolates and
# the direction marks): in a name they only serve to make it read as something else
# ("moc.elgoog" shown as "google.com"), and they would reorder the page around the name.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Letters and symbols that draw nothing (Hangul fillers, the blank Braille pattern, the
# Mongolian vowel separator): a name of only these is as empty as one of spaces.
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
# Separators, controls, format characters (zero-width space, joiner...), unassigned and
# private-use code points, and marks, which only modify the character before them.
_INVISIBLE_CATEGORIES = ("Z", "C", "M")


def company_display_name(name: str) -> str:
    """The name as saved and shown: direction controls dropped, white space folded, as
    typed otherwise."""
    return " ".join(_BIDI_CONTROLS.sub("", name).split())


def has_visible_character(text: str) -> bool:
    return any(
        not unicodedata.category(char).startswith(_INVISIBLE_CATEGORIES)
        and char not in _BLANK_GLYPHS
        for char in text
    )


def company_name_key(name: str) -> str:
    """What two names must share to be one company: Unicode case folding, so that it
    agrees in every language (SQL's LOWER() does not, on SQLite, past ASCII). "" for a
    name that shows nothing."""
    display = company_display_name(name)
    return display.casefold() if has_visible_character(display) else ""
