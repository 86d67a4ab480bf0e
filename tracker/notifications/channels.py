"""Ways to reach a user, behind one small interface: `send(notification)` or DeliveryError."""

import json
from email.header import Header
from typing import Protocol
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from tracker.accounts.language import in_language_of
from tracker.accounts.models import WebhookFormat
from tracker.core import outbound
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
        # The words around the notice (its own were written in the user's language) and
        # a failure's message, shown on their page, in their language too.
        with in_language_of(notification.user):
            self._send(notification)

    def _send(self, notification: Notification) -> None:
        user = notification.user
        if not user.email:
            raise DeliveryError(gettext("The account has no email address."))
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
            raise DeliveryError(
                gettext("The mail server refused it: %(error)s") % {"error": exc}
            ) from exc


class WebhookSender:
    def send(self, notification: Notification) -> None:
        with in_language_of(notification.user):
            self._send(notification)

    def _send(self, notification: Notification) -> None:
        user = notification.user
        if not user.webhook_url:
            raise DeliveryError(gettext("No webhook URL is set."))
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
                    "event": "notification",
                    "title": notification.title,
                    "message": notification.body,
                    "url": url,
                    # The sender's extras: a reminder says {"event": "reminder", "followup": 12}.
                    **notification.data,
                    "created_at": notification.created_at.isoformat(),
                }
            ).encode()
            headers = {"Content-Type": "application/json"}
        try:
            outbound.fetch(
                user.webhook_url,
                method="POST",
                body=data,
                headers=headers,
                timeout=WEBHOOK_TIMEOUT,
                # A self-hoster's own ntfy on the LAN: the administrator's explicit choice.
                allow_private=settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
            )
        except outbound.FetchError as exc:
            # The fetcher's message is safe to show: no internal address, port or DNS text.
            raise DeliveryError(gettext("The webhook failed. %(error)s") % {"error": exc}) from exc


SENDERS: dict[str, Sender] = {Channel.EMAIL: EmailSender(), Channel.WEBHOOK: WebhookSender()}
