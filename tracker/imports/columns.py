"""What the columns of an uploaded CSV mean: pure functions, no ORM, easy to test.

Two kinds of file come in. Rebound's own applications.csv (recognised by its header)
means exactly what the export wrote. Anything else is a spreadsheet: its columns are
guessed from their names ("Company Name", "Job Title", "Date Applied", "Status") and the
user corrects the guess. How each cell is then read is rows.py's job.
"""

import re
from collections.abc import Iterable, Sequence

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from tracker.applications.models import Source, Stage
from tracker.exports.formats import (
    APPLICATION_COLUMNS,
    EARLIER_APPLICATION_COLUMNS,
    HISTORY_COLUMNS,
    unneutralise,
)

IGNORE = ""
# What a spreadsheet's column can be mapped to, in the order the mapping page lists them.
TARGETS: list[tuple[str, StrOrPromise]] = [
    ("company", _("Company")),
    ("role", _("Role")),
    ("stage", _("Stage (status)")),
    ("applied_on", _("Date applied")),
    ("url", _("Job posting URL")),
    ("location", _("Location")),
    ("source", _("Source")),
    ("salary_min", _("Salary from")),
    ("salary_max", _("Salary up to")),
    ("salary_currency", _("Salary currency")),
    ("notes", _("Notes")),
    ("description", _("Job description")),
]
TARGET_LABELS = dict(TARGETS)
REQUIRED_TARGETS = ("company", "role")

DATE_ORDERS: list[tuple[str, StrOrPromise]] = [
    ("dmy", _("Day first: 25/11/2026")),
    ("mdy", _("Month first: 11/25/2026")),
    ("ymd", _("Year first: 2026-11-25")),
]


def is_own_format(header: Sequence[str]) -> bool:
    return tuple(header) in (APPLICATION_COLUMNS, EARLIER_APPLICATION_COLUMNS)


def is_own_history(header: Sequence[str]) -> bool:
    return tuple(header) == HISTORY_COLUMNS


# --- Guessing what a spreadsheet means -------------------------------------------------


def _words(text: str) -> str:
    """ "Company Name:" → "company name": how header names and cells are compared."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


# Exact header names first, then words a header contains; the first target to claim a
# column keeps it, and each target takes one column at most.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organisation", "organization",
                "organization name", "organisation name", "firm", "business", "companies"),
    "role": ("role", "position", "job title", "title", "job", "role title", "position title",
             "job role", "job position", "job name", "vacancy", "opening"),
    "stage": ("status", "stage", "state", "application status", "progress", "outcome",
              "result", "current status", "current stage"),
    "applied_on": ("date applied", "applied on", "applied", "application date", "date",
                   "applied date", "date of application", "submitted", "date submitted",
                   "submitted on", "applied at", "when applied"),
    "url": ("url", "link", "job url", "job link", "posting", "job posting", "posting url",
            "job posting url", "listing", "listing url", "job ad", "ad link"),
    "location": ("location", "city", "place", "where", "office", "job location"),
    "source": ("source", "found via", "found on", "found through", "channel", "platform",
               "job board", "where found", "how found", "how did you find it", "via"),
    "salary_min": ("salary min", "min salary", "minimum salary", "salary from", "salary low",
                   "salary", "pay", "compensation", "expected salary", "salary range"),
    "salary_max": ("salary max", "max salary", "maximum salary", "salary to", "salary up to",
                   "salary high"),
    "salary_currency": ("currency", "salary currency"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "details", "memo"),
    "description": ("description", "job description", "posting text", "job ad text",
                    "job posting text", "ad text"),
}  # fmt: skip
HEADER_HINTS: list[tuple[str, tuple[str, ...]]] = [
    ("salary_max", ("max", "upper", "high")),
    ("salary_min", ("salary", "pay", "compensation", "wage")),
    ("salary_currency", ("currency",)),
    ("applied_on", ("applied", "application date", "date")),
    ("company", ("company", "employer", "organi")),
    ("role", ("title", "position", "role", "job")),
    ("stage", ("status", "stage")),
    ("url", ("url", "link", "http")),
    ("location", ("location", "city", "country", "remote")),
    ("source", ("source", "found", "referr")),
    ("notes", ("note", "comment", "remark")),
    ("description", ("description",)),
]


def guess_columns(header: Sequence[str]) -> list[str]:
    """The target each column most likely holds (IGNORE when none fits)."""
    names = [_words(h) for h in header]
    guess = [IGNORE] * len(header)
    taken: set[str] = set()

    def claim(i: int, target: str) -> None:
        if guess[i] == IGNORE and target not in taken:
            guess[i] = target
            taken.add(target)

    for target, exact in HEADER_NAMES.items():
        for i, name in enumerate(names):
            if name in exact:
                claim(i, target)
    for target, hints in HEADER_HINTS:
        for i, name in enumerate(names):
            if target == "salary_max" and "salary" not in name:
                continue
            if any(hint in name for hint in hints):
                claim(i, target)
    return guess


def _english(label: StrOrPromise) -> str:
    """A stage's or source's English name, as spreadsheets write it, whatever the page's
    language."""
    with translation.override("en"):
        return str(label)


_STAGE_EXACT = {
    **{s.value: s.value for s in Stage},
    **{_words(_english(s.label)): s.value for s in Stage},
    "": Stage.APPLIED,  # a row in a tracker with no status is an application sent
    "wish list": Stage.WISHLIST,
    "saved": Stage.WISHLIST,
    "bookmarked": Stage.WISHLIST,
    "to apply": Stage.WISHLIST,
    "not applied": Stage.WISHLIST,
    "interested": Stage.WISHLIST,
    "planned": Stage.WISHLIST,
    "submitted": Stage.APPLIED,
    "sent": Stage.APPLIED,
    "pending": Stage.APPLIED,
    "waiting": Stage.APPLIED,
    "in progress": Stage.APPLIED,
    "under review": Stage.APPLIED,
    "in review": Stage.APPLIED,
    "phone screen": Stage.SCREENING,
    "interview": Stage.INTERVIEWING,
    "interviews": Stage.INTERVIEWING,
    "offered": Stage.OFFER,
    "hired": Stage.ACCEPTED,
    "declined": Stage.REJECTED,
    "rejection": Stage.REJECTED,
    "no": Stage.REJECTED,
    "withdrew": Stage.WITHDRAWN,
    "no response": Stage.GHOSTED,
    "no reply": Stage.GHOSTED,
    "no answer": Stage.GHOSTED,
}
# Checked in order: "Offer accepted" is accepted, not an offer; "Rejected after
# interview" is rejected, not interviewing.
_STAGE_HINTS: list[tuple[str, str]] = [
    ("withdr", Stage.WITHDRAWN),
    ("accept", Stage.ACCEPTED),
    ("hired", Stage.ACCEPTED),
    ("signed", Stage.ACCEPTED),
    ("reject", Stage.REJECTED),
    ("declin", Stage.REJECTED),
    ("unsuccess", Stage.REJECTED),
    ("not selected", Stage.REJECTED),
    ("turned down", Stage.REJECTED),
    ("ghost", Stage.GHOSTED),
    ("never heard", Stage.GHOSTED),
    ("no response", Stage.GHOSTED),
    ("offer", Stage.OFFER),
    ("interview", Stage.INTERVIEWING),
    ("onsite", Stage.INTERVIEWING),
    ("on site", Stage.INTERVIEWING),
    ("assessment", Stage.INTERVIEWING),
    ("take home", Stage.INTERVIEWING),
    ("screen", Stage.SCREENING),
    ("recruiter call", Stage.SCREENING),
    ("phone", Stage.SCREENING),
    ("wish", Stage.WISHLIST),
    ("applied", Stage.APPLIED),
    ("submit", Stage.APPLIED),
]


def stage_key(value: str) -> str:
    """How a status cell is looked up in the user's stage mapping."""
    return _words(unneutralise(value.strip()))


