"""The inbox over the API: its state, the queue, and the decisions; another user's item is
a 404, and a second rejection is a 409 until the client says to replace the first."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications.models import Application, Rejection, Stage
from tracker.applications.services import application_reject
from tracker.inbox.models import DecidedMessage, InboxItem, ItemKind, ItemStatus, Via

pytestmark = pytest.mark.django_db


def queued(owner: User, application: Application | None, **fields: object) -> InboxItem:
    defaults: dict[str, object] = {
        "fingerprint": f"{InboxItem.objects.count() + 1:064x}",
        "via": Via.FORWARD,
        "kind": ItemKind.REJECTION,
        "subject": "Your application",
        "channel": "personal_email",
        "sender_role": "recruiter",
        "sender_name": "Tom Becker",
        "sender_email": "tom@acme.example",
        "text": "We have decided to move forward with another candidate.",
        "sent_at": timezone.now() - timedelta(hours=2),
    }
    return InboxItem.objects.create(owner=owner, application=application, **{**defaults, **fields})


def test_the_inbox_says_where_to_forward_and_how_the_mailbox_is(alice_api: APIClient):
    body = alice_api.get("/api/inbox/").json()

    assert body["forwarding_url"].startswith("http")
    assert "/inbox/forward/" in body["forwarding_url"]
    assert body["mailbox"] is None
    assert body["pending"] == 0


def test_the_queue_lists_alices_items_only(
    alice: User, bob: User, alice_api: APIClient, alices_application: Application
):
    mine = queued(alice, alices_application)
    queued(bob, None)

    body = alice_api.get("/api/inbox/items/").json()

    assert [item["id"] for item in body["results"]] == [mine.pk]
    item = body["results"][0]
    assert set(item) == {
        "id", "kind", "status", "application", "channel", "sender_role", "sender_name",
        "sender_email", "subject", "received_at", "because", "text",
    }  # fmt: skip
    assert item["kind"] == "rejection"
    assert item["application"] == alices_application.pk


def test_bobs_item_is_a_404_to_alice(bob: User, alice_api: APIClient):
    theirs = queued(bob, application_for(bob, company="Globex"))

    for path in ("", "confirm/", "dismiss/", "assign/"):
        url = f"/api/inbox/items/{theirs.pk}/{path}"
        response = alice_api.post(url, {}, format="json") if path else alice_api.get(url)
        assert response.status_code == 404, path
    theirs.refresh_from_db()
    assert theirs.status == ItemStatus.PENDING


def test_confirming_records_the_rejection_and_remembers_the_decision(
    alice: User, alice_api: APIClient, alices_application: Application
):
    item = queued(alice, alices_application)

    response = alice_api.post(f"/api/inbox/items/{item.pk}/confirm/", {}, format="json")

    assert response.status_code == 200
    assert response.json()["status"] == "confirmed"
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.REJECTED
    assert Rejection.objects.get(application=alices_application).sender_name == "Tom Becker"
    assert DecidedMessage.objects.filter(owner=alice, fingerprint=item.fingerprint).exists()


def test_a_second_rejection_is_a_409_until_replace(
    alice: User, alice_api: APIClient, alices_application: Application
):
    application_reject(
        application=alices_application,
        source="web",
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dana Smith",
        received_at=timezone.now() - timedelta(days=3),
    )
    item = queued(alice, alices_application)
    url = f"/api/inbox/items/{item.pk}/confirm/"

    asked = alice_api.post(url, {}, format="json")

    assert asked.status_code == 409
    assert asked.json()["code"] == "already_rejected"
    assert "Dana Smith, hiring manager" in asked.json()["detail"]
    assert "replace it, or keep it as a note?" in asked.json()["detail"]
    assert Rejection.objects.get(application=alices_application).sender_name == "Dana Smith"
    item.refresh_from_db()
    assert item.status == ItemStatus.PENDING

    replaced = alice_api.post(url, {"replace": True}, format="json")

    assert replaced.status_code == 200
    assert Rejection.objects.get(application=alices_application).sender_name == "Tom Becker"


def test_assign_then_confirm_with_another_application(
    alice: User, alice_api: APIClient, alices_application: Application
):
    other = application_for(alice, company="Initech")
    item = queued(alice, None, kind=ItemKind.OFFER)

    assigned = alice_api.post(
        f"/api/inbox/items/{item.pk}/assign/", {"application": other.pk}, format="json"
    )
    assert assigned.status_code == 200
    assert assigned.json()["application"] == other.pk

    confirmed = alice_api.post(
        f"/api/inbox/items/{item.pk}/confirm/", {"application": other.pk}, format="json"
    )
    assert confirmed.status_code == 200
    other.refresh_from_db()
    assert other.stage == Stage.OFFER


def test_assigning_bobs_application_is_a_404(
    alice: User, bob: User, alice_api: APIClient, alices_application: Application
):
    item = queued(alice, alices_application)
    bobs = application_for(bob, company="Globex")

    response = alice_api.post(
        f"/api/inbox/items/{item.pk}/assign/", {"application": bobs.pk}, format="json"
    )

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.application_id == alices_application.pk


def test_dismissing_twice_is_a_409_conflict(
    alice: User, alice_api: APIClient, alices_application: Application
):
    item = queued(alice, alices_application)
    url = f"/api/inbox/items/{item.pk}/dismiss/"

    assert alice_api.post(url).status_code == 200
    again = alice_api.post(url)

    assert again.status_code == 409
    assert again.json() == {
        "detail": "This message was already dealt with.",
        "code": "already_decided",
    }


def test_confirming_or_reassigning_a_decided_item_is_a_409(
    alice: User, alice_api: APIClient, alices_application: Application
):
    item = queued(alice, alices_application)
    assert alice_api.post(f"/api/inbox/items/{item.pk}/dismiss/").status_code == 200

    confirm = alice_api.post(f"/api/inbox/items/{item.pk}/confirm/", {}, format="json")
    assign = alice_api.post(
        f"/api/inbox/items/{item.pk}/assign/",
        {"application": alices_application.pk},
        format="json",
    )

    for answer in (confirm, assign):
        assert answer.status_code == 409
        assert answer.json()["code"] == "already_decided"
