from django.apps import AppConfig
from django.db.models.signals import post_delete


class FollowupsConfig(AppConfig):
    name = "tracker.followups"
    label = "followups"
    verbose_name = "Follow-ups"

    def ready(self) -> None:
        from tracker.followups import receivers
        from tracker.followups.models import Reminder

        post_delete.connect(
            receivers.reminder_deleted, sender=Reminder, dispatch_uid="followups.reminder_deleted"
        )
