"""Fills each company's key, and merges companies that only the old rule kept apart
("Straße" and "STRASSE": SQLite's LOWER() stops at ASCII). The first one saved keeps its
name; the others' applications and contacts move to it. Nothing the user wrote is lost."""

from typing import Any

from django.db import migrations


def _key(name: str) -> str:
    # A copy of names.company_name_key as it is today: a migration must not change with it.
    return " ".join(name.split()).casefold()


def fill_and_merge(apps: Any, schema_editor: Any) -> None:
    Company = apps.get_model("applications", "Company")
    Application = apps.get_model("applications", "Application")
    Contact = apps.get_model("applications", "Contact")
    kept: dict[tuple[int, str], Any] = {}
    for company in Company.objects.order_by("pk").iterator():
        key = (company.owner_id, _key(company.name))
        survivor = kept.get(key)
        if survivor is None:
            company.name_key = key[1]
            company.save(update_fields=["name_key"])
            kept[key] = company
            continue
        Application.objects.filter(company=company).update(company=survivor)
        Contact.objects.filter(company=company).update(company=survivor)
        company.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0007_company_name_key"),
    ]

    operations = [
        migrations.RunPython(fill_and_merge, migrations.RunPython.noop),
    ]
