import csv
import gc
import http.client
import io
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries
from django.db.models import Count
from django.template.loader import get_template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from kombu import Queue

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application, ChangeSource, Company, Stage
from tracker.applications.selectors import ApplicationFilters, board_columns
from tracker.bench.results import (
    DOC,
    doc_section_write,
    machine_lines,
    markdown_table,
    paragraph,
)
from tracker.celery import app
from tracker.core.planner import planner_statistics_refresh
from tracker.exports.responses import applications_csv_response
from tracker.exports.selectors import export_application_query
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp, FollowUpStatus, Reminder
from tracker.followups.notices import reminder_key
from tracker.followups.tasks import send_due_reminders_task
from tracker.imports import services as imports
from tracker.notifications.models import Channel, Notification

WARM_UP = 5
PAGES = {"dashboard": "board", "application_table": "table", "insights": "insights"}
API_LIST = "api:application-list"
# SPEC.md section 8 and issue 15: p95 over HTTP (one gunicorn worker) by page and by
# applications per user; the table against the admin changelist of the same applications.
PAGE_P95_BUDGET_MS = {
    "dashboard": {10_000: 50, 100_000: 50},
    "application_table": {10_000: 50, 100_000: 150},
    "insights": {100_000: 100},
    API_LIST: {10_000: 25, 100_000: 25},
}
TABLE_ADMIN_BUDGET = 0.3
QUERY_BUDGET = 10
BUDGETED_PAGES = ("dashboard", "application_table")
REJECTION_P95_BUDGET_MS = 1_000
SWEEP_BUDGET_S = 30
SWEEP_USERS = 100
# Beat starts a sweep every minute; one that runs long overlaps the next. Two at once
# show the claim at work: they split the reminders, and none is notified twice.
SWEEPERS = 2
EXPORT_SPEED_BUDGET = 0.7
EXPORT_MEMORY_BUDGET_MB = 50
INBOX_MESSAGES = 2_000
INBOX_MAILBOXES = 100

