"""Every mailto: link on the application page is encoded: a stored address cannot add a
hidden Bcc, a body or another recipient to the mail the user sends."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import contact_for
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, Rejection
from tracker.core.mailto import mailto_url

pytestmark = pytest.mark.django_db

HOSTILE = "dana@acme.example?bcc=spy@evil.example&body=hello"
ENCODED = "mailto:dana@acme.example%3Fbcc%3Dspy@evil.example%26body%3Dhello"


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ("dana@acme.example", "mailto:dana@acme.example"),
        (HOSTILE, ENCODED),
        ("a b@x.example", "mailto:a%20b@x.example"),
        ("x@y.example,spy@evil.example", "mailto:x@y.example%2Cspy@evil.example"),
        ("x@y.example#frag", "mailto:x@y.example%23frag"),
    ],
)
def test_addresses_are_encoded(to: str, expected: str) -> None:
    assert mailto_url(to) == expected


def test_subject_and_body_are_encoded_with_crlf() -> None:
    assert mailto_url("a@b.example", subject="Q&A?", body="1\n2") == (
        "mailto:a@b.example?subject=Q%26A%3F&body=1%0D%0A2"
    )


def _page(client: Client, application: Application) -> str:
    return client.get(reverse("application_detail", args=[application.pk])).content.decode()


def test_a_contacts_address_is_encoded(
    alice_client: Client, alice: User, alices_application: Application
) -> None:
    contact = contact_for(alice)
    type(contact).objects.filter(pk=contact.pk).update(email=HOSTILE)  # as stored, past forms
    applications.contact_link(application=alices_application, contact=contact)

    page = _page(alice_client, alices_application)

    assert ENCODED in page
    assert 'href="mailto:dana@acme.example?bcc' not in page


def test_a_rejections_sender_is_encoded(
    alice_client: Client, alices_application: Application
) -> None:
    Rejection.objects.create(
        application=alices_application,
        received_at=timezone.now(),
        channel="personal_email",
        sender_email=HOSTILE,  # as stored, past forms
    )

    page = _page(alice_client, alices_application)

    assert ENCODED in page
    assert 'href="mailto:dana@acme.example?bcc' not in page
