"""The follow-up stage against the database: proposed once, replaced, undone, reminded."""

from datetime import timedelta
from typing import Any

import pytest
from celery import Task
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import application_for, contact_for, send_due_reminders
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import (
    Application,
    ChangeSource,
    InterviewKind,
    Stage,
    StageChange,
)
from tracker.core import dispatch as dispatch_module
from tracker.followups import services
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp, FollowUpStatus, ProposalJob, Reminder
from tracker.notifications.models import Channel, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the tasks published to the broker (the one outside boundary, mocked)."""
    names: list[str] = []

    def record(task: Task[Any, Any] | str, *args: object) -> bool:
        names.append(task if isinstance(task, str) else task.name)
        return True

    monkeypatch.setattr(dispatch_module, "dispatch", record)
    return names


def interviewed(user: User, **fields: object) -> Application:
    application = application_for(user, **fields)  # type: ignore[arg-type]
    applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=3),
        kind=InterviewKind.TECHNICAL,
        interviewers=[contact_for(user, name="Lee Park")],
    )
    return application


def reject(application: Application, **details: object) -> None:
    values: dict[str, object] = {
        "channel": "personal_email",
        "sender_role": "hiring_manager",
        "sender_name": "Dana Smith",
        "sender_email": "dana@acme.example",
    }
    values.update(details)
    applications.application_reject(application=application, source=ChangeSource.WEB, **values)  # type: ignore[arg-type]


def run_jobs(application: Application) -> None:
    for job in application.proposal_jobs.filter(done_at=None):
        services.proposal_job_run(job_id=job.pk)


def open_kinds(application: Application) -> list[tuple[str, int, str]]:
    return sorted(
        application.followups.exclude(kind=Kind.INTERVIEW_THANK_YOU).values_list(
            "kind", "sequence", "status"
        )
    )


def test_rejecting_records_a_job_and_publishes_it_after_commit(
    alice: User, published: list[str], django_capture_on_commit_callbacks: object
) -> None:
    application = application_for(alice)

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        reject(application)

    job = ProposalJob.objects.get(application=application)
    assert job.done_at is None
    assert published == ["tracker.followups.tasks.propose_followups_task"]


def test_a_personal_rejection_after_interviews_proposes_a_reply_and_check_ins(
    alice: User,
) -> None:
    application = interviewed(alice)
    reject(application)

    run_jobs(application)

    assert open_kinds(application) == [
        ("keep_in_touch", 1, "proposed"),
        ("keep_in_touch", 2, "proposed"),
        ("rejection_reply", 1, "proposed"),
    ]
    reply = application.followups.get(kind=Kind.REJECTION_REPLY)
    assert reply.elements == [
        "thanks",
        "disappointment",
        "highlight",
        "feedback_request",
        "future_openings",
    ]
    assert reply.subject == "Re: Backend Engineer at Acme"
    assert reply.body.startswith("Hi Dana,")
    # Dana was not in Lee's round: the highlight names the round, not people Dana never met.
    assert "technical interview" in reply.body
    assert "Lee" not in reply.body
    assert "Alice Martin" in reply.body
    assert reply.recipient_email == "dana@acme.example"
    assert reply.reminders.count() == 2
    assert reply.reminders.filter(last_call=True).count() == 1


def test_an_automated_rejection_records_that_no_reply_is_needed(alice: User) -> None:
    application = interviewed(alice)
    reject(application, channel="automated", sender_name="", sender_email="")

    run_jobs(application)

    assert open_kinds(application) == [("none", 1, "not_needed")]
    followup = application.followups.get(kind=Kind.NONE)
    assert followup.reason == "You marked it a form letter: no reply is expected."
    assert not Reminder.objects.filter(followup=followup).exists()


def test_rejected_by_a_bulk_action_without_details_is_a_form_letter_until_told(
    alice: User,
) -> None:
    application = application_for(alice)
    applications.application_change_stage(
        application=application, to_stage=Stage.REJECTED, source=ChangeSource.ADMIN
    )

    run_jobs(application)

    assert open_kinds(application) == [("none", 1, "not_needed")]
    assert "add their name" in application.followups.get().reason


def test_a_job_runs_once_however_often_it_is_delivered(alice: User) -> None:
    application = application_for(alice)
    reject(application)
    job = application.proposal_jobs.get()

    assert services.proposal_job_run(job_id=job.pk) is True
    assert services.proposal_job_run(job_id=job.pk) is False
    assert application.followups.count() == 1


def test_rejecting_twice_queues_one_job_and_yields_one_follow_up(alice: User) -> None:
    application = application_for(alice)
    reject(application)
    reject(application)

    assert application.proposal_jobs.filter(done_at=None).count() == 1
    run_jobs(application)
    reject(application)
    run_jobs(application)

    assert application.followups.filter(kind=Kind.REJECTION_REPLY).count() == 1


def test_undoing_a_rejection_cancels_its_follow_ups_and_their_reminders(alice: User) -> None:
    application = interviewed(alice)
    reject(application)
    run_jobs(application)

    applications.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.WEB
    )

    assert {s for _, _, s in open_kinds(application)} == {"cancelled"}
    assert not Reminder.objects.filter(
        followup__application=application, sent_at=None, followup__kind__in=["rejection_reply"]
    ).exists()


def test_rejecting_again_after_an_undo_proposes_again_in_place(alice: User) -> None:
    application = interviewed(alice)
    reject(application)
    run_jobs(application)
    first = application.followups.get(kind=Kind.REJECTION_REPLY).pk
    applications.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.WEB
    )

    reject(application)
    run_jobs(application)

    reply = application.followups.get(kind=Kind.REJECTION_REPLY)
    assert (reply.pk, reply.status) == (first, FollowUpStatus.PROPOSED)


def test_correcting_the_details_replaces_unsent_proposals_and_keeps_sent_ones(
    alice: User,
) -> None:
    application = interviewed(alice)
    reject(application)
    run_jobs(application)
    services.followup_mark_sent(followup=application.followups.get(kind=Kind.REJECTION_REPLY))

    reject(application, sender_role="recruiter", sender_name="Sam Lee")
    run_jobs(application)

    reply = application.followups.get(kind=Kind.REJECTION_REPLY)
    assert reply.status == FollowUpStatus.SENT
    assert reply.recipient_name == "Dana Smith"
    check_in = application.followups.get(kind=Kind.KEEP_IN_TOUCH, sequence=1)
    assert check_in.recipient_name == "Sam Lee"


def test_correcting_to_a_form_letter_withdraws_the_reply(alice: User) -> None:
    application = application_for(alice)
    reject(application)
    run_jobs(application)

    reject(application, channel="automated", sender_name="")
    run_jobs(application)

    assert open_kinds(application) == [
        ("none", 1, "not_needed"),
        ("rejection_reply", 1, "cancelled"),
    ]


def test_an_email_is_taken_from_the_contacts_when_the_rejection_has_none(alice: User) -> None:
    application = application_for(alice)
    contact = contact_for(alice, name="Dana Smith")
    contact.applications.add(application)

    reject(application, sender_email="")
    run_jobs(application)

    assert application.followups.get().recipient_email == contact.email


def test_a_rejection_logged_late_is_reminded_right_after_the_proposal(
    alice: User, published: list[str], django_capture_on_commit_callbacks: object
) -> None:
    application = application_for(alice, days_ago=10)
    reject(application, received_at=timezone.now() - timedelta(days=3))
    job = application.proposal_jobs.get()
    published.clear()

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.proposal_job_run(job_id=job.pk)

    assert published == [services.REMINDERS_TASK]
    assert send_due_reminders() == 1


# Reminders --------------------------------------------------------------------------------


def _due_reply(user: User) -> FollowUp:
    application = application_for(user)
    reject(application, received_at=timezone.now() - timedelta(hours=30))
    run_jobs(application)
    return application.followups.get()


def test_a_due_reminder_notifies_in_app_and_by_email_once(alice: User) -> None:
    followup = _due_reply(alice)

    assert send_due_reminders() == 1
    assert send_due_reminders() == 0

    notes = Notification.objects.filter(data__followup=followup.pk)
    assert sorted(notes.values_list("channel", flat=True)) == [Channel.EMAIL, Channel.IN_APP]
    in_app = notes.get(channel=Channel.IN_APP)
    assert in_app.title == "Reply to the rejection \N{EM DASH} Backend Engineer at Acme"
    assert in_app.link.endswith(f"#followup-{followup.pk}")


def test_reminders_that_are_not_due_wait(alice: User) -> None:
    application = application_for(alice)
    reject(application)
    run_jobs(application)

    assert send_due_reminders() == 0
    # Past the 48-hour mark, and past any wait for a sensible local hour.
    later = timezone.now() + timedelta(days=4)
    assert send_due_reminders(now=later) == 2


def _act(followup: FollowUp, action: str) -> None:
    if action == "sent":
        services.followup_mark_sent(followup=followup)
    elif action == "skipped":
        services.followup_skip(followup=followup)
    else:
        services.followup_snooze(followup=followup, until=timezone.now() + timedelta(days=2))


@pytest.mark.parametrize("action", ["sent", "skipped", "snoozed"])
def test_reminders_stop_when_the_user_acts(alice: User, action: str) -> None:
    followup = _due_reply(alice)

    _act(followup, action)

    followup.refresh_from_db()
    assert followup.status == action
    assert send_due_reminders() == 0
    assert not Notification.objects.exists()


def test_a_snoozed_follow_up_comes_back_when_the_snooze_ends(alice: User) -> None:
    followup = _due_reply(alice)
    until = timezone.now() + timedelta(days=2)

    services.followup_snooze(followup=followup, until=until)

    assert send_due_reminders(now=until) == 1
    followup.refresh_from_db()
    assert followup.due_at == until


@pytest.mark.parametrize("action", ["sent", "skipped", "snoozed"])
def test_a_closed_follow_up_refuses_further_actions(alice: User, action: str) -> None:
    followup = _due_reply(alice)
    services.followup_skip(followup=followup)

    with pytest.raises(ValidationError):
        _act(followup, action)


def test_snoozing_into_the_past_is_refused(alice: User) -> None:
    followup = _due_reply(alice)

    with pytest.raises(ValidationError) as excinfo:
        services.followup_snooze(followup=followup, until=timezone.now() - timedelta(minutes=1))

    assert "until" in excinfo.value.message_dict


def test_the_user_can_stop_keeping_in_touch(alice: User) -> None:
    application = interviewed(alice)
    reject(application)
    run_jobs(application)

    assert services.followups_stop_keeping_in_touch(application=application) == 2
    assert set(
        application.followups.filter(kind=Kind.KEEP_IN_TOUCH).values_list("status", flat=True)
    ) == {"cancelled"}


def test_email_reminders_can_be_turned_off(alice: User) -> None:
    alice.email_reminders = False
    alice.save()
    _due_reply(alice)

    send_due_reminders()

    assert list(Notification.objects.values_list("channel", flat=True)) == [Channel.IN_APP]


# Beyond rejection -------------------------------------------------------------------------


def test_a_quiet_application_is_nudged_once_and_the_nudge_goes_when_it_moves(
    alice: User,
) -> None:
    application = application_for(alice, days_ago=8)

    assert services.followups_propose_nudges() == 1
    assert services.followups_propose_nudges() == 0
    nudge = application.followups.get(kind=Kind.APPLICATION_NUDGE)
    # A nudge is a new message, not a reply.
    assert nudge.subject == "My application: Backend Engineer at Acme"

    applications.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.WEB
    )
    nudge.refresh_from_db()
    assert nudge.status == FollowUpStatus.CANCELLED


def test_three_silent_weeks_ask_whether_it_is_ghosted(alice: User) -> None:
    application = application_for(alice, days_ago=22)

    services.followups_propose_nudges()

    # Three weeks on, a nudge's moment has passed: the ghost check asks instead.
    assert sorted(application.followups.values_list("kind", "sequence")) == [
        ("ghost_check", 1),
    ]


def test_a_quiet_screening_is_nudged_then_checked_for_ghosting(alice: User) -> None:
    application = application_for(alice, days_ago=40)
    applications.application_change_stage(
        application=application,
        to_stage=Stage.SCREENING,
        source=ChangeSource.WEB,
        at=timezone.now() - timedelta(days=8),
    )

    services.followups_propose_nudges()
    assert list(application.followups.values_list("kind", flat=True)) == ["application_nudge"]

    StageChange.objects.filter(application=application).update(
        at=timezone.now() - timedelta(days=25)
    )
    Application.objects.filter(pk=application.pk).update(
        stage_changed_at=timezone.now() - timedelta(days=25)
    )
    services.followups_propose_nudges()
    assert sorted(application.followups.values_list("kind", flat=True)) == [
        "application_nudge",
        "ghost_check",
    ]


def test_the_second_nudge_waits_until_the_first_is_dealt_with(alice: User) -> None:
    application = application_for(alice, days_ago=15)
    services.followups_propose_nudges()
    first = application.followups.get(kind=Kind.APPLICATION_NUDGE)

    services.followup_mark_sent(followup=first)
    services.followups_propose_nudges()

    assert list(
        application.followups.filter(kind=Kind.APPLICATION_NUDGE).values_list("sequence", "status")
    ) == [(1, "sent"), (2, "proposed")]


def test_logging_an_interview_proposes_a_thank_you_once(alice: User) -> None:
    application = application_for(alice)
    lee = contact_for(alice, name="Lee Park")

    interview = applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(hours=1),
        kind=InterviewKind.ONSITE,
        interviewers=[lee],
    )
    services.followups_propose_nudges()

    thank_you = FollowUp.objects.get(interview=interview)
    assert thank_you.kind == Kind.INTERVIEW_THANK_YOU
    assert thank_you.recipient_email == lee.email
    assert "Lee" in thank_you.body


def test_a_sweep_over_applications_already_followed_up_costs_next_to_nothing(
    alice: User, django_assert_max_num_queries: Any
) -> None:
    for i in range(12):
        application = application_for(alice, company=f"Quiet {i}", days_ago=22)
        FollowUp.objects.create(
            application=application, kind=Kind.GHOST_CHECK, reason="asked", status="skipped"
        )
        for sequence in (1, 2):
            FollowUp.objects.create(
                application=application,
                kind=Kind.APPLICATION_NUDGE,
                sequence=sequence,
                reason="nudged",
                status="sent",
            )

    with django_assert_max_num_queries(2):
        assert services.followups_propose_nudges() == 0
