"""DRF throttles counted in the shared "throttle" cache: DRF's default (the default cache)
counts per worker process, so three workers let through three times the rate."""

from django.core.cache import caches
from rest_framework.request import Request
from rest_framework.throttling import ScopedRateThrottle

from tracker.core.clientip import client_address
from tracker.core.ratelimit import THROTTLE_CACHE


class SharedScopedRateThrottle(ScopedRateThrottle):
    def __init__(self) -> None:
        super().__init__()
        self.cache = caches[THROTTLE_CACHE]

    def get_ident(self, request: Request) -> str:
        return client_address(request)
