"""The table keeps each row's HTML in the fragment cache: the table must read the same as
without it, and show every change at once, even one made behind its back."""

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


def _table(client: Client) -> str:
    response = client.get(reverse("application_table"))
    assert response.status_code == 200
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())


def _row(html: str, application: Application) -> str:
    row = html[html.index(f'id="tick-{application.pk}"') :]
    return row[: row.index("</tr>")]


def test_a_cached_table_reads_as_one_rendered_afresh(alice_client: Client, alice: User) -> None:
    application_for(alice, company="Quiet", days_ago=20)
    rejected_late(alice, company="Late")
    caches[FRAGMENT_CACHE].clear()
    fresh = _table(alice_client)

    assert _table(alice_client) == fresh


def test_a_change_behind_the_tables_back_shows_at_once(alice_client: Client, alice: User) -> None:
    quiet = application_for(alice, company="Quiet", role="Data Engineer")
    _table(alice_client)
    Application.objects.filter(pk=quiet.pk).update(role="Staff Data Engineer", location="Lyon")
    Company.objects.filter(pk=quiet.company_id).update(name="Quiet Labs")

    row = _row(_table(alice_client), quiet)

    assert "Staff Data Engineer" in row
    assert "Quiet Labs" in row
    assert "Lyon" in row


def test_a_row_speaks_the_pages_language(alice_client: Client, alice: User) -> None:
    quiet = application_for(alice, company="Quiet", days_ago=3)
    english = _row(_table(alice_client), quiet)
    alice.language = "de"
    alice.save(update_fields=["language"])

    german = _row(_table(alice_client), quiet)

    assert german != english
    assert "Beworben" in german
