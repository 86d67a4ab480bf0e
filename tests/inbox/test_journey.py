"""The whole way: alice connects a mailbox (the test's Dovecot), a rejection lands,
one poll through the real worker puts it in her queue with the right channel, sender and
application; one click confirms it and the right follow-up appears. A forwarded one too."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import application_for
from tests.inbox.conftest import FORM_LETTER, TEST_KEY, raw_mail
from tests.inbox.dovecot import Dovecot
from tests.workers import celery_worker, wait_for
from tracker.accounts.models import User
from tracker.applications.models import Rejection, Stage
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp
from tracker.inbox import services
from tracker.inbox.models import InboxItem, Mailbox
from tracker.inbox.tasks import sweep_mailboxes_task

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

WORKER_ENV = {"INBOX_ENCRYPTION_KEY": TEST_KEY, "OUTBOUND_ALLOWED_NETWORKS": "127.0.0.0/8"}


def test_a_rejection_goes_from_the_mailbox_to_a_follow_up(
    alice: User,
    alice_client: Client,
    bob_client: Client,
    dovecot: Dovecot,
    imap_user: tuple[str, str],
    tmp_path: Path,
) -> None:
    hooli = application_for(alice, company="Hooli", role="Senior Platform Engineer")
    globex = application_for(alice, company="Globex", role="Backend Engineer")
    settings_page = alice_client.post(
        reverse("inbox_settings"),
        {
            "action": "save",
            "host": "127.0.0.1",
            "port": dovecot.port,
            "security": "none",
            "username": imap_user[0],
            "password": imap_user[1],
            "folder": "INBOX",
        },
    )
    assert settings_page.status_code == 302
    dovecot.deliver(imap_user[0], raw_mail())

    with celery_worker(tmp_path / "worker.log", env=WORKER_ENV):
        # Beat's sweep, here in the test process so that the poll task it sends goes to
        # this worker's queue; the worker runs the poll.
        assert sweep_mailboxes_task() == 1
        wait_for(lambda: InboxItem.objects.filter(owner=alice).exists(), timeout=60)

        queue = alice_client.get(reverse("inbox")).content.decode()
        assert (
            "Looks like a rejection from Hooli for Senior Platform Engineer \N{EM DASH} "
            "Dave Okafor, hiring manager, personal email"
        ) in queue
        item = InboxItem.objects.get(owner=alice)
        assert bob_client.post(reverse("inbox_item_confirm", args=[item.pk])).status_code == 404

        alice_client.post(reverse("inbox_item_confirm", args=[item.pk]))
        wait_for(lambda: FollowUp.objects.filter(application=hooli).exists(), timeout=60)

        # A forwarded one does the same.
        inbox = services.inbox_get_or_create(owner=alice)
        forwarded = raw_mail(
            sender="Globex Careers <no-reply@globex.example>",
            subject="Your application to Globex",
            body=FORM_LETTER["body"].replace("Hooli", "Globex"),
        )
        url = reverse("inbox_forward", args=[inbox.pk, inbox.forward_token])
        assert Client().post(url, forwarded, content_type="message/rfc822").status_code == 202
        wait_for(lambda: InboxItem.objects.filter(owner=alice, application=globex).exists())
        second = InboxItem.objects.get(owner=alice, application=globex)
        alice_client.post(reverse("inbox_item_confirm", args=[second.pk]))
        wait_for(lambda: FollowUp.objects.filter(application=globex).exists(), timeout=60)

    mailbox = Mailbox.objects.get(owner=alice)
    assert (mailbox.status, mailbox.last_uid) == ("ok", 1)
    hooli.refresh_from_db()
    assert hooli.stage == Stage.REJECTED
    rejection = Rejection.objects.get(application=hooli)
    assert (rejection.channel, rejection.sender_role, rejection.sender_name) == (
        "personal_email",
        "hiring_manager",
        "Dave Okafor",
    )
    # A personal note from the hiring manager deserves a reply; a form letter none.
    assert FollowUp.objects.get(application=hooli).kind == Kind.REJECTION_REPLY
    assert Rejection.objects.get(application=globex).channel == "automated"
    assert FollowUp.objects.get(application=globex).kind != Kind.REJECTION_REPLY
