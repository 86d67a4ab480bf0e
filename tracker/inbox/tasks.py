"""Celery tasks of the inbox: thin, given ids, safe to run twice. The services do the work."""

import logging

from celery import shared_task

from tracker.core.dispatch import dispatch
from tracker.inbox import services

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def poll_mailbox_task(mailbox_id: int, claim: str) -> str:
    return services.mailbox_poll(mailbox_id=mailbox_id, claim=claim)


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
    """Beat, every few minutes: one poll task per due mailbox, each claimed first, so two
    beats (or two overlapping sweeps) never poll one mailbox twice. A poll the broker lost
    is claimed again when its lease runs out. Mail kept but never read is read again."""
    sent = 0
    for mailbox_id, claim in services.mailboxes_claim_due():
        if dispatch(poll_mailbox_task, mailbox_id, claim):
            sent += 1
    return sent + services.inbound_sweep()


@shared_task
def expire_inbox_items_task() -> int:
    return services.inbox_items_expire()
