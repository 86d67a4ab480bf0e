"""The bell, the notifications page, reminder settings and the reminder email."""

from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import rejected_late
from tracker.accounts.models import User
from tracker.followups import services as followups
from tracker.notifications import channels
from tracker.notifications import services as notifications
from tracker.notifications.models import Channel, DeliveryStatus, Notification

pytestmark = pytest.mark.django_db


def reminded(owner: User, *, company: str = "Acme") -> Notification:
    """A rejection logged a day late: its reply is due, so the sweep reminds the owner."""
    application = rejected_late(owner, company=company)
    followups.reminders_send_due()
    return Notification.objects.get(
        user=owner, channel=Channel.IN_APP, followup__application=application
    )


def _settings_form(**overrides: str) -> dict[str, str]:
    return {
        "full_name": "Alice Martin",
        "email": "alice@example.com",
        "time_zone": "UTC",
        "email_reminders": "on",
        "webhook_url": "",
        "webhook_format": "json",
        **overrides,
    }


@pytest.mark.parametrize("name", ["notifications"])
def test_pages_require_login(client: Client, name: str) -> None:
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_actions_require_login(client: Client, alice: User) -> None:
    notification = reminded(alice)

    for url in (
        reverse("notification_read", args=[notification.pk]),
        reverse("notifications_read_all"),
    ):
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    notification.refresh_from_db()
    assert notification.read_at is None


def test_another_users_notification_is_not_found(bob_client: Client, alice: User) -> None:
    notification = reminded(alice)

    response = bob_client.post(reverse("notification_read", args=[notification.pk]))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_all_read_leaves_other_users_alone(bob_client: Client, alice: User) -> None:
    notification = reminded(alice)

    bob_client.post(reverse("notifications_read_all"))

    notification.refresh_from_db()
    assert notification.read_at is None


def test_actions_only_accept_post(alice_client: Client, alice: User) -> None:
    notification = reminded(alice)

    assert alice_client.get(reverse("notification_read", args=[notification.pk])).status_code == 405
    assert alice_client.get(reverse("notifications_read_all")).status_code == 405


def test_the_page_lists_only_the_users_own_in_app_notifications(
    alice_client: Client, alice: User, bob: User
) -> None:
    mine = reminded(alice, company="Acme")
    reminded(bob, company="Bob's Secret Startup")
    # Alice also gets reminders by email: those rows are deliveries, not inbox items.
    assert Notification.objects.filter(user=alice, channel=Channel.EMAIL).exists()

    response = alice_client.get(reverse("notifications"))

    assert response.status_code == 200
    assert [n.pk for n in response.context["page"]] == [mine.pk]
    html = response.content.decode()
    assert mine.title in html
    assert f'href="{mine.link}"' in html
    assert "Secret Startup" not in html
    assert "is-unread" in html


def test_the_page_is_newest_first_and_paginated(alice_client: Client, alice: User) -> None:
    first = reminded(alice, company="Company 0")
    for n in range(1, 26):
        reminded(alice, company=f"Company {n}")

    page_one = alice_client.get(reverse("notifications"))
    page_two = alice_client.get(reverse("notifications"), {"page": "2"})

    assert len(page_one.context["page"]) == 25
    assert first.pk not in [n.pk for n in page_one.context["page"]]
    assert [n.pk for n in page_two.context["page"]] == [first.pk]


