"""The fragments a page repeats (board cards, table rows, follow-up cards) are kept in Redis,
shared by every web worker: one round trip a page, nothing stale, and no page fails while
Redis is away."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCacheClient
from django.test import Client
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.core.fragments import FRAGMENT_CACHE, cached_fragments, fragment_key, release_stamp

pytestmark = pytest.mark.django_db


def test_fragments_are_kept_in_redis_for_every_process() -> None:
    kept = caches[FRAGMENT_CACHE]
    kept.clear()
    rendered: list[str] = []

    def render(text: str):
        def run() -> str:
            rendered.append(text)
            return text

        return run

    first = cached_fragments([("a", render("<p>a</p>")), ("b", render("<p>b</p>"))])
    again = cached_fragments([("a", render("never")), ("b", render("never"))])

    assert first == again == ["<p>a</p>", "<p>b</p>"]
    assert rendered == ["<p>a</p>", "<p>b</p>"]
    assert kept.__class__.__name__ == "ForgivingRedisCache"
    assert kept.get_many(["a", "b"]) == {"a": "<p>a</p>", "b": "<p>b</p>"}


def test_clearing_the_fragments_leaves_the_rate_limits_alone() -> None:
    caches["throttle"].set("limit:test:kept", 3)
    caches[FRAGMENT_CACHE].set("card", "<li></li>")

    caches[FRAGMENT_CACHE].clear()

    assert caches[FRAGMENT_CACHE].get("card") is None
    assert caches["throttle"].get("limit:test:kept") == 3


def test_pages_render_while_redis_is_away(
    alice_client: Client, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    application_for(alice, company="Quiet", role="Data Engineer")

    def away(*args: object, **kwargs: object) -> None:
        raise RedisConnectionError("Redis is away")

    monkeypatch.setattr(RedisCacheClient, "get_many", away)
    monkeypatch.setattr(RedisCacheClient, "set_many", away)

    for page in ("dashboard", "application_table", "followups"):
        response = alice_client.get(reverse(page))
        assert response.status_code == 200, page
    assert "Data Engineer" in alice_client.get(reverse("application_table")).content.decode()


def test_a_new_release_keys_its_fragments_anew(settings, tmp_path) -> None:
    # A card template changed by an upgrade must not meet the last release's cards.
    (tmp_path / "templates").mkdir()
    card = tmp_path / "templates" / "card.html"
    card.write_text("<li>{{ card }}</li>")
    settings.BASE_DIR = tmp_path
    release_stamp.cache_clear()
    before = fragment_key("board-card", ("Acme",))
    card.write_text("<li class='card'>{{ card }}</li>")
    release_stamp.cache_clear()

    try:
        assert fragment_key("board-card", ("Acme",)) != before
    finally:
        release_stamp.cache_clear()
