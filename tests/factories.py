from datetime import datetime, timedelta
from typing import Any

import factory
from django.utils import timezone
from rest_framework.test import APIClient

from tracker.accounts.models import User
from tracker.api import services as api_tokens
from tracker.applications import services
from tracker.applications.models import Application, ChangeSource, Contact, ContactRole
from tracker.followups import services as followups


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    full_name = factory.LazyAttribute(lambda u: u.username.title())
    password = factory.django.Password("correct horse battery")


def make_user(**fields: Any) -> User:
    return UserFactory.create(**fields)


def application_for(
    owner: User,
    *,
    company: str = "Acme",
    role: str = "Backend Engineer",
    days_ago: int = 10,
    **fields: Any,
) -> Application:
    """An application made the way users make them: through the service, with history."""
    return services.application_create(
        owner=owner,
        company_name=company,
        role=role,
        applied_on=timezone.localdate() - timedelta(days=days_ago),
        source_of_change=ChangeSource.WEB,
        **fields,
    )


def contact_for(
    owner: User, *, name: str = "Dana Smith", role: str = ContactRole.RECRUITER
) -> Contact:
    # One address a person: two contacts of one address would be one person.
    email = ".".join("".join(c for c in word if c.isalnum()) for word in name.lower().split())
    return services.contact_create(owner=owner, name=name, role=role, email=f"{email}@acme.example")


def rejected_late(owner: User, *, company: str = "Acme", hours_ago: int = 30) -> Application:
    """A personal rejection logged a day late, its follow-ups proposed: the reply is due.

    The proposal job runs here, in-process, where the worker would otherwise run it.
    """
    application = application_for(owner, company=company)
    services.application_reject(
        application=application,
        source=ChangeSource.WEB,
        channel="personal_email",
        sender_role="hiring_manager",
        sender_name="Dana Smith",
        sender_email="dana@acme.example",
        received_at=timezone.now() - timedelta(hours=hours_ago),
    )
    followups.proposal_job_run(job_id=application.proposal_jobs.get().pk)
    return application


def api_client_for(user: User) -> APIClient:
    """A script's view of the API: signed in with the user's token, no session."""
    client = APIClient()
    token = api_tokens.api_token_get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def send_due_reminders(
    *, now: datetime | None = None, batch: int = followups.REMINDER_BATCH
) -> int:
    """What beat's sweep and the batches it hands out do, here and now: tells every
    reminder due by `now`, a batch at a time; returns how many were told."""
    told = 0
    while due := followups.reminders_due(now=now or timezone.now(), limit=batch):
        told += followups.reminders_deliver(reminder_ids=due)
    return told
