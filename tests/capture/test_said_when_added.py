"""Applied before? Capture answers the application form's question (events.said_when_added)
once the application is saved, naming the person to mention when one is known."""

from django.test import Client
from django.urls import reverse

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import events, services


def _add(client: Client, company: str) -> str:
    saved = client.post(
        reverse("application_create"),
        {
            "company": company,
            "role": "Platform Engineer",
            "stage": "applied",
            "source": "job_board",
        },
        follow=True,
    )
    assert saved.status_code == 200
    return saved.content.decode()


def test_the_add_form_names_the_person_to_mention(alice: User, alice_client: Client) -> None:
    before = application_for(alice, company="Hooli", role="SRE")
    contact = services.contact_create(
        owner=alice, name="Dave Okafor", role="recruiter", email="dave@hooli.example"
    )
    services.contact_link(application=before, contact=contact)
    body = _add(alice_client, "HOOLI")
    assert "You applied to Hooli for SRE in" in body
    assert "Dave Okafor is the person to mention." in body


def test_nothing_is_said_of_a_first_application(alice: User, alice_client: Client) -> None:
    body = _add(alice_client, "Initech")
    assert "You applied to" not in body
    application = alice.application_set.get()
    assert events.said_when_added.ask(application) == []


def test_bobs_applications_are_never_alices_history(
    alice: User, bob: User, alice_client: Client
) -> None:
    application_for(bob, company="Hooli", role="SRE")
    assert "You applied to" not in _add(alice_client, "Hooli")
