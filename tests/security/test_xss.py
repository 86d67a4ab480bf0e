"""Stored XSS: hostile text in every field a user can fill, rendered on every page."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import application_for, send_due_reminders
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import ChangeSource, ContactRole, InterviewKind
from tracker.followups import services as followups
from tracker.followups.models import FollowUp

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"


@pytest.fixture
def hostile(alice: User) -> int:
    alice.full_name = PAYLOAD
    alice.save()
    application = application_for(
        alice, company=PAYLOAD, role=PAYLOAD, location=PAYLOAD, notes=PAYLOAD
    )
    contact = applications.contact_create(
        owner=alice, name=PAYLOAD, role=ContactRole.RECRUITER, applications=[application]
    )
    applications.interview_create(
        application=application,
        # Held before the rejection came: the history reads in order.
        scheduled_at=timezone.now() - timedelta(hours=31),
        kind=InterviewKind.ONSITE,
        interviewers=[contact],
        notes=PAYLOAD,
    )
    applications.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_name=PAYLOAD,
        message=PAYLOAD,
        received_at=timezone.now() - timedelta(hours=30),
    )
    followups.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    reply = FollowUp.objects.get(application=application, kind="rejection_reply")
    followups.followup_update_draft(followup=reply, subject=PAYLOAD, body=PAYLOAD)
    send_due_reminders()
    return application.pk


@pytest.mark.parametrize(
    ("name", "with_pk"),
    [
        ("dashboard", False),
        ("insights", False),
        ("application_table", False),
        ("followups", False),
        ("notifications", False),
        ("account_settings", False),
        ("application_detail", True),
        ("application_edit", True),
        ("application_reject", True),
        ("application_followups_panel", True),
    ],
)
def test_hostile_text_is_shown_escaped_never_run(
    alice_client: Client, hostile: int, name: str, with_pk: bool
) -> None:
    response = alice_client.get(reverse(name, args=[hostile] if with_pk else []))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    # It is there, as text: the page shows what the user typed.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
