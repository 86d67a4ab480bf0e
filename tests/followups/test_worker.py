"""The follow-up stage with the real thing: Redis, a Celery worker process, the database."""

import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for, rejected_late
from tests.workers import celery_worker, use_broker, wait_for
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import ChangeSource
from tracker.celery import app
from tracker.core.embedded_redis import EmbeddedRedis, free_port
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp, ProposalJob, Reminder
from tracker.followups.services import REMINDER_BATCH
from tracker.followups.tasks import (
    propose_followups_task,
    send_due_reminders_task,
    send_reminders_batch_task,
    sweep_proposal_jobs_task,
)
from tracker.notifications.models import Notification

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_rejecting_proposes_the_follow_up_through_the_worker(alice: User, tmp_path: Path) -> None:
    application = application_for(alice)
    with celery_worker(tmp_path / "worker.log"):
        applications.application_reject(
            application=application,
            source=ChangeSource.WEB,
            channel="personal_email",
            sender_name="Dana Smith",
        )

        wait_for(lambda: FollowUp.objects.filter(application=application).exists())

    # How fast is `make bench`'s question, with its budget; on a loaded machine a time
    # limit here failed a correct run.
    reply = FollowUp.objects.get(application=application)
    assert reply.kind == Kind.REJECTION_REPLY


def test_a_job_delivered_twice_at_once_yields_one_proposal(alice: User, tmp_path: Path) -> None:
    application = application_for(alice)
    applications.application_reject(
        application=application, source=ChangeSource.WEB, channel="phone", sender_name="Dana"
    )
    job = ProposalJob.objects.get(application=application)
    # Whatever the commit published went to the default queue; this worker sees only these.
    log = tmp_path / "worker.log"
    with celery_worker(log, concurrency=2):
        propose_followups_task.delay(job.pk)
        propose_followups_task.delay(job.pk)

        wait_for(lambda: ProposalJob.objects.filter(pk=job.pk, done_at__isnull=False).exists())
        # The second delivery too has finished: waited for, not guessed with a sleep.
        wait_for(lambda: _finished(log, propose_followups_task.name) == 2, timeout=60)

    assert FollowUp.objects.filter(application=application).count() == 1


def test_two_sweeps_at_once_notify_once(alice: User, tmp_path: Path) -> None:
    for company in ("Acme", "Globex", "Initech"):
        rejected_late(alice, company=company)
    log = tmp_path / "worker.log"
    with celery_worker(log, concurrency=2):
        send_due_reminders_task.delay()
        send_due_reminders_task.delay()

        # Each sweep hands out one batch: the same three reminders, twice.
        wait_for(lambda: _finished(log, send_reminders_batch_task.name) == 2, timeout=60)

    assert _told(log) == 3
    assert Notification.objects.filter(channel="in_app").count() == 3
    assert Notification.objects.filter(channel="email").count() == 3


def test_two_workers_tell_two_thousand_due_reminders_each_once(alice: User, tmp_path: Path) -> None:
    rejected_late(alice)
    Reminder.objects.all().delete()  # the reply's own, one of them not due yet
    followup = FollowUp.objects.get()
    now = timezone.now()
    Reminder.objects.bulk_create(
        Reminder(followup=followup, remind_at=now - timedelta(seconds=i)) for i in range(2_000)
    )
    due = 2_000
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    queue = f"test-{uuid.uuid4().hex[:8]}"
    with celery_worker(logs[0], queue=queue), celery_worker(logs[1], queue=queue):
        # Two sweeps overlapping, as when a minute's sweep finds the last one's batches
        # still queued: every batch goes out twice, and the two workers race for each.
        send_due_reminders_task.delay()
        send_due_reminders_task.delay()

        batches = 2 * -(-due // REMINDER_BATCH)
        wait_for(
            lambda: sum(_finished(log, send_reminders_batch_task.name) for log in logs) == batches,
            timeout=120,
        )

    assert all(_finished(log, send_reminders_batch_task.name) for log in logs)  # both worked
    assert sum(_told(log) for log in logs) == due
    assert not Reminder.objects.filter(sent_at=None).exists()
    in_app = Notification.objects.filter(channel="in_app")
    assert in_app.count() == in_app.values("dedupe_key").distinct().count() == due


def _told(log: Path) -> int:
    """How many reminders the worker's reminder tasks say they told (their return values)."""
    return sum(
        int(line.rsplit(": ", 1)[1])
        for line in log.read_text().splitlines()
        if "send_reminders" in line and " succeeded in " in line
    )


def _finished(log: Path, task: str) -> int:
    """How many runs of `task` the worker has logged as finished (succeeded or failed)."""
    text = log.read_text()
    return sum(
        1
        for line in text.splitlines()
        if f"{task}[" in line and (" succeeded in " in line or " raised " in line)
    )


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[EmbeddedRedis]:
    """A Redis of this test's own (the embedded one): down until the test starts it."""
    server = EmbeddedRedis(tmp_path / "redis", persist=False)
    server.port = free_port()
    previous = app.conf.broker_url
    yield server
    server.stop()
    use_broker(previous)


def test_redis_down_at_rejection_loses_nothing(
    alice: User, tmp_path: Path, private_redis: EmbeddedRedis
) -> None:
    url = private_redis.url
    use_broker(url)  # nothing listens there yet: Redis is "down"
    application = application_for(alice)
    client = Client()
    client.force_login(alice)

    start = time.monotonic()
    response = client.post(
        reverse("application_reject", args=[application.pk]),
        {
            "channel": "personal_email",
            "sender_role": "recruiter",
            "sender_name": "Dana Smith",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    took = time.monotonic() - start

    assert response.status_code == 302
    # Not hung on the broker: kombu's own default would wait far longer than this. The
    # bound is loose on purpose; the exact cost (CELERY_BROKER_CONNECTION_TIMEOUT, one
    # retry) is not for a test on a shared machine to time.
    assert took < 10
    application.refresh_from_db()
    assert application.stage == "rejected"
    job = ProposalJob.objects.get(application=application, done_at=None)
    assert not FollowUp.objects.filter(application=application).exists()

    # Redis comes back; two minutes later the sweeper finds the job and sends it again.
    private_redis.start(port=private_redis.port)
    ProposalJob.objects.filter(pk=job.pk).update(
        requested_at=timezone.now() - timedelta(minutes=3),
        dispatched_at=timezone.now() - timedelta(minutes=3),
    )
    with celery_worker(tmp_path / "worker.log", broker_url=url):
        assert sweep_proposal_jobs_task() == 1
        wait_for(lambda: FollowUp.objects.filter(application=application).exists())

    assert FollowUp.objects.get(application=application).kind == Kind.REJECTION_REPLY
