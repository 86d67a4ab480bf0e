"""The stage history through the real services and database: random sequences of drags,
dated moves, rejections and undos keep it a chain; the web forms tell dated from undated;
the page says what a dated change re-dated."""

from datetime import timedelta
from itertools import pairwise

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import history, selectors, services
from tracker.applications.models import (
    STAGE_PROGRESS,
    Application,
    ChangeSource,
    Stage,
    StageChange,
)

pytestmark = pytest.mark.django_db

MOVABLE = [s for s in Stage.values if s != Stage.REJECTED]


def _assert_chain(application: Application) -> None:
    application.refresh_from_db()
    rows = list(StageChange.objects.filter(application=application).order_by("at", "id"))
    assert rows[0].from_stage == ""
    assert all(a.to_stage == b.from_stage for a, b in pairwise(rows)), rows
    assert [r.pk for r in rows] == sorted(r.pk for r in rows)
    assert rows[-1].to_stage == application.stage
    assert rows[-1].at == application.stage_changed_at
    assert application.furthest_stage == history.furthest_stage_of(r.to_stage for r in rows)


def test_the_pure_module_knows_the_models_progress() -> None:
    assert {str(k): v for k, v in STAGE_PROGRESS.items()} == history.PROGRESS


steps = st.lists(
    st.one_of(
        st.tuples(st.just("drag"), st.sampled_from(MOVABLE), st.just(0)),
        st.tuples(st.just("dated"), st.sampled_from(MOVABLE), st.integers(0, 24 * 25)),
        st.tuples(st.just("reject"), st.just(""), st.none() | st.integers(0, 24 * 25)),
        st.tuples(st.just("undo"), st.just(""), st.just(0)),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=steps)
def test_random_moves_through_the_services_keep_the_chain(
    alice: User, sequence: list[tuple[str, str, int | None]]
) -> None:
    application = application_for(alice, days_ago=30)
    for kind, stage, hours in sequence:
        at = None if hours is None else timezone.now() - timedelta(hours=hours)
        try:
            if kind == "drag":
                services.application_change_stage(
                    application=application, to_stage=stage, source=ChangeSource.BOARD
                )
            elif kind == "dated":
                services.application_change_stage(
                    application=application, to_stage=stage, source=ChangeSource.WEB, at=at
                )
            elif kind == "reject":
                services.application_reject(
                    application=application, source=ChangeSource.WEB, received_at=at
                )
            elif application.stage == Stage.REJECTED:
                last = application.history.order_by("-at", "-id")[0]
                services.application_change_stage(
                    application=application, to_stage=last.from_stage, source=ChangeSource.BOARD
                )
        except ValidationError:
            pass
        _assert_chain(application)


def test_the_issue_story_reads_in_order(alice: User) -> None:
    """Applied 15 Oct, dragged to Interviewing today, rejected "received 10 days ago"."""
    application = application_for(alice, days_ago=47)
    services.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.BOARD
    )
    received = timezone.now() - timedelta(days=10)

    rejection = services.application_reject(
        application=application, source=ChangeSource.WEB, received_at=received
    )

    timeline = list(selectors.application_history(application=application))
    assert [(c.from_stage, c.to_stage) for c in timeline] == [
        ("", Stage.APPLIED),
        (Stage.APPLIED, Stage.INTERVIEWING),
        (Stage.INTERVIEWING, Stage.REJECTED),
    ]
    assert timeline[1].at == timeline[2].at == received
    assert "Re-dated Applied → Interviewing" in rejection.adjusted[0]
    application.refresh_from_db()
    assert (application.stage, application.furthest_stage) == (
        Stage.REJECTED,
        Stage.INTERVIEWING,
    )
    assert application.stage_changed_at == received


def test_undo_then_reject_again_keeps_one_rejection(alice: User) -> None:
    application = application_for(alice, days_ago=30)
    services.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.BOARD
    )
    received = timezone.now() - timedelta(days=3)
    services.application_reject(
        application=application, source=ChangeSource.WEB, received_at=received
    )
    services.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.BOARD
    )

    services.application_reject(
        application=application, source=ChangeSource.WEB, received_at=received
    )

    rows = list(selectors.application_history(application=application))
    assert [r.to_stage for r in rows] == [Stage.APPLIED, Stage.INTERVIEWING, Stage.REJECTED]
    _assert_chain(application)


