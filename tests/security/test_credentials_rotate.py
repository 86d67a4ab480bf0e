"""A password change or reset retires the API token and the calendar URL with the password:
whoever took over an account, or copied its secrets, loses them."""

import re

import pytest
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django import Settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tracker.accounts.models import User
from tracker.api import services as api_tokens
from tracker.calendar import services as calendar
from tracker.calendar.models import CalendarFeed

pytestmark = pytest.mark.django_db


def _secrets(user: User) -> tuple[str, str]:
    token = api_tokens.api_token_get_or_create(user=user).key
    feed = calendar.calendar_feed_regenerate(user=user).token
    return token, feed


def _assert_retired(user: User, client: Client, token: str, feed: str) -> None:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/applications/").status_code == 401
    assert client.get(reverse("calendar_feed", args=[feed])).status_code == 404
    # ...and the new ones work.
    new_token = Token.objects.get(user=user).key
    new_feed = CalendarFeed.objects.get(user=user).token
    assert (new_token, new_feed) != (token, feed)
    api.credentials(HTTP_AUTHORIZATION=f"Token {new_token}")
    assert api.get("/api/applications/").status_code == 200
    assert client.get(reverse("calendar_feed", args=[new_feed])).status_code == 200


def test_a_password_change_retires_the_token_and_the_calendar_url(alice: User) -> None:
    alice.set_password("old-secret-1234")
    alice.save()
    token, feed = _secrets(alice)
    client = Client()
    client.force_login(alice)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": "old-secret-1234",
            "new_password1": "a-new-secret-5678",
            "new_password2": "a-new-secret-5678",
        },
    )

    assert response.status_code == 302
    _assert_retired(alice, Client(), token, feed)


@pytest.mark.usefixtures("tasks_run_inline")  # the email goes from a task
def test_a_password_reset_retires_the_token_and_the_calendar_url(
    alice: User, client: Client
) -> None:
    token, feed = _secrets(alice)
    client.post(reverse("password_reset"), {"email": alice.email})
    (message,) = mail.outbox
    link = re.search(r"/accounts/password/reset/[^/\s]+/[^/\s]+/", str(message.body))
    assert link is not None

    form = client.get(link.group(0), follow=True)
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-new-secret-5678", "new_password2": "a-new-secret-5678"},
    )

    assert response.status_code == 302
    _assert_retired(alice, client, token, feed)


def test_an_admin_setting_a_password_retires_them_too(alice: User, client: Client) -> None:
    token, feed = _secrets(alice)

    alice.set_password("set-by-the-admin-42")
    alice.save()

    _assert_retired(alice, client, token, feed)


def test_other_saves_and_a_rehash_at_login_keep_them(alice: User, settings: Settings) -> None:
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    token, feed = _secrets(alice)
    alice.full_name = "Alice M."
    alice.save()
    User.objects.filter(pk=alice.pk).update(
        password=make_password("same-secret-1234", hasher="md5")
    )

    # Logging in upgrades the stored hash to the first hasher: the password is the same.
    response = Client().post(
        reverse("login"), {"username": "alice", "password": "same-secret-1234"}
    )
    assert response.status_code == 302

    alice.refresh_from_db()
    assert alice.password.startswith("pbkdf2_")
    assert Token.objects.get(user=alice).key == token
    assert CalendarFeed.objects.get(user=alice).token == feed


def test_a_user_without_a_token_or_feed_gets_none(bob: User) -> None:
    bob.set_password("another-secret-99")
    bob.save()

    assert not Token.objects.filter(user=bob).exists()
    assert not CalendarFeed.objects.filter(user=bob).exists()


def test_the_settings_page_says_so(alice_client: Client) -> None:
    page = alice_client.get(reverse("account_settings")).content.decode()

    assert (
        "also replaces your API token, your calendar address and your inbox's forwarding URL"
        in page.replace("&#x27;", "'")
    )
