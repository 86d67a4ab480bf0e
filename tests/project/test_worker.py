"""The broker path for real: a Celery worker process on the real Redis."""

from pathlib import Path

import pytest

from tests.workers import celery_worker
from tracker.celery import app, ping

pytestmark = pytest.mark.worker


def test_a_task_makes_the_round_trip_through_redis(tmp_path: Path) -> None:
    with celery_worker(tmp_path / "worker.log"):
        result = ping.delay()

        assert result.get(timeout=30) == "pong"
    assert app.conf.task_serializer == "json"
