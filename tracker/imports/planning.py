"""What an import will write, worked out before anything is written: no queries.

Each row read becomes a Planned application with the stage history it will get: the
history.csv of the same export row for row, or the shortest history that agrees with
applications.csv alone, or, for a spreadsheet's row, what application_create writes.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from django.utils.translation import gettext

from tracker.applications.models import STAGE_PROGRESS, ChangeSource, Stage
from tracker.applications.services import furthest_stage_of
from tracker.core.clock import start_of_local_day
from tracker.imports.csvfile import read_csv
from tracker.imports.rows import HistoryRow, ImportRow, RowError, RowReader, read_history_row

# A history.csv holds a few rows per application.
MAX_HISTORY_ROWS = 1_000_000


@dataclass
class Planned:
    """One application to create, with its history: (from, to, at, source) rows."""

    row: ImportRow
    history: list[tuple[str, str, datetime, str]]
    furthest_stage: str
    stage_changed_at: datetime
    # Whether the file gave when it started: False for a spreadsheet's row without a date
    # applied, which starts "now" until a dated fact says earlier (applications.history).
    start_stated: bool = True


@dataclass
class Plan:
    applications: list[Planned] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped: list[ImportRow] = field(default_factory=list)


def duplicate_error(row: ImportRow, reader: RowReader) -> RowError:
    column = reader.header[reader.index["company"]]
    words = {"role": row.role, "company": row.company}
    if row.applied_on:
        words["day"] = f"{row.applied_on:%Y-%m-%d}"
        said = gettext(
            "You already have %(role)s at %(company)s, applied on %(day)s. Tick “Skip "
            "duplicates” to import the other rows without it."
        )
    else:
        said = gettext(
            "You already have %(role)s at %(company)s. Tick “Skip duplicates” to import the "
            "other rows without it."
        )
    return RowError(row.line, column, said % words)


def plan_histories(
    *,
    history_text: str,
    history_delimiter: str,
    filename: str,
    rows: list[ImportRow],
    reader: RowReader,
    plan: Plan,
    named_ids: set[int],
) -> dict[int | None, list[HistoryRow]]:
    """The stage changes of history.csv, by the application id they name.

    Rows of applications skipped as duplicates are dropped with them; rows naming an id
    applications.csv (`filename`) does not have are errors (the files are from different
    exports).
    """
    if not history_text:
        return {}
    ids: dict[int | None, int] = {}
    for row in rows:
        if row.ref_id in ids:
            plan.errors.append(RowError(row.line, "id", f"Line {ids[row.ref_id]} has the same id."))
        ids.setdefault(row.ref_id, row.line)
    skipped = {row.ref_id for row in plan.skipped}
    histories: dict[int | None, list[HistoryRow]] = defaultdict(list)
    table = read_csv(history_text, history_delimiter, max_rows=MAX_HISTORY_ROWS)
    for csv_row in table.rows:
        change, errors = read_history_row(csv_row, reader.zone, reader.clock)
        for error in errors:
            plan.errors.append(RowError(error.line, f"history.csv {error.column}", error.message))
        if change is None or change.ref_id in skipped:
            continue
        if change.ref_id not in named_ids:
            plan.errors.append(
                RowError(
                    change.line,
                    "history.csv application_id",
                    f"No application in {filename} has the id {change.ref_id}.",
                )
            )
            continue
        histories[change.ref_id].append(change)
    for row in rows:
        changes = histories.get(row.ref_id)
        if changes and row.stage not in {c.to_stage for c in changes}:
            plan.errors.append(
                RowError(
                    row.line, "stage", f"history.csv never moves this application to {row.stage}."
                )
            )
    return histories


def plan_application(
    row: ImportRow, history: list[HistoryRow] | None, zone: tzinfo, now: datetime
) -> Planned:
    stated = True
    if history:
        # Rebound's own history, row for row: the round trip is exact.
        rows = [(h.from_stage, h.to_stage, h.at, h.source) for h in history]
    elif row.stage_changed_at is not None:
        rows = history_from_summary(row, zone)
    else:
        # A spreadsheet's row: what application_create writes for a new application.
        start = start_of_local_day(row.applied_on, zone) if row.applied_on else now
        rows = [("", row.stage, start, ChangeSource.IMPORT)]
        stated = row.applied_on is not None
    changed_at = row.stage_changed_at or rows[-1][2]
    furthest = furthest_stage_of(to for _, to, _, _ in rows)
    return Planned(row, rows, furthest, changed_at, start_stated=stated)


def history_from_summary(row: ImportRow, zone: tzinfo) -> list[tuple[str, str, datetime, str]]:
    """The shortest history that agrees with applications.csv alone (no history.csv):
    it started (applied, or wishlist), reached its furthest stage, and now stands where
    it stands, dated by the columns that say when. Stage, furthest stage, the date of
    the last change and the rejection date come out exact; steps in between do not."""
    assert row.stage_changed_at is not None
    changed = row.stage_changed_at
    furthest = row.furthest_stage
    first = Stage.WISHLIST if furthest == Stage.WISHLIST else Stage.APPLIED
    start = changed
    if row.applied_on is not None:
        start = min(changed, start_of_local_day(row.applied_on, zone))
    path: list[tuple[str, datetime]] = [(first, start)]
    if furthest != row.stage and STAGE_PROGRESS.get(furthest, 0) > STAGE_PROGRESS[first]:
        reached = changed
        if row.first_response_on is not None:
            reached = start_of_local_day(row.first_response_on, zone)
            reached = max(start, min(reached, changed))
        path.append((furthest, reached))
    if row.stage != path[-1][0]:
        path.append((row.stage, changed))
    if len(path) == 1:
        path = [(first, changed)]
    source = ChangeSource.IMPORT
    return [(path[i - 1][0] if i else "", stage, at, source) for i, (stage, at) in enumerate(path)]
