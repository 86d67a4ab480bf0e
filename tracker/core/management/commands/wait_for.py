"""`manage.py wait_for database|migrations`: how the compose services start in order on any
engine, rather than by `depends_on` conditions that some engines do not enforce (Podman
4.3 ignores `service_healthy`, and a dependency that has exited stops its dependants).

The release step waits for the database before it migrates; web, the workers and beat
wait until the release step's migrations are applied, so none of them runs code against
an older schema. Each says once what it waits for and why, then every 30 seconds.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

RETRY_SECONDS = 2
REPEAT_EVERY = 15  # retries between two log lines while the reason stays the same


def _where(db: dict[str, Any]) -> str:
    if not db.get("HOST"):
        return str(db["NAME"])
    return f"at {db['HOST']}:{db.get('PORT') or 'default port'}/{db['NAME']}"


def database_problem(alias: str = "default") -> str:
    """Why the database cannot be used yet, or "" when it answers."""
    connection = connections[alias]
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        connection.close()
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"the database {_where(connection.settings_dict)} does not answer ({first_line})"
    return ""


def migrations_problem(alias: str = "default") -> str:
    """Why the schema is not the code's yet, or "" when every migration is applied."""
    if problem := database_problem(alias):
        return problem
    connection = connections[alias]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        connection.close()
        return f"the migrations cannot be read ({exc})"
    if not plan:
        return ""
    names = ", ".join(f"{m.app_label}.{m.name}" for m, _ in plan[:3])
    more = f" and {len(plan) - 3} more" if len(plan) > 3 else ""
    return (
        f"{len(plan)} migrations are not applied yet ({names}{more}): the release step applies them"
    )


CHECKS = {"database": database_problem, "migrations": migrations_problem}


class Command(BaseCommand):
    help = "Waits until the database answers, or until every migration is applied."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=sorted(CHECKS))
        parser.add_argument(
            "--timeout",
            type=float,
            default=600,
            help="give up (exit 1) after this many seconds; the engine's restart policy "
            "starts it again",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        check = CHECKS[options["what"]]
        deadline = time.monotonic() + options["timeout"]
        said, tries = "", 0
        while problem := check():
            if problem != said or tries % REPEAT_EVERY == 0:
                self.stderr.write(f"Waiting: {problem}; retrying every {RETRY_SECONDS} s.")
                said = problem
            if time.monotonic() + RETRY_SECONDS > deadline:
                raise CommandError(f"Gave up after {options['timeout']:g} s: {problem}.")
            tries += 1
            time.sleep(RETRY_SECONDS)
        ready = "answers" if options["what"] == "database" else "is migrated"
        self.stdout.write(f"The database {ready}.")
