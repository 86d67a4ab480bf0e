"""Signing in to the API: a token from a username and password (rate-limited), or the
browser's session; the token is managed on a page in Settings."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tracker.accounts.models import User

pytestmark = pytest.mark.django_db

TOKEN = reverse("api:token")
APPLICATIONS = reverse("api:application-list")
PASSWORD = "correct horse battery"  # tests.factories.UserFactory's


def test_alice_trades_her_password_for_a_token_that_signs_her_in(alice: User) -> None:
    client = APIClient()

    response = client.post(TOKEN, {"username": "alice", "password": PASSWORD})
    again = client.post(TOKEN, {"username": "alice", "password": PASSWORD})

    assert response.status_code == 200
    key = response.json()["token"]
    assert again.json() == {"token": key}
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(APPLICATIONS).status_code == 200


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        ({"username": "alice", "password": "wrong"}, ["non_field_errors"]),
        ({"username": "nobody", "password": PASSWORD}, ["non_field_errors"]),
        ({"username": "alice"}, ["password"]),
        ({}, ["username", "password"]),
    ],
)
def test_wrong_credentials_are_a_400_and_no_token(
    alice: User, data: dict[str, str], fields: list[str]
) -> None:
    response = APIClient().post(TOKEN, data)

    assert response.status_code == 400
    assert list(response.json()) == fields
    assert not Token.objects.exists()


def test_the_token_endpoint_allows_ten_tries_a_minute_per_address(alice: User) -> None:
    client = APIClient()
    for _ in range(10):
        assert client.post(TOKEN, {"username": "alice", "password": "guess"}).status_code == 400

    # Neither the right password nor a forged X-Forwarded-For gets past the limit.
    right = client.post(TOKEN, {"username": "alice", "password": PASSWORD})
    forged = client.post(
        TOKEN, {"username": "alice", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )

    for response in (right, forged):
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        assert "throttled" in response.json()["detail"]
    other_address = APIClient(REMOTE_ADDR="198.51.100.7")
    assert other_address.post(TOKEN, {"username": "bob", "password": "x"}).status_code == 400


def test_a_locked_out_login_gets_no_token_even_with_the_right_password(alice: User) -> None:
    client = APIClient()
    for _ in range(5):
        client.post(TOKEN, {"username": "alice", "password": "guess"})

    response = client.post(TOKEN, {"username": "alice", "password": PASSWORD})

    # django-axes counts API attempts with the login page's; the refusal stays JSON.
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert not Token.objects.exists()


def test_a_browser_session_signs_in_too(alice_client: Client) -> None:
    assert alice_client.get(APPLICATIONS).status_code == 200


def test_a_session_write_needs_the_csrf_token(alice: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = client.post(APPLICATIONS, {"company": "Acme", "role": "Dev"}, "application/json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_revoked_or_made_up_token_is_a_401(alice_api: APIClient, alice: User) -> None:
    Token.objects.filter(user=alice).delete()

    response = alice_api.get(APPLICATIONS)
    made_up = APIClient(HTTP_AUTHORIZATION="Token " + "0" * 40).get(APPLICATIONS)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert made_up.status_code == 401


# --- The page in Settings ----------------------------------------------------------------


def test_the_token_page_requires_login(client: Client) -> None:
    for name in ("api_token", "api_token_revoke"):
        response = client.post(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_settings_link_to_the_token_page(alice_client: Client) -> None:
    response = alice_client.get(reverse("account_settings"))

    assert reverse("api_token").encode() in response.content


def test_alice_creates_a_token_and_sees_it_once(alice_client: Client, alice: User) -> None:
    before = alice_client.get(reverse("api_token"))

    created = alice_client.post(reverse("api_token"))
    later = alice_client.get(reverse("api_token"))

    assert b"You have no token yet" in before.content
    key = Token.objects.get(user=alice).key
    assert key.encode() in created.content
    assert "no-store" in created["Cache-Control"]
    assert key.encode() not in later.content
    assert b"Revoke token" in later.content
    assert APIClient(HTTP_AUTHORIZATION=f"Token {key}").get(APPLICATIONS).status_code == 200


def test_replacing_the_token_stops_the_old_one(
    alice_client: Client, alice_api: APIClient, alice: User
) -> None:
    old = Token.objects.get(user=alice).key

    alice_client.post(reverse("api_token"))

    new = Token.objects.get(user=alice).key
    assert new != old
    assert alice_api.get(APPLICATIONS).status_code == 401


def test_alice_revokes_her_token(alice_client: Client, alice_api: APIClient, alice: User) -> None:
    response = alice_client.post(reverse("api_token_revoke"), follow=True)

    assert b"Token revoked" in response.content
    assert b"You have no token yet" in response.content
    assert not Token.objects.filter(user=alice).exists()
    assert alice_api.get(APPLICATIONS).status_code == 401
    assert alice_client.get(reverse("api_token_revoke")).status_code == 405


def test_revoking_leaves_other_users_tokens_alone(
    alice_client: Client, alice_api: APIClient, bob_api: APIClient
) -> None:
    alice_client.post(reverse("api_token_revoke"))

    assert bob_api.get(APPLICATIONS).status_code == 200
