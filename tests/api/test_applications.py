"""The API's applications: alice lists, adds, edits, moves, rejects and deletes her own;
bad input is a 400 naming the field; nothing half-saved."""

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.api.pagination import Pagination
from tracker.applications.models import (
    Application,
    ChangeSource,
    Company,
    Rejection,
    Stage,
    StageChange,
)
from tracker.followups.models import ProposalJob

pytestmark = pytest.mark.django_db

LIST = reverse("api:application-list")


def detail(application: Application, action: str = "detail") -> str:
    return reverse(f"api:application-{action}", args=[application.pk])


def days_ago(days: int) -> str:
    return (timezone.localdate() - timedelta(days=days)).isoformat()


# --- Listing -----------------------------------------------------------------------------


def test_alice_lists_her_applications_and_none_of_bobs(
    alice_api: APIClient, bob: User, alices_application: Application
) -> None:
    application_for(bob, company="Bob's Secret Startup")

    response = alice_api.get(LIST)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["next"] is None
    assert body["previous"] is None
    [item] = body["results"]
    assert item == {
        "id": alices_application.pk,
        "company": "Acme",
        "role": "Backend Engineer",
        "url": "",
        "location": "",
        "source": "job_board",
        "stage": "applied",
        "applied_on": days_ago(10),
        "applied_on_stated": True,
        "notes": "",
        "description": "",
        "apply_url": "",
        "posting_captured_at": None,
        "furthest_stage": "applied",
        "created_at": item["created_at"],
        "updated_at": item["updated_at"],
    }


