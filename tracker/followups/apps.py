from django.apps import AppConfig
from django.db.models.signals import post_delete


class FollowupsConfig(AppConfig):
    name = "tracker.followups"
    label = "followups"
    verbose_name = "Follow-ups"

    def ready(self) -> None:
        # Follow-ups react to applications; applications never call them.
        from tracker.applications import events
        from tracker.followups import receivers
        from tracker.followups.models import Reminder

        events.stage_changed.connect(receivers.stage_changed, dispatch_uid="followups.stage")
        events.rejection_saved.connect(
            receivers.rejection_saved, dispatch_uid="followups.rejection"
        )
        events.interview_logged.connect(
            receivers.interview_logged, dispatch_uid="followups.interview"
        )
        events.move_would_cancel.answer_with(receivers.move_would_cancel)
        post_delete.connect(
            receivers.reminder_deleted, sender=Reminder, dispatch_uid="followups.reminder_deleted"
        )
