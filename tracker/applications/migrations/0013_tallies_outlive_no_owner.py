# The tally triggers again (tally_triggers.write), for a database that took 0012 before
# the fix: a deleted row took one from its tally by an upsert, which, when the tallies had
# gone first (a flush of the database), wrote a tally of -1 for a user who was
# gone, and the delete failed on its foreign key. Now it takes one only where the tally is.
from typing import Any

from django.db import migrations

from tracker.applications import tally_triggers


def rewrite(apps: Any, schema_editor: Any) -> None:
    tally_triggers.write(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("applications", "0012_tallies_kept_by_the_database")]

    # Backwards, today's triggers stay: they count as 0012's did.
    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop)]
