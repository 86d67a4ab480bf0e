"""The address a request came from, the one way every limit (axes, throttles, the login
and sign-up limits) reads it."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost of
    them saw: each proxy appends the address it received from to X-Forwarded-For, so the
    entry that many places from the right is the first one no client could have forged."""
    remote = str(request.META.get("REMOTE_ADDR") or "")
    count: int = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if not forwarded:
        return remote
    return forwarded[-min(count, len(forwarded))]
