"""Interviews move the stage they name, when they happen."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services, tasks
from tracker.applications.models import (
    Application,
    ChangeSource,
    Interview,
    InterviewKind,
    Stage,
)
from tracker.followups import services as followups
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp

pytestmark = pytest.mark.django_db


def _log(application: Application, kind: str, when: timedelta) -> Interview:
    return services.interview_create(
        application=application, scheduled_at=timezone.now() + when, kind=kind
    )


def _held(interview: Interview) -> None:
    """Time passes: the interview booked for later is now a minute past."""
    Interview.objects.filter(pk=interview.pk).update(
        scheduled_at=timezone.now() - timedelta(minutes=1)
    )


@pytest.mark.parametrize(
    ("start", "kind", "expected"),
    [
        (Stage.APPLIED, InterviewKind.PHONE_SCREEN, Stage.SCREENING),
        (Stage.SCREENING, InterviewKind.PHONE_SCREEN, Stage.SCREENING),
        (Stage.APPLIED, InterviewKind.TECHNICAL, Stage.INTERVIEWING),
        (Stage.SCREENING, InterviewKind.ONSITE, Stage.INTERVIEWING),
        (Stage.SCREENING, InterviewKind.FINAL, Stage.INTERVIEWING),
        (Stage.INTERVIEWING, InterviewKind.PHONE_SCREEN, Stage.INTERVIEWING),
        (Stage.OFFER, InterviewKind.FINAL, Stage.OFFER),
        (Stage.WISHLIST, InterviewKind.TECHNICAL, Stage.WISHLIST),
    ],
)
def test_a_past_interview_moves_the_stage_it_names_at_its_time(
    alice: User, start: str, kind: str, expected: str
) -> None:
    application = application_for(alice, days_ago=20)
    if start != Stage.APPLIED:
        services.application_change_stage(
            application=application,
            to_stage=start,
            source=ChangeSource.WEB,
            at=timezone.now() - timedelta(days=15),
        )

    interview = _log(application, kind, -timedelta(days=3))

    application.refresh_from_db()
    assert application.stage == expected
    if expected != start:
        assert application.stage_changed_at == interview.scheduled_at


def test_a_future_interview_moves_nothing_until_the_sweep_finds_it_held(alice: User) -> None:
    application = application_for(alice, days_ago=10)
    interview = _log(application, InterviewKind.TECHNICAL, timedelta(days=2))
    assert services.interviews_move_stages() == 0
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED

    _held(interview)
    moved = tasks.interviews_move_stages_task()

    application.refresh_from_db()
    assert moved == 1
    assert application.stage == Stage.INTERVIEWING
    change = application.history.latest("recorded_at")
    assert (change.source, change.dated) == (ChangeSource.SYSTEM, True)
    # A second beat, or the next sweep, has nothing left to do.
    assert services.interviews_move_stages() == 0
    assert application.history.count() == 2


def test_a_claimed_interview_is_not_moved_twice(alice: User) -> None:
    application = application_for(alice, days_ago=10)
    interview = _log(application, InterviewKind.PHONE_SCREEN, timedelta(days=1))
    _held(interview)
    # Another sweeper claimed it a moment ago.
    Interview.objects.filter(pk=interview.pk).update(stage_moved_at=timezone.now())

    assert services.interviews_move_stages() == 0
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED


def test_a_deleted_future_interview_never_moves_the_stage(alice: User) -> None:
    application = application_for(alice, days_ago=10)
    interview = _log(application, InterviewKind.ONSITE, timedelta(days=1))

    services.interview_delete(interview=interview)
    services.interviews_move_stages(now=timezone.now() + timedelta(days=2))

    application.refresh_from_db()
    assert application.stage == Stage.APPLIED


def test_a_past_interview_after_a_drag_re_dates_the_drag(alice: User) -> None:
    application = application_for(alice, days_ago=30)
    services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.BOARD
    )

    interview = _log(application, InterviewKind.TECHNICAL, -timedelta(days=5))

    rows = list(application.history.order_by("at", "id"))
    assert [r.to_stage for r in rows] == [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING]
    assert rows[1].at == rows[2].at == interview.scheduled_at
    assert "Re-dated Applied → Screening" in interview.adjusted[0]


def test_an_interview_before_a_dated_move_moves_on_from_it(alice: User) -> None:
    application = application_for(alice, days_ago=30)
    screened = timezone.now() - timedelta(days=2)
    services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.WEB, at=screened
    )

    _log(application, InterviewKind.TECHNICAL, -timedelta(days=5))

    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEWING
    assert application.stage_changed_at == screened


def test_a_rejection_after_one_recruiter_call_is_not_an_interview_stage_rejection(
    alice: User,
) -> None:
    application = application_for(alice, days_ago=20)
    _log(application, InterviewKind.PHONE_SCREEN, -timedelta(days=4))
    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="recruiter",
        sender_name="Dana Smith",
        sender_email="dana@acme.example",
        received_at=timezone.now() - timedelta(days=1),
    )
    followups.proposal_job_run(job_id=application.proposal_jobs.get().pk)

    application.refresh_from_db()
    assert application.furthest_stage == Stage.SCREENING
    kinds = set(FollowUp.objects.filter(application=application).values_list("kind", flat=True))
    # Keep-in-touch notes are for people who met the team, not after a single call.
    assert Kind.KEEP_IN_TOUCH not in kinds
