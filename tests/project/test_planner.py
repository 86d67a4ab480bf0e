"""The planner's statistics: refreshed where the database keeps none itself (SQLite), by a
nightly task on the bulk queue; PostgreSQL's autovacuum keeps its own."""

import pytest
from django.conf import settings
from django.db import connection

from tracker.core.planner import planner_statistics_refresh
from tracker.core.tasks import planner_statistics_task

pytestmark = pytest.mark.django_db


def test_the_statistics_are_refreshed_on_sqlite_only(alices_application: object) -> None:
    refreshed = planner_statistics_refresh()

    assert refreshed is (connection.vendor == "sqlite")
    if refreshed:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM sqlite_stat1")
            assert cursor.fetchone()[0] > 0


def test_the_beat_runs_it_every_night_on_the_bulk_queue() -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["planner-statistics"]
    assert entry["task"] == planner_statistics_task.name
    assert planner_statistics_task.name in settings.CELERY_BULK_TASKS
