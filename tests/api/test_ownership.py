"""Every API route, walked as the project's URLs are in tests/security/test_ownership.py:
with someone else's ids it is a 404 exactly like a missing object, and without credentials
a 401.

The walk reads the URL patterns as they are, so a new API route that forgets to scope its
queryset to the user fails here without anyone writing a test for it.
"""

from typing import Any

import pytest
from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from tests.walks import model_for
from tracker.accounts.models import User
from tracker.applications.models import Application, Contact, Feedback, Stage
from tracker.followups.models import FollowUp
from tracker.inbox.models import InboxItem
from tracker.notifications.models import Notification
from tracker.worksearch.models import Activity

pytestmark = pytest.mark.django_db

# Which model the id in each API route refers to, by the route name's prefix (the
# router's basename). A new object route whose name matches none of these fails below.
MODEL_BY_PREFIX: list[tuple[str, type[Model]]] = [
    ("application-", Application),
    ("followup-", FollowUp),
    ("notification-", Notification),
    ("inbox-item-", InboxItem),
    ("activity-", Activity),
    ("contact-", Contact),
    ("feedback-", Feedback),
]
# Open to anyone: how to get a token, and the documentation.
PUBLIC = {"token", "schema", "docs"}
METHODS = ["get", "post", "patch", "put", "delete"]


def _api_routes() -> list[tuple[str, bool]]:
    """(name, takes an id) for every named route in the `api` namespace."""
    routes: list[tuple[str, bool]] = []

    def walk(patterns: list[URLPattern | URLResolver], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif namespace == "api" and pattern.name:
                routes.append((pattern.name, "(?P<pk>" in str(pattern.pattern)))

    walk(get_resolver().url_patterns, None)
    return sorted(set(routes))


ROUTES = _api_routes()
OBJECT_ROUTES = [name for name, has_id in ROUTES if has_id]
PRIVATE_ROUTES = [name for name, _ in ROUTES if name not in PUBLIC]


def _model_for(name: str) -> type[Model]:
    return model_for(name, MODEL_BY_PREFIX)


def _url(name: str, pk: int = 1) -> str:
    has_id = name in OBJECT_ROUTES
    return reverse(f"api:{name}", kwargs={"pk": pk} if has_id else None)


def _state() -> tuple[Any, ...]:
    return (
        list(Application.objects.values_list("stage", "notes")),
        list(FollowUp.objects.values_list("status", "subject", "due_at")),
        Notification.objects.filter(read_at__isnull=False).count(),
        list(InboxItem.objects.values_list("status", "application_id", "kind")),
        list(Activity.objects.values_list("kind", "description", "date")),
        list(Feedback.objects.values_list("text", "reasons")),
    )


def test_the_walk_finds_every_kind_of_api_route() -> None:
    assert {"application-list", "followup-list", "notification-list"} <= set(PRIVATE_ROUTES)
    assert {"export-applications", "export-history"} <= set(PRIVATE_ROUTES)
    assert len(OBJECT_ROUTES) >= 9
    assert {_model_for(name) for name in OBJECT_ROUTES} == {
        Application,
        FollowUp,
        Notification,
        InboxItem,
        Activity,
        Contact,
        Feedback,
    }


@pytest.mark.parametrize("name", PRIVATE_ROUTES)
@pytest.mark.parametrize("method", METHODS)
def test_every_route_wants_credentials(alice: User, name: str, method: str) -> None:
    response = getattr(APIClient(), method)(_url(name))

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("name", OBJECT_ROUTES)
@pytest.mark.parametrize("method", METHODS)
def test_another_users_object_is_not_found(
    bob_api: APIClient,
    alice_api: APIClient,
    alices_things: dict[type[Model], int],
    name: str,
    method: str,
) -> None:
    theirs = alices_things[_model_for(name)]
    data = {
        "stage": Stage.OFFER,
        "notes": "hijacked",
        "subject": "hijacked",
        "until": "2999-01-01T09:00:00Z",
        "channel": "automated",
    }
    before = _state()

    response = getattr(bob_api, method)(_url(name, theirs), data)

    # Exactly what a missing object gets: 404, or 405 where nobody may use that method.
    missing = getattr(bob_api, method)(_url(name, 987_654), data)
    assert response.status_code == missing.status_code
    assert response.status_code in (404, 405)
    assert response.content == missing.content
    assert _state() == before
    # The same request by the owner is not a 404: the ids above are the real ones.
    assert getattr(alice_api, method)(_url(name, theirs), data).status_code != 404


# The lists and exports; other routes without an id (from-url, applied-before, parse) take
# input and have tests of their own.
LISTS = [n for n in PRIVATE_ROUTES if n.endswith("-list") or n.startswith("export-")]


@pytest.mark.parametrize("name", LISTS)
def test_another_users_lists_and_exports_hold_nothing_of_hers(
    bob_api: APIClient, alices_things: dict[type[Model], int], name: str
) -> None:
    response = bob_api.get(_url(name))

    assert response.status_code == 200
    if response.streaming:
        content = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
        assert len(content.splitlines()) == 1  # the header row alone
    else:
        assert response.json()["count"] == 0
