"""The application page's "Mail about it" card: `{% load inbox %}{% inbox_updates
application %}`. A tag, so the applications room never imports the inbox above it."""

from typing import Any

from django import template

from tracker.applications.models import Application
from tracker.inbox import selectors

register = template.Library()


@register.inclusion_tag("inbox/_updates.html")
def inbox_updates(application: Application) -> dict[str, Any]:
    return {
        # The owner's id, not the owner: the page has no use for a second User loaded.
        "mail_updates": selectors.application_mail_updates(
            owner_id=application.owner_id, application_id=application.pk
        )
    }
