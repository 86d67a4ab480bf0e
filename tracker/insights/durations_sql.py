"""The SQL that measures how long applications stay in each stage, for the Insights page.

The database pairs each move with the one before it (LAG, in the order things happened,
so back-dated moves fall into place), ranks each stage's stays by length and averages the
middle one or two: only a row per stage comes back. Written for SQLite and PostgreSQL,
which count days between two moments differently.
"""

from collections.abc import Collection, Sequence
from typing import Any

from django.db import connection

from tracker.applications.models import Stage, StageChange

# The stays of `applied` that ended in an answer, for the time to a first response.
TO_RESPONSE = "to_response"


def stage_medians(
    sample_sql: str, params: Sequence[Any], *, timed: Sequence[str], answers: Collection[str]
) -> dict[str, tuple[float, int]]:
    """Each stage's median stay in days and how many stays it counts, over the moves of the
    applications the sample query selects; TO_RESPONSE for `applied` until an answer."""
    changes = StageChange._meta.db_table
    previous = "LAG(at) OVER (PARTITION BY application_id ORDER BY at, id)"
    if connection.vendor == "sqlite":
        days = f"julianday(at) - julianday({previous})"
        sampled = f"application_id IN ({sample_sql})"
    else:
        days = f"CAST(EXTRACT(EPOCH FROM (at - {previous})) AS double precision) / 86400"
        # An array of the sample's ids: PostgreSQL then looks each one up in the index,
        # where IN (subquery) had it hash-join the sample against every move of everyone.
        sampled = f"application_id = ANY(ARRAY({sample_sql}))"
    timed_list = ", ".join(f"'{stage}'" for stage in timed)
    answer_list = ", ".join(f"'{stage}'" for stage in sorted(answers))
    # Only the code's own stage names are written in; the sample's values go as params.
    sql = f"""
        WITH moves AS (
            SELECT from_stage, to_stage, {days} AS days
            FROM {changes} WHERE {sampled}
        ),
        stays AS (
            SELECT from_stage AS stage, days FROM moves
            WHERE days IS NOT NULL AND from_stage IN ({timed_list})
            UNION ALL
            SELECT '{TO_RESPONSE}', days FROM moves
            WHERE days IS NOT NULL AND from_stage = '{Stage.APPLIED}'
                AND to_stage IN ({answer_list})
        ),
        ranked AS (
            SELECT stage, days,
                ROW_NUMBER() OVER (PARTITION BY stage ORDER BY days) AS place,
                COUNT(*) OVER (PARTITION BY stage) AS stays
            FROM stays
        )
        SELECT stage, AVG(days), MAX(stays) FROM ranked
        WHERE place IN ((stays + 1) / 2, (stays + 2) / 2)
        GROUP BY stage
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {stage: (median, int(n)) for stage, median, n in cursor.fetchall()}
