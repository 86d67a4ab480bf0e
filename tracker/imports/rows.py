"""Reading the cells of an uploaded CSV: pure functions, no ORM, easy to test.

Each row of applications.csv (or of a spreadsheet, through the user's column mapping)
becomes an ImportRow or errors by line and column; each row of history.csv a HistoryRow.
Cells are read leniently where spreadsheets differ ("60k", "25/11/2026", "Interview
scheduled") and exactly where Rebound's own export wrote them.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from functools import partial
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Field, Model
from django.utils.formats import number_format
from django.utils.translation import gettext

from tracker.applications.models import (
    Application,
    ChangeSource,
    Company,
    Source,
    Stage,
    salary_range_ordered,
)
from tracker.applications.names import company_name_key
from tracker.core import dates
from tracker.core.dates import CLOCK_SKEW
from tracker.exports.formats import EVENT_FOLLOWUP_SENT, EVENT_STAGE_CHANGE, unneutralise
from tracker.imports.columns import (
    SLASHED_DATE,
    TARGET_LABELS,
    guess_source,
    guess_stage,
    stage_key,
)
from tracker.imports.csvfile import CsvRow

T = TypeVar("T")


def _max_length(model: type[Model], name: str) -> int:
    field = model._meta.get_field(name)
    if not isinstance(field, Field) or not field.max_length:
        raise TypeError(f"{model.__name__}.{name} has no length limit.")
    return field.max_length


# Each text column's limit, read from the models rather than restated.
MAX_LENGTHS: dict[str, int] = {
    "company": _max_length(Company, "name"),
    **{
        name: _max_length(Application, name)
        for name in ("role", "location", "url", "notes", "description")
    },
}
MAX_SALARY = 2_147_483_647  # the database column's limit

# --- Reading cells ---------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot mean what its column says; the message is for the user."""


_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z]*)?$")
_NAMED_MONTH = re.compile(r"^(?:\w+,?\s+)??(\d{1,2})?\.?\s*([a-z]+)\.?,?\s*(\d{1,2})?,?\s+(\d{4})$")


def _number(value: float | None) -> str:
    """A number as the user's language groups it: 65,000 or 65.000 (None: nothing)."""
    return "" if value is None else number_format(value, force_grouping=True)


def _quoted_problem(text: str, problem: object) -> str:
    return gettext("“%(text)s”: %(problem)s") % {"text": _short(text), "problem": problem}


def _not_a_stage(text: str) -> str:
    return gettext("“%(text)s” is not a stage.") % {"text": _short(text)}


def parse_date(value: str, order: str = "ymd") -> date | None:
    """A date as spreadsheets write them: ISO, 25/11/2026 (or 11/25 in `mdy`), 25.11.26,
    25 Nov 2026, November 25, 2026. Empty is None; before 1970 is refused (core.dates),
    as every other way in refuses it."""
    day = _parse_date(value, order)
    if day is not None and day < dates.EARLIEST_DAY:
        raise CellError(_quoted_problem(value.strip(), dates.TOO_EARLY))
    return day


