from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import Application, ChangeSource, Contact, ContactRole


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
    return services.contact_create(owner=owner, name=name, role=role, email="dana@acme.example")