def guess_stage(value: str) -> str:
    """The stage a status word means, or "" when it is anyone's guess."""
    key = stage_key(value)
    if key in _STAGE_EXACT:
        return _STAGE_EXACT[key]
    return next((stage for hint, stage in _STAGE_HINTS if hint in key), "")


_SOURCE_HINTS: list[tuple[str, str]] = [
    ("referr", Source.REFERRAL),
    ("recruit", Source.RECRUITER),
    ("headhunt", Source.RECRUITER),
    ("agency", Source.RECRUITER),
    ("network", Source.NETWORKING),
    ("friend", Source.NETWORKING),
    ("meetup", Source.NETWORKING),
    ("event", Source.NETWORKING),
    ("conference", Source.NETWORKING),
    ("career", Source.COMPANY_SITE),
    ("company", Source.COMPANY_SITE),
    ("website", Source.COMPANY_SITE),
    ("direct", Source.COMPANY_SITE),
    ("linkedin", Source.JOB_BOARD),
    ("indeed", Source.JOB_BOARD),
    ("glassdoor", Source.JOB_BOARD),
    ("board", Source.JOB_BOARD),
    ("job", Source.JOB_BOARD),
]


def guess_source(value: str) -> str:
    """A spreadsheet's "found via" as one of Rebound's sources; `other` when unclear."""
    key = _words(value)
    if not key:
        return Source.JOB_BOARD  # what the application form defaults to
    for source in Source:
        if key in (source.value, _words(_english(source.label))):
            return source.value
    return next((source for hint, source in _SOURCE_HINTS if hint in key), Source.OTHER)


SLASHED_DATE = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")


def guess_date_order(values: Iterable[str]) -> str:
    """Day or month first, from the dates that can only be read one way (13/01 or 01/13).

    With no such date to go by, day first: most of the world writes dates that way, and
    the mapping page shows the guess for the user to correct.
    """
    for value in values:
        match = SLASHED_DATE.match(value.strip())
        if not match or len(match[1]) == 4:
            continue
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            return "dmy"
        if second > 12 >= first:
            return "mdy"
    return "dmy"
