"""The rejection inbox: where mail comes from (a mailbox, a forwarding address) and the
review queue of what it brought. Only job mail is kept, and of it only what the queue shows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.core.fields import bounded_text


class Security(models.TextChoices):
    TLS = "tls", _("TLS (IMAPS, usually port 993)")
    STARTTLS = "starttls", _("STARTTLS (usually port 143)")
    NONE = "none", _("None (only for a server on this machine, 127.0.0.1)")


class MailboxStatus(models.TextChoices):
    NEW = "new", _("Not checked yet")
    OK = "ok", _("Working")
    FAILING = "failing", _("Failing")


class Inbox(models.Model):
    """A user's inbox settings: the secret forwarding address and how long mail is kept."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox"
    )
    # The secret half of the forwarding URL; compared in constant time, never looked up by.
    forward_token = models.CharField(max_length=64)
    retention_days = models.PositiveSmallIntegerField(default=90)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "inboxes"

    def __str__(self) -> str:
        return f"Inbox of {self.owner}"


class Mailbox(models.Model):
    """An IMAP mailbox Rebound reads (never writes): where it is and how far it has read."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mailbox"
    )
    host = models.CharField(max_length=253)
    port = models.PositiveIntegerField(default=993)
    security = models.CharField(max_length=8, choices=Security.choices, default=Security.TLS)
    username = models.CharField(max_length=254)
    # Fernet token of the app password (see crypto.py); never rendered, never logged.
    password_encrypted = models.TextField()
    folder = models.CharField(max_length=200, default="INBOX")
    # New messages only: what the server said its UIDVALIDITY was, and the last UID read.
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)
    # Opt-in: also look in the Sent folder (read-only, headers only) for the follow-ups the
    # user sent from their mail app. The folder found, and how far it has been read.
    watch_sent = models.BooleanField(default=False)
    sent_folder = models.CharField(max_length=200, blank=True)
    sent_uidvalidity = models.BigIntegerField(null=True, blank=True)
    sent_last_uid = models.BigIntegerField(default=0)
    status = models.CharField(max_length=8, choices=MailboxStatus.choices, default="new")
    status_message = models.CharField(max_length=500, blank=True)
    failures = models.PositiveIntegerField(default=0)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    # The sweep claims a due mailbox by moving this forward (a lease): a second beat, or a
    # second sweep, finds it not due. The poll sets it to the next time on its way out.
    next_poll_at = models.DateTimeField()
    # Which dispatch may run the poll: a task delivered twice finds its claim taken.
    claim = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            # The sweep: mailboxes due for a poll, soonest first.
            models.Index(fields=["next_poll_at"], name="mailbox_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.username} at {self.host}"


class Via(models.TextChoices):
    IMAP = "imap", _("Mailbox")
    FORWARD = "forward", _("Forwarded")


class ItemKind(models.TextChoices):
    REJECTION = "rejection", _("Rejection")
    INTERVIEW_INVITATION = "interview_invitation", _("Interview invitation")
    OFFER = "offer", _("Offer")
    # Job mail that is none of those (a receipt, a take-home, a recruiter's note): the
    # queue's "other" lane, and an update on its application.
    OTHER = "other_job_mail", _("Other job mail")


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for you")
    CONFIRMED = "confirmed", _("Confirmed")
    DISMISSED = "dismissed", _("Not a rejection")


class InboxItem(models.Model):
    """One message in the review queue. Nothing changes anywhere until the user confirms."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbox_items"
    )
    # sha256 of the Message-ID, else of the letter: the same mail, however it came, once.
    fingerprint = models.CharField(max_length=64)
    # sha256 of the letter's words alone: a forward of a letter already seen is that letter.
    letter_fingerprint = models.CharField(max_length=64, blank=True)
    via = models.CharField(max_length=8, choices=Via.choices)
    kind = models.CharField(max_length=24, choices=ItemKind.choices)
    status = models.CharField(max_length=12, choices=ItemStatus.choices, default="pending")
    message_id = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    from_name = models.CharField(max_length=200, blank=True)
    from_email = models.CharField(max_length=254, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The newest text of the message only (no quotes, no attachments), capped.
    text = bounded_text(20_000, blank=True)
    # The reader's guess for the rejection form: channel, sender, role, evidence.
    channel = models.CharField(max_length=16, blank=True)
    sender_role = models.CharField(max_length=16, blank=True)
    sender_name = models.CharField(max_length=200, blank=True)
    sender_email = models.CharField(max_length=254, blank=True)
    because = models.JSONField(default=list, blank=True)
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbox_items",
    )
    match_evidence = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "fingerprint"], name="inbox_item_once"),
        ]
        indexes = [
            # The queue and its badge: one user's pending items, newest first.
            models.Index(fields=["owner", "status", "-created_at"], name="inbox_item_queue_idx"),
            # Matching a reply to an earlier thread: the user's items by Message-ID.
            models.Index(fields=["owner", "message_id"], name="inbox_item_thread_idx"),
            # Is this letter already queued (a forward of a mail read over IMAP)?
            models.Index(fields=["owner", "letter_fingerprint"], name="inbox_item_letter_idx"),
            # The retention sweep: items older than a date, across users.
            models.Index(fields=["created_at"], name="inbox_item_age_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"


class DecidedMessage(models.Model):
    """A message the user decided on, remembered by its fingerprints alone (no text, no
    address): it outlives the item, a disconnect and the retention sweep, so the same mail
    is never queued again however it comes back."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="decided_messages"
    )
    fingerprint = models.CharField(max_length=64)
    decided_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "fingerprint"], name="decided_message_once"),
        ]

    def __str__(self) -> str:
        return f"Decided message {self.fingerprint[:12]}"


class InboundStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be read")
    UNREADABLE = "unreadable", _("Could not be read")


class InboundMail(models.Model):
    """A message as it arrived (forwarded, from an email service or a mailbox), kept until a
    task on the bulk queue has read it: a request, or a poll, never parses mail itself.

    Read, it goes (what it was about is an InboxItem, or nothing). One that still cannot be
    read after a few tries keeps its row, emptied, so the inbox page can say so.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inbound_mail"
    )
    via = models.CharField(max_length=8, choices=Via.choices)
    raw = models.BinaryField(blank=True)
    status = models.CharField(max_length=12, choices=InboundStatus.choices, default="waiting")
    # How many reads began: each is claimed first, so one that never ended is counted too.
    attempts = models.PositiveSmallIntegerField(default=0)
    # A claimed message is not claimed again before this (a read that died is retried).
    lease_until = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            # The reader and its sweep: one user's waiting mail, oldest first.
            models.Index(fields=["status", "owner", "received_at"], name="inbound_waiting_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_via_display()} mail of {self.owner} ({self.status})"
