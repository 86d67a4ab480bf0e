import os
from fnmatch import fnmatchcase
from typing import Any

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="tracker.ping", ignore_result=False)
def ping() -> str:
    """Answers "pong": used by health checks and by the broker round-trip test."""
    return "pong"


def route_task(name: str, *args: Any, **kwargs: Any) -> dict[str, str] | None:
    """The bulk queue for the tasks settings.CELERY_BULK_TASKS names; None (the default,
    interactive queue) for the rest.

    A function rather than a routes dict, so that the queue names are read when a task
    is sent: the tests give each worker queues of its own at run time.
    """
    if any(fnmatchcase(name, pattern) for pattern in app.conf.bulk_tasks or ()):
        return {"queue": app.conf.bulk_queue}
    return None
