"""Imports: every write of tracker/imports happens here.

An import goes: upload (the file is read, checked and stored on an ImportJob) → the
user confirms the column mapping → a worker reads and checks every row (rows.py), works
out what to write (planning.py), then writes it all in one transaction, or nothing.

The writes are what application_create would write, in bulk: 20,000 rows through the
service one at a time take over a minute (78 s measured); in bulk, about ten seconds.
Per application: its company (reused whatever the case), the Application, its
StageChange rows, furthest_stage from those rows by services.furthest_stage_of, and,
when it ends rejected, a follow-up proposal job, since any path into `rejected`
proposes follow-ups.
"""

import logging
import uuid
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from tracker.accounts.language import in_language_of
from tracker.accounts.models import User
from tracker.applications.models import Application, Company, Stage, StageChange
from tracker.applications.names import company_name_key
from tracker.core.dispatch import dispatch, dispatch_on_commit
from tracker.core.sanitise import sanitise_html
from tracker.followups import services as followups
from tracker.imports import columns
from tracker.imports.csvfile import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    CsvFileError,
    CsvTable,
    decode_upload,
    read_csv,
    sniff_delimiter,
)
from tracker.imports.models import ImportJob, ImportStatus
from tracker.imports.planning import (
    MAX_HISTORY_ROWS,
    Plan,
    Planned,
    duplicate_error,
    plan_application,
    plan_histories,
)
from tracker.imports.rows import ImportRow, RowError, RowReader, duplicate_key

logger = logging.getLogger(__name__)

PREVIEW_ROWS = 5
# A status column with more distinct values than this is probably not a status column.
MAX_STAGE_VALUES = 40
# Enough to fix a file by; a file with thousands of errors has one mistake, repeated.
MAX_REPORTED_ERRORS = 200
PROGRESS_EVERY = 500
WRITE_BATCH = 2_000
# A job queued this long without starting was lost by the broker: send it again.
REDISPATCH_AFTER = timedelta(minutes=2)
# A job running this long died with its worker (the task's hard limit is shorter).
RUNNING_STALE_AFTER = timedelta(minutes=15)

# Named, not imported: tasks.py imports this module.
IMPORT_TASK = "tracker.imports.tasks.import_applications_task"

# A whole sentence per column the import cannot do without, so each language words it.
_REQUIRED_MISSING = {
    "company": gettext_lazy("Choose the column that holds the company."),
    "role": gettext_lazy("Choose the column that holds the role."),
}


# --- Upload ----------------------------------------------------------------------------


def _read_upload(raw: bytes, *, field: str, max_rows: int) -> tuple[CsvTable, str, str, str]:
    if len(raw) > MAX_UPLOAD_BYTES:
        size = MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ValidationError(
            {
                field: gettext("The file is larger than %(size)d MB. Split it in parts.")
                % {"size": size}
            }
        )
    try:
        text, encoding = decode_upload(raw)
        delimiter = sniff_delimiter(text)
        return read_csv(text, delimiter, max_rows=max_rows), text, encoding, delimiter
    except CsvFileError as exc:
        raise ValidationError({field: str(exc)}) from None


@transaction.atomic
def import_job_create(
    *,
    owner: User,
    filename: str,
    raw: bytes,
    history_filename: str = "",
    history_raw: bytes | None = None,
) -> ImportJob:
    """Reads and stores an upload, with a first guess at what its columns mean.

    Raises ValidationError on the `file` or `history_file` field for a file that is not
    a CSV Rebound can read (empty, binary, too big, too many rows, broken quoting).
    """
    table, text, encoding, delimiter = _read_upload(raw, field="file", max_rows=MAX_ROWS)
    own_format = columns.is_own_format(table.header)
    job = ImportJob(
        owner=owner,
        filename=filename[:255],
        encoding=encoding,
        delimiter=delimiter,
        text=text,
        header=table.header,
        own_format=own_format,
        total=len(table.rows),
    )
    if history_raw is not None:
        if not own_format:
            raise ValidationError(
                {
                    "history_file": gettext(
                        "A history.csv goes with the applications.csv of the same "
                        "Rebound export; the first file is not one."
                    )
                }
            )
        history, history_text, _, history_delimiter = _read_upload(
            history_raw, field="history_file", max_rows=MAX_HISTORY_ROWS
        )
        if not columns.is_own_history(history.header):
            raise ValidationError(
                {"history_file": gettext("This is not a Rebound history.csv: its columns differ.")}
            )
        job.history_filename = history_filename[:255]
        job.history_text = history_text
        job.history_delimiter = history_delimiter
    job.mapping = _guess_mapping(table, own_format)
    job.save()
    return job


