"""The calendar feed: a secret URL per user, RFC 5545 events of open follow-ups and
interviews, only the owner's, and a regenerated URL that retires the old one."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import application_for, rejected_late
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.calendar import services
from tracker.calendar.models import CalendarFeed
from tracker.followups import services as followups

pytestmark = pytest.mark.django_db


def _feed_url(user: User) -> str:
    feed = CalendarFeed.objects.get_or_create(user=user)[0]
    return reverse("calendar_feed", args=[feed.token])


def _calendar(client: Client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_it_lists_open_follow_ups_and_interviews(alice: User, client: Client) -> None:
    rejected = rejected_late(alice, company="Acme")
    reply = rejected.followups.get(kind="rejection_reply")
    interviewing = application_for(alice, company="Globex", role="Data Analyst")
    soon = timezone.now() + timedelta(days=2)
    interview = applications.interview_create(
        application=interviewing, scheduled_at=soon, kind="technical"
    )
    applications.interview_create(
        application=application_for(alice, company="Old Corp", days_ago=90),
        scheduled_at=timezone.now() - timedelta(days=60),
        kind="onsite",
    )

    calendar = _calendar(client, _feed_url(alice))

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Reply to the rejection: Backend Engineer at Acme",
        "Technical interview: Data Analyst at Globex",
        # Logging the interview proposed its thank-you, due after it.
        "Thank-you after the interview: Data Analyst at Globex",
    }
    reply_event = events["Reply to the rejection: Backend Engineer at Acme"]
    assert reply.due_at is not None
    assert reply_event.decoded("DTSTART") == reply.due_at.replace(microsecond=0)
    assert str(reply_event["UID"]) == f"followup-{reply.pk}@127.0.0.1:8000"
    assert str(reply_event["URL"]) == (
        f"http://127.0.0.1:8000/applications/{rejected.pk}/#followup-{reply.pk}"
    )
    assert reply_event.decoded("DTSTAMP")
    interview_event = events["Technical interview: Data Analyst at Globex"]
    assert interview_event.decoded("DTSTART") == interview.scheduled_at.replace(microsecond=0)
    assert str(interview_event["URL"]).endswith(f"/applications/{interviewing.pk}/")
    for event in events.values():
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert required in event


def test_closed_follow_ups_leave_the_calendar(alice: User, client: Client) -> None:
    reply = rejected_late(alice).followups.get(kind="rejection_reply")
    url = _feed_url(alice)
    assert len(_calendar(client, url).walk("VEVENT")) == 1

    followups.followup_mark_sent(followup=reply)

    assert _calendar(client, url).walk("VEVENT") == []


def test_only_the_owners_items(alice: User, bob: User, client: Client) -> None:
    rejected_late(alice, company="Alice Corp")
    rejected_late(bob, company="Bob Corp")

    calendar = _calendar(client, _feed_url(bob))

    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Reply to the rejection: Backend Engineer at Bob Corp"
    ]


def test_an_unknown_token_is_a_404(client: Client) -> None:
    assert client.get(reverse("calendar_feed", args=["nope"])).status_code == 404


def test_a_deactivated_users_feed_is_a_404(alice: User, client: Client) -> None:
    url = _feed_url(alice)
    alice.is_active = False
    alice.save()

    assert client.get(url).status_code == 404


def test_settings_offer_a_calendar_address_then_regenerate_it(
    alice: User, alice_client: Client, client: Client
) -> None:
    page = alice_client.get(reverse("account_settings")).content.decode()
    assert "Create a calendar address" in page

    response = alice_client.post(reverse("calendar_feed_regenerate"))
    assert response.status_code == 302
    first = CalendarFeed.objects.get(user=alice).token
    page = alice_client.get(reverse("account_settings")).content.decode()
    assert f"http://127.0.0.1:8000/calendar/{first}.ics" in page
    old_url = reverse("calendar_feed", args=[first])
    assert client.get(old_url).status_code == 200

    alice_client.post(reverse("calendar_feed_regenerate"))

    second = CalendarFeed.objects.get(user=alice).token
    assert second != first
    assert len(second) >= 40
    assert client.get(old_url).status_code == 404
    assert client.get(reverse("calendar_feed", args=[second])).status_code == 200


def test_regenerating_needs_a_login_and_a_post(client: Client, alice_client: Client) -> None:
    assert client.post(reverse("calendar_feed_regenerate")).status_code == 302
    assert alice_client.get(reverse("calendar_feed_regenerate")).status_code == 405
    assert not CalendarFeed.objects.exists()


def test_the_service_makes_one_feed_per_user(alice: User) -> None:
    services.calendar_feed_regenerate(user=alice)
    services.calendar_feed_regenerate(user=alice)

    assert CalendarFeed.objects.filter(user=alice).count() == 1
