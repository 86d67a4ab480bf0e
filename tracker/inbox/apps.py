from typing import Any

from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "tracker.inbox"
    label = "inbox"
    verbose_name = "Inbox"

    def ready(self) -> None:
        from anymail.signals import inbound

        from tracker.accounts.signals import password_changed
        from tracker.inbox.signals import anymail_inbound_received

        inbound.connect(anymail_inbound_received, dispatch_uid="inbox-anymail-inbound")
        password_changed.connect(_rotate_forwarding, dispatch_uid="inbox-forward-rotate")


def _rotate_forwarding(sender: Any, user: Any, **kwargs: Any) -> None:
    """The forwarding URL and address are a way in besides the password: they go with it."""
    from tracker.inbox import services

    services.inbox_rotate_forward_token(owner=user)
