"""GET, POST /api/activities/ and GET /api/work-search-log/: JSON, CSV and PDF, the bad
input each refuses, and nobody else's activities."""

import csv
import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.worksearch.conftest import Fortnight, pdf_pages
from tracker.accounts.models import User
from tracker.worksearch import services
from tracker.worksearch.models import Activity

pytestmark = pytest.mark.django_db

ACTIVITIES = "/api/activities/"
LOG = "/api/work-search-log/"


def meetup(**fields: Any) -> dict[str, Any]:
    return {
        "date": timezone.localdate().isoformat(),
        "kind": "job_fair",
        "description": "Berlin tech job fair, spoke to six companies",
        "employer": "",
        "contact": "",
        "duration_minutes": 180,
        **fields,
    }


# --- Activities ---------------------------------------------------------------------------


def test_it_logs_an_activity_and_lists_it(alice: User, alice_api: APIClient) -> None:
    created = alice_api.post(ACTIVITIES, meetup(employer="Zalando", contact="Mia"))
    listed = alice_api.get(ACTIVITIES)

    assert created.status_code == 201, created.json()
    body = created.json()
    assert {k: body[k] for k in ("kind", "employer", "contact", "duration_minutes")} == {
        "kind": "job_fair",
        "employer": "Zalando",
        "contact": "Mia",
        "duration_minutes": 180,
    }
    assert Activity.objects.get(pk=body["id"]).owner == alice
    assert [a["id"] for a in listed.json()["results"]] == [body["id"]]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "sightseeing"}, "kind"),
        ({"description": ""}, "description"),
        ({"date": "2026-02-30"}, "date"),
        ({"date": "1969-12-31"}, "date"),
        ({"date": (date.today() + timedelta(days=3)).isoformat()}, "date"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 24 * 60 + 1}, "duration_minutes"),
        ({"employer": "x" * 201}, "employer"),
    ],
)
def test_bad_activities_are_a_400_naming_the_field(
    alice_api: APIClient, fields: dict[str, Any], field: str
) -> None:
    response = alice_api.post(ACTIVITIES, meetup(**fields))

    assert response.status_code == 400
    assert field in response.json()
    assert not Activity.objects.exists()


def test_another_users_activity_is_a_404(alice: User, bob_api: APIClient) -> None:
    activity = services.activity_create(
        owner=alice, date=timezone.localdate(), kind="training", description="SQL course"
    )

    assert bob_api.get(f"{ACTIVITIES}{activity.pk}/").status_code == 404
    assert bob_api.delete(f"{ACTIVITIES}{activity.pk}/").status_code == 404
    assert bob_api.get(ACTIVITIES).json()["results"] == []
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_the_owner_can_delete_an_activity(alice: User, alice_api: APIClient) -> None:
    activity = services.activity_create(
        owner=alice, date=timezone.localdate(), kind="training", description="SQL course"
    )

    assert alice_api.delete(f"{ACTIVITIES}{activity.pk}/").status_code == 204
    assert not Activity.objects.exists()


# --- The log -----------------------------------------------------------------------------


def period(f: Fortnight, **extra: str) -> dict[str, str]:
    return {"from": f.start.isoformat(), "to": f.end.isoformat(), **extra}


def test_the_log_has_one_entry_per_thing_done_and_the_weeks_counts(
    alice_api: APIClient, fortnight: Fortnight
) -> None:
    response = alice_api.get(LOG, period(fortnight, layout="de"))

    assert response.status_code == 200
    body = response.json()
    assert (body["from"], body["to"], body["target"], body["layout"]) == (
        fortnight.start.isoformat(),
        fortnight.end.isoformat(),
        3,
        "de",
    )
    assert [(w["week_start"], w["count"], w["met"]) for w in body["weeks"]] == [
        (fortnight.start.isoformat(), 5, True),
        ((fortnight.start + timedelta(days=7)).isoformat(), 2, False),
    ]
    kinds = [(e["date"], e["kind"], e["employer"]) for e in body["entries"]]
    day = [(fortnight.start + timedelta(days=i)).isoformat() for i in range(11)]
    assert kinds == [
        (day[0], "application", "Nordlicht Software GmbH"),
        (day[1], "application", "Acme Corp"),
        (day[2], "application", "Globex"),
        (day[3], "application", "Initech"),
        (day[4], "application", "Umbrella Health"),
        (day[8], "interview", "Nordlicht Software GmbH"),
        (day[10], "networking", ""),
    ]
    first, _, globex, initech, umbrella, interview, meetup = body["entries"]
    assert (first["address"], first["phone"]) == ("Torstraße 12, 10119 Berlin", "+49 30 1234567")
    assert (first["method"], first["contact"], first["result"]) == (
        "job_board",
        "Jana Vogel",
        "interview",
    )
    assert (globex["method"], initech["method"]) == ("email", "agency")
    assert umbrella["result"] == "rejected"
    assert (interview["method"], interview["contact"], interview["result"]) == (
        "in_person",
        "Jana Vogel",
        "pending",
    )
    assert (meetup["contact"], meetup["result"], meetup["duration_minutes"]) == (
        "Tom Weber",
        None,
        150,
    )


