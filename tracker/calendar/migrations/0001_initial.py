"""CalendarFeed moves here from the exports app: in Django's state only. Its table keeps
the name exports made (Meta.db_table), so no row moves and none is lost; the content
type follows, so permissions and admin history stay with the model."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import tracker.calendar.models


def _content_type_follows(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="exports", model="calendarfeed"
    ).update(app_label="calendar")


def _content_type_returns(apps, schema_editor):  # type: ignore[no-untyped-def]
    apps.get_model("contenttypes", "ContentType").objects.filter(
        app_label="calendar", model="calendarfeed"
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
                    name="CalendarFeed",
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
                        (
                            "token",
                            models.CharField(
                                default=tracker.calendar.models.new_feed_token,
                                max_length=64,
                                unique=True,
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="calendar_feed",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "exports_calendarfeed"},
                ),
            ],
            database_operations=[
                migrations.RunPython(_content_type_follows, _content_type_returns),
            ],
        ),
    ]
