"""Channels: email and webhook deliver once; a failing one is recorded, retried, contained."""

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from email.header import decode_header, make_header
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from pytest_django import Settings

from tests.factories import rejected_late, send_due_reminders
from tracker.accounts.models import User
from tracker.followups.models import FollowUp
from tracker.notifications import services
from tracker.notifications.models import Channel, DeliveryStatus, Notification

pytestmark = pytest.mark.django_db


class Endpoint:
    """A webhook receiver on a spare local port, answering with a chosen status."""

    def __init__(self) -> None:
        self.status = 200
        self.requests: list[tuple[dict[str, str], bytes]] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                endpoint.requests.append((dict(self.headers), self.rfile.read(length)))
                self.send_response(endpoint.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/rebound-topic"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def endpoint(settings: Settings) -> Iterator[Endpoint]:
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True  # the test's receiver is on loopback
    server = Endpoint()
    yield server
    server.server.shutdown()


def _notified(user: User) -> dict[str, Notification]:
    rejected_late(user)
    send_due_reminders()
    return {n.channel: n for n in Notification.objects.filter(user=user)}


def test_the_reminder_email_has_text_html_and_a_link(alice: User, settings: Settings) -> None:
    settings.SITE_URL = "https://rebound.example.org"
    email = _notified(alice)[Channel.EMAIL]

    assert services.notification_deliver(notification_id=email.pk) == DeliveryStatus.DELIVERED

    (message,) = mail.outbox
    assert message.to == ["alice@example.com"]
    assert message.subject == "Reply to the rejection \N{EM DASH} Backend Engineer at Acme"
    followup = FollowUp.objects.get(pk=email.data["followup"])
    link = f"https://rebound.example.org/applications/{followup.application_id}/"
    assert link in str(message.body)
    assert isinstance(message, EmailMultiAlternatives)
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert link in str(html)


def test_a_delivered_notification_is_not_sent_again(alice: User) -> None:
    email = _notified(alice)[Channel.EMAIL]

    services.notification_deliver(notification_id=email.pk)
    assert services.notification_deliver(notification_id=email.pk) == ""

    assert len(mail.outbox) == 1


def test_the_webhook_posts_json(alice: User, endpoint: Endpoint) -> None:
    alice.webhook_url = endpoint.url
    alice.save()
    hook = _notified(alice)[Channel.WEBHOOK]

    assert services.notification_deliver(notification_id=hook.pk) == DeliveryStatus.DELIVERED

    ((headers, body),) = endpoint.requests
    assert headers["Content-Type"] == "application/json"
    payload = json.loads(body)
    assert payload["title"] == hook.title
    assert payload["event"] == "reminder"
    assert payload["followup"] == hook.data["followup"]
    assert payload["url"].endswith(hook.link)


def test_the_webhook_speaks_ntfy(alice: User, endpoint: Endpoint) -> None:
    alice.webhook_url = endpoint.url
    alice.webhook_format = "ntfy"
    alice.save()
    hook = _notified(alice)[Channel.WEBHOOK]

    services.notification_deliver(notification_id=hook.pk)

    ((headers, body),) = endpoint.requests
    assert str(make_header(decode_header(headers["Title"]))) == hook.title
    assert headers["Click"].endswith(hook.link)
    assert body.decode() == hook.body


def test_a_failing_webhook_is_recorded_retried_with_backoff_and_blocks_nothing(
    alice: User, endpoint: Endpoint
) -> None:
    endpoint.status = 503
    alice.webhook_url = endpoint.url
    alice.save()
    sent = _notified(alice)

    assert services.notification_deliver(notification_id=sent[Channel.EMAIL].pk) == "delivered"
    assert services.notification_deliver(notification_id=sent[Channel.WEBHOOK].pk) == "pending"

    hook = Notification.objects.get(pk=sent[Channel.WEBHOOK].pk)
    assert hook.attempts == 1
    assert "503" in hook.last_error
    assert hook.next_attempt_at is not None
    assert hook.next_attempt_at > timezone.now() + timedelta(seconds=50)
    # Not before its time...
    assert services.notification_deliver(notification_id=hook.pk) == ""
    # ...then again, with a longer wait each time, until it gives up.
    statuses = [
        services.notification_deliver(
            notification_id=hook.pk, now=timezone.now() + timedelta(hours=h)
        )
        for h in range(1, 7)
    ]
    assert statuses[-2:] == ["failed", ""]
    hook.refresh_from_db()
    assert hook.attempts == services.MAX_ATTEMPTS
    assert len(mail.outbox) == 1


def test_an_unreachable_webhook_is_a_recorded_failure(alice: User, settings: Settings) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    alice.webhook_url = "http://127.0.0.1:1/nobody-listens"
    alice.save()
    hook = _notified(alice)[Channel.WEBHOOK]

    services.notification_deliver(notification_id=hook.pk)

    hook.refresh_from_db()
    assert "Could not deliver" in hook.last_error
    assert "127.0.0.1" not in hook.last_error
    assert "refused" not in hook.last_error.lower()


def test_a_delivery_whose_worker_died_is_picked_up_again(alice: User) -> None:
    email = _notified(alice)[Channel.EMAIL]
    # A worker claimed it and vanished: SENDING, lease running.
    Notification.objects.filter(pk=email.pk).update(
        status=DeliveryStatus.SENDING, next_attempt_at=timezone.now() - timedelta(minutes=2)
    )

    assert services.notifications_retry_due() == 1

    email.refresh_from_db()
    assert email.status == DeliveryStatus.PENDING


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:6379/", "http://169.254.169.254/latest", "http://localhost/x"]
)
def test_a_webhook_may_not_reach_the_servers_own_network(alice: User, url: str) -> None:
    alice.webhook_url = url
    alice.save()
    hook = _notified(alice)[Channel.WEBHOOK]

    services.notification_deliver(notification_id=hook.pk)

    hook.refresh_from_db()
    assert "Could not deliver" in hook.last_error
    assert "127.0.0.1" not in hook.last_error
    assert "169.254" not in hook.last_error
