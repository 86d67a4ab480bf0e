"""/healthz, for a container engine's healthcheck or a load balancer: 200 "ok" while the
web process answers and reaches its database, 503 when the database does not answer.

A middleware placed first rather than a view: the engine asks on 127.0.0.1 over plain
HTTP, which a production site would redirect to HTTPS (SECURE_SSL_REDIRECT) or refuse as a
host it does not serve (ALLOWED_HOSTS); the answer says nothing about any host or user.
"""

from collections.abc import Callable

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse

PATH = "/healthz"


class HealthCheckMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info != PATH:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        return HttpResponse("ok\n", content_type="text/plain")
