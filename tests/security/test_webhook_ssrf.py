"""A reminder webhook cannot reach the server's own network, and says why without details."""

import logging
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_django import Settings

from tests.factories import rejected_late, send_due_reminders
from tests.security.servers import Server, redirect_to
from tracker.accounts.models import User
from tracker.notifications import services
from tracker.notifications.models import Channel, DeliveryStatus, Notification

pytestmark = pytest.mark.django_db

PUBLIC = "127.0.0.2"  # the stand-in for a public server; 127.0.0.1 stays "inside"


@pytest.fixture(autouse=True)
def _production_guard(settings: Settings) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    settings.OUTBOUND_ALLOWED_NETWORKS = [f"{PUBLIC}/32"]


@pytest.fixture
def public() -> Iterator[Server]:
    server = Server(PUBLIC)
    yield server
    server.close()


@pytest.fixture
def internal() -> Iterator[Server]:
    server = Server("127.0.0.1")
    yield server
    server.close()


@pytest.fixture
def hooks_example_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "hooks.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def _deliver(user: User, url: str) -> Notification:
    User.objects.filter(pk=user.pk).update(webhook_url=url)  # as stored, past any form
    rejected_late(user)
    send_due_reminders()
    hook = Notification.objects.get(user=user, channel=Channel.WEBHOOK)
    services.notification_deliver(notification_id=hook.pk)
    hook.refresh_from_db()
    return hook


def _assert_user_safe(message: str, *secrets: object) -> None:
    assert message
    for secret in ("127.0.0.1", "169.254", "refused", "errno", "resolve", *secrets):
        assert str(secret).lower() not in message.lower(), message


def test_it_delivers_to_a_public_server(alice: User, public: Server) -> None:
    hook = _deliver(alice, public.url("/topic"))

    assert hook.status == DeliveryStatus.DELIVERED
    assert len(public.requests) == 1


@pytest.mark.parametrize(
    "inside", ["http://127.0.0.1:{port}/", "http://169.254.169.254/latest/meta-data/"]
)
def test_a_webhook_redirected_inside_is_not_followed(
    alice: User, public: Server, internal: Server, inside: str
) -> None:
    public.answer = redirect_to(inside.format(port=internal.port))

    hook = _deliver(alice, public.url("/topic"))

    assert hook.status == DeliveryStatus.PENDING
    assert len(public.requests) == 1
    assert internal.requests == []
    _assert_user_safe(hook.last_error, internal.port)


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.com@127.0.0.1:{port}/",
        "http://127.0.0.1:{port}\\@hooks.example.com/",
        "http://user@hooks.example.com:{port}/",
    ],
)
def test_a_webhook_with_a_user_part_is_refused(
    alice: User, internal: Server, hooks_example_is_public: None, url: str
) -> None:
    hook = _deliver(alice, url.format(port=internal.port))

    assert hook.status == DeliveryStatus.PENDING
    assert internal.requests == []
    _assert_user_safe(hook.last_error, internal.port)


def test_a_public_name_resolving_inside_is_refused_without_saying_where(
    alice: User, internal: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, port, *a, **k: (
            [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
            if host == "hooks.example.com"
            else real(host, port, *a, **k)
        ),
    )

    hook = _deliver(alice, f"http://hooks.example.com:{internal.port}/")

    assert internal.requests == []
    assert hook.last_error == "The webhook failed. Could not deliver to this address."


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:abc/", "http://127.0.0.1/a b", "http://127.0.0.1:99999/"]
)
def test_an_invalid_webhook_url_is_a_failure_not_a_crash(
    alice: User, settings: Settings, caplog: pytest.LogCaptureFixture, url: str
) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True  # past the address check, to the parser
    with caplog.at_level(logging.INFO):
        hook = _deliver(alice, url)

    assert hook.status == DeliveryStatus.PENDING
    assert "webhook" in hook.last_error.lower()
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []


def test_the_settings_form_refuses_a_url_with_a_user_part(alice: User) -> None:
    from tracker.accounts.forms import ProfileForm

    form = ProfileForm(
        data={
            "full_name": "Alice",
            "email": "alice@example.com",
            "time_zone": "UTC",
            "webhook_url": "https://user@hooks.example.com/topic",
            "webhook_format": "json",
        },
        instance=alice,
    )

    assert not form.is_valid()
    assert "user name" in form.errors["webhook_url"][0]
