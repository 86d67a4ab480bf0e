"""The people the user met or heard from: one contact a person (contact_keys.py), added,
found again, edited, and linked to the applications they were part of."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from tracker.accounts.models import User
from tracker.applications.contact_keys import ContactKeys, contacts_same_person
from tracker.applications.models import Application, Company, Contact, ContactRole
from tracker.applications.search import search_fold
from tracker.mail.vocabulary import RejectionChannel

# The fields a person's page and the API may change (their applications apart).
CONTACT_EDITABLE_FIELDS = frozenset({"name", "email", "company", "role", "linkedin_url", "notes"})


def _keys(contact: Contact) -> ContactKeys:
    return ContactKeys.of(name=contact.name, email=contact.email, company_id=contact.company_id)


def contact_find_same(
    *, owner: User, name: str, email: str, company: Company | None, exclude: int | None = None
) -> Contact | None:
    """The owner's contact who is this person, by the merge rule, if any (the oldest)."""
    keys = ContactKeys.of(name=name, email=email, company_id=company.pk if company else None)
    found = Contact.objects.filter(owner=owner).order_by("pk")
    if exclude is not None:
        found = found.exclude(pk=exclude)
    by_email = found.filter(email__iexact=keys.email).first() if keys.email else None
    if by_email is not None:
        return by_email
    if company is None:
        return None
    same_name = found.filter(company=company, search_name=keys.name)
    return next((c for c in same_name if contacts_same_person(keys, _keys(c))), None)


def _same_person_error(contact: Contact) -> ValidationError:
    """Two rows for one person would split what the People page shows of them."""
    if contact.email:
        words = gettext("%(name)s (id %(id)s) already has this email address.")
        return ValidationError({"email": words % {"name": contact.name, "id": contact.pk}})
    company = contact.company.name if contact.company else ""
    words = gettext("%(name)s at %(company)s (id %(id)s) is already one of your people.")
    return ValidationError(
        {"name": words % {"name": contact.name, "company": company, "id": contact.pk}}
    )


def _save(contact: Contact) -> None:
    try:
        with transaction.atomic():
            contact.save()
    except IntegrityError as exc:
        # The same address saved a moment ago by another request (a form sent twice).
        words = gettext("One of your people already has this address.")
        raise ValidationError({"email": words}) from exc


def _require_own_applications(owner: User, applications: Sequence[Application]) -> None:
    if any(a.owner_id != owner.pk for a in applications):
        raise ValidationError({"applications": gettext("Unknown application.")})


def _cleaned(contact: Contact) -> None:
    contact.name = " ".join(contact.name.split())
    contact.search_name = search_fold(contact.name)
    contact.email = contact.email.strip()
    contact.full_clean(exclude=["owner", "company"], validate_constraints=False)


@transaction.atomic
def contact_create(
    *,
    owner: User,
    name: str,
    role: str = ContactRole.OTHER,
    email: str = "",
    company: Company | None = None,
    applications: Sequence[Application] = (),
    notes: str = "",
    linkedin_url: str = "",
) -> Contact:
    """A new person. One the owner already has (contact_keys.py) is refused, naming them:
    a client that means that person links them instead (contact_find_or_create)."""
    _require_own_applications(owner, applications)
    contact = Contact(
        owner=owner,
        name=name,
        email=email,
        role=role,
        company=company,
        notes=notes,
        linkedin_url=linkedin_url,
    )
    _cleaned(contact)
    same = contact_find_same(owner=owner, name=contact.name, email=contact.email, company=company)
    if same is not None:
        raise _same_person_error(same)
    _save(contact)
    contact.applications.set(applications)
    return contact


@transaction.atomic
def contact_find_or_create(
    *,
    owner: User,
    name: str,
    role: str,
    email: str = "",
    company: Company | None = None,
    applications: Sequence[Application] = (),
) -> tuple[Contact, bool]:
    """The person of this name and address, linked to these applications: one the owner
    already has (what they knew is kept; an address or a role they lacked is added), else
    a new one. True when new."""
    _require_own_applications(owner, applications)
    name, email = " ".join(name.split()), email.strip()
    same = contact_find_same(owner=owner, name=name, email=email, company=company)
    if same is None:
        contact = contact_create(
            owner=owner,
            name=name,
            role=role,
            email=email,
            company=company,
            applications=applications,
        )
        return contact, True
    if email and not same.email:
        same.email = email
    if same.role == ContactRole.OTHER:
        same.role = role
    if same.company is None:
        same.company = company
    _cleaned(same)
    same.save(update_fields=["email", "role", "company"])
    same.applications.add(*applications)
    return same, False


@transaction.atomic
def contact_update(
    *,
    owner: User,
    contact: Contact,
    applications: Sequence[Application] | None = None,
    **fields: object,
) -> Contact:
    """Edits a person (CONTACT_EDITABLE_FIELDS, and which applications they were part of
    when `applications` is given). Becoming someone the owner already has is refused."""
    if contact.owner_id != owner.pk:
        raise ValidationError({"contact": gettext("Unknown contact.")})
    unknown = set(fields) - CONTACT_EDITABLE_FIELDS
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, gettext("This field cannot be changed.")))
    if applications is not None:
        _require_own_applications(owner, applications)
    for name, value in fields.items():
        setattr(contact, name, value)
    _cleaned(contact)
    same = contact_find_same(
        owner=owner,
        name=contact.name,
        email=contact.email,
        company=contact.company,
        exclude=contact.pk,
    )
    if same is not None:
        raise _same_person_error(same)
    _save(contact)
    if applications is not None:
        contact.applications.set(applications)
    return contact


def contact_from_rejection(
    *, application: Application, channel: str, role: str, name: str, email: str
) -> Contact | None:
    """The person who wrote or called with a rejection, among the application's people;
    none for a form letter (nobody wrote it) or when no sender is named."""
    name, email = " ".join(name.split()), email.strip()
    if channel == RejectionChannel.AUTOMATED or not (name or email):
        return None
    contact_role = role if role in ContactRole.values else ContactRole.OTHER
    contact, _ = contact_find_or_create(
        owner=application.owner,
        name=name or email,
        role=contact_role,
        email=email,
        company=application.company,
        applications=[application],
    )
    return contact


def _require_same_owner(application: Application, contact: Contact) -> None:
    if contact.owner_id != application.owner_id:
        raise ValidationError({"contact": gettext("Unknown contact.")})


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
        raise ValidationError({"contact": gettext("Unknown contact.")})
    contact.role = role
    contact.full_clean(exclude=["owner", "company"], validate_constraints=False)
    contact.save(update_fields=["role"])
    return contact
