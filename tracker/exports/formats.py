"""Rebound's two CSV files, described once: the columns, their order, and how a value is
written to a cell and read back. The export writes by this module and the import reads
by it, so a round trip is exact. Pure: no ORM, no selectors.

A new column of applications.csv is named here (in the place it should appear), read by
exports/selectors.py, and read back by imports/rows.py (RowReader._read_own_columns, or
the mapping targets in imports/columns.py when spreadsheets may hold it too).
"""

from datetime import datetime, tzinfo

APPLICATION_COLUMNS: tuple[str, ...] = (
    "id", "company", "role", "url", "location", "source",
    "salary_min", "salary_max", "salary_currency", "applied_on",
    "stage", "furthest_stage", "stage_changed_at", "first_response_on", "rejected_on",
    "followup_status", "notes", "description", "created_at", "updated_at",
)  # fmt: skip
# Exports made before the posting was kept lack `description`; they still import as ours.
EARLIER_APPLICATION_COLUMNS = tuple(c for c in APPLICATION_COLUMNS if c != "description")
HISTORY_COLUMNS: tuple[str, ...] = (
    "application_id", "company", "role", "event", "from", "to", "at", "source",
)  # fmt: skip

# The `event` column of history.csv.
EVENT_STAGE_CHANGE = "stage_change"
EVENT_FOLLOWUP_SENT = "followup_sent"

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV
# injection"); prefixing a quote makes it text. A cell that starts with a quote is
# prefixed too, so that the import can tell the quote we added from one the user typed:
# that keeps a round trip exact.
NEEDS_QUOTE = frozenset("=+-@\t\r'")


def neutralise(value: str) -> str:
    """The text a spreadsheet shows as text, never runs as a formula."""
    if value and value[0] in NEEDS_QUOTE:
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """Undoes `neutralise` (and the same defence applied by other tools)."""
    if len(value) > 1 and value[0] == "'" and value[1] in NEEDS_QUOTE:
        return value[1:]
    return value


def iso_datetime(value: datetime | None, zone: tzinfo) -> str:
    """A moment in the user's time zone with its offset: readable, and still exact."""
    return value.astimezone(zone).isoformat(timespec="seconds") if value else ""


def local_date(value: datetime | None, zone: tzinfo) -> str:
    return value.astimezone(zone).date().isoformat() if value else ""
