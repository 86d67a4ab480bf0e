from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    NEW = "new", _("Waiting for the column mapping")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Not imported")


class ImportJob(models.Model):
    """One uploaded file on its way in. The decoded text lives here, in the database, so
    that whichever worker runs the import can read it without a shared disk."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    filename = models.CharField(max_length=255)
    encoding = models.CharField(max_length=32)
    delimiter = models.CharField(max_length=1)
    # Emptied once imported: Rebound keeps the applications, not a copy of the file.
    text = models.TextField()
    # The history.csv of the same Rebound export, when the user uploads one alongside.
    history_filename = models.CharField(max_length=255, blank=True)
    history_delimiter = models.CharField(max_length=1, blank=True)
    history_text = models.TextField(blank=True)
    header = models.JSONField(default=list)
    # True when the header is exactly that of Rebound's applications.csv.
    own_format = models.BooleanField(default=False)
    # What the user confirmed: {"columns": [target per column], "stages": {value: stage},
    # "date_order": "ymd" | "dmy" | "mdy"}. Checked again by the worker before use.
    mapping = models.JSONField(default=dict, blank=True)
    skip_duplicates = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=ImportStatus.choices, default=ImportStatus.NEW)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    # [{"line", "column", "message"}]: why nothing was imported.
    errors = models.JSONField(default=list, blank=True)
    # [{"line", "company", "role", "applied_on"}]: rows skipped as duplicates.
    skipped = models.JSONField(default=list, blank=True)
    # Which run claimed the job: only that run's transaction may commit the import.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Made by the exports app before imports had a room of their own; the table keeps
        # its name so that moving the model moved no data.
        db_table = "exports_importjob"
        ordering = ["-created_at", "-id"]
        indexes = [
            # The sweeper: jobs queued or running, by status.
            models.Index(
                fields=["status", "dispatched_at"],
                condition=models.Q(status__in=["queued", "running"]),
                name="importjob_active_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Import of {self.filename} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