def test_the_list_takes_the_dashboards_filters(alice_api: APIClient, alice: User) -> None:
    initech = application_for(alice, company="Initech", days_ago=3, source="referral")
    application_for(alice, company="Globex", days_ago=20)
    application_for(alice, company="Initrode", days_ago=3, stage=Stage.WISHLIST)

    def ids(**params: str) -> set[int]:
        response = alice_api.get(LIST, params)
        assert response.status_code == 200
        return {item["id"] for item in response.json()["results"]}

    assert ids(q="initech") == {initech.pk}
    assert ids(stage="applied", applied_from=days_ago(5)) == {initech.pk}
    assert ids(source="referral") == {initech.pk}
    assert len(ids(applied_to=days_ago(5))) == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"stage": "hired"}, "stage"),
        ({"source": "carrier_pigeon"}, "source"),
        ({"applied_from": "last tuesday"}, "applied_from"),
        ({"applied_to": ""}, "applied_to"),
        ({"stage": ""}, "stage"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_an_invalid_filter_is_a_400_that_names_it(
    alice_api: APIClient, params: dict[str, str], field: str
) -> None:
    response = alice_api.get(LIST, params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_the_list_is_paginated(alice_api: APIClient, alice: User, monkeypatch: Any) -> None:
    for n in range(3):
        application_for(alice, company=f"Company {n}")

    first = alice_api.get(LIST, {"page_size": 2}).json()
    second = alice_api.get(first["next"]).json()

    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert len(second["results"]) == 1
    assert second["next"] is None
    assert second["previous"] is not None
    assert len(alice_api.get(LIST).json()["results"]) == 3
    # A larger page than max_page_size is refused, naming the parameter.
    monkeypatch.setattr(Pagination, "max_page_size", 2)
    assert len(alice_api.get(LIST, {"page_size": 2}).json()["results"]) == 2
    assert "page_size" in alice_api.get(LIST, {"page_size": 3}).json()


def test_a_page_past_the_end_is_a_404(alice_api: APIClient, alices_application: Any) -> None:
    assert alice_api.get(LIST, {"page": 2}).status_code == 404
    assert alice_api.get(LIST, {"page": "last"}).json()["count"] == 1


def test_the_api_speaks_json_and_refuses_other_bodies(alice_api: APIClient) -> None:
    not_json = alice_api.post(LIST, "{company: Acme", content_type="application/json")
    form = alice_api.post(LIST, "company=Acme&role=Dev", content_type="text/plain")

    assert not_json.status_code == 400
    assert "JSON parse error" in not_json.json()["non_field_errors"][0]
    assert form.status_code == 415
    assert not Application.objects.exists()


# --- Adding ------------------------------------------------------------------------------


def test_alice_adds_an_application(alice_api: APIClient, alice: User) -> None:
    Company.named(owner=alice, name="ACME").save()

    response = alice_api.post(
        LIST,
        {
            "company": "acme",
            "role": "Backend Engineer",
            "url": "https://acme.example/jobs/42",
            "location": "Remote",
            "source": "referral",
            "applied_on": days_ago(2),
            "notes": "Referred by Sam.",
        },
    )

    assert response.status_code == 201
    application = Application.objects.get(owner=alice)
    assert response.json()["id"] == application.pk
    assert response.json()["company"] == "ACME"  # her existing company, reused
    assert response.json()["stage"] == "applied"
    assert application.source == "referral"
    [start] = StageChange.objects.filter(application=application)
    assert (start.to_stage, start.source) == ("applied", ChangeSource.API)


def test_an_application_can_start_in_any_stage(alice_api: APIClient) -> None:
    response = alice_api.post(LIST, {"company": "Acme", "role": "Dev", "stage": "interviewing"})

    assert response.status_code == 201
    assert response.json()["stage"] == "interviewing"
    assert response.json()["furthest_stage"] == "interviewing"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"role": "Dev"}, "company"),
        ({"company": "   ", "role": "Dev"}, "company"),
        ({"company": "Acme"}, "role"),
        ({"company": "Acme", "role": "Dev", "stage": "hired"}, "stage"),
        ({"company": "Acme", "role": "Dev", "stage": "rejected"}, "stage"),
        ({"company": "Acme", "role": "Dev", "source": "carrier_pigeon"}, "source"),
        ({"company": "Acme", "role": "Dev", "url": "not a url"}, "url"),
        ({"company": "Acme", "role": "Dev", "applied_on": "2025-02-30"}, "applied_on"),
        ({"company": "Acme", "role": "Dev", "applied_on": days_ago(-3)}, "applied_on"),
        ({"company": "Acme", "role": "D" * 201}, "role"),
        (
            {"company": "Acme", "role": "Dev", "stage_changed_at": "2025-06-01T10:00:00Z"},
            "stage_changed_at",
        ),
    ],
)
def test_bad_input_is_a_400_that_names_the_field(
    alice_api: APIClient, data: dict[str, str], field: str
) -> None:
    response = alice_api.post(LIST, data)

    assert response.status_code == 400
    assert field in response.json()
    assert all(isinstance(m, str) for m in response.json()[field])
    assert not Application.objects.exists()


def test_dates_at_the_edges_of_the_calendar_are_refused_not_a_crash(
    alice_api: APIClient, alice: User, alices_application: Application
) -> None:
    # East of UTC, midnight on 1 January of year 1 is in year 0 in UTC: no such datetime.
    alice.time_zone = "Asia/Tokyo"
    alice.save()

    created = alice_api.post(LIST, {"company": "A", "role": "B", "applied_on": "0001-01-01"})
    moved = alice_api.patch(
        detail(alices_application), {"stage": "offer", "stage_changed_at": "0001-01-01T05:00"}
    )
    rejected = alice_api.post(
        detail(alices_application, "reject"), {"received_at": "9999-12-31T23:00:00-10:00"}
    )

    assert (created.status_code, list(created.json())) == (400, ["applied_on"])
    assert (moved.status_code, list(moved.json())) == (400, ["stage_changed_at"])
    assert (rejected.status_code, list(rejected.json())) == (400, ["received_at"])


# --- Reading and editing -----------------------------------------------------------------


def test_alice_reads_one_application(alice_api: APIClient, alices_application: Application) -> None:
    response = alice_api.get(detail(alices_application))

    assert response.status_code == 200
    assert response.json()["role"] == "Backend Engineer"


