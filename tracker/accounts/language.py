"""Speaking to a user in their own language outside a request of theirs: the worker
writing a proposal's reason for them, or their reminder."""

from contextlib import AbstractContextManager, nullcontext

from django.utils import translation

from tracker.accounts.models import User


def in_language_of(user: User) -> AbstractContextManager[None]:
    """The user's chosen language while the block runs. With none chosen, whatever is active
    stays: their browser's during a request of theirs, English in the worker."""
    if user.language:
        return translation.override(user.language)
    return nullcontext()
