"""CR/LF (and every other line break or control) in a one-line field is normalised on
every way in: web forms, the API, the import, direct saves; a reminder for such an
application then goes out instead of failing on its header."""

from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.applications.test_views import _valid_form
from tests.factories import rejected_late, send_due_reminders
from tests.imports.test_imports import _csv, _import
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, Company, Contact
from tracker.core.text import single_line
from tracker.notifications import services as notifications
from tracker.notifications.models import Channel, DeliveryStatus, Notification

pytestmark = pytest.mark.django_db

BROKEN = "Backend\r\nEngineer\u2028Bcc: spy@evil.example\x0b"
FIXED = "Backend Engineer Bcc: spy@evil.example"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a b"),
        ("a\n\n\nb", "a b"),
        ("a\rb", "a b"),
        ("a\u2028b\u2029c\x85d", "a b c d"),
        ("a\tb\x00c\x1b", "a b c"),
        ("  plain  ", "plain"),
        ("Café — 東京", "Café — 東京"),
    ],
)
def test_the_normaliser(raw: str, expected: str) -> None:
    assert single_line(raw) == expected


def test_the_web_form(alice: User, alice_client: Client) -> None:
    response = alice_client.post(
        reverse("application_create"),
        _valid_form(company="Acme\r\nCorp", role=BROKEN, location="Lisbon\nRemote"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    application = Application.objects.get(owner=alice)
    assert application.role == FIXED
    assert application.location == "Lisbon Remote"
    assert application.company.name == "Acme Corp"


def test_the_api_create_and_update(alice: User, alice_api: APIClient) -> None:
    response = alice_api.post(
        "/api/applications/",
        {"company": "Acme", "role": BROKEN, "applied_on": "2026-11-02"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["role"] == FIXED
    pk = response.json()["id"]

    response = alice_api.patch(
        f"/api/applications/{pk}/", {"location": "Porto\r\nHybrid"}, format="json"
    )

    assert response.status_code == 200, response.content
    assert Application.objects.get(pk=pk).location == "Porto Hybrid"


def test_the_import(alice: User, alice_client: Client) -> None:
    raw = _csv(["Company", "Role", "Date Applied"], ["Acme\nCorp", BROKEN, "2026-11-02"])

    _import(alice_client, raw)

    application = Application.objects.get(owner=alice)
    assert application.role == FIXED
    assert application.company.name == "Acme Corp"


def test_direct_and_bulk_saves(alice: User) -> None:
    application = applications.application_create(
        owner=alice, company_name="Acme", role="x", applied_on=date(2026, 11, 2)
    )
    application.role = BROKEN
    application.save()
    Contact.objects.bulk_create([Contact(owner=alice, name="Dana\r\nSmith")])

    application.refresh_from_db()
    assert application.role == FIXED
    assert Contact.objects.get(owner=alice).name == "Dana Smith"
    assert not Company.objects.filter(name__contains="\n").exists()


def test_a_reminder_for_it_is_delivered(alice: User) -> None:
    application = rejected_late(alice)
    application.role = BROKEN
    application.save()
    send_due_reminders()
    email = Notification.objects.get(user=alice, channel=Channel.EMAIL)

    assert notifications.notification_deliver(notification_id=email.pk) == DeliveryStatus.DELIVERED
    (message,) = mail.outbox
    assert "\n" not in message.subject
    assert "\r" not in message.subject
