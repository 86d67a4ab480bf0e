# Tallies kept by the database (issue 15): how many of a user's applications share a
# (stage, furthest stage, date applied), and how many of their moves went from one stage
# to another, kept by triggers on the applications and the stage history, on SQLite and on
# PostgreSQL, so that no way of writing (a service, a bulk insert, the admin, a cascade)
# can leave them behind. Filled from the rows there are. The triggers' SQL is in
# tally_triggers (today's, which 0013 writes again over what this wrote before it).
from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from tracker.applications import tally_triggers


def keep_tallies(apps: Any, schema_editor: Any) -> None:
    tally_triggers.write(schema_editor)
    tally_triggers.fill(schema_editor)


def drop_tallies(apps: Any, schema_editor: Any) -> None:
    tally_triggers.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0011_stage_change_owner"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ApplicationTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "stage",
                    models.CharField(
                        choices=[
                            ("wishlist", "Wishlist"),
                            ("applied", "Applied"),
                            ("screening", "Screening"),
                            ("interviewing", "Interviewing"),
                            ("offer", "Offer"),
                            ("accepted", "Accepted"),
                            ("rejected", "Rejected"),
                            ("withdrawn", "Withdrawn"),
                            ("ghosted", "Ghosted"),
                        ],
                        max_length=16,
                    ),
                ),
                (
                    "furthest_stage",
                    models.CharField(
                        choices=[
                            ("wishlist", "Wishlist"),
                            ("applied", "Applied"),
                            ("screening", "Screening"),
                            ("interviewing", "Interviewing"),
                            ("offer", "Offer"),
                            ("accepted", "Accepted"),
                            ("rejected", "Rejected"),
                            ("withdrawn", "Withdrawn"),
                            ("ghosted", "Ghosted"),
                        ],
                        max_length=16,
                    ),
                ),
                ("applied_on", models.DateField()),
                ("applications", models.IntegerField(default=0)),
                (
                    "owner",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "stage", "furthest_stage", "applied_on"),
                        name="applicationtally_key",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="MoveTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "from_stage",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("wishlist", "Wishlist"),
                            ("applied", "Applied"),
                            ("screening", "Screening"),
                            ("interviewing", "Interviewing"),
                            ("offer", "Offer"),
                            ("accepted", "Accepted"),
                            ("rejected", "Rejected"),
                            ("withdrawn", "Withdrawn"),
                            ("ghosted", "Ghosted"),
                        ],
                        max_length=16,
                    ),
                ),
                (
                    "to_stage",
                    models.CharField(
                        choices=[
                            ("wishlist", "Wishlist"),
                            ("applied", "Applied"),
                            ("screening", "Screening"),
                            ("interviewing", "Interviewing"),
                            ("offer", "Offer"),
                            ("accepted", "Accepted"),
                            ("rejected", "Rejected"),
                            ("withdrawn", "Withdrawn"),
                            ("ghosted", "Ghosted"),
                        ],
                        max_length=16,
                    ),
                ),
                ("moves", models.IntegerField(default=0)),
                (
                    "owner",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("owner", "from_stage", "to_stage"), name="movetally_key"
                    )
                ],
            },
        ),
        migrations.RunPython(keep_tallies, drop_tallies),
    ]
