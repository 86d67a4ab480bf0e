"""The inbox's tests: a real Dovecot (started once per test process), mail written here."""

import uuid
from collections.abc import Iterator
from email.utils import format_datetime, make_msgid

import pytest
from cryptography.fernet import Fernet
from django.utils import timezone
from pytest_django import Settings

from tests.inbox.dovecot import Dovecot, available, dovecot_server
from tracker.accounts.models import User
from tracker.inbox import services
from tracker.inbox.models import InboundMail, Mailbox, Security

TEST_KEY = Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def _inbox_settings(settings: Settings) -> None:
    settings.INBOX_ENCRYPTION_KEY = TEST_KEY
    # The test server is on this machine: allowed here, as an administrator would.
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.INBOX_IMAP_TIMEOUT = 15


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    if not available():
        pytest.skip("Dovecot is not installed (apt-get install dovecot-imapd), or not root")
    with dovecot_server() as server:
        yield server


@pytest.fixture
def imap_user(dovecot: Dovecot) -> tuple[str, str]:
    """A fresh account on the test server: (username, password)."""
    username = f"u{uuid.uuid4().hex[:10]}"
    password = f"pw-{uuid.uuid4().hex[:8]}"
    dovecot.add_user(username, password)
    return username, password


def connect(owner: User, dovecot: Dovecot, account: tuple[str, str], **extra: object) -> Mailbox:
    fields: dict[str, object] = {
        "host": "127.0.0.1",
        "port": dovecot.port,
        "security": Security.NONE,
        "username": account[0],
        "password": account[1],
        "folder": "INBOX",
        **extra,
    }
    return services.mailbox_save(owner=owner, **fields)  # type: ignore[arg-type]


def poll(mailbox: Mailbox) -> str:
    """What the sweep and the tasks do, in this process: the poll, then the reading of what
    it kept."""
    claimed = dict(services.mailboxes_claim_due(now=timezone.now() + services.POLL_LEASE * 100))
    result = services.mailbox_poll(mailbox_id=mailbox.pk, claim=claimed[mailbox.pk])
    read_kept(mailbox.owner)
    return result


def read_all_kept() -> None:
    for owner_id in set(InboundMail.objects.values_list("owner_id", flat=True)):
        while services.inbound_read(owner_id=owner_id) == "more":
            pass


def read_kept(owner: User) -> None:
    """The reading task, here: what arrived (polled, forwarded, from the email service)."""
    while services.inbound_read(owner_id=owner.pk) == "more":
        pass


def raw_mail(
    *,
    sender: str = "Dave Okafor <dave@hooli.example>",
    to: str = "alice@example.com",
    subject: str = "Your application for Senior Platform Engineer",
    body: str = (
        "Hi Alice,\n\nThank you for meeting the team last week. Unfortunately we have "
        "decided not to move forward with your application.\n\nBest,\nDave Okafor\n"
        "Engineering Manager, Hooli\n"
    ),
    message_id: str | None = "",
    date: object = None,
    headers: str = "",
) -> bytes:
    when = date or timezone.now()
    mid = make_msgid(domain="hooli.example") if message_id == "" else message_id
    lines = [
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {subject}",
        f"Date: {format_datetime(when)}",  # type: ignore[arg-type]
    ]
    if mid:
        lines.append(f"Message-ID: {mid}")
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]
    head = "\r\n".join(lines) + ("\r\n" + headers.strip("\r\n") if headers else "")
    return (head + "\r\n\r\n" + body.replace("\n", "\r\n")).encode()


FORM_LETTER = {
    "sender": "Hooli Recruiting <no-reply@hooli.example>",
    "subject": "Update on your Hooli application",
    "body": (
        "Dear Alice,\n\nThank you for your interest in Hooli. After careful consideration we "
        "have decided to move forward with other candidates whose experience more closely "
        "matches our needs. We will keep your resume on file.\n\nThe Hooli Talent Team\n"
    ),
}
