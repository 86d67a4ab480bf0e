"""An import through the real thing: Redis, a Celery worker process, the database."""

from pathlib import Path

import pytest

from tests.workers import celery_worker, wait_for
from tracker.accounts.models import User
from tracker.applications.models import Application
from tracker.imports import services
from tracker.imports.models import ImportJob, ImportStatus
from tracker.imports.tasks import import_applications_task

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_an_import_runs_on_the_worker_once(alice: User, tmp_path: Path) -> None:
    raw = b"Company;Job Title;Status\n" + b"".join(
        f"Company {i};Engineer;{'Rejected' if i % 3 == 0 else 'Applied'}\n".encode()
        for i in range(300)
    )
    job = services.import_job_create(owner=alice, filename="jobs.csv", raw=raw)
    mapping = services.Mapping(["company", "role", "stage"], {}, "dmy")

    with celery_worker(tmp_path / "worker.log", concurrency=2):
        # The commit publishes the task; a second delivery finds the job claimed.
        services.import_job_start(job=job, mapping=mapping, skip_duplicates=False)
        import_applications_task.delay(job.pk)

        wait_for(lambda: ImportJob.objects.get(pk=job.pk).is_finished, timeout=30)

    job.refresh_from_db()
    assert (job.status, job.imported, job.errors) == (ImportStatus.DONE, 300, [])
    assert Application.objects.filter(owner=alice).count() == 300
    assert Application.objects.filter(owner=alice, stage="rejected").count() == 100
