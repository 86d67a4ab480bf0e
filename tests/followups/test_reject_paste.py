"""Paste the rejection on the rejection form: the reading pre-fills the fields, shows how sure
it is and why, and saves nothing."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse

from tracker.accounts.models import User
from tracker.applications.models import Application, Rejection, Stage
from tracker.applications.services import contact_create

PERSONAL = (
    "Hi Alice,\n\nThank you for meeting the team during the interview. We decided to go "
    "with another candidate.\n\nBest,\nDana Smith\nEngineering Manager\n"
)


def read_paste(client: Client, application: Application, message: str, **fields: str):
    return client.post(
        reverse("application_reject", args=[application.pk]),
        {"message": message, "channel": "unknown", "read_message": "1", **fields},
    )


def test_it_fills_in_the_form_with_the_evidence_and_saves_nothing(
    alice_client: Client, alices_application: Application
):
    response = read_paste(alice_client, alices_application, PERSONAL)

    assert response.status_code == 200
    form = response.context["form"]
    assert form["channel"].value() == "personal_email"
    assert form["sender_name"].value() == "Dana Smith"
    assert form["sender_role"].value() == "hiring_manager"
    assert form["message"].value() == PERSONAL
    assert b"Rebound read the message" in response.content
    assert "Signed Dana Smith, Engineering Manager" in response.content.decode()
    assert b"How sure" in response.content
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.APPLIED
    assert not Rejection.objects.exists()


def test_the_date_header_pre_fills_received_in_the_users_zone(
    alice: User, alice_client: Client, alices_application: Application
):
    alice.time_zone = "Europe/Berlin"
    alice.save()
    message = (
        "From: Acme Careers <no-reply@acme.example>\nTo: alice@example.com\n"
        "Date: Tue, 03 Nov 2026 16:12:00 +0000\nSubject: Your application\n\n"
        "We went with other candidates.\n\nThe Talent Team\n"
    )

    response = read_paste(alice_client, alices_application, message)

    form = response.context["form"]
    assert form["channel"].value() == "automated"
    reading = response.context["reading"]
    assert reading.received_at == datetime(2026, 11, 3, 17, 12, tzinfo=ZoneInfo("Europe/Berlin"))
    assert 'value="2026-11-03T17:12"' in response.content.decode()
    assert "From a no-reply address (no-reply@acme.example)" in response.content.decode()


def test_the_applications_contacts_give_the_role(
    alice: User, alice_client: Client, alices_application: Application
):
    lee = contact_create(owner=alice, name="Lee Park", role="recruiter", email="lee@acme.example")
    lee.applications.add(alices_application)

    response = read_paste(alice_client, alices_application, "Sorry, no.\n\nCheers,\nLee")

    form = response.context["form"]
    assert (form["sender_name"].value(), form["sender_role"].value()) == ("Lee Park", "recruiter")
    assert form["sender_email"].value() == "lee@acme.example"


def test_the_users_own_reply_is_never_the_sender(
    alice_client: Client, alices_application: Application
):
    message = (
        "From: Alice Martin <alice@example.com>\nSubject: Re: x\n\nThanks, understood.\n\n"
        "On Tue, Nov 3, 2026 at 4:12 PM Dana Smith <dana@acme.example> wrote:\n"
        "> We went another way.\n> Dana Smith\n> Recruiter\n"
    )

    form = read_paste(alice_client, alices_application, message).context["form"]

    assert (form["sender_name"].value(), form["sender_email"].value()) == (
        "Dana Smith",
        "dana@acme.example",
    )


def test_a_paste_over_20000_characters_is_a_clear_form_error(
    alice_client: Client, alices_application: Application
):
    response = read_paste(alice_client, alices_application, "x" * 20_001)

    assert response.status_code == 200
    errors = response.context["form"].errors["message"]
    assert "at most 20000 characters" in errors[0]
    assert response.context["reading"] is None
    assert not Rejection.objects.exists()


def test_an_empty_paste_says_to_paste_first(alice_client: Client, alices_application: Application):
    response = read_paste(alice_client, alices_application, "")

    assert "Paste the email first" in response.context["form"].errors["message"][0]


def test_saving_a_message_over_20000_characters_is_a_form_error(
    alice_client: Client, alices_application: Application
):
    response = alice_client.post(
        reverse("application_reject", args=[alices_application.pk]),
        {
            "message": "x" * 20_001,
            "channel": "automated",
            "sender_role": "unknown",
            "received_at": "2026-11-03T10:00",
        },
    )

    assert response.status_code == 200
    assert "at most 20000 characters" in response.context["form"].errors["message"][0]
    assert not Rejection.objects.exists()


def test_another_users_application_is_not_found(bob_client: Client, alices_application):
    assert read_paste(bob_client, alices_application, PERSONAL).status_code == 404
