"""The application page's contacts, interviews and notes: small forms that save through the
services, show their errors on the page (400, nothing saved) and never reach another's data."""

from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from tests.factories import application_for, contact_for
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import (
    Application,
    Contact,
    ContactRole,
    Interview,
    InterviewKind,
    Stage,
    StageChange,
)

pytestmark = pytest.mark.django_db


def _page(application: Application) -> str:
    return reverse("application_detail", args=[application.pk])


def _local(moment: datetime) -> str:
    """How a datetime-local field sends a moment: the user's wall-clock time, to the minute."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _linked(application: Application, name: str = "Dana Smith") -> Contact:
    """A contact at the application's company, on the application: as the page adds one."""
    return services.contact_create(
        owner=application.owner,
        name=name,
        role=ContactRole.RECRUITER,
        company=application.company,
        applications=[application],
    )


def _interview(
    application: Application, *, interviewers: Sequence[Contact] = (), notes: str = ""
) -> Interview:
    return services.interview_create(
        application=application,
        scheduled_at=timezone.now() - timedelta(days=3),
        kind=InterviewKind.TECHNICAL,
        interviewers=interviewers,
        notes=notes,
    )


# --- Contacts ----------------------------------------------------------------------------


def test_it_adds_a_new_contact_at_the_applications_company(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_contact_add", args=[alices_application.pk])

    response = alice_client.post(
        url, {"name": " Dana Smith ", "email": "dana@acme.example", "role": "hiring_manager"}
    )

    assert response.status_code == 302
    assert response["Location"] == _page(alices_application) + "#contacts"
    contact = alices_application.contacts.get()
    assert (contact.name, contact.email, contact.role) == (
        "Dana Smith",
        "dana@acme.example",
        ContactRole.HIRING_MANAGER,
    )
    assert contact.owner == alices_application.owner
    assert contact.company == alices_application.company
    page = alice_client.get(_page(alices_application)).content.decode()
    assert "Added Dana Smith." in page
    assert "mailto:dana@acme.example" in page


def test_a_new_contact_needs_no_email(
    alice_client: Client, alices_application: Application
) -> None:
    url = reverse("application_contact_add", args=[alices_application.pk])

    response = alice_client.post(url, {"name": "Sam Lee", "email": "", "role": "recruiter"})

    assert response.status_code == 302
    assert alices_application.contacts.get().email == ""


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "email": "", "role": "recruiter"}, "name"),
        ({"name": "Dana", "email": "dana at acme", "role": "recruiter"}, "email"),
        ({"name": "Dana", "email": "", "role": "ceo"}, "role"),
        ({"name": "x" * 201, "email": "", "role": "recruiter"}, "name"),
    ],
)
def test_a_bad_new_contact_is_a_field_error_and_saves_nothing(
    alice_client: Client, alices_application: Application, data: dict[str, str], field: str
) -> None:
    url = reverse("application_contact_add", args=[alices_application.pk])

    response = alice_client.post(url, data)

    assert response.status_code == 400
    assert field in response.context["contact_form"].errors
    assert not Contact.objects.exists()
    # The form that failed is open on the page, its error next to the field.
    assert 'id="contact-new-' + field + '_error"' in response.content.decode()


def test_it_links_an_existing_contact(
    alice_client: Client, alice: User, alices_application: Application
) -> None:
    other = application_for(alice, company="Globex")
    known = _linked(other, name="Priya Okafor")

    page = alice_client.get(_page(alices_application))
    assert page.context["link_form"].candidates == [known]
    assert "Globex" in page.content.decode()  # the choices are grouped by company

    response = alice_client.post(
        reverse("application_contact_link", args=[alices_application.pk]), {"contact": known.pk}
    )

    assert response.status_code == 302
    assert list(alices_application.contacts.all()) == [known]
    assert set(known.applications.all()) == {other, alices_application}
    # Linked now: no longer offered.
    assert alice_client.get(_page(alices_application)).context["link_form"].candidates == []


def test_bob_cannot_link_alices_contact(
    bob_client: Client, bob: User, alice: User, alices_application: Application
) -> None:
    alices_contact = _linked(alices_application)
    bobs_application = application_for(bob, company="Initech")

    response = bob_client.post(
        reverse("application_contact_link", args=[bobs_application.pk]),
        {"contact": alices_contact.pk},
    )

    assert response.status_code == 400
    assert "contact" in response.context["link_form"].errors
    assert list(alices_contact.applications.all()) == [alices_application]
    assert not bobs_application.contacts.exists()
    assert "Dana Smith" not in response.content.decode()