def _guess_mapping(table: CsvTable, own_format: bool) -> dict[str, Any]:
    if own_format:
        # Ours, of now or of before `description`: each column is named by its target.
        return {"columns": list(table.header), "stages": {}, "date_order": "ymd"}
    guessed = columns.guess_columns(table.header)
    dates = _column_values(table, guessed, "applied_on")
    return {"columns": guessed, "stages": {}, "date_order": columns.guess_date_order(dates)}


def _column_values(table: CsvTable, targets: Sequence[str], target: str) -> Iterator[str]:
    if target in targets:
        i = targets.index(target)
        yield from (row.cells[i] for row in table.rows)


def import_table(job: ImportJob) -> CsvTable:
    """The stored file, read again (it was read once without error at upload)."""
    return read_csv(job.text, job.delimiter)


# --- Mapping ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mapping:
    columns: list[str]
    stages: dict[str, str]
    date_order: str

    def as_dict(self) -> dict[str, Any]:
        return {"columns": self.columns, "stages": self.stages, "date_order": self.date_order}


def import_mapping_clean(
    *, job: ImportJob, columns_: Sequence[str], stages: dict[str, str], date_order: str
) -> Mapping:
    """The mapping a user sent, checked: one target per column at most, the company and
    role mapped, known stages only. Rebound's own format has one mapping, whatever came."""
    if job.own_format:
        return Mapping(list(job.header), {}, "ymd")
    if len(job.header) > MAX_COLUMNS:
        # Stored before uploads were capped: its mapping page would never end.
        raise ValidationError(_too_wide())
    targets = list(columns_)
    errors: list[str] = []
    if len(targets) != len(job.header):
        raise ValidationError(
            gettext("The mapping does not match the file's columns. Reload the page.")
        )
    unknown = {t for t in targets if t != columns.IGNORE and t not in columns.TARGET_LABELS}
    if unknown:
        errors.append(gettext("Choose a column's meaning from the list."))
    for target in {t for t in targets if t != columns.IGNORE}:
        if targets.count(target) > 1:
            label = columns.TARGET_LABELS.get(target, target)
            errors.append(
                gettext("Two columns are mapped to “%(column)s”; choose one.") % {"column": label}
            )
    for target in columns.REQUIRED_TARGETS:
        if target not in targets:
            errors.append(str(_REQUIRED_MISSING[target]))
    if date_order not in dict(columns.DATE_ORDERS):
        errors.append(gettext("Choose how the dates are written."))
    known = {key: stage for key, stage in stages.items() if stage in Stage.values}
    if errors:
        raise ValidationError(sorted(errors))
    return Mapping(targets, known, date_order)


@dataclass(frozen=True)
class StageValue:
    key: str  # what the user's mapping is keyed by (see columns.stage_key)
    example: str  # one value as the file writes it
    count: int
    stage: str  # the stage it is mapped to, "" when nobody knows yet


@dataclass(frozen=True)
class Preview:
    rows: list[tuple[int, ImportRow | None, list[RowError]]]
    # The first non-empty cell of each column, to show what the column holds.
    samples: list[str]
    stage_values: list[StageValue]
    # More distinct statuses than the page can list: probably the wrong column.
    too_many_stage_values: bool


