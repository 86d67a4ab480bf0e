"""A mailbox that is down, slow, refuses the password or has a bad certificate: the
settings page says what failed in plain words, the next try waits longer, others go on."""

import socket
import ssl
import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from tests.factories import make_user
from tests.inbox.conftest import connect, poll, raw_mail, read_kept
from tests.inbox.dovecot import Dovecot, free_port
from tracker.accounts.models import User
from tracker.inbox import imap, services
from tracker.inbox.models import InboxItem, Mailbox, MailboxStatus, Security

pytestmark = pytest.mark.django_db


def address(dovecot: Dovecot, account: tuple[str, str], **extra: object) -> imap.MailboxAddress:
    fields: dict[str, object] = {
        "host": "127.0.0.1",
        "port": dovecot.port,
        "security": "none",
        "username": account[0],
        "password": account[1],
        **extra,
    }
    return imap.MailboxAddress(**fields)  # type: ignore[arg-type]


def failure(where: imap.MailboxAddress, timeout: float = 15) -> imap.MailboxError:
    with pytest.raises(imap.MailboxError) as caught:
        imap.mailbox_check(where, timeout=timeout)
    return caught.value


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for s in held:
        s.close()
    server.close()


def test_a_good_mailbox_says_what_it_found(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    dovecot.deliver(imap_user[0], raw_mail())
    assert imap.mailbox_check(address(dovecot, imap_user)).startswith("Connected. INBOX holds 1")


def test_a_wrong_password_is_a_login_failure(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    error = failure(address(dovecot, (imap_user[0], "wrong")))
    assert error.kind == "login"
    assert "app password" in error.message


def test_a_missing_folder_is_named(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    error = failure(address(dovecot, imap_user, folder="Jobs"))
    assert (error.kind, error.message) == ("folder", "There is no folder named “Jobs”.")


def test_a_server_that_is_down_is_refused(imap_user: tuple[str, str]) -> None:
    error = failure(imap.MailboxAddress("127.0.0.1", free_port(), "none", "u", "p"))
    assert error.kind == "refused"


def test_a_silent_server_times_out(silent_port: int) -> None:
    error = failure(imap.MailboxAddress("127.0.0.1", silent_port, "none", "u", "p"), timeout=1)
    assert error.kind == "timeout"
    assert "did not answer" in error.message


def test_a_self_signed_certificate_is_refused(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    error = failure(
        address(dovecot, imap_user, host="localhost", port=dovecot.tls_port, security="tls")
    )
    assert error.kind == "certificate"
    assert "self-signed" in error.message


def test_tls_to_a_plain_port_is_a_tls_failure(dovecot: Dovecot, imap_user: tuple[str, str]) -> None:
    error = failure(address(dovecot, imap_user, host="localhost", security="tls"))
    assert error.kind in {"tls", "protocol"}


def test_starttls_is_tried_and_the_certificate_checked(
    dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    error = failure(address(dovecot, imap_user, host="localhost", security="starttls"))
    assert error.kind == "certificate"


def test_one_tls_context_a_process_and_it_still_checks_every_certificate(
    dovecot: Dovecot, imap_user: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the system's CA certificates cost a poll half its time: made once, for TLS
    only, and every connection is still checked."""
    made = []
    real = ssl.create_default_context

    def counted() -> ssl.SSLContext:
        made.append(1)
        return real()

    monkeypatch.setattr(ssl, "create_default_context", counted)
    imap.tls_context.cache_clear()
    try:
        assert imap.mailbox_check(address(dovecot, imap_user)).startswith("Connected.")
        assert made == []
        for security, port in (("tls", dovecot.tls_port), ("starttls", dovecot.port)) * 2:
            where = address(dovecot, imap_user, host="localhost", port=port, security=security)
            assert failure(where).kind == "certificate"
        assert made == [1]
    finally:
        imap.tls_context.cache_clear()


def test_an_unknown_host_and_a_private_one_get_the_same_words(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two answers would tell an outsider which internal names exist."""
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    real = socket.getaddrinfo

    def resolver(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "mail.corp.internal":
            return real("10.1.2.3", *args, **kwargs)
        if host in ("127.0.0.1", "10.9.9.9"):
            return real(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    words = set()
    for host in ("no-such-host.invalid", "mail.corp.internal", "127.0.0.1", "10.9.9.9"):
        error = failure(imap.MailboxAddress(host, 993, "tls", "u", "p"))
        assert error.kind == "host"
        words.add(error.message.replace(f"“{host}”", "HOST"))
    assert len(words) == 1
    assert "10.1.2.3" not in "".join(words)
    # The one refusal names the setting that lets a server on this machine or the LAN in.
    assert "OUTBOUND_ALLOWED_NETWORKS" in words.pop()


def test_no_tls_is_only_for_this_machine() -> None:
    error = failure(imap.MailboxAddress("imap.example.com", 143, "none", "u", "p"))
    assert error.kind == "insecure"


def test_a_failing_mailbox_backs_off_and_says_why_on_the_settings_page(
    alice: User, alice_client: Client, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    mailbox = connect(alice, dovecot, (imap_user[0], "not-the-password"))

    assert poll(mailbox) == "login"
    mailbox.refresh_from_db()
    first_wait = mailbox.next_poll_at - timezone.now()
    assert poll(mailbox) == "login"
    mailbox.refresh_from_db()

    assert mailbox.status == MailboxStatus.FAILING
    assert mailbox.failures == 2
    assert mailbox.next_poll_at - timezone.now() > first_wait + timedelta(minutes=4)
    page = alice_client.get(reverse("inbox_settings")).content.decode()
    assert "Failing:" in page
    assert "refused the username or app password" in page
    assert "Traceback" not in page


def test_one_broken_mailbox_does_not_stop_the_others(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    broken = services.mailbox_save(
        owner=make_user(username="carol"), host="127.0.0.1", port=free_port(),
        security=Security.NONE, username="c", password="p", folder="INBOX",
    )  # fmt: skip
    good = connect(alice, dovecot, imap_user)
    dovecot.deliver(imap_user[0], raw_mail())

    claimed = services.mailboxes_claim_due()
    results = {pk: services.mailbox_poll(mailbox_id=pk, claim=c) for pk, c in claimed}
    read_kept(alice)

    assert results == {broken.pk: "refused", good.pk: "ok"}
    assert Mailbox.objects.get(pk=good.pk).status == MailboxStatus.OK
    assert InboxItem.objects.filter(owner=alice).count() == 1


def test_a_password_encrypted_with_another_key_asks_for_it_again(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str], settings: Settings
) -> None:
    mailbox = connect(alice, dovecot, imap_user)
    settings.INBOX_ENCRYPTION_KEY = "A" * 43 + "="
    assert poll(mailbox) == "password"
    mailbox.refresh_from_db()
    assert "Enter it again" in mailbox.status_message
