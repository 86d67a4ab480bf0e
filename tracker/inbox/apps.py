from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "tracker.inbox"
    label = "inbox"
    verbose_name = "Inbox"

    def ready(self) -> None:
        from anymail.signals import inbound

        from tracker.inbox.signals import anymail_inbound_received

        inbound.connect(anymail_inbound_received, dispatch_uid="inbox-anymail-inbound")
