"""An honest timeline, at any hour in any time zone: an application whose date applied the
user never gave starts at its earliest dated fact; a rejection's date, however it was
given, is the history's; a past interview dates the move to its stage; the history stays
a chain (SPEC section 1, "Stage history")."""

import csv
import importlib
import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from tests.factories import api_client_for, make_user
from tests.pages import streamed
from tracker.accounts.models import User
from tracker.applications import history, services
from tracker.applications.models import (
    Application,
    ChangeSource,
    InterviewKind,
    Rejection,
    Stage,
    StageChange,
)
from tracker.core.clock import start_of_local_day

pytestmark = pytest.mark.django_db

ZONES = ["UTC", "Pacific/Auckland", "America/Los_Angeles"]
# Just after midnight and just before it, in UTC: the hours a "today" goes wrong.
HOURS = [time(0, 30), time(23, 30)]
DAY = date(2026, 12, 7)


@pytest.fixture(params=[(z, h) for z in ZONES for h in HOURS], ids=lambda p: f"{p[0]}-{p[1]}")
def clock(request: pytest.FixtureRequest) -> Iterator[tuple[ZoneInfo, datetime]]:
    """The user's zone, and now, frozen at one of the awkward hours of UTC."""
    name, hour = request.param
    now = datetime.combine(DAY, hour, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        yield ZoneInfo(name), now


def _user(zone: ZoneInfo, name: str = "alice") -> User:
    return make_user(username=name, full_name="Alice Martin", time_zone=str(zone))


def _chain(application: Application) -> list[StageChange]:
    application.refresh_from_db()
    rows = list(StageChange.objects.filter(application=application).order_by("at", "id"))
    assert rows[0].from_stage == ""
    assert all(a.to_stage == b.from_stage for a, b in pairwise(rows)), rows
    assert [r.pk for r in rows] == sorted(r.pk for r in rows)
    assert rows[-1].to_stage == application.stage
    assert rows[-1].at == application.stage_changed_at
    assert application.furthest_stage == history.furthest_stage_of(r.to_stage for r in rows)
    return rows


def _last_evening(zone: ZoneInfo, now: datetime) -> datetime:
    """22:40 the evening before today, in the user's zone."""
    today = timezone.localdate(now, zone)
    return datetime.combine(today - timedelta(days=1), time(22, 40), tzinfo=zone)


# 1. An undated start yields.


def test_an_undated_application_takes_last_nights_rejection(
    clock: tuple[ZoneInfo, datetime],
) -> None:
    zone, now = clock
    alice = _user(zone)
    api = api_client_for(alice)
    created = api.post(reverse("api:application-list"), {"company": "Acme", "role": "Engineer"})
    assert created.status_code == 201, created.json()
    url = reverse("api:application-reject", args=[created.json()["id"]])
    received = _last_evening(zone, now)

    response = api.post(url, {"received_at": received.isoformat(), "channel": "automated"})

    assert response.status_code == 200, response.json()
    assert response.json()["applied_on"] == (received.date()).isoformat()
    assert response.json()["applied_on_stated"] is False
    application = Application.objects.get()
    rows = _chain(application)
    assert rows[0].at == start_of_local_day(received.date(), zone)
    assert rows[-1].at == received == application.rejection.received_at


def test_an_undated_application_takes_a_rejection_of_last_week(
    clock: tuple[ZoneInfo, datetime],
) -> None:
    zone, now = clock
    alice = _user(zone)
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    services.application_change_stage(
        application=application, to_stage=Stage.SCREENING, source=ChangeSource.BOARD
    )
    a_week_ago = now - timedelta(days=7)

    rejection = services.application_reject(
        application=application, source=ChangeSource.WEB, received_at=a_week_ago
    )

    day = timezone.localdate(a_week_ago, zone)
    assert f"Applied date set to {day.day} {day:%b %Y}, from the rejection." in rejection.adjusted
    assert any(words.startswith("Re-dated Applied → Screening") for words in rejection.adjusted)
    rows = _chain(application)
    assert application.applied_on == day
    assert not application.applied_on_stated
    assert [r.at for r in rows] == [start_of_local_day(day, zone), a_week_ago, a_week_ago]


def test_a_typed_date_applied_refuses_a_rejection_before_it_naming_it(
    clock: tuple[ZoneInfo, datetime],
) -> None:
    zone, now = clock
    alice = _user(zone)
    today = timezone.localdate(now, zone)
    application = services.application_create(
        owner=alice, company_name="Acme", role="Engineer", applied_on=today
    )

    with pytest.raises(ValidationError) as refused:
        services.application_reject(
            application=application, source=ChangeSource.WEB, received_at=_last_evening(zone, now)
        )

    # The service calls the moment `at`; the form and the API call it received_at.
    assert "before the application started" in refused.value.message_dict["at"][0]
    assert application.applied_on_stated
    assert not Rejection.objects.exists()
    assert application.history.count() == 1


def test_the_add_form_left_at_todays_date_states_nothing(alice: User, alice_client: Client) -> None:
    today = timezone.localdate()
    form = {"company": "Acme", "role": "Engineer", "stage": "applied", "source": "job_board"}
    shown = {"applied_on": today.isoformat(), "shown_applied_on": today.isoformat()}
    typed = {"applied_on": (today - timedelta(days=3)).isoformat(), "shown_applied_on": ""}

    alice_client.post(reverse("application_create"), {**form, **shown})
    alice_client.post(reverse("application_create"), {**form, **typed, "role": "Designer"})

    assert not Application.objects.get(role="Engineer").applied_on_stated
    assert Application.objects.get(role="Designer").applied_on_stated
    response = alice_client.get(reverse("application_create"))
    assert f'name="shown_applied_on" value="{today.isoformat()}"' in response.content.decode()


def test_typing_a_date_applied_later_states_it(alice: User) -> None:
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    earlier = timezone.localdate() - timedelta(days=4)

    services.application_update(application=application, applied_on=earlier)

    application.refresh_from_db()
    assert application.applied_on_stated
    start = application.history.get()
    assert start.dated
    assert start.at == start_of_local_day(earlier, alice.zone)
    with pytest.raises(ValidationError):
        services.application_reject(
            application=application,
            source=ChangeSource.WEB,
            received_at=timezone.now() - timedelta(days=6),
        )


# 2. One date everywhere.

PASTED = (
    "From: Dana Smith <dana@acme.example>\nTo: alice@example.com\n"
    "Date: Fri, 4 Dec 2026 16:42:00 +0000\nSubject: Your application\n\n"
    "Hi Alice,\n\nThank you for meeting the team. We decided to go with another "
    "candidate.\n\nBest,\nDana Smith\nEngineering Manager\n"
)
RECEIVED = datetime(2026, 12, 4, 16, 42, tzinfo=UTC)


def _csv(client: Client, name: str) -> list[dict[str, str]]:
    response = client.get(reverse(name))
    return list(csv.DictReader(io.StringIO(streamed(response).decode("utf-8"))))


def test_a_pasted_emails_date_is_the_historys_date(clock: tuple[ZoneInfo, datetime]) -> None:
    zone, _now = clock
    alice = _user(zone)
    client = Client()
    client.force_login(alice)
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    url = reverse("application_reject", args=[application.pk])
    read = client.post(url, {"message": PASTED, "channel": "unknown", "read_message": "1"})
    form = read.context["form"]
    # What the browser sends back: every field as the form shows it, saved unchanged.
    sent = {name: form[name].value() or "" for name in form.fields}
    # The time as the page shows it, in the user's zone.
    shown = re.search(r'name="received_at" value="([^"]+)"', read.content.decode())
    assert shown is not None
    sent["received_at"] = shown.group(1)

    saved = client.post(url, sent)

    assert saved.status_code == 302, saved.context["form"].errors
    application.refresh_from_db()
    rows = _chain(application)
    assert rows[-1].at == RECEIVED == application.rejection.received_at
    assert application.stage_changed_at == RECEIVED
    local = timezone.localtime(RECEIVED, zone)
    board = client.get(reverse("dashboard")).content.decode()
    assert f"In this stage since {local.day} {local:%b %Y}" in board
    (row,) = _csv(client, "export_applications")
    assert row["rejected_on"] == local.date().isoformat()
    rejected = [r for r in _csv(client, "export_history") if r.get("to") == "rejected"]
    assert [r["at"][:10] for r in rejected] == [local.date().isoformat()]


def test_the_apis_received_at_defaults_to_the_messages_date(alice: User) -> None:
    api = api_client_for(alice)
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")

    response = api.post(
        reverse("api:application-reject", args=[application.pk]), {"message": PASTED}
    )

    assert response.status_code == 200, response.json()
    application.refresh_from_db()
    assert application.rejection.received_at == RECEIVED == application.stage_changed_at
    assert _chain(application)[-1].dated


def test_without_a_date_in_the_message_it_is_now(alice: User, alice_api: APIClient) -> None:
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    before = timezone.now()

    response = alice_api.post(
        reverse("api:application-reject", args=[application.pk]),
        {"message": "We went with someone else. The Talent Team"},
    )

    assert response.status_code == 200
    application.refresh_from_db()
    assert application.rejection.received_at >= before
    assert application.rejection.received_at == application.stage_changed_at


def test_saving_the_details_again_keeps_the_date(alice: User, alice_api: APIClient) -> None:
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    url = reverse("api:application-reject", args=[application.pk])
    alice_api.post(url, {"message": PASTED})

    alice_api.post(url, {"channel": "personal_email", "sender_name": "Dana Smith"})

    application.refresh_from_db()
    assert application.rejection.received_at == RECEIVED == application.stage_changed_at


# 3. Interviews date their moves.


def test_a_past_interview_dates_the_quick_move_to_interviewing(
    clock: tuple[ZoneInfo, datetime],
) -> None:
    zone, now = clock
    alice = _user(zone)
    application = services.application_create(
        owner=alice, company_name="Acme", role="Engineer", applied_on=date(2026, 10, 20)
    )
    services.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.BOARD
    )
    onsite = datetime(2026, 11, 26, 10, tzinfo=zone)
    phone = datetime(2026, 11, 5, 10, tzinfo=zone)

    logged = services.interview_create(
        application=application, scheduled_at=onsite, kind=InterviewKind.ONSITE
    )
    services.interview_create(
        application=application, scheduled_at=phone, kind=InterviewKind.PHONE_SCREEN
    )
    services.application_reject(
        application=application, source=ChangeSource.WEB, received_at=now - timedelta(days=3)
    )

    assert any("Re-dated Applied → Interviewing" in words for words in logged.adjusted)
    rows = _chain(application)
    assert [(r.to_stage, r.at) for r in rows[1:]] == [
        (Stage.INTERVIEWING, onsite),
        (Stage.REJECTED, now - timedelta(days=3)),
    ]
    assert application.stage_changed_at == now - timedelta(days=3)


