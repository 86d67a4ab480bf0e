import csv
import gc
import io
import statistics
import subprocess
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from kombu import Queue

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application, ChangeSource, Company, Stage
from tracker.applications.selectors import ApplicationFilters
from tracker.bench.results import (
    DOC,
    doc_section_write,
    machine_lines,
    markdown_table,
    paragraph,
)
from tracker.celery import app
from tracker.exports.responses import applications_csv_response
from tracker.exports.selectors import export_application_query
from tracker.followups.models import FollowUp, FollowUpStatus, Reminder
from tracker.followups.notices import reminder_key
from tracker.followups.rules import Kind
from tracker.followups.tasks import send_due_reminders_task
from tracker.imports import services as imports
from tracker.notifications.models import Channel, Notification

WARM_UP = 5
PAGES = {"dashboard": "board", "application_table": "table", "insights": "insights"}
# SPEC.md section 8 budgets the board and the table: queries, and server time p95 by
# applications per user.
BUDGETED_PAGES = ("dashboard", "application_table")
PAGE_P95_BUDGET_MS = {10_000: 50, 100_000: 150}
QUERY_BUDGET = 10
REJECTION_P95_BUDGET_MS = 1_000
SWEEP_BUDGET_S = 30
SWEEP_USERS = 100
# Beat starts a sweep every minute; one that runs long overlaps the next. Two at once
# show the claim at work: they split the reminders, and none is notified twice.
SWEEPERS = 2
EXPORT_SPEED_BUDGET = 0.5
EXPORT_MEMORY_BUDGET_MB = 50


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, on what, the figure and its budget."""

    measure: str
    data: str
    result: str
    budget: str = "—"
    # None where SPEC.md sets no budget.
    passed: bool | None = None

    def cells(self) -> list[str]:
        verdict = {None: "", True: "pass", False: "**miss**"}[self.passed]
        return [self.measure, self.data, self.result, self.budget, verdict]


class Command(BaseCommand):
    help = (
        "Measures what SPEC.md section 8 budgets (queries and server time of the board, the "
        "table and insights; the table against the admin; rejection to follow-up and the "
        "reminder sweep through a real worker; the CSV export; the CSV import), prints one "
        "Markdown table and writes it to docs/benchmarks.md. Run it on a scratch database: "
        "`make bench` does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--query-sizes", default="100,10000", help="applications per user, queries counted"
        )
        parser.add_argument(
            "--time-sizes", default="10000,100000", help="applications per user, pages timed"
        )
        parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
        parser.add_argument("--rejections", type=int, default=30, help="timed rejections")
        parser.add_argument("--reminders", type=int, default=10_000, help="due reminders swept")
        parser.add_argument(
            "--export-size", type=int, default=100_000, help="applications in the CSV export"
        )
        parser.add_argument("--import-rows", type=int, default=20_000, help="rows imported")
        parser.add_argument(
            "--doc", default=str(DOC), help="Markdown file to record the table in ('' for none)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.exclude(username__startswith="bench-").exists():
            raise CommandError("This database holds real users; run `make bench` instead.")
        started = time.perf_counter()
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        query_sizes = [int(s) for s in options["query_sizes"].split(",") if s]
        time_sizes = [int(s) for s in options["time_sizes"].split(",") if s]
        rows: list[Row] = []
        # Wrong answers rather than slow ones: reported in the table, then the command fails.
        self.broken: list[str] = []
        self.seeded: dict[int, float] = {}

        for size in sorted({*query_sizes, *time_sizes, options["export_size"]} - {0}):
            self._user_with(size)
        if self.seeded:
            # The largest seed is what makes `make bench` quick or slow.
            size = max(self.seeded)
            rows.append(
                Row(
                    "seed (demo_seed, bulk inserts)",
                    f"{size:,} applications",
                    f"{self.seeded[size]:.1f} s",
                )
            )
        for name, page in PAGES.items():
            if query_sizes:
                rows.append(self._query_row(name, page, query_sizes))
        for size in time_sizes:
            rows += self._page_rows(size, options["requests"])
        if options["rejections"] or options["reminders"]:
            with self._worker():
                if options["rejections"]:
                    rows.append(self._rejection_row(options["rejections"]))
                if options["reminders"]:
                    rows.append(self._sweep_row(options["reminders"]))
        if options["export_size"]:
            rows += self._export_rows(options["export_size"])
        if options["import_rows"]:
            rows.append(self._import_row(options["import_rows"]))

        took = time.perf_counter() - started
        table = markdown_table(
            ["measure", "data", "result", "budget", ""], [r.cells() for r in rows]
        )
        self.stdout.write("\n".join(table))
        self.stdout.write(f"\nMeasured in {took / 60:.1f} min.")
        if self.broken:
            raise CommandError("Wrong results, not recorded: " + "; ".join(self.broken))
        if options["doc"]:
            doc_section_write("bench", _doc_lines(table, took), Path(options["doc"]))
            self.stdout.write(f"Recorded in {options['doc']}.")

    # --- Data ----------------------------------------------------------------------------

    def _user_with(self, size: int) -> User:
        """The bench user with `size` applications, seeded the first time it is asked for."""
        user, created = User.objects.get_or_create(username=f"bench-{size}")
        if created:
            start = time.perf_counter()
            demo_seed(owner=user, count=size, with_people=False)
            self.seeded[size] = time.perf_counter() - start
        return user

    def _client_for(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    # --- Pages ---------------------------------------------------------------------------

    def _query_row(self, name: str, page: str, sizes: list[int]) -> Row:
        counts = [self._query_count(self._client_for(self._user_with(s)), name) for s in sizes]
        constant = len(set(counts)) == 1
        budgeted = name in BUDGETED_PAGES
        if budgeted and not constant:
            self.broken.append(f"the {page} runs {counts} queries at {sizes} applications")
        return Row(
            f"{page}: queries per request",
            " / ".join(f"{s:,}" for s in sizes) + " applications",
            " / ".join(str(c) for c in counts),
            f"≤ {QUERY_BUDGET}, the same at each size" if budgeted else "—",
            constant and max(counts) <= QUERY_BUDGET if budgeted else None,
        )

    def _query_count(self, client: Client, name: str) -> int:
        url = reverse(name)
        for _ in range(WARM_UP):
            client.get(url)
        # A request starts by clearing the query log, so start it empty ourselves.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # Count now: the captured list is a view of the log, which the next request clears.
        count = len(queries)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        return count

    def _page_rows(self, size: int, count: int) -> list[Row]:
        """Board and insights, then the table and the admin changelist of the same
        applications side by side, request for request, so both meet the same noise."""
        user = self._user_with(size)
        client = self._client_for(user)
        admin, _ = User.objects.get_or_create(
            username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
        )
        admin_url = reverse("admin:applications_application_changelist")
        data = f"{size:,} applications"
        budget_ms = PAGE_P95_BUDGET_MS.get(size)
        rows = []
        timings = {
            "dashboard": self._timings([(client, reverse("dashboard"))], count)[0],
            "insights": self._timings([(client, reverse("insights"))], count)[0],
        }
        timings["application_table"], admin_timings = self._timings(
            [
                (client, reverse("application_table")),
                (self._client_for(admin), f"{admin_url}?owner__id__exact={user.pk}"),
            ],
            count,
        )
        for name, page in PAGES.items():
            p50, p95 = _percentiles(timings[name])
            figure = f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
            if budget_ms is None or name not in BUDGETED_PAGES:
                rows.append(Row(f"{page}: server time", data, figure))
            else:
                rows.append(
                    Row(
                        f"{page}: server time",
                        data,
                        figure,
                        f"p95 ≤ {budget_ms} ms",
                        p95 <= budget_ms,
                    )
                )
        table_p50, admin_p50 = (
            statistics.median(t) for t in (timings["application_table"], admin_timings)
        )
        ratio = table_p50 / admin_p50
        rows.append(
            Row(
                "table / admin changelist, same applications, p50",
                data,
                f"{ratio:.2f} (table {table_p50:.1f} ms, admin {admin_p50:.1f} ms)",
                "≤ 1",
                ratio <= 1,
            )
        )
        return rows

    def _timings(self, pages: list[tuple[Client, str]], count: int) -> list[list[float]]:
        """Milliseconds per request for each (client, url), after warm-up; with several
        pages the requests alternate between them."""
        # The seeding's garbage is this process's, not a web server's: collect it first.
        gc.collect()
        for client, url in pages:
            for _ in range(WARM_UP):
                response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
        timings: list[list[float]] = [[] for _ in pages]
        for _ in range(count):
            for (client, url), times in zip(pages, timings, strict=True):
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
        return timings

    # --- Through the worker --------------------------------------------------------------

    @contextmanager
    def _worker(self) -> Iterator[None]:
        """A `celery -A tracker worker` process on a queue of its own, which this process's
        tasks go to meanwhile; the queue is deleted afterwards."""
        queue = f"bench-{uuid.uuid4().hex[:8]}"
        previous_queue, app.conf.task_default_queue = app.conf.task_default_queue, queue
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tracker", "worker", "-Q", queue,
             f"--concurrency={SWEEPERS}", "--without-gossip", "--without-mingle",
             "--loglevel=WARNING"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            yield
        finally:
            worker.terminate()
            worker.wait(timeout=20)
            app.conf.task_default_queue = previous_queue
            with app.connection_for_write() as broker:
                Queue(queue).bind(broker.default_channel).delete()

    def _rejection_row(self, count: int) -> Row:
        """From the rejection's commit to its follow-up in the database."""
        user, _ = User.objects.get_or_create(username="bench-rejections")
        # Plenty, since the demo mix ends some applications rejected already.
        demo_seed(owner=user, count=3 * (count + 3), with_people=False)
        pending = list(user.application_set.exclude(stage=Stage.REJECTED)[: count + 3])
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
        p50, p95 = _percentiles(timings)
        return Row(
            "reject → proposed follow-up, real worker",
            f"{count} rejections",
            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms",
            f"p95 < {REJECTION_P95_BUDGET_MS / 1000:.0f} s",
            p95 < REJECTION_P95_BUDGET_MS,
        )

    def _sweep_row(self, count: int) -> Row:
        """`count` due reminders of SWEEP_USERS users, swept as beat has the worker do it,
        by SWEEPERS sweeps at once; then each must have exactly one in-app notification."""
        reminder_ids = _due_reminders(count)
        start = time.perf_counter()
        sweeps = [send_due_reminders_task.apply_async(ignore_result=False) for _ in range(SWEEPERS)]
        sent = [int(sweep.get(timeout=120)) for sweep in sweeps]
        took = time.perf_counter() - start
        per_reminder = Notification.objects.filter(
            dedupe_key__in=[reminder_key(pk) for pk in reminder_ids], channel=Channel.IN_APP
        )
        unsent = Reminder.objects.filter(pk__in=reminder_ids, sent_at=None).count()
        notified = per_reminder.values("dedupe_key").distinct().count()
        twice = per_reminder.values("dedupe_key").annotate(n=Count("id")).filter(n__gt=1).count()
        once = sum(sent) == count and notified == count and not twice and not unsent
        if not once:
            self.broken.append(
                f"the sweep sent {sent} for {count} reminders: {notified} notified, "
                f"{twice} more than once, {unsent} unsent"
            )
        return Row(
            f"reminder sweep, real worker, {SWEEPERS} sweeps at once",
            f"{count:,} due reminders, {SWEEP_USERS} users",
            f"{took:.1f} s; {notified:,} notified, {twice} of them twice "
            f"(the sweeps sent {' and '.join(f'{n:,}' for n in sent)})",
            f"< {SWEEP_BUDGET_S} s, each exactly once",
            took < SWEEP_BUDGET_S and once,
        )

    # --- CSV -----------------------------------------------------------------------------

    def _export_rows(self, size: int) -> list[Row]:
        """Our streaming export against a bare csv.writer over the very same cursor rows,
        in one run, so the ratio holds whatever the machine; then its peak memory."""
        user = self._user_with(size)
        filters = ApplicationFilters()
        ours = min(_timed(lambda: _consume_export(user, filters)) for _ in range(2))
        bare = min(_timed(lambda: _bare_export(user, filters)) for _ in range(2))
        tracemalloc.start()
        try:
            _consume_export(user, filters)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        speed, peak_mb = bare / ours, peak / 2**20
        data = f"{size:,} applications"
        return [
            Row(
                "CSV export: speed, streaming / bare csv.writer over the same cursor",
                data,
                f"{speed:.2f} ({size / ours:,.0f} vs {size / bare:,.0f} rows/s)",
                f"≥ {EXPORT_SPEED_BUDGET}",
                speed >= EXPORT_SPEED_BUDGET,
            ),
            Row(
                "CSV export: peak memory growth",
                data,
                f"{peak_mb:.1f} MB",
                f"< {EXPORT_MEMORY_BUDGET_MB} MB",
                peak_mb < EXPORT_MEMORY_BUDGET_MB,
            ),
        ]

    def _import_row(self, rows: int) -> Row:
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


