from django.db import migrations, models

import tracker.notifications.models


class Migration(migrations.Migration):
    """Step 3 of 3: the key alone says "once"; the links to follow-ups go."""

    dependencies = [
        ("notifications", "0004_fill_dedupe_key"),
    ]

    operations = [
        migrations.AlterField(
            model_name="notification",
            name="dedupe_key",
            field=models.CharField(
                default=tracker.notifications.models.one_off_key, max_length=200
            ),
        ),
        migrations.RemoveConstraint(
            model_name="notification",
            name="notification_once_per_reminder_channel",
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.UniqueConstraint(
                fields=("dedupe_key", "channel"), name="notification_once_per_key_channel"
            ),
        ),
        migrations.RemoveField(
            model_name="notification",
            name="followup",
        ),
        migrations.RemoveField(
            model_name="notification",
            name="reminder",
        ),
    ]
