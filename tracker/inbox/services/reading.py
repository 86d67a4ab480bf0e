"""Reading the mail that arrived (intake.inbound_store kept it raw), on the bulk queue.

One user's waiting mail is read oldest first, each message claimed before it is read, so
two runs never read one twice and a run that died is counted against the message it was
on. A message is tried MAX_READS times; one that never reads (a bug, or mail crafted to
outlast the task's time limit) is recorded as unreadable, never dropped in silence, and
never holds back the mail behind it. The task's time limit is never caught here: it ends
the run, and the sweep starts the next.
"""

import logging
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from tracker.accounts.models import User
from tracker.core.dispatch import dispatch
from tracker.inbox.models import InboundMail, InboundStatus
from tracker.inbox.services import intake

logger = logging.getLogger(__name__)

MAX_READS = 3
# Longer than the reading task's hard time limit: a claim outliving it means a lost run.
READ_LEASE = timedelta(minutes=3)
# A run stops taking new messages after this and hands the rest to the next run, well
# inside the task's soft time limit.
READ_BUDGET = timedelta(seconds=20)


def inbound_read(*, owner_id: int) -> str:
    """Reads the user's waiting mail; "done", or "more" when its budget ran out first."""
    owner = User.objects.filter(pk=owner_id).first()
    if owner is None:
        return "done"
    stop_at = timezone.now() + READ_BUDGET
    context: intake.IngestContext | None = None
    try:
        while (mail := _claim_next(owner_id)) is not None:
            # Loaded once a message is there to read: an empty run costs no application query.
            context = context or intake.ingest_context(owner=owner)
            _read_one(mail, owner, context)
            if timezone.now() >= stop_at:
                return "more"
    finally:
        if context is not None:
            intake.items_announce(owner=owner, items=context.created)
    return "done"


def _read_one(mail: InboundMail, owner: User, context: intake.IngestContext) -> None:
    try:
        with transaction.atomic():
            intake.message_ingest(owner=owner, raw=bytes(mail.raw), via=mail.via, context=context)
            mail.delete()
    except SoftTimeLimitExceeded:
        raise
    except Exception:
        # A reader's bug must cost this message only, and say so on the inbox page.
        logger.exception("Inbox: stored message %s of user %s could not be read", mail.pk, owner.pk)
        _record_unreadable(mail.pk)


def _claim_next(owner_id: int) -> InboundMail | None:
    while True:
        now = timezone.now()
        free = Q(lease_until__isnull=True) | Q(lease_until__lte=now)
        waiting = InboundMail.objects.filter(free, owner_id=owner_id, status=InboundStatus.WAITING)
        pk = waiting.order_by("received_at", "pk").values_list("pk", flat=True).first()
        if pk is None:
            return None
        claimed = InboundMail.objects.filter(free, pk=pk, status=InboundStatus.WAITING).update(
            attempts=F("attempts") + 1, lease_until=now + READ_LEASE
        )
        if not claimed:
            continue  # another run took it first
        mail = InboundMail.objects.get(pk=pk)
        if mail.attempts > MAX_READS:
            logger.warning("Inbox: stored message %s outlasted %s reads", pk, MAX_READS)
            _record_unreadable(pk)
            continue
        return mail


def _record_unreadable(pk: int) -> None:
    InboundMail.objects.filter(pk=pk).update(status=InboundStatus.UNREADABLE, raw=b"")


def inbound_sweep() -> int:
    """Beat: a reading run for every user whose mail waits unclaimed (its task lost with the
    broker, or its run ended by a time limit). Runs side by side claim, so extra is harmless."""
    moment = timezone.now()
    stale = moment - timedelta(minutes=1)
    owners = (
        InboundMail.objects.filter(status=InboundStatus.WAITING, received_at__lt=stale)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lte=moment))
        .values_list("owner_id", flat=True)
        .distinct()
    )
    return sum(dispatch(intake.READ_TASK, owner_id) for owner_id in owners)
