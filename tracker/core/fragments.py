"""Rendered fragments a page repeats from one visit to the next (a board card, a follow-up
card), kept by each web process under a key naming everything they show: a fragment whose
any shown value changed is another fragment, so none is ever stale."""

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import caches

# A fragment stays as long as a day of visits, unless pushed out by newer ones first.
KEPT_SECONDS = 24 * 3600


def fragment_key(kind: str, shown: tuple[Any, ...]) -> str:
    """The cache key of a `kind` of fragment showing `shown` (hashed: keys stay short)."""
    return f"{kind}:" + hashlib.blake2b(repr(shown).encode(), digest_size=20).hexdigest()


def cached_fragment(cache: str, key: str, render: Callable[[], str]) -> str:
    """The fragment kept under `key` in the cache named `cache`, rendered and kept first
    when it is not there."""
    kept = caches[cache]
    html = kept.get(key)
    if html is None:
        html = render()
        kept.set(key, html, KEPT_SECONDS)
    return html
