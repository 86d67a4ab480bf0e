"""Beat's mailbox sweep claims the due mailboxes and hands them out in batches on the
bulk queue; a time limit mid-batch hands the rest on, still claimed."""

from typing import Any

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from tests.factories import make_user
from tracker.inbox import services, tasks
from tracker.inbox.models import Mailbox, Security

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    sent: list[tuple[Any, ...]] = []

    def record(task: Any, *args: Any) -> bool:
        sent.append((task.name, *args))
        return True

    monkeypatch.setattr(tasks, "dispatch", record)
    return sent


def _mailboxes(count: int) -> list[Mailbox]:
    return [
        services.mailbox_save(
            owner=make_user(),
            host="127.0.0.1",
            port=1,
            security=Security.NONE,
            username=f"user{i}",
            password="app-password",
            folder="INBOX",
        )
        for i in range(count)
    ]


def test_the_sweep_hands_the_due_mailboxes_out_in_batches(
    published: list[tuple[Any, ...]],
) -> None:
    mailboxes = _mailboxes(services.POLL_BATCH + 5)

    assert tasks.sweep_mailboxes_task() == len(mailboxes)

    assert [task for task, _ in published] == [tasks.poll_mailboxes_task.name] * 2
    handed = [pk for _, batch in published for pk, _claim in batch]
    assert sorted(handed) == sorted(m.pk for m in mailboxes)
    assert [len(batch) for _, batch in published] == [services.POLL_BATCH, 5]
    # Each claimed, so a second sweep meanwhile hands out none of them again.
    published.clear()
    assert tasks.sweep_mailboxes_task() == 0
    assert published == []


def test_a_time_limit_mid_batch_hands_the_rest_on_still_claimed(
    published: list[tuple[Any, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _mailboxes(4)
    claims = services.mailboxes_claim_due()
    polled: list[int] = []

    def poll(*, mailbox_id: int, claim: str) -> str:
        if len(polled) == 1:
            raise SoftTimeLimitExceeded()
        polled.append(mailbox_id)
        return "ok"

    monkeypatch.setattr(services, "mailbox_poll", poll)

    assert tasks.poll_mailboxes_task(claims) == 1

    assert polled == [claims[0][0]]
    # The second's poll was under way: its lease brings it back. The other two follow now.
    assert published == [(tasks.poll_mailboxes_task.name, claims[2:])]
    for pk, claim in claims[2:]:
        assert Mailbox.objects.filter(pk=pk, claim=claim).exists()


def test_a_broken_poll_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    _mailboxes(3)
    claims = services.mailboxes_claim_due()
    polled: list[int] = []

    def poll(*, mailbox_id: int, claim: str) -> str:
        if mailbox_id == claims[0][0]:
            raise RuntimeError("a bug")
        polled.append(mailbox_id)
        return "ok"

    monkeypatch.setattr(services, "mailbox_poll", poll)

    assert tasks.poll_mailboxes_task(claims) == 2
    assert polled == [pk for pk, _ in claims[1:]]
