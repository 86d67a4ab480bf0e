"""The test run's settings: tracker.settings with Redis databases, queue and key names of
the run's own, so a run never feeds tasks to `make run`'s worker, never shares counters
with it, and two runs side by side never share either.

The first process of a run (pytest, or its xdist controller) picks the names and puts
them in the environment; xdist workers and every worker or server a test starts inherit
them and leave them as they are.
"""

import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ

TEST_REDIS_DB = 12  # and 13 for the throttle counters: not 0/1 (`make run`), 14/15 (load)

environ.Env.read_env(Path(__file__).resolve().parent.parent / ".env", overwrite=False)
if "REBOUND_TEST_RUN_ID" not in os.environ:
    os.environ["REBOUND_TEST_RUN_ID"] = uuid.uuid4().hex[:12]
    url = urlsplit(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
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
