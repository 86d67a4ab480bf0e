"""Every URL that names an object, walked with someone else's ids: always a 404.

The walk covers the project's URL patterns as they are, so a new view that forgets its
ownership check fails here without anyone writing a test for it.
"""

import pytest
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.walks import model_for, object_url
from tracker.applications.models import Application, Company, Contact, Feedback, Stage
from tracker.followups.models import FollowUp
from tracker.imports.models import ImportJob
from tracker.inbox.models import InboxItem
from tracker.notifications.models import Notification
from tracker.worksearch.models import Activity

pytestmark = pytest.mark.django_db

# Which model the id in each URL refers to, by the URL's name prefix. A new object URL
# whose name matches none of these fails the completeness test below.
MODEL_BY_PREFIX: list[tuple[str, type[Model]]] = [
    ("application_", Application),
    ("followups_stop_keeping_in_touch", Application),
    ("followups_keep_in_touch", Application),
    ("followup_", FollowUp),
    ("notification_", Notification),
    ("import_job", ImportJob),
    ("inbox_item_", InboxItem),
    ("activity_", Activity),
    ("work_search_employer", Company),
    ("person_", Contact),
    ("feedback_", Feedback),
]


def _object_urls() -> list[str]:
    names: list[str] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name != "admin":
                    walk(pattern.url_patterns)
            elif pattern.name and "<int:pk>" in str(pattern.pattern):
                names.append(pattern.name)

    walk(get_resolver().url_patterns)
    return sorted(names)


OBJECT_URLS = _object_urls()


def _model_for(name: str) -> type[Model]:
    return model_for(name, MODEL_BY_PREFIX)


def test_the_walk_finds_every_kind_of_object_url() -> None:
    assert len(OBJECT_URLS) >= 10
    assert {_model_for(name) for name in OBJECT_URLS} == {
        Application,
        FollowUp,
        Notification,
        ImportJob,
        InboxItem,
        Activity,
        Company,
        Contact,
        Feedback,
    }


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_object_urls_require_login(client: Client, name: str) -> None:
    response = client.get(object_url(name, 1))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", OBJECT_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_users_object_is_not_found(
    bob_client: Client,
    alice_client: Client,
    alices_things: dict[type[Model], int],
    name: str,
    method: str,
) -> None:
    url = object_url(name, alices_things[_model_for(name)], alices_things)
    data = {"stage": Stage.OFFER, "subject": "hijacked", "body": "x", "preset": "tomorrow"}
    before = (
        Application.objects.values_list("stage", flat=True).get(),
        FollowUp.objects.values_list("status", "subject").get(),
        Notification.objects.filter(read_at__isnull=False).count(),
    )

    response = getattr(bob_client, method)(url, data)

    # Exactly what a missing object gets: 404, or 405 where nobody may use that method.
    missing = getattr(bob_client, method)(object_url(name, 987_654), data)
    assert response.status_code == missing.status_code
    assert response.status_code in (404, 405)
    assert response.content == missing.content.replace(
        b"987654", str(alices_things[_model_for(name)]).encode()
    )
    after = (
        Application.objects.values_list("stage", flat=True).get(),
        FollowUp.objects.values_list("status", "subject").get(),
        Notification.objects.filter(read_at__isnull=False).count(),
    )
    assert after == before
    # The same request by the owner is not a 404: the ids above are the real ones.
    assert getattr(alice_client, method)(url, data).status_code != 404
