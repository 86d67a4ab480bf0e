"""Turning due reminders into notifications, each exactly once."""

import uuid
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from tracker.core.dispatch import dispatch_on_commit
from tracker.followups import notices
from tracker.followups.models import (
    OPEN_STATUSES,
    Reminder,
)

REMINDERS_TASK = "tracker.followups.tasks.send_due_reminders_task"


def _notify_soon() -> None:
    """Something is already due: sweep reminders right after this commit, not in a minute."""
    dispatch_on_commit(REMINDERS_TASK)


REMINDER_BATCH = 500


def reminders_send_due(*, now: datetime | None = None, batch: int = REMINDER_BATCH) -> int:
    """Turns due reminders into notifications, each exactly once; returns how many.

    Each batch is claimed by one conditional UPDATE (`sent_at IS NULL` → now), so two
    sweepers running at once split the work instead of doubling it; the notifications
    are written in the claim's transaction, so a crash in between loses nothing.
    """
    now = now or timezone.now()
    total = 0
    while True:
        with transaction.atomic():
            due = list(
                Reminder.objects.filter(
                    sent_at=None, remind_at__lte=now, followup__status__in=OPEN_STATUSES
                )
                .order_by("remind_at")
                .values_list("pk", flat=True)[:batch]
            )
            if not due:
                return total
            claim = uuid.uuid4()
            # The claim: only rows still unsent are ours; a row another sweeper took is not.
            Reminder.objects.filter(pk__in=due, sent_at=None).update(
                sent_at=timezone.now(), claim=claim
            )
            mine = Reminder.objects.filter(claim=claim).select_related(
                "followup__application__company", "followup__application__owner"
            )
            total += notices.reminders_notify(list(mine))