def test_a_dated_move_stands_and_an_interview_before_it_is_refused_naming_it(alice: User) -> None:
    application = services.application_create(
        owner=alice,
        company_name="Acme",
        role="Engineer",
        applied_on=timezone.localdate() - timedelta(days=30),
    )
    dated = timezone.now() - timedelta(days=10)
    services.application_change_stage(
        application=application, to_stage=Stage.INTERVIEWING, source=ChangeSource.WEB, at=dated
    )

    services.interview_create(
        application=application,
        scheduled_at=dated + timedelta(days=2),
        kind=InterviewKind.ONSITE,
    )
    with pytest.raises(ValidationError) as refused:
        services.interview_create(
            application=application,
            scheduled_at=dated - timedelta(days=5),
            kind=InterviewKind.TECHNICAL,
        )

    message = refused.value.message_dict["scheduled_at"][0]
    assert "Applied → Interviewing" in message
    assert "which you dated yourself" in message
    assert application.interviews.count() == 1
    assert _chain(application)[-1].at == dated


def test_an_interview_before_an_undated_start_moves_the_start(
    clock: tuple[ZoneInfo, datetime],
) -> None:
    zone, now = clock
    alice = _user(zone)
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    call = now - timedelta(days=9)

    interview = services.interview_create(
        application=application, scheduled_at=call, kind=InterviewKind.PHONE_SCREEN
    )

    day = timezone.localdate(call, zone)
    assert f"Applied date set to {day.day} {day:%b %Y}, from the interview." in interview.adjusted
    rows = _chain(application)
    assert application.applied_on == day
    assert [(r.to_stage, r.at) for r in rows] == [
        (Stage.APPLIED, start_of_local_day(day, zone)),
        (Stage.SCREENING, call),
    ]


