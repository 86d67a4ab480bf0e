"""Celery tasks for imports: thin, idempotent, given ids. The services do the work."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.utils.translation import gettext_lazy

from tracker.imports import services

# 20,000 rows take seconds; the limits are for a database that is having a bad day.
SOFT_TIME_LIMIT = 600


@shared_task(acks_late=True, soft_time_limit=SOFT_TIME_LIMIT, time_limit=SOFT_TIME_LIMIT + 60)
def import_applications_task(import_id: int) -> bool:
    try:
        return services.import_job_run(job_id=import_id)
    except SoftTimeLimitExceeded:
        services.import_job_fail(
            job_id=import_id,
            message=gettext_lazy(
                "The import took too long and was stopped; nothing was imported. "
                "Try a smaller file."
            ),
        )
        return False


@shared_task
def sweep_import_jobs_task() -> int:
    return services.import_jobs_sweep()
