"""Celery tasks of the inbox: thin, given ids, safe to run twice. The services do the work."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from tracker.core.dispatch import dispatch
from tracker.inbox import services

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def poll_mailboxes_task(claims: list[tuple[int, str]]) -> int:
    """One batch of a sweep's claimed mailboxes, polled in turn; returns how many.

    A soft time limit (a batch of slow servers) ends the poll under way: it keeps the
    messages it stored, each in its own transaction, and its mailbox is polled again when
    its lease runs out. The mailboxes not reached yet go on at once in a task of their
    own, still holding their claims.
    """
    polled = 0
    for position, (mailbox_id, claim) in enumerate(claims):
        try:
            services.mailbox_poll(mailbox_id=mailbox_id, claim=claim)
        except SoftTimeLimitExceeded:
            rest = claims[position + 1 :]
            logger.warning("Inbox: time limit after %s polls; %s more follow", polled, len(rest))
            if rest:
                dispatch(poll_mailboxes_task, rest)
            break
        except Exception:
            # One broken poll must not hold up the rest; its lease brings its mailbox back.
            logger.exception("Inbox: polling mailbox %s failed", mailbox_id)
            continue
        polled += 1
    return polled


# Well under the workers' default: a run stops taking messages after services.reading.READ_BUDGET,
# so only a message that will not read meets these limits.
@shared_task(acks_late=True, soft_time_limit=40, time_limit=60)
def read_inbound_mail_task(owner_id: int) -> str:
    result = services.inbound_read(owner_id=owner_id)
    if result == "more":
        dispatch(read_inbound_mail_task, owner_id)
    return result


@shared_task
def sweep_mailboxes_task() -> int:
    """Beat, every minute: one poll task per POLL_BATCH due mailboxes, each mailbox
    claimed first, so two beats (or two overlapping sweeps) never poll one mailbox twice.
    A poll the broker lost is claimed again when its lease runs out. Mail kept but never
    read is read again. Returns how many mailboxes it handed out, and reads it sent."""
    claimed = services.mailboxes_claim_due()
    sent = 0
    for start in range(0, len(claimed), services.POLL_BATCH):
        batch = claimed[start : start + services.POLL_BATCH]
        if dispatch(poll_mailboxes_task, batch):
            sent += len(batch)
    return sent + services.inbound_sweep()


@shared_task
def expire_inbox_items_task() -> int:
    return services.inbox_items_expire()