def import_preview(*, job: ImportJob, mapping: Mapping) -> Preview:
    """The first rows as the import would read them, and the status values to map."""
    table = import_table(job)
    reader = _reader(job, mapping)
    first = table.rows[:PREVIEW_ROWS]
    rows = [(row.line, *reader.read(row)) for row in first]
    samples = [
        next((r.cells[i] for r in first if r.cells[i].strip()), "")
        for i in range(len(table.header))
    ]
    values: dict[str, list[Any]] = {}
    if not job.own_format:
        for value in _column_values(table, mapping.columns, "stage"):
            key = columns.stage_key(value)
            values.setdefault(key, [value.strip(), 0])[1] += 1
    stage_values = [
        StageValue(key, example, count, mapping.stages.get(key) or columns.guess_stage(example))
        for key, (example, count) in sorted(values.items(), key=lambda kv: -kv[1][1])
    ]
    too_many = len(stage_values) > MAX_STAGE_VALUES
    return Preview(rows, samples, stage_values[:MAX_STAGE_VALUES], too_many)


def _reader(job: ImportJob, mapping: Mapping) -> RowReader:
    now = timezone.now()
    zone = job.owner.zone
    # Errors name columns as the file does; a nameless one by its position.
    header = [name or f"Column {i}" for i, name in enumerate(job.header, 1)]
    return RowReader(
        header=header,
        columns=mapping.columns,
        zone=zone,
        today=timezone.localdate(now, zone),
        clock=now,
        stages=mapping.stages,
        date_order=mapping.date_order,
        own_format=job.own_format,
    )


def import_job_set_mapping(*, job: ImportJob, mapping: Mapping, skip_duplicates: bool) -> None:
    """Keeps what the user chose so far, while the job waits for its mapping."""
    ImportJob.objects.filter(pk=job.pk, status=ImportStatus.NEW).update(
        mapping=mapping.as_dict(), skip_duplicates=skip_duplicates
    )
    job.refresh_from_db()


def import_job_start(*, job: ImportJob, mapping: Mapping, skip_duplicates: bool) -> bool:
    """Queues the import with this mapping. False if it is already queued or done."""
    started = ImportJob.objects.filter(
        pk=job.pk, status__in=(ImportStatus.NEW, ImportStatus.FAILED)
    ).update(
        status=ImportStatus.QUEUED,
        mapping=mapping.as_dict(),
        skip_duplicates=skip_duplicates,
        done=0,
        errors=[],
        skipped=[],
        claim=None,
        dispatched_at=timezone.now(),
    )
    if started:
        dispatch_on_commit(IMPORT_TASK, job.pk)
    job.refresh_from_db()
    return bool(started)


def import_job_refuse_too_wide(*, job: ImportJob) -> bool:
    """Fails a job stored before uploads were capped at MAX_COLUMNS, so that nobody maps
    (or imports) it; True if it was one."""
    if len(job.header) <= MAX_COLUMNS:
        return False
    ImportJob.objects.filter(pk=job.pk, status=ImportStatus.NEW).update(
        status=ImportStatus.FAILED,
        errors=[RowError(0, "", _too_wide()).as_dict()],
        text="",
        history_text="",
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return True


def import_job_edit(*, job: ImportJob) -> bool:
    """Back to the mapping step after a failed import (the file is still here)."""
    return bool(
        ImportJob.objects.filter(pk=job.pk, status=ImportStatus.FAILED).update(
            status=ImportStatus.NEW
        )
    )


# --- Running an import -----------------------------------------------------------------


def _too_wide() -> str:
    return gettext(
        "This file has more than %(most)d columns, more than Rebound reads. Remove the "
        "columns you do not need and upload it again."
    ) % {"most": MAX_COLUMNS}


def import_job_run(*, job_id: int) -> bool:
    """Imports a queued job, once: False if another run has it or had it.

    The job is claimed by a conditional update; the transaction that writes the
    applications also marks the job done, and only if the claim is still this run's.
    So a task delivered twice, or a run that was presumed dead and restarted while it
    was still going, imports the file once.
    """
    claim = uuid.uuid4()
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING, claim=claim, started_at=timezone.now(), done=0
    )
    if not claimed:
        return False
    job = ImportJob.objects.select_related("owner").get(pk=job_id)
    # The errors are kept with the job and shown later: in the owner's words.
    with in_language_of(job.owner):
        return _run(job, claim)


