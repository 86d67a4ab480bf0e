"""A limit on request bodies, per path prefix, checked before anything reads the body.

Django spools an uploaded file larger than FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary
file while it parses the multipart body, and only then can a form say the file is too
big: a 315 MB upload was written to disk before "larger than 10 MB" came back. This
middleware answers from the Content-Length header alone, before the CSRF check (or the
view) touches request.POST, so a body over the limit is never read.

A body without a Content-Length (chunked) is never read by Django's WSGI request either
(it reads CONTENT_LENGTH bytes, and none without it), so it reaches the view as an empty
form; under a limited prefix it is refused as "length required" instead, which says why.

Configured by settings.REQUEST_BODY_LIMITS, {"/import/": 21 * 2**20}: the longest
matching prefix wins; paths under no prefix are left to Django's own limits.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

TEMPLATE = "errors/request_too_large.html"


def body_limit_for(path: str) -> int | None:
    """The limit for this path in bytes, or None when no prefix covers it."""
    limits: dict[str, int] = getattr(settings, "REQUEST_BODY_LIMITS", {})
    matching = [prefix for prefix in limits if path.startswith(prefix)]
    return limits[max(matching, key=len)] if matching else None


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.1f}".removesuffix(".0")


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = body_limit_for(request.path_info)
        if limit is not None and request.method not in ("GET", "HEAD", "OPTIONS"):
            refused = self._refusal(request, limit)
            if refused is not None:
                return refused
        return self.get_response(request)

    def _refusal(self, request: HttpRequest, limit: int) -> HttpResponse | None:
        raw = request.META.get("CONTENT_LENGTH") or ""
        chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
        if not raw:
            if not chunked:
                return None  # no body at all: the view says what is missing
            return self._page(request, limit, status=411, size=None)
        try:
            length = int(raw)
        except ValueError:
            return HttpResponse("Bad Content-Length.", status=400, content_type="text/plain")
        if length > limit:
            return self._page(request, limit, status=413, size=length)
        return None

    def _page(
        self, request: HttpRequest, limit: int, *, status: int, size: int | None
    ) -> HttpResponse:
        context = {
            "limit_mb": _megabytes(limit),
            "size_mb": _megabytes(size) if size is not None else "",
            "back": request.path,
        }
        # No "Connection: close" here: a hop-by-hop header is the server's to set (wsgiref
        # refuses it from the application); the server discards or drops the unread body.
        return render(request, TEMPLATE, context, status=status)
