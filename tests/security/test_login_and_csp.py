"""Account security: slow password hashes, a temporary lockout after repeated guessing."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from tests.factories import make_user
from tracker import settings as project

pytestmark = pytest.mark.django_db


def _guess(client: Client, password: str) -> int:
    response = client.post(reverse("login"), {"username": "carol", "password": password})
    return int(response.status_code)


def test_passwords_are_hashed_with_argon2(settings: Settings) -> None:
    # The suite swaps in a fast hasher for speed; put the project's own list back.
    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
    user = make_user(username="carol")

    assert user.password.startswith("argon2$")
    assert user.check_password("correct horse battery")


def test_repeated_wrong_passwords_lock_the_login_for_a_while(client: Client) -> None:
    make_user(username="carol")

    assert [_guess(client, "wrong") for _ in range(4)] == [200] * 4
    assert _guess(client, "wrong") == 429
    # Locked: even the right password is refused, with a page that says why.
    response = client.post(
        reverse("login"), {"username": "carol", "password": "correct horse battery"}
    )
    assert response.status_code == 429
    assert b"Too many attempts" in response.content


def test_the_lockout_is_a_cool_off_not_a_permanent_ban(client: Client, settings: Settings) -> None:
    make_user(username="carol")
    for _ in range(5):
        _guess(client, "wrong")
    # A quarter of an hour later (the attempts age past the cool-off)...
    apps.get_model("axes", "AccessAttempt").objects.update(
        attempt_time=timezone.now() - timedelta(minutes=16)
    )

    response = client.post(
        reverse("login"), {"username": "carol", "password": "correct horse battery"}
    )

    assert response.status_code == 302


def test_another_username_is_not_locked_out_by_someone_elses_guessing(client: Client) -> None:
    make_user(username="carol")
    make_user(username="dave")
    for _ in range(5):
        _guess(client, "wrong")

    response = client.post(
        reverse("login"), {"username": "dave", "password": "correct horse battery"}
    )

    assert response.status_code == 302


@pytest.mark.parametrize(
    "name",
    [
        "dashboard",
        "application_table",
        "insights",
        "application_create",
        "followups",
        "notifications",
        "account_settings",
    ],
)
def test_pages_forbid_inline_scripts_and_styles(alice_client: Client, name: str) -> None:
    response = alice_client.get(reverse(name))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    html = response.content.decode()
    assert "<script>" not in html
    assert " style=" not in html
    assert " onclick=" not in html
