# Searches fold accents and case (applications/search.py): the folded text is kept in a
# column of its own on applications, companies and contacts, filled here for the rows
# there are. Adding a column with a default remakes the applications' table on SQLite,
# which drops its triggers: the tallies' triggers are written again at the end.
import html
import re
import unicodedata
from typing import Any

from django.db import migrations, models

from tracker.applications import tally_triggers

BATCH = 1000
# Letters that carry their mark inside (no decomposition gives the bare letter), read as
# the bare letters a keyboard without them types: "aero" finds "Ærø", "lodz" "Łódź".
UNMARKED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "\u0131": "i"}
)


# Copies of search.search_fold and application_search_text as they are today: a
# migration must not change with them.
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(UNMARKED)
    return " ".join(unicodedata.normalize("NFKC", bare).casefold().split())


def _application_text(a: Any) -> str:
    description = html.unescape(re.sub(r"<[^>]*>", " ", a.description))
    parts = (a.role, a.location, a.notes, description, a.posting_text)
    return _fold("\n".join(p for p in parts if p))


def _fill(model: Any, field: str, fold: Any) -> None:
    batch = []
    for row in model.objects.order_by("pk").iterator(chunk_size=BATCH):
        setattr(row, field, fold(row))
        batch.append(row)
        if len(batch) == BATCH:
            model.objects.bulk_update(batch, [field])
            batch = []
    model.objects.bulk_update(batch, [field])


def fill(apps: Any, schema_editor: Any) -> None:
    _fill(apps.get_model("applications", "Company"), "search_name", lambda c: _fold(c.name))
    _fill(apps.get_model("applications", "Contact"), "search_name", lambda c: _fold(c.name))
    _fill(apps.get_model("applications", "Application"), "search_text", _application_text)


def rewrite_triggers(apps: Any, schema_editor: Any) -> None:
    tally_triggers.write(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("applications", "0014_rejection_subject")]

    operations = [
        migrations.AddField(
            model_name="application",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="company",
            name="search_name",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="contact",
            name="search_name",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(rewrite_triggers, migrations.RunPython.noop),
    ]
