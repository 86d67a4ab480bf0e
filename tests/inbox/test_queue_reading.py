"""Reading the queue: newest message first by the date it was sent, each reason once."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for
from tests.inbox.conftest import raw_mail
from tracker.accounts.models import User
from tracker.inbox import selectors, services
from tracker.inbox.models import InboxItem, Mailbox, Via


def test_the_queue_goes_by_the_date_each_message_was_sent(
    alice: User, bob: User, alice_client: Client
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    now = timezone.now()
    # Read in this order (an old mailbox read for the first time brings old mail last).
    for days, subject in ((3, "Three days ago"), (30, "A month ago"), (1, "Yesterday")):
        raw = raw_mail(subject=subject, date=now - timedelta(days=days))
        services.message_ingest(owner=alice, raw=raw, via=Via.FORWARD)
    services.message_ingest(owner=bob, raw=raw_mail(subject="Bob's"), via=Via.FORWARD)

    queue = [i.subject for i in selectors.inbox_items_pending(user=alice)]
    assert queue == ["Yesterday", "Three days ago", "A month ago"]
    page = alice_client.get(reverse("inbox")).content.decode()
    assert page.index("Yesterday") < page.index("Three days ago") < page.index("A month ago")


def test_each_reason_is_given_once() -> None:
    item = InboxItem(
        because=[
            "Sent from hooli.example",
            "Says “not to move forward”",
            "sent from  hooli.example",
        ],
        match_evidence=["Says “not to move forward”", "The subject names Senior Platform Engineer"],
    )
    assert selectors.item_why(item) == [
        "Sent from hooli.example",
        "Says “not to move forward”",
        "The subject names Senior Platform Engineer",
    ]


def test_disconnecting_is_asked_first(alice: User, alice_client: Client) -> None:
    Mailbox.objects.create(
        owner=alice,
        host="imap.example",
        username="alice@example.com",
        password_encrypted="x",
        next_poll_at=timezone.now(),
    )
    page = alice_client.get(reverse("inbox_settings")).content.decode()
    assert 'data-confirm="Disconnect alice@example.com?' in page
