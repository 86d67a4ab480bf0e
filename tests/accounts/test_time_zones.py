"""Time zones: sign-up proposes the browser's zone, and the list offers places only."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tracker.accounts.forms import ProfileForm, SignupForm, place_zone_choices
from tracker.accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "carol",
    "full_name": "Carol Diaz",
    "email": "carol@example.test",
    "password1": "a long enough passphrase 42",
    "password2": "a long enough passphrase 42",
}


def _offered(choices: list[tuple[str, list[tuple[str, str]]]]) -> set[str]:
    return {name for _, zones in choices for name, _ in zones}


def test_the_list_offers_places_and_utc_only() -> None:
    offered = _offered(place_zone_choices())

    assert {"Europe/Lisbon", "America/New_York", "Pacific/Auckland", "UTC"} <= offered
    for not_a_place in ("localtime", "Factory", "Etc/GMT+5", "EST5EDT", "US/Eastern", "Japan"):
        assert not_a_place not in offered
    assert all(name == "UTC" or "/" in name for name in offered)


def test_sign_up_asks_the_browser_for_its_zone(client: Client) -> None:
    page = client.get(reverse("signup")).content.decode()

    assert 'data-browser-zone="propose"' in page
    assert "js/time_zone.js" in page
    assert '<option value="localtime"' not in page
    script = (Path(settings.BASE_DIR) / "static/js/time_zone.js").read_text()
    assert "Intl.DateTimeFormat().resolvedOptions().timeZone" in script


def test_sign_up_saves_the_zone_chosen(client: Client) -> None:
    client.post(reverse("signup"), {**SIGNUP, "time_zone": "America/Bogota"})

    assert User.objects.get(username="carol").time_zone == "America/Bogota"


def test_sign_up_without_a_zone_starts_in_utc(client: Client) -> None:
    client.post(reverse("signup"), SIGNUP)

    assert User.objects.get(username="carol").time_zone == "UTC"


def test_sign_up_refuses_a_non_place(client: Client) -> None:
    form = SignupForm({**SIGNUP, "time_zone": "localtime"})

    assert "time_zone" in form.errors


def test_settings_keep_an_older_zone_name_already_chosen(alice: User) -> None:
    alice.time_zone = "US/Eastern"
    alice.save()

    form = ProfileForm(instance=alice)

    assert "US/Eastern" in _offered(form.fields["time_zone"].choices)  # type: ignore[attr-defined]
    assert "Factory" not in _offered(form.fields["time_zone"].choices)  # type: ignore[attr-defined]
