"""Many applications' proposals travel in batches on the bulk queue (an
import, the sweeper), a single rejection's alone on the interactive queue."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import ChangeSource
from tracker.celery import app
from tracker.followups import services as followups
from tracker.followups.models import FollowUp, ProposalJob
from tracker.followups.services import proposals, reminders
from tracker.followups.tasks import propose_followups_batch_task
from tracker.imports import services as imports

pytestmark = pytest.mark.django_db


def _rejected_rows(count: int) -> bytes:
    return b"Company;Job Title;Status\n" + b"".join(
        f"Company {i};Engineer;Rejected\n".encode() for i in range(count)
    )


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    sent: list[tuple[Any, ...]] = []

    def record(task: str, *args: Any) -> bool:
        sent.append((task, *args))
        return True

    for module in (proposals, reminders):
        monkeypatch.setattr(module, "dispatch_on_commit", record)
    monkeypatch.setattr(proposals, "dispatch", record)
    return sent


def test_an_import_of_1200_rejections_queues_three_batches(
    alice: User, published: list[tuple[Any, ...]]
) -> None:
    job = imports.import_job_create(owner=alice, filename="jobs.csv", raw=_rejected_rows(1_200))
    mapping = imports.Mapping(["company", "role", "stage"], {}, "dmy")
    imports.import_job_start(job=job, mapping=mapping, skip_duplicates=False)

    assert imports.import_job_run(job_id=job.pk)

    assert [task for task, _ in published] == [followups.PROPOSE_BATCH_TASK] * 3
    assert [len(ids) for _, ids in published] == [500, 500, 200]
    assert sorted(i for _, ids in published for i in ids) == sorted(
        ProposalJob.objects.values_list("pk", flat=True)
    )


def test_the_sweeper_resends_lost_jobs_in_batches(
    alice: User, published: list[tuple[Any, ...]]
) -> None:
    owned = [application_for(alice, company=f"Company {i}") for i in range(3)]
    long_ago = timezone.now() - timedelta(minutes=5)
    jobs = ProposalJob.objects.bulk_create(
        ProposalJob(application=a, requested_at=long_ago, dispatched_at=long_ago) for a in owned
    )

    assert followups.proposal_jobs_redispatch() == 3

    assert published == [(followups.PROPOSE_BATCH_TASK, sorted(j.pk for j in jobs))]


def test_batches_go_to_the_bulk_queue_and_a_single_rejection_does_not() -> None:
    def queue(name: str) -> str:
        return str(app.amqp.router.route({}, name, (), {})["queue"].name)

    assert queue(followups.PROPOSE_BATCH_TASK) == app.conf.bulk_queue
    assert queue("tracker.imports.tasks.import_applications_task") == app.conf.bulk_queue
    assert queue(followups.PROPOSE_TASK) == app.conf.task_default_queue
    assert queue(followups.REMINDERS_TASK) == app.conf.task_default_queue
    assert queue(followups.REMINDERS_BATCH_TASK) == app.conf.bulk_queue
    assert queue("tracker.followups.tasks.send_due_reminders_task") == app.conf.bulk_queue
    assert queue("tracker.notifications.tasks.deliver_notification_task") == (
        app.conf.task_default_queue
    )
    assert app.conf.bulk_queue != app.conf.task_default_queue


def test_a_batch_runs_each_job_once_and_a_broken_one_does_not_stop_the_rest(
    alice: User, published: list[tuple[Any, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    rejected = [application_for(alice, company=f"Company {i}") for i in range(3)]
    for application in rejected:
        applications.application_reject(
            application=application, source=ChangeSource.WEB, channel="personal_email"
        )
    jobs = list(ProposalJob.objects.order_by("pk"))
    run = followups.proposal_job_run

    def broken_for_the_first(*, job_id: int) -> bool:
        if job_id == jobs[0].pk:
            raise RuntimeError("a bad row")
        return run(job_id=job_id)

    monkeypatch.setattr(followups, "proposal_job_run", broken_for_the_first)

    assert propose_followups_batch_task([j.pk for j in jobs]) == 2
    assert propose_followups_batch_task([j.pk for j in jobs]) == 0  # delivered twice: nothing

    assert ProposalJob.objects.filter(done_at=None).get().pk == jobs[0].pk
    assert FollowUp.objects.filter(application__in=rejected[1:]).count() >= 2
    assert not FollowUp.objects.filter(application=rejected[0]).exists()
