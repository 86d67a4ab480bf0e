"""Limits per client address: logins whatever the usernames, sign-ups, and the address
itself read from the configured number of proxies, for axes as for the rest."""

from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from pytest_django import Settings

from tracker.accounts.models import User
from tracker.core.clientip import client_address

pytestmark = pytest.mark.django_db


def _login(client: Client, username: str, password: str = "wrong", **headers: Any) -> int:
    response = client.post(
        reverse("login"), {"username": username, "password": password}, **headers
    )
    return response.status_code


def test_a_spray_of_usernames_from_one_address_is_stopped(
    client: Client, settings: Settings
) -> None:
    settings.LOGIN_ATTEMPTS_PER_ADDRESS = 20

    statuses = [_login(client, f"user{i}") for i in range(30)]

    assert statuses[:20] == [200] * 20  # the form again, with "wrong password"
    assert set(statuses[20:]) == {429}
    page = client.post(reverse("login"), {"username": "user99", "password": "x"})
    assert "Too many attempts from your address" in page.content.decode()
    # Another address is not held back by this one.
    assert _login(client, "user0", REMOTE_ADDR="198.51.100.20") == 200


def test_the_right_password_is_refused_too_once_the_address_is_over(
    client: Client, alice: User, settings: Settings
) -> None:
    settings.LOGIN_ATTEMPTS_PER_ADDRESS = 3
    alice.set_password("alices-real-passphrase")
    alice.save()
    for i in range(3):
        _login(client, f"user{i}")

    assert _login(client, "alice", "alices-real-passphrase") == 429


def test_sign_ups_from_one_address_are_limited(client: Client, settings: Settings) -> None:
    settings.SIGNUPS_PER_ADDRESS = 3

    statuses = [
        client.post(reverse("signup"), {"username": f"taken{i}"}).status_code for i in range(5)
    ]

    assert statuses == [200, 200, 200, 429, 429]


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy trusted: the header is the client's word
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client's own entry is ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
        (2, "203.0.113.9", "203.0.113.9"),
        (1, "", "10.0.0.2"),
    ],
)
def test_the_client_address_comes_from_the_trusted_proxies(
    settings: Settings, count: int, forwarded: str, expected: str
) -> None:
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == expected


def test_axes_locks_out_the_client_behind_the_proxy_not_the_proxy(
    client: Client, alice: User, settings: Settings
) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    alice.set_password("alices-real-passphrase")
    alice.save()
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "alice", HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy)

    # The guesser is locked out...
    locked = _login(
        client, "alice", "alices-real-passphrase", HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy
    )
    assert locked == 429
    # ...alice, through the same proxy from her own address, is not.
    own = _login(
        client, "alice", "alices-real-passphrase", HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy
    )
    assert own == 302


def test_only_failed_logins_count_toward_the_address_limit(
    client: Client, alice: User, settings: Settings
) -> None:
    """Behind a proxy that hides addresses everyone shares one: sign-ins must not use it up."""
    settings.LOGIN_ATTEMPTS_PER_ADDRESS = 3
    alice.set_password("alices-real-passphrase")
    alice.save()
    for _ in range(10):
        assert _login(Client(), "alice", "alices-real-passphrase") == 302

    assert [_login(client, f"user{i}") for i in range(4)] == [200, 200, 200, 429]


def test_axes_counts_only_failures_too(client: Client, alice: User, settings: Settings) -> None:
    settings.AXES_FAILURE_LIMIT = 2
    alice.set_password("alices-real-passphrase")
    alice.save()
    for _ in range(5):
        assert _login(Client(), "alice", "alices-real-passphrase") == 302
    assert _login(client, "alice") == 200
    assert _login(Client(), "alice", "alices-real-passphrase") == 302  # a success resets it
    assert _login(client, "alice") == 200
    assert _login(client, "alice") == 429  # the second failure in a row locks the pair out
