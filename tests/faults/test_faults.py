"""Faults, with the real thing: workers killed mid-task, two sweepers at once, races.

Run alone with `pytest -m faults`.
"""

import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for, rejected_late, send_due_reminders
from tests.workers import celery_worker, use_broker, wait_for
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource
from tracker.celery import app
from tracker.core.embedded_redis import EmbeddedRedis, free_port
from tracker.followups import services as followups
from tracker.followups.models import FollowUp, ProposalJob, Reminder
from tracker.followups.tasks import sweep_proposal_jobs_task
from tracker.notifications.models import Notification

pytestmark = [pytest.mark.faults, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SHORT_VISIBILITY = {
    "CELERY_VISIBILITY_TIMEOUT": "3",
    "CELERY_UNACKED_RESTORE_INTERVAL": "1",
    "CELERY_UNACKED_RESTORE_THROTTLE": "1",
}


def _reject(application: Application) -> None:
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_name="Dana Smith",
    )


def _at_once(action: Callable[[], object], times: int = 2) -> None:
    """Runs `action` in `times` threads released together, each on its own connection."""
    barrier = threading.Barrier(times)

    def run() -> None:
        try:
            barrier.wait()
            action()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _stalled_worker_env(flag: Path) -> dict[str, str]:
    return {**SHORT_VISIBILITY, "REBOUND_STALL_FLAG": str(flag)}


def test_a_pool_child_killed_mid_task_leaves_one_follow_up(alice: User, tmp_path: Path) -> None:
    application = application_for(alice)
    flag = tmp_path / "in-flight"
    with celery_worker(
        tmp_path / "worker.log", env=_stalled_worker_env(flag), include="tests.fault_hooks"
    ):
        _reject(application)
        wait_for(flag.exists, timeout=60)  # a worker boots slowly on a busy machine
        os.kill(int(flag.read_text()), signal.SIGKILL)

        # acks_late + reject_on_worker_lost: the message goes back and runs again.
        wait_for(lambda: FollowUp.objects.filter(application=application).exists(), timeout=30)

    assert FollowUp.objects.filter(application=application).count() == 1
    assert ProposalJob.objects.get(application=application).done_at is not None


def test_a_whole_worker_killed_and_restarted_leaves_one_follow_up(
    alice: User, tmp_path: Path
) -> None:
    application = application_for(alice)
    flag = tmp_path / "in-flight"
    env = _stalled_worker_env(flag)
    queue = f"test-restart-{uuid.uuid4().hex[:8]}"  # a run of its own, never a neighbour's
    with celery_worker(
        tmp_path / "first.log", env=env, include="tests.fault_hooks", queue=queue
    ) as worker:
        _reject(application)
        wait_for(flag.exists, timeout=60)  # a worker boots slowly on a busy machine
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()

    assert not FollowUp.objects.filter(application=application).exists()
    # The message was taken but never acknowledged: after the visibility timeout Redis
    # hands it to the next worker on the queue.
    with celery_worker(tmp_path / "second.log", env=env, include="tests.fault_hooks", queue=queue):
        wait_for(lambda: FollowUp.objects.filter(application=application).exists(), timeout=60)

    assert FollowUp.objects.filter(application=application).count() == 1


def test_two_sweepers_over_a_thousand_due_reminders_notify_each_once(alice: User) -> None:
    for i in range(10):
        rejected_late(alice, company=f"Company {i}")
    followup_ids = list(FollowUp.objects.values_list("pk", flat=True))
    now = timezone.now()
    Reminder.objects.bulk_create(
        Reminder(
            followup_id=followup_ids[i % len(followup_ids)], remind_at=now - timedelta(minutes=1)
        )
        for i in range(1000 - Reminder.objects.filter(remind_at__lte=now).count())
    )
    due = Reminder.objects.filter(sent_at=None, remind_at__lte=timezone.now()).count()
    counts: list[int] = []

    _at_once(lambda: counts.append(send_due_reminders(batch=100)))

    assert due >= 1000
    assert sum(counts) == due
    in_app = Notification.objects.filter(channel="in_app")
    assert in_app.count() == due
    assert in_app.values("dedupe_key").distinct().count() == due


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_concurrent_rejections_of_one_application_propose_once(alice: User) -> None:
    application = application_for(alice)

    _at_once(lambda: _reject(Application.objects.get(pk=application.pk)))
    for job in ProposalJob.objects.filter(application=application):
        followups.proposal_job_run(job_id=job.pk)

    assert application.history.filter(to_stage="rejected").count() == 1
    assert FollowUp.objects.filter(application=application, kind="rejection_reply").count() == 1


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[EmbeddedRedis]:
    """A Redis of this test's own, broker and result store, that it stops and starts."""
    server = EmbeddedRedis(tmp_path / "redis", persist=False)
    server.port = free_port()
    previous = app.conf.broker_url, app.conf.result_backend
    yield server
    server.stop()
    use_broker(previous[0], result_backend=previous[1])