def test_bob_cannot_add_contacts_to_alices_application(
    bob_client: Client, bob: User, alices_application: Application
) -> None:
    bobs_contact = contact_for(bob, name="Bob's friend")

    add = bob_client.post(
        reverse("application_contact_add", args=[alices_application.pk]),
        {"name": "Mallory", "role": "other"},
    )
    link = bob_client.post(
        reverse("application_contact_link", args=[alices_application.pk]),
        {"contact": bobs_contact.pk},
    )

    assert (add.status_code, link.status_code) == (404, 404)
    assert not alices_application.contacts.exists()
    assert Contact.objects.count() == 1


def test_the_link_service_refuses_another_owners_contact(
    bob: User, alices_application: Application
) -> None:
    with pytest.raises(ValidationError):
        services.contact_link(application=alices_application, contact=contact_for(bob))

    assert not alices_application.contacts.exists()


def test_it_unlinks_a_contact_and_keeps_it(
    alice_client: Client, alices_application: Application
) -> None:
    contact = _linked(alices_application)
    url = reverse("application_contact_unlink", args=[alices_application.pk, contact.pk])

    assert alice_client.get(url).status_code == 405
    response = alice_client.post(url, follow=True)

    assert response.redirect_chain == [(_page(alices_application) + "#contacts", 302)]
    assert not alices_application.contacts.exists()
    assert Contact.objects.filter(pk=contact.pk).exists()
    assert "Removed Dana Smith from this application." in response.content.decode()


def test_a_contact_of_another_application_cannot_be_unlinked_through_this_one(
    alice_client: Client, alice: User, alices_application: Application
) -> None:
    elsewhere = _linked(application_for(alice, company="Globex"))

    response = alice_client.post(
        reverse("application_contact_unlink", args=[alices_application.pk, elsewhere.pk])
    )

    assert response.status_code == 404
    assert elsewhere.applications.count() == 1


def test_it_changes_a_contacts_role(alice_client: Client, alices_application: Application) -> None:
    contact = _linked(alices_application)
    url = reverse("application_contact_role", args=[alices_application.pk, contact.pk])

    response = alice_client.post(url, {"role": ContactRole.INTERVIEWER}, follow=True)

    contact.refresh_from_db()
    assert contact.role == ContactRole.INTERVIEWER
    assert "Changed Dana Smith&#x27;s role to Interviewer." in response.content.decode()


def test_a_bad_role_is_a_field_error_and_changes_nothing(
    alice_client: Client, alices_application: Application
) -> None:
    contact = _linked(alices_application)
    url = reverse("application_contact_role", args=[alices_application.pk, contact.pk])

    response = alice_client.post(url, {"role": "boss"})

    assert response.status_code == 400
    assert "role" in response.context["role_form"].errors
    assert f'id="contact-{contact.pk}-role-error"' in response.content.decode()
    contact.refresh_from_db()
    assert contact.role == ContactRole.RECRUITER


# --- Interviews ---------------------------------------------------------------------------


def test_logging_a_past_phone_screen_moves_an_applied_application_to_screening(
    alice_client: Client, alice: User, alices_application: Application
) -> None:
    alice.time_zone = "America/New_York"
    alice.save()
    contact = _linked(alices_application)
    url = reverse("application_interview_add", args=[alices_application.pk])
    three_days_ago = timezone.localdate(timezone.now(), alice.zone) - timedelta(days=3)

    response = alice_client.post(
        url,
        {
            "kind": InterviewKind.PHONE_SCREEN,
            "scheduled_at": f"{three_days_ago.isoformat()}T10:30",
            "interviewers": [contact.pk],
            "notes": "Talked about the team.",
        },
        follow=True,
    )

    interview = alices_application.interviews.get()
    # Ten thirty where alice lives, not in UTC.
    local = timezone.localtime(interview.scheduled_at, alice.zone)
    assert (local.date(), local.hour, local.minute) == (three_days_ago, 10, 30)
    assert interview.scheduled_at.utcoffset() == timedelta(0)
    assert interview.scheduled_at.hour in (14, 15)  # New York is UTC-4 or UTC-5
    assert list(interview.interviewers.all()) == [contact]
    assert interview.notes == "Talked about the team."
    alices_application.refresh_from_db()
    # A phone screen is screening, not an interview.
    assert alices_application.stage == Stage.SCREENING
    change = alices_application.history.latest("recorded_at")
    assert (change.from_stage, change.to_stage, change.source) == (
        Stage.APPLIED,
        Stage.SCREENING,
        "web",
    )
    assert change.at == interview.scheduled_at
    assert response.redirect_chain == [(_page(alices_application) + "#interviews", 302)]
    page = response.content.decode()
    assert "Moved to Screening." in page
    assert "Logged the interview: Phone screen" in page


