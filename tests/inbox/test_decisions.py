"""What the user decides on an item, and what a decision leaves behind: an invitation logs
its interview, other job mail can become a rejection in one click, a second rejection can
be kept as a note, and a forward of a letter already decided is not queued again."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tests.inbox.conftest import raw_mail
from tracker.accounts.models import User
from tracker.applications.models import Application, Interview, Rejection, Stage
from tracker.applications.services import application_reject
from tracker.inbox import services
from tracker.inbox.models import DecidedMessage, InboxItem, ItemKind, ItemStatus, Via

pytestmark = pytest.mark.django_db


@pytest.fixture
def hooli(alice: User) -> Application:
    return application_for(alice, company="Hooli", role="Senior Platform Engineer")


def ingest(owner: User, raw: bytes, via: str = Via.IMAP) -> tuple[InboxItem | None, str]:
    return services.message_ingest(owner=owner, raw=raw, via=via)


def test_a_confirmed_invitation_logs_the_interview_at_the_time_it_names(
    alice: User, hooli: Application
) -> None:
    when = timezone.localtime(timezone.now() + timedelta(days=9), alice.zone)
    item, why = ingest(
        alice,
        raw_mail(
            subject="Technical interview - Senior Platform Engineer",
            body=(
                "Hi Alice,\n\nWe would like to invite you to a technical interview on "
                f"{when:%A} {when.day} {when:%B} at 14:30. Please confirm.\n\nDave\n"
            ),
        ),
    )
    assert why == "queued"
    assert item is not None
    assert item.kind == ItemKind.INTERVIEW_INVITATION

    services.inbox_item_confirm(item=item)

    interview = Interview.objects.get(application=hooli)
    local = timezone.localtime(interview.scheduled_at, alice.zone)
    assert (local.date(), local.hour, local.minute) == (when.date(), 14, 30)
    assert interview.kind == "technical"
    hooli.refresh_from_db()
    assert hooli.stage == Stage.INTERVIEWING


def test_other_job_mail_waits_in_its_lane_and_is_one_click_from_a_rejection(
    alice: User, alice_client: Client, hooli: Application
) -> None:
    item, _ = ingest(
        alice,
        raw_mail(
            subject="Take-home exercise",
            body="Hi Alice,\n\nHere's the take-home exercise we mentioned. Send it back "
            "within a week.\n\nDave\n",
        ),
    )
    assert item is not None
    assert item.kind == ItemKind.OTHER
    assert item.application == hooli
    page = alice_client.get(reverse("inbox")).content.decode()
    assert "Other job mail" in page
    assert "This is a rejection" in page
    assert (
        "Take-home exercise"
        in alice_client.get(reverse("application_detail", args=[hooli.pk])).content.decode()
    )

    alice_client.post(reverse("inbox_item_is_rejection", args=[item.pk]))

    item.refresh_from_db()
    assert item.kind == ItemKind.REJECTION
    assert item.status == ItemStatus.PENDING


def test_mail_that_is_not_about_a_job_is_never_stored(alice: User, hooli: Application) -> None:
    item, why = ingest(
        alice,
        raw_mail(
            sender="Mum <linda@example.net>",
            subject="Saturday",
            body="Unfortunately I can't make it Saturday. Good luck with the interviews!\n",
        ),
    )
    assert (item, why) == (None, "not_queued")
    assert not InboxItem.objects.filter(owner=alice).exists()


def test_a_second_rejection_kept_as_a_note_leaves_the_first(
    alice: User, hooli: Application
) -> None:
    application_reject(
        application=hooli,
        source="web",
        sender_name="Dana Smith",
        sender_role="hiring_manager",
        received_at=timezone.now() - timedelta(days=2),
    )
    item, _ = ingest(alice, raw_mail())
    assert item is not None
    with pytest.raises(services.AlreadyRejected) as asked:
        services.inbox_item_confirm(item=item)
    assert asked.value.message.startswith("Already rejected on ")
    assert "by Dana Smith, hiring manager: replace it, or keep it as a note?" in asked.value.message

    services.inbox_item_keep_as_note(item=item)

    assert Rejection.objects.get(application=hooli).sender_name == "Dana Smith"
    hooli.refresh_from_db()
    assert "Another rejection" in hooli.notes
    assert "decided not to move forward" in hooli.notes


def test_a_forward_of_a_decided_letter_is_not_queued_again(alice: User, hooli: Application) -> None:
    original = raw_mail()
    item, _ = ingest(alice, original)
    assert item is not None
    services.inbox_item_dismiss(item=item)
    letter = original.split(b"\r\n\r\n", 1)[1].decode().replace("\r\n", "\n")
    forward = raw_mail(
        sender=f"Alice <{alice.email}>",
        subject="Fwd: Your application for Senior Platform Engineer",
        body=(
            "FYI\n\n---------- Forwarded message ---------\n"
            "From: Dave Okafor <dave@hooli.example>\nDate: Mon, 30 Nov 2026 at 10:00\n"
            "Subject: Your application for Senior Platform Engineer\n\n" + letter
        ),
    )

    assert ingest(alice, forward, via=Via.FORWARD) == (None, "duplicate")
    # Disconnecting forgets the message but not the decision.
    InboxItem.objects.filter(owner=alice).delete()
    assert DecidedMessage.objects.filter(owner=alice).exists()
    assert ingest(alice, original) == (None, "duplicate")
