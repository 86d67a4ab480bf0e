"""The review queue: nothing changes until the user confirms; each action does one thing."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tests.inbox.conftest import FORM_LETTER, raw_mail
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, Rejection, Stage
from tracker.followups import services as followups
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp
from tracker.inbox import services
from tracker.inbox.models import InboxItem, ItemStatus, Via

pytestmark = pytest.mark.django_db


def queued(user: User, raw: bytes | None = None) -> InboxItem:
    item, why = services.message_ingest(owner=user, raw=raw or raw_mail(), via=Via.FORWARD)
    assert item is not None, why
    return item


@pytest.fixture
def hooli(alice: User) -> Application:
    return application_for(alice, company="Hooli", role="Senior Platform Engineer")


def test_the_queue_says_what_it_read_and_why(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    queued(alice)
    page = alice_client.get(reverse("inbox")).content.decode()
    assert (
        "Looks like a rejection from Hooli for Senior Platform Engineer \N{EM DASH} "
        "Dave Okafor, hiring manager, personal email"
    ) in page
    assert "Sent from hooli.example" in page
    assert 'id="inbox-badge"' in page


def test_confirm_takes_the_ordinary_rejection_path(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    item = queued(alice)
    hooli.refresh_from_db()
    assert hooli.stage == Stage.APPLIED  # nothing before the user confirms

    response = alice_client.post(reverse("inbox_item_confirm", args=[item.pk]))

    assert response.status_code == 302
    hooli.refresh_from_db()
    assert hooli.stage == Stage.REJECTED
    assert hooli.history.last().source == ChangeSource.INBOX  # type: ignore[union-attr]
    rejection = Rejection.objects.get(application=hooli)
    assert (rejection.channel, rejection.sender_role, rejection.sender_name) == (
        "personal_email",
        "hiring_manager",
        "Dave Okafor",
    )
    assert "decided not to move forward" in rejection.message
    followups.proposal_job_run(job_id=hooli.proposal_jobs.get().pk)
    assert FollowUp.objects.get(application=hooli).kind == Kind.REJECTION_REPLY
    item.refresh_from_db()
    assert item.status == ItemStatus.CONFIRMED
    assert item.text == ""  # the rejection keeps the message; the queue needs it no more


def test_confirming_twice_records_once(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    item = queued(alice)
    alice_client.post(reverse("inbox_item_confirm", args=[item.pk]))
    alice_client.post(reverse("inbox_item_confirm", args=[item.pk]))
    assert hooli.history.filter(to_stage=Stage.REJECTED).count() == 1


def test_edit_first_opens_the_rejection_form_filled_in_and_saves_the_edits(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    item = queued(alice)
    page = alice_client.get(reverse("inbox_item_edit", args=[item.pk])).content.decode()
    assert 'value="Dave Okafor"' in page
    assert "decided not to move forward" in page

    form = {
        "message": "edited text",
        "channel": "personal_email",
        "sender_role": "recruiter",
        "sender_name": "David Okafor",
        "sender_email": "dave@hooli.example",
        "received_at": item.sent_at.strftime("%Y-%m-%dT%H:%M"),  # type: ignore[union-attr]
    }
    response = alice_client.post(reverse("inbox_item_edit", args=[item.pk]), form)

    assert response.status_code == 302
    rejection = Rejection.objects.get(application=hooli)
    assert (rejection.sender_role, rejection.sender_name, rejection.message) == (
        "recruiter",
        "David Okafor",
        "edited text",
    )


def test_edit_first_with_a_bad_field_says_so_and_saves_nothing(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    item = queued(alice)
    response = alice_client.post(
        reverse("inbox_item_edit", args=[item.pk]),
        {"channel": "carrier-pigeon", "received_at": "x"},
    )
    assert response.status_code == 400
    assert not Rejection.objects.exists()
    item.refresh_from_db()
    assert item.status == ItemStatus.PENDING


def test_not_a_rejection_changes_nothing(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    item = queued(alice)
    alice_client.post(reverse("inbox_item_dismiss", args=[item.pk]))
    item.refresh_from_db()
    hooli.refresh_from_db()
    assert (item.status, hooli.stage) == (ItemStatus.DISMISSED, Stage.APPLIED)
    assert 'id="inbox-badge"' not in alice_client.get(reverse("inbox")).content.decode()


def test_another_application_is_chosen_then_confirmed(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    other = application_for(alice, company="Hooli", role="Data Analyst")
    item = queued(alice)
    assert item.application == hooli

    response = alice_client.post(
        reverse("inbox_item_reassign", args=[item.pk]), {"application": other.pk}
    )
    assert response.status_code == 302
    alice_client.post(reverse("inbox_item_confirm", args=[item.pk]))

    other.refresh_from_db()
    hooli.refresh_from_db()
    assert (other.stage, hooli.stage) == (Stage.REJECTED, Stage.APPLIED)


def test_an_item_that_matched_nothing_asks_for_the_application(
    alice_client: Client, alice: User
) -> None:
    item = queued(alice, raw_mail(**FORM_LETTER))
    assert item.application is None
    page = alice_client.get(reverse("inbox")).content.decode()
    assert "no application matched" in page
    assert "Choose the application" in page
    response = alice_client.post(reverse("inbox_item_confirm", args=[item.pk]), follow=True)
    assert "Choose the application this is about first." in response.content.decode()


def test_an_interview_invitation_is_offered_as_a_stage_move(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    invitation = raw_mail(
        subject="Interview invitation: Senior Platform Engineer",
        body=(
            "Hi Alice,\n\nWe would like to invite you to an interview for the Senior Platform "
            "Engineer role. Could you share your availability for a call next week?\n\n"
            "Best,\nDave Okafor\nEngineering Manager, Hooli\n"
        ),
    )
    item = queued(alice, invitation)
    assert item.kind == "interview_invitation"
    assert "Move to Interviewing" in alice_client.get(reverse("inbox")).content.decode()

    alice_client.post(reverse("inbox_item_confirm", args=[item.pk]))

    hooli.refresh_from_db()
    assert hooli.stage == Stage.INTERVIEWING


def test_bob_never_sees_alices_items(
    alice: User, hooli: Application, bob_client: Client, bob: User
) -> None:
    item = queued(alice)
    assert "Dave Okafor" not in bob_client.get(reverse("inbox")).content.decode()
    for name in (
        "inbox_item_confirm",
        "inbox_item_dismiss",
        "inbox_item_reassign",
        "inbox_item_edit",
    ):
        assert bob_client.post(reverse(name, args=[item.pk])).status_code == 404
        assert bob_client.get(reverse(name, args=[item.pk])).status_code in {404, 405}
    mine = application_for(bob, company="Bobco")
    # Nor can alice point her item at bob's application.
    alice_client = Client()
    alice_client.force_login(alice)
    response = alice_client.post(
        reverse("inbox_item_reassign", args=[item.pk]), {"application": mine.pk}
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == ItemStatus.PENDING
    assert item.application == hooli


def test_the_inbox_needs_a_login(client: Client) -> None:
    assert client.get(reverse("inbox")).status_code == 302
    assert client.get(reverse("inbox_settings")).status_code == 302


def test_a_confirm_the_application_refuses_is_said_and_leaves_the_item_pending(
    alice_client: Client, alice: User
) -> None:
    late = application_for(alice, company="Hooli", role="Senior Platform Engineer", days_ago=1)
    item = queued(alice, raw_mail(date=timezone.now() - timedelta(days=30)))
    assert item.application == late

    response = alice_client.post(reverse("inbox_item_confirm", args=[item.pk]), follow=True)

    assert response.status_code == 200
    assert "before the application started" in response.content.decode()
    item.refresh_from_db()
    late.refresh_from_db()
    assert (item.status, late.stage) == (ItemStatus.PENDING, Stage.APPLIED)
    assert item.text  # still there to edit


def test_an_invitation_for_a_rejected_application_says_nothing_moved(
    alice_client: Client, hooli: Application, alice: User
) -> None:
    applications.application_reject(application=hooli, source=ChangeSource.WEB)
    invitation = raw_mail(
        subject="Interview invitation: Senior Platform Engineer",
        body=(
            "Hi Alice,\n\nWe would like to invite you to an interview for the Senior Platform "
            "Engineer role. Could you share your availability for a call next week?\n\n"
            "Best,\nDave Okafor\nEngineering Manager, Hooli\n"
        ),
    )
    item = queued(alice, invitation)

    response = alice_client.post(reverse("inbox_item_confirm", args=[item.pk]), follow=True)

    page = response.content.decode()
    assert "Application moved on" not in page
    assert "Nothing moved" in page
    assert "is in Rejected" in page
    hooli.refresh_from_db()
    assert hooli.stage == Stage.REJECTED
