"""The user's inbox settings: the forwarding address and its token, how long items are kept,
and the IMAP mailbox to poll."""

import hashlib
import hmac
import secrets
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tracker.accounts.models import User
from tracker.core.erasure import erase_after_commit
from tracker.inbox import crypto, imap
from tracker.inbox.models import (
    InboundMail,
    Inbox,
    InboxItem,
    Mailbox,
    MailboxStatus,
    Via,
)

DEFAULT_RETENTION_DAYS = 90


def inbox_get_or_create(*, owner: User) -> Inbox:
    inbox, _ = Inbox.objects.get_or_create(
        owner=owner, defaults={"forward_token": secrets.token_urlsafe(32)}
    )
    return inbox


def forward_address(inbox: Inbox) -> str:
    """The secret email address of the inbox on INBOX_FORWARD_DOMAIN ("" without one).

    Lower-case hex from the token (mail systems may change a local part's case); a new
    token makes a new address.
    """
    domain: str = getattr(settings, "INBOX_FORWARD_DOMAIN", "")
    if not domain:
        return ""
    digest = hashlib.sha256(f"address:{inbox.forward_token}".encode()).hexdigest()[:32]
    return f"rebound-{inbox.pk}-{digest}@{domain}"


def forward_url(inbox: Inbox) -> str:
    """The secret URL a mail relay POSTs raw messages to."""
    path = reverse("inbox_forward", args=[inbox.pk, inbox.forward_token])
    return f"{settings.SITE_URL}{path}"


def inbox_for_addresses(addresses: Sequence[str]) -> Inbox | None:
    """Which inbox one of these recipients is, compared in constant time; None for none."""
    for address in addresses:
        local, _, domain = address.strip().lower().rpartition("@")
        parts = local.split("-")
        if len(parts) != 3 or parts[0] != "rebound" or not parts[1].isdigit():
            continue
        inbox = Inbox.objects.select_related("owner").filter(pk=int(parts[1])).first()
        expected = forward_address(inbox).lower() if inbox else ""
        if inbox and hmac.compare_digest(expected.encode(), f"{local}@{domain}".encode()):
            return inbox
    return None


def inbox_rotate_forward_token(*, owner: User) -> Inbox:
    """A new forwarding address; the old one stops working at once."""
    inbox = inbox_get_or_create(owner=owner)
    inbox.forward_token = secrets.token_urlsafe(32)
    inbox.save(update_fields=["forward_token"])
    return inbox


def inbox_set_retention(*, owner: User, days: int) -> Inbox:
    if not 1 <= days <= 3650:
        raise ValidationError({"retention_days": gettext("Keep messages between 1 and 3650 days.")})
    inbox = inbox_get_or_create(owner=owner)
    inbox.retention_days = days
    inbox.save(update_fields=["retention_days"])
    return inbox


@transaction.atomic
def mailbox_save(
    *,
    owner: User,
    host: str,
    port: int,
    security: str,
    username: str,
    password: str | None,
    folder: str,
    watch_sent: bool = False,
) -> Mailbox:
    """Connects a mailbox or changes its settings. `password=None` keeps the stored one.

    `watch_sent`: also read the Sent folder's headers, for the follow-ups sent from the
    user's mail app (opt-in: it is more of their mail than the inbox needs)."""
    mailbox = Mailbox.objects.select_for_update().filter(owner=owner).first()
    if mailbox is None:
        if not password:
            raise ValidationError({"password": gettext("Enter the app password.")})
        mailbox = Mailbox(owner=owner)
    moved = (mailbox.host, mailbox.username, mailbox.folder) != (host, username, folder)
    mailbox.host, mailbox.port, mailbox.security = host, port, security
    mailbox.username, mailbox.folder = username, folder
    if password:
        try:
            mailbox.password_encrypted = crypto.password_encrypt(password)
        except crypto.NoKey as exc:
            raise ValidationError({"password": str(exc)}) from None
    if moved:
        # Another mailbox (or folder): its UIDs mean nothing here, read it afresh.
        mailbox.uidvalidity, mailbox.last_uid = None, 0
    if moved or not watch_sent:
        mailbox.sent_folder, mailbox.sent_uidvalidity, mailbox.sent_last_uid = "", None, 0
    mailbox.watch_sent = watch_sent
    mailbox.status, mailbox.status_message, mailbox.failures = MailboxStatus.NEW, "", 0
    mailbox.next_poll_at = timezone.now()
    mailbox.claim = ""
    mailbox.full_clean(exclude=["owner"])
    mailbox.save()
    inbox_get_or_create(owner=owner)
    return mailbox


@transaction.atomic
def mailbox_disconnect(*, owner: User) -> int:
    """Forgets the mailbox: its credentials and every message kept from it, in the
    database's files too. What the user decided is remembered by fingerprints alone
    (DecidedMessage), so reconnecting queues none of it again."""
    erase_after_commit()
    Mailbox.objects.filter(owner=owner).delete()
    InboundMail.objects.filter(owner=owner, via=Via.IMAP).delete()
    deleted, _ = InboxItem.objects.filter(owner=owner, via=Via.IMAP).delete()
    return deleted


def mailbox_address(mailbox: Mailbox) -> imap.MailboxAddress:
    try:
        password = crypto.password_decrypt(mailbox.password_encrypted)
    except crypto.NoKey as exc:
        raise imap.MailboxError("password", str(exc)) from None
    except crypto.PasswordUnreadable:
        raise imap.MailboxError(
            "password",
            gettext(
                "The stored app password can no longer be read (the server's encryption key "
                "changed). Enter it again."
            ),
        ) from None
    return imap.MailboxAddress(
        host=mailbox.host,
        port=mailbox.port,
        security=mailbox.security,
        username=mailbox.username,
        password=password,
        folder=mailbox.folder,
    )