def _run(job: ImportJob, claim: uuid.UUID) -> bool:
    try:
        plan = _plan(job, claim)
        if plan.errors:
            _finish(job, claim, status=ImportStatus.FAILED, errors=plan.errors)
            return True
        with transaction.atomic():
            _write(job, plan)
            if not _finish(job, claim, status=ImportStatus.DONE, plan=plan):
                transaction.set_rollback(True)
                return False
    except Exception:
        logger.exception("Import %s failed", job.pk)
        message = gettext("Something went wrong on our side; nothing was imported. Try again.")
        _finish(job, claim, status=ImportStatus.FAILED, errors=[RowError(0, "", message)])
        raise
    return True


def import_job_fail(*, job_id: int, message: StrOrPromise) -> None:
    """Gives up on a running job (the worker's time ran out): nothing was imported."""
    job = ImportJob.objects.select_related("owner").filter(pk=job_id).first()
    with in_language_of(job.owner) if job is not None else nullcontext():
        message = str(message)
    # Failed already, when the run's own safety net caught the same exception first.
    ImportJob.objects.filter(
        pk=job_id, status__in=(ImportStatus.RUNNING, ImportStatus.FAILED)
    ).update(
        status=ImportStatus.FAILED,
        errors=[RowError(0, "", message).as_dict()],
        finished_at=timezone.now(),
    )


def _finish(
    job: ImportJob,
    claim: uuid.UUID,
    *,
    status: str,
    errors: Sequence[RowError] = (),
    plan: Plan | None = None,
) -> bool:
    reported = [e.as_dict() for e in errors[:MAX_REPORTED_ERRORS]]
    if len(errors) > MAX_REPORTED_ERRORS:
        more = len(errors) - MAX_REPORTED_ERRORS
        reported.append(RowError(0, "", f"… and {more:,} more errors like these.").as_dict())
    values: dict[str, Any] = {"status": status, "errors": reported, "finished_at": timezone.now()}
    if plan is not None:
        values.update(
            imported=len(plan.applications),
            done=job.total,
            skipped=[_skipped_as_dict(row) for row in plan.skipped],
            # The applications are in; a copy of the file is not worth keeping.
            text="",
            history_text="",
        )
    return bool(
        ImportJob.objects.filter(pk=job.pk, claim=claim, status=ImportStatus.RUNNING).update(
            **values
        )
    )


def _skipped_as_dict(row: ImportRow) -> dict[str, Any]:
    applied_on = row.applied_on.isoformat() if row.applied_on else ""
    return {"line": row.line, "company": row.company, "role": row.role, "applied_on": applied_on}


def _plan(job: ImportJob, claim: uuid.UUID) -> Plan:
    """Every row read and checked, before anything is written."""
    mapping = import_mapping_clean(
        job=job,
        columns_=job.mapping.get("columns", []),
        stages=job.mapping.get("stages", {}),
        date_order=job.mapping.get("date_order", ""),
    )
    reader = _reader(job, mapping)
    existing = {
        duplicate_key(*values)
        for values in Application.objects.filter(owner=job.owner).values_list(
            "company__name", "role", "applied_on"
        )
    }
    plan = Plan()
    rows: list[ImportRow] = []
    table = import_table(job)
    for i, csv_row in enumerate(table.rows, 1):
        row, errors = reader.read(csv_row)
        plan.errors += errors
        if row is not None and row.duplicate_key in existing:
            if job.skip_duplicates:
                plan.skipped.append(row)
            else:
                plan.errors.append(duplicate_error(row, reader))
        elif row is not None:
            rows.append(row)
        if i % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job.pk, claim=claim).update(done=i)
    # Every id the file names, even on a row with errors: its history is not "unknown".
    named_ids = {
        int(cell) for cell in _column_values(table, mapping.columns, "id") if cell.isdigit()
    }
    histories = plan_histories(
        history_text=job.history_text,
        history_delimiter=job.history_delimiter,
        filename=job.filename,
        rows=rows,
        reader=reader,
        plan=plan,
        named_ids=named_ids,
    )
    for row in rows:
        planned = plan_application(row, histories.get(row.ref_id), job.owner.zone, reader.clock)
        if planned.furthest_stage != row.furthest_stage and job.own_format:
            plan.errors.append(
                RowError(
                    row.line,
                    "furthest_stage",
                    f"This says {row.furthest_stage}, but the stages it went through make "
                    f"it {planned.furthest_stage}.",
                )
            )
        plan.applications.append(planned)
    ImportJob.objects.filter(pk=job.pk, claim=claim).update(done=job.total)
    # The applications file's errors by line, then the history file's.
    plan.errors.sort(key=lambda e: (e.column.startswith("history.csv"), e.line))
    return plan