def test_applied_on_cannot_move_after_the_rejection(alice: User) -> None:
    application = application_for(alice, days_ago=30)
    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        received_at=timezone.now() - timedelta(days=10),
    )

    with pytest.raises(ValidationError) as refused:
        services.application_update(
            application=application, applied_on=timezone.localdate() - timedelta(days=5)
        )

    assert "cannot start after Applied → Rejected" in refused.value.message_dict["applied_on"][0]
    application.refresh_from_db()
    assert application.applied_on == timezone.localdate() - timedelta(days=30)


def test_an_earlier_applied_on_moves_the_start_of_the_history(alice: User) -> None:
    application = application_for(alice, days_ago=10)
    earlier = timezone.localdate() - timedelta(days=20)

    services.application_update(application=application, applied_on=earlier)

    start = application.history.order_by("at", "id")[0]
    assert timezone.localtime(start.at, alice.zone).date() == earlier
    _assert_chain(application)


def _local(moment: object) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%dT%H:%M}"  # type: ignore[arg-type]


def test_the_rejection_form_kept_as_shown_dates_nothing(alice_client: Client, alice: User) -> None:
    application = application_for(alice, days_ago=30)
    url = reverse("application_reject", args=[application.pk])
    shown = _local(timezone.now())

    alice_client.post(
        url,
        {
            "channel": "automated",
            "sender_role": "unknown",
            "received_at": shown,
            "shown_received_at": shown,
        },
    )

    change = application.history.get(to_stage=Stage.REJECTED)
    assert not change.dated


def test_a_dated_rejection_on_the_form_says_what_it_re_dated(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice, days_ago=30)
    services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.BOARD
    )
    url = reverse("application_reject", args=[application.pk])

    response = alice_client.post(
        url,
        {
            "channel": "automated",
            "sender_role": "unknown",
            "received_at": _local(timezone.now() - timedelta(days=4)),
            "shown_received_at": _local(timezone.now()),
        },
        follow=True,
    )

    assert "Re-dated Applied → Screening" in response.content.decode()
    assert application.history.get(to_stage=Stage.REJECTED).dated
    _assert_chain(application)


def test_a_dated_change_before_a_dated_one_is_refused_on_the_page(
    alice_client: Client, alice: User
) -> None:
    application = application_for(alice, days_ago=30)
    move = reverse("application_change_stage", args=[application.pk])
    alice_client.post(
        move, {"stage": Stage.SCREENING, "at": _local(timezone.now() - timedelta(days=3))}
    )

    response = alice_client.post(
        move, {"stage": Stage.INTERVIEWING, "at": _local(timezone.now() - timedelta(days=6))}
    )

    assert response.status_code == 400
    assert "which you dated yourself" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == Stage.SCREENING


def test_insights_and_history_csv_read_the_story_in_order(alice: User) -> None:
    """The issue's story once more: history.csv shows nothing after the rejection, and the
    wait for a first answer is the real 37 days, not a fraction of one."""
    from tracker.applications.filters import ApplicationFilters
    from tracker.exports.selectors import export_history_rows
    from tracker.insights.selectors import insights_durations

    application = application_for(alice, days_ago=47)
    services.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.BOARD
    )
    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        received_at=timezone.now() - timedelta(days=10),
    )

    rows = list(export_history_rows(user=alice, filters=ApplicationFilters()))
    moves = [(row[4], row[5]) for row in rows]
    assert moves == [
        ("", Stage.APPLIED),
        (Stage.APPLIED, Stage.INTERVIEWING),
        (Stage.INTERVIEWING, Stage.REJECTED),
    ]
    durations = insights_durations(user=alice)
    assert durations.to_response is not None
    assert 36 <= durations.to_response.median_days <= 38


def test_the_migration_marks_rows_the_user_back_dated(alice: User) -> None:
    """Rows from before the flag: back-dated ones (at far from recorded_at) are dated."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "tracker.applications.migrations.0005_stage_history_dated_interview_moved"
    )
    application = application_for(alice, days_ago=20)
    services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.BOARD
    )
    services.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.WEB
    )
    StageChange.objects.update(dated=False)
    StageChange.objects.filter(to_stage=Stage.INTERVIEWING).update(
        at=timezone.now() - timedelta(days=1)
    )

    migration.mark_dated(apps, None)

    dated = dict(StageChange.objects.values_list("to_stage", "dated"))
    assert dated == {Stage.APPLIED: True, Stage.SCREENING: False, Stage.INTERVIEWING: True}
