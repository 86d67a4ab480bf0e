import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.core.fields import bounded_text


class Channel(models.TextChoices):
    IN_APP = "in_app", _("In the app")
    EMAIL = "email", _("Email")
    WEBHOOK = "webhook", _("Webhook")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


def one_off_key() -> str:
    """The key of a notification written without one (by hand, in the admin): its own."""
    return f"one-off:{uuid.uuid4().hex}"


class Notification(models.Model):
    """What the user was told, on one channel. In-app rows are also the inbox."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    channel = models.CharField(max_length=8, choices=Channel.choices)
    # What the sender is telling, once: "reminder:12". The same key never reaches a
    # channel twice, however many sweepers run, so any room can notify without a link here.
    dedupe_key = models.CharField(max_length=200, default=one_off_key)
    # Extras for machines, set by the sender ({"event": "reminder", "followup": 12}):
    # the webhook posts them beside the text.
    data = models.JSONField(default=dict, blank=True)
    title = models.CharField(max_length=300)
    body = bounded_text(5_000, blank=True)
    # Absolute path within the site, e.g. /followups/12/; channels make it a full URL.
    link = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # "Once": a notice reaches each channel once, however many sweepers run.
            models.UniqueConstraint(
                fields=["dedupe_key", "channel"], name="notification_once_per_key_channel"
            ),
        ]
        indexes = [
            # The bell: a user's unread in-app notifications (counted on every page).
            models.Index(
                fields=["user"],
                condition=models.Q(channel="in_app", read_at__isnull=True),
                name="notification_unread_idx",
            ),
            # The inbox: a user's in-app notifications, newest first.
            models.Index(fields=["user", "channel", "-created_at"], name="notification_inbox_idx"),
            # The delivery sweeper: pending deliveries whose next attempt is due.
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="notification_pending_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.title}"