def _folded(**fields: Any) -> Application:
    """A new application, its search text set as the services would."""
    application = Application(**fields)
    application.fold_for_search()
    return application


def _write(job: ImportJob, plan: Plan) -> None:
    owner = job.owner
    companies = _companies(owner, [p.row.company for p in plan.applications])
    planned = iter(plan.applications)
    while batch := list(islice(planned, WRITE_BATCH)):
        applications = Application.objects.bulk_create(
            _folded(
                owner=owner,
                company=companies[company_name_key(p.row.company)],
                role=p.row.role,
                url=p.row.url,
                location=p.row.location,
                source=p.row.source,
                salary_min=p.row.salary_min,
                salary_max=p.row.salary_max,
                salary_currency=p.row.salary_currency,
                applied_on=p.row.applied_on,
                applied_on_stated=p.start_stated,
                notes=p.row.notes,
                # Written in bulk, around the services: sanitised here as they would.
                description=sanitise_html(p.row.description) if p.row.description else "",
                stage=p.row.stage,
                stage_changed_at=p.stage_changed_at,
                furthest_stage=p.furthest_stage,
            )
            for p in batch
        )
        if job.own_format:
            _restore_timestamps(applications, batch)
        StageChange.objects.bulk_create(
            # The file's dates are the user's own record: a later change never re-dates them.
            # A row that gave no date at all starts "now", as one added by hand would.
            StageChange(
                application=app,
                owner_id=app.owner_id,
                from_stage=from_,
                to_stage=to,
                at=at,
                source=source,
                dated=bool(from_) or p.start_stated,
            )
            for app, p in zip(applications, batch, strict=True)
            for from_, to, at, source in p.history
        )
        # Any path into `rejected` proposes follow-ups; an import too.
        followups.proposal_jobs_request(
            applications=[a for a in applications if a.stage == Stage.REJECTED]
        )


def _restore_timestamps(applications: list[Application], batch: list[Planned]) -> None:
    """Keeps when each application was created and last edited, as the export says:
    `auto_now` fields take the clock on insert, so they are set right after it."""
    for app, p in zip(applications, batch, strict=True):
        app.created_at = p.row.created_at or app.created_at
        app.updated_at = p.row.updated_at or app.updated_at
    Application.objects.bulk_update(applications, ["created_at", "updated_at"])


def _companies(owner: User, names: list[str]) -> dict[str, Company]:
    """Each name's company by its key (applications/names.py): an existing one however it
    is spelled (as company_get_or_create finds it), else one made with the first spelling."""
    companies = {c.name_key: c for c in Company.objects.filter(owner=owner)}
    missing: dict[str, Company] = {}
    for name in names:
        key = company_name_key(name)
        if key not in companies and key not in missing:
            missing[key] = Company.named(owner=owner, name=name)
    Company.objects.bulk_create(missing.values())
    return companies | missing


def import_jobs_sweep(*, now: datetime | None = None) -> int:
    """Sends again what the broker lost, and restarts what died with its worker.

    Safe to overlap: each job is taken by a conditional update; a restarted job runs
    under a new claim, and a run whose claim was taken over cannot commit (see
    import_job_run).
    """
    now = now or timezone.now()
    stale = Q(status=ImportStatus.QUEUED, dispatched_at__lt=now - REDISPATCH_AFTER) | Q(
        status=ImportStatus.RUNNING, started_at__lt=now - RUNNING_STALE_AFTER
    )
    sent = 0
    for job_id in ImportJob.objects.filter(stale).values_list("pk", flat=True)[:100]:
        requeued = ImportJob.objects.filter(stale, pk=job_id).update(
            status=ImportStatus.QUEUED, dispatched_at=now, claim=None
        )
        if requeued and dispatch(IMPORT_TASK, job_id):
            sent += 1
    if sent:
        logger.info("Re-sent %s import jobs", sent)
    return sent
