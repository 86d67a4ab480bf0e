"""Inbound mail from an email service through django-anymail (Postmark, Mailgun, SES,
SendGrid, ...): anymail checks the webhook's secret and parses the service's format; the
recipient address says whose inbox it is (see services.forward_address)."""

import logging
from typing import Any

from django.db import transaction

from tracker.inbox import services
from tracker.inbox.models import Via

logger = logging.getLogger(__name__)


def anymail_inbound_received(sender: object, event: Any, esp_name: str, **kwargs: Any) -> None:
    message = event.message
    if message is None:
        return
    recipients = [getattr(message, "envelope_recipient", None) or ""]
    for field in ("to", "cc"):
        recipients += [a.addr_spec for a in getattr(message, field, []) or []]
    inbox = services.inbox_for_addresses([r for r in recipients if r])
    if inbox is None or not inbox.owner.is_active:
        logger.info("Inbox: %s inbound mail for no known address, dropped", esp_name)
        return
    try:
        with transaction.atomic():
            item, _ = services.message_ingest(
                owner=inbox.owner, raw=message.as_bytes(), via=Via.FORWARD
            )
            if item is not None:
                services.items_announce(owner=inbox.owner, items=[item])
    except Exception:
        # The service must get its 200 (or it retries for days); the mail is logged.
        logger.exception(
            "Inbox: %s inbound mail for inbox %s could not be read", esp_name, inbox.pk
        )
