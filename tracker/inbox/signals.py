"""Inbound mail from an email service through django-anymail (Postmark, Mailgun, SES,
SendGrid, ...): anymail checks the webhook's secret and parses the service's format; the
recipient address says whose inbox it is (see services.forward_address). The message is
kept raw for the bulk queue to read, as forwarded mail is.

Nothing here reads a header through the email package's modern policy, which is slow on
hostile headers: the recipients come from the raw header text, cut first, and the message
is written back out verbatim.
"""

import logging
from email import policy
from email.utils import getaddresses
from typing import Any

from django.db import transaction

from tracker.inbox import services
from tracker.inbox.models import Via

logger = logging.getLogger(__name__)

# Headers as they came: never parsed and folded again on the way out.
_VERBATIM = policy.default.clone(refold_source="none")
_RECIPIENT_HEADERS = ("to", "cc", "delivered-to", "x-original-to")
_MAX_RECIPIENT_CHARS = 4_000


def _recipients(message: Any) -> list[str]:
    found = [str(getattr(message, "envelope_recipient", None) or "")]
    written = [
        str(value)[:_MAX_RECIPIENT_CHARS]
        for name, value in message.raw_items()
        if name.lower() in _RECIPIENT_HEADERS
    ]
    found += [address for _, address in getaddresses(written[:10])]
    return [r for r in found if r][:50]


def anymail_inbound_received(sender: object, event: Any, esp_name: str, **kwargs: Any) -> None:
    message = event.message
    if message is None:
        return
    inbox = services.inbox_for_addresses(_recipients(message))
    if inbox is None or not inbox.owner.is_active:
        logger.info("Inbox: %s inbound mail for no known address, dropped", esp_name)
        return
    raw = message.as_bytes(policy=_VERBATIM)
    with transaction.atomic():
        services.inbound_store(owner=inbox.owner, raw=raw, via=Via.FORWARD)
