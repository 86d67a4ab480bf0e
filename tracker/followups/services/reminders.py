"""Turning due reminders into notifications, each exactly once, in batches."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from tracker.core.dispatch import dispatch, dispatch_on_commit
from tracker.followups import notices
from tracker.followups.models import (
    OPEN_STATUSES,
    Reminder,
)

# By name, so that the tasks module (which calls these services) is not imported here.
REMINDERS_TASK = "tracker.followups.tasks.send_reminders_task"
REMINDERS_BATCH_TASK = "tracker.followups.tasks.send_reminders_batch_task"


# Reminders per bulk task the sweep sends: a few tenths of a second of work, so a task
# never comes near a time limit and two workers share a big sweep evenly.
REMINDER_BATCH = 500


# Reminders told per transaction within a batch: what a time limit can undo at most.
REMINDER_SLICE = 100


# A sweep hands out at most this many batches (200,000 reminders); a backlog beyond that
# waits for the next minute's sweep, so the sweep itself stays a quick query.
SWEEP_BATCHES = 400


def _notify_soon(reminders: Sequence[Reminder]) -> None:
    """These are already due: tell them right after this commit, not at the next sweep."""
    dispatch_on_commit(REMINDERS_TASK, [reminder.pk for reminder in reminders])


def reminders_due(*, now: datetime, limit: int) -> list[int]:
    """The unsent reminders due by `now` whose follow-up is still open, oldest first."""
    return list(
        Reminder.objects.filter(
            sent_at=None, remind_at__lte=now, followup__status__in=OPEN_STATUSES
        )
        .order_by("remind_at")
        .values_list("pk", flat=True)[:limit]
    )


def reminders_sweep(*, now: datetime | None = None, batch: int = REMINDER_BATCH) -> int:
    """Hands the due reminders out to the bulk queue, one task per `batch`; returns how
    many reminders it handed out.

    It claims nothing: each batch claims its own reminders as it tells them, so a batch
    sent twice (a sweep overlapping the last one's queued batches) tells each once.
    """
    due = reminders_due(now=now or timezone.now(), limit=batch * SWEEP_BATCHES)
    sent = 0
    for start in range(0, len(due), batch):
        chunk = due[start : start + batch]
        if dispatch(REMINDERS_BATCH_TASK, chunk):
            sent += len(chunk)
    return sent


@transaction.atomic
def reminders_deliver(*, reminder_ids: Sequence[int]) -> int:
    """Tells those of these reminders still unsent, each exactly once; returns how many.

    The claim is one conditional UPDATE (`sent_at IS NULL` → now) on the reminder rows
    themselves, so two workers given the same ids split them instead of doubling them;
    the notifications are written in the claim's transaction, so an end anywhere in
    between (a time limit, a lost worker) tells nothing and loses nothing.
    """
    # Found by their own keys, the follow-up's status read beside them: with the status in
    # the WHERE, SQLite's planner walked every open follow-up instead (67 ms a slice).
    open_ids = [
        pk
        for pk, status in Reminder.objects.filter(pk__in=reminder_ids, sent_at=None).values_list(
            "pk", "followup__status"
        )
        if status in OPEN_STATUSES
    ]
    if not open_ids:
        return 0
    claim = uuid.uuid4()
    # Only rows still unsent are ours; a row another worker took meanwhile is not.
    if not Reminder.objects.filter(pk__in=open_ids, sent_at=None).update(
        sent_at=timezone.now(), claim=claim
    ):
        return 0
    mine = (
        Reminder.objects.filter(pk__in=open_ids, claim=claim)
        .select_related("followup__application__company", "followup__application__owner")
        # What a notice says and where it goes, no more: a batch loads five rows a
        # reminder, and their other columns (a draft's body among them) only cost time.
        .only(*notices.REMINDER_NOTICE_FIELDS)
    )
    return notices.reminders_notify(list(mine))
