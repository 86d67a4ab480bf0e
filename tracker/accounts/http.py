from django.http import HttpRequest

from tracker.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """The request type of `@login_required` views: `request.user` is a real user."""

    user: User
