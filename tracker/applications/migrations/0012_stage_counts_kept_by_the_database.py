# Stage counts kept by the database (issue 15): a table of (owner, stage, applications)
# and triggers on the applications table that keep it, on SQLite and on PostgreSQL, so
# that no way of writing an application (a service, a bulk insert, the admin, a cascade)
# can leave it behind. Filled from the applications there are.
from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# One row per (owner, stage), met by an upsert that adds `delta` (1 or -1).
_ADD = """
    INSERT INTO applications_stagecount (owner_id, stage, applications)
    VALUES ({owner}, {stage}, {delta})
    ON CONFLICT (owner_id, stage)
    DO UPDATE SET applications = applications_stagecount.applications + excluded.applications
"""

_SQLITE = [
    f"""CREATE TRIGGER applications_stagecount_insert AFTER INSERT ON applications_application
    BEGIN {_ADD.format(owner="NEW.owner_id", stage="NEW.stage", delta=1)}; END""",
    f"""CREATE TRIGGER applications_stagecount_delete AFTER DELETE ON applications_application
    BEGIN {_ADD.format(owner="OLD.owner_id", stage="OLD.stage", delta=-1)}; END""",
    f"""CREATE TRIGGER applications_stagecount_update
    AFTER UPDATE OF owner_id, stage ON applications_application
    WHEN OLD.owner_id != NEW.owner_id OR OLD.stage != NEW.stage
    BEGIN
        {_ADD.format(owner="OLD.owner_id", stage="OLD.stage", delta=-1)};
        {_ADD.format(owner="NEW.owner_id", stage="NEW.stage", delta=1)};
    END""",
]
_SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS applications_stagecount_{event}"
    for event in ("insert", "delete", "update")
]

# PostgreSQL: one function for the three events. A move touches its two rows in the order
# of (owner, stage), so that two moves at once never wait on each other in a circle.
_POSTGRESQL = [
    f"""CREATE FUNCTION applications_stagecount_add(new_owner bigint, new_stage text, delta integer)
    RETURNS void LANGUAGE sql AS $$
    {_ADD.format(owner="new_owner", stage="new_stage", delta="delta")}
    $$""",
    """CREATE FUNCTION applications_stagecount_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            PERFORM applications_stagecount_add(NEW.owner_id, NEW.stage, 1);
        ELSIF TG_OP = 'DELETE' THEN
            PERFORM applications_stagecount_add(OLD.owner_id, OLD.stage, -1);
        ELSIF (OLD.owner_id, OLD.stage) < (NEW.owner_id, NEW.stage) THEN
            PERFORM applications_stagecount_add(OLD.owner_id, OLD.stage, -1);
            PERFORM applications_stagecount_add(NEW.owner_id, NEW.stage, 1);
        ELSIF (OLD.owner_id, OLD.stage) > (NEW.owner_id, NEW.stage) THEN
            PERFORM applications_stagecount_add(NEW.owner_id, NEW.stage, 1);
            PERFORM applications_stagecount_add(OLD.owner_id, OLD.stage, -1);
        END IF;
        RETURN NULL;
    END
    $$""",
    """CREATE TRIGGER applications_stagecount
    AFTER INSERT OR DELETE OR UPDATE OF owner_id, stage ON applications_application
    FOR EACH ROW EXECUTE FUNCTION applications_stagecount_keep()""",
]
_POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS applications_stagecount ON applications_application",
    "DROP FUNCTION IF EXISTS applications_stagecount_keep()",
    "DROP FUNCTION IF EXISTS applications_stagecount_add(bigint, text, integer)",
]

_FILL = """
    INSERT INTO applications_stagecount (owner_id, stage, applications)
    SELECT owner_id, stage, COUNT(*) FROM applications_application GROUP BY owner_id, stage
"""


def keep_counts(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise RuntimeError(f"No stage-count triggers written for {vendor}.")
    for sql in [*(_SQLITE if vendor == "sqlite" else _POSTGRESQL), _FILL]:
        schema_editor.execute(sql)


def drop_counts(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    for sql in _SQLITE_DROP if vendor == "sqlite" else _POSTGRESQL_DROP:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0011_stage_change_owner"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="StageCount",
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
                        fields=("owner", "stage"), name="stagecount_owner_stage_uniq"
                    )
                ],
            },
        ),
        migrations.RunPython(keep_counts, drop_counts),
    ]