def test_the_general_layouts_weeks_run_sunday_to_saturday(
    alice_api: APIClient, fortnight: Fortnight
) -> None:
    body = alice_api.get(LOG, period(fortnight)).json()

    sunday = fortnight.start - timedelta(days=1)
    assert body["layout"] == "general"
    assert [(w["week_start"], w["count"], w["complete"]) for w in body["weeks"]] == [
        (sunday.isoformat(), 5, False),
        ((sunday + timedelta(days=7)).isoformat(), 2, True),
        ((sunday + timedelta(days=14)).isoformat(), 0, False),
    ]


def test_the_csv_has_the_same_entries_under_the_layouts_headings(
    alice_api: APIClient, fortnight: Fortnight
) -> None:
    response = alice_api.get(LOG, period(fortnight, format="csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Date", "Activity", "Employer"]
    assert len(rows) == 1 + 7
    assert rows[1][:3] == [fortnight.start.isoformat(), "Application", "Nordlicht Software GmbH"]
    assert rows[-1][1] == "Networking"


def test_the_german_csv_speaks_german(alice_api: APIClient, fortnight: Fortnight) -> None:
    response = alice_api.get(LOG, period(fortnight, format="csv", layout="de"))

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Datum"
    assert rows[1][1:2] == ["Bewerbung"]
    assert "Vorstellungsgespräch" in [row[1] for row in rows]


def test_a_cell_a_spreadsheet_would_run_is_neutralised(alice: User, alice_api: APIClient) -> None:
    services.activity_create(
        owner=alice, date=timezone.localdate(), kind="other", description="=HYPERLINK(1)"
    )
    today = timezone.localdate().isoformat()

    response = alice_api.get(LOG, {"from": today, "to": today, "format": "csv"})

    assert "'=HYPERLINK(1)" in response.content.decode()


def test_the_pdf_is_the_log(alice_api: APIClient, fortnight: Fortnight, tmp_path: Path) -> None:
    response = alice_api.get(LOG, period(fortnight, format="pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    (page,) = pdf_pages(response.content, tmp_path)
    assert "Work Search Record" in page
    assert "Alice Martin" in page
    assert "Umbrella Health" in page
    assert "PyBerlin meetup" in page


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2024-01-01", "to": "2026-01-02"}, "to"),
        ({"from": "2026-03-01", "to": "2026-02-28"}, "to"),
        ({"from": "2026-03-01", "to": "2026-03-07", "layout": "fr"}, "layout"),
        ({"from": "2026-03-01", "to": "2026-03-07", "format": "xlsx"}, "format"),
        ({"from": "2026-03-01"}, "to"),
        ({"from": "yesterday", "to": "2026-03-07"}, "from"),
        ({"from": "1900-01-01", "to": "1900-01-07"}, "from"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(
    alice_api: APIClient, query: dict[str, str], field: str
) -> None:
    response = alice_api.get(LOG, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert field in response.json()


def test_the_log_shows_only_the_users_own(
    bob: User, bob_api: APIClient, fortnight: Fortnight
) -> None:
    body = bob_api.get(LOG, period(fortnight)).json()

    assert body["entries"] == []
    assert {w["count"] for w in body["weeks"]} == {0}


def test_the_log_needs_credentials(client: Any, fortnight: Fortnight) -> None:
    assert client.get(LOG, period(fortnight)).status_code == 401


def test_an_interview_still_ahead_is_not_in_the_log(
    alice: User, alice_api: APIClient, fortnight: Fortnight
) -> None:
    from datetime import datetime

    from tracker.applications import services as applications

    tomorrow = timezone.now() + timedelta(days=1)
    applications.interview_create(
        application=fortnight.applications[1], scheduled_at=tomorrow, kind="technical"
    )
    today = datetime.now(alice.zone).date()

    body = alice_api.get(
        LOG, {"from": fortnight.start.isoformat(), "to": (today + timedelta(days=3)).isoformat()}
    ).json()

    assert [e["kind"] for e in body["entries"]].count("interview") == 1
