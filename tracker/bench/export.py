"""The CSV export against a bare csv.writer over the driver's own cursor, and its memory."""

import csv
import tracemalloc
from collections.abc import Iterator
from typing import Any, cast

from django.db import connection
from django.urls import reverse

from tracker.accounts.models import User
from tracker.applications.selectors import ApplicationFilters
from tracker.bench.measure import Bench, Row, session_for, timed
from tracker.bench.web import Web, web_for
from tracker.exports.responses import applications_csv_response
from tracker.exports.selectors import export_application_query

EXPORT_SPEED_BUDGET = 0.7


EXPORT_MEMORY_BUDGET_MB = 50


def export_rows(bench: Bench) -> list[Row]:
    if not bench.export_size:
        return []
    with web_for(bench) as web:
        return _export_rows(bench, bench.export_size, web)


def _export_rows(bench: Bench, size: int, web: Web | None) -> list[Row]:
    """Our export (over HTTP when `web` is given) against a bare csv.writer over a
    stdlib driver cursor running the same SQL, alternately, so the ratio holds
    whatever the machine; then the peak memory the export adds to the web worker."""
    user = bench.user_with(size)
    filters = ApplicationFilters()
    session = session_for(user)
    url = reverse("export_applications")

    def ours_once() -> int:
        if web:
            return web.download(session, url)
        return _consume_export(user, filters)

    ours, bare = [], []
    for _ in range(3):
        ours.append(timed(ours_once))
        bare.append(timed(lambda: _bare_export(user, filters)))
    ours_s, bare_s = min(ours), min(bare)
    written, bare_written = ours_once(), _bare_export(user, filters)
    # The same rows, or the ratio means nothing: ours adds a header and line ends.
    if not 0.95 < bare_written / max(written, 1) < 1.05:
        bench.broken.append(f"the export wrote {written:,} bytes, the bare one {bare_written:,}")
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
