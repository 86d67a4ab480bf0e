"""ImportJob and CalendarFeed leave for the imports and calendar apps: in Django's state
only. Their tables stay as they are (the new apps name them by Meta.db_table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("exports", "0001_initial"),
        ("imports", "0001_initial"),
        ("calendar", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ImportJob"),
                migrations.DeleteModel(name="CalendarFeed"),
            ],
        ),
    ]
