"""Rate limits counted once for every web worker, in the shared "throttle" cache (Redis,
a database of its own): a limit counted per process lets N processes allow N times as
much."""

import time

from django.core.cache import caches

THROTTLE_CACHE = "throttle"


def _key(scope: str, ident: str, window: int) -> str:
    return f"limit:{scope}:{ident}:{int(time.time() // window)}"


def limit_exceeded(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """Counts one hit for `ident` in `scope`; True once more than `limit` hits fell in the
    current `window` seconds (a fixed window: simple, and enough to stop a spray)."""
    if limit <= 0:
        return False
    return limit_count(scope, ident, window=window) > limit


def limit_count(scope: str, ident: str, *, window: int) -> int:
    """Counts one hit and returns the window's count (0 while Redis is away)."""
    cache = caches[THROTTLE_CACHE]
    key = _key(scope, ident, window)
    cache.add(key, 0, timeout=window + 1)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr, or Redis is away: let it through
        return 0


def limit_reached(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """True once `limit` hits were counted in the current window; counts nothing itself,
    for limits where only some outcomes count (failed logins)."""
    if limit <= 0:
        return False
    return int(caches[THROTTLE_CACHE].get(_key(scope, ident, window)) or 0) >= limit
