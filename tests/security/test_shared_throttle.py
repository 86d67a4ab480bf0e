"""The token endpoint's limit holds across web workers: the counters live in Redis (the
test run's own database), not in each process."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import caches

from tests.workers import ROOT, database_url
from tracker.core.ratelimit import limit_exceeded

RATE = 10  # the documented default, API_TOKEN_RATE=10/min


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def three_workers(tmp_path: Path, transactional_db: None) -> Iterator[str]:
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "tracker.wsgi",
            "--workers=3",
            f"--bind=127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url(), "API_TOKEN_RATE": f"{RATE}/min"},
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
        start_new_session=True,
    )
    try:
        _wait_for_workers(log, process, count=3)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_for_workers(log: Path, process: subprocess.Popen[bytes], count: int) -> None:
    # Waits for the event (each worker says it booted), not for a time.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if log.read_text().count("Booting worker") >= count:
            return
        if process.poll() is not None:
            raise RuntimeError(log.read_text())
        time.sleep(0.05)
    raise TimeoutError(log.read_text())


def _ask_for_a_token(base: str) -> int:
    request = urllib.request.Request(
        f"{base}/api/auth/token/",
        data=json.dumps({"username": "nobody", "password": "wrong"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_three_workers_let_through_the_documented_rate(three_workers: str) -> None:
    # Fresh connections each time, so gunicorn spreads them over its workers.
    statuses = [_ask_for_a_token(three_workers) for _ in range(45)]

    passed = [s for s in statuses if s != 429]
    assert len(passed) == RATE, statuses
    assert statuses[-1] == 429


def test_a_limit_is_counted_once_for_all_processes() -> None:
    hits = [limit_exceeded("test", "203.0.113.7", limit=3, window=60) for _ in range(5)]

    assert hits == [False, False, False, True, True]
    assert caches["throttle"].__class__.__name__ == "ForgivingRedisCache"


def test_limits_let_everything_through_while_redis_is_away(
    settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.cache.backends.redis import RedisCacheClient
    from redis.exceptions import ConnectionError as RedisConnectionError

    def away(*args: object, **kwargs: object) -> None:
        raise RedisConnectionError("Redis is away")

    monkeypatch.setattr(RedisCacheClient, "add", away)
    monkeypatch.setattr(RedisCacheClient, "incr", away)

    assert not any(limit_exceeded("test", "203.0.113.8", limit=1, window=60) for _ in range(5))
