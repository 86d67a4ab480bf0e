from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.applications.models import Application, Contact, Feedback, Interview
from tracker.core.fields import SingleLineCharField, bounded_text
from tracker.followups.kinds import Element, Kind

KIND_LABELS = {
    Kind.NONE: _("No reply needed"),
    Kind.REJECTION_REPLY: _("Reply to the rejection"),
    Kind.KEEP_IN_TOUCH: _("Keep in touch"),
    Kind.APPLICATION_NUDGE: _("Ask for an update"),
    Kind.INTERVIEW_THANK_YOU: _("Thank-you after the interview"),
    Kind.GHOST_CHECK: _("Still waiting?"),
    Kind.LINKEDIN: _("Connect on LinkedIn"),
}
KIND_CHOICES = [(kind.value, KIND_LABELS[kind]) for kind in Kind]
ELEMENT_CHOICES = [(e.value, e.value.replace("_", " ")) for e in Element]


class FollowUpStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Skipped")
    SNOOZED = "snoozed", _("Snoozed")
    CANCELLED = "cancelled", _("Cancelled")
    NOT_NEEDED = "not_needed", _("Not needed")


# Follow-ups still waiting for the user: reminders fire only for these.
# The languages a draft can be written in, by their own names (a German user looks for
# "Deutsch", not "German").
LANGUAGE_CHOICES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("nl", "Nederlands"),
    ("it", "Italiano"),
    ("pt", "Português"),
]
OPEN_STATUSES = (FollowUpStatus.PROPOSED, FollowUpStatus.SNOOZED)
REJECTION_KINDS = (Kind.NONE, Kind.REJECTION_REPLY, Kind.KEEP_IN_TOUCH)


class FollowUp(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="followups")
    kind = models.CharField(max_length=24, choices=KIND_CHOICES)
    # Which one of its kind: the second keep-in-touch note, the second nudge.
    sequence = models.PositiveSmallIntegerField(default=1)
    # Set for a thank-you, which is one per interview.
    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, null=True, blank=True, related_name="followups"
    )
    status = models.CharField(
        max_length=12, choices=FollowUpStatus.choices, default=FollowUpStatus.PROPOSED
    )
    elements = models.JSONField(default=list, blank=True)
    recipient_name = SingleLineCharField(max_length=200, blank=True)
    recipient_email = models.EmailField(blank=True)
    subject = SingleLineCharField(max_length=300, blank=True)
    body = bounded_text(5_000, blank=True)
    # The user changed the subject or body: new rejection details never overwrite it...
    edited = models.BooleanField(default=False)
    # ...they only flag that its elements may no longer match (the card offers a rebuild).
    draft_stale = models.BooleanField(default=False)
    # The language the user chose for the draft; "" lets the letter decide...
    language = models.CharField(max_length=2, choices=LANGUAGE_CHOICES, blank=True, default="")
    # ...and the one it is written in.
    written_in = models.CharField(max_length=2, choices=LANGUAGE_CHOICES, default="en")
    # The person a LinkedIn step is for: its link to their profile, and one step each.
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, null=True, blank=True, related_name="followups"
    )
    due_at = models.DateTimeField(null=True, blank=True)
    reason = bounded_text(2_000)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The Message-ID of what the user sent, seen in their Sent folder: a reply that names
    # it in In-Reply-To is an answer whatever its subject became.
    sent_message_id = models.CharField(max_length=300, blank=True)
    # The copy the user said was not this follow-up's sending (they undid "sent"): the Sent
    # folder read afresh (a reconnect) must not mark it sent again.
    not_sent_message_id = models.CharField(max_length=300, blank=True)
    # The recipient's answer, attached as the inbox saw it: its newest letter, no quotes.
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = bounded_text(20_000, blank=True)
    # The feedback the answer became (an answer to a request for advice); detaching the
    # answer removes it.
    feedback = models.OneToOneField(
        Feedback, on_delete=models.SET_NULL, null=True, blank=True, related_name="followup"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            # "Once": one follow-up of each kind per application, whoever proposes it.
            models.UniqueConstraint(
                fields=["application", "kind", "sequence"],
                condition=~models.Q(kind__in=[Kind.INTERVIEW_THANK_YOU.value, Kind.LINKEDIN.value]),
                name="followup_once_per_kind",
            ),
            # One LinkedIn step per person, however many applications they were part of.
            models.UniqueConstraint(
                fields=["contact"],
                condition=models.Q(kind=Kind.LINKEDIN.value),
                name="followup_one_linkedin_step_per_contact",
            ),
            models.UniqueConstraint(
                fields=["interview"],
                condition=models.Q(kind=Kind.INTERVIEW_THANK_YOU.value),
                name="followup_one_thank_you_per_interview",
            ),
        ]
        indexes = [
            # Follow-ups page: one user's follow-ups by status, soonest due first.
            models.Index(fields=["status", "due_at"], name="followup_status_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.application}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class KeepingInTouch(models.Model):
    """The user's yes to notes every two to three months after the first two: for one
    application (to whoever the rules pick) or for one person (across their applications).
    Deleting the row is the one click that stops it."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, null=True, blank=True, related_name="keeping"
    )
    contact = models.OneToOneField(
        Contact, on_delete=models.CASCADE, null=True, blank=True, related_name="keeping"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "keeping in touch"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(application__isnull=True, contact__isnull=False)
                | models.Q(application__isnull=False, contact__isnull=True),
                name="keeping_one_application_or_person",
            ),
        ]

    def __str__(self) -> str:
        return f"Keep in touch: {self.application or self.contact}"


class Reminder(models.Model):
    """A moment to tell the user about a follow-up. Swept by beat; sent once."""

    followup = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="reminders")
    remind_at = models.DateTimeField()
    # The 48-hour one: the last reminder for this follow-up.
    last_call = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Which sweep claimed it: lets a sweeper pick out exactly the rows its UPDATE won.
    claim = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["remind_at"]
        indexes = [
            # The sweeper: unsent reminders that are due.
            models.Index(
                fields=["remind_at"],
                condition=models.Q(sent_at__isnull=True),
                name="reminder_unsent_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Reminder at {self.remind_at:%Y-%m-%d %H:%M} for {self.followup}"


class ProposalJob(models.Model):
    """ "Work out this application's follow-ups": written with the stage change, in its
    transaction, so a broker outage at that moment loses nothing (the sweeper re-sends)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="proposal_jobs"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # Rejecting twice before the worker runs queues one piece of work, not two.
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(done_at__isnull=True),
                name="proposaljob_one_open_per_application",
            ),
        ]
        indexes = [
            # The sweeper: open jobs, oldest first.
            models.Index(
                fields=["requested_at"],
                condition=models.Q(done_at__isnull=True),
                name="proposaljob_open_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Proposal job for {self.application_id}"
