"""The secret forwarding URL: a relay POSTs a raw message; the same mail is queued once."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from tests.factories import application_for
from tests.inbox.conftest import FORM_LETTER, connect, poll, raw_mail, read_all_kept
from tests.inbox.dovecot import Dovecot
from tracker.accounts.models import User
from tracker.inbox import services
from tracker.inbox.models import InboundMail, InboxItem, Via

pytestmark = pytest.mark.django_db


def forward_url(user: User) -> str:
    inbox = services.inbox_get_or_create(owner=user)
    return reverse("inbox_forward", args=[inbox.pk, inbox.forward_token])


def post(url: str, raw: bytes, **extra: Any) -> Any:
    # A relay has no session and no CSRF token: the secret in the URL is the credential.
    response = Client(enforce_csrf_checks=True).post(
        url, data=raw, content_type="message/rfc822", **extra
    )
    read_all_kept()
    return response


def test_a_forwarded_rejection_is_queued_for_its_application(alice: User) -> None:
    application = application_for(alice, company="Hooli", role="Senior Platform Engineer")

    response = post(forward_url(alice), raw_mail())

    assert response.status_code == 202
    assert response.json() == {"received": True}
    item = InboxItem.objects.get(owner=alice)
    assert (item.via, item.application, item.channel) == (
        Via.FORWARD,
        application,
        "personal_email",
    )
    assert alice.notifications.filter(channel="in_app").count() == 1


def test_a_wrong_secret_is_a_404_and_queues_nothing(alice: User, bob: User) -> None:
    inbox = services.inbox_get_or_create(owner=alice)
    for url in (
        reverse("inbox_forward", args=[inbox.pk, "guess"]),
        reverse("inbox_forward", args=[inbox.pk + 1000, inbox.forward_token]),
        reverse(
            "inbox_forward", args=[services.inbox_get_or_create(owner=bob).pk, inbox.forward_token]
        ),
    ):
        assert post(url, raw_mail()).status_code == 404
    assert not InboxItem.objects.exists()


def test_a_new_address_retires_the_old_one(alice: User) -> None:
    old = forward_url(alice)
    services.inbox_rotate_forward_token(owner=alice)
    assert post(old, raw_mail()).status_code == 404
    assert post(forward_url(alice), raw_mail()).status_code == 202


def test_a_message_over_the_cap_is_refused_before_it_is_read(alice: User) -> None:
    response = post(forward_url(alice), b"x", CONTENT_LENGTH=str(26 * 1024 * 1024))
    assert response.status_code == 413


def test_a_body_longer_than_the_cap_is_refused_whatever_its_length_header_says(
    alice: User, settings: Settings
) -> None:
    settings.INBOX_FORWARD_MAX_BYTES = 1000
    response = post(forward_url(alice), raw_mail(body="x" * 5000))
    assert response.status_code == 413
    assert not InboxItem.objects.exists()


def test_an_empty_body_or_a_get_is_refused(alice: User) -> None:
    assert post(forward_url(alice), b"").status_code == 400
    assert Client().get(forward_url(alice)).status_code == 405


def test_mail_that_is_not_about_a_job_is_accepted_and_not_kept(alice: User) -> None:
    raw = raw_mail(sender="Mum <mum@family.example>", subject="Lunch", body="At one?\n")
    response = post(forward_url(alice), raw)
    assert response.json() == {"received": True}
    assert not InboxItem.objects.exists()
    assert not InboundMail.objects.exists()


def test_the_same_message_by_mailbox_and_by_forward_makes_one_item(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str]
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    raw = raw_mail(**FORM_LETTER)
    dovecot.deliver(imap_user[0], raw)
    poll(connect(alice, dovecot, imap_user))

    assert post(forward_url(alice), raw).status_code == 202

    assert InboxItem.objects.filter(owner=alice).count() == 1


def test_a_message_without_a_message_id_is_told_apart_by_its_content(alice: User) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    url = forward_url(alice)
    post(url, raw_mail(message_id=None))
    post(url, raw_mail(message_id=None))
    post(url, raw_mail(message_id=None, **FORM_LETTER))
    assert InboxItem.objects.filter(owner=alice).count() == 2


def test_the_same_message_for_two_users_is_one_item_each(alice: User, bob: User) -> None:
    raw = raw_mail(**FORM_LETTER)
    post(forward_url(alice), raw)
    post(forward_url(bob), raw)
    assert InboxItem.objects.filter(owner=alice).count() == 1
    assert InboxItem.objects.filter(owner=bob).count() == 1


def test_a_new_password_retires_the_forwarding_url_and_address(
    alice: User, alice_client: Client, settings: Settings
) -> None:
    settings.INBOX_FORWARD_DOMAIN = "in.rebound.example"
    old_url = forward_url(alice)
    old_address = services.forward_address(services.inbox_get_or_create(owner=alice))
    page = alice_client.get(reverse("inbox_settings")).content.decode()
    assert "Changing or resetting your password makes a new address" in page

    alice_client.post(
        reverse("password_change"),
        {
            "old_password": "correct horse battery",
            "new_password1": "an even better passphrase",
            "new_password2": "an even better passphrase",
        },
    )

    assert post(old_url, raw_mail()).status_code == 404
    assert forward_url(alice) != old_url
    assert services.forward_address(services.inbox_get_or_create(owner=alice)) != old_address
    assert post(forward_url(alice), raw_mail()).status_code == 202
