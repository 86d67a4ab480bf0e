"""The board keeps each card's HTML in the fragment cache: the board must read the same as
without it, and show every change at once, even one made behind its back (another web
process, the worker)."""

import re

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from tests.factories import application_for, rejected_late
from tracker.accounts.models import User
from tracker.applications.models import Application, Company
from tracker.core.fragments import FRAGMENT_CACHE

pytestmark = pytest.mark.django_db


def _board(client: Client) -> str:
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def _tokenless(html: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", html)


def _card(html: str, application: Application) -> str:
    card = html[html.index(f'id="card-{application.pk}"') :]
    return card[: card.index("</li>")]


def test_a_cached_board_reads_as_one_rendered_afresh(alice_client: Client, alice: User) -> None:
    application_for(alice, company="Quiet", days_ago=20)
    rejected_late(alice, company="Late")
    caches[FRAGMENT_CACHE].clear()
    fresh = _board(alice_client)

    assert _tokenless(_board(alice_client)) == _tokenless(fresh)


def test_a_change_behind_the_boards_back_shows_at_once(alice_client: Client, alice: User) -> None:
    quiet = application_for(alice, company="Quiet", role="Data Engineer")
    _board(alice_client)
    Application.objects.filter(pk=quiet.pk).update(role="Staff Data Engineer")
    Company.objects.filter(pk=quiet.company_id).update(name="Quiet Labs")

    card = _card(_board(alice_client), quiet)

    assert "Staff Data Engineer" in card
    assert "Quiet Labs" in card


def test_a_card_speaks_the_pages_language(alice_client: Client, alice: User) -> None:
    quiet = application_for(alice, company="Quiet", days_ago=3)
    _board(alice_client)
    alice.language = "de"
    alice.save(update_fields=["language"])

    assert "Tage" in _card(_board(alice_client), quiet)
