from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from tracker.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """The request type of `@login_required` views: `request.user` is a real user, and
    `request.htmx` says whether htmx sent it (django-htmx's middleware sets it)."""

    user: User
    htmx: HtmxDetails
