"""The board keeps each card's HTML, the table each row's, in the fragment cache: both must
read the same as without it, and show every change at once, even one made behind their back
(another web process, the worker)."""

import re
from datetime import UTC, timedelta

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for, rejected_late
from tracker.accounts.models import User
from tracker.applications.models import Application, Company
from tracker.core.fragments import FRAGMENT_CACHE

pytestmark = pytest.mark.django_db


def _page(client: Client, name: str) -> str:
    response = client.get(reverse(name))
    assert response.status_code == 200
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())


def _card(html: str, application: Application) -> str:
    card = html[html.index(f'id="card-{application.pk}"') :]
    return card[: card.index("</li>")]


def _row(html: str, application: Application) -> str:
    row = html[html.index(f'id="tick-{application.pk}"') :]
    return row[: row.index("</tr>")]


@pytest.mark.parametrize("page", ["dashboard", "application_table"])
def test_a_cached_page_reads_as_one_rendered_afresh(
    alice_client: Client, alice: User, page: str
) -> None:
    application_for(alice, company="Quiet", days_ago=20)
    rejected_late(alice, company="Late")
    caches[FRAGMENT_CACHE].clear()
    fresh = _page(alice_client, page)

    assert _page(alice_client, page) == fresh


@pytest.mark.parametrize(("page", "part"), [("dashboard", _card), ("application_table", _row)])
def test_a_change_behind_the_pages_back_shows_at_once(
    alice_client: Client, alice: User, page: str, part
) -> None:
    quiet = application_for(alice, company="Quiet", role="Data Engineer")
    _page(alice_client, page)
    Application.objects.filter(pk=quiet.pk).update(role="Staff Data Engineer")
    Company.objects.filter(pk=quiet.company_id).update(name="Quiet Labs")

    shown = part(_page(alice_client, page), quiet)

    assert "Staff Data Engineer" in shown
    assert "Quiet Labs" in shown


def test_a_rows_location_shows_once_changed(alice_client: Client, alice: User) -> None:
    quiet = application_for(alice, company="Quiet")
    _page(alice_client, "application_table")
    Application.objects.filter(pk=quiet.pk).update(location="Lyon")

    assert "Lyon" in _row(_page(alice_client, "application_table"), quiet)


@pytest.mark.parametrize(
    ("page", "part", "german"),
    [("dashboard", _card, "Tage"), ("application_table", _row, "Beworben")],
)
def test_cards_and_rows_speak_the_pages_language(
    alice_client: Client, alice: User, page: str, part, german: str
) -> None:
    quiet = application_for(alice, company="Quiet", days_ago=3)
    _page(alice_client, page)
    alice.language = "de"
    alice.save(update_fields=["language"])

    assert german in part(_page(alice_client, page), quiet)


@pytest.mark.parametrize(("page", "part"), [("dashboard", _card), ("application_table", _row)])
def test_cards_and_rows_show_the_days_of_the_users_time_zone(
    alice_client: Client, alice: User, page: str, part
) -> None:
    # Late in the evening in London is the next morning in Auckland.
    quiet = application_for(alice, company="Quiet", days_ago=3)
    evening = timezone.localtime(timezone.now() - timedelta(days=2), UTC).replace(hour=23)
    Application.objects.filter(pk=quiet.pk).update(stage_changed_at=evening)
    london = part(_page(alice_client, page), quiet)
    alice.time_zone = "Pacific/Auckland"
    alice.save(update_fields=["time_zone"])

    auckland = part(_page(alice_client, page), quiet)

    # The card's tooltip names the day, the row's <time> gives it in ISO 8601.
    morning = evening + timedelta(days=1)
    assert auckland != london
    assert morning.strftime("%-d %b") in auckland or morning.date().isoformat() in auckland
