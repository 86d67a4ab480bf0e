"""An answer to a follow-up: the recipient writes back in its thread (into the mailbox, or
forwarded by the user) and it is attached to the follow-up at once, kept as feedback when
the follow-up asked for advice, never queued; bob's mail never touches alice's."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tests.inbox.conftest import connect, poll, raw_mail, read_all_kept
from tests.inbox.dovecot import Dovecot
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, Feedback, InterviewKind, Stage
from tracker.followups import services as followups
from tracker.followups.kinds import Element, Kind
from tracker.followups.models import FollowUp, FollowUpStatus
from tracker.inbox import services
from tracker.inbox.models import InboxItem

pytestmark = pytest.mark.django_db

MANAGER = "Dave Okafor <dave.okafor@hooli.example>"
LETTER_SUBJECT = "Your application for Senior Platform Engineer"
ANSWER = (
    "Hi Alice,\n\nHappy to help. The panel liked your system design round, but we needed "
    "someone with more hands-on Kubernetes experience for this team. Brush up on running "
    "clusters in production and apply again.\n\nBest,\nDave\n"
)
QUOTED = (
    "On Mon, 7 Dec 2026 at 10:00, Alice Martin <alice@example.com> wrote:\n"
    "> Dear Dave,\n> Thank you for letting me know. Could you share any advice?\n"
)


def rejected_after_onsite(owner: User) -> Application:
    """Rejected by the hiring manager after an onsite; the reply (asking for advice) sent."""
    application = application_for(owner, company="Hooli", role="Senior Platform Engineer")
    applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=6),
        kind=InterviewKind.ONSITE,
    )
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dave Okafor",
        sender_email="dave.okafor@hooli.example",
        received_at=timezone.now() - timedelta(days=2),
        subject=LETTER_SUBJECT,
    )
    followups.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    return application


def the_reply(application: Application) -> FollowUp:
    return FollowUp.objects.get(application=application, kind=Kind.REJECTION_REPLY)


def forward_url(user: User) -> str:
    inbox = services.inbox_get_or_create(owner=user)
    return reverse("inbox_forward", args=[inbox.pk, inbox.forward_token])


def forwarded_answer(*, by: str = "Alice Martin <alice@example.com>") -> bytes:
    body = (
        "Finally, some feedback!\n\n---------- Forwarded message ---------\n"
        f"From: {MANAGER}\nDate: Tue, 8 Dec 2026 at 09:12\n"
        f"Subject: Re: {LETTER_SUBJECT}\nTo: Alice Martin <alice@example.com>\n\n"
        f"{ANSWER}\n{QUOTED}"
    )
    return raw_mail(
        sender=by, to="inbox@rebound.example", subject=f"Fwd: Re: {LETTER_SUBJECT}", body=body
    )


def forward(user: User, raw: bytes) -> None:
    response = Client().post(forward_url(user), raw, content_type="message/rfc822")
    assert response.status_code == 202
    read_all_kept()


def test_a_forwarded_answer_is_on_the_follow_up_and_kept_as_feedback(
    alice: User, alice_client: Client
) -> None:
    application = rejected_after_onsite(alice)
    reply = the_reply(application)
    assert Element.FEEDBACK_REQUEST.value in reply.elements
    followups.followup_mark_sent(followup=reply)

    forward(alice, forwarded_answer())

    reply.refresh_from_db()
    assert reply.answered_at is not None
    assert "Kubernetes experience" in reply.answer
    assert "Could you share" not in reply.answer
    assert "Finally" not in reply.answer
    feedback = Feedback.objects.get(application=application)
    assert feedback.text == reply.answer
    assert reply.feedback == feedback
    # An answer changes no stage and is never queued (not even as a rejection).
    assert not InboxItem.objects.exists()
    assert application.stage == Stage.REJECTED
    notice = alice.notifications.get(channel="in_app", data__event="answer")
    assert notice.data["followup"] == reply.pk

    page = alice_client.get(reverse("followups")).content.decode()
    assert "Answered on" in page
    assert "Kubernetes experience" in page
    detail = alice_client.get(reverse("application_detail", args=[application.pk]))
    assert "Kubernetes experience" in detail.content.decode()


def test_an_answer_in_the_mailbox_is_attached_by_its_thread(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application = rejected_after_onsite(alice)
    reply = the_reply(application)
    followups.followup_mark_sent(followup=reply)
    mailbox = connect(alice, dovecot, imap_user)
    dovecot.deliver(
        imap_user[0],
        raw_mail(sender=MANAGER, subject=f"AW: RE: {LETTER_SUBJECT}", body=ANSWER + "\n" + QUOTED),
    )

    poll(mailbox)

    reply.refresh_from_db()
    assert reply.answer.startswith("Hi Alice")
    assert "Could you share" not in reply.answer
    assert not InboxItem.objects.exists()


def test_an_answer_names_the_message_it_replies_to(alice: User) -> None:
    application = rejected_after_onsite(alice)
    reply = the_reply(application)
    followups.followup_note_sent(
        followup=reply, at=timezone.now(), message_id="<sent-1@mail.example>"
    )
    forward(
        alice,
        raw_mail(
            sender=MANAGER,
            subject="Some advice",  # the subject changed; the thread did not
            body=ANSWER,
            headers="In-Reply-To: <sent-1@mail.example>",
        ),
    )
    reply.refresh_from_db()
    assert reply.answered_at is not None


def test_bobs_mail_never_touches_alices_follow_ups(alice: User, bob: User) -> None:
    application = rejected_after_onsite(alice)
    reply = the_reply(application)
    followups.followup_mark_sent(followup=reply)

    forward(bob, forwarded_answer(by="Bob Jones <bob@example.com>"))

    reply.refresh_from_db()
    assert reply.answered_at is None
    assert not Feedback.objects.exists()


def test_someone_else_on_the_subject_is_no_answer(alice: User) -> None:
    application = rejected_after_onsite(alice)
    reply = the_reply(application)
    followups.followup_mark_sent(followup=reply)

    forward(
        alice,
        raw_mail(
            sender="Eve Stone <eve@hooli.example>", subject=f"Re: {LETTER_SUBJECT}", body=ANSWER
        ),
    )

    reply.refresh_from_db()
    assert reply.answered_at is None


def test_detaching_removes_the_answer_and_its_feedback(
    alice: User, alice_client: Client, bob_client: Client
) -> None:
    application = rejected_after_onsite(alice)
    reply = the_reply(application)
    followups.followup_mark_sent(followup=reply)
    forward(alice, forwarded_answer())

    url = reverse("followup_detach_answer", args=[reply.pk])
    assert bob_client.post(url).status_code == 404
    assert alice_client.post(url, {"from": "followups"}).status_code == 302

    reply.refresh_from_db()
    assert (reply.answered_at, reply.answer, reply.feedback) == (None, "", None)
    assert not Feedback.objects.exists()
    assert not alice.notifications.filter(data__event="answer").exists()
    assert reply.status == FollowUpStatus.SENT
    # Not back in the queue either: the user decided about it.
    forward(alice, forwarded_answer())
    assert not InboxItem.objects.exists()


def test_an_answer_to_a_thank_you_is_attached_but_is_no_feedback(alice: User) -> None:
    application = application_for(alice, company="Hooli", role="Senior Platform Engineer")
    dave = applications.contact_create(
        owner=alice, name="Dave Okafor", role="hiring_manager", email="dave.okafor@hooli.example"
    )
    interview = applications.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(hours=3),
        kind=InterviewKind.ONSITE,
        interviewers=[dave],
    )
    thanks = followups.followup_propose_thank_you(interview=interview)
    followups.followup_mark_sent(followup=thanks)
    stage = Application.objects.get(pk=application.pk).stage

    forward(
        alice,
        raw_mail(
            sender=MANAGER,
            subject=f"RE: {thanks.subject}",
            body="Hi Alice,\n\nIt was good to meet you too. We will be in touch.\n\nDave\n",
        ),
    )

    thanks.refresh_from_db()
    assert thanks.answer.startswith("Hi Alice,\n\nIt was good to meet you too.")
    assert not Feedback.objects.exists()
    application.refresh_from_db()
    assert application.stage == stage == Stage.INTERVIEWING
