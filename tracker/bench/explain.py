"""The query plans of the board, the table and the export: read by index, not whole."""

import re
from typing import Any

from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.applications.selectors import ApplicationFilters
from tracker.bench.measure import Bench, Row, client_for
from tracker.exports.selectors import export_application_query

# Below this many applications a query planner may rightly scan the whole table.
EXPLAIN_JUDGED_FROM = 10_000


def explain_rows(bench: Bench) -> list[Row]:
    if not bench.largest:
        return []
    rows, bench.plans = _explain_rows(bench, bench.largest)
    return rows


def _explain_rows(bench: Bench, size: int) -> tuple[list[Row], list[str]]:
    """The plans of the board's, the table's and the export's queries, and whether
    each reads the applications through an index rather than the whole table."""
    user = bench.user_with(size)
    client = client_for(user)
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
        inline(sql, params)
        if connection.vendor == "sqlite"
        else connection.ops.compose_sql(sql, params)  # type: ignore[attr-defined]
    ]
    rows, lines = [], []
    for page, sqls in statements.items():
        plans = [query_plan(sql) for sql in sqls]
        full = [line.strip() for plan in plans for line in plan if full_scan(line)]
        lines += [f"### {page}", "", "```"]
        for sql, plan in zip(sqls, plans, strict=True):
            # The CSV's formula guard names a tab and a carriage return: written raw, the
            # return would become a line break the next time the document is read.
            shown = sql[:400].replace("\t", "\\t").replace("\r", "\\r").replace("\n", " ")
            lines += [shown + (" …" if len(sql) > 400 else ""), *plan, ""]
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


def query_plan(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            return [str(row[-1]) for row in cursor.fetchall()]
        cursor.execute("EXPLAIN " + sql)
        return [str(row[0]) for row in cursor.fetchall()]


def full_scan(line: str, vendor: str | None = None) -> bool:
    """A plan line that reads the whole applications table rather than an index."""
    if (vendor or connection.vendor) == "sqlite":
        return bool(re.search(r"\bSCAN applications_application\b(?! USING)", line))
    return "Seq Scan on applications_application" in line


def inline(sql: str, params: Any) -> str:
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