def test_logging_another_interview_says_nothing_about_moving(
    alice_client: Client, alices_application: Application
) -> None:
    _interview(alices_application)
    url = reverse("application_interview_add", args=[alices_application.pk])

    response = alice_client.post(
        url,
        {"kind": InterviewKind.ONSITE, "scheduled_at": _local(timezone.now() + timedelta(days=2))},
        follow=True,
    )

    assert alices_application.interviews.count() == 2
    page = response.content.decode()
    assert "Moved to" not in page
    assert "Upcoming" in page
    assert alices_application.history.count() == 2


def test_an_interview_with_another_applications_contact_is_refused(
    alice_client: Client, alice: User, alices_application: Application
) -> None:
    _linked(alices_application)
    elsewhere = _linked(application_for(alice, company="Globex"), name="Priya Okafor")

    response = alice_client.post(
        reverse("application_interview_add", args=[alices_application.pk]),
        {
            "kind": InterviewKind.TECHNICAL,
            "scheduled_at": _local(timezone.now() - timedelta(days=1)),
            "interviewers": [elsewhere.pk],
        },
    )

    assert response.status_code == 400
    assert "interviewers" in response.context["interview_form"].errors
    assert not Interview.objects.exists()
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.APPLIED


@pytest.mark.parametrize(
    ("scheduled_at", "kind"),
    [
        ("yesterday", InterviewKind.TECHNICAL),
        ("", InterviewKind.TECHNICAL),
        ("2026-02-30T10:00", InterviewKind.TECHNICAL),
        ("0001-01-01T00:00", InterviewKind.TECHNICAL),
        ("9999-12-31T23:59", InterviewKind.TECHNICAL),
        ("1969-07-20T20:17", InterviewKind.TECHNICAL),
        (None, "coffee"),
    ],
)
def test_a_bad_interview_is_a_field_error_and_saves_nothing(
    alice_client: Client,
    alice: User,
    alices_application: Application,
    scheduled_at: str | None,
    kind: str,
) -> None:
    alice.time_zone = "Pacific/Kiritimati"  # UTC+14: the far ends of the calendar overflow
    alice.save()
    when = scheduled_at if scheduled_at is not None else _local(timezone.now())

    response = alice_client.post(
        reverse("application_interview_add", args=[alices_application.pk]),
        {"kind": kind, "scheduled_at": when},
    )

    assert response.status_code == 400
    field = "kind" if scheduled_at is None else "scheduled_at"
    assert field in response.context["interview_form"].errors
    assert f'id="interview-{field}_error"' in response.content.decode()
    assert not Interview.objects.exists()
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.APPLIED
    assert alices_application.history.count() == 1


def test_an_interview_before_the_application_started_is_refused(
    alice_client: Client, alices_application: Application
) -> None:
    before = timezone.now() - timedelta(days=30)

    response = alice_client.post(
        reverse("application_interview_add", args=[alices_application.pk]),
        {"kind": InterviewKind.TECHNICAL, "scheduled_at": _local(before)},
    )

    assert response.status_code == 400
    assert "before the application started" in str(
        response.context["interview_form"].errors["scheduled_at"]
    )
    assert not Interview.objects.exists()
    assert alices_application.history.count() == 1


def test_it_deletes_an_interview(alice_client: Client, alices_application: Application) -> None:
    interview = _interview(alices_application)
    url = reverse("application_interview_delete", args=[alices_application.pk, interview.pk])

    assert alice_client.get(url).status_code == 405
    page = alice_client.get(_page(alices_application)).content.decode()
    assert f'action="{url}"' in page
    assert "data-confirm=" in page
    response = alice_client.post(url)

    assert response.status_code == 302
    assert not Interview.objects.exists()
    # What happened still happened: the stage and its history stay.
    alices_application.refresh_from_db()
    assert alices_application.stage == Stage.INTERVIEWING


def test_an_interview_of_another_application_is_not_found_here(
    alice_client: Client, alice: User, alices_application: Application
) -> None:
    elsewhere = _interview(application_for(alice, company="Globex"))

    response = alice_client.post(
        reverse("application_interview_delete", args=[alices_application.pk, elsewhere.pk])
    )

    assert response.status_code == 404
    assert Interview.objects.filter(pk=elsewhere.pk).exists()


