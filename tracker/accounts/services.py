"""Account writes that run outside a request."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm


def password_reset_send(*, email: str) -> None:
    """Mails a reset link to each active account with this address; nothing otherwise.

    Runs in a task, so the request that asked takes the same time whether or not the
    address has an account (the lookup, the token and the mail all happen here).
    """
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    form.save(
        domain_override=urlsplit(settings.SITE_URL).netloc,
        use_https=settings.SITE_URL.startswith("https://"),
        # Links point at SITE_URL, never at whatever Host header the request had.
        extra_email_context={"site_url": settings.SITE_URL},
    )
