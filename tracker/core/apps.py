from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Operations that belong to no single domain: health of the broker, benchmarks."""

    name = "tracker.core"
    label = "core"
    verbose_name = "Core"
