"""Imports: a round trip through Rebound's own export is exact; any spreadsheet comes in
through a mapping the user confirms; bad rows are reported by line and column and
nothing is half-saved; the task imports once however often it runs.

The worker's part runs in-process here (services.import_job_run, as the task calls it);
test_imports_worker.py follows one import through a real worker.
"""

import csv
import io
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for, make_user
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, Company, Stage, StageChange
from tracker.followups.models import ProposalJob
from tracker.followups.services import proposals, reminders
from tracker.imports import services
from tracker.imports.models import ImportJob, ImportStatus
from tracker.imports.tasks import import_applications_task

pytestmark = pytest.mark.django_db


# --- Helpers ---------------------------------------------------------------------------


def _export(client: Client, name: str) -> bytes:
    response = client.get(reverse(name))
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def _table(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode())))


def _upload(client: Client, raw: bytes, history: bytes | None = None, name: str = "a.csv") -> Any:
    files = {"file": SimpleUploadedFile(name, raw, content_type="text/csv")}
    if history is not None:
        files["history_file"] = SimpleUploadedFile("history.csv", history, content_type="text/csv")
    return client.post(reverse("import_upload"), files)


def _form_data(client: Client, job: ImportJob) -> dict[str, Any]:
    """What a browser submits for the mapping page as shown: every select as it stands."""
    response = client.get(reverse("import_job", args=[job.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    data = {bound.html_name: bound.value() for bound in form}
    return {k: v for k, v in data.items() if v not in (None, False)}


def _import(
    client: Client,
    raw: bytes,
    history: bytes | None = None,
    *,
    changes: dict[str, str] | None = None,
    skip_duplicates: bool = False,
) -> ImportJob:
    """Upload, confirm the mapping (with the user's changes), and let the worker run."""
    response = _upload(client, raw, history)
    assert response.status_code == 302, response.content.decode()
    job = ImportJob.objects.latest("pk")
    data = {**_form_data(client, job), **(changes or {}), "action": "import"}
    if skip_duplicates:
        data["skip_duplicates"] = "on"
    response = client.post(reverse("import_job", args=[job.pk]), data)
    assert response.status_code == 302, response.content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.QUEUED
    assert import_applications_task(job.pk) is True
    job.refresh_from_db()
    return job


def _started(client: Client, raw: bytes) -> ImportJob:
    """Uploaded, its mapping confirmed as guessed: queued for the worker."""
    _upload(client, raw)
    job = ImportJob.objects.latest("pk")
    data = {**_form_data(client, job), "action": "import"}
    assert client.post(reverse("import_job", args=[job.pk]), data).status_code == 302
    return job


def _csv(*rows: list[str], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode()


def _local(day: date, hour: int, user: User) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=user.zone)


@pytest.fixture
def carol(db: None) -> User:
    """A fresh account, where alice's export goes."""
    return make_user(username="carol", full_name="Carol Diaz")


@pytest.fixture
def carol_client(carol: User) -> Client:
    client = Client()
    client.force_login(carol)
    return client


def _alices_search(alice: User) -> None:
    """A job search with something of everything: all fields, hostile text, a back-dated
    change, a rejection after interviews, an undone rejection, a wishlist item."""
    today = timezone.localdate()
    full = application_for(
        alice,
        company='=HYPERLINK("http://evil.example")',
        role="+Backend Engineer",
        url="https://acme.example/jobs/1",
        location="-Lisbon",
        source="referral",
        salary_min=60_000,
        salary_max=70_000,
        salary_currency="EUR",
        notes='@first line\nsecond, with a comma and "quotes"\n\'and a quote',
        days_ago=30,
    )
    for stage, days in ((Stage.SCREENING, 25), (Stage.INTERVIEWING, 20)):
        applications.application_change_stage(
            application=full,
            to_stage=stage,
            source=ChangeSource.BOARD,
            at=_local(today - timedelta(days=days), 9, alice),
        )
    applications.application_reject(
        application=full,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_name="Dana Smith",
        received_at=_local(today - timedelta(days=15), 16, alice),
    )
    undone = application_for(alice, company="Globex", role="Data Analyst", days_ago=12)
    applications.application_change_stage(
        application=undone, to_stage=Stage.REJECTED, source=ChangeSource.WEB
    )
    applications.application_change_stage(
        application=undone, to_stage=Stage.SCREENING, source=ChangeSource.WEB
    )
    # Back-dated below a later change: history in order of `at` is not order of entry.
    backdated = application_for(alice, company="Initech", role="QA Engineer", days_ago=20)
    applications.application_change_stage(
        application=backdated, to_stage=Stage.SCREENING, source=ChangeSource.WEB
    )
    applications.application_change_stage(
        application=backdated,
        to_stage=Stage.GHOSTED,
        source=ChangeSource.WEB,
        at=_local(today - timedelta(days=3), 8, alice),
    )
    applications.application_create(
        owner=alice, company_name="Umbrella", role="Platform Engineer", stage=Stage.WISHLIST
    )
    application_for(alice, company="umbrella", role="SRE", days_ago=1)


# --- Round trips -----------------------------------------------------------------------


def _without(rows: list[list[str]], *columns: int) -> list[list[str]]:
    return [[c for i, c in enumerate(row) if i not in columns] for row in rows]


def test_a_round_trip_with_history_is_exact(
    alice: User, alice_client: Client, carol: User, carol_client: Client
) -> None:
    _alices_search(alice)
    exported = _export(alice_client, "export_applications")
    history = _export(alice_client, "export_history")

    job = _import(carol_client, exported, history)

    assert (job.status, job.imported, job.errors) == (ImportStatus.DONE, 5, [])
    again = _table(_export(carol_client, "export_applications"))
    # All but the id (the new account's own) and the follow-up status (follow-ups are not
    # part of the export: the worker works them out anew for the rejected application).
    id_, followup_status = 0, 15
    assert _without(again, id_, followup_status) == _without(_table(exported), id_, followup_status)
    # The history too, row for row, but for the ids and the follow-ups sent.
    stage_changes = [r for r in _table(history) if r[3] != "followup_sent"]
    assert _without(_table(_export(carol_client, "export_history")), 0) == _without(
        stage_changes, 0
    )
    # And it is the same kind of data: companies reused whatever the case, one per name.
    assert sorted(Company.objects.filter(owner=carol).values_list("name", flat=True)) == [
        '=HYPERLINK("http://evil.example")', "Globex", "Initech", "Umbrella",
    ]  # fmt: skip


def test_a_round_trip_without_history_keeps_stages_and_their_dates(
    alice: User, alice_client: Client, carol: User, carol_client: Client
) -> None:
    _alices_search(alice)
    exported = _table(_export(alice_client, "export_applications"))

    job = _import(carol_client, _export(alice_client, "export_applications"))

    assert job.status == ImportStatus.DONE
    again = _table(_export(carol_client, "export_applications"))
    # Exact but for the id, the first response (the steps in between are not in the
    # file) and the follow-up status.
    assert _without(again, 0, 13, 15) == _without(exported, 0, 13, 15)
    furthest = {row[1]: row[11] for row in again}
    assert furthest['\'=HYPERLINK("http://evil.example")'] == "interviewing"
    history = StageChange.objects.filter(
        application__owner=carol, application__company__name__startswith="="
    )
    assert [(h.from_stage, h.to_stage, h.source) for h in history.order_by("at")] == [
        ("", "applied", "import"),
        ("applied", "interviewing", "import"),
        ("interviewing", "rejected", "import"),
    ]


def test_a_rejected_import_gets_its_follow_ups_proposed(
    alice: User,
    alice_client: Client,
    carol: User,
    carol_client: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _alices_search(alice)
    dispatched: list[tuple[str, tuple[Any, ...]]] = []
    for module in (proposals, reminders):
        monkeypatch.setattr(
            module, "dispatch_on_commit", lambda task, *args: dispatched.append((task, args))
        )

    _import(carol_client, _export(alice_client, "export_applications"))

    rejected = Application.objects.get(owner=carol, stage=Stage.REJECTED)
    job = ProposalJob.objects.get(application__owner=carol)
    assert (job.application, job.done_at, job.dispatched_at is not None) == (rejected, None, True)
    # In a batch, on the bulk queue: an import never queues one task per application.
    assert dispatched == [("tracker.followups.tasks.propose_followups_batch_task", ([job.pk],))]


# --- Spreadsheets ----------------------------------------------------------------------

SPREADSHEET = _csv(
    ["Company Name", "Position", "Date Applied", "Status", "Link", "Comments", "Misc"],
    ["Acme", "Backend Engineer", "25/10/2026", "Interview", "acme.example/jobs/1", "Nice", "x"],
    ["Globex", "Data Analyst", "03/11/2026", "Rejected", "", "", "y"],
    ["Initech", "QA Engineer", "13/11/2026", "Maybe", "", "", "z"],
)


def test_the_mapping_is_guessed_from_the_header(alice_client: Client) -> None:
    _upload(alice_client, SPREADSHEET)
    job = ImportJob.objects.get()

    response = alice_client.get(reverse("import_job", args=[job.pk]))

    assert response.status_code == 200
    form = response.context["form"]
    columns = [form[f"column_{i}"].value() for i in range(7)]
    assert columns == ["company", "role", "applied_on", "stage", "url", "notes", ""]
    assert form["date_order"].value() == "dmy"
    stages = {form[f"stage_{n}"].label: form[f"stage_{n}"].value() for n in range(3)}
    assert stages == {"Interview": "interviewing", "Rejected": "rejected", "Maybe": ""}
    preview = response.context["preview"]
    assert [(line, row.company if row else None) for line, row, _ in preview.rows] == [
        (2, "Acme"), (3, "Globex"), (4, None),
    ]  # fmt: skip
    assert "which stage “Maybe” means" in response.content.decode()


def test_the_user_corrects_the_mapping(alice: User, alice_client: Client) -> None:
    _upload(alice_client, SPREADSHEET)
    job = ImportJob.objects.get()
    data = _form_data(alice_client, job)
    maybe = next(n for n in range(3) if data[f"stagekey_{n}"] == "maybe")
    data.update({"column_5": "", "column_6": "notes", f"stage_{maybe}": "screening"})

    preview = alice_client.post(reverse("import_job", args=[job.pk]), data)
    assert preview.status_code == 302
    page = alice_client.get(reverse("import_job", args=[job.pk]))
    assert page.context["form"]["column_6"].value() == "notes"
    assert all(row for _, row, _ in page.context["preview"].rows)

    alice_client.post(reverse("import_job", args=[job.pk]), {**data, "action": "import"})
    assert import_applications_task(job.pk)

    job.refresh_from_db()
    assert (job.status, job.imported) == (ImportStatus.DONE, 3)
    got = Application.objects.filter(owner=alice).order_by("pk")
    assert [(a.company.name, a.role, a.stage, a.applied_on, a.notes, a.url) for a in got] == [
        ("Acme", "Backend Engineer", "interviewing", date(2026, 10, 25), "x",
         "https://acme.example/jobs/1"),
        ("Globex", "Data Analyst", "rejected", date(2026, 11, 3), "y", ""),
        ("Initech", "QA Engineer", "screening", date(2026, 11, 13), "z", ""),
    ]  # fmt: skip
    acme = got[0]
    assert [(h.from_stage, h.to_stage, h.source) for h in acme.history.all()] == [
        ("", "interviewing", "import")
    ]
    assert acme.stage_changed_at == datetime.combine(date(2026, 10, 25), time.min, alice.zone)
    assert acme.furthest_stage == "interviewing"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"column_0": ""}, "Choose the column that holds the company"),
        ({"column_6": "company"}, "Two columns are mapped to “Company”"),
        ({"column_6": "owner"}, "Select a valid choice"),
        ({"date_order": "julian"}, "Select a valid choice"),
    ],
)
def test_a_mapping_is_checked_on_the_server(
    alice_client: Client, data: dict[str, str], message: str
) -> None:
    _upload(alice_client, SPREADSHEET)
    job = ImportJob.objects.get()

    response = alice_client.post(
        reverse("import_job", args=[job.pk]),
        {**_form_data(alice_client, job), **data, "action": "import"},
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.NEW


def test_a_tampered_stage_value_is_dropped_not_trusted(alice: User, alice_client: Client) -> None:
    _upload(alice_client, SPREADSHEET)
    job = ImportJob.objects.get()
    data = _form_data(alice_client, job)
    data.update({"stagekey_0": "anything", "stage_0": "rejected"})
    ImportJob.objects.filter(pk=job.pk).update(
        mapping={**job.mapping, "stages": {"maybe": "superstar"}}
    )

    alice_client.post(reverse("import_job", args=[job.pk]), {**data, "action": "import"})
    import_applications_task(job.pk)

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert [(e["line"], e["column"]) for e in job.errors] == [(4, "Status")]


def test_every_kind_of_bad_row_is_reported_and_nothing_is_saved(
    alice: User, alice_client: Client
) -> None:
    future = (timezone.localdate() + timedelta(days=3)).strftime("%d/%m/%Y")
    raw = _csv(
        ["Company", "Role", "Date Applied", "Status", "Salary min", "Salary max", "Notes"],
        ["Acme", "Fine", "01/10/2026", "Applied", "", "", ""],
        ["", "No company", "01/10/2026", "Applied", "", "", ""],
        ["Globex", "Bad date", "31/02/2026", "Applied", "", "", ""],
        ["Globex", "Unknown stage", "01/10/2026", "Superstar", "", "", ""],
        ["Globex", "Salary", "01/10/2026", "Applied", "90000", "80000", ""],
        ["Globex", "R" * 201, "01/10/2026", "Applied", "", "", "n" * 20_001],
        ["Globex", "Future", future, "Applied", "abc", "", ""],
    )

    job = _import(alice_client, raw)

    assert job.status == ImportStatus.FAILED
    assert [(e["line"], e["column"]) for e in job.errors] == [
        (3, "Company"),
        (4, "Date Applied"),
        (5, "Status"),
        (6, "Salary max"),
        (7, "Role"),
        (7, "Notes"),
        (8, "Salary min"),
        (8, "Date Applied"),
    ]
    assert Application.objects.count() == 0
    assert Company.objects.count() == 0
    page = alice_client.get(reverse("import_job", args=[job.pk])).content.decode()
    assert "Nothing was imported" in page
    assert "“31/02/2026” is not a date that exists" in page


def test_a_failed_import_can_be_mapped_again(alice: User, alice_client: Client) -> None:
    job = _import(alice_client, SPREADSHEET)
    assert job.status == ImportStatus.FAILED  # "Maybe" is no stage

    response = alice_client.post(reverse("import_job_edit", args=[job.pk]))

    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportStatus.NEW
    data = _form_data(alice_client, job)
    maybe = next(n for n in range(3) if data[f"stagekey_{n}"] == "maybe")
    data[f"stage_{maybe}"] = "applied"
    alice_client.post(reverse("import_job", args=[job.pk]), {**data, "action": "import"})
    assert import_applications_task(job.pk)
    job.refresh_from_db()
    assert (job.status, job.imported, job.text) == (ImportStatus.DONE, 3, "")


# --- Duplicates ------------------------------------------------------------------------


def test_duplicates_stop_the_import_unless_skipped(alice: User, alice_client: Client) -> None:
    application_for(alice, company="ACME ", role="backend engineer", days_ago=0)
    today = timezone.localdate().isoformat()
    raw = _csv(
        ["Company", "Role", "Date applied"],
        ["Acme", "Backend Engineer", today],
        ["Acme", "Backend Engineer", "2026-01-01"],
    )

    stopped = _import(alice_client, raw)
    skipped = _import(alice_client, raw, skip_duplicates=True)

    assert stopped.status == ImportStatus.FAILED
    assert [(e["line"], e["column"]) for e in stopped.errors] == [(2, "Company")]
    assert "You already have Backend Engineer at Acme" in stopped.errors[0]["message"]
    assert (skipped.status, skipped.imported) == (ImportStatus.DONE, 1)
    assert skipped.skipped == [
        {"line": 2, "company": "Acme", "role": "Backend Engineer", "applied_on": today}
    ]
    assert Application.objects.filter(owner=alice).count() == 2
    page = alice_client.get(reverse("import_job", args=[skipped.pk])).content.decode()
    assert "Skipped 1 duplicate" in page


def test_importing_the_same_export_twice_skips_everything(
    alice: User, alice_client: Client
) -> None:
    _alices_search(alice)
    exported = _export(alice_client, "export_applications")
    history = _export(alice_client, "export_history")

    job = _import(alice_client, exported, history, skip_duplicates=True)

    assert (job.status, job.imported, len(job.skipped)) == (ImportStatus.DONE, 0, 5)
    assert Application.objects.filter(owner=alice).count() == 5


# --- Files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "This is a PNG image, not a CSV"),
        (b"", "The submitted file is empty."),
        (b"\r\n\r\n", "The file is empty."),
        (b"company,role\n", "no rows under it"),
        (b"company,notes\nAcme," + b"x" * 1_100_000 + b"\n", "Line 2 is longer than"),
        (b"company,role\n" + b"Acme,Dev\n" * 20_001, "more than 20,000 rows"),
        (b"company,role\n" + b"A" * (10 * 1024 * 1024), "larger than 10 MB"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_at_once(
    alice_client: Client, raw: bytes, message: str
) -> None:
    response = _upload(alice_client, raw)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_twenty_thousand_rows_are_accepted(alice_client: Client) -> None:
    response = _upload(alice_client, b"company,role\n" + b"Acme,Dev\n" * 20_000)

    assert response.status_code == 302
    assert ImportJob.objects.get().total == 20_000


def test_a_history_file_needs_rebounds_applications_file(alice_client: Client) -> None:
    history = b"application_id,company,role,event,from,to,at,source\n"

    response = _upload(alice_client, SPREADSHEET, history=history)

    assert response.status_code == 400
    assert "goes with the applications.csv" in response.content.decode()


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        ("Firma;Position\nCafé Müller;Développeur\n".encode("latin-1"), "Latin-1"),
        ("\ufeffCompany,Role\nCafé Müller,Développeur\n".encode(), "UTF-8"),
        ("Company,Role\nCafé Müller,Développeur\n".encode(), "UTF-8"),
        ("Company;Role\r\nCafé Müller;Développeur\r\n".encode(), "UTF-8"),
    ],
)
def test_encodings_and_delimiters(
    alice: User, alice_client: Client, raw: bytes, encoding: str
) -> None:
    changes = {"column_0": "company", "column_1": "role"}

    job = _import(alice_client, raw, changes=changes)

    assert encoding in job.encoding
    assert job.status == ImportStatus.DONE
    application = Application.objects.get(owner=alice)
    assert (application.company.name, application.role) == ("Café Müller", "Développeur")


