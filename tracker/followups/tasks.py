"""Celery tasks for follow-ups: thin, idempotent, given ids. The services do the work."""

import logging
import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import connection

from tracker.core.dispatch import dispatch
from tracker.followups import services

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def propose_followups_task(job_id: int) -> bool:
    return services.proposal_job_run(job_id=job_id)


class _WriterPause:
    """Leaves SQLite's write lock free now and then during a batch.

    SQLite has one writer at a time, and a writer waiting for the lock polls for it every
    100 ms: the back-to-back short transactions of a batch starved a waiting rejection's
    proposal for the whole batch (11 s measured). So on SQLite the batch pauses for one
    poll's length after each slice of work. PostgreSQL locks rows: no pause there.
    """

    SLICE = 0.25  # seconds of work between pauses
    PAUSE = 0.11  # one busy-handler poll and a little

    def __init__(self) -> None:
        self.active = connection.vendor == "sqlite"
        self.since = time.monotonic()

    def maybe(self) -> None:
        if self.active and time.monotonic() - self.since >= self.SLICE:
            time.sleep(self.PAUSE)
            self.since = time.monotonic()


# A batch of 500 takes seconds; the limit is for a database having a bad day. What a
# batch leaves undone stays open, and the sweeper sends it again.
BATCH_SOFT_TIME_LIMIT = 300


@shared_task(
    acks_late=True, soft_time_limit=BATCH_SOFT_TIME_LIMIT, time_limit=BATCH_SOFT_TIME_LIMIT + 60
)
def propose_followups_batch_task(job_ids: list[int]) -> int:
    """Many jobs (an import's, the sweeper's), each in its own transaction, so a row lock
    is never held across the batch; returns how many this run did."""
    done = 0
    pause = _WriterPause()
    for job_id in job_ids:
        pause.maybe()
        try:
            done += services.proposal_job_run(job_id=job_id)
        except SoftTimeLimitExceeded:
            logger.warning("Proposal batch stopped after %s jobs; the sweeper has the rest", done)
            break
        except Exception:
            # One broken job must not hold up the rest; it stays open for the sweeper.
            logger.exception("Proposal job %s failed", job_id)
    return done


@shared_task
def sweep_proposal_jobs_task() -> int:
    sent = services.proposal_jobs_redispatch()
    if sent:
        logger.info("Re-sent %s proposal jobs", sent)
    return sent


@shared_task
def send_due_reminders_task() -> int:
    """Beat, every minute: the due reminders, handed out in batches to the bulk queue."""
    return services.reminders_sweep()


@shared_task(acks_late=True)
def send_reminders_task(reminder_ids: list[int]) -> int:
    """A follow-up's reminders already due when it was proposed: told at once."""
    return _reminders_deliver(reminder_ids)


@shared_task(acks_late=True)
def send_reminders_batch_task(reminder_ids: list[int]) -> int:
    """One batch of a sweep, on the bulk queue."""
    return _reminders_deliver(reminder_ids)


def _reminders_deliver(reminder_ids: list[int]) -> int:
    """Tells the reminders a slice at a time, each slice in its own transaction.

    A soft time limit ends the slice under way undone (its transaction rolls back, its
    reminders stay unsent); what this task had not told yet goes on at once in a batch
    task of its own, with a time limit of its own. Told reminders sent again are skipped
    by their claim, so nothing is told twice and nothing waits for the next sweep.
    """
    told = 0
    for start in range(0, len(reminder_ids), services.REMINDER_SLICE):
        part = reminder_ids[start : start + services.REMINDER_SLICE]
        try:
            told += services.reminders_deliver(reminder_ids=part)
        except SoftTimeLimitExceeded:
            rest = reminder_ids[start:]
            logger.warning("Reminders: time limit after %s told; %s more follow", told, len(rest))
            dispatch(send_reminders_batch_task, rest)
            break
    return told


@shared_task
def propose_nudges_task() -> int:
    # The next notes of those the user keeps in touch with come due here too, each after
    # the one before was sent or skipped, and the LinkedIn steps after interviews.
    return (
        services.followups_propose_nudges()
        + services.followups_propose_next_touches()
        + services.followups_propose_linkedin_steps()
    )
