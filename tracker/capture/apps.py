from django.apps import AppConfig


class CaptureConfig(AppConfig):
    name = "tracker.capture"
    label = "capture"
    verbose_name = "Capture"
