from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tracker.core.fields import SingleLineCharField, bounded_text
from tracker.worksearch.vocabulary import ACTIVITY_CHOICES, LAYOUT_CHOICES, Layout

# A day holds at most this many minutes of one activity.
MAX_DURATION_MINUTES = 24 * 60
# What agencies ask for lies between one and a few dozen a week; more is a typo.
MAX_WEEKLY_TARGET = 50


class Activity(models.Model):
    """Something the user did to find work that is not an application: a meetup, a job
    fair, a course, a call with a recruiter."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities"
    )
    date = models.DateField()
    kind = models.CharField(max_length=24, choices=ACTIVITY_CHOICES)
    description = bounded_text(2_000)
    employer = SingleLineCharField(max_length=200, blank=True)
    contact = SingleLineCharField("contact person", max_length=200, blank=True)
    duration_minutes = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DURATION_MINUTES)],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "activities"
        ordering = ["-date", "-id"]
        indexes = [
            # The log and the list: one user's activities between two dates.
            models.Index(fields=["owner", "date"], name="activity_owner_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.date:%Y-%m-%d}"


class LogSettings(models.Model):
    """How the user's agency wants the log: its layout, the weekly target, a reminder."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="work_search_settings"
    )
    layout = models.CharField(max_length=8, choices=LAYOUT_CHOICES, default=Layout.GENERAL)
    weekly_target = models.PositiveSmallIntegerField(
        "activities a week",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WEEKLY_TARGET)],
    )
    # Printed on every page when given: the claim, customer or reference number the
    # agency files the log under.
    reference = SingleLineCharField("claim or customer number", max_length=60, blank=True)
    # Monday is 0, as Python counts; None: no reminder.
    reminder_weekday = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(6)],
    )
    # The first day of the last week a reminder was claimed for: claimed once a week.
    reminded_week = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "work-search log settings"
        verbose_name_plural = "work-search log settings"
        indexes = [
            # The weekly sweep: only those who asked for a reminder.
            models.Index(
                fields=["reminder_weekday"],
                condition=models.Q(reminder_weekday__isnull=False),
                name="logsettings_reminder_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Work-search log settings of {self.user}"
