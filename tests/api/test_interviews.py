"""Interviews through the API: listed and logged by the application page's rules, the
interviewers by contact id or by name; another user's application is a 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import contact_for
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import Application, ChangeSource, Contact, Stage

pytestmark = pytest.mark.django_db


def _url(application: Application) -> str:
    return reverse("api:application-interviews", args=[application.pk])


def test_alice_logs_a_past_onsite_and_it_dates_her_move(
    alice: User, alice_api: APIClient, alices_application: Application
) -> None:
    dana = contact_for(alice, name="Dana Smith")
    services.contact_link(application=alices_application, contact=dana)
    services.application_change_stage(
        application=alices_application, to_stage=Stage.INTERVIEWING, source=ChangeSource.BOARD
    )
    at = timezone.now() - timedelta(days=3)

    response = alice_api.post(
        _url(alices_application),
        {"kind": "onsite", "at": at.isoformat(), "interviewers": [dana.pk, "lee  park"]},
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kind"] == "onsite"
    assert [p["name"] for p in body["interviewers"]] == ["Dana Smith", "lee park"]
    lee = Contact.objects.get(name="lee park")
    assert lee.role == "interviewer"
    assert alices_application in lee.applications.all()
    alices_application.refresh_from_db()
    assert alices_application.stage_changed_at == at
    listed = alice_api.get(_url(alices_application)).json()
    assert [i["id"] for i in listed["results"]] == [body["id"]]


def test_a_name_already_on_the_application_is_that_contact(
    alice: User, alice_api: APIClient, alices_application: Application
) -> None:
    dana = contact_for(alice, name="Dana Smith")
    services.contact_link(application=alices_application, contact=dana)

    response = alice_api.post(
        _url(alices_application),
        {"kind": "technical", "at": timezone.now().isoformat(), "interviewers": ["DANA SMITH"]},
        format="json",
    )

    assert response.status_code == 201
    assert [p["id"] for p in response.json()["interviewers"]] == [dana.pk]
    assert Contact.objects.filter(owner=alice).count() == 1


def test_an_interview_before_a_move_alice_dated_is_refused_naming_it(
    alice_api: APIClient, alices_application: Application
) -> None:
    dated = timezone.now() - timedelta(days=2)
    services.application_change_stage(
        application=alices_application,
        to_stage=Stage.INTERVIEWING,
        source=ChangeSource.WEB,
        at=dated,
    )

    response = alice_api.post(
        _url(alices_application),
        {"kind": "final", "at": (dated - timedelta(days=1)).isoformat()},
        format="json",
    )

    assert response.status_code == 400
    assert "Applied → Interviewing" in response.json()["at"][0]
    assert not alices_application.interviews.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "dinner", "at": "2026-01-01T10:00:00Z"}, "kind"),
        ({"kind": "onsite"}, "at"),
        ({"kind": "onsite", "at": "9999-12-31T23:00:00+14:00"}, "at"),
        ({"kind": "onsite", "at": "2026-01-01T10:00:00Z", "interviewers": [True]}, "interviewers"),
        ({"kind": "onsite", "at": "2026-01-01T10:00:00Z", "interviewers": ["  "]}, "interviewers"),
        ({"kind": "onsite", "at": "2026-01-01T10:00:00Z", "interviewers": [0]}, "interviewers"),
        ({"kind": "onsite", "at": "2026-01-01T10:00:00Z", "interviewers": "Lee"}, "interviewers"),
        ({"kind": "onsite", "at": "2026-01-01T10:00:00Z", "notes": "x" * 10_001}, "notes"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(
    alice_api: APIClient, alices_application: Application, body: dict[str, object], field: str
) -> None:
    response = alice_api.post(_url(alices_application), body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not alices_application.interviews.exists()


def test_bobs_contact_is_no_interviewer_of_alices(
    bob: User, alice_api: APIClient, alices_application: Application
) -> None:
    bobs = contact_for(bob, name="Sam Lee")

    response = alice_api.post(
        _url(alices_application),
        {"kind": "onsite", "at": timezone.now().isoformat(), "interviewers": [bobs.pk]},
        format="json",
    )

    assert response.status_code == 400
    assert "interviewers" in response.json()
    assert not alices_application.interviews.exists()
    assert not bobs.applications.exists()


def test_another_users_application_is_not_found(
    bob_api: APIClient, alice: User, alices_application: Application
) -> None:
    services.interview_create(
        application=alices_application,
        scheduled_at=timezone.now() - timedelta(days=1),
        kind="technical",
    )
    url = _url(alices_application)

    assert bob_api.get(url).status_code == 404
    posted = bob_api.post(url, {"kind": "onsite", "at": timezone.now().isoformat()}, format="json")
    assert posted.status_code == 404
    assert alices_application.interviews.count() == 1


def test_the_schema_describes_it(alice_api: APIClient) -> None:
    schema = alice_api.get(reverse("api:schema"), {"format": "json"}).json()

    operations = schema["paths"]["/api/applications/{id}/interviews/"]
    assert set(operations) >= {"get", "post"}
