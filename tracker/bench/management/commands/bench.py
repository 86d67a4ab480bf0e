import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from tracker.accounts.models import User
from tracker.applications.models import Application
from tracker.bench import cpu, explain, export, importing, inbox, pages, worker
from tracker.bench.measure import Bench, Row
from tracker.bench.report import doc_lines, doc_section, load_average
from tracker.bench.results import DOC, doc_section_write, markdown_table
from tracker.core.planner import planner_statistics_refresh


@dataclass(frozen=True)
class Measure:
    """One thing `make bench` measures; it gives no rows where the options leave it out."""

    name: str
    rows: Callable[[Bench], list[Row]]


# What `make bench` measures, in the order of its table.
MEASURES = (
    Measure("queries per request", pages.query_rows),
    Measure("CPU per request", cpu.cpu_rows),
    Measure("eight clients at once", cpu.concurrency_rows),
    Measure("time per request", pages.page_rows),
    Measure("CSV export", export.export_rows),
    Measure("query plans", explain.explain_rows),
    Measure("through the worker", worker.worker_rows),
    Measure("CSV import", importing.import_rows),
    Measure("rejection during an import", worker.during_import_rows),
    Measure("inbox", inbox.inbox_rows),
)


class Command(BaseCommand):
    help = (
        "Measures what the product's budgets name (queries and server time of the board, "
        "the table and insights; CPU per request of twelve pages on a realistic account, "
        "each against its bare SQL and render, and eight clients at once; the table "
        "against the admin; rejection to follow-up and "
        "the reminder sweep through a real worker; the CSV export; the CSV import), prints "
        "one Markdown table and writes it to docs/benchmarks.md. Run it on a scratch "
        "database: `make bench` does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--query-sizes", default="100,10000", help="applications per user, queries counted"
        )
        parser.add_argument(
            "--time-sizes", default="10000,100000", help="applications per user, pages timed"
        )
        parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
        parser.add_argument(
            "--cpu-size",
            type=int,
            default=1_000,
            help="applications of the realistic account whose CPU per request is measured",
        )
        parser.add_argument(
            "--cpu-requests", type=int, default=30, help="requests per page, CPU measured"
        )
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
        bench = Bench.from_options(options)
        rows = _seed(bench)
        for measure in MEASURES:
            rows += measure.rows(bench)
        took = time.perf_counter() - started
        table = markdown_table(
            ["measure", "data", "result", "budget", ""], [r.cells() for r in rows]
        )
        self.stdout.write("\n".join(table))
        self.stdout.write(f"\nMeasured in {took / 60:.1f} min; load average {load_average()}.")
        if bench.plans:
            self.stdout.write("\n".join(["", "Query plans:", *bench.plans]))
        if bench.broken:
            raise CommandError("Wrong results, not recorded: " + "; ".join(bench.broken))
        if options["doc"]:
            doc_section_write(
                doc_section(bench.crowd),
                doc_lines(table, took, bench.plans, bench.crowd),
                Path(options["doc"]),
            )
            self.stdout.write(f"Recorded in {options['doc']}.")
        missed = [f"{row.measure} ({row.data})" for row in rows if row.passed is False]
        if missed:
            raise CommandError("Missed budgets: " + "; ".join(missed))


def _seed(bench: Bench) -> list[Row]:
    """The bench users of every size asked for, and the statistics a live database keeps;
    the row says how long the largest seed took."""
    # The realistic account first: its follow-ups come from the nudge sweep, which reads
    # every user's applications (on top of 110,000 others it took twelve minutes, not ten
    # seconds).
    if bench.cpu_size:
        cpu.cpu_user(bench)
    for size in sorted({*bench.query_sizes, *bench.time_sizes, bench.export_size} - {0}):
        bench.user_with(size)
    for i in range(1, bench.crowd if bench.largest else 1):
        bench.user_with(bench.largest, crowd=i)
    applications_total = Application.objects.count()
    if not bench.seeded and bench.seeded_people is None:
        return []
    if connection.vendor == "sqlite":
        # What the nightly planner_statistics_task gives a live SQLite database.
        planner_statistics_refresh()
    else:
        # What autovacuum does to a live database soon after a bulk load: statistics (a
        # plan from those of empty tables is no plan) and the visibility map, without
        # which an index-only scan still visits every row it counts.
        # (No VACUUM inside a transaction, as in the tests: the statistics alone.)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    rows = []
    if bench.seeded:
        # The largest seed is what makes `make bench` quick or slow.
        size = max(bench.seeded)
        rows.append(
            Row(
                "seed (demo_seed, bulk inserts)",
                f"{size:,} applications; {applications_total:,} in the database",
                f"{bench.seeded[size]:.1f} s",
            )
        )
    if bench.seeded_people is not None:
        rows.append(
            Row(
                "seed, the realistic account (people, interviews, notes, follow-ups)",
                f"{bench.cpu_size:,} applications",
                f"{bench.seeded_people:.1f} s",
            )
        )
    return rows
