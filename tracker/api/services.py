"""Every write to API tokens. One token per user (DRF's model): a new one replaces the old."""

from django.db import transaction
from rest_framework.authtoken.models import Token

from tracker.accounts.models import User


def api_token_get_or_create(*, user: User) -> Token:
    """The token a script logging in receives: the current one, made on first use."""
    token, _ = Token.objects.get_or_create(user=user)
    return token


@transaction.atomic
def api_token_regenerate(*, user: User) -> Token:
    """A fresh token; the previous one (if any) stops working at once."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def api_token_revoke(*, user: User) -> bool:
    """Deletes the user's token; False if there was none."""
    deleted, _ = Token.objects.filter(user=user).delete()
    return bool(deleted)


def api_token_rotate(*, user: User) -> Token | None:
    """After a password change or reset: a token that exists is replaced, so whoever held
    the old one (with the old password) is out; a user without one gets none."""
    if not Token.objects.filter(user=user).exists():
        return None
    return api_token_regenerate(user=user)
