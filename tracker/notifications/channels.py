"""Ways to reach a user, behind one small interface: `send(notification)` or DeliveryError."""

import ipaddress
import json
import socket
import urllib.error
import urllib.request
from email.header import Header
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from tracker.accounts.models import WebhookFormat
from tracker.notifications.models import Channel, Notification

WEBHOOK_TIMEOUT = 10  # seconds; a slow endpoint must not hold a worker for long


class DeliveryError(Exception):
    """The channel could not deliver; the message says why, for the user and the retry."""


class Sender(Protocol):
    def send(self, notification: Notification) -> None: ...


def absolute(link: str) -> str:
    return urljoin(settings.SITE_URL + "/", link.lstrip("/")) if link else settings.SITE_URL


class EmailSender:
    def send(self, notification: Notification) -> None:
        user = notification.user
        if not user.email:
            raise DeliveryError("The account has no email address.")
        context = {
            "notification": notification,
            "url": absolute(notification.link),
            "settings_url": absolute(reverse("account_settings")),
            "user": user,
        }
        message = EmailMultiAlternatives(
            subject=notification.title,
            body=render_to_string("notifications/email.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
        message.attach_alternative(
            render_to_string("notifications/email.html", context), "text/html"
        )
        try:
            message.send()
        except OSError as exc:  # smtplib's errors are OSErrors, as are refused connections
            raise DeliveryError(f"The mail server refused it: {exc}") from exc


class WebhookSender:
    def send(self, notification: Notification) -> None:
        user = notification.user
        if not user.webhook_url:
            raise DeliveryError("No webhook URL is set.")
        _refuse_private_address(user.webhook_url)
        url = absolute(notification.link)
        if user.webhook_format == WebhookFormat.NTFY:
            # ntfy's publish format: the message is the body, the rest are headers, which
            # must be Latin-1, so the title goes RFC 2047-encoded (ntfy decodes it).
            data = (notification.body or notification.title).encode()
            title = Header(notification.title, "utf-8").encode()
            headers = {"Title": title, "Click": url, "Tags": "envelope"}
        else:
            data = json.dumps(
                {
                    "event": "reminder",
                    "title": notification.title,
                    "message": notification.body,
                    "url": url,
                    "followup": notification.followup_id,
                    "created_at": notification.created_at.isoformat(),
                }
            ).encode()
            headers = {"Content-Type": "application/json"}
        request = urllib.request.Request(
            user.webhook_url, data=data, headers={**headers, "User-Agent": "Rebound"}
        )
        try:
            with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT) as response:
                response.read(1024)
        except urllib.error.HTTPError as exc:
            raise DeliveryError(f"The webhook answered {exc.code} {exc.reason}.") from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise DeliveryError(f"The webhook could not be reached: {exc}") from exc


def _refuse_private_address(url: str) -> None:
    """On a shared server, a webhook must not become a way to reach the server's own
    network (its Redis, a cloud metadata service). Self-hosters who run their own ntfy
    on the LAN set WEBHOOK_ALLOW_PRIVATE_ADDRESSES."""
    if settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES:
        return
    host = urlsplit(url).hostname or ""
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError) as exc:
        raise DeliveryError(f"The webhook's host {host!r} could not be resolved.") from exc
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            raise DeliveryError(
                f"The webhook's host {host!r} is a private address ({ip}); "
                "the server's administrator can allow these."
            )


SENDERS: dict[str, Sender] = {Channel.EMAIL: EmailSender(), Channel.WEBHOOK: WebhookSender()}
