"""Stage changes and their history: the record everything else is derived from."""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import application_for, contact_for
from tracker.accounts.models import User
from tracker.applications import selectors, services
from tracker.applications.models import (
    Application,
    ChangeSource,
    Company,
    Interview,
    InterviewKind,
    Rejection,
    Stage,
    StageChange,
)
from tracker.mail.vocabulary import RejectionChannel, SenderRole

pytestmark = pytest.mark.django_db


def _history(application: Application) -> list[tuple[str, str, str]]:
    return [
        (c.from_stage, c.to_stage, c.source)
        for c in selectors.application_history(application=application)
    ]


def test_creating_an_application_records_where_it_started(alice: User) -> None:
    application = application_for(alice, days_ago=3)

    assert _history(application) == [("", Stage.APPLIED, ChangeSource.WEB)]
    start = application.history.get()
    assert timezone.localtime(start.at, alice.zone).date() == application.applied_on
    assert application.stage_changed_at == start.at


def test_a_stage_change_writes_history_and_moves_the_application(alice: User) -> None:
    application = application_for(alice)

    change = services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.BOARD
    )

    assert change is not None
    application.refresh_from_db()
    assert application.stage == Stage.SCREENING
    assert application.stage_changed_at == change.at
    assert _history(application)[-1] == (Stage.APPLIED, Stage.SCREENING, ChangeSource.BOARD)


def test_moving_to_the_current_stage_writes_nothing(alice: User) -> None:
    application = application_for(alice)

    assert (
        services.application_change_stage(
            application=application, to_stage=Stage.APPLIED, source=ChangeSource.WEB
        )
        is None
    )
    assert application.history.count() == 1


def test_a_change_can_be_back_dated_and_falls_into_place(alice: User) -> None:
    """A dated change before an undated move (a drag) re-dates the drag: the history stays
    a chain in time order."""
    application = application_for(alice, days_ago=20)
    now = timezone.now()
    services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.BOARD
    )
    monday = now - timedelta(days=5)

    change = services.application_change_stage(
        application=application, to_stage=Stage.REJECTED, source=ChangeSource.WEB, at=monday
    )

    timeline = list(selectors.application_history(application=application))
    assert [c.to_stage for c in timeline] == [Stage.APPLIED, Stage.SCREENING, Stage.REJECTED]
    assert [c.at for c in timeline][1:] == [monday, monday]
    assert change is not None
    assert "Applied → Screening" in change.adjusted[0]
    application.refresh_from_db()
    assert application.stage == Stage.REJECTED
    assert application.stage_changed_at == monday


def test_a_change_dated_before_a_dated_move_is_refused_naming_it(alice: User) -> None:
    application = application_for(alice, days_ago=20)
    now = timezone.now()
    services.application_change_stage(
        application=application,
        to_stage=Stage.SCREENING,
        source=ChangeSource.WEB,
        at=now - timedelta(days=2),
    )

    with pytest.raises(ValidationError) as refused:
        services.application_change_stage(
            application=application,
            to_stage=Stage.REJECTED,
            source=ChangeSource.WEB,
            at=now - timedelta(days=5),
        )

    assert "before Applied → Screening" in refused.value.message_dict["at"][0]
    application.refresh_from_db()
    assert application.stage == Stage.SCREENING


def test_a_change_in_the_future_is_refused(alice: User) -> None:
    application = application_for(alice)

    with pytest.raises(ValidationError) as excinfo:
        services.application_change_stage(
            application=application,
            to_stage=Stage.SCREENING,
            source=ChangeSource.WEB,
            at=timezone.now() + timedelta(hours=1),
        )

    assert "at" in excinfo.value.message_dict
    assert application.history.count() == 1


def test_an_unknown_stage_is_refused(alice: User) -> None:
    application = application_for(alice)

    with pytest.raises(ValidationError):
        services.application_change_stage(
            application=application, to_stage="hired", source=ChangeSource.WEB
        )
    assert application.history.count() == 1


def test_rejection_after_interviews_keeps_how_far_it_got(alice: User) -> None:
    application = application_for(alice)
    for stage in (Stage.SCREENING, Stage.INTERVIEWING):
        services.application_change_stage(
            application=application, to_stage=stage, source=ChangeSource.WEB
        )

    services.application_reject(application=application, source=ChangeSource.WEB)

    application.refresh_from_db()
    assert application.stage == Stage.REJECTED
    assert application.furthest_stage == Stage.INTERVIEWING


