"""The bell, the notifications page, reminder settings and the reminder email."""

from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import rejected_late, send_due_reminders
from tracker.accounts.models import User
from tracker.notifications import channels
from tracker.notifications import services as notifications
from tracker.notifications.models import Channel, DeliveryStatus, Notification

pytestmark = pytest.mark.django_db


def reminded(owner: User, *, company: str = "Acme") -> Notification:
    """A rejection logged a day late: its reply is due, so the sweep reminds the owner."""
    application = rejected_late(owner, company=company)
    send_due_reminders()
    followup = application.followups.get()
    return Notification.objects.get(user=owner, channel=Channel.IN_APP, data__followup=followup.pk)


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

    counts = [
        q["sql"]
        for q in queries.captured_queries
        if "COUNT(" in q["sql"].upper() and "notifications_notification" in q["sql"]
    ]
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
        notification_id=Notification.objects.get(
            dedupe_key=later.dedupe_key, channel=Channel.EMAIL
        ).pk
    )

    html = alice_client.get(reverse("account_settings")).content.decode()

    assert "Last delivery problem" not in html


# The reminder email ---------------------------------------------------------------------------


def test_the_reminder_email_greets_the_user_and_links_to_the_follow_up(alice: User) -> None:
    notification = reminded(alice, company="Smith & Sons")

    notifications.notification_deliver(
        notification_id=Notification.objects.get(
            dedupe_key=notification.dedupe_key, channel=Channel.EMAIL
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


# The bell's dropdown --------------------------------------------------------------------------


def _note(owner: User, title: str, **fields: Any) -> Notification:
    fields.setdefault("link", "/followups/")
    return Notification.objects.create(user=owner, channel=Channel.IN_APP, title=title, **fields)


def _dropdown(client: Client) -> str:
    response = client.get(reverse("notifications_dropdown"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def test_the_bell_loads_its_dropdown_only_when_opened(alice_client: Client, alice: User) -> None:
    _note(alice, "Nudge Acme")

    html = alice_client.get(reverse("dashboard")).content.decode()

    # Both bells (phone and desktop) are links to the page until notifications.js makes
    # them dropdown toggles; the list itself is not on the page.
    assert html.count("data-bell-toggle") == 2
    assert html.count('data-bs-toggle="dropdown"') == 1  # the account menu's
    assert html.count(f'hx-get="{reverse("notifications_dropdown")}"') == 2
    assert "Nudge Acme" not in html


def test_the_dropdown_lists_the_users_latest_notifications_newest_first(
    alice_client: Client, alice: User, bob: User
) -> None:
    for n in range(8):
        _note(alice, f"Alice note {n}")
    Notification.objects.create(user=alice, channel=Channel.EMAIL, title="An email copy")
    _note(bob, "Bob's Secret Startup")

    html = _dropdown(alice_client)

    shown = [f"Alice note {n}" for n in range(8) if f"Alice note {n}<" in html]
    assert shown == [f"Alice note {n}" for n in range(2, 8)]
    positions = [html.index(f"{title}<") for title in shown]
    assert positions == sorted(positions, reverse=True)  # newest (7) first
    assert "Secret Startup" not in html
    assert "An email copy" not in html


def test_the_dropdown_marks_unread_ones_and_offers_to_mark_all(
    alice_client: Client, alice: User
) -> None:
    unread = _note(alice, "Unread one")
    read = _note(alice, "Read one")
    notifications.notification_mark_read(notification=read)

    html = _dropdown(alice_client)

    assert html.count("is-unread") == 1
    assert html.count("Unread: </span>") == 1
    assert f'action="{reverse("notification_open", args=[unread.pk])}"' in html
    assert f'hx-post="{reverse("notifications_read_all")}"' in html
    # The bell's badge comes along, in case something arrived since the page loaded.
    assert 'hx-swap-oob="outerHTML:.bell-status"' in html
    assert 'aria-label="Notifications, 1 unread"' in html


def test_the_dropdown_says_so_when_there_is_nothing(alice_client: Client, alice: User) -> None:
    html = _dropdown(alice_client)

    assert "Nothing yet: reminders to follow up will appear here." in html
    assert "Mark all read" not in html


def test_the_dropdown_shows_titles_escaped(alice_client: Client, alice: User) -> None:
    _note(alice, "<script>alert(1)</script><img src=x onerror=alert(2)>")

    html = _dropdown(alice_client)

    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_dropdown_is_one_query_for_the_list_however_many_there_are(
    alice_client: Client, alice: User
) -> None:
    def notification_queries() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            _dropdown(alice_client)
        return [
            q["sql"] for q in queries.captured_queries if "notifications_notification" in q["sql"]
        ]

    _note(alice, "First")
    few = notification_queries()
    for n in range(29):
        _note(alice, f"More {n}")
    many = notification_queries()

    assert len(few) == len(many) == 2  # the list, and the badge's COUNT
    assert "LIMIT 6" in many[0].upper()


def test_pages_do_not_pay_for_the_dropdown(
    alice_client: Client, alice: User, django_assert_num_queries: Any
) -> None:
    _note(alice, "First")
    with CaptureQueriesContext(connection) as queries:
        alice_client.get(reverse("dashboard"))
    for n in range(29):
        _note(alice, f"More {n}")

    with django_assert_num_queries(len(queries.captured_queries)):
        html = alice_client.get(reverse("dashboard")).content.decode()

    assert 'aria-label="Notifications, 30 unread"' in html


def test_opening_a_notification_marks_it_read_and_follows_its_link(
    alice_client: Client, alice: User
) -> None:
    notification = reminded(alice)

    response = alice_client.post(reverse("notification_open", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == notification.link
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.parametrize(
    "link",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)", ""],
)
def test_a_link_that_leaves_the_site_goes_to_the_notifications_page_instead(
    alice_client: Client, alice: User, link: str
) -> None:
    notification = _note(alice, "Odd link", link=link)

    response = alice_client.post(reverse("notification_open", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("notifications")
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_users_notification_cannot_be_opened(bob_client: Client, alice: User) -> None:
    notification = reminded(alice)

    response = bob_client.post(reverse("notification_open", args=[notification.pk]))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_all_read_from_the_dropdown_returns_it_with_a_zero_badge(
    alice_client: Client, alice: User
) -> None:
    _note(alice, "One")
    _note(alice, "Two")

    response = alice_client.post(reverse("notifications_read_all"), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-label="Notifications, 0 unread"' in html
    assert "bell-badge" not in html
    assert "is-unread" not in html
    assert "Marked 2 notifications read." in html  # for screen readers, in the live region
    assert not Notification.objects.filter(user=alice, read_at=None)
    # Said once, in the dropdown: not again as a message on the next page.
    assert b"Marked 2" not in alice_client.get(reverse("notifications")).content


def test_marking_one_read_from_htmx_returns_the_dropdown(alice_client: Client, alice: User) -> None:
    notification = _note(alice, "One")
    _note(alice, "Two")

    response = alice_client.post(
        reverse("notification_read", args=[notification.pk]), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert 'aria-label="Notifications, 1 unread"' in response.content.decode()
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_the_dropdown_actions_require_login(client: Client, alice: User) -> None:
    notification = _note(alice, "One")

    for response in (
        client.get(reverse("notifications_dropdown")),
        client.post(reverse("notification_open", args=[notification.pk])),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_dropdown_actions_only_accept_their_method(alice_client: Client, alice: User) -> None:
    notification = _note(alice, "One")

    assert alice_client.get(reverse("notification_open", args=[notification.pk])).status_code == 405
    assert alice_client.get(reverse("notifications_read_all")).status_code == 405
    assert alice_client.post(reverse("notifications_dropdown")).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_all_read_from_the_bell_on_the_list_reloads_the_list(
    alice_client: Client, alice: User
) -> None:
    Notification.objects.create(user=alice, channel="in_app", title="Unread")
    list_url = "http://testserver" + reverse("notifications") + "?page=1"
    elsewhere = "http://testserver" + reverse("dashboard")

    on_list = alice_client.post(
        reverse("notifications_read_all"),
        headers={"HX-Request": "true", "HX-Current-URL": list_url},
    )
    on_board = alice_client.post(
        reverse("notifications_read_all"),
        headers={"HX-Request": "true", "HX-Current-URL": elsewhere},
    )

    assert on_list["HX-Refresh"] == "true"
    assert "HX-Refresh" not in on_board
