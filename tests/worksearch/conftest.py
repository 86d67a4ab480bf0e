"""Alice's fortnight: five applications, an interview and a meetup, as the issue tells it."""

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest

from tests.factories import contact_for
from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application, ChangeSource, Company, ContactRole
from tracker.worksearch import services
from tracker.worksearch.log import week_start


@dataclass(frozen=True)
class Fortnight:
    start: date
    end: date
    applications: list[Application]


def last_full_fortnight(today: date) -> tuple[date, date]:
    """The two whole weeks (Monday to Sunday) before this one."""
    start = week_start(today, 0) - timedelta(days=14)
    return start, start + timedelta(days=13)


@pytest.fixture
def fortnight(alice: User) -> Fortnight:
    alice.time_zone = "Europe/Berlin"
    alice.save()
    today = datetime.now(alice.zone).date()
    start, end = last_full_fortnight(today)
    companies = [
        ("Nordlicht Software GmbH", "job_board", "Backend-Entwicklerin"),
        ("Acme Corp", "company_site", "Platform Engineer"),
        ("Globex", "referral", "Site Reliability Engineer"),
        ("Initech", "recruiter_outreach", "Python Developer"),
        ("Umbrella Health", "job_board", "Data Engineer"),
    ]
    sent = [
        applications.application_create(
            owner=alice,
            company_name=name,
            role=role,
            source=source,
            applied_on=start + timedelta(days=i),
            source_of_change=ChangeSource.WEB,
        )
        for i, (name, source, role) in enumerate(companies)
    ]
    Company.objects.filter(owner=alice, name="Nordlicht Software GmbH").update(
        address="Torstraße 12, 10119 Berlin", phone="+49 30 1234567"
    )
    recruiter = contact_for(alice, name="Jana Vogel", role=ContactRole.HIRING_MANAGER)
    applications.contact_link(contact=recruiter, application=sent[0])
    applications.interview_create(
        application=sent[0],
        scheduled_at=datetime.combine(start + timedelta(days=8), time(10), tzinfo=alice.zone),
        kind="onsite",
        interviewers=[recruiter],
    )
    applications.application_reject(
        application=sent[4],
        source=ChangeSource.WEB,
        channel="automated",
        received_at=datetime.combine(start + timedelta(days=9), time(9), tzinfo=alice.zone),
    )
    services.activity_create(
        owner=alice,
        date=start + timedelta(days=10),
        kind="networking",
        description="PyBerlin meetup: talked to two hiring managers",
        contact="Tom Weber",
        duration_minutes=150,
    )
    return Fortnight(start=start, end=end, applications=sent)


def pdf_pages(pdf: bytes, tmp_path: object) -> list[str]:
    """The text of each page, as pdftotext reads it (a form feed between pages)."""
    assert shutil.which("pdftotext"), "poppler-utils is not installed (make install does it)"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return [page for page in text.split("\f") if page.strip()]
