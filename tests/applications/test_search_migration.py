"""The migration that adds the folded search columns fills them for the rows already
there, and leaves the tallies' triggers in place (SQLite remakes the table to add them)."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications.selectors import ApplicationFilters, application_list

BEFORE = ("applications", "0014_rejection_subject")


@pytest.mark.django_db(transaction=True)
def test_the_rows_there_are_become_searchable() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    try:
        _rows_before(executor)
    finally:
        # Forward again whatever happened: the next tests need today's schema.
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    carol = User.objects.get(username="carol")
    (application,) = application_list(user=carol)
    for words in ("sohne", "ingenieure", "zoe krakow", "strasse", "nunez"):
        found = application_list(user=carol, filters=ApplicationFilters(search=words))
        assert [a.pk for a in found] == [application.pk], words
    # The tallies still count: the triggers were written again after the table was remade.
    application.stage = "interviewing"
    application.save(update_fields=["stage"])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT stage, applications FROM applications_applicationtally"
            " WHERE owner_id = %s AND applications > 0",
            [carol.pk],
        )
        assert cursor.fetchall() == [("interviewing", 1)]


def _rows_before(executor: MigrationExecutor) -> None:
    old = executor.loader.project_state([BEFORE]).apps
    user = User.objects.create(username="carol")  # accounts' table is today's
    company = old.get_model("applications", "Company").objects.create(
        owner_id=user.pk, name="Müller & Söhne", name_key="müller & söhne"
    )
    application = old.get_model("applications", "Application").objects.create(
        owner_id=user.pk,
        company_id=company.pk,
        role="Ingénieure",
        notes="Met Zoë in Kraków",
        description="<p>The <strong>Straße</strong> team</p>",
        stage="applied",
        furthest_stage="applied",
        stage_changed_at=timezone.now(),
        applied_on=date(2026, 3, 1),
    )
    contact = old.get_model("applications", "Contact").objects.create(
        owner_id=user.pk, name="José Núñez"
    )
    contact.applications.add(application)
