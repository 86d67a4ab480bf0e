"""The SQL of the triggers that keep the tallies (models.ApplicationTally and MoveTally),
for SQLite and PostgreSQL, and the calls that write, fill and drop them. Migrations call
these (0012 wrote the triggers first, 0013 again with a fix); a later migration that
remakes the applications' or the stage history's table on SQLite must call `write` after
it, since SQLite drops a table's triggers with the table."""

from typing import Any

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
TALLIES = (_APPLICATIONS, _MOVES)
EVENTS = ("insert", "delete", "update")


def _upsert(tally: str, count: str, keys: dict[str, str], rows: str) -> str:
    """Adds the (key..., delta) rows of `rows` to the tally."""
    columns = ", ".join(keys)
    return f"""
        INSERT INTO {tally} ({columns}, {count}) {rows}
        ON CONFLICT ({columns})
        DO UPDATE SET {count} = {tally}.{count} + excluded.{count}"""


def _sqlite(source: str, tally: str, count: str, keys: dict[str, str]) -> list[str]:
    """A trigger per row and event: SQLite has no other kind. A row that goes takes one
    from its tally only where the tally still is: a flush (what every test that commits
    does after itself) may empty the tallies before the rows they count, and a new tally
    of -1 would then point at a user the flush deletes."""

    def add(row: str) -> str:
        values = ", ".join(expression.format(row=row) for expression in keys.values())
        # "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT.
        return _upsert(tally, count, keys, f"SELECT {values}, 1 WHERE true")

    def take(row: str) -> str:
        where = " AND ".join(
            f"{column} = {expression.format(row=row)}" for column, expression in keys.items()
        )
        return f"UPDATE {tally} SET {count} = {count} - 1 WHERE {where}"

    changed = " OR ".join(
        f"{expression.format(row='OLD')} IS NOT {expression.format(row='NEW')}"
        for expression in keys.values()
    )
    watched = ", ".join(keys)
    return [
        f"CREATE TRIGGER {tally}_insert AFTER INSERT ON {source} BEGIN {add('NEW')}; END",
        f"CREATE TRIGGER {tally}_delete AFTER DELETE ON {source} BEGIN {take('OLD')}; END",
        f"""CREATE TRIGGER {tally}_update AFTER UPDATE OF {watched} ON {source}
        WHEN {changed}
        BEGIN {take("OLD")}; {add("NEW")}; END""",
    ]


def _postgresql(source: str, tally: str, count: str, keys: dict[str, str]) -> list[str]:
    """A trigger per statement and event, which sees every row the statement wrote at
    once (its transition tables): a bulk insert of a thousand rows makes one upsert per
    key, not a thousand. An update counts what left and what arrived and writes only the
    keys that changed, in their order, so that two moves at once never wait on each other
    in a circle; a key that lost rows is written only where its tally still is (see
    _sqlite). (A trigger with transition tables cannot be limited to some columns; an
    update that changes no key writes nothing.)"""

    def rows(table: str, delta: int) -> str:
        values = ", ".join(
            f"{expression.format(row=table)} AS {column}" for column, expression in keys.items()
        )
        return f"SELECT {values}, {delta} AS delta FROM {table}"

    columns = ", ".join(keys)
    kept = " AND ".join(f"kept.{column} = summed.{column}" for column in keys)
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
            f"SELECT {columns}, SUM(delta) AS delta FROM ({written}) AS deltas "
            f"GROUP BY {columns} HAVING SUM(delta) <> 0"
        )
        written_in_order = (
            f"SELECT {columns}, delta FROM ({summed}) AS summed "
            f"WHERE delta > 0 OR EXISTS (SELECT 1 FROM {tally} AS kept WHERE {kept}) "
            f"ORDER BY {columns}"
        )
        statements += [
            f"""CREATE OR REPLACE FUNCTION {tally}_{event}() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN {_upsert(tally, count, keys, written_in_order)}; RETURN NULL; END $$""",
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


def _vendor(schema_editor: Any) -> str:
    vendor: str = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise RuntimeError(f"No tally triggers written for {vendor}.")
    return vendor


def write(schema_editor: Any) -> None:
    """(Re)writes every trigger, dropping any of the same name first."""
    drop(schema_editor)
    triggers = _sqlite if _vendor(schema_editor) == "sqlite" else _postgresql
    for source, tally, count, keys in TALLIES:
        for sql in triggers(source, tally, count, keys):
            schema_editor.execute(sql)


def fill(schema_editor: Any) -> None:
    """Counts the rows there are into empty tallies."""
    for source, tally, count, keys in TALLIES:
        schema_editor.execute(_fill(source, tally, count, keys))


def drop(schema_editor: Any) -> None:
    postgresql = _vendor(schema_editor) == "postgresql"
    for source, tally, _count, _keys in TALLIES:
        for event in EVENTS:
            if postgresql:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {tally}_{event} ON {source}")
                schema_editor.execute(f"DROP FUNCTION IF EXISTS {tally}_{event}()")
            else:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {tally}_{event}")
