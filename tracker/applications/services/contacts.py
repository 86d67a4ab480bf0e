"""The people of an application: adding, linking, unlinking, and their role."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.accounts.models import User
from tracker.applications.models import (
    Application,
    Company,
    Contact,
)
from tracker.applications.search import search_fold


@transaction.atomic
def contact_create(
    *,
    owner: User,
    name: str,
    role: str,
    email: str = "",
    company: Company | None = None,
    applications: Sequence[Application] = (),
    notes: str = "",
) -> Contact:
    contact = Contact(
        owner=owner,
        name=name.strip(),
        search_name=search_fold(name),
        email=email.strip(),
        role=role,
        company=company,
        notes=notes,
    )
    contact.full_clean(exclude=["owner", "company"])
    contact.save()
    if any(a.owner_id != owner.pk for a in applications):
        raise ValidationError({"applications": "Unknown application."})
    contact.applications.set(applications)
    return contact


def _require_same_owner(application: Application, contact: Contact) -> None:
    if contact.owner_id != application.owner_id:
        raise ValidationError({"contact": "Unknown contact."})


@transaction.atomic
def contact_link(*, application: Application, contact: Contact) -> None:
    """Adds one of the owner's contacts to an application; linking twice changes nothing."""
    _require_same_owner(application, contact)
    contact.applications.add(application)


@transaction.atomic
def contact_unlink(*, application: Application, contact: Contact) -> None:
    """Takes a contact off an application. The contact stays, to be linked elsewhere."""
    _require_same_owner(application, contact)
    contact.applications.remove(application)


@transaction.atomic
def contact_update_role(*, owner: User, contact: Contact, role: str) -> Contact:
    if contact.owner_id != owner.pk:
        raise ValidationError({"contact": "Unknown contact."})
    contact.role = role
    contact.full_clean(exclude=["owner", "company"])
    contact.save(update_fields=["role"])
    return contact
