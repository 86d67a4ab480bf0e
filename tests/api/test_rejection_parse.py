"""POST /api/rejections/parse/: the rejection reader over the API. It saves nothing."""

from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications.models import Application, Rejection, Stage
from tracker.applications.services import contact_create

PARSE = "/api/rejections/parse/"
PERSONAL = (
    "Hi Alice,\n\nThank you for meeting the team. We decided to go with another candidate."
    "\n\nBest,\nDana Smith\nEngineering Manager\n"
)
RAW = (
    "From: Acme Careers <no-reply@acme.example>\nTo: alice@example.com\n"
    "Date: Tue, 03 Nov 2026 16:12:00 +0000\nSubject: Your application\n\n"
    "We went with other candidates.\n\nThe Talent Team\n"
)


def test_the_url_is_the_documented_one():
    assert reverse("api:rejection-parse") == PARSE


def test_it_reads_a_pasted_email(alice_api: APIClient, alices_application: Application):
    response = alice_api.post(PARSE, {"message": PERSONAL}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "channel",
        "sender_role",
        "sender_name",
        "sender_email",
        "received_at",
        "confidence",
        "because",
        "kind",
        "kind_because",
    }
    assert body["kind"] == "rejection"
    assert body["kind_because"]
    assert (body["channel"], body["sender_role"], body["sender_name"]) == (
        "personal_email",
        "hiring_manager",
        "Dana Smith",
    )
    assert 0 < body["confidence"] <= 1
    assert "Signed Dana Smith, Engineering Manager" in body["because"]
    assert body["received_at"] is None
    assert not Rejection.objects.exists()
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.APPLIED


def test_a_raw_message_gives_received_at_in_the_users_zone(alice: User, alice_api: APIClient):
    alice.time_zone = "Europe/Berlin"
    alice.save()

    body = alice_api.post(PARSE, {"message": RAW}, format="json").json()

    assert body["channel"] == "automated"
    assert body["sender_email"] == ""
    assert body["received_at"] == "2026-11-03T17:12:00+01:00"
    assert "From a no-reply address (no-reply@acme.example)" in body["because"]


def test_the_applications_contacts_are_used(
    alice: User, alice_api: APIClient, alices_application: Application
):
    lee = contact_create(owner=alice, name="Lee Park", role="recruiter", email="lee@acme.example")
    lee.applications.add(alices_application)
    message = "Sorry, we went another way.\n\nCheers,\nLee"

    without = alice_api.post(PARSE, {"message": message}, format="json").json()
    with_it = alice_api.post(
        PARSE, {"message": message, "application": alices_application.pk}, format="json"
    ).json()

    assert (without["sender_name"], without["sender_role"]) == ("Lee", "unknown")
    assert (with_it["sender_name"], with_it["sender_role"], with_it["sender_email"]) == (
        "Lee Park",
        "recruiter",
        "lee@acme.example",
    )


def test_the_users_own_address_is_never_the_sender(alice: User, alice_api: APIClient):
    message = (
        f"From: Alice Martin <{alice.email}>\nSubject: Fwd: x\n\n"
        "---------- Forwarded message ---------\nFrom: Dana Smith <dana@acme.example>\n"
        "Date: Tue, 3 Nov 2026 16:12:00 +0000\nSubject: x\n\nWe went another way.\n\n"
        "Dana Smith\nRecruiter\n"
    )

    body = alice_api.post(PARSE, {"message": message}, format="json").json()

    assert (body["sender_name"], body["sender_email"], body["sender_role"]) == (
        "Dana Smith",
        "dana@acme.example",
        "recruiter",
    )


def test_another_users_application_is_a_404(bob: User, alice_api: APIClient):
    bobs = application_for(bob, company="Hooli")

    response = alice_api.post(PARSE, {"message": PERSONAL, "application": bobs.pk}, format="json")

    assert response.status_code == 404
    assert response.json() == {"detail": "No such application."}


def test_a_missing_application_is_a_404_too(alice_api: APIClient):
    response = alice_api.post(PARSE, {"message": PERSONAL, "application": 999_999}, format="json")

    assert response.status_code == 404


def test_bad_input_is_a_400_with_field_errors(alice_api: APIClient):
    cases = [
        ({"message": PERSONAL, "application": "abc"}, "application"),
        ({"message": PERSONAL, "application": -3}, "application"),
        ({"message": PERSONAL, "application": 2**70}, "application"),
        ({"message": "x" * 20_001}, "message"),
        ({"message": ""}, "message"),
        ({}, "message"),
        ({"message": ["not", "text"]}, "message"),
    ]
    for body, field in cases:
        response = alice_api.post(PARSE, body, format="json")
        assert response.status_code == 400, body
        assert field in response.json(), body
    assert not Rejection.objects.exists()


def test_it_needs_credentials():
    assert APIClient().post(PARSE, {"message": PERSONAL}, format="json").status_code == 401


def test_a_null_application_reads_without_contacts(alice_api: APIClient):
    response = alice_api.post(PARSE, {"message": PERSONAL, "application": None}, format="json")

    assert response.status_code == 200


def test_options_describes_the_request(alice_api: APIClient):
    response = alice_api.options(PARSE)

    assert response.status_code == 200
    assert response.json()["name"]
