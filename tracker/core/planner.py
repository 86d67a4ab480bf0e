"""The query planner's statistics.

PostgreSQL's autovacuum gathers them by itself; SQLite never does, and without them it
picks among a table's indexes by guesswork: insights' rejections by channel took 50 ms
through the one-to-one index of the rejections at 100,000 applications, 15 ms through
the index that holds their channel. So the beat refreshes them (`ANALYZE`) every night,
and `make bench` does after it seeds, as a live database would have them.
"""

from django.db import connection


def planner_statistics_refresh() -> bool:
    """Gathers the statistics where the database does not by itself; whether it did."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        # A sample of each index is all the planner needs, and keeps a large file quick.
        cursor.execute("PRAGMA analysis_limit = 1000")
        cursor.execute("ANALYZE")
    return True
