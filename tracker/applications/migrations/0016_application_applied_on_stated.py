# Whether the user gave an application's date applied. For the applications there are, the
# answer is already in their history: its first row is dated exactly when the user gave
# the date (typed, imported), and undated when Rebound chose "today".
from typing import Any

from django.db import migrations, models

from tracker.applications import tally_triggers


def stated_from_history(apps: Any, schema_editor: Any) -> None:
    Application = apps.get_model("applications", "Application")
    StageChange = apps.get_model("applications", "StageChange")
    # The row an application started with is the one without a from_stage.
    undated_start = StageChange.objects.filter(
        application=models.OuterRef("pk"), from_stage="", dated=False
    )
    Application.objects.filter(models.Exists(undated_start)).update(applied_on_stated=False)


def rewrite_triggers(apps: Any, schema_editor: Any) -> None:
    # SQLite adds a NOT NULL column by remaking the table, which drops its triggers.
    tally_triggers.write(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("applications", "0015_search_folded_columns")]

    operations = [
        migrations.AddField(
            model_name="application",
            name="applied_on_stated",
            field=models.BooleanField(default=True),
        ),
        migrations.RunPython(rewrite_triggers, migrations.RunPython.noop),
        migrations.RunPython(stated_from_history, migrations.RunPython.noop),
    ]
