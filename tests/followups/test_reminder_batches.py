"""Beat's reminder sweep hands the due reminders out in batches on the bulk queue; each
batch tells its reminders exactly once, and a time limit mid-batch loses nothing."""

from datetime import timedelta
from typing import Any

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.utils import timezone

from tests.factories import rejected_late
from tracker.accounts.models import User
from tracker.followups import notices, tasks
from tracker.followups import services as followups
from tracker.followups.models import FollowUp, Reminder
from tracker.followups.services import reminders
from tracker.notifications.models import Channel, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """What the sweep and the batches send, by task name, instead of sending it."""
    sent: list[tuple[Any, ...]] = []

    def record(task: Any, *args: Any) -> bool:
        sent.append((task if isinstance(task, str) else task.name, *args))
        return True

    monkeypatch.setattr(reminders, "dispatch", record)
    monkeypatch.setattr(tasks, "dispatch", record)
    return sent


def _due_reminders(user: User, count: int) -> list[int]:
    """`count` due reminders on one of the user's open follow-ups, oldest first."""
    rejected_late(user)
    Reminder.objects.all().delete()
    followup = FollowUp.objects.get()
    now = timezone.now()
    made = Reminder.objects.bulk_create(
        Reminder(followup=followup, remind_at=now - timedelta(minutes=count - i))
        for i in range(count)
    )
    return [reminder.pk for reminder in made]


def _told() -> list[str]:
    return list(
        Notification.objects.filter(channel=Channel.IN_APP).values_list("dedupe_key", flat=True)
    )


def test_the_sweep_hands_the_due_reminders_out_in_batches(
    alice: User, published: list[tuple[Any, ...]]
) -> None:
    ids = _due_reminders(alice, 1_200)

    assert followups.reminders_sweep() == 1_200

    assert [task for task, _ in published] == [followups.REMINDERS_BATCH_TASK] * 3
    assert [ids for _, ids in published] == [ids[:500], ids[500:1_000], ids[1_000:]]
    # The sweep claims nothing: the batches do, as they tell.
    assert not Reminder.objects.filter(sent_at__isnull=False).exists()
    assert not _told()


def test_a_batch_sent_twice_tells_each_reminder_once(alice: User) -> None:
    ids = _due_reminders(alice, 250)

    assert tasks.send_reminders_batch_task(ids) == 250
    assert tasks.send_reminders_batch_task(ids) == 0

    assert sorted(_told()) == sorted(notices.reminder_key(pk) for pk in ids)
    assert not Reminder.objects.filter(pk__in=ids, sent_at=None).exists()


def test_a_time_limit_mid_batch_leaves_nothing_half_told_and_the_rest_follows(
    alice: User, published: list[tuple[Any, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _due_reminders(alice, 250)
    notify = notices.reminders_notify
    calls = 0

    def slow_notify(told: Any) -> int:
        nonlocal calls
        calls += 1
        written = notify(told)
        if calls == 2:  # the second slice's notifications are written, not yet committed
            raise SoftTimeLimitExceeded()
        return written

    monkeypatch.setattr(notices, "reminders_notify", slow_notify)

    assert tasks.send_reminders_batch_task(ids) == followups.REMINDER_SLICE

    first, rest = ids[: followups.REMINDER_SLICE], ids[followups.REMINDER_SLICE :]
    assert sorted(_told()) == sorted(notices.reminder_key(pk) for pk in first)
    # The slice under way rolled back whole: unsent, unclaimed, nothing told.
    assert Reminder.objects.filter(pk__in=rest, sent_at=None, claim=None).count() == len(rest)
    # What the batch had not told follows at once, in a task of its own.
    assert published == [(followups.REMINDERS_BATCH_TASK, rest)]

    monkeypatch.setattr(notices, "reminders_notify", notify)
    assert tasks.send_reminders_batch_task(rest) == len(rest)

    assert sorted(_told()) == sorted(notices.reminder_key(pk) for pk in ids)
