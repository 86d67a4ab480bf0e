"""Forwarding through an email service: django-anymail's inbound webhook (Postmark's
format here; every service anymail knows ends in the same signal)."""

import base64
import json
import os
import subprocess
import sys

import pytest
from django.test import Client
from pytest_django import Settings

from tests.factories import application_for
from tests.inbox.conftest import raw_mail, read_all_kept
from tracker.accounts.models import User
from tracker.inbox import services
from tracker.inbox.models import InboxItem, Via

pytestmark = pytest.mark.django_db
URL = "/inbox/anymail/postmark/inbound/"


@pytest.fixture(autouse=True)
def _service(settings: Settings) -> None:
    settings.INBOX_FORWARD_DOMAIN = "in.rebound.example"
    settings.ANYMAIL = {"WEBHOOK_SECRET": "relay:s3cret"}


def deliver(to: str, raw: bytes, secret: str = "relay:s3cret") -> int:
    payload = {"RawEmail": raw.decode(), "OriginalRecipient": to, "ToFull": [{"Email": to}]}
    auth = base64.b64encode(secret.encode()).decode()
    response = Client(enforce_csrf_checks=True).post(
        URL,
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )
    read_all_kept()
    return response.status_code


def test_mail_to_the_users_address_is_queued(alice: User) -> None:
    hooli = application_for(alice, company="Hooli", role="Senior Platform Engineer")
    address = services.forward_address(services.inbox_get_or_create(owner=alice))
    assert address.endswith("@in.rebound.example")

    assert deliver(address.upper(), raw_mail()) == 200

    item = InboxItem.objects.get(owner=alice)
    assert (item.via, item.application, item.channel) == (Via.FORWARD, hooli, "personal_email")


def test_a_wrong_address_or_secret_queues_nothing(alice: User, bob: User) -> None:
    alices = services.forward_address(services.inbox_get_or_create(owner=alice))
    bobs = services.forward_address(services.inbox_get_or_create(owner=bob))
    forged = bobs.split("-")[0] + "-" + bobs.split("-")[1] + "-" + alices.split("-")[2]

    assert deliver(forged, raw_mail()) == 200
    assert deliver("someone@in.rebound.example", raw_mail()) == 200
    assert deliver(alices, raw_mail(), secret="relay:wrong") in {400, 403}
    assert not InboxItem.objects.exists()


def test_a_new_address_retires_the_old_one(alice: User) -> None:
    old = services.forward_address(services.inbox_get_or_create(owner=alice))
    services.inbox_rotate_forward_token(owner=alice)
    deliver(old, raw_mail())
    assert not InboxItem.objects.exists()


def test_without_a_domain_there_is_no_address(alice: User, settings: Settings) -> None:
    settings.INBOX_FORWARD_DOMAIN = ""
    assert services.forward_address(services.inbox_get_or_create(owner=alice)) == ""


def test_only_the_configured_services_webhook_is_there() -> None:
    client = Client()
    for other in ("mailgun", "sendgrid", "amazon_ses", "sparkpost", "mailjet", "brevo"):
        assert client.post(f"/inbox/anymail/{other}/inbound/", {}).status_code == 404
    assert client.post("/inbox/anymail/postmark/tracking/", {}).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[]",
        '{"RawEmail": 12}',
        '{"FromFull": "x", "ToFull": 5}',
        "\x00\xff",
    ],
)
def test_a_body_the_service_would_never_send_is_a_400(body: str) -> None:
    auth = base64.b64encode(b"relay:s3cret").decode()
    response = Client().post(
        URL, body, content_type="application/json", HTTP_AUTHORIZATION=f"Basic {auth}"
    )
    assert response.status_code == 400
    assert b"Traceback" not in response.content


def test_production_refuses_to_start_without_the_webhooks_secret(tmp_path: object) -> None:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k" * 50,
        "INBOX_EMAIL_SERVICE": "postmark",
        "ANYMAIL_WEBHOOK_SECRET": "",
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
    }
    run = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0
    assert "ANYMAIL_WEBHOOK_SECRET" in run.stderr
    assert "must be set" in run.stderr
    env["ANYMAIL_WEBHOOK_SECRET"] = "relay:s3cret"
    ok = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
