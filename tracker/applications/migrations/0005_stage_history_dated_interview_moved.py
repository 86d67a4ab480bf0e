from datetime import timedelta

from django.db import migrations, models
from django.db.models import F, Q


def mark_dated(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Rows recorded before the flag existed: one whose moment differs from when it was
    recorded by more than a minute was back-dated by the user (or an import), and the
    first row of an application with a date applied starts on that date."""
    StageChange = apps.get_model("applications", "StageChange")
    minute = timedelta(minutes=1)
    StageChange.objects.filter(
        Q(at__lt=F("recorded_at") - minute)
        | Q(at__gt=F("recorded_at") + minute)
        | Q(from_stage="", application__applied_on__isnull=False)
    ).update(dated=True)
    # Interviews logged before the sweep existed moved the stage when they were logged.
    Interview = apps.get_model("applications", "Interview")
    Interview.objects.filter(stage_moved_at=None).update(stage_moved_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0004_application_posting"),
    ]

    operations = [
        migrations.AddField(
            model_name="stagechange",
            name="dated",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="interview",
            name="stage_moved_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="interview",
            index=models.Index(
                condition=models.Q(("stage_moved_at__isnull", True)),
                fields=["scheduled_at"],
                name="interview_unmoved_idx",
            ),
        ),
        migrations.RunPython(mark_dated, migrations.RunPython.noop),
    ]
