import csv
import io
import statistics
import subprocess
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from typing import Any, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from kombu import Queue

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.demo import demo_seed
from tracker.applications.models import ChangeSource
from tracker.applications.selectors import ApplicationFilters
from tracker.celery import app
from tracker.exports import services as imports
from tracker.exports.selectors import export_application_values
from tracker.exports.views import applications_csv_response
from tracker.followups.models import FollowUp

WARM_UP = 5


class Command(BaseCommand):
    help = (
        "Measures the dashboard at several data sizes (queries, server time p50/p95), the "
        "rejection-to-follow-up path, the CSV export against a bare csv.writer and the "
        "CSV import, and prints Markdown tables. Run it on a scratch database: `make bench` does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sizes", default="100,10000", help="applications per user")
        parser.add_argument("--requests", type=int, default=40, help="timed requests per row")
        parser.add_argument("--rejections", type=int, default=30, help="timed rejections")
        parser.add_argument(
            "--export-size", type=int, default=100_000, help="applications in the CSV export"
        )
        parser.add_argument("--import-rows", type=int, default=20_000, help="rows imported")

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.exclude(username__startswith="bench-").exists():
            raise CommandError("This database holds real users; run `make bench` instead.")
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        rows = []
        for size in (int(s) for s in options["sizes"].split(",")):
            user = self._user_with(size)
            client = Client()
            client.force_login(user)
            rows.append(self._measure(client, "application_table", size, options["requests"]))
        self.stdout.write("| page | applications | queries | p50 ms | p95 ms |")
        self.stdout.write("|---|---:|---:|---:|---:|")
        for row in rows:
            self.stdout.write("| {} | {:,} | {} | {:.1f} | {:.1f} |".format(*row))
        if options["rejections"]:
            p50, p95 = self._measure_rejections(options["rejections"])
            self.stdout.write("")
            self.stdout.write("| path | n | p50 ms | p95 ms |")
            self.stdout.write("|---|---:|---:|---:|")
            self.stdout.write(
                f"| reject → proposed follow-up, real worker | {options['rejections']} "
                f"| {p50:.0f} | {p95:.0f} |"
            )
        if options["export_size"]:
            self._report_export(options["export_size"])
        if options["import_rows"]:
            self._report_import(options["import_rows"])

    def _user_with(self, size: int) -> User:
        user, created = User.objects.get_or_create(username=f"bench-{size}")
        if created:
            demo_seed(owner=user, count=size, with_people=False)
        return user

    def _measure(
        self, client: Client, name: str, size: int, count: int
    ) -> tuple[str, int, int, float, float]:
        url = reverse(name)
        for _ in range(WARM_UP):
            client.get(url)
        # A request starts by clearing the query log, so start it empty ourselves.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # Count now: the captured list is a view of the log, which the next request clears.
        query_count = len(queries)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        timings = []
        for _ in range(count):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        p95 = statistics.quantiles(timings, n=20)[-1]
        return name, size, query_count, statistics.median(timings), p95

    def _measure_rejections(self, count: int) -> tuple[float, float]:
        """From the rejection's commit to its follow-up in the database, via Redis and a
        `celery -A tracker worker` process on a queue of its own."""
        queue = f"bench-{uuid.uuid4().hex[:8]}"
        app.conf.task_default_queue = queue
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tracker", "worker", "-Q", queue,
             "--concurrency=1", "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            user, _ = User.objects.get_or_create(username="bench-rejections")
            # Plenty, since the demo mix ends some applications rejected already.
            demo_seed(owner=user, count=3 * (count + 3), with_people=False)
            pending = list(user.application_set.exclude(stage="rejected")[: count + 3])
            timings = []
            for i, application in enumerate(pending):
                start = time.perf_counter()
                applications.application_reject(
                    application=application,
                    source=ChangeSource.WEB,
                    channel="personal_email",
                    sender_name="Dana Smith",
                )
                deadline = start + 30
                while not FollowUp.objects.filter(application=application).exists():
                    if time.perf_counter() > deadline:
                        raise CommandError("No follow-up after 30 s: is the worker running?")
                    time.sleep(0.002)
                if i >= 3:  # the first few warm the worker up
                    timings.append((time.perf_counter() - start) * 1000)
        finally:
            worker.terminate()
            worker.wait(timeout=20)
        return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]

    def _report_export(self, size: int) -> None:
        """Our streaming export against a bare csv.writer over the very same cursor rows,
        in one run, so the ratio holds whatever the machine; then its peak memory."""
        user = self._user_with(size)
        filters = ApplicationFilters()
        ours = min(self._timed(lambda: self._consume_export(user, filters)) for _ in range(2))
        bare = min(self._timed(lambda: self._bare_export(user, filters)) for _ in range(2))
        tracemalloc.start()
        try:
            self._consume_export(user, filters)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        self.stdout.write("")
        self.stdout.write("| CSV export | applications | seconds | rows/s | peak memory growth |")
        self.stdout.write("|---|---:|---:|---:|---:|")
        self.stdout.write(
            f"| Rebound streaming export | {size:,} | {ours:.2f} | {size / ours:,.0f} "
            f"| {peak / 2**20:.1f} MB |"
        )
        self.stdout.write(
            f"| bare csv.writer, same cursor | {size:,} | {bare:.2f} | {size / bare:,.0f} | |"
        )
        self.stdout.write(
            f"\nSpeed ratio, streaming export / bare csv.writer: {bare / ours:.2f} (budget ≥ 0.5); "
            f"peak memory growth {peak / 2**20:.1f} MB (budget < 50 MB)."
        )

    @staticmethod
    def _timed(work: Callable[[], object]) -> float:
        start = time.perf_counter()
        work()
        return time.perf_counter() - start

    @staticmethod
    def _consume_export(user: User, filters: ApplicationFilters) -> int:
        """Reads the response as the web server would: every byte of every chunk."""
        response = applications_csv_response(user, filters)
        return sum(len(chunk) for chunk in cast(Iterator[bytes], response.streaming_content))

    @staticmethod
    def _bare_export(user: User, filters: ApplicationFilters) -> int:
        sink = _CountingSink()
        csv.writer(sink).writerows(export_application_values(user=user, filters=filters))
        return sink.size

    def _report_import(self, rows: int) -> None:
        """A spreadsheet of `rows` rows imported into an empty account, from upload to the
        last row committed (the worker's part run here: the task only calls the service)."""
        user, _ = User.objects.get_or_create(username=f"bench-import-{uuid.uuid4().hex[:6]}")
        raw = _spreadsheet(rows)
        # Rejected rows propose follow-ups: their tasks go to a queue nobody reads, emptied after.
        queue = f"bench-import-{uuid.uuid4().hex[:8]}"
        previous_queue, app.conf.task_default_queue = app.conf.task_default_queue, queue
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
            app.conf.task_default_queue = previous_queue
            with app.connection_for_write() as connection:
                Queue(queue).bind(connection.default_channel).delete()
        job.refresh_from_db()
        if job.status != "done" or job.imported != rows:
            raise CommandError(f"The import did not go through: {job.status}, {job.errors[:3]}")
        self.stdout.write("")
        self.stdout.write("| CSV import | rows | upload s | total s | rows/s |")
        self.stdout.write("|---|---:|---:|---:|---:|")
        self.stdout.write(
            f"| spreadsheet, column mapping, one transaction | {rows:,} | {uploaded:.2f} "
            f"| {took:.2f} | {rows / took:,.0f} |"
        )


class _CountingSink:
    """A file that keeps only the count of what is written to it."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


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
