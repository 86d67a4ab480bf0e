# Covering indexes for the insights page (issue 15): its counts read indexes alone.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0009_company_unique_key"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                fields=["owner", "stage", "furthest_stage", "applied_on", "created_at"],
                name="app_owner_figures_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="stagechange",
            index=models.Index(
                fields=["application", "at", "from_stage", "to_stage"],
                name="stagechange_app_flow_idx",
            ),
        ),
    ]