def _parse_date(value: str, order: str) -> date | None:
    text = value.strip()
    if not text:
        return None
    try:
        if match := _ISO_DATE.match(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := SLASHED_DATE.match(text):
            a, b, c = match.groups()
            if len(a) == 4:
                return date(int(a), int(b), int(c))
            day, month = (a, b) if order != "mdy" else (b, a)
            return date(int(c) + 2000 if len(c) <= 2 else int(c), int(month), int(day))
        if match := _NAMED_MONTH.match(text.casefold()):
            day_first, month_name, day_after, year_text = match.groups()
            day_text = day_first or day_after
            if month_name in _MONTHS and day_text and not (day_first and day_after):
                return date(int(year_text), _MONTHS[month_name], int(day_text))
    except ValueError:
        raise CellError(
            gettext("“%(text)s” is not a date that exists. Enter a date like 2026-11-25.")
            % {"text": text}
        ) from None
    raise CellError(
        gettext("“%(text)s” is not a date. Enter a date like 2026-11-25.") % {"text": _short(text)}
    )


def parse_moment(value: str, zone: tzinfo) -> datetime | None:
    """An ISO 8601 date-time as the export writes it; without an offset, local time."""
    text = value.strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CellError(
            gettext(
                "“%(text)s” is not a date and time. Use ISO 8601, like 2026-11-25T14:30:00+01:00."
            )
            % {"text": _short(text)}
        ) from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
    if moment < dates.EARLIEST:
        raise CellError(_quoted_problem(text, dates.TOO_EARLY))
    return moment


# 65,000 or 65.000 or 65 000, and cents after them: 120,000.00.
_THOUSANDS = re.compile(r"^\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?$")
_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")


def parse_salary(value: str) -> int | None:
    """A whole amount: 65000, 65,000, 65.000, "€65 000", 65k, 65.5k. Empty is None."""
    text = value.strip().casefold().replace("\u00a0", " ").replace("\u202f", " ")
    if not text:
        return None
    if text.startswith("-"):
        raise CellError(gettext("A salary cannot be negative."))
    text = re.sub(r"^[^\d]+|[^\dk]+$", "", text).strip()
    thousands = text.endswith("k")
    text = text.removesuffix("k").strip()
    if _THOUSANDS.match(text) and not thousands:
        amount = float(re.sub(r"[,.' ]", "", re.sub(r"[.,]\d{1,2}$", "", text)))
    elif _DECIMAL.match(text):
        amount = float(text.replace(",", "."))
    else:
        raise CellError(
            gettext("“%(text)s” is not an amount. Enter a number like 65000.")
            % {"text": _short(value.strip())}
        )
    amount = round(amount * (1000 if thousands else 1))
    if amount > MAX_SALARY:
        raise CellError(
            gettext("%(amount)s is more than Rebound can store.") % {"amount": _number(amount)}
        )
    return int(amount)


_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "us$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR"}


def parse_currency(value: str) -> str:
    text = value.strip()
    code = _CURRENCY_SYMBOLS.get(text.casefold(), text.upper())
    if code and not (len(code) == 3 and code.isascii() and code.isalpha()):
        raise CellError(
            gettext("“%(text)s” is not a currency. Use a code like EUR or USD.")
            % {"text": _short(text)}
        )
    return code


_validate_url = URLValidator()


def parse_url(value: str) -> str:
    text = value.strip()
    if not text:
        return ""
    if "://" not in text:
        text = f"https://{text}"  # "acme.com/jobs/1", as the application form assumes
    if len(text) > MAX_LENGTHS["url"]:
        raise CellError(
            gettext("The address is longer than %(limit)s characters.")
            % {"limit": _number(MAX_LENGTHS["url"])}
        )
    try:
        _validate_url(text)
    except ValidationError:
        raise CellError(
            gettext("“%(text)s” is not a web address.") % {"text": _short(value.strip())}
        ) from None
    return text


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Reading rows ----------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    line: int
    column: str  # as the file names it, so the user finds the cell
    message: str

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "message": self.message}


@dataclass
class ImportRow:
    """One application as the import will create it."""

    line: int
    company: str
    role: str
    stage: str
    url: str = ""
    location: str = ""
    source: str = Source.JOB_BOARD
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str = ""
    applied_on: date | None = None
    notes: str = ""
    description: str = ""
    # Only in Rebound's own format: what the export says about the past.
    ref_id: int | None = None
    furthest_stage: str = ""
    stage_changed_at: datetime | None = None
    first_response_on: date | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def stage_label(self) -> str:
        return str(Stage(self.stage).label)

    @property
    def duplicate_key(self) -> tuple[str, str, date | None]:
        return duplicate_key(self.company, self.role, self.applied_on)


