"""The Sent folder (opt-in, read-only): a follow-up the user sent from their mail app is
marked sent with that message's date, its Message-ID kept so that the answer is known by
it; the user can undo. Against the test's Dovecot."""

import imaplib
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.inbox.conftest import connect, poll, raw_mail
from tests.inbox.dovecot import Dovecot
from tests.inbox.test_answers import LETTER_SUBJECT, MANAGER, rejected_after_onsite, the_reply
from tracker.accounts.models import User
from tracker.followups import services as followups
from tracker.followups.models import FollowUp, FollowUpStatus
from tracker.inbox import imap

pytestmark = pytest.mark.django_db

SENT_AT = datetime(2026, 12, 6, 18, 30, tzinfo=UTC)


def sent_copy(
    *, to: str = MANAGER, subject: str = f"Re: {LETTER_SUBJECT}", mid: str = "<mine-1@example.com>"
) -> bytes:
    return raw_mail(
        sender="Alice Martin <alice@example.com>",
        to=to,
        subject=subject,
        body="Dear Dave,\n\nThank you for letting me know. Could you share any advice?\n\nAlice\n",
        message_id=mid,
        date=min(SENT_AT, timezone.now() - timedelta(minutes=1)),
    )


def unsent_reminders(followup: FollowUp) -> list[datetime]:
    return sorted(followup.reminders.filter(sent_at=None).values_list("remind_at", flat=True))


def test_a_copy_in_sent_marks_the_follow_up_sent_and_its_answer_is_known_by_it(
    alice: User, alice_client: Client, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application = rejected_after_onsite(alice)
    reply = the_reply(application)
    reminders = unsent_reminders(reply)
    mailbox = connect(alice, dovecot, imap_user, watch_sent=True)
    dovecot.deliver(imap_user[0], sent_copy(), folder="Sent")

    poll(mailbox)

    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.SENT
    assert reply.sent_at == SENT_AT  # the copy's Date
    assert reply.sent_message_id == "<mine-1@example.com>"
    mailbox.refresh_from_db()
    assert mailbox.sent_folder == "Sent"

    # Their answer, on another subject, names what alice sent.
    dovecot.deliver(
        imap_user[0],
        raw_mail(
            sender=MANAGER,
            subject="A few thoughts",
            body="Hi Alice,\n\nMore Kubernetes in production would have tipped it.\n\nDave\n",
            headers="In-Reply-To: <mine-1@example.com>",
        ),
    )
    poll(mailbox)
    reply.refresh_from_db()
    assert "Kubernetes" in reply.answer

    # Undo: proposed again, with the reminders it had.
    response = alice_client.post(reverse("followup_undo_sent", args=[reply.pk]))
    assert response.status_code == 302
    reply.refresh_from_db()
    assert (reply.status, reply.sent_at, reply.sent_message_id) == ("proposed", None, "")
    now = timezone.now()
    assert unsent_reminders(reply) == [r for r in reminders if r > now]


def test_a_sent_folder_marked_special_use_is_found_by_its_mark(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    reply = the_reply(rejected_after_onsite(alice))
    mailbox = connect(alice, dovecot, imap_user, watch_sent=True)
    dovecot.deliver(imap_user[0], sent_copy(), folder="Outbox Copies")

    poll(mailbox)

    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.SENT
    mailbox.refresh_from_db()
    assert mailbox.sent_folder == "Outbox Copies"


def test_the_sent_folder_is_read_only_when_asked_and_left_unread(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    reply = the_reply(rejected_after_onsite(alice))
    dovecot.deliver(imap_user[0], sent_copy(), folder="Sent")

    poll(connect(alice, dovecot, imap_user))  # not opted in

    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.PROPOSED

    poll(connect(alice, dovecot, imap_user, watch_sent=True))
    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.SENT
    client = imaplib.IMAP4("127.0.0.1", dovecot.port, timeout=5)
    client.login(*imap_user)
    client.select("Sent", readonly=True)
    _, flags = client.fetch("1:*", "(FLAGS)")
    client.logout()
    assert isinstance(flags[0], bytes)
    assert b"\\Seen" not in flags[0]


def test_a_copy_to_someone_else_or_on_another_subject_changes_nothing(
    alice: User, bob: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    reply = the_reply(rejected_after_onsite(alice))
    bobs = connect(bob, dovecot, imap_user, watch_sent=True)  # bob's mailbox: never alice's
    dovecot.deliver(imap_user[0], sent_copy(), folder="Sent")
    dovecot.deliver(imap_user[0], sent_copy(to="eve@hooli.example", mid="<m2@x>"), folder="Sent")

    poll(bobs)

    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.PROPOSED


def test_the_settings_page_opts_in(
    alice: User, alice_client: Client, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    fields = {
        "action": "save",
        "host": "127.0.0.1",
        "port": dovecot.port,
        "security": "none",
        "username": imap_user[0],
        "password": imap_user[1],
        "folder": "INBOX",
    }
    page = alice_client.get(reverse("inbox_settings")).content.decode()
    assert "Also notice the follow-ups I send from my mail app" in page
    assert (
        alice_client.post(reverse("inbox_settings"), {**fields, "watch_sent": "on"}).status_code
        == 302
    )
    assert alice.mailbox.watch_sent
    assert alice_client.post(reverse("inbox_settings"), fields).status_code == 302
    alice.mailbox.refresh_from_db()
    assert not alice.mailbox.watch_sent


def test_the_folder_is_read_from_a_list_answer() -> None:
    lines = [
        b'(\\HasNoChildren) "." INBOX',
        b'(\\HasNoChildren \\Sent) "." "Envoy&AOk-s"',
        b'(\\HasNoChildren) "." Sent',
    ]
    assert imap.sent_folder_of(lines) == "Envoy&AOk-s"
    assert imap.sent_folder_of([lines[0], b'(\\HasNoChildren) "/" "Envoy&AOk-s"']) == "Envoy&AOk-s"
    assert (
        imap.sent_folder_of([b'(\\HasNoChildren) "/" "[Gmail]/Sent Mail"']) == "[Gmail]/Sent Mail"
    )
    assert imap.sent_folder_of([b'(\\HasNoChildren) "." "INBOX.Sent Items"']) == "INBOX.Sent Items"
    assert imap.sent_folder_of([b'(\\Noselect) "." Sent', lines[0]]) is None
    assert imap.folder_name_text("Envoy&AOk-s") == "Envoyés"
    assert imap.folder_name_text("R&AOk-sum&AOk- &- more") == "Résumé & more"


def test_an_undone_sending_stays_undone_when_the_folder_is_read_afresh(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    reply = the_reply(rejected_after_onsite(alice))
    dovecot.deliver(imap_user[0], sent_copy(), folder="Sent")
    poll(connect(alice, dovecot, imap_user, watch_sent=True))
    reply.refresh_from_db()
    followups.followup_undo_sent(followup=reply)

    # Off and on again: the folder is read from the start.
    connect(alice, dovecot, imap_user, watch_sent=False)
    poll(connect(alice, dovecot, imap_user, watch_sent=True))

    reply.refresh_from_db()
    assert reply.status == FollowUpStatus.PROPOSED
