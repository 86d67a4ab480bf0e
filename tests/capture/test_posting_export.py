"""The kept posting travels: a `description` column in applications.csv, read back by the
import (Rebound's own format, an export from before the column, or a spreadsheet)."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import application_for
from tests.pages import streamed
from tracker.accounts.models import User
from tracker.applications.models import Application
from tracker.exports.formats import APPLICATION_COLUMNS, EARLIER_APPLICATION_COLUMNS
from tracker.imports.models import ImportJob, ImportStatus
from tracker.imports.tasks import import_applications_task


def _import(client: Client, raw: bytes) -> ImportJob:
    client.post(
        reverse("import_upload"),
        {"file": SimpleUploadedFile("a.csv", raw, content_type="text/csv")},
    )
    job = ImportJob.objects.latest("pk")
    form = client.get(reverse("import_job", args=[job.pk])).context["form"]
    data = {b.html_name: b.value() for b in form}
    data = {k: v for k, v in data.items() if v not in (None, False)} | {"action": "import"}
    assert client.post(reverse("import_job", args=[job.pk]), data).status_code == 302
    assert import_applications_task(job.pk) is True
    job.refresh_from_db()
    return job


def test_the_description_goes_out_and_comes_back(
    alice: User, alice_client: Client, bob: User, bob_client: Client
) -> None:
    application_for(alice, company="Hooli", description="<p>Run the <em>platform</em>.</p>")
    exported = streamed(alice_client.get(reverse("export_applications")))
    header = next(csv.reader(io.StringIO(exported.decode())))
    assert "description" in header
    job = _import(bob_client, exported)
    assert job.status == ImportStatus.DONE, job.errors
    assert Application.objects.get(owner=bob).description == "<p>Run the <em>platform</em>.</p>"


def test_an_export_from_before_the_column_still_imports_as_ours(
    alice: User, alice_client: Client, bob_client: Client, bob: User
) -> None:
    application_for(alice, company="Hooli")
    exported = streamed(alice_client.get(reverse("export_applications")))
    rows = list(csv.DictReader(io.StringIO(exported.decode())))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EARLIER_APPLICATION_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    job = _import(bob_client, out.getvalue().encode())
    assert job.own_format
    assert job.status == ImportStatus.DONE, job.errors
    assert len(APPLICATION_COLUMNS) == len(EARLIER_APPLICATION_COLUMNS) + 1


def test_a_spreadsheets_description_is_sanitised(bob: User, bob_client: Client) -> None:
    sheet = (
        b"Company,Job title,Job description,Notes\r\n"
        b'Initech,Dev,"<p>TPS reports</p><script>alert(1)</script>",call back\r\n'
    )
    job = _import(bob_client, sheet)
    assert job.status == ImportStatus.DONE, job.errors
    application = Application.objects.get(owner=bob)
    assert application.description == "<p>TPS reports</p>"
    assert application.notes == "call back"