def test_a_nameless_column_is_named_by_its_position(alice: User, alice_client: Client) -> None:
    raw = _csv(["Company", "", "Notes"], ["Acme", "", "x"])

    job = _import(alice_client, raw, changes={"column_1": "role"})

    assert [(e["line"], e["column"]) for e in job.errors] == [(2, "Column 2")]


def test_history_rows_must_belong_to_the_applications_file(
    alice: User, alice_client: Client, carol_client: Client
) -> None:
    _alices_search(alice)
    exported = _export(alice_client, "export_applications")
    history = _table(_export(alice_client, "export_history"))
    history[1][0] = "999999"
    history[2][5] = "superstar"

    job = _import(carol_client, exported, _csv(*history))

    assert job.status == ImportStatus.FAILED
    columns = [(e["line"], e["column"]) for e in job.errors]
    assert (2, "history.csv application_id") in columns
    assert (3, "history.csv to") in columns
    assert not Application.objects.filter(owner__username="carol").exists()


# --- The task --------------------------------------------------------------------------


def test_the_task_run_twice_imports_once(alice: User, alice_client: Client) -> None:
    job = _started(alice_client, _csv(["Company", "Role"], ["Acme", "Dev"]))

    assert import_applications_task(job.pk) is True
    assert import_applications_task(job.pk) is False
    # Started again from the page (a double click): nothing to start.
    assert (
        services.import_job_start(
            job=job, mapping=services.Mapping(["company", "role"], {}, "dmy"), skip_duplicates=False
        )
        is False
    )
    assert Application.objects.filter(owner=alice).count() == 1


