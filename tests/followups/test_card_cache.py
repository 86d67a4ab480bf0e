"""The Follow-ups page keeps each card's HTML in the fragment cache: the page must read
the same as without it, show every change at once, and give each request's forms that
request's own CSRF token."""

import re

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.followups.test_views import rejected
from tracker.accounts.models import User
from tracker.core.fragments import FRAGMENT_CACHE
from tracker.followups.kinds import Kind

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _page(client: Client) -> str:
    response = client.get(reverse("followups"))
    assert response.status_code == 200
    return response.content.decode()


def _tokenless(html: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", html)


def test_a_cached_card_reads_as_one_rendered_afresh(alice_client: Client, alice: User) -> None:
    rejected(alice, interviewed=True)
    caches[FRAGMENT_CACHE].clear()
    fresh = _page(alice_client)

    cached = _page(alice_client)

    assert _tokenless(cached) == _tokenless(fresh)
    assert "Mark sent" in cached


def test_a_changed_draft_shows_at_once(alice_client: Client, alice: User) -> None:
    reply = rejected(alice).followups.get(kind=Kind.REJECTION_REPLY)
    _page(alice_client)
    # Behind the services' back, as another web process or the worker would change it.
    type(reply).objects.filter(pk=reply.pk).update(subject="Thanks again, Kestrel team")

    assert "Thanks again, Kestrel team" in _page(alice_client)


def test_an_answer_attached_behind_the_pages_back_shows_at_once(
    alice_client: Client, alice: User
) -> None:
    reply = rejected(alice).followups.get(kind=Kind.REJECTION_REPLY)
    _page(alice_client)
    type(reply).objects.filter(pk=reply.pk).update(
        answered_at=timezone.now(), answer="Happy to talk again in spring."
    )

    assert "Happy to talk again in spring." in _page(alice_client)


def test_a_renamed_company_shows_at_once(alice_client: Client, alice: User) -> None:
    application = rejected(alice, company="Quillstone")
    _page(alice_client)
    application.company.name = "Quillstone Press"
    application.company.save()

    assert "at Quillstone Press" in _page(alice_client)


def test_a_cached_cards_forms_carry_a_token_this_session_can_post_with(alice: User) -> None:
    reply = rejected(alice).followups.get(kind=Kind.REJECTION_REPLY)
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    _page(client)

    html = _page(client)

    assert "csrfmark" not in html
    tokens = TOKEN.findall(html)
    assert len(tokens) > 3
    response = client.post(
        reverse("followup_skip", args=[reply.pk]),
        {"csrfmiddlewaretoken": tokens[-1], "from": "followups"},
    )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.status == "skipped"
