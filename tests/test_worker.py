"""The broker path for real: a Celery worker process on the real Redis."""

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.celery import app, ping

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.worker

WORKER_OPTIONS = [
    "--pool=solo",
    "--without-gossip",
    "--without-mingle",
    "--without-heartbeat",
    "--loglevel=WARNING",
]


@pytest.fixture
def worker_queue(tmp_path: Path) -> Iterator[str]:
    """A worker of our own on a private queue, so a `make run` worker cannot steal the task."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tracker", "worker", *WORKER_OPTIONS, "-Q", queue],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "worker.log").open("w"),
    )
    try:
        yield queue
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def test_a_task_makes_the_round_trip_through_redis(worker_queue: str) -> None:
    result = ping.apply_async(queue=worker_queue)

    assert result.get(timeout=30) == "pong"
    assert app.conf.task_serializer == "json"