def _percentiles(timings: list[float]) -> tuple[float, float]:
    return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _due_reminders(count: int) -> list[int]:
    """`count` reminders come due, spread over SWEEP_USERS users, written in bulk: a user,
    a company, and per reminder a rejected application with its proposed reply."""
    now = timezone.now()
    tag = uuid.uuid4().hex[:6]
    users = User.objects.bulk_create(
        User(username=f"bench-sweep-{tag}-{i}") for i in range(SWEEP_USERS)
    )
    companies = Company.objects.bulk_create(
        Company(owner=user, name="Northwind Analytics") for user in users
    )
    owners = [(users[i % SWEEP_USERS], companies[i % SWEEP_USERS]) for i in range(count)]
    rejected = Application.objects.bulk_create(
        Application(
            owner=user,
            company=company,
            role="Backend Engineer",
            stage=Stage.REJECTED,
            stage_changed_at=now - timedelta(days=2),
            furthest_stage=Stage.INTERVIEWING,
        )
        for user, company in owners
    )
    followups = FollowUp.objects.bulk_create(
        FollowUp(
            application=application,
            kind=Kind.REJECTION_REPLY,
            status=FollowUpStatus.PROPOSED,
            recipient_name="Dana Smith",
            subject="Re: Backend Engineer at Northwind Analytics",
            body="Hi Dana,\n\nThank you for letting me know.",
            due_at=now - timedelta(hours=1),
            reason="A person wrote to you: a short thank-you keeps the door open.",
        )
        for application in rejected
    )
    reminders = Reminder.objects.bulk_create(
        Reminder(followup=followup, remind_at=now - timedelta(minutes=i % 60))
        for i, followup in enumerate(followups)
    )
    return [reminder.pk for reminder in reminders]