def test_undoing_a_mistaken_offer_does_not_rewrite_history(alice: User) -> None:
    application = application_for(alice)
    services.application_change_stage(
        application=application, to_stage=Stage.OFFER, source=ChangeSource.WEB
    )
    services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.WEB
    )

    application.refresh_from_db()
    assert application.furthest_stage == Stage.OFFER
    assert application.history.count() == 3


@pytest.mark.parametrize(
    ("stages", "furthest"),
    [
        ([], Stage.APPLIED),
        ([Stage.WISHLIST], Stage.WISHLIST),
        ([Stage.WISHLIST, Stage.REJECTED], Stage.WISHLIST),
        ([Stage.APPLIED, Stage.GHOSTED], Stage.APPLIED),
        ([Stage.APPLIED, Stage.INTERVIEWING, Stage.SCREENING], Stage.INTERVIEWING),
        ([Stage.OFFER, Stage.ACCEPTED, Stage.WITHDRAWN], Stage.ACCEPTED),
    ],
)
def test_furthest_stage_is_the_most_advanced_in_history(stages: list[str], furthest: str) -> None:
    assert services.furthest_stage_of(stages) == furthest


def test_rejecting_stores_the_details(alice: User) -> None:
    application = application_for(alice)
    received = timezone.now() - timedelta(days=1)

    rejection = services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel=RejectionChannel.PERSONAL_EMAIL,
        sender_role=SenderRole.HIRING_MANAGER,
        sender_name="  Dana Smith ",
        sender_email="dana@acme.example",
        received_at=received,
        message="Thank you for your time.",
    )

    assert rejection.sender_name == "Dana Smith"
    change = application.history.get(to_stage=Stage.REJECTED)
    assert change.at == received


def test_rejecting_twice_updates_the_details_and_writes_one_change(alice: User) -> None:
    application = application_for(alice)
    services.application_reject(application=application, source=ChangeSource.WEB)

    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel=RejectionChannel.PHONE,
        sender_name="Dana",
    )

    assert application.history.filter(to_stage=Stage.REJECTED).count() == 1
    assert Rejection.objects.get(application=application).channel == RejectionChannel.PHONE


def test_a_rejection_with_a_bad_email_saves_nothing(alice: User) -> None:
    application = application_for(alice)

    with pytest.raises(ValidationError):
        services.application_reject(
            application=application, source=ChangeSource.WEB, sender_email="not an email"
        )

    application.refresh_from_db()
    assert application.stage == Stage.APPLIED
    assert not Rejection.objects.exists()
    assert application.history.count() == 1


def test_logging_an_interview_moves_an_early_application_on(alice: User) -> None:
    application = application_for(alice)
    contact = contact_for(alice)

    interview = services.interview_create(
        application=application,
        scheduled_at=timezone.now() + timedelta(days=2),
        kind=InterviewKind.TECHNICAL,
        interviewers=[contact],
    )

    application.refresh_from_db()
    assert list(interview.interviewers.all()) == [contact]
    # Booked for later: nothing moves before it happens.
    assert application.stage == Stage.APPLIED

    # Two days later, it has taken place.
    held = timezone.now() - timedelta(minutes=1)
    Interview.objects.filter(pk=interview.pk).update(scheduled_at=held)
    interview.refresh_from_db()
    services.interviews_move_stages()

    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEWING
    assert application.stage_changed_at == interview.scheduled_at


def test_logging_an_interview_leaves_a_later_stage_alone(alice: User) -> None:
    application = application_for(alice)
    services.application_change_stage(
        application=application, to_stage=Stage.OFFER, source=ChangeSource.WEB
    )

    services.interview_create(
        application=application, scheduled_at=timezone.now(), kind=InterviewKind.FINAL
    )

    application.refresh_from_db()
    assert application.stage == Stage.OFFER


def test_an_interview_cannot_name_someone_elses_contact(alice: User, bob: User) -> None:
    application = application_for(alice)

    with pytest.raises(ValidationError):
        services.interview_create(
            application=application,
            scheduled_at=timezone.now(),
            kind=InterviewKind.ONSITE,
            interviewers=[contact_for(bob)],
        )
    assert not application.interviews.exists()


