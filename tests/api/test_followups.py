"""The API's follow-ups and notifications: alice reads, edits, sends, skips and snoozes her
own; an action the follow-up's status does not allow is a 400 that says why."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import application_for, rejected_late, send_due_reminders
from tracker.accounts.models import User
from tracker.followups import services as followups
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp, FollowUpStatus
from tracker.notifications.models import Channel, Notification

pytestmark = pytest.mark.django_db

LIST = reverse("api:followup-list")


@pytest.fixture
def alices_reply(alice: User) -> FollowUp:
    return rejected_late(alice).followups.get(kind=Kind.REJECTION_REPLY)


def url(followup: FollowUp, action: str = "detail") -> str:
    return reverse(f"api:followup-{action}", args=[followup.pk])


def test_alice_lists_her_follow_ups_and_none_of_bobs(
    alice_api: APIClient, alices_reply: FollowUp, bob: User
) -> None:
    rejected_late(bob, company="Bob's Secret Startup")

    response = alice_api.get(LIST)

    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item == {
        "id": alices_reply.pk,
        "application": alices_reply.application_id,
        "kind": "rejection_reply",
        "status": "proposed",
        "elements": ["thanks", "disappointment", "future_openings"],
        "recipient_name": "Dana Smith",
        "recipient_email": "dana@acme.example",
        "subject": "Re: Backend Engineer at Acme",
        "body": alices_reply.body,
        "due_at": item["due_at"],
        "reason": alices_reply.reason,
        "edited": False,
        "draft_stale": False,
        "sent_at": None,
        "answered_at": None,
        "answer": "",
        "created_at": item["created_at"],
    }


def test_the_list_filters_by_status(alice_api: APIClient, alices_reply: FollowUp) -> None:
    proposed = alice_api.get(LIST, {"status": "proposed"}).json()["results"]
    sent = alice_api.get(LIST, {"status": "sent"}).json()["results"]

    assert [f["id"] for f in proposed] == [alices_reply.pk]
    assert sent == []


def test_an_unknown_status_is_a_400(alice_api: APIClient) -> None:
    response = alice_api.get(LIST, {"status": "done"})

    assert response.status_code == 400
    assert list(response.json()) == ["status"]


def test_an_applications_follow_ups_are_listed_with_it(
    alice_api: APIClient, alice: User, alices_reply: FollowUp
) -> None:
    quiet = application_for(alice, company="Globex")

    response = alice_api.get(
        reverse("api:application-followups", args=[alices_reply.application_id])
    )
    none = alice_api.get(reverse("api:application-followups", args=[quiet.pk]))

    assert response.status_code == 200
    assert [f["id"] for f in response.json()["results"]] == [alices_reply.pk]
    assert none.json()["results"] == []


def test_alice_reads_one_follow_up(alice_api: APIClient, alices_reply: FollowUp) -> None:
    response = alice_api.get(url(alices_reply))

    assert response.status_code == 200
    assert response.json()["kind"] == "rejection_reply"


def test_alice_edits_the_draft(alice_api: APIClient, alices_reply: FollowUp) -> None:
    response = alice_api.patch(url(alices_reply), {"body": "Thanks, Dana.", "status": "sent"})

    assert response.status_code == 200
    alices_reply.refresh_from_db()
    assert alices_reply.body == "Thanks, Dana."
    assert alices_reply.subject == "Re: Backend Engineer at Acme"  # unchanged: not sent
    # Only the draft is editable; the status changes through the actions below.
    assert alices_reply.status == FollowUpStatus.PROPOSED


def test_an_over_long_subject_is_a_400(alice_api: APIClient, alices_reply: FollowUp) -> None:
    response = alice_api.patch(url(alices_reply), {"subject": "x" * 301})

    assert response.status_code == 400
    assert list(response.json()) == ["subject"]


def test_alice_marks_it_sent(alice_api: APIClient, alices_reply: FollowUp) -> None:
    response = alice_api.post(url(alices_reply, "sent"))

    assert response.status_code == 200
    assert response.json()["status"] == "sent"
    alices_reply.refresh_from_db()
    assert alices_reply.sent_at is not None
    assert not alices_reply.reminders.filter(sent_at=None).exists()


def test_alice_skips_it(alice_api: APIClient, alices_reply: FollowUp) -> None:
    response = alice_api.post(url(alices_reply, "skip"))

    assert response.status_code == 200
    assert response.json()["status"] == "skipped"


def test_alice_snoozes_it(alice_api: APIClient, alices_reply: FollowUp) -> None:
    until = timezone.now() + timedelta(days=3)

    response = alice_api.post(url(alices_reply, "snooze"), {"until": until.isoformat()})

    assert response.status_code == 200
    assert response.json()["status"] == "snoozed"
    alices_reply.refresh_from_db()
    assert alices_reply.due_at == until
    assert alices_reply.reminders.get(sent_at=None).remind_at == until


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "until"),
        ({"until": "soon"}, "until"),
        ({"until": "2001-01-01T09:00:00Z"}, "until"),
        ({"until": "9999-12-31T23:00:00-10:00"}, "until"),
    ],
)
def test_a_bad_snooze_is_a_400(
    alice_api: APIClient, alices_reply: FollowUp, data: dict[str, str], field: str
) -> None:
    response = alice_api.post(url(alices_reply, "snooze"), data)

    assert response.status_code == 400
    assert list(response.json()) == [field]
    alices_reply.refresh_from_db()
    assert alices_reply.status == FollowUpStatus.PROPOSED


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("sent", {}),
        ("skip", {}),
        # A year ahead: plausible (core.dates allows two), so only the status refuses it.
        ("snooze", {"until": f"{timezone.now().year + 1}-06-01T09:00:00Z"}),
        ("detail", {"subject": "Changed"}),
    ],
)
def test_an_action_on_a_follow_up_already_sent_is_a_409_on_status(
    alice_api: APIClient, alices_reply: FollowUp, action: str, data: dict[str, str]
) -> None:
    followups.followup_mark_sent(followup=alices_reply)
    send = alice_api.patch if action == "detail" else alice_api.post

    response = send(url(alices_reply, action), data)

    # The request is well formed (the schema allows it); the follow-up's state refuses it.
    assert response.status_code == 409
    [message] = response.json()["status"]
    assert message.startswith("Cannot ")
    assert message.endswith("that is Sent.")
    alices_reply.refresh_from_db()
    assert alices_reply.status == FollowUpStatus.SENT
    assert alices_reply.subject == "Re: Backend Engineer at Acme"


def test_follow_ups_are_not_created_or_deleted_through_the_api(
    alice_api: APIClient, alices_reply: FollowUp
) -> None:
    assert alice_api.post(LIST, {"subject": "x"}).status_code == 405
    assert alice_api.delete(url(alices_reply)).status_code == 405
    assert alice_api.put(url(alices_reply), {"subject": "x", "body": "y"}).status_code == 405
    assert alice_api.get(url(alices_reply, "sent")).status_code == 405


# --- Notifications -----------------------------------------------------------------------


@pytest.fixture
def alices_notification(alice: User) -> Notification:
    rejected_late(alice)
    send_due_reminders()
    return Notification.objects.get(user=alice, channel=Channel.IN_APP)


def test_alice_reads_her_in_app_notifications_only(
    alice_api: APIClient, alices_notification: Notification, bob: User
) -> None:
    rejected_late(bob, company="Bob's Secret Startup")
    send_due_reminders()
    # She was also emailed: that copy is a delivery record, not one of her notifications.
    assert Notification.objects.filter(user=alices_notification.user, channel=Channel.EMAIL)

    response = alice_api.get(reverse("api:notification-list"))

    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["id"] == alices_notification.pk
    assert item["title"] == alices_notification.title
    assert item["followup"] == alices_notification.data["followup"]
    assert item["read_at"] is None


def test_alice_marks_a_notification_read(
    alice_api: APIClient, alices_notification: Notification
) -> None:
    read = reverse("api:notification-read", args=[alices_notification.pk])

    response = alice_api.post(read)
    again = alice_api.post(read)

    assert response.status_code == 200
    assert response.json()["read_at"] is not None
    assert again.json()["read_at"] == response.json()["read_at"]
    assert alice_api.get(read).status_code == 405


def test_an_email_copy_is_not_a_notification_of_the_api(
    alice_api: APIClient, alices_notification: Notification
) -> None:
    email = Notification.objects.get(user=alices_notification.user, channel=Channel.EMAIL)

    response = alice_api.post(reverse("api:notification-read", args=[email.pk]))

    assert response.status_code == 404
