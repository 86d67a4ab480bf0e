"""Celery tasks for follow-ups: thin, idempotent, given ids. The services do the work."""

import logging
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from tracker.core.dispatch import dispatch
from tracker.followups import services
from tracker.followups.models import ProposalJob

logger = logging.getLogger(__name__)

# A job not done this long after it was last sent is presumed lost (Redis was down).
JOB_REDISPATCH_AFTER = timedelta(minutes=2)


@shared_task(acks_late=True)
def propose_followups_task(job_id: int) -> bool:
    return services.proposal_job_run(job_id=job_id)


@shared_task
def sweep_proposal_jobs_task() -> int:
    """Re-sends proposal jobs the broker lost. Safe to overlap: runs are idempotent."""
    stale = timezone.now() - JOB_REDISPATCH_AFTER
    jobs = ProposalJob.objects.filter(done_at=None, requested_at__lte=stale).exclude(
        dispatched_at__gt=stale
    )
    sent = 0
    for job_id in jobs.values_list("pk", flat=True)[:1000]:
        ProposalJob.objects.filter(pk=job_id).update(dispatched_at=timezone.now())
        if dispatch(propose_followups_task, job_id):
            sent += 1
    if sent:
        logger.info("Re-sent %s proposal jobs", sent)
    return sent


@shared_task
def send_due_reminders_task() -> int:
    return services.reminders_send_due()


@shared_task
def propose_nudges_task() -> int:
    return services.followups_propose_nudges()
