"""The inbound webhook of the one email service the administrator named (INBOX_EMAIL_SERVICE),
and none: every other service's route would be a door left open with no secret behind it."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, path

from tracker.inbox import views


def _service_patterns(service: str) -> list[URLPattern]:
    if not service:
        return []
    from anymail.urls import urlpatterns as anymail_patterns

    name = f"{service}_inbound_webhook"
    found = [p for p in anymail_patterns if isinstance(p, URLPattern) and p.name == name]
    if not found:
        known = sorted(
            str(p.name).removesuffix("_inbound_webhook")
            for p in anymail_patterns
            if str(p.name).endswith("_inbound_webhook")
        )
        raise ImproperlyConfigured(
            f"INBOX_EMAIL_SERVICE={service!r} receives no inbound mail through django-anymail; "
            f"one of: {', '.join(known)}."
        )
    anymail_view = found[0].callback
    return [
        path(
            f"{service}/inbound/",
            views.service_inbound(anymail_view),
            name="inbox_service_inbound",
        )
    ]


urlpatterns = _service_patterns(settings.INBOX_EMAIL_SERVICE)
