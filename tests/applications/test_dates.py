"""One home for plausible dates (core.dates), applied by every way in: forms, API,
services and the board's cursor. No way in stores a date that some page cannot show."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import Application, ChangeSource, InterviewKind, Stage
from tracker.core import dates
from tracker.imports.rows import CellError, parse_date, parse_moment

pytestmark = pytest.mark.django_db

LIST = reverse("api:application-list")
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("check", "value", "refused"),
    [
        (dates.check_past_moment, datetime(1969, 12, 31, 23, tzinfo=UTC), True),
        (dates.check_past_moment, datetime(1970, 1, 1, tzinfo=UTC), False),
        (dates.check_past_moment, NOW + timedelta(minutes=4), False),
        (dates.check_past_moment, NOW + timedelta(minutes=6), True),
        (dates.check_future_moment, NOW + timedelta(days=700), False),
        (dates.check_future_moment, NOW + timedelta(days=800), True),
        (dates.check_future_moment, datetime(9999, 12, 31, tzinfo=ZoneInfo("Asia/Tokyo")), True),
        (dates.check_future_moment, datetime(1, 1, 1, tzinfo=ZoneInfo("Asia/Tokyo")), True),
    ],
)
def test_the_bounds(check: object, value: datetime, refused: bool) -> None:
    if refused:
        with pytest.raises(ValidationError):
            check(value, now=NOW)  # type: ignore[operator]
    else:
        check(value, now=NOW)  # type: ignore[operator]


def test_a_day_is_checked_in_the_users_zone() -> None:
    # Noon UTC on 1 December is already 2 December in Kiribati, still 1 December in Lisbon.
    dates.check_past_day(date(2026, 12, 2), zone=ZoneInfo("Pacific/Kiritimati"), now=NOW)
    with pytest.raises(ValidationError):
        dates.check_past_day(date(2026, 12, 2), zone=ZoneInfo("Europe/Lisbon"), now=NOW)
    with pytest.raises(ValidationError):
        dates.check_past_day(date(1969, 12, 31), now=NOW)


def _zone_past_two_am() -> str:
    """A zone where it is at least 3 a.m., so "two hours ago" is still today there."""
    for name in ("UTC", "Asia/Tokyo", "America/New_York", "Pacific/Auckland"):
        if timezone.localtime(timezone.now(), ZoneInfo(name)).hour >= 3:
            return name
    raise AssertionError("unreachable: those zones span more than three hours")


def test_via_the_api_an_application_without_a_date_starts_today(
    alice: User, alice_api: APIClient
) -> None:
    alice.time_zone = _zone_past_two_am()
    alice.save()

    created = alice_api.post(LIST, {"company": "Acme", "role": "Dev"})
    assert created.status_code == 201, created.content
    assert (
        created.json()["applied_on"] == timezone.localdate(timezone.now(), alice.zone).isoformat()
    )

    # The commonest way to log a same-day ATS rejection after the fact.
    two_hours_ago = (timezone.now() - timedelta(hours=2)).isoformat()
    url = reverse("api:application-reject", args=[created.json()["id"]])
    rejected = alice_api.post(url, {"channel": "automated", "received_at": two_hours_ago})

    assert rejected.status_code == 200, rejected.content
    assert rejected.json()["stage"] == Stage.REJECTED


@pytest.mark.parametrize("applied_on", ["0001-01-01", "1969-12-31", "9999-12-31"])
def test_the_api_refuses_an_implausible_date_applied(alice_api: APIClient, applied_on: str) -> None:
    response = alice_api.post(LIST, {"company": "Acme", "role": "Dev", "applied_on": applied_on})

    assert response.status_code == 400
    assert "applied_on" in response.json()


@pytest.mark.parametrize("received_at", ["0001-01-01T00:00:00+09:00", "9999-12-31T23:00:00-05:00"])
def test_the_api_refuses_an_implausible_rejection_date(
    alice_api: APIClient, alices_application: Application, received_at: str
) -> None:
    url = reverse("api:application-reject", args=[alices_application.pk])

    response = alice_api.post(url, {"received_at": received_at})

    assert response.status_code == 400
    assert "received_at" in response.json()


def test_an_interview_before_the_application_started_is_refused(alice: User) -> None:
    application = application_for(alice, days_ago=10)

    with pytest.raises(ValidationError) as refused:
        services.interview_create(
            application=application,
            scheduled_at=timezone.now() - timedelta(weeks=6),
            kind=InterviewKind.TECHNICAL,
        )

    assert "before the application started" in refused.value.message_dict["scheduled_at"][0]
    assert not application.interviews.exists()


def test_an_interview_years_ahead_is_refused_by_the_service(alice: User) -> None:
    application = application_for(alice)

    with pytest.raises(ValidationError) as refused:
        services.interview_create(
            application=application,
            scheduled_at=datetime(9999, 12, 31, 23, tzinfo=ZoneInfo("Asia/Tokyo")),
            kind=InterviewKind.FINAL,
        )

    assert "scheduled_at" in refused.value.message_dict


def test_a_stage_change_before_1970_is_refused(alice: User) -> None:
    application = application_for(alice)

    with pytest.raises(ValidationError) as refused:
        services.application_change_stage(
            application=application,
            to_stage=Stage.SCREENING,
            source=ChangeSource.API,
            at=datetime(1, 1, 1, tzinfo=UTC),
        )

    assert refused.value.message_dict["at"] == [dates.TOO_EARLY]


@pytest.mark.parametrize(
    "before", ["0001-01-01T00:00", "9999-12-31T23:59", "1969-06-01T00:00", "2999-01-01T00:00"]
)
@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles"])
def test_a_show_more_cursor_out_of_range_is_a_400(
    alice_client: Client, alice: User, before: str, zone: str
) -> None:
    alice.time_zone = zone
    alice.save()
    application_for(alice)

    response = alice_client.get(
        reverse("board_column_more", args=[Stage.APPLIED]),
        {"before": before, "id": "1", "shown": "15"},
    )

    assert response.status_code == 400


def test_the_web_interview_form_refuses_year_9999(
    alice_client: Client, alices_application: Application
) -> None:
    response = alice_client.post(
        reverse("application_interview_add", args=[alices_application.pk]),
        {"kind": InterviewKind.ONSITE, "scheduled_at": "9999-12-31T23:00"},
    )

    assert response.status_code == 400
    assert not alices_application.interviews.exists()


@pytest.mark.parametrize("value", ["0001-01-01", "1969-12-31", "31/12/1899"])
def test_the_import_refuses_a_day_before_1970(value: str) -> None:
    with pytest.raises(CellError, match="before 1970"):
        parse_date(value)


def test_the_import_refuses_a_moment_before_1970() -> None:
    with pytest.raises(CellError, match="before 1970"):
        parse_moment("0001-01-01T00:00:00", ZoneInfo("Asia/Tokyo"))
    assert parse_moment("1970-01-02T00:00:00", ZoneInfo("Asia/Tokyo")) is not None


def test_the_api_refuses_applied_on_after_the_rejection(
    alice_api: APIClient, alices_application: Application
) -> None:
    services.application_reject(
        application=alices_application,
        source=ChangeSource.API,
        received_at=timezone.now() - timedelta(days=5),
    )
    url = reverse("api:application-detail", args=[alices_application.pk])

    response = alice_api.patch(
        url, {"applied_on": (timezone.localdate() - timedelta(days=2)).isoformat()}
    )

    assert response.status_code == 400
    assert "applied_on" in response.json()
