# Tallies kept by the database (issue 15): how many of a user's applications share a
# (stage, furthest stage, date applied), and how many of their moves went from one stage
# to another, kept by triggers on the applications and the stage history, on SQLite and on
# PostgreSQL, so that no way of writing (a service, a bulk insert, the admin, a cascade)
# can leave them behind. Filled from the rows there are.
from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# A tally's key, each column as an expression of the written row ({row} is NEW or OLD on
# SQLite, a transition table on PostgreSQL); an undated application counts under
# 0001-01-01 (models.UNDATED), since NULLs never meet in an upsert.
_APPLICATIONS = (
    "applications_application",
    "applications_applicationtally",
    "applications",
    {
        "owner_id": "{row}.owner_id",
        "stage": "{row}.stage",
        "furthest_stage": "{row}.furthest_stage",
        "applied_on": "COALESCE({row}.applied_on, '0001-01-01')",
    },
)
_MOVES = (
    "applications_stagechange",
    "applications_movetally",
    "moves",
    {
        "owner_id": "{row}.owner_id",
        "from_stage": "{row}.from_stage",
        "to_stage": "{row}.to_stage",
    },
)
_TALLIES = (_APPLICATIONS, _MOVES)


def _upsert(tally: str, count: str, keys: dict[str, str], rows: str) -> str:
    """Adds the (key..., delta) rows of `rows` to the tally."""
    columns = ", ".join(keys)
    return f"""
        INSERT INTO {tally} ({columns}, {count}) {rows}
        ON CONFLICT ({columns})
        DO UPDATE SET {count} = {tally}.{count} + excluded.{count}"""


def _sqlite(source: str, tally: str, count: str, keys: dict[str, str]) -> list[str]:
    """A trigger per row and event: SQLite has no other kind."""

    def add(row: str, delta: int) -> str:
        values = ", ".join(expression.format(row=row) for expression in keys.values())
        # "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT.
        return _upsert(tally, count, keys, f"SELECT {values}, {delta} WHERE true")

    changed = " OR ".join(
        f"{expression.format(row='OLD')} IS NOT {expression.format(row='NEW')}"
        for expression in keys.values()
    )
    watched = ", ".join(keys)
    return [
        f"CREATE TRIGGER {tally}_insert AFTER INSERT ON {source} BEGIN {add('NEW', 1)}; END",
        f"CREATE TRIGGER {tally}_delete AFTER DELETE ON {source} BEGIN {add('OLD', -1)}; END",
        f"""CREATE TRIGGER {tally}_update AFTER UPDATE OF {watched} ON {source}
        WHEN {changed}
        BEGIN {add("OLD", -1)}; {add("NEW", 1)}; END""",
    ]


def _postgresql(source: str, tally: str, count: str, keys: dict[str, str]) -> list[str]:
    """A trigger per statement and event, which sees every row the statement wrote at
    once (its transition tables): a bulk insert of a thousand rows makes one upsert per
    key, not a thousand. An update counts what left and what arrived and writes only the
    keys that changed, in their order, so that two moves at once never wait on each other
    in a circle. (A trigger with transition tables cannot be limited to some columns; an
    update that changes no key writes nothing.)"""

    def rows(table: str, delta: int) -> str:
        values = ", ".join(
            f"{expression.format(row=table)} AS {column}" for column, expression in keys.items()
        )
        return f"SELECT {values}, {delta} AS delta FROM {table}"

    columns = ", ".join(keys)
    events = {
        "insert": ("NEW TABLE AS arrived", rows("arrived", 1)),
        "delete": ("OLD TABLE AS gone", rows("gone", -1)),
        "update": (
            "OLD TABLE AS gone NEW TABLE AS arrived",
            f"{rows('arrived', 1)} UNION ALL {rows('gone', -1)}",
        ),
    }
    statements = []
    for event, (tables, written) in events.items():
        summed = (
            f"SELECT {columns}, SUM(delta) FROM ({written}) AS deltas "
            f"GROUP BY {columns} HAVING SUM(delta) <> 0 ORDER BY {columns}"
        )
        statements += [
            f"""CREATE FUNCTION {tally}_{event}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {_upsert(tally, count, keys, summed)}; RETURN NULL; END $$""",
            f"""CREATE TRIGGER {tally}_{event} AFTER {event.upper()} ON {source}
            REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {tally}_{event}()""",
        ]
    return statements


def _fill(source: str, tally: str, count: str, keys: dict[str, str]) -> str:
    values = ", ".join(expression.format(row=source) for expression in keys.values())
    return (
        f"INSERT INTO {tally} ({', '.join(keys)}, {count}) "
        f"SELECT {values}, COUNT(*) FROM {source} GROUP BY {values}"
    )


def keep_tallies(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise RuntimeError(f"No tally triggers written for {vendor}.")
    triggers = _sqlite if vendor == "sqlite" else _postgresql
    for source, tally, count, keys in _TALLIES:
        for sql in [*triggers(source, tally, count, keys), _fill(source, tally, count, keys)]:
            schema_editor.execute(sql)


def drop_tallies(apps: Any, schema_editor: Any) -> None:
    postgresql = schema_editor.connection.vendor == "postgresql"
    for source, tally, _count, _keys in _TALLIES:
        for event in ("insert", "delete", "update"):
            if postgresql:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {tally}_{event} ON {source}")
                schema_editor.execute(f"DROP FUNCTION IF EXISTS {tally}_{event}()")
            else:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {tally}_{event}")


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
