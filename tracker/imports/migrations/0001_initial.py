"""ImportJob moves here from the exports app: in Django's state only. Its table keeps
the name exports made (Meta.db_table), so no row moves and none is lost; the content
type follows, so permissions and admin history stay with the model."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _content_type_follows(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="exports", model="importjob"
    ).update(app_label="imports")


def _content_type_returns(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="imports", model="importjob"
    ).update(app_label="exports")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("exports", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportJob",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("filename", models.CharField(max_length=255)),
                        ("encoding", models.CharField(max_length=32)),
                        ("delimiter", models.CharField(max_length=1)),
                        ("text", models.TextField()),
                        ("history_filename", models.CharField(blank=True, max_length=255)),
                        ("history_delimiter", models.CharField(blank=True, max_length=1)),
                        ("history_text", models.TextField(blank=True)),
                        ("header", models.JSONField(default=list)),
                        ("own_format", models.BooleanField(default=False)),
                        ("mapping", models.JSONField(blank=True, default=dict)),
                        ("skip_duplicates", models.BooleanField(default=False)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("new", "Waiting for the column mapping"),
                                    ("queued", "Queued"),
                                    ("running", "Importing"),
                                    ("done", "Imported"),
                                    ("failed", "Not imported"),
                                ],
                                default="new",
                                max_length=8,
                            ),
                        ),
                        ("total", models.PositiveIntegerField(default=0)),
                        ("done", models.PositiveIntegerField(default=0)),
                        ("imported", models.PositiveIntegerField(default=0)),
                        ("errors", models.JSONField(blank=True, default=list)),
                        ("skipped", models.JSONField(blank=True, default=list)),
                        ("claim", models.UUIDField(blank=True, editable=False, null=True)),
                        ("dispatched_at", models.DateTimeField(blank=True, null=True)),
                        ("started_at", models.DateTimeField(blank=True, null=True)),
                        ("finished_at", models.DateTimeField(blank=True, null=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "owner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "exports_importjob",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(
                                condition=models.Q(("status__in", ["queued", "running"])),
                                fields=["status", "dispatched_at"],
                                name="importjob_active_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[
                migrations.RunPython(_content_type_follows, _content_type_returns),
            ],
        ),
    ]
