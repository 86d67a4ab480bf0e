# Insights at 100,000 applications (issue 15): each move carries its application's owner,
# so that a user's moves are one range of an index; a rejection's channel gets a covering
# index of its own, the board's (owner, stage) index carries the id on PostgreSQL, and
# the owner's index takes the id, so that the applications added last are its end.
from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_owners(apps: Any, schema_editor: Any) -> None:
    """Every move takes its application's owner, in one UPDATE."""
    StageChange = apps.get_model("applications", "StageChange")
    Application = apps.get_model("applications", "Application")
    owner = Application.objects.filter(pk=OuterRef("application_id")).values("owner_id")
    StageChange.objects.update(owner_id=Subquery(owner[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0010_insights_covering_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="stagechange",
            name="owner",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(copy_owners, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="stagechange",
            name="owner",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RemoveIndex(model_name="stagechange", name="stagechange_app_at_idx"),
        migrations.AddIndex(
            model_name="stagechange",
            index=models.Index(
                fields=["owner", "from_stage", "to_stage", "application"],
                name="stagechange_owner_flow_idx",
            ),
        ),
        migrations.AlterField(
            model_name="application",
            name="owner",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(fields=["owner", "id"], name="app_owner_id_idx"),
        ),
        # Insights' rates are sums of tallies now (0012); the undated applications are
        # found through the date applied.
        migrations.RemoveIndex(model_name="application", name="app_owner_figures_idx"),
        migrations.RemoveIndex(model_name="application", name="app_owner_applied_idx"),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                fields=["owner", "applied_on", "stage", "furthest_stage", "created_at"],
                name="app_owner_applied_idx",
            ),
        ),
        migrations.RemoveIndex(model_name="application", name="app_owner_stage_idx"),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                fields=["owner", "stage", "-stage_changed_at"],
                include=["id"],
                name="app_owner_stage_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="rejection",
            index=models.Index(fields=["application", "channel"], name="rejection_app_channel_idx"),
        ),
    ]
