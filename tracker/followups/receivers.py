"""How follow-ups react to what happens elsewhere. Connected in FollowupsConfig.ready()."""

from typing import Any

from tracker.followups import notices
from tracker.followups.models import Reminder


def reminder_deleted(sender: type[Reminder], instance: Reminder, **kwargs: Any) -> None:
    """A sent reminder goes with its follow-up (its application, its interview was
    deleted): what it told the user goes too, whichever path deleted it."""
    if instance.sent_at is not None:
        notices.reminders_withdraw([instance.pk])
