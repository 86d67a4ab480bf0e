"""Polling a real IMAP server (Dovecot): new mail only, read-only, bounded first sync."""

import imaplib
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import application_for, make_user
from tests.inbox.conftest import FORM_LETTER, connect, poll, raw_mail
from tests.inbox.dovecot import Dovecot
from tracker.accounts.models import User
from tracker.applications.models import Stage
from tracker.inbox import services
from tracker.inbox.models import InboxItem, Mailbox, MailboxStatus
from tracker.inbox.services import polling

pytestmark = pytest.mark.django_db


def test_a_rejection_in_the_mailbox_is_queued_for_its_application(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application = application_for(alice, company="Hooli", role="Senior Platform Engineer")
    mailbox = connect(alice, dovecot, imap_user)
    dovecot.deliver(imap_user[0], raw_mail())

    assert poll(mailbox) == "ok"

    item = InboxItem.objects.get(owner=alice)
    assert item.application == application
    assert (item.kind, item.channel, item.sender_role) == (
        "rejection",
        "personal_email",
        "hiring_manager",
    )
    assert (item.sender_name, item.sender_email) == ("Dave Okafor", "dave@hooli.example")
    # Nothing changes before the user confirms.
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED
    mailbox.refresh_from_db()
    assert mailbox.status == MailboxStatus.OK
    assert mailbox.last_uid == 1


def test_only_new_messages_are_read_on_the_next_poll(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    mailbox = connect(alice, dovecot, imap_user)
    dovecot.deliver(imap_user[0], raw_mail())
    poll(mailbox)
    InboxItem.objects.all().delete()  # were it read again, it would come back

    dovecot.deliver(imap_user[0], raw_mail(**FORM_LETTER))
    poll(mailbox)

    item = InboxItem.objects.get(owner=alice)
    assert item.channel == "automated"
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 2


def test_the_first_sync_reads_only_the_last_60_days(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer", days_ago=200)
    old = timezone.now() - timedelta(days=90)
    dovecot.deliver(imap_user[0], raw_mail(date=old), received=old)
    dovecot.deliver(imap_user[0], raw_mail(**FORM_LETTER))
    mailbox = connect(alice, dovecot, imap_user)

    poll(mailbox)

    assert list(InboxItem.objects.values_list("channel", flat=True)) == ["automated"]


def test_mail_that_is_not_about_a_job_is_not_kept(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    dovecot.deliver(
        imap_user[0],
        raw_mail(
            sender="Mum <mum@family.example>",
            subject="Sunday lunch",
            body="Shall we meet at one? Bring the dog.\n",
        ),
    )
    mailbox = connect(alice, dovecot, imap_user)

    assert poll(mailbox) == "ok"

    assert not InboxItem.objects.exists()
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 1


def test_reading_leaves_the_mail_unread_and_in_place(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    dovecot.deliver(imap_user[0], raw_mail())
    poll(connect(alice, dovecot, imap_user))

    client = imaplib.IMAP4("127.0.0.1", dovecot.port, timeout=5)
    client.login(*imap_user)
    client.select("INBOX", readonly=True)
    _, flags = client.fetch("1:*", "(FLAGS)")
    client.logout()
    assert len(flags) == 1
    assert isinstance(flags[0], bytes)
    assert b"\\Seen" not in flags[0]
    assert b"\\Deleted" not in flags[0]


def test_a_new_uidvalidity_reads_the_folder_afresh_without_duplicates(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    mailbox = connect(alice, dovecot, imap_user)
    dovecot.deliver(imap_user[0], raw_mail())
    poll(mailbox)
    Mailbox.objects.filter(pk=mailbox.pk).update(uidvalidity=1, last_uid=999)

    assert poll(mailbox) == "ok"

    assert InboxItem.objects.count() == 1
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 1


def test_a_backlog_larger_than_one_poll_continues_at_once(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(polling, "MAX_PER_POLL", 2)
    for _ in range(3):
        dovecot.deliver(imap_user[0], raw_mail(**FORM_LETTER))
    mailbox = connect(alice, dovecot, imap_user)

    assert poll(mailbox) == "more"
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 2
    assert mailbox.next_poll_at <= timezone.now()
    assert poll(mailbox) == "ok"
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 3


def test_two_sweeps_claim_a_mailbox_once_and_a_second_delivery_polls_nothing(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    mailbox = connect(alice, dovecot, imap_user)
    now = timezone.now()

    first = services.mailboxes_claim_due(now=now)
    second = services.mailboxes_claim_due(now=now)

    assert [pk for pk, _ in first] == [mailbox.pk]
    assert second == []
    claim = first[0][1]
    assert services.mailbox_poll(mailbox_id=mailbox.pk, claim=claim) == "ok"
    assert services.mailbox_poll(mailbox_id=mailbox.pk, claim=claim) == "skipped"


def test_a_poll_notifies_once_for_what_it_brought(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    dovecot.deliver(imap_user[0], raw_mail())
    dovecot.deliver(imap_user[0], raw_mail(**FORM_LETTER))
    poll(connect(alice, dovecot, imap_user))

    notices = alice.notifications.filter(channel="in_app")
    assert notices.count() == 1
    assert "2 new messages" in notices.get().title


def test_each_user_reads_only_their_own_mailbox(
    alice: User, bob: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    application_for(bob, company="Hooli", role="Senior Platform Engineer")
    dovecot.deliver(imap_user[0], raw_mail())
    poll(connect(alice, dovecot, imap_user))

    assert InboxItem.objects.filter(owner=bob).count() == 0
    assert InboxItem.objects.get().application.owner == alice  # type: ignore[union-attr]
    carol = make_user(username="carol")
    assert services.ingest_context(owner=carol).candidates == []
