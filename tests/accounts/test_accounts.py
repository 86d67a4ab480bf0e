"""Sign up, log in and out, passwords, and the settings page."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from tests.factories import application_for
from tracker.accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "carol",
    "full_name": "Carol Ng",
    "email": "carol@example.com",
    "password1": "a long enough passphrase",
    "password2": "a long enough passphrase",
}


def test_a_visitor_signs_up_and_lands_on_the_dashboard(client: Client) -> None:
    response = client.post(reverse("signup"), SIGNUP)

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert User.objects.get(username="carol").full_name == "Carol Ng"
    assert client.get(reverse("dashboard")).status_code == 200


def test_sign_up_can_be_closed(client: Client, settings: Settings) -> None:
    settings.SIGNUPS_OPEN = False

    assert client.get(reverse("signup")).status_code == 404
    assert client.post(reverse("signup"), SIGNUP).status_code == 404
    assert not User.objects.filter(username="carol").exists()
    assert b'href="/accounts/signup/"' not in client.get(reverse("login")).content


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"password2": "something else entirely"}, "password2"),
        ({"password1": "123", "password2": "123"}, "password2"),
        ({"email": "not-an-email"}, "email"),
        ({"username": "alice"}, "username"),
        ({"email": "ALICE@example.com"}, "email"),
        ({"full_name": "x" * 151}, "full_name"),
        # Drafts are signed with it, so sign-up asks for it.
        ({"full_name": ""}, "full_name"),
        ({"full_name": "   "}, "full_name"),
    ],
)
def test_sign_up_errors_are_shown_per_field(
    client: Client, alice: User, overrides: dict[str, str], field: str
) -> None:
    response = client.post(reverse("signup"), {**SIGNUP, **overrides})

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.filter(username=SIGNUP["username"]).exists()


def test_log_in_and_out(client: Client, alice: User) -> None:
    response = client.post(
        reverse("login"), {"username": "alice", "password": "correct horse battery"}
    )
    assert response.status_code == 302

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_wrong_password_is_refused_politely(client: Client, alice: User) -> None:
    response = client.post(reverse("login"), {"username": "alice", "password": "guess"})

    assert response.status_code == 200
    assert response.context["form"].errors


def test_password_change(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        reverse("password_change"),
        {
            "old_password": "correct horse battery",
            "new_password1": "an even better passphrase",
            "new_password2": "an even better passphrase",
        },
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("an even better passphrase")


@pytest.mark.usefixtures("tasks_run_inline")  # the email goes from a task
def test_password_reset_by_email(client: Client, alice: User, settings: Settings) -> None:
    settings.SITE_URL = "https://rebound.example.org"

    response = client.post(reverse("password_reset"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = str(mail.outbox[0].body)
    link = re.search(r"https://rebound.example.org(/accounts/password/reset/\S+/)", body)
    assert link is not None

    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"},
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a brand new passphrase")


def test_settings_save_the_name_and_time_zone(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        reverse("account_settings"),
        {"full_name": "Alice M.", "email": "alice@example.com", "time_zone": "Europe/Lisbon"},
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.full_name == "Alice M."
    assert alice.time_zone == "Europe/Lisbon"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"email": "bob@example.com"}, "email"),
        ({"full_name": "x" * 151}, "full_name"),
    ],
)
def test_settings_errors_are_shown_per_field(
    alice_client: Client, alice: User, bob: User, overrides: dict[str, str], field: str
) -> None:
    data = {"full_name": "Alice", "email": "alice@example.com", "time_zone": "UTC", **overrides}

    response = alice_client.post(reverse("account_settings"), data)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.time_zone == "UTC"


def test_pages_show_times_in_the_users_time_zone(alice_client: Client, alice: User) -> None:
    alice.time_zone = "Asia/Tokyo"
    alice.save()
    application = application_for(alice)

    response = alice_client.get(reverse("application_detail", args=[application.pk]))

    # Applied ten days ago is recorded at midnight Tokyo time: 15:00 the day before in UTC.
    start = application.history.get().at
    assert timezone.localtime(start, alice.zone).hour == 0
    assert b"00:00" in response.content
    assert b"15:00" not in response.content


def test_the_time_zone_list_is_grouped_by_region_with_the_users_selected(
    alice_client: Client, alice: User
) -> None:
    alice.time_zone = "America/Argentina/Buenos_Aires"
    alice.save()

    response = alice_client.get(reverse("account_settings"))

    html = response.content.decode()
    assert '<optgroup label="Europe">' in html
    assert '<option value="Europe/Lisbon">Lisbon</option>' in html
    assert (
        '<option value="America/Argentina/Buenos_Aires" selected>Argentina/Buenos Aires</option>'
        in html
    )
