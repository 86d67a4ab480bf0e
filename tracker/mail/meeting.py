"""When an invitation says to meet: "Thursday 10 December at 11:00", "am 16.11.2026 um
10:00 Uhr", "le jeudi 12 novembre à 10h", "martes 15 de diciembre alle 10:30".

A date (day and month, or a weekday) and a time of day, in the seven languages; the year
is the one after the mail was sent that puts the meeting after it. None when the mail
does not give both: a guessed time would log an interview nobody agreed to. Pure.
"""

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_MONTHS = {
    1: "january jan januar janvier enero januari gennaio janeiro",
    2: "february feb februar fevrier febrero februari febbraio fevereiro",
    3: "march mar marz mars marzo maart marco",
    4: "april apr avril abril aprile",
    5: "may mai mayo mei maggio maio",
    6: "june jun juni juin junio giugno junho",
    7: "july jul juli juillet julio luglio julho",
    8: "august aug aout agosto augustus",
    9: "september sep sept septembre septiembre settembre setembro",
    10: "october oct oktober octobre octubre ottobre outubro",
    11: "november nov novembre noviembre novembro",
    12: "december dec dezember decembre diciembre dicembre dezembro",
}
_MONTH = {name: number for number, names in _MONTHS.items() for name in names.split()}
_DAYS = {
    0: "monday montag lundi lunes maandag lunedi segunda-feira segunda",
    1: "tuesday dienstag mardi martes dinsdag martedi terca-feira terca",
    2: "wednesday mittwoch mercredi miercoles woensdag mercoledi quarta-feira quarta",
    3: "thursday donnerstag jeudi jueves donderdag giovedi quinta-feira quinta",
    4: "friday freitag vendredi viernes vrijdag venerdi sexta-feira sexta",
    5: "saturday samstag samedi sabado zaterdag sabato",
    6: "sunday sonntag dimanche domingo zondag",
}
_DAY = {name: number for number, names in _DAYS.items() for name in names.split()}
_MONTH_WORDS = "|".join(sorted(_MONTH, key=len, reverse=True))
_DAY_WORDS = "|".join(sorted(_DAY, key=len, reverse=True))

_DAY_MONTH = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.|º)? (?:de )?(" + _MONTH_WORDS + r")\b(?: (?:de )?(\d{4}))?"
)
_MONTH_DAY = re.compile(r"\b(" + _MONTH_WORDS + r") (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4}))?")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?(?![\d])")
_WEEKDAY = re.compile(r"\b(" + _DAY_WORDS + r")\b")
_TIME = re.compile(
    r"(?<![\d.:])(\d{1,2})(?:[:.h](\d{2}))? ?(am|pm|a\.m\.|p\.m\.|uhr|h|uur|horas|ore)?(?![\d])"
)
_TIME_CUE = re.compile(r"\b(?:at|um|a|as|alle|om|las|ore|ab|vers|around|from)\s*$")


def meeting_at(text: str, *, sent: datetime, zone: ZoneInfo) -> datetime | None:
    """The aware moment an invitation names, or None."""
    folded = _fold(text[:5000])
    when_sent = sent.astimezone(zone)
    day = _date(folded, when_sent.date())
    moment = _time(folded)
    if day is None or moment is None:
        return None
    return datetime.combine(day, moment, tzinfo=zone)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _date(text: str, sent: date) -> date | None:
    for pattern, order in ((_DAY_MONTH, "dm"), (_MONTH_DAY, "md"), (_NUMERIC, "dm#")):
        for match in pattern.finditer(text):
            if order == "md":
                month, day, year = _MONTH[match.group(1)], int(match.group(2)), match.group(3)
            elif order == "dm":
                day, month, year = int(match.group(1)), _MONTH[match.group(2)], match.group(3)
            else:
                day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
                if _looks_like_time(text, match):
                    continue
            found = _in_year(day, month, year, sent)
            if found is not None:
                return found
    weekday = _WEEKDAY.search(text)
    if weekday:
        ahead = (_DAY[weekday.group(1)] - sent.weekday()) % 7 or 7
        return sent + timedelta(days=ahead)
    return None


def _looks_like_time(text: str, match: re.Match[str]) -> bool:
    """ "14.00 uur" or "10.30" is a time, not the 14th of no month."""
    after = text[match.end() : match.end() + 5]
    return match.group(3) is None and (
        int(match.group(2)) > 12 or after.startswith((" uur", " uhr", "h"))
    )


def _in_year(day: int, month: int, year: str | None, sent: date) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year:
        number = int(year) + (2000 if len(year) == 2 else 0)
        try:
            return date(number, month, day)
        except ValueError:
            return None
    for number in (sent.year, sent.year + 1):
        try:
            found = date(number, month, day)
        except ValueError:
            continue
        if found >= sent:
            return found
    return None


def _time(text: str) -> time | None:
    for match in _TIME.finditer(text):
        found = _time_of_day(text, match)
        if found is not None:
            return found
    return None


def _time_of_day(text: str, match: re.Match[str]) -> time | None:
    """The time a match says, or None when it is no time ("3 candidates", "16.11.") or
    not one an interview is held at."""
    minutes, suffix = match.group(2), match.group(3) or ""
    if not _said_as_time(text, match):
        return None
    hour = _on_the_24_hour_clock(int(match.group(1)), suffix)
    # Interviews are held in the day: "at 3" is 15:00's "3 pm" only when it says so.
    if 6 <= hour <= 21 and (minutes is None or int(minutes) <= 59):
        return time(hour, int(minutes or 0))
    return None


def _said_as_time(text: str, match: re.Match[str]) -> bool:
    """A number with minutes, "am"/"uhr"/"h" or a cue before it ("at 10"), and no date."""
    minutes, suffix = match.group(2), match.group(3)
    cue = _TIME_CUE.search(text[max(0, match.start() - 8) : match.start()])
    if not (minutes or suffix or cue):
        return False
    followed_by_dot = match.end() < len(text) and text[match.end()] == "."
    return not (followed_by_dot and "." in match.group(0) and not suffix)  # "16.11." is a date


def _on_the_24_hour_clock(hour: int, suffix: str) -> int:
    if suffix.startswith("p") and hour < 12:
        return hour + 12
    if suffix.startswith("a") and hour == 12:
        return 0
    return hour
