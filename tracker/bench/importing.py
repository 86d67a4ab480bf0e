"""A job-search spreadsheet imported into an empty account, from upload to the last row."""

import csv
import io
import time
import uuid

from django.core.management.base import CommandError
from kombu import Queue

from tracker.accounts.models import User
from tracker.bench.measure import Bench, Row
from tracker.celery import app
from tracker.imports import services as imports


def import_rows(bench: Bench) -> list[Row]:
    return [_import_row(bench.import_rows)] if bench.import_rows else []


def _import_row(rows: int) -> Row:
    """A spreadsheet of `rows` rows imported into an empty account, from upload to the
    last row committed (the worker's part run here: the task only calls the service)."""
    user, _ = User.objects.get_or_create(username=f"bench-import-{uuid.uuid4().hex[:6]}")
    raw = _spreadsheet(rows)
    # Rejected rows propose follow-ups: their tasks go to a queue nobody reads, emptied after.
    queue = f"bench-import-{uuid.uuid4().hex[:8]}"
    previous_queue, app.conf.task_default_queue = app.conf.task_default_queue, queue
    previous_bulk, app.conf.bulk_queue = app.conf.bulk_queue, queue  # batched proposals
    try:
        start = time.perf_counter()
        job = imports.import_job_create(owner=user, filename="bench.csv", raw=raw)
        uploaded = time.perf_counter() - start
        mapping = imports.import_mapping_clean(
            job=job, columns_=job.mapping["columns"], stages={}, date_order="dmy"
        )
        imports.import_job_start(job=job, mapping=mapping, skip_duplicates=False)
        imports.import_job_run(job_id=job.pk)
        took = time.perf_counter() - start
    finally:
        app.conf.task_default_queue, app.conf.bulk_queue = previous_queue, previous_bulk
        with app.connection_for_write() as broker:
            Queue(queue).bind(broker.default_channel).delete()
    job.refresh_from_db()
    if job.status != "done" or job.imported != rows:
        raise CommandError(f"The import did not go through: {job.status}, {job.errors[:3]}")
    return Row(
        "CSV import: spreadsheet, column mapping, one transaction",
        f"{rows:,} rows",
        f"{took:.1f} s (upload {uploaded:.2f} s), {rows / took:,.0f} rows/s",
    )


def _spreadsheet(rows: int) -> bytes:
    """A job-search spreadsheet as people keep them: their own column names and words."""
    statuses = ["Applied", "Applied", "Rejected", "Interview", "Phone screen", "No response"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Company Name", "Job Title", "Date Applied", "Status", "Link", "Notes"])
    for i in range(rows):
        day = 1 + i % 28
        writer.writerow(
            [
                f"Company {i % 2_000}",
                f"Engineer {i}",
                f"{day:02d}/{1 + i % 12:02d}/2025",
                statuses[i % len(statuses)],
                f"https://jobs.example/{i}",
                "Found it on a job board; a friend works there.",
            ]
        )
    return out.getvalue().encode("utf-8-sig")