def test_a_run_whose_claim_was_taken_over_does_not_commit(
    alice: User, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = _started(alice_client, _csv(["Company", "Role"], ["Acme", "Dev"]))
    write = services._write

    def presumed_dead_meanwhile(job: ImportJob, plan: Any) -> None:
        write(job, plan)
        # The sweeper restarted the job under a new claim while this run was writing.
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED, claim=None)

    monkeypatch.setattr(services, "_write", presumed_dead_meanwhile)

    assert services.import_job_run(job_id=job.pk) is False
    assert not Application.objects.filter(owner=alice).exists()
    # The restarted run (the sweeper's update committed, unlike the one above, which
    # this test's transaction rolled back with the rest) imports the file, once.
    monkeypatch.undo()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.QUEUED, claim=None)
    assert services.import_job_run(job_id=job.pk) is True
    assert Application.objects.filter(owner=alice).count() == 1


def test_a_crash_fails_the_job_and_saves_nothing(
    alice: User, alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = _started(alice_client, _csv(["Company", "Role", "Status"], ["Acme", "Dev", "Rejected"]))

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("the proposal service is broken")

    monkeypatch.setattr(services.followups, "proposal_jobs_request", broken)

    with pytest.raises(RuntimeError):
        import_applications_task(job.pk)

    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "nothing was imported" in job.errors[0]["message"]
    assert not Application.objects.exists()
    assert not Company.objects.exists()


def test_the_sweeper_restarts_lost_and_dead_jobs(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[int] = []

    def dispatch(task: object, job_id: int) -> bool:
        sent.append(job_id)
        return True

    monkeypatch.setattr(services, "dispatch", dispatch)
    raw = _csv(["Company", "Role"], ["Acme", "Dev"])
    jobs = [services.import_job_create(owner=alice, filename="a.csv", raw=raw) for _ in range(4)]
    now = timezone.now()
    long_ago = now - timedelta(hours=1)
    lost, dead, busy, fresh = jobs
    ImportJob.objects.filter(pk=lost.pk).update(status="queued", dispatched_at=long_ago)
    ImportJob.objects.filter(pk=dead.pk).update(
        status="running", dispatched_at=long_ago, started_at=long_ago
    )
    ImportJob.objects.filter(pk=busy.pk).update(
        status="running", dispatched_at=long_ago, started_at=now
    )
    ImportJob.objects.filter(pk=fresh.pk).update(status="queued", dispatched_at=now)

    assert services.import_jobs_sweep(now=now) == 2

    assert sorted(sent) == sorted([lost.pk, dead.pk])
    assert ImportJob.objects.get(pk=dead.pk).status == "queued"
    assert ImportJob.objects.get(pk=busy.pk).status == "running"
    assert services.import_jobs_sweep(now=now) == 0


# --- Pages -----------------------------------------------------------------------------


def test_import_pages_require_login(client: Client) -> None:
    response = client.get(reverse("import_upload"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_progress_is_polled_then_the_page_reloads(alice: User, alice_client: Client) -> None:
    job = _started(alice_client, _csv(["Company", "Role"], ["Acme", "Dev"]))
    url = reverse("import_job_progress", args=[job.pk])

    waiting = alice_client.get(url, headers={"HX-Request": "true"})
    import_applications_task(job.pk)
    finished = alice_client.get(url, headers={"HX-Request": "true"})

    assert waiting.status_code == 200
    assert 'hx-trigger="load delay:1s"' in waiting.content.decode()
    assert "<progress" in waiting.content.decode()
    assert finished.status_code == 200
    assert finished["HX-Refresh"] == "true"
    page = alice_client.get(reverse("import_job", args=[job.pk])).content.decode()
    assert "Imported 1 application." in page


def test_a_job_no_worker_takes_says_so(alice: User, alice_client: Client) -> None:
    job = _started(alice_client, _csv(["Company", "Role"], ["Acme", "Dev"]))
    ImportJob.objects.filter(pk=job.pk).update(dispatched_at=timezone.now() - timedelta(minutes=5))

    page = alice_client.get(reverse("import_job_progress", args=[job.pk])).content.decode()

    assert "No worker has started this import yet" in page


def test_the_dashboard_links_to_exports_with_its_filters_and_to_import(
    alice: User, alice_client: Client
) -> None:
    application_for(alice)

    page = alice_client.get(reverse("application_table") + "?stage=applied&q=acme").content.decode()

    assert reverse("export_applications") + "?stage=applied&amp;q=acme" in page
    assert reverse("export_history") + "?stage=applied&amp;q=acme" in page
    assert reverse("import_upload") in page


def test_a_row_without_a_date_applied_takes_an_earlier_rejection(
    alice: User, alice_client: Client
) -> None:
    raw = _csv(
        ["Company", "Job Title", "Date Applied"],
        ["Acme", "Engineer", ""],
        ["Initech", "Analyst", "2026-11-02"],
    )
    _import(alice_client, raw)
    undated = Application.objects.get(company__name="Acme")
    dated = Application.objects.get(company__name="Initech")
    last_week = timezone.now() - timedelta(days=7)

    applications.application_reject(
        application=undated, source=ChangeSource.WEB, received_at=last_week
    )

    undated.refresh_from_db()
    assert not undated.applied_on_stated
    assert undated.applied_on == timezone.localdate(last_week, alice.zone)
    assert dated.applied_on_stated
    with pytest.raises(ValidationError):
        applications.application_reject(
            application=dated,
            source=ChangeSource.WEB,
            received_at=datetime(2026, 10, 30, tzinfo=alice.zone),
        )