def _consume_export(user: User, filters: ApplicationFilters) -> int:
    """Reads the response as the web server would: every byte of every chunk."""
    response = applications_csv_response(user, filters)
    return sum(len(chunk) for chunk in cast(Iterator[bytes], response.streaming_content))


def _bare_export(user: User, filters: ApplicationFilters) -> int:
    """A bare csv.writer over the database driver's own cursor, running the export's SQL."""
    sql, params = export_application_query(user=user, filters=filters).query.sql_with_params()
    sink = _CountingSink()
    with connection.cursor() as cursor:
        # The driver's cursor, under Django's wrapper: no conversion, no chunking.
        raw = cursor.cursor
        if connection.vendor == "sqlite":
            sql = sql.replace("%s", "?").replace("%%", "%")
        raw.execute(sql, params)
        csv.writer(sink).writerows(raw)
    return sink.size


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


def _doc_lines(table: list[str], took: float) -> list[str]:
    return [
        "## Latest `make bench`",
        "",
        *machine_lines(),
        f"- The measuring took {took / 60:.1f} min, seeding included.",
        "",
        *table,
        "",
        *paragraph(
            "Server time is Django's whole request stack (middleware, queries, templates) "
            "through the test client in one process, after warm-up; the table and the admin "
            "changelist of the same user's applications are requested alternately, so their "
            "ratio holds on a busy machine. The worker rows go through Redis and a real "
            "`celery -A tracker worker` process on a queue of its own. The swept reminders' "
            "users take in-app notifications only (no email address, no webhook), so the "
            "sweep's time is its own. On SQLite one sweep tends to keep the write lock batch "
            "after batch and the other finds little or nothing left; what counts is that no "
            "reminder is notified twice."
        ),
        "",
        *paragraph(
            "Reproduce: `make bench` (needs Redis on `REDIS_URL`; it seeds a scratch "
            "`/tmp/rebound-bench.sqlite3`)."
        ),
    ]
