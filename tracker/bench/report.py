"""The bench's own section of docs/benchmarks.md: which one, and what it says."""

import os

from django.db import connection

from tracker.bench.results import machine_lines, paragraph


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def doc_section(crowd: int) -> str:
    """docs/benchmarks.md keeps a section per database, and one for a crowd of users."""
    name = "bench" if connection.vendor == "sqlite" else f"bench-{connection.vendor}"
    return f"{name}-crowd" if crowd > 1 else name


def doc_lines(table: list[str], took: float, explained: list[str], crowd: int) -> list[str]:
    database = "SQLite" if connection.vendor == "sqlite" else "PostgreSQL"
    users = f", {crowd} users of the largest size, `BENCH_SCALE=1m`" if crowd > 1 else ""
    return [
        f"## Latest `make bench` ({database}{users})",
        "",
        *machine_lines(),
        f"- Load average at the end (1, 5, 15 min): {load_average()}",
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
            "bare Django template render, in the bench's process. The 'CPU per request' rows "
            "are this process's CPU time through Django's WSGI handler, on an account of "
            "1,000 applications with people, notes and follow-ups, each page against its "
            "bare twin (its own SELECTs through the bare cursor and a bare render of every "
            "row fetched), so a slower machine moves both; eight clients at once go round "
            "the same pages on gunicorn with a worker per core. The worker rows go through "
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