def duplicate_key(company: str, role: str, applied_on: date | None) -> tuple[str, str, date | None]:
    """Same company (by its key), role and date applied, whatever the case and spacing."""
    return (company_name_key(company), " ".join(role.casefold().split()), applied_on)


class _Cells:
    """The cells of one row by target, and the errors found in them."""

    def __init__(self, reader: "RowReader", row: CsvRow) -> None:
        self.reader = reader
        self.row = row
        self.errors: list[RowError] = []

    def get(self, target: str) -> str:
        i = self.reader.index.get(target)
        return unneutralise(self.row.cells[i]) if i is not None else ""

    def fail(self, target: str, message: str) -> None:
        i = self.reader.index.get(target)
        column = self.reader.header[i] if i is not None else str(TARGET_LABELS.get(target, target))
        self.errors.append(RowError(self.row.line, column, message))

    def parse(self, target: str, parser: Callable[[str], T]) -> T | None:
        try:
            return parser(self.get(target))
        except CellError as exc:
            self.fail(target, str(exc))
            return None

    def text(self, target: str, *, missing: str = "") -> str:
        value = self.get(target)
        # Runs of spaces in a name are typing accidents; in notes they may be layout.
        value = value.strip() if target in ("notes", "description") else " ".join(value.split())
        if missing and not value:
            self.fail(target, missing)
        limit = MAX_LENGTHS[target]
        if len(value) > limit:
            self.fail(
                target,
                gettext("This is %(length)s characters long; the limit is %(limit)s.")
                % {"length": _number(len(value)), "limit": _number(limit)},
            )
        return value


@dataclass
class RowReader:
    """Turns the cells of one row into an ImportRow, or into errors by line and column.

    `columns` holds the target of each column (IGNORE to skip it). Nothing here trusts
    the mapping a browser sent: an unknown stage is an error on its line, not a crash.
    """

    header: list[str]
    columns: list[str]
    zone: tzinfo
    today: date
    clock: datetime
    stages: dict[str, str] = field(default_factory=dict)
    date_order: str = "dmy"
    own_format: bool = False
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.index = {target: i for i, target in enumerate(self.columns) if target}

    def read(self, row: CsvRow) -> tuple[ImportRow | None, list[RowError]]:
        cells = _Cells(self, row)
        salary_min = cells.parse("salary_min", parse_salary)
        salary_max = cells.parse("salary_max", parse_salary)
        if not salary_range_ordered(salary_min, salary_max):
            cells.fail(
                "salary_max",
                gettext("The maximum (%(max)s) is below the minimum (%(min)s).")
                % {"max": _number(salary_max), "min": _number(salary_min)},
            )
        order = "ymd" if self.own_format else self.date_order
        applied_on = cells.parse("applied_on", partial(parse_date, order=order))
        if applied_on is not None and applied_on > self.today:
            cells.fail("applied_on", f"{applied_on:%Y-%m-%d} is in the future.")
        result = ImportRow(
            line=row.line,
            company=cells.text("company", missing=gettext("The company is missing.")),
            role=cells.text("role", missing=gettext("The role is missing.")),
            stage=self._stage(cells),
            url=cells.parse("url", parse_url) or "",
            location=cells.text("location"),
            source=self._source(cells),
            salary_min=salary_min,
            salary_max=salary_max,
            salary_currency=cells.parse("salary_currency", parse_currency) or "",
            applied_on=applied_on,
            notes=cells.text("notes"),
            description=cells.text("description"),
        )
        if self.own_format:
            self._read_own_columns(result, cells)
        return (None, cells.errors) if cells.errors else (result, [])

    def _stage(self, cells: _Cells) -> str:
        value = cells.get("stage")
        if self.own_format:
            if value in Stage.values:
                return value
            cells.fail(
                "stage",
                gettext("“%(text)s” is not a stage. Use one of: %(known)s.")
                % {"text": _short(value), "known": ", ".join(Stage.values)},
            )
            return ""
        stage = self.stages.get(stage_key(value)) or guess_stage(value)
        if stage not in Stage.values:
            cells.fail(
                "stage",
                gettext(
                    "Rebound does not know which stage “%(text)s” means. "
                    "Choose one for it under “What each status means”."
                )
                % {"text": _short(value.strip())},
            )
            return ""
        return stage

    def _source(self, cells: _Cells) -> str:
        value = cells.get("source")
        if not self.own_format:
            return guess_source(value)
        if value in Source.values:
            return value
        cells.fail(
            "source",
            gettext("“%(text)s” is not a source. Use one of: %(known)s.")
            % {"text": _short(value), "known": ", ".join(Source.values)},
        )
        return Source.OTHER

    def _read_own_columns(self, result: ImportRow, cells: _Cells) -> None:
        raw_id = cells.get("id").strip()
        if raw_id.isdigit():
            result.ref_id = int(raw_id)
        else:
            cells.fail(
                "id", gettext("The id must be a whole number: the one history.csv refers to.")
            )
        furthest = cells.get("furthest_stage")
        if furthest in Stage.values:
            result.furthest_stage = furthest
        else:
            cells.fail("furthest_stage", _not_a_stage(furthest))
        moment = partial(parse_moment, zone=self.zone)
        result.stage_changed_at = cells.parse("stage_changed_at", moment)
        result.created_at = cells.parse("created_at", moment)
        result.updated_at = cells.parse("updated_at", moment)
        for target in ("stage_changed_at", "created_at", "updated_at"):
            value = getattr(result, target)
            if value is not None and value > self.clock + CLOCK_SKEW:
                cells.fail(target, str(dates.IN_THE_FUTURE))
        if result.stage_changed_at is None and cells.get("stage_changed_at") == "":
            cells.fail("stage_changed_at", gettext("The date of the last stage change is missing."))
        result.first_response_on = cells.parse(
            "first_response_on", partial(parse_date, order="ymd")
        )


