from django.apps import AppConfig


class CaptureConfig(AppConfig):
    name = "tracker.capture"
    label = "capture"
    verbose_name = "Capture"

    def ready(self) -> None:
        # Capture answers applications' pages; applications never imports it.
        from tracker.applications import events
        from tracker.capture import receivers

        events.said_when_added.answer_with(receivers.said_when_added)
