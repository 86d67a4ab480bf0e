# ruff: noqa: E501  (tables of alternatives read best one family per line)
"""Dates as mail shows them: RFC 5322 headers and the forms clients print in quote blocks."""

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_MONTHS = {
    # English, German, French, Spanish (full and short forms, lower case, no dots).
    **dict.fromkeys(("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene"), 1),
    **dict.fromkeys(("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero"), 2),
    **dict.fromkeys(("march", "mar", "märz", "märz", "maerz", "mars", "marzo", "mär"), 3),
    **dict.fromkeys(("april", "apr", "avril", "avr", "abril", "abr"), 4),
    **dict.fromkeys(("may", "mai", "mayo", "may"), 5),
    **dict.fromkeys(("june", "jun", "juni", "juin", "junio"), 6),
    **dict.fromkeys(("july", "jul", "juli", "juillet", "juil", "julio"), 7),
    **dict.fromkeys(("august", "aug", "août", "aout", "agosto", "ago"), 8),
    **dict.fromkeys(("september", "sep", "sept", "septembre", "septiembre", "set"), 9),
    **dict.fromkeys(("october", "oct", "oktober", "okt", "octobre", "octubre"), 10),
    **dict.fromkeys(("november", "nov", "novembre", "noviembre"), 11),
    **dict.fromkeys(("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic"), 12),
}  # fmt: skip
_TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_TIME = re.compile(r"\b(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?\s*([ap]\.?\s?m\.?)?", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_MAX_CHARS = 200
_RFC = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")


def parse_header_date(value: str) -> datetime | None:
    """An RFC 5322 Date: header; naive when the header says -0000 (zone unknown)."""
    value = value.strip()[:_MAX_CHARS]
    if not value:
        return None
    if not _RFC.match(value):
        return parse_loose_date(value)
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is not None and parsed.utcoffset() is None:
        return parsed.replace(tzinfo=None)
    return parsed if 1970 < parsed.year < 2200 else None


def parse_loose_date(value: str) -> datetime | None:
    """ "Tuesday, November 3, 2026 4:12 PM", "3. November 2026 um 16:12",
    "mar. 3 nov. 2026 à 16:12", "2026-11-03 16:12": naive, the wall time shown."""
    value = value.strip()[:_MAX_CHARS]
    if not value:
        return None
    if _RFC.match(value):
        return parse_header_date(value)
    iso = _ISO.search(value)
    if iso:
        year, month, day, hour, minute = (int(g) for g in iso.group(1, 2, 3, 4, 5))
        return _make(year, month, day, hour, minute)
    hour, minute, day_part = _time_of_day(value)
    numeric = _NUMERIC.search(day_part)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        # 03/11/2026: day first unless that cannot be a date.
        day, month = (first, second) if second <= 12 else (second, first)
        return _make(year, month, day, hour, minute)
    return _in_words(day_part, hour, minute)


def _time_of_day(value: str) -> tuple[int, int, str]:
    """The hour and minute the value gives (midnight if none), and the value without them."""
    time = _TIME.search(value)
    if not time:
        return 0, 0, value
    hour, minute = int(time.group(1)), int(time.group(2))
    meridiem = (time.group(4) or "").lower().replace(".", "").replace(" ", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return hour, minute, value[: time.start()] + " " + value[time.end() :]


def _in_words(value: str, hour: int, minute: int) -> datetime | None:
    """ "3 November 2026", "mar. 3 nov. 2026": a four-digit year, a day, a month's name."""
    month = day = year = 0
    for token in _TOKEN.findall(value.lower())[:20]:
        if token.isdigit():
            number = int(token)
            if len(token) == 4 and not year:
                year = number
            elif 1 <= number <= 31 and not day:
                day = number
        elif token in _MONTHS:  # the last month word: "mar. 3 nov." is a Tuesday in November
            month = _MONTHS[token.rstrip(".")]
    if year and month and day:
        return _make(year, month, day, hour, minute)
    return None


def _make(year: int, month: int, day: int, hour: int, minute: int) -> datetime | None:
    if not 1970 < year < 2200:
        return None
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None
