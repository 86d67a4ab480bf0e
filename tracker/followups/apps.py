from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "tracker.followups"
    label = "followups"
    verbose_name = "Follow-ups"
