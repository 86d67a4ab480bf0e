from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 1 of 3 from "a notification points at a follow-up and a reminder" to "a
    notification carries a key of its own": the new columns, empty for now."""

    dependencies = [
        ("notifications", "0002_alter_notification_body"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="dedupe_key",
            field=models.CharField(default="", max_length=200),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="notification",
            name="data",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
