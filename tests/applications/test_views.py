"""The dashboard pages: login required, owners only, clear errors, nothing half-saved."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications.models import Application, Rejection, Stage, StageChange

pytestmark = pytest.mark.django_db


def _valid_form(**overrides: str) -> dict[str, str]:
    data = {
        "company": "Acme",
        "role": "Backend Engineer",
        "stage": Stage.APPLIED,
        "source": "job_board",
        "applied_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "url": "",
        "location": "Remote",
        "salary_min": "",
        "salary_max": "",
        "salary_currency": "",
        "notes": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("name", ["dashboard", "application_create", "account_settings"])
def test_pages_require_login(client: Client, name: str) -> None:
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_dashboard_lists_only_the_owners_applications(
    alice_client: Client, bob: User, alices_application: Application
) -> None:
    application_for(bob, company="Bob's Secret Startup")

    response = alice_client.get(reverse("application_table"))

    assert response.status_code == 200
    assert b"Acme" in response.content
    assert b"Secret Startup" not in response.content
    assert {link.css: link.count for link in response.context["stage_links"]}["applied"] == 1


def test_dashboard_filters_by_stage_and_search(alice_client: Client, alice: User) -> None:
    application_for(alice, company="Initech")
    application_for(alice, company="Globex")

    response = alice_client.get(reverse("application_table"), {"q": "initech", "stage": "applied"})

    names = [a.company.name for a in response.context["page"]]
    assert names == ["Initech"]


def test_dashboard_ignores_an_unknown_stage_filter(alice_client: Client, alice: User) -> None:
    application_for(alice)

    response = alice_client.get(reverse("application_table"), {"stage": "nonsense"})

    assert response.status_code == 200
    assert len(response.context["page"]) == 1


def test_it_creates_an_application_with_its_first_history_row(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(reverse("application_create"), _valid_form(stage="screening"))

    application = Application.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("application_detail", args=[application.pk])
    assert application.stage == Stage.SCREENING
    assert application.history.get().to_stage == Stage.SCREENING


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"company": ""}, "company"),
        ({"company": "   "}, "company"),
        ({"role": ""}, "role"),
        ({"applied_on": (timezone.localdate() + timedelta(days=3)).isoformat()}, "applied_on"),
        ({"applied_on": "31/02/2026"}, "applied_on"),
        ({"applied_on": "0001-01-01"}, "applied_on"),
        ({"applied_on": "1969-12-31"}, "applied_on"),
        ({"salary_min": "90000", "salary_max": "60000"}, "salary_max"),
        ({"salary_min": "-5"}, "salary_min"),
        ({"salary_currency": "euros"}, "salary_currency"),
        ({"company": "x" * 201}, "company"),
        ({"role": "x" * 201}, "role"),
        ({"location": "x" * 201}, "location"),
        ({"url": "not a url"}, "url"),
        ({"url": "https://example.com/" + "x" * 500}, "url"),
        ({"notes": "x" * 20_001}, "notes"),
        ({"stage": "hired"}, "stage"),
        ({"source": "carrier pigeon"}, "source"),
    ],
)
def test_bad_input_is_a_field_error_and_saves_nothing(
    alice_client: Client, overrides: dict[str, str], field: str
) -> None:
    response = alice_client.post(reverse("application_create"), _valid_form(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Application.objects.exists()
    assert not StageChange.objects.exists()


def test_it_edits_details_without_touching_the_stage(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_edit", args=[alices_application.pk])

    response = alice_client.post(url, _valid_form(company="Acme Robotics", role="Staff Engineer"))

    assert response.status_code == 302
    alices_application.refresh_from_db()
    assert alices_application.role == "Staff Engineer"
    assert alices_application.company.name == "Acme Robotics"
    assert alices_application.history.count() == 1


def test_an_edit_with_errors_changes_nothing(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_edit", args=[alices_application.pk])

    response = alice_client.post(url, _valid_form(role="Changed", salary_min="10", salary_max="5"))

    assert response.status_code == 200
    alices_application.refresh_from_db()
    assert alices_application.role == "Backend Engineer"


def test_the_page_shows_the_timeline(alice_client: Client, alices_application: Application) -> None:
    response = alice_client.get(reverse("application_detail", args=[alices_application.pk]))

    assert response.status_code == 200
    assert [c.to_stage for c in response.context["history"]] == [Stage.APPLIED]
    assert b"Backend Engineer" in response.content


def test_it_changes_the_stage_from_the_page(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_change_stage", args=[alices_application.pk])
    yesterday = timezone.localtime() - timedelta(days=1)

    response = alice_client.post(
        url, {"stage": Stage.INTERVIEWING, "at": yesterday.strftime("%Y-%m-%dT%H:%M")}
    )

    assert response.status_code == 302
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.INTERVIEWING
    change = alices_application.history.latest("recorded_at")
    assert change.at.date() == yesterday.date()
    assert change.source == "web"


@pytest.mark.parametrize(
    "data",
    [
        {"stage": "hired"},
        {"stage": Stage.REJECTED},  # rejection goes through its own form, with details
        {"stage": Stage.OFFER, "at": "2999-01-01T10:00"},
        {"stage": Stage.OFFER, "at": "yesterday"},
    ],
)
def test_a_bad_stage_change_is_refused_with_an_error(
    alice_client: Client, alices_application: Application, data: dict[str, str]
) -> None:
    url = reverse("application_change_stage", args=[alices_application.pk])

    response = alice_client.post(url, data)

    assert response.status_code == 400
    assert response.context["stage_form"].errors
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.APPLIED


def test_stage_change_only_accepts_post(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_change_stage", args=[alices_application.pk])

    assert alice_client.get(url).status_code == 405


def test_it_records_a_rejection_with_details(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_reject", args=[alices_application.pk])
    received = (timezone.localtime() - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")

    response = alice_client.post(
        url,
        {
            "channel": "personal_email",
            "sender_role": "hiring_manager",
            "sender_name": "Dana Smith",
            "sender_email": "dana@acme.example",
            "received_at": received,
            "message": "Thanks for your time.",
        },
    )

    assert response.status_code == 302
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.REJECTED
    assert alices_application.rejection.sender_name == "Dana Smith"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"channel": "carrier_pigeon"}, "channel"),
        ({"sender_email": "dana at acme"}, "sender_email"),
        ({"received_at": "2999-01-01T10:00"}, "received_at"),
        ({"received_at": ""}, "received_at"),
        ({"sender_name": "x" * 201}, "sender_name"),
        # Before the application started (ten days ago): the service's refusal, on the field.
        ({"received_at": "2020-01-01T10:00"}, "received_at"),
    ],
)
def test_a_bad_rejection_is_refused_and_nothing_moves(
    alice_client: Client,
    alices_application: Application,
    overrides: dict[str, str],
    field: str,
) -> None:
    data = {
        "channel": "automated",
        "sender_role": "unknown",
        "sender_name": "",
        "sender_email": "",
        "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "message": "",
        **overrides,
    }

    response = alice_client.post(reverse("application_reject", args=[alices_application.pk]), data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.APPLIED
    assert not Rejection.objects.exists()


def test_it_deletes_after_confirmation(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_delete", args=[alices_application.pk])

    assert alice_client.get(url).status_code == 200
    assert Application.objects.exists()
    response = alice_client.post(url)

    assert response.status_code == 302
    assert not Application.objects.exists()


def test_a_rejection_with_the_prefilled_time_comes_after_earlier_moves(
    alice_client: Client, alices_application: Application
) -> None:
    alice_client.post(
        reverse("application_change_stage", args=[alices_application.pk]),
        {"stage": Stage.INTERVIEWING},
    )
    form = alice_client.get(reverse("application_reject", args=[alices_application.pk]))
    prefilled = form.context["form"]["received_at"].value()

    alice_client.post(
        reverse("application_reject", args=[alices_application.pk]),
        {"channel": "automated", "sender_role": "unknown", "received_at": prefilled},
    )

    timeline = [c.to_stage for c in alices_application.history.all()]
    assert timeline == [Stage.APPLIED, Stage.INTERVIEWING, Stage.REJECTED]


def test_moving_to_the_current_stage_says_so(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_change_stage", args=[alices_application.pk])

    response = alice_client.post(url, {"stage": Stage.APPLIED}, follow=True)

    assert b"Already in Applied" in response.content
    assert alices_application.history.count() == 1


def test_a_pasted_email_fills_in_the_form_without_saving_anything(
    alice_client: Client, alices_application: Application
) -> None:
    message = (
        "Hi Alice,\n\nThank you for meeting the team during the interview. We decided to go "
        "with another candidate.\n\nBest,\nDana Smith\nEngineering Manager\n"
    )

    response = alice_client.post(
        reverse("application_reject", args=[alices_application.pk]),
        {"message": message, "channel": "unknown", "read_message": "1"},
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form["channel"].value() == "personal_email"
    assert form["sender_name"].value() == "Dana Smith"
    assert form["sender_role"].value() == "hiring_manager"
    assert form["message"].value() == message
    assert b"Rebound read the message" in response.content
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.APPLIED
    assert not Rejection.objects.exists()


def test_dashboard_filters_by_source_and_date_range(alice_client: Client, alice: User) -> None:
    application_for(alice, company="Old", days_ago=40, source="referral")
    application_for(alice, company="Recent", days_ago=5, source="referral")
    application_for(alice, company="Board", days_ago=5, source="job_board")
    since = (timezone.localdate() - timedelta(days=10)).isoformat()

    response = alice_client.get(
        reverse("application_table"), {"source": "referral", "applied_from": since}
    )

    assert [a.company.name for a in response.context["page"]] == ["Recent"]


def test_dashboard_drops_an_invalid_filter_and_keeps_the_rest(
    alice_client: Client, alice: User
) -> None:
    application_for(alice, company="Initech")
    application_for(alice, company="Globex")

    response = alice_client.get(
        reverse("application_table"), {"q": "globex", "applied_from": "soon"}
    )

    assert response.status_code == 200
    assert [a.company.name for a in response.context["page"]] == ["Globex"]
