"""The CSV exports: every column, the dashboard's filters, formulas neutralised, owners
only, and a stream whose memory does not grow with the number of rows."""

import csv
import io
import tracemalloc
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import cast

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for, rejected_late
from tests.pages import streamed
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, Company, Stage, StageChange
from tracker.applications.selectors import ApplicationFilters
from tracker.exports.formats import APPLICATION_COLUMNS, HISTORY_COLUMNS
from tracker.exports.responses import applications_csv_response
from tracker.followups import services as followups

pytestmark = pytest.mark.django_db


def _rows(client: Client, name: str, query: str = "") -> list[dict[str, str]]:
    response = client.get(reverse(name) + query)
    assert response.status_code == 200
    text = streamed(response).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _at(day: date, hour: int, user: User) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=user.zone)


@pytest.mark.parametrize("name", ["export_applications", "export_history"])
def test_exports_require_login(client: Client, name: str) -> None:
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_exports_every_field_of_an_application(alice: User, alice_client: Client) -> None:
    alice.time_zone = "Europe/Paris"
    alice.save()
    application = application_for(
        alice,
        company="Acme",
        role="Backend Engineer",
        url="https://acme.example/jobs/1",
        location="Lisbon",
        source="referral",
        salary_min=60_000,
        salary_max=70_000,
        salary_currency="EUR",
        notes="Met them at PyCon.\nSecond line, with a comma.",
        description="<p>Build the <strong>API</strong>.</p>",
    )

    response = alice_client.get(reverse("export_applications"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate(timezone.now(), alice.zone)
    assert response["Content-Disposition"] == (
        f'attachment; filename="rebound-applications-{today:%Y-%m-%d}.csv"'
    )
    text = streamed(response).decode()
    assert text.splitlines()[0] == ",".join(APPLICATION_COLUMNS)
    (row,) = csv.DictReader(io.StringIO(text))
    application.refresh_from_db()
    applied = application.applied_on
    assert applied is not None
    local = application.stage_changed_at.astimezone(alice.zone)
    assert row == {
        "id": str(application.pk),
        "company": "Acme",
        "role": "Backend Engineer",
        "url": "https://acme.example/jobs/1",
        "location": "Lisbon",
        "source": "referral",
        "salary_min": "60000",
        "salary_max": "70000",
        "salary_currency": "EUR",
        "applied_on": applied.isoformat(),
        "stage": "applied",
        "furthest_stage": "applied",
        "stage_changed_at": local.isoformat(timespec="seconds"),
        "first_response_on": "",
        "rejected_on": "",
        "followup_status": "",
        "notes": "Met them at PyCon.\nSecond line, with a comma.",
        "description": "<p>Build the <strong>API</strong>.</p>",
        "created_at": application.created_at.astimezone(alice.zone).isoformat(timespec="seconds"),
        "updated_at": application.updated_at.astimezone(alice.zone).isoformat(timespec="seconds"),
    }
    assert row["stage_changed_at"].endswith("+01:00")  # Paris in winter: the user's zone


def test_first_response_rejection_date_and_follow_up_status(
    alice: User, alice_client: Client
) -> None:
    application = application_for(alice, company="Acme", days_ago=10)
    applied = application.applied_on
    assert applied is not None
    applications.application_change_stage(
        application=application,
        to_stage=Stage.SCREENING,
        source=ChangeSource.WEB,
        at=_at(applied + timedelta(days=3), 10, alice),
    )
    applications.application_change_stage(
        application=application,
        to_stage=Stage.INTERVIEWING,
        source=ChangeSource.WEB,
        at=_at(applied + timedelta(days=5), 10, alice),
    )
    reply = rejected_late(alice, company="Globex").followups.get(kind="rejection_reply")
    silent = application_for(alice, company="Initech")
    applications.application_change_stage(
        application=silent, to_stage=Stage.GHOSTED, source=ChangeSource.WEB
    )

    rows = {r["company"]: r for r in _rows(alice_client, "export_applications")}

    assert rows["Acme"]["first_response_on"] == (applied + timedelta(days=3)).isoformat()
    assert rows["Acme"]["furthest_stage"] == "interviewing"
    assert rows["Acme"]["rejected_on"] == ""
    globex = rows["Globex"]
    rejected_on = timezone.localdate(reply.application.stage_changed_at, alice.zone)
    assert (globex["stage"], globex["rejected_on"]) == ("rejected", rejected_on.isoformat())
    assert globex["first_response_on"] == rejected_on.isoformat()
    assert globex["followup_status"] == "proposed"
    # Ghosted is silence, not an answer.
    assert rows["Initech"]["first_response_on"] == ""


def test_the_rejection_reply_status_comes_first(alice: User, alice_client: Client) -> None:
    application = rejected_late(alice)
    followups.followup_mark_sent(followup=application.followups.get(kind="rejection_reply"))

    (row,) = _rows(alice_client, "export_applications")

    assert row["followup_status"] == "sent"


def test_a_text_cell_a_spreadsheet_would_run_is_neutralised(
    alice: User, alice_client: Client
) -> None:
    application_for(
        alice,
        company='=HYPERLINK("http://evil.example","Click")',
        role="+cmd|' /C calc'!A0",
        location="-2+3",
        notes="@SUM(1+1)",
        salary_min=50_000,
        salary_max=60_000,
    )
    application_for(alice, company="Globex", notes="'quoted on purpose")

    rows = _rows(alice_client, "export_applications")
    history = _rows(alice_client, "export_history")

    hostile, quoted = rows
    assert hostile["company"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert hostile["role"] == "'+cmd|' /C calc'!A0"
    assert hostile["location"] == "'-2+3"
    assert hostile["notes"] == "'@SUM(1+1)"
    # A quote the user typed gets one more, so the import can tell them apart.
    assert quoted["notes"] == "''quoted on purpose"
    # Numbers and dates are left as they are.
    assert (hostile["salary_min"], hostile["salary_max"]) == ("50000", "60000")
    assert hostile["applied_on"][0].isdigit()
    assert hostile["created_at"][0].isdigit()
    assert {h["company"] for h in history} == {hostile["company"], "Globex"}
    for row in rows + history:
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r", value


def test_a_role_starting_with_a_carriage_return_is_neutralised(
    alice: User, alice_client: Client
) -> None:
    application = application_for(alice)
    # Single-line fields cannot hold a carriage return any more; notes can.
    Application.objects.filter(pk=application.pk).update(role="=1+1", notes="\r=1+1\n\t")

    (row,) = _rows(alice_client, "export_applications")

    assert (row["role"], row["notes"]) == ("'=1+1", "'\r=1+1\n\t")


def test_the_dashboards_filters_apply(alice: User, alice_client: Client) -> None:
    old = application_for(alice, company="Acme", role="Backend Engineer", days_ago=40)
    application_for(alice, company="Globex", role="Data Analyst", days_ago=5)
    application_for(
        alice, company="Initech", role="Backend Engineer", days_ago=5, source="referral"
    )
    applications.application_change_stage(
        application=old, to_stage=Stage.SCREENING, source=ChangeSource.WEB
    )
    recent = (timezone.localdate() - timedelta(days=10)).isoformat()

    def companies(name: str, query: str) -> list[str]:
        return sorted({r["company"] for r in _rows(alice_client, name, query)})

    assert companies("export_applications", "?stage=screening") == ["Acme"]
    assert companies("export_applications", "?q=backend") == ["Acme", "Initech"]
    assert companies("export_applications", "?source=referral") == ["Initech"]
    assert companies("export_applications", f"?applied_from={recent}") == ["Globex", "Initech"]
    assert companies("export_applications", f"?applied_to={recent}&q=acme") == ["Acme"]
    assert companies("export_history", "?stage=screening") == ["Acme"]
    assert companies("export_history", f"?applied_from={recent}") == ["Globex", "Initech"]
    # An invalid filter is dropped, as on the dashboard: everything, never an error.
    assert len(companies("export_applications", "?stage=nonsense&applied_from=x")) == 3


def test_other_users_rows_are_absent(alice: User, bob: User, bob_client: Client) -> None:
    application_for(alice, company="Alice Corp")
    rejected_late(alice, company="Alice Rejects")
    application_for(bob, company="Bob Corp")

    applications_rows = _rows(bob_client, "export_applications")
    history_rows = _rows(bob_client, "export_history")

    assert [r["company"] for r in applications_rows] == ["Bob Corp"]
    assert {r["company"] for r in history_rows} == {"Bob Corp"}


def test_history_has_each_stage_change_and_each_follow_up_sent(
    alice: User, alice_client: Client
) -> None:
    application = rejected_late(alice, company="Acme")
    reply = application.followups.get(kind="rejection_reply")
    followups.followup_mark_sent(followup=reply)
    reply.refresh_from_db()
    assert reply.sent_at is not None
    changes = list(StageChange.objects.filter(application=application).order_by("at", "id"))

    response = alice_client.get(reverse("export_history"))
    text = streamed(response).decode()

    assert 'filename="rebound-history-' in response["Content-Disposition"]
    assert text.splitlines()[0] == ",".join(HISTORY_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    iso = [c.at.astimezone(alice.zone).isoformat(timespec="seconds") for c in changes]
    assert rows == [
        {
            "application_id": str(application.pk), "company": "Acme", "role": "Backend Engineer",
            "event": "stage_change", "from": "", "to": "applied", "at": iso[0], "source": "web",
        },
        {
            "application_id": str(application.pk), "company": "Acme", "role": "Backend Engineer",
            "event": "stage_change", "from": "applied", "to": "rejected", "at": iso[1],
            "source": "web",
        },
        {
            "application_id": str(application.pk), "company": "Acme", "role": "Backend Engineer",
            "event": "followup_sent", "from": "", "to": "rejection_reply",
            "at": reply.sent_at.astimezone(alice.zone).isoformat(timespec="seconds"),
            "source": "",
        },
    ]  # fmt: skip


def test_one_query_whatever_the_number_of_applications(
    alice: User, django_assert_max_num_queries: object
) -> None:
    for company in ("Acme", "Globex", "Initech", "Umbrella"):
        rejected_late(alice, company=company)

    with django_assert_max_num_queries(1):  # type: ignore[operator]
        response = applications_csv_response(alice, ApplicationFilters())
        body = streamed(response)

    assert body.count(b"\r\n") == 5


def _bulk_applications(owner: User, count: int) -> None:
    """Many applications fast: the rows application_create writes, inserted in bulk."""
    company = Company.named(owner=owner, name="Acme")
    company.save()
    now = timezone.now()
    created = Application.objects.bulk_create(
        Application(
            owner=owner,
            company=company,
            role=f"Engineer {i}",
            location="Remote",
            notes="A note of some length, as people write them. " * 3,
            applied_on=date(2026, 1, 1),
            stage=Stage.APPLIED,
            stage_changed_at=now,
            furthest_stage=Stage.APPLIED,
        )
        for i in range(count)
    )
    StageChange.objects.bulk_create(
        StageChange(
            application=a,
            owner_id=a.owner_id,
            from_stage="",
            to_stage=Stage.APPLIED,
            at=now,
            source="web",
        )
        for a in created
    )


def test_a_large_export_streams_in_bounded_memory(alice: User) -> None:
    _bulk_applications(alice, 20_000)

    tracemalloc.start()
    try:
        response = applications_csv_response(alice, ApplicationFilters())
        lines = size = 0
        for chunk in cast(Iterator[bytes], response.streaming_content):
            lines += chunk.count(b"\r\n")
            size += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert lines == 20_001
    assert size > 5_000_000  # the whole file went through...
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1024 / 1024:.1f} MB"  # ...never all at once
