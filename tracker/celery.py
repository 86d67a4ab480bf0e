import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="tracker.ping", ignore_result=False)
def ping() -> str:
    """Answers "pong": used by health checks and by the broker round-trip test."""
    return "pong"