# --- Notes --------------------------------------------------------------------------------


def test_it_saves_the_notes(alice_client: Client, alices_application: Application) -> None:
    url = reverse("application_notes", args=[alices_application.pk])

    assert alice_client.get(url).status_code == 405
    response = alice_client.post(url, {"notes": "Ask about on-call.\nSalary band?"}, follow=True)

    assert response.redirect_chain == [(_page(alices_application) + "#notes", 302)]
    alices_application.refresh_from_db()
    assert alices_application.notes == "Ask about on-call.\nSalary band?"
    assert alices_application.stage == Stage.APPLIED
    assert "Ask about on-call.<br>Salary band?" in response.content.decode()


def test_notes_that_are_too_long_are_a_field_error(
    alice_client: Client, alices_application: Application
) -> None:
    services.application_update_notes(application=alices_application, notes="Kept.")

    response = alice_client.post(
        reverse("application_notes", args=[alices_application.pk]), {"notes": "x" * 20_001}
    )

    assert response.status_code == 400
    assert "notes" in response.context["notes_form"].errors
    page = response.content.decode()
    assert 'id="notes-notes_error"' in page
    assert "<p>Kept.</p>" in page
    alices_application.refresh_from_db()
    assert alices_application.notes == "Kept."


def test_saving_notes_never_writes_back_a_stage_read_earlier(
    alices_application: Application,
) -> None:
    stale = Application.objects.get(pk=alices_application.pk)
    services.application_change_stage(
        application=alices_application, to_stage=Stage.SCREENING, source="web"
    )

    services.application_update_notes(application=stale, notes="New notes.")

    alices_application.refresh_from_db()
    assert (alices_application.stage, alices_application.notes) == (Stage.SCREENING, "New notes.")


# --- The page -----------------------------------------------------------------------------


def test_a_back_dated_change_appears_in_order_on_the_page(
    alice_client: Client, alices_application: Application
) -> None:
    move = reverse("application_change_stage", args=[alices_application.pk])
    alice_client.post(move, {"stage": Stage.SCREENING})
    # Recorded second, but it happened five days ago: the undated move above happened
    # before it, so it is re-dated, and the page says so.
    moved = alice_client.post(
        move,
        {"stage": Stage.INTERVIEWING, "at": _local(timezone.now() - timedelta(days=5))},
        follow=True,
    )
    assert "Re-dated Applied → Screening" in moved.content.decode()

    response = alice_client.get(_page(alices_application))

    assert [row.to_stage for row in response.context["history"]] == [
        Stage.APPLIED,
        Stage.SCREENING,
        Stage.INTERVIEWING,
    ]
    page = response.content.decode()
    positions = [
        page.index(f"<strong>{label}</strong>")
        for label in ("Applied", "Screening", "Interviewing")
    ]
    assert positions == sorted(positions)
    assert StageChange.objects.filter(application=alices_application).count() == 3


def test_the_page_costs_the_same_queries_with_many_contacts_and_interviews(
    alice_client: Client,
    alice: User,
    alices_application: Application,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    def add_one(n: int) -> None:
        contact = _linked(alices_application, name=f"Person {n}")
        contact_for(alice, name=f"Someone else {n}")
        _interview(alices_application, interviewers=[contact], notes=f"Round {n}")

    add_one(0)
    alice_client.get(_page(alices_application))  # warm up: sessions, caches
    with CaptureQueriesContext(connection) as one:
        alice_client.get(_page(alices_application))
    for n in range(1, 10):
        add_one(n)

    with django_assert_num_queries(len(one)):
        response = alice_client.get(_page(alices_application))

    assert len(response.context["contacts"]) == 10
    assert len(response.context["interviews"]) == 10
    assert len(response.context["link_form"].candidates) == 10


def test_the_page_labels_every_field_of_the_new_forms(
    alice_client: Client, alices_application: Application
) -> None:
    contact = _linked(alices_application)

    page = alice_client.get(_page(alices_application)).content.decode()

    for field_id in (
        "contact-new-name",
        "contact-new-email",
        "contact-new-role",
        "interview-kind",
        "interview-scheduled_at",
        "interview-notes",
        "notes-notes",
        f"contact-{contact.pk}-role",
    ):
        assert f'for="{field_id}"' in page
        assert f'id="{field_id}"' in page
    assert 'id="interview-interviewers_0"' in page
    assert "style=" not in page
    assert "<script>" not in page
