"""Caches in Redis that no page fails on: while Redis is away a limit is not counted and a
fragment is rendered afresh (a warning in the log), instead of every request failing."""

import logging
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# A clear() deletes this many keys at a time.
_CLEAR_BATCH = 500


class ForgivingRedisCache(RedisCache):
    def _forgive(self, name: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(super(), name)(*args, **kwargs)
        except RedisError as exc:
            logger.warning("Cache %s unavailable (%s): %s", self.key_prefix, name, exc)
            return default

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._forgive("get", default, key, default, version)

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return dict(self._forgive("get_many", {}, keys, version))

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> None:
        self._forgive("set", None, key, value, timeout, version)

    def set_many(self, data: Any, timeout: Any = None, version: int | None = None) -> list[Any]:
        return list(self._forgive("set_many", [], data, timeout, version))

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> bool:
        return bool(self._forgive("add", False, key, value, timeout, version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        result = self._forgive("incr", None, key, delta, version)
        if result is None:
            raise ValueError("cache unavailable")
        return int(result)

    def delete(self, key: Any, version: int | None = None) -> bool:
        return bool(self._forgive("delete", False, key, version))

    def clear(self) -> None:
        """Deletes this cache's keys only, never the whole database: the rate limits and the
        fragments share one, and so may two test runs on one server."""
        client = self._cache.get_client(None, write=True)  # type: ignore[attr-defined]
        try:
            batch = []
            for key in client.scan_iter(match=self.make_key("*"), count=_CLEAR_BATCH):
                batch.append(key)
                if len(batch) >= _CLEAR_BATCH:
                    client.delete(*batch)
                    batch = []
            if batch:
                client.delete(*batch)
        except RedisError as exc:
            logger.warning("Cache %s unavailable (clear): %s", self.key_prefix, exc)