def test_alice_edits_the_details(alice_api: APIClient, alices_application: Application) -> None:
    response = alice_api.patch(
        detail(alices_application), {"company": "Acme Corp", "notes": "Call back Monday."}
    )

    assert response.status_code == 200
    assert response.json()["company"] == "Acme Corp"
    assert response.json()["notes"] == "Call back Monday."
    alices_application.refresh_from_db()
    assert alices_application.company.name == "Acme Corp"
    # Editing details is not a move: the history is untouched.
    assert alices_application.history.count() == 1


def test_a_change_of_stage_is_recorded_in_the_history(
    alice_api: APIClient, alices_application: Application
) -> None:
    monday = timezone.now() - timedelta(days=3)

    response = alice_api.patch(
        detail(alices_application),
        {"stage": "interviewing", "stage_changed_at": monday.isoformat()},
    )
    alice_api.patch(detail(alices_application), {"stage": "offer"})

    assert response.status_code == 200
    assert response.json()["stage"] == "interviewing"
    history = list(alices_application.history.order_by("at"))
    assert [(h.from_stage, h.to_stage) for h in history] == [
        ("", "applied"),
        ("applied", "interviewing"),
        ("interviewing", "offer"),
    ]
    assert history[1].at == monday
    assert {h.source for h in history[1:]} == {ChangeSource.API}
    alices_application.refresh_from_db()
    assert alices_application.furthest_stage == "offer"


def test_a_date_without_an_offset_is_in_alices_time_zone(
    alice_api: APIClient, alice: User, alices_application: Application
) -> None:
    alice.time_zone = "Europe/Paris"
    alice.save()
    local = timezone.localtime(timezone.now() - timedelta(days=2), alice.zone)
    naive = local.replace(tzinfo=None, microsecond=0)

    response = alice_api.patch(
        detail(alices_application),
        {"stage": "screening", "stage_changed_at": naive.isoformat()},
    )

    assert response.status_code == 200
    change = alices_application.history.get(to_stage="screening")
    assert change.at == local.replace(microsecond=0)


def test_moving_to_rejected_by_patch_queues_the_follow_up_work(
    alice_api: APIClient, alices_application: Application
) -> None:
    response = alice_api.patch(detail(alices_application), {"stage": "rejected"})

    assert response.status_code == 200
    assert response.json()["stage"] == "rejected"
    assert ProposalJob.objects.filter(application=alices_application, done_at=None).exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"stage": "hired"}, "stage"),
        ({"stage": "offer", "stage_changed_at": "yesterday"}, "stage_changed_at"),
        ({"stage": "offer", "stage_changed_at": "2999-01-01T00:00:00Z"}, "stage_changed_at"),
        # Before the application started (it was applied for ten days ago).
        ({"stage": "offer", "stage_changed_at": "2001-01-01T00:00:00Z"}, "stage_changed_at"),
        ({"stage_changed_at": "2025-06-01T10:00:00Z"}, "stage_changed_at"),
        ({"role": ""}, "role"),
        ({"url": "ftp:/nope"}, "url"),
    ],
)
def test_a_bad_edit_is_a_400_and_changes_nothing(
    alice_api: APIClient, alices_application: Application, data: dict[str, str], field: str
) -> None:
    response = alice_api.patch(detail(alices_application), {"notes": "changed", **data})

    assert response.status_code == 400
    assert list(response.json()) == [field]
    alices_application.refresh_from_db()
    assert alices_application.notes == ""
    assert alices_application.stage == "applied"
    assert alices_application.history.count() == 1


def test_put_is_not_offered(alice_api: APIClient, alices_application: Application) -> None:
    response = alice_api.put(detail(alices_application), {"company": "Acme", "role": "Dev"})

    assert response.status_code == 405


