"""The API's view of answers and feedback: a follow-up says when it was answered and
what; the answer can be detached; feedback is listed and tagged; bob sees none of it."""

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import rejected_late
from tracker.accounts.models import User
from tracker.applications.models import Feedback
from tracker.followups import services as followups
from tracker.followups.kinds import Element
from tracker.followups.models import FollowUp

pytestmark = pytest.mark.django_db


def answered(owner: User) -> FollowUp:
    application = rejected_late(owner)
    reply = application.followups.get(kind="rejection_reply")
    reply.elements = [*reply.elements, Element.FEEDBACK_REQUEST.value]
    reply.save()
    followups.followup_mark_sent(followup=reply)
    followups.followup_attach_answer(
        followup=reply, text="Your take-home was strong; others had more Go.", at=timezone.now()
    )
    reply.refresh_from_db()
    return reply


def test_a_follow_up_says_when_it_was_answered_and_what(alice: User, alice_api: APIClient) -> None:
    reply = answered(alice)

    body = alice_api.get(reverse("api:followup-detail", args=[reply.pk])).json()

    assert body["answer"] == "Your take-home was strong; others had more Go."
    assert body["answered_at"] is not None
    # Read-only: a PATCH cannot write it.
    alice_api.patch(
        reverse("api:followup-detail", args=[reply.pk]), {"answer": "mine"}, format="json"
    )
    reply.refresh_from_db()
    assert reply.answer.startswith("Your take-home")


def test_the_answer_can_be_detached_once(
    alice: User, alice_api: APIClient, bob_api: APIClient
) -> None:
    reply = answered(alice)
    url = reverse("api:followup-detach-answer", args=[reply.pk])

    assert bob_api.post(url).status_code == 404
    response = alice_api.post(url)

    assert response.status_code == 200
    assert (response.json()["answer"], response.json()["answered_at"]) == ("", None)
    assert not Feedback.objects.exists()
    assert alice_api.post(url).status_code == 409


def test_undoing_sent_reopens_it(alice: User, alice_api: APIClient, bob_api: APIClient) -> None:
    reply = rejected_late(alice).followups.get(kind="rejection_reply")
    followups.followup_mark_sent(followup=reply)
    url = reverse("api:followup-unsent", args=[reply.pk])

    assert bob_api.post(url).status_code == 404
    assert alice_api.post(url).json()["status"] == "proposed"
    assert alice_api.post(url).status_code == 409


def test_feedback_is_listed_and_tagged(
    alice: User, alice_api: APIClient, bob_api: APIClient
) -> None:
    feedback = answered(alice).feedback
    assert feedback is not None
    url = reverse("api:feedback-detail", args=[feedback.pk])

    listed = alice_api.get(reverse("api:feedback-list")).json()["results"]
    assert [f["id"] for f in listed] == [feedback.pk]
    assert bob_api.get(reverse("api:feedback-list")).json()["results"] == []
    assert bob_api.patch(url, {"reasons": ["skills"]}, format="json").status_code == 404

    response = alice_api.patch(url, {"reasons": ["skills", "experience", "skills"]}, format="json")

    assert response.status_code == 200
    assert response.json()["reasons"] == ["experience", "skills"]
    assert response.json()["text"] == feedback.text


def test_bad_feedback_is_a_400_naming_the_field(alice: User, alice_api: APIClient) -> None:
    feedback = answered(alice).feedback
    assert feedback is not None
    url = reverse("api:feedback-detail", args=[feedback.pk])

    assert alice_api.patch(url, {"reasons": ["skills", "luck"]}, format="json").json() == {
        "reasons": ['Reason 2: "luck" is not a valid choice.']
    }
    assert set(alice_api.patch(url, {"text": "   "}, format="json").json()) == {"text"}
    assert set(alice_api.patch(url, {"text": 7}, format="json").json()) == {"text"}
    feedback.refresh_from_db()
    assert feedback.reasons == []
