from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "tracker.inbox"
    label = "inbox"
    verbose_name = "Inbox"