def test_companies_are_reused_whatever_their_capitalisation(alice: User, bob: User) -> None:
    first = application_for(alice, company="Acme Corp")
    second = application_for(alice, company="  acme   corp ")
    bobs = application_for(bob, company="Acme Corp")

    assert first.company_id == second.company_id
    assert bobs.company_id != first.company_id


def test_salary_range_must_be_ordered(alice: User) -> None:
    with pytest.raises(ValidationError) as excinfo:
        application_for(alice, salary_min=90_000, salary_max=60_000)

    assert "salary_max" in excinfo.value.message_dict
    assert not Application.objects.exists()


def test_deleting_the_last_application_of_a_company_drops_the_company(alice: User) -> None:
    application = application_for(alice, company="Solo Ltd")

    services.application_delete(application=application)

    assert not Company.objects.filter(name="Solo Ltd").exists()
    assert not StageChange.objects.exists()


def test_stage_counts_list_every_stage_and_only_the_owners(alice: User, bob: User) -> None:
    application_for(alice)
    application_for(alice, company="Globex")
    application_for(bob)

    counts = selectors.application_stage_counts(user=alice)

    assert list(counts) == Stage.values
    assert counts[Stage.APPLIED] == 2
    assert sum(counts.values()) == 2


def test_search_matches_company_role_and_notes(alice: User) -> None:
    application_for(alice, company="Initech", role="Data Analyst")
    application_for(alice, company="Globex", role="Designer", notes="Met them at PyCon")

    def found(text: str) -> list[str]:
        filters = selectors.ApplicationFilters(search=text)
        return [a.company.name for a in selectors.application_list(user=alice, filters=filters)]

    assert found("initech") == ["Initech"]
    assert found("analyst") == ["Initech"]
    assert found("pycon") == ["Globex"]
    assert found("pycon initech") == []


def test_a_change_dated_before_the_application_started_is_refused(alice: User) -> None:
    application = application_for(alice, days_ago=3)

    with pytest.raises(ValidationError) as excinfo:
        services.application_change_stage(
            application=application,
            to_stage=Stage.SCREENING,
            source=ChangeSource.WEB,
            at=timezone.now() - timedelta(days=5),
        )

    assert "before the application started" in str(excinfo.value)
    assert application.history.count() == 1


def test_a_time_typed_in_the_minute_the_application_started_falls_after_the_start(
    alice: User,
) -> None:
    application = services.application_create(
        owner=alice, company_name="Acme", role="Engineer", source_of_change=ChangeSource.WEB
    )
    start = application.history.get().at
    typed = start.replace(second=0, microsecond=0)  # what a form, to the minute, sends back

    change = services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.WEB, at=typed
    )

    assert change is not None
    assert change.at == start
    assert [c.to_stage for c in application.history.all()] == [Stage.APPLIED, Stage.SCREENING]
    with pytest.raises(ValidationError):
        services.application_change_stage(
            application=application,
            to_stage=Stage.OFFER,
            source=ChangeSource.WEB,
            at=typed - timedelta(seconds=1),
        )


def test_a_rejection_the_same_day_as_applying_falls_after_the_start(alice: User) -> None:
    application = application_for(alice, days_ago=2)
    assert application.applied_on is not None
    morning = datetime.combine(application.applied_on, time(9), tzinfo=alice.zone)

    services.application_reject(
        application=application, source=ChangeSource.WEB, received_at=morning
    )

    assert [c.to_stage for c in selectors.application_history(application=application)] == [
        Stage.APPLIED,
        Stage.REJECTED,
    ]


def test_correcting_when_a_rejection_arrived_redates_it_in_the_timeline(alice: User) -> None:
    application = application_for(alice, days_ago=9)
    services.application_reject(application=application, source=ChangeSource.WEB)
    earlier = timezone.now() - timedelta(days=3)

    services.application_reject(
        application=application, source=ChangeSource.WEB, received_at=earlier
    )

    application.refresh_from_db()
    assert application.history.get(to_stage=Stage.REJECTED).at == earlier
    assert application.stage_changed_at == earlier
    assert application.history.count() == 2


def test_a_note_over_its_limit_is_refused_by_the_service_and_nothing_is_saved(
    alice: User,
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.application_create(
            owner=alice,
            company_name="Acme",
            role="Backend Engineer",
            notes="n" * 20_001,
            source_of_change=ChangeSource.WEB,
        )

    assert "notes" in refused.value.message_dict
    assert not Application.objects.exists()
