from typing import Any

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tracker.api"
    label = "api"
    verbose_name = "HTTP API"

    def ready(self) -> None:
        from tracker.accounts.signals import password_changed

        password_changed.connect(_rotate_token, dispatch_uid="api-token-rotate")


def _rotate_token(sender: Any, user: Any, **kwargs: Any) -> None:
    from tracker.api import services

    services.api_token_rotate(user=user)
