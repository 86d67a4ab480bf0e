import os
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from celery import Celery, bootsteps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

LIVENESS_SECONDS = 10


class LivenessFile(bootsteps.StartStopStep):
    """While the worker consumes (connected to the broker, its event loop turning), it
    touches settings.CELERY_WORKER_LIVENESS_FILE every LIVENESS_SECONDS; the file goes when
    it stops or loses the broker. docker-compose.yml's healthcheck reads the file's age: a
    stat, where `celery inspect ping` starts a Python of 70 MB for seconds each time."""

    requires = ("celery.worker.consumer.tasks:Tasks",)

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.timer: Any = None

    def include_if(self, parent: Any) -> bool:
        return bool(parent.app.conf.worker_liveness_file)

    def start(self, parent: Any) -> None:
        path = Path(parent.app.conf.worker_liveness_file)
        path.touch()
        self.timer = parent.timer.call_repeatedly(LIVENESS_SECONDS, path.touch)

    def stop(self, parent: Any) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        Path(parent.app.conf.worker_liveness_file).unlink(missing_ok=True)


app.steps["consumer"].add(LivenessFile)


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