# The property: random facts, dated and undated, at any hour in any zone, end in a chain.

FACT = st.one_of(
    st.tuples(st.just("drag"), st.sampled_from([s for s in Stage.values if s != "rejected"])),
    st.tuples(st.just("dated"), st.sampled_from([s for s in Stage.values if s != "rejected"])),
    st.tuples(st.just("reject"), st.booleans()),
    st.tuples(st.just("interview"), st.sampled_from(InterviewKind.values)),
    st.tuples(st.just("undo"), st.just("")),
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    zone=st.sampled_from([*ZONES, "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago"]),
    minute_of_day=st.integers(0, 24 * 60 - 1),
    stated=st.booleans(),
    facts=st.lists(st.tuples(FACT, st.integers(0, 24 * 20), st.integers(0, 600)), max_size=8),
)
def test_random_facts_at_any_hour_in_any_zone_end_in_a_chain(
    db: None,
    zone: str,
    minute_of_day: int,
    stated: bool,
    facts: list[tuple[tuple[str, str | bool], int, int]],
) -> None:
    now = datetime.combine(DAY, time(), tzinfo=UTC) + timedelta(minutes=minute_of_day)
    with time_machine.travel(now, tick=False) as traveller:
        alice = User.objects.filter(username="alice").first() or _user(ZoneInfo(zone))
        alice.time_zone = zone
        alice.save()
        today = timezone.localdate(timezone.now(), alice.zone)
        application = services.application_create(
            owner=alice,
            company_name="Acme",
            role="Engineer",
            applied_on=today - timedelta(days=10) if stated else None,
        )
        for (kind, what), hours_back, minutes_later in facts:
            traveller.shift(timedelta(minutes=minutes_later))
            at = timezone.now() - timedelta(hours=hours_back)
            try:
                if kind == "drag":
                    services.application_change_stage(
                        application=application, to_stage=str(what), source=ChangeSource.BOARD
                    )
                elif kind == "dated":
                    services.application_change_stage(
                        application=application, to_stage=str(what), source=ChangeSource.WEB, at=at
                    )
                elif kind == "reject":
                    services.application_reject(
                        application=application,
                        source=ChangeSource.API,
                        received_at=at if what else None,
                    )
                elif kind == "interview":
                    services.interview_create(
                        application=application, scheduled_at=at, kind=str(what)
                    )
                elif application.stage == Stage.REJECTED:
                    services.application_change_stage(
                        application=application, to_stage=Stage.APPLIED, source=ChangeSource.WEB
                    )
            except ValidationError:
                pass
            rows = _chain(application)
            assert all(r.at <= timezone.now() for r in rows)
            if application.stage == Stage.REJECTED:
                assert application.rejection.received_at == rows[-1].at
            if not application.applied_on_stated:
                assert not rows[0].dated
                assert application.applied_on == timezone.localdate(rows[0].at, alice.zone)
            else:
                assert application.applied_on == today - timedelta(days=10)
                assert rows[0].at == start_of_local_day(application.applied_on, alice.zone)
        application.delete()


