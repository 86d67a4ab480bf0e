"""Settings → Inbox: connect, test, disconnect; the password is encrypted and never shown."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from tests.inbox.conftest import connect, raw_mail
from tests.inbox.dovecot import Dovecot
from tracker.accounts.models import User
from tracker.inbox import services
from tracker.inbox.models import InboxItem, Mailbox, Via

pytestmark = pytest.mark.django_db


def form(dovecot: Dovecot, account: tuple[str, str], action: str, **extra: object) -> dict:
    return {
        "action": action,
        "host": "127.0.0.1",
        "port": dovecot.port,
        "security": "none",
        "username": account[0],
        "password": account[1],
        "folder": "INBOX",
        **extra,
    }


def test_connecting_stores_the_password_encrypted_and_never_shows_it(
    alice_client: Client, alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    response = alice_client.post(reverse("inbox_settings"), form(dovecot, imap_user, "save"))

    assert response.status_code == 302
    mailbox = Mailbox.objects.get(owner=alice)
    assert imap_user[1] not in mailbox.password_encrypted
    assert services.mailbox_address(mailbox).password == imap_user[1]
    page = alice_client.get(reverse("inbox_settings")).content.decode()
    assert imap_user[1] not in page
    assert mailbox.password_encrypted not in page


def test_saving_again_without_a_password_keeps_the_stored_one(
    alice_client: Client, alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    connect(alice, dovecot, imap_user)
    alice_client.post(reverse("inbox_settings"), form(dovecot, imap_user, "save", password=""))
    assert services.mailbox_address(Mailbox.objects.get(owner=alice)).password == imap_user[1]


def test_test_connection_says_plainly_what_happened(
    alice_client: Client, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    ok = alice_client.post(reverse("inbox_settings"), form(dovecot, imap_user, "test"))
    assert "Connected. INBOX holds 0 messages" in ok.content.decode()
    bad = alice_client.post(
        reverse("inbox_settings"), form(dovecot, imap_user, "test", password="nope")
    )
    assert "refused the username or app password" in bad.content.decode()
    assert not Mailbox.objects.exists()  # a test saves nothing


def test_no_tls_is_refused_for_a_server_elsewhere(
    alice_client: Client, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    response = alice_client.post(
        reverse("inbox_settings"), form(dovecot, imap_user, "save", host="imap.example.com")
    )
    assert response.status_code == 400
    assert "only allowed for a server on this machine" in response.content.decode()
    assert not Mailbox.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("host", "bad host!"), ("port", "0"), ("port", "abc"), ("folder", "Boîte"),
     ("security", "ssl3"), ("password", "a\r\nb"), ("host", "x" * 300)],
)  # fmt: skip
def test_bad_input_is_a_field_error_never_a_500(
    alice_client: Client, dovecot: Dovecot, imap_user: tuple[str, str], field: str, value: str
) -> None:
    response = alice_client.post(
        reverse("inbox_settings"), form(dovecot, imap_user, "save", **{field: value})
    )
    assert response.status_code == 400
    assert not Mailbox.objects.exists()


def test_disconnecting_deletes_the_credentials_and_the_kept_messages(
    alice_client: Client, alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    connect(alice, dovecot, imap_user)
    services.message_ingest(owner=alice, raw=raw_mail(), via=Via.IMAP)

    alice_client.post(reverse("inbox_settings"), {"action": "disconnect"})

    assert not Mailbox.objects.filter(owner=alice).exists()
    assert not InboxItem.objects.filter(owner=alice).exists()


def test_old_messages_go_after_the_retention_period(alice: User, bob: User) -> None:
    services.inbox_set_retention(owner=alice, days=7)
    services.inbox_get_or_create(owner=bob)  # the default, 90 days
    for user in (alice, bob):
        services.message_ingest(owner=user, raw=raw_mail(), via=Via.FORWARD)
    InboxItem.objects.update(created_at=timezone.now() - timedelta(days=10))

    assert services.inbox_items_expire() == 1

    assert not InboxItem.objects.filter(owner=alice).exists()
    assert InboxItem.objects.filter(owner=bob).exists()


def test_the_retention_setting_is_bounded(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("inbox_settings"), {"action": "retention", "retention_days": "0"}
    )
    assert response.status_code == 400
    ok = alice_client.post(
        reverse("inbox_settings"), {"action": "retention", "retention_days": "30"}
    )
    assert ok.status_code == 302


def test_the_forwarding_address_is_shown_and_can_be_replaced(
    alice_client: Client, alice: User
) -> None:
    old = services.inbox_get_or_create(owner=alice).forward_token
    assert old in alice_client.get(reverse("inbox_settings")).content.decode()
    alice_client.post(reverse("inbox_settings"), {"action": "rotate"})
    assert services.inbox_get_or_create(owner=alice).forward_token != old


def test_without_an_encryption_key_in_production_no_password_is_stored(
    alice_client: Client, dovecot: Dovecot, imap_user: tuple[str, str], settings: Settings
) -> None:
    settings.DEBUG = False
    settings.INBOX_ENCRYPTION_KEY = ""
    response = alice_client.post(reverse("inbox_settings"), form(dovecot, imap_user, "save"))
    assert response.status_code == 400
    assert "must set INBOX_ENCRYPTION_KEY" in response.content.decode()
    assert not Mailbox.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    "sqlite" not in django_settings.DATABASES["default"]["ENGINE"], reason="SQLite's files"
)
def test_a_disconnected_mailbox_is_gone_from_the_database_files_too(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    marker = "Zq7-unmistakable-words-of-a-kept-rejection"
    mailbox = connect(alice, dovecot, imap_user)
    ciphertext = mailbox.password_encrypted.encode()
    services.message_ingest(
        owner=alice, raw=raw_mail(body=f"Unfortunately we decline. {marker}\n"), via=Via.IMAP
    )
    services.inbound_store(owner=alice, raw=raw_mail(body=f"Also {marker}\n"), via=Via.IMAP)
    path = Path(connection.settings_dict["NAME"])

    def on_disk() -> bytes:
        return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())

    assert marker.encode() in on_disk()

    services.mailbox_disconnect(owner=alice)

    assert marker.encode() not in on_disk()
    assert ciphertext not in on_disk()