LOAD_THREADS = 30
REDIS_DOWN_SECONDS = 20


def _reject_through_the_site(session: str, targets: list[Application]) -> list[int]:
    """One rejection per application, all at once, each a whole request through the site
    in a thread of its own: the status codes, 599 for a request that raised."""
    codes: list[int] = []
    lock = threading.Lock()
    form = {
        "channel": "personal_email",
        "sender_role": "recruiter",
        "sender_name": "Dana Smith",
        "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
    }

    def one(application: Application) -> None:
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = session
        try:
            url = reverse("application_reject", args=[application.pk])
            code = client.post(url, form).status_code
        except Exception:
            code = 599
        finally:
            connections.close_all()
        with lock:
            codes.append(code)

    threads = [threading.Thread(target=one, args=(a,)) for a in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes


def test_under_load_redis_down_a_killed_worker_and_a_second_beat_fail_no_request_and_lose_nothing(
    alice: User, tmp_path: Path, private_redis: EmbeddedRedis
) -> None:
    """Broker and result store on a Redis that stops for 20 s and comes back, a worker
    SIGKILLed, two beats' sweeps at once: every rejection is answered as saved (a redirect,
    never a 500) and every one gets its follow-up, once."""
    url = private_redis.start(port=private_redis.port)
    use_broker(url, result_backend=url)
    targets = [application_for(alice, company=f"Load {i}") for i in range(3 * LOAD_THREADS)]
    login = Client()
    login.force_login(alice)
    session = login.cookies[settings.SESSION_COOKIE_NAME].value
    queue = f"test-load-{uuid.uuid4().hex[:8]}"
    codes: list[int] = []

    with celery_worker(
        tmp_path / "first.log", broker_url=url, env=SHORT_VISIBILITY, queue=queue
    ) as worker:
        codes += _reject_through_the_site(session, targets[:LOAD_THREADS])
        private_redis.stop()
        went_down = time.monotonic()
        codes += _reject_through_the_site(session, targets[LOAD_THREADS : 2 * LOAD_THREADS])
        time.sleep(max(0.0, REDIS_DOWN_SECONDS - (time.monotonic() - went_down)))
        private_redis.start(port=private_redis.port)
        # Redis back: the first publishes after a restart reconnect, as in the attack.
        codes += _reject_through_the_site(session, targets[2 * LOAD_THREADS :])
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()

    assert sorted(set(codes)) == [302], codes
    assert len(codes) == len(targets)
    # What the broker lost (a Redis that saves nothing, a worker killed) the sweep finds
    # once its jobs are old enough; two beats sweep at once.
    ProposalJob.objects.filter(done_at=None).update(
        requested_at=timezone.now() - timedelta(minutes=3),
        dispatched_at=timezone.now() - timedelta(minutes=3),
    )
    with celery_worker(tmp_path / "second.log", broker_url=url, env=SHORT_VISIBILITY, queue=queue):
        _at_once(sweep_proposal_jobs_task)
        wait_for(
            lambda: (
                (
                    FollowUp.objects.filter(application__in=targets)
                    .values("application")
                    .distinct()
                ).count()
                == len(targets)
            ),
            timeout=180,
        )

    for application in targets:
        assert FollowUp.objects.filter(application=application, kind="rejection_reply").count() == 1