def test_rounds_logged_newest_first_date_the_move_by_the_earliest(alice: User) -> None:
    application = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    second = timezone.now() - timedelta(days=2)
    first = timezone.now() - timedelta(days=6)

    services.interview_create(
        application=application, scheduled_at=second, kind=InterviewKind.TECHNICAL
    )
    services.interview_create(application=application, scheduled_at=first, kind=InterviewKind.FINAL)

    rows = _chain(application)
    assert [(r.to_stage, r.at) for r in rows[1:]] == [(Stage.INTERVIEWING, first)]
    assert application.applied_on == timezone.localdate(first, alice.zone)


def test_the_migration_takes_each_existing_applications_answer_from_its_history(
    alice: User,
) -> None:
    migration = importlib.import_module(
        "tracker.applications.migrations.0016_application_applied_on_stated"
    )
    undated = services.application_create(owner=alice, company_name="Acme", role="Engineer")
    typed = services.application_create(
        owner=alice, company_name="Acme", role="Designer", applied_on=timezone.localdate()
    )
    wished = services.application_create(
        owner=alice, company_name="Acme", role="Writer", stage=Stage.WISHLIST
    )
    # As the column's default leaves every row there was.
    Application.objects.update(applied_on_stated=True)

    migration.stated_from_history(django_apps, None)

    stated = dict(Application.objects.values_list("pk", "applied_on_stated"))
    assert stated == {undated.pk: False, typed.pk: True, wished.pk: False}
