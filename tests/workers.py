"""A real `celery -A tracker worker` process for tests, on its own queues and the test DB."""

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from tracker.celery import app

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    """The URL of the database this test runs on, for another process to open."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def use_broker(url: str, *, result_backend: str | None = None) -> None:
    """Points this process's Celery app at another broker, and result store if given (new
    connections only)."""
    app.conf.update(broker_url=url)
    if result_backend is not None:
        app.conf.update(result_backend=result_backend)
        # Celery keeps its backend per thread (or once, if thread-safe): drop this one.
        app._backend_cache = None  # type: ignore[attr-defined]
        app._local.__dict__.pop("backend", None)  # type: ignore[attr-defined]
    # Celery caches its connection pools; drop them so the next publish connects anew.
    app._pool = None  # type: ignore[attr-defined]
    app.amqp._producer_pool = None  # type: ignore[attr-defined]


@contextmanager
def celery_worker(
    log: Path,
    *,
    concurrency: int = 1,
    broker_url: str | None = None,
    queue: str = "",
    env: dict[str, str] | None = None,
    include: str = "",
    consumes: tuple[str, ...] = ("interactive", "bulk"),
) -> Iterator[subprocess.Popen[bytes]]:
    """Starts a prefork worker consuming private queues; this process publishes to them.

    Two queues, as in production (tracker.celery.route_task): `queue` for interactive
    work, `queue`-bulk for bulk work. The worker consumes both unless `consumes` names
    one; the tasks it sends go to the same two. Yields the worker's process (in a
    session of its own, so a test can kill it whole).
    """
    queue = queue or f"test-{uuid.uuid4().hex[:8]}"
    bulk = f"{queue}-bulk"
    consumed = [name for kind, name in (("interactive", queue), ("bulk", bulk)) if kind in consumes]
    extra = [f"--include={include}"] if include else []
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker_url or app.conf.broker_url,
        "REBOUND_TEST_QUEUE": queue,
        "REBOUND_TEST_BULK_QUEUE": bulk,
        **(env or {}),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "tracker",
            "worker",
            "-Q",
            ",".join(consumed),
            f"--concurrency={concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("a"),
        start_new_session=True,
    )
    previous = app.conf.task_default_queue, app.conf.bulk_queue
    app.conf.update(task_default_queue=queue, bulk_queue=bulk)
    try:
        _wait_until_ready(log, process)
        yield process
    finally:
        app.conf.update(task_default_queue=previous[0], bulk_queue=previous[1])
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def _wait_until_ready(log: Path, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if "ready." in log.read_text():
            return
        if process.poll() is not None:
            raise RuntimeError(f"The worker exited:\n{log.read_text()}")
        time.sleep(0.1)
    raise TimeoutError(f"The worker did not start:\n{log.read_text()}")


def wait_for(predicate: object, timeout: float = 20) -> float:
    """Polls until predicate() is true; returns the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():  # type: ignore[operator]
            return time.monotonic() - start
        time.sleep(0.05)
    raise TimeoutError("condition not met in time")
