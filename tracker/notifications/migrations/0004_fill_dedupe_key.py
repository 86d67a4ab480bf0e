from typing import Any

from django.db import migrations

# The key the follow-ups room gives a reminder's notice (tracker/followups/notices.py).
REMINDER_KEY = "reminder:{}"
# A row from before that pointed at no reminder still needs a key of its own.
LONE_KEY = "one-off:{}"


def fill(apps: Any, schema_editor: Any) -> None:
    """Step 2 of 3: each row's key and extras, from the links it had."""
    Notification = apps.get_model("notifications", "Notification")
    rows = Notification.objects.only("pk", "followup_id", "reminder_id").iterator(chunk_size=2000)
    batch = []
    for row in rows:
        if row.reminder_id is not None:
            row.dedupe_key = REMINDER_KEY.format(row.reminder_id)
        else:
            row.dedupe_key = LONE_KEY.format(row.pk)
        if row.followup_id is not None:
            row.data = {"event": "reminder", "followup": row.followup_id}
        batch.append(row)
        if len(batch) == 2000:
            Notification.objects.bulk_update(batch, ["dedupe_key", "data"])
            batch = []
    Notification.objects.bulk_update(batch, ["dedupe_key", "data"])


def unfill(apps: Any, schema_editor: Any) -> None:
    """Back: the links again, read from the key and the extras."""
    Notification = apps.get_model("notifications", "Notification")
    for row in Notification.objects.filter(dedupe_key__startswith="reminder:").iterator():
        row.reminder_id = int(row.dedupe_key.removeprefix("reminder:"))
        row.followup_id = row.data.get("followup")
        row.save(update_fields=["reminder_id", "followup_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_notification_dedupe_key_data"),
    ]

    operations = [migrations.RunPython(fill, unfill, elidable=False)]