def test_alice_deletes_an_application(
    alice_api: APIClient, alices_application: Application
) -> None:
    response = alice_api.delete(detail(alices_application))

    assert response.status_code == 204
    assert not Application.objects.exists()
    assert not Company.objects.exists()
    assert alice_api.get(detail(alices_application)).status_code == 404


# --- Rejecting ---------------------------------------------------------------------------


def test_a_rejection_with_no_details_is_unknown_and_received_now(
    alice_api: APIClient, alices_application: Application
) -> None:
    before = timezone.now()

    response = alice_api.post(detail(alices_application, "reject"))

    assert response.status_code == 200
    assert response.json()["stage"] == "rejected"
    rejection = Rejection.objects.get(application=alices_application)
    assert (rejection.channel, rejection.sender_role) == ("unknown", "unknown")
    assert before <= rejection.received_at <= timezone.now()
    assert alices_application.history.last().source == ChangeSource.API  # type: ignore[union-attr]
    assert ProposalJob.objects.filter(application=alices_application).exists()


def test_a_rejection_keeps_every_detail(
    alice_api: APIClient, alices_application: Application
) -> None:
    received = timezone.now() - timedelta(hours=5)

    response = alice_api.post(
        detail(alices_application, "reject"),
        {
            "channel": "personal_email",
            "sender_role": "hiring_manager",
            "sender_name": "Dana Smith",
            "sender_email": "dana@acme.example",
            "received_at": received.isoformat(),
            "message": "Thank you for meeting the team.\n\nDana",
        },
    )

    assert response.status_code == 200
    rejection = Rejection.objects.get(application=alices_application)
    assert rejection.channel == "personal_email"
    assert rejection.sender_role == "hiring_manager"
    assert rejection.sender_name == "Dana Smith"
    assert rejection.sender_email == "dana@acme.example"
    assert rejection.received_at == received
    assert rejection.message == "Thank you for meeting the team.\n\nDana"
    alices_application.refresh_from_db()
    assert alices_application.stage_changed_at == received


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"channel": "carrier_pigeon"}, "channel"),
        ({"sender_role": "ceo"}, "sender_role"),
        ({"sender_email": "dana at acme"}, "sender_email"),
        ({"received_at": "last monday"}, "received_at"),
        ({"received_at": "2999-01-01T00:00:00Z"}, "received_at"),
        # Before the application started.
        ({"received_at": "2001-01-01T00:00:00Z"}, "received_at"),
        ({"sender_name": "D" * 201}, "sender_name"),
    ],
)
def test_a_bad_rejection_is_a_400_and_rejects_nothing(
    alice_api: APIClient, alices_application: Application, data: dict[str, str], field: str
) -> None:
    response = alice_api.post(detail(alices_application, "reject"), data)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    alices_application.refresh_from_db()
    assert alices_application.stage == "applied"
    assert not Rejection.objects.exists()
    assert not ProposalJob.objects.exists()


# --- History -----------------------------------------------------------------------------


def test_the_history_lists_every_change_in_order(
    alice_api: APIClient, alices_application: Application
) -> None:
    alice_api.patch(detail(alices_application), {"stage": "screening"})
    alice_api.post(detail(alices_application, "reject"))

    response = alice_api.get(detail(alices_application, "history"))

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(r["from_stage"], r["to_stage"], r["source"]) for r in rows] == [
        ("", "applied", "web"),
        ("applied", "screening", "api"),
        ("screening", "rejected", "api"),
    ]
    assert all(datetime.fromisoformat(r["at"]) for r in rows)


def test_a_range_that_ends_before_it_starts_is_empty_not_refused(
    alice: User, alice_api: APIClient
) -> None:
    """Two dates the schema allows: the answer is what the query says, nothing."""
    application_for(alice, company="Hooli")
    response = alice_api.get(LIST, {"applied_from": "2025-06-10", "applied_to": "2025-06-01"})

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_text_fields_take_text_only(alice_api: APIClient) -> None:
    response = alice_api.post(
        LIST, {"company": "Acme", "role": "Dev", "description": 0}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["description"]
