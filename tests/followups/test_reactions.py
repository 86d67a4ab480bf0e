"""Follow-ups react to applications through applications.events, inside the transaction
of the change: applications never calls them, and a change rolled back proposes nothing."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from tests.factories import application_for, contact_for, rejected_late, send_due_reminders
from tracker.accounts.models import User
from tracker.applications import events
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, InterviewKind, Stage
from tracker.core import dispatch as dispatch_module
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp, ProposalJob
from tracker.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names: list[str] = []

    def record(task: Any, *args: object) -> bool:
        names.append(task if isinstance(task, str) else task.name)
        return True

    monkeypatch.setattr(dispatch_module, "dispatch", record)
    return names


def _reject(application: Application) -> None:
    applications.application_reject(
        application=application, source=ChangeSource.WEB, channel="automated"
    )


def test_a_rejection_asks_for_follow_ups_once_it_commits(
    alice: User, published: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    application = application_for(alice)

    with django_capture_on_commit_callbacks(execute=True):
        _reject(application)

    assert ProposalJob.objects.filter(application=application, done_at=None).count() == 1
    assert published == ["tracker.followups.tasks.propose_followups_task"]


def test_a_rolled_back_stage_change_proposes_nothing(
    alice: User, published: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    application = application_for(alice)

    def reject_then_fail() -> None:
        with transaction.atomic():
            _reject(application)
            assert ProposalJob.objects.filter(application=application).exists()
            raise RuntimeError("something later in the same transaction failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        reject_then_fail()

    assert not ProposalJob.objects.exists()
    assert published == []
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED


def test_a_receiver_that_fails_undoes_the_stage_change(alice: User) -> None:
    application = application_for(alice)

    def refuse(**kwargs: object) -> None:
        raise RuntimeError("a receiver failed")

    events.stage_changed.connect(refuse, dispatch_uid="test.refuse")
    try:
        with pytest.raises(RuntimeError):
            applications.application_change_stage(
                application=application, to_stage=Stage.SCREENING, source=ChangeSource.WEB
            )
    finally:
        events.stage_changed.disconnect(dispatch_uid="test.refuse")

    application.refresh_from_db()
    assert application.stage == Stage.APPLIED
    assert application.history.count() == 1


def test_editing_a_rejections_details_asks_again(alice: User, published: list[str]) -> None:
    application = application_for(alice)
    _reject(application)
    ProposalJob.objects.update(done_at=timezone.now())

    applications.application_reject(
        application=application, source=ChangeSource.WEB, channel="personal_email"
    )

    assert ProposalJob.objects.filter(application=application, done_at=None).count() == 1


def test_an_interview_logged_within_a_day_gets_a_thank_you_and_an_old_one_none(
    alice: User,
) -> None:
    application = application_for(alice)
    recent = applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(hours=2),
        kind=InterviewKind.TECHNICAL,
        interviewers=[contact_for(alice, name="Lee Park")],
    )
    old = applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=3),
        kind=InterviewKind.TECHNICAL,
    )

    thanks = FollowUp.objects.filter(kind=Kind.INTERVIEW_THANK_YOU)
    assert list(thanks.values_list("interview_id", flat=True)) == [recent.pk]
    assert not thanks.filter(interview=old).exists()


def test_deleting_an_application_forgets_what_its_reminders_told(alice: User) -> None:
    application = rejected_late(alice)
    send_due_reminders()
    assert Notification.objects.filter(user=alice).exists()

    applications.application_delete(application=application)

    assert not Notification.objects.filter(user=alice).exists()
