"""Makes each contact one person: contacts that are the same person (the same address in
any case; else, without an address, the same name at the same company) become the first
one saved, with every application and interview of the others and whatever they knew
that it did not. The person who wrote a personal rejection becomes a contact of that
application too, as a rejection saved from now on makes them. Nothing is lost."""

import unicodedata
from typing import Any

from django.db import migrations

# Copies of contact_keys and search.search_fold as they are today: a migration must not
# change with them.
UNMARKED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "\u0131": "i"}
)
ROLES = {"recruiter", "hr", "hiring_manager", "interviewer"}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(UNMARKED)
    return " ".join(unicodedata.normalize("NFKC", bare).casefold().split())


class People:
    """One owner's people while they are merged: found by address, or by name at a company."""

    def __init__(self) -> None:
        self.by_email: dict[str, Any] = {}
        self.by_name: dict[tuple[int, str], list[Any]] = {}

    def find(self, *, email: str, name_key: str, company_id: int | None) -> Any:
        email = email.strip().casefold()
        if email and email in self.by_email:
            return self.by_email[email]
        if company_id is None or not name_key:
            return None
        for person in self.by_name.get((company_id, name_key), []):
            if not (email and person.email):
                return person
        return None

    def add(self, person: Any) -> None:
        if person.email:
            self.by_email[person.email.strip().casefold()] = person
        if person.company_id is not None and person.search_name:
            self.by_name.setdefault((person.company_id, person.search_name), []).append(person)


def _absorb(person: Any, other: Any, Interview: Any) -> None:
    person.applications.add(*other.applications.all())
    for interview in Interview.objects.filter(interviewers=other):
        interview.interviewers.add(person)
    if not person.email and other.email:
        person.email = other.email
    if person.role == "other":
        person.role = other.role
    if person.company_id is None:
        person.company_id = other.company_id
    if other.notes and other.notes not in person.notes:
        person.notes = "\n\n".join(n for n in (person.notes, other.notes) if n)[:5000]
    person.save()
    other.delete()


def merge_people(apps: Any, schema_editor: Any) -> None:
    Contact = apps.get_model("applications", "Contact")
    Interview = apps.get_model("applications", "Interview")
    Rejection = apps.get_model("applications", "Rejection")
    owners = Contact.objects.values_list("owner_id", flat=True).distinct()
    writers = Rejection.objects.exclude(channel="automated").exclude(
        sender_name="", sender_email=""
    )
    owners = set(owners) | set(writers.values_list("application__owner_id", flat=True))
    for owner_id in sorted(owners):
        people = People()
        for contact in Contact.objects.filter(owner_id=owner_id).order_by("pk"):
            same = people.find(
                email=contact.email, name_key=contact.search_name, company_id=contact.company_id
            )
            if same is None:
                people.add(contact)
                continue
            had_email = bool(same.email)
            _absorb(same, contact, Interview)
            if not had_email and same.email:
                people.add(same)
        rejections = writers.filter(application__owner_id=owner_id).select_related("application")
        for rejection in rejections.order_by("pk"):
            application = rejection.application
            name = rejection.sender_name.strip() or rejection.sender_email.strip()
            email = rejection.sender_email.strip()
            same = people.find(email=email, name_key=_fold(name), company_id=application.company_id)
            if same is None:
                same = Contact.objects.create(
                    owner_id=owner_id,
                    company_id=application.company_id,
                    name=name[:200],
                    search_name=_fold(name),
                    email=email,
                    role=rejection.sender_role if rejection.sender_role in ROLES else "other",
                )
                people.add(same)
            elif email and not same.email:
                same.email = email
                same.save(update_fields=["email"])
                people.add(same)
            same.applications.add(application)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0018_contact_linkedin_url"),
    ]

    operations = [
        migrations.RunPython(merge_people, migrations.RunPython.noop),
    ]
