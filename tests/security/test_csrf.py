"""Every page that accepts a POST refuses one without the CSRF token."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tracker.accounts.models import User

pytestmark = pytest.mark.django_db


# Posted to by machines (a mail relay) with no session: the secret in the URL is the
# credential, so CSRF does not apply. tests/inbox/test_forwarding.py covers them.
SECRET_URL_ROUTES = ("inbox/forward/", "inbox/anymail/")


def _site_paths() -> list[str]:
    """Every route of the site (not the admin or the token-authenticated API), ids as 1."""
    paths: list[str] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if not route.startswith(("admin/", "api/")):
                    walk(pattern.url_patterns, route)
            elif not route.startswith(("admin/", "api/", *SECRET_URL_ROUTES)):
                paths.append("/" + re.sub(r"<(int:)?\w+>", "1", route))

    walk(get_resolver().url_patterns, "")
    return sorted(set(paths))


@pytest.mark.parametrize("path", _site_paths())
def test_a_post_without_the_csrf_token_is_refused(alice: User, path: str) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = client.post(path, {"stage": "offer"})

    assert response.status_code == 403