@dataclass(frozen=True)
class HistoryRow:
    line: int
    ref_id: int
    from_stage: str
    to_stage: str
    at: datetime
    source: str


def read_history_row(
    row: CsvRow, zone: tzinfo, clock: datetime
) -> tuple[HistoryRow | None, list[RowError]]:
    """One line of Rebound's history.csv; a sent follow-up is None (it is not imported)."""
    application_id, _company, _role, event, from_, to, at, source = (
        unneutralise(c).strip() for c in row.cells
    )
    if event == EVENT_FOLLOWUP_SENT:
        return None, []
    errors: list[RowError] = []
    if event != EVENT_STAGE_CHANGE:
        not_event = gettext("“%(text)s” is not an event.") % {"text": _short(event)}
        errors.append(RowError(row.line, "event", not_event))
    if not application_id.isdigit():
        errors.append(RowError(row.line, "application_id", gettext("This must be a whole number.")))
    if from_ and from_ not in Stage.values:
        errors.append(RowError(row.line, "from", _not_a_stage(from_)))
    if to not in Stage.values:
        errors.append(RowError(row.line, "to", _not_a_stage(to)))
    if source not in ChangeSource.values:
        not_source = gettext("“%(text)s” is not a source.") % {"text": _short(source)}
        errors.append(RowError(row.line, "source", not_source))
    moment: datetime | None = None
    try:
        moment = parse_moment(at, zone)
    except CellError as exc:
        errors.append(RowError(row.line, "at", str(exc)))
    if moment is None and not errors:
        errors.append(RowError(row.line, "at", gettext("The date and time are missing.")))
    elif moment is not None and moment > clock + CLOCK_SKEW:
        errors.append(RowError(row.line, "at", str(dates.IN_THE_FUTURE)))
    if errors or moment is None:
        return None, errors
    return HistoryRow(row.line, int(application_id), from_, to, moment, source), []
