"""Celery tasks for follow-ups: thin, idempotent, given ids. The services do the work."""

import logging

from celery import shared_task

from tracker.followups import services

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def propose_followups_task(job_id: int) -> bool:
    return services.proposal_job_run(job_id=job_id)


@shared_task
def sweep_proposal_jobs_task() -> int:
    sent = services.proposal_jobs_redispatch()
    if sent:
        logger.info("Re-sent %s proposal jobs", sent)
    return sent


@shared_task
def send_due_reminders_task() -> int:
    return services.reminders_send_due()


@shared_task
def propose_nudges_task() -> int:
    return services.followups_propose_nudges()
