"""A password reset request does the same work for a known and an unknown address: the
lookup and the email happen in a task."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.accounts import tasks, views
from tracker.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """What the request hands to the broker (the outside boundary)."""
    calls: list[tuple[object, ...]] = []

    def dispatch(task: object, *args: object) -> bool:
        calls.append((task, *args))
        return True

    monkeypatch.setattr(views, "dispatch", dispatch)
    return calls


def _ask(client: Client, email: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("password_reset"), {"email": email})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    return [q["sql"] for q in queries.captured_queries]


def test_known_and_unknown_addresses_take_the_same_path(
    client: Client, alice: User, sent: list[tuple[object, ...]]
) -> None:
    known = _ask(client, "alice@example.com")
    unknown = _ask(client, "nobody@example.com")

    assert known == unknown  # no user lookup in the request
    assert mail.outbox == []  # and no email either
    assert sent == [
        (tasks.password_reset_send_task, "alice@example.com"),
        (tasks.password_reset_send_task, "nobody@example.com"),
    ]


def test_the_task_mails_a_known_address_only(alice: User) -> None:
    tasks.password_reset_send_task("nobody@example.com")
    assert mail.outbox == []

    tasks.password_reset_send_task("ALICE@example.com")
    (message,) = mail.outbox
    assert message.to == ["alice@example.com"]