def test_it_marks_one_read(alice_client: Client, alice: User) -> None:
    notification = reminded(alice)
    other = reminded(alice, company="Globex")

    response = alice_client.post(
        reverse("notification_read", args=[notification.pk]), {"page": "2"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("notifications") + "?page=2"
    notification.refresh_from_db()
    other.refresh_from_db()
    assert notification.read_at is not None
    assert other.read_at is None


def test_it_marks_all_read(alice_client: Client, alice: User) -> None:
    reminded(alice)
    reminded(alice, company="Globex")

    response = alice_client.post(reverse("notifications_read_all"), follow=True)

    assert not Notification.objects.filter(user=alice, channel=Channel.IN_APP, read_at=None)
    assert b"Marked 2 notifications read." in response.content
    assert b"All caught up." in response.content


# The bell -------------------------------------------------------------------------------------


def test_the_bell_shows_the_unread_count_on_the_dashboard(
    alice_client: Client, alice: User
) -> None:
    reminded(alice)
    reminded(alice, company="Globex")
    notifications.notification_mark_read(notification=reminded(alice, company="Initech"))

    html = alice_client.get(reverse("dashboard")).content.decode()

    assert 'aria-label="Notifications, 2 unread"' in html
    assert '<span class="bell-badge" aria-hidden="true">2</span>' in html
    assert f'href="{reverse("notifications")}"' in html


def test_the_bell_hides_its_badge_when_all_is_read(alice_client: Client, alice: User) -> None:
    html = alice_client.get(reverse("dashboard")).content.decode()

    assert 'aria-label="Notifications, 0 unread"' in html
    assert "bell-badge" not in html


def test_the_bell_costs_one_query(alice_client: Client, alice: User) -> None:
    reminded(alice)

    with CaptureQueriesContext(connection) as queries:
        alice_client.get(reverse("dashboard"))

    bell = [q["sql"] for q in queries.captured_queries if "notifications_notification" in q["sql"]]
    assert len(bell) == 1
    assert "COUNT(" in bell[0].upper()


def test_the_notifications_page_counts_unread_once(alice_client: Client, alice: User) -> None:
    reminded(alice)

    with CaptureQueriesContext(connection) as queries:
        alice_client.get(reverse("notifications"))

    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    # One for the bell (read twice on the page), one for the paginator.
    assert len(counts) == 2


def test_the_login_page_has_no_bell(client: Client) -> None:
    html = client.get(reverse("login")).content.decode()

    assert "Notifications," not in html


# Settings -----------------------------------------------------------------------------------


def test_settings_save_the_reminder_choices(alice_client: Client, alice: User) -> None:
    data = _settings_form(webhook_url="https://ntfy.sh/alice-jobs", webhook_format="ntfy")
    del data["email_reminders"]  # an unticked checkbox is not sent

    response = alice_client.post(reverse("account_settings"), data)

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.email_reminders is False
    assert alice.webhook_url == "https://ntfy.sh/alice-jobs"
    assert alice.webhook_format == "ntfy"


@pytest.mark.parametrize("url", ["ftp://x", "ftp://example.com/hook", "javascript:alert(1)"])
def test_settings_refuse_a_webhook_that_is_not_http(
    alice_client: Client, alice: User, url: str
) -> None:
    response = alice_client.post(reverse("account_settings"), _settings_form(webhook_url=url))

    assert response.status_code == 200
    assert "webhook_url" in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.webhook_url == ""


def test_settings_show_the_last_delivery_problem(
    alice_client: Client, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Any, notification: Notification) -> None:
        raise channels.DeliveryError("The mail server refused it: connection refused")

    monkeypatch.setattr(channels.EmailSender, "send", refuse)
    reminded(alice)
    email = Notification.objects.get(user=alice, channel=Channel.EMAIL)
    notifications.notification_deliver(notification_id=email.pk)

    html = alice_client.get(reverse("account_settings")).content.decode()

    assert "Last delivery problem" in html
    assert "connection refused" in html


def test_settings_do_not_nag_about_a_problem_since_fixed(
    alice_client: Client, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    Notification.objects.create(
        user=alice, channel=Channel.EMAIL, title="Old", status=DeliveryStatus.FAILED, last_error="x"
    )
    later = reminded(alice)
    notifications.notification_deliver(
        notification_id=Notification.objects.get(reminder=later.reminder, channel=Channel.EMAIL).pk
    )

    html = alice_client.get(reverse("account_settings")).content.decode()

    assert "Last delivery problem" not in html


# The reminder email ---------------------------------------------------------------------------


def test_the_reminder_email_greets_the_user_and_links_to_the_follow_up(alice: User) -> None:
    notification = reminded(alice, company="Smith & Sons")

    notifications.notification_deliver(
        notification_id=Notification.objects.get(
            reminder=notification.reminder, channel=Channel.EMAIL
        ).pk
    )

    [message] = mail.outbox
    url = channels.absolute(notification.link)
    assert message.to == [alice.email]
    assert "Hello Alice Martin," in message.body
    assert "Backend Engineer at Smith & Sons" in message.body  # plain text: no &amp;
    assert url in message.body
    assert "reminders are on in your Rebound settings" in message.body
    html, mimetype = message.alternatives[0]  # type: ignore[attr-defined]
    assert mimetype == "text/html"
    assert f'href="{url}"' in str(html)
    assert "Smith &amp; Sons" in str(html)
