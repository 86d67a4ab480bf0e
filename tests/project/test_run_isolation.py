"""A test run keeps to its own Redis database, queue and counters, and beat keeps its
schedule in the clone's own folder: `make test` beside `make run` feeds the development
worker nothing, and two clones never share a schedule."""

import shlex
from pathlib import Path
from urllib.parse import urlsplit

import redis
from celery import current_app
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def _db(url: str) -> int:
    return int(urlsplit(url).path.strip("/") or 0)


def test_the_run_has_redis_databases_of_its_own() -> None:
    assert _db(settings.REDIS_URL) not in (0, 1)  # `make run`'s broker and counters
    assert _db(current_app.conf.broker_url) == _db(settings.REDIS_URL)
    assert _db(settings.REDIS_THROTTLE_URL) not in (0, 1, _db(settings.REDIS_URL))


def test_a_published_task_lands_in_the_runs_own_queue() -> None:
    queue = current_app.conf.task_default_queue
    assert queue.startswith("rebound-test-")
    development = redis.Redis.from_url(settings.REDIS_URL.rsplit("/", 1)[0] + "/0")
    ours = redis.Redis.from_url(settings.REDIS_URL)
    before = development.llen("celery"), ours.llen(queue)

    current_app.send_task("tracker.nothing_consumes_this_task")

    assert development.llen("celery") == before[0]
    assert ours.llen(queue) == before[1] + 1


def test_counters_carry_a_key_prefix_of_the_run() -> None:
    prefix = settings.CACHES["throttle"]["KEY_PREFIX"]
    run_id = prefix.split("-")[1]
    assert prefix.startswith("test-")
    assert current_app.conf.task_default_queue == f"rebound-test-{run_id}"


def test_beat_keeps_its_schedule_in_the_clone_per_database() -> None:
    schedule = Path(current_app.conf.beat_schedule_filename)

    assert schedule.is_relative_to(ROOT)
    assert schedule.name.endswith(f"db{_db(settings.REDIS_URL)}")
    assert schedule.parent.is_dir()
    beat = (ROOT / "Procfile").read_text().split("beat: ", 1)[1].splitlines()[0]
    assert not any(part.startswith(("--schedule", "-s")) for part in shlex.split(beat))