# Below this many applications a query planner may rightly scan the whole table.
EXPLAIN_JUDGED_FROM = 10_000


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
            "--crowd",
            type=int,
            default=1,
            help="users holding the largest size each (10 at 100,000: a million applications)",
        )
        parser.add_argument(
            "--in-process",
            action="store_true",
            help="time pages and the export through the test client, not over HTTP",
        )
        parser.add_argument("--inbox", action="store_true", help="run the inbox's bench too")
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
        largest = max([*time_sizes, options["export_size"], 0])
        for i in range(1, options["crowd"] if largest else 1):
            self._user_with(largest, crowd=i)
        applications_total = Application.objects.count()
        if self.seeded and connection.vendor == "sqlite":
            # What the nightly planner_statistics_task gives a live SQLite database.
            planner_statistics_refresh()
        if self.seeded and connection.vendor == "postgresql":
            # What autovacuum does to a live database soon after a bulk load: statistics (a
            # plan from those of empty tables is no plan) and the visibility map, without
            # which an index-only scan still visits every row it counts.
            # (No VACUUM inside a transaction, as in the tests: the statistics alone.)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        if self.seeded:
            # The largest seed is what makes `make bench` quick or slow.
            size = max(self.seeded)
            rows.append(
                Row(
                    "seed (demo_seed, bulk inserts)",
                    f"{size:,} applications; {applications_total:,} in the database",
                    f"{self.seeded[size]:.1f} s",
                )
            )
        for name, page in PAGES.items():
            if query_sizes:
                rows.append(self._query_row(name, page, query_sizes))
        explained: list[str] = []
        with ExitStack() as stack:
            web = None if options["in_process"] else stack.enter_context(_web())
            for size in time_sizes:
                rows += self._page_rows(size, options["requests"], web)
            if options["export_size"]:
                rows += self._export_rows(options["export_size"], web)
        if largest:
            explain_rows, explained = self._explain_rows(largest)
            rows += explain_rows
        if options["rejections"] or options["reminders"]:
            with self._worker():
                if options["rejections"]:
                    rows.append(self._rejection_row(options["rejections"]))
                if options["reminders"]:
                    rows.append(self._sweep_row(options["reminders"]))
        if options["import_rows"]:
            rows.append(self._import_row(options["import_rows"]))
        if options["import_rows"] and options["rejections"]:
            rows.append(
                self._rejection_during_import_row(options["import_rows"], options["rejections"])
            )
        if options["inbox"]:
            rows += self._inbox_rows()

        took = time.perf_counter() - started
        table = markdown_table(
            ["measure", "data", "result", "budget", ""], [r.cells() for r in rows]
        )
        self.stdout.write("\n".join(table))
        self.stdout.write(f"\nMeasured in {took / 60:.1f} min; load average {_load()}.")
        if explained:
            self.stdout.write("\n".join(["", "Query plans:", *explained]))
        if self.broken:
            raise CommandError("Wrong results, not recorded: " + "; ".join(self.broken))
        if options["doc"]:
            doc_section_write(
                _section(options["crowd"]),
                _doc_lines(table, took, explained, options["crowd"]),
                Path(options["doc"]),
            )
            self.stdout.write(f"Recorded in {options['doc']}.")
        missed = [f"{row.measure} ({row.data})" for row in rows if row.passed is False]
        if missed:
            raise CommandError("Missed budgets: " + "; ".join(missed))

    # --- Data ----------------------------------------------------------------------------

    def _user_with(self, size: int, crowd: int = 0) -> User:
        """The bench user with `size` applications, seeded the first time it is asked for;
        `crowd` > 0 names others of the same size, who only make the tables bigger."""
        name = f"bench-{size}" + (f"-{crowd}" if crowd else "")
        user, created = User.objects.get_or_create(username=name)
        if created:
            start = time.perf_counter()
            demo_seed(owner=user, count=size, with_people=False)
            self.seeded.setdefault(size, time.perf_counter() - start)
        return user

    # --- Pages ---------------------------------------------------------------------------

    def _query_row(self, name: str, page: str, sizes: list[int]) -> Row:
        counts = [self._query_count(_client_for(self._user_with(s)), name) for s in sizes]
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

    def _page_rows(self, size: int, count: int, web: "_Web | None") -> list[Row]:
        """Board, table, insights and the API list, each request followed by the admin
        changelist of the same applications, so that every page meets the same noise as
        the admin it is compared with. Over HTTP against gunicorn when `web` is given,
        through the test client otherwise (the quick run of the tests)."""
        user = self._user_with(size)
        admin, _ = User.objects.get_or_create(
            username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
        )
        admin_url = reverse("admin:applications_application_changelist")
        urls = {name: reverse(name) for name in PAGES}
        urls[API_LIST] = reverse("api:application-list")
        fetch = web.fetch if web else _in_process
        ours, theirs = _session(user), _session(admin)
        pairs = [(ours, url) for url in urls.values()]
        timings = _alternating(
            fetch, [*pairs, (theirs, f"{admin_url}?owner__id__exact={user.pk}")], count
        )
        by_name = dict(zip(urls, timings, strict=False))
        admin_timings = timings[-1]
        how = "over HTTP, gunicorn 1 worker" if web else "test client, in process"
        data = f"{size:,} applications"
        rows = []
        for name, page in {**PAGES, API_LIST: "API list"}.items():
            p50, p95 = _percentiles(by_name[name])
            budget = _page_budget(name, size)
            figure = f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
            if budget is None:
                rows.append(Row(f"{page}: {how}", data, figure))
            else:
                rows.append(
                    Row(f"{page}: {how}", data, figure, f"p95 ≤ {budget} ms", p95 <= budget)
                )
        table_p50, admin_p50 = (
            statistics.median(t) for t in (by_name["application_table"], admin_timings)
        )
        ratio = table_p50 / admin_p50
        rows.append(
            Row(
                f"table / admin changelist, same applications, p50, {how}",
                data,
                f"{ratio:.2f} (table {table_p50:.1f} ms, admin {admin_p50:.1f} ms)",
                f"≤ {TABLE_ADMIN_BUDGET}",
                ratio <= TABLE_ADMIN_BUDGET,
            )
        )
        rows += self._limit_rows(user, data, count)
        return rows

    def _limit_rows(self, user: User, data: str, count: int) -> list[Row]:
        """What the machine itself takes for the board: its own SQL through the driver's
        bare cursor, and its cards through a bare Django template render."""
        now = timezone.now()
        with CaptureQueriesContext(connection) as queries:
            columns = board_columns(user=user, now=now)
        statements = [q["sql"] for q in queries.captured_queries]
        cards = [card for column in columns for card in column.cards]
        card_template = get_template("applications/board.html#card")

        def select() -> None:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.cursor.execute(sql)
                    cursor.cursor.fetchall()

        def render() -> None:
            for card in cards:
                card_template.render({"card": card})

        selects, renders = _alternating(
            lambda work, _: (work(), 200)[1], [(select, ""), (render, "")], count
        )
        return [
            Row(
                "limit: the board's SQL, bare driver cursor",
                data,
                "p50 {:.1f} ms, p95 {:.1f} ms ({} queries)".format(
                    *_percentiles(selects), len(statements)
                ),
            ),
            Row(
                "limit: the board's cards, bare template render",
                data,
                "p50 {:.1f} ms, p95 {:.1f} ms ({} cards)".format(
                    *_percentiles(renders), len(cards)
                ),
            ),
        ]

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

    def _export_rows(self, size: int, web: "_Web | None") -> list[Row]:
        """Our export (over HTTP when `web` is given) against a bare csv.writer over a
        stdlib driver cursor running the same SQL, alternately, so the ratio holds
        whatever the machine; then the peak memory the export adds to the web worker."""
        user = self._user_with(size)
        filters = ApplicationFilters()
        session = _session(user)
        url = reverse("export_applications")

        def ours_once() -> int:
            if web:
                return web.download(session, url)
            return _consume_export(user, filters)

        ours, bare = [], []
        for _ in range(3):
            ours.append(_timed(ours_once))
            bare.append(_timed(lambda: _bare_export(user, filters)))
        ours_s, bare_s = min(ours), min(bare)
        written, bare_written = ours_once(), _bare_export(user, filters)
        # The same rows, or the ratio means nothing: ours adds a header and line ends.
        if not 0.95 < bare_written / max(written, 1) < 1.05:
            self.broken.append(f"the export wrote {written:,} bytes, the bare one {bare_written:,}")
        if web and web.memory_reset():
            before = web.memory()[0]
            web.download(session, url)
            peak_mb = (web.memory()[1] - before) / 2**20
            where = "web worker's peak RSS"
        else:
            tracemalloc.start()
            try:
                _consume_export(user, filters)
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            peak_mb, where = peak / 2**20, "tracemalloc, in process"
        speed = bare_s / ours_s
        data = f"{size:,} applications"
        how = "over HTTP" if web else "in process"
        return [
            Row(
                f"CSV export {how} / bare csv.writer over a stdlib "
                f"{'psycopg' if connection.vendor == 'postgresql' else 'sqlite3'} cursor",
                data,
                f"{speed:.2f} ({size / ours_s:,.0f} vs {size / bare_s:,.0f} rows/s)",
                f"≥ {EXPORT_SPEED_BUDGET}",
                speed >= EXPORT_SPEED_BUDGET,
            ),
            Row(
                f"CSV export: peak memory growth ({where})",
                data,
                f"{peak_mb:.1f} MB",
                f"< {EXPORT_MEMORY_BUDGET_MB} MB",
                peak_mb < EXPORT_MEMORY_BUDGET_MB,
            ),
        ]

    def _explain_rows(self, size: int) -> tuple[list[Row], list[str]]:
        """The plans of the board's, the table's and the export's queries, and whether
        each reads the applications through an index rather than the whole table."""
        user = self._user_with(size)
        client = _client_for(user)
        statements: dict[str, list[str]] = {}
        for name, page in (("dashboard", "board"), ("application_table", "table")):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                client.get(reverse(name))
            statements[page] = [
                q["sql"]
                for q in queries.captured_queries
                if q["sql"].lstrip().upper().startswith("SELECT")
                and '"applications_application"' in q["sql"]
                and "django_session" not in q["sql"]
            ]
        sql, params = export_application_query(
            user=user, filters=ApplicationFilters()
        ).query.sql_with_params()
        statements["export"] = [
            _inline(sql, params)
            if connection.vendor == "sqlite"
            else connection.ops.compose_sql(sql, params)  # type: ignore[attr-defined]
        ]
        rows, lines = [], []
        for page, sqls in statements.items():
            plans = [_plan(sql) for sql in sqls]
            full = [line.strip() for plan in plans for line in plan if _full_scan(line)]
            lines += [f"### {page}", "", "```"]
            for sql, plan in zip(sqls, plans, strict=True):
                lines += [sql[:400] + (" …" if len(sql) > 400 else ""), *plan, ""]
            lines += ["```", ""]
            # A planner rightly reads a small table whole: judged only at a real size.
            judged = size >= EXPLAIN_JUDGED_FROM
            rows.append(
                Row(
                    f"EXPLAIN: {page} queries read applications by index",
                    f"{size:,} applications",
                    f"{len(sqls)} queries; " + ("; ".join(full) if full else "no full scan"),
                    "no full scan" if judged else f"judged from {EXPLAIN_JUDGED_FROM:,}",
                    not full if judged else None,
                )
            )
        return rows, lines

    def _inbox_rows(self) -> list[Row]:
        """The inbox's own bench (tests/inbox/bench.py: a Dovecot, a filled mailbox and
        idle ones), in a process of its own on this database; skipped without Dovecot."""
        if not shutil.which("dovecot"):
            return [Row("inbox", "—", "skipped: no dovecot on this machine")]
        done = subprocess.run(
            [sys.executable, "-m", "tests.inbox.bench", str(INBOX_MESSAGES), str(INBOX_MAILBOXES)],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if done.returncode:
            tail = (done.stderr.strip().splitlines() or ["?"])[-1]
            self.broken.append(f"the inbox bench failed: {tail}")
            return []
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        sync, idle = figures["first_sync"], figures["idle_polls"]
        return [
            Row(
                "inbox: first sync of a filled mailbox (IMAP, Dovecot)",
                f"{sync['messages']:,.0f} messages",
                f"{sync['seconds']:.1f} s in {sync['polls']:.0f} polls, "
                f"{sync['queued']:.0f} queued for review",
            ),
            Row(
                "inbox: one poll of idle mailboxes, one process",
                f"{idle['mailboxes']:.0f} mailboxes",
                f"{idle['seconds']:.1f} s",
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

    def _rejection_during_import_row(self, rows: int, count: int) -> Row:
        """Another user's rejection → its follow-up while an import of `rows` rejected rows
        runs, through the Procfile's two workers (`worker` on the
        interactive queue, `worker-bulk` on the bulk one) on queues of their own. One
        rejection every half second from the upload on: through the import's writing
        and the first of its batched proposals."""
        queue = f"bench-{uuid.uuid4().hex[:8]}"
        queues = {"CELERY_INTERACTIVE_QUEUE": queue, "CELERY_BULK_QUEUE": f"{queue}-bulk"}
        previous = app.conf.task_default_queue, app.conf.bulk_queue
        app.conf.update(task_default_queue=queue, bulk_queue=f"{queue}-bulk")
        command = [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--without-gossip",
                   "--without-mingle", "--loglevel=WARNING"]  # fmt: skip
        workers = [
            subprocess.Popen(
                [*command, "-Q", name, *extra],
                env={**os.environ, **queues},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for name, extra in ((queue, []), (f"{queue}-bulk", ["--concurrency=1"]))
        ]
        importer, _ = User.objects.get_or_create(username=f"bench-bulk-{uuid.uuid4().hex[:6]}")
        user, _ = User.objects.get_or_create(username="bench-rejections-during-import")
        demo_seed(owner=user, count=3 * (count + 3), with_people=False)
        pending = list(user.application_set.exclude(stage=Stage.REJECTED)[: count + 3])
        raw = b"Company;Job Title;Status\n" + b"".join(
            f"Company {i % 2_000};Engineer {i};Rejected\n".encode() for i in range(rows)
        )
        timings: list[tuple[float, float]] = []  # (when it started, ms)
        try:
            time.sleep(5)  # the workers start
            job = imports.import_job_create(owner=importer, filename="bulk.csv", raw=raw)
            mapping = imports.Mapping(["company", "role", "stage"], {}, "dmy")
            imports.import_job_start(job=job, mapping=mapping, skip_duplicates=False)
            for i, application in enumerate(pending):
                began, start = time.time(), time.perf_counter()
                applications.application_reject(
                    application=application,
                    source=ChangeSource.WEB,
                    channel="personal_email",
                    sender_name="Dana Smith",
                )
                while not FollowUp.objects.filter(application=application).exists():
                    if time.perf_counter() > start + 120:
                        raise CommandError("No follow-up after 120 s: is the worker running?")
                    time.sleep(0.002)
                if i >= 3:  # the first few warm the worker up
                    timings.append((began, (time.perf_counter() - start) * 1000))
                time.sleep(max(0.0, 0.5 - (time.perf_counter() - start)))
            job.refresh_from_db()
            written = job.finished_at.timestamp() if job.finished_at else time.time()
            open_jobs = Application.objects.filter(owner=importer, proposal_jobs__done_at=None)
            proposed = job.imported - open_jobs.count()
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.wait(timeout=60)
            app.conf.update(task_default_queue=previous[0], bulk_queue=previous[1])
            with app.connection_for_write() as broker:
                for name in queues.values():
                    Queue(name).bind(broker.default_channel).delete()
        p50, p95 = _percentiles([ms for _, ms in timings])
        # Those begun after the import's commit, beside its batched proposals.
        after = [ms for at, ms in timings if at > written]
        later = f"; after its commit p95 {_percentiles(after)[1]:.0f} ms" if len(after) > 1 else ""
        sqlite = connection.vendor == "sqlite"
        budget = f"p95 < {REJECTION_P95_BUDGET_MS / 1000:.0f} s"
        return Row(
            "reject → follow-up during another user's import, interactive and bulk workers",
            f"{count} rejections; an import of {rows:,} rejected rows "
            f"({job.status}, {proposed:,} of its follow-ups worked out meanwhile)",
            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms{later}",
            # SQLite has one writer: while the import writes its one transaction (seconds
            # for 20,000 rows), every other write waits, whatever the queues. The budget
            # is PostgreSQL's, where the import locks only its own rows.
            f"{budget} on PostgreSQL (SQLite: one writer)" if sqlite else budget,
            None if sqlite else p95 < REJECTION_P95_BUDGET_MS,
        )


def _client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _session(user: User) -> str:
    """A session key for `user`, good for the test client and for gunicorn alike."""
    client = _client_for(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


_clients: dict[str, Client] = {}


def _in_process(session: str, url: str) -> int:
    client = _clients.get(session)
    if client is None:
        client = _clients[session] = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    return client.get(url).status_code


def _alternating(
    fetch: Callable[[Any, str], int], pages: list[tuple[Any, str]], count: int
) -> list[list[float]]:
    """Milliseconds per request for each (session, url), after warm-up, the requests
    going round the pages in turn so that each meets the same noise."""
    # The seeding's garbage is this process's, not the web server's: collect it first.
    gc.collect()
    for session, url in pages:
        for _ in range(WARM_UP):
            status = fetch(session, url)
        if status != 200:
            raise CommandError(f"{url} answered {status}")
    timings: list[list[float]] = [[] for _ in pages]
    for _ in range(count):
        for (session, url), times in zip(pages, timings, strict=True):
            start = time.perf_counter()
            fetch(session, url)
            times.append((time.perf_counter() - start) * 1000)
    return timings


def _page_budget(name: str, size: int) -> int | None:
    return PAGE_P95_BUDGET_MS.get(name, {}).get(size)


class _Web:
    """gunicorn with one sync worker on a free 127.0.0.1 port, on the bench's database."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {**os.environ, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "tracker.wsgi", "--workers=1",
             f"--bind=127.0.0.1:{self.port}", "--timeout=600", "--log-level=warning"],
            env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise CommandError("gunicorn did not start") from None
                time.sleep(0.1)

    def _get(self, session: str, url: str) -> tuple[int, int]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        try:
            cookie = f"{settings.SESSION_COOKIE_NAME}={session}"
            conn.request("GET", url, headers={"Cookie": cookie})
            response = conn.getresponse()
            size = 0
            while chunk := response.read(1 << 16):
                size += len(chunk)
            return response.status, size
        finally:
            conn.close()

    def fetch(self, session: str, url: str) -> int:
        return self._get(session, url)[0]

    def download(self, session: str, url: str) -> int:
        status, size = self._get(session, url)
        if status != 200:
            raise CommandError(f"{url} answered {status}")
        return size

    def _worker_pid(self) -> int:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return int(children.read_text().split()[0])

    def memory_reset(self) -> bool:
        """Resets the worker's peak RSS (Linux: clear_refs 5); False where it cannot."""
        try:
            Path(f"/proc/{self._worker_pid()}/clear_refs").write_text("5")
        except (OSError, IndexError, ValueError):
            return False
        return True

    def memory(self) -> tuple[int, int]:
        """The worker's resident memory now and at its peak, in bytes."""
        status = Path(f"/proc/{self._worker_pid()}/status").read_text()
        found = re.findall(r"^(VmRSS|VmHWM):\s*(\d+)", status, re.MULTILINE)
        kb = {key: int(value) for key, value in found}
        return kb["VmRSS"] * 1024, kb["VmHWM"] * 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def _web() -> Iterator[_Web]:
    web = _Web()
    try:
        yield web
    finally:
        web.stop()


def _plan(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            return [str(row[-1]) for row in cursor.fetchall()]
        cursor.execute("EXPLAIN " + sql)
        return [str(row[0]) for row in cursor.fetchall()]


def _full_scan(line: str, vendor: str | None = None) -> bool:
    """A plan line that reads the whole applications table rather than an index."""
    if (vendor or connection.vendor) == "sqlite":
        return bool(re.search(r"\bSCAN applications_application\b(?! USING)", line))
    return "Seq Scan on applications_application" in line


def _inline(sql: str, params: Any) -> str:
    """The query with its parameters written in (SQLite quoting), for EXPLAIN."""
    parts = sql.replace("%%", "\0").split("%s")
    out = [parts[0]]
    for param, part in zip(params, parts[1:], strict=True):
        if param is None:
            out.append("NULL")
        elif isinstance(param, bool):
            out.append(str(int(param)))
        elif isinstance(param, int | float):
            out.append(str(param))
        else:
            out.append("'" + str(param).replace("'", "''") + "'")
        out.append(part)
    return "".join(out).replace("\0", "%")


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _section(crowd: int) -> str:
    """docs/benchmarks.md keeps a section per database, and one for a crowd of users."""
    name = "bench" if connection.vendor == "sqlite" else f"bench-{connection.vendor}"
    return f"{name}-crowd" if crowd > 1 else name


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
        Company.named(owner=user, name="Northwind Analytics") for user in users
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
    """A bare csv.writer over a fresh stdlib driver connection (sqlite3, or psycopg on
    PostgreSQL) running the export's SQL: no Django cursor, no conversion, no chunking."""
    sql, params = export_application_query(user=user, filters=filters).query.sql_with_params()
    sink = _CountingSink()
    raw = _driver_connection()
    try:
        cursor = raw.cursor()
        if connection.vendor == "sqlite":
            sql = sql.replace("%s", "?").replace("%%", "%")
        cursor.execute(sql, params)
        csv.writer(sink).writerows(cursor)
    finally:
        raw.close()
    return sink.size


def _driver_connection() -> Any:
    """A connection of the database driver itself, to the bench's database."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        import sqlite3

        return sqlite3.connect(db["NAME"])
    import psycopg

    return psycopg.connect(
        dbname=db["NAME"],
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
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


def _doc_lines(table: list[str], took: float, explained: list[str], crowd: int) -> list[str]:
    database = "SQLite" if connection.vendor == "sqlite" else "PostgreSQL"
    users = f", {crowd} users of the largest size, `BENCH_SCALE=1m`" if crowd > 1 else ""
    return [
        f"## Latest `make bench` ({database}{users})",
        "",
        *machine_lines(),
        f"- Load average at the end (1, 5, 15 min): {_load()}",
        f"- The measuring took {took / 60:.1f} min, seeding included.",
        "",
        *table,
        "",
        *paragraph(
            "Pages and the export are requested over HTTP from gunicorn with one sync worker, "
            "started by the bench on a free 127.0.0.1 port on the bench's database; every "
            "page's request is followed by the admin changelist of the same applications, "
            "so all of them meet the same noise. The export is timed against a bare "
            "`csv.writer` over a fresh stdlib driver connection (sqlite3, or psycopg) running "
            "the export's own SQL, alternately, best of three each; its memory is the growth "
            "of the worker's peak RSS during one export. The 'limit' rows are the machine's "
            "own: the board's SQL through the driver's bare cursor and its cards through a "
            "bare Django template render, in the bench's process. The worker rows go through "
            "Redis and a real `celery -A tracker worker` process on a queue of its own; the "
            "swept reminders' users take in-app notifications only, so the sweep's time is "
            "its own. A `miss` makes `make bench` exit non-zero."
        ),
        "",
        *paragraph(
            "Reproduce: `make bench` (needs Redis on `REDIS_URL`; it seeds a scratch "
            "`/tmp/rebound-bench.sqlite3`); `make bench DATABASE_URL=postgres://…/rebound_bench` "
            "on PostgreSQL (the database is dropped and made again), with `BENCH_SCALE=1m` for "
            "ten users of 100,000 applications."
        ),
        *(["", "<details><summary>Query plans</summary>", "", *explained, "</details>"]
          if explained else []),
    ]  # fmt: skip
