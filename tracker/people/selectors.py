"""Every read of the People page and the contacts API, scoped to one owner: each person
with the applications and interviews they were part of, what they wrote, and when the
user last wrote to them and will next.

A follow-up is to a person when it goes to their address (any case), or, without one,
to their name on one of their applications: follow-ups keep the recipient as typed, not
a contact's id, so this is how the page finds them again.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    DateTimeField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Lower
from django.db.models.lookups import Exact

from tracker.accounts.models import User
from tracker.applications.models import Application, Contact, Interview, Rejection
from tracker.applications.search import search_words
from tracker.core.ownership import get_owned_or_404
from tracker.followups.models import OPEN_STATUSES, FollowUp, FollowUpStatus
from tracker.inbox.selectors import inbox_items_from
from tracker.people.vcard import Card


def _to_them(queryset: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
    """The follow-ups (of the outer person's owner) that go to the outer person: to their
    address; or, where one side has no address, to their name on one of their
    applications (the merge rule of contact_keys.py, as SQL)."""
    by_address = ~Q(recipient_email="") & Q(email_key=Lower(OuterRef("email")))
    by_name = (Q(recipient_email="") | Q(Exact(OuterRef("email"), ""))) & Q(
        name_key=Lower(OuterRef("name")), application__contacts=OuterRef("pk")
    )
    return (
        queryset.filter(application__owner=OuterRef("owner"))
        .annotate(
            email_key=Lower("recipient_email"),
            name_key=Lower("recipient_name"),
        )
        .filter(by_address | by_name)
    )


def _with_times(people: QuerySet[Contact]) -> QuerySet[Contact]:
    """Each person with `last_contact_at` (the last follow-up sent to them) and
    `next_touch_at` (when the next one still open is due), None when there is none."""
    sent = _to_them(FollowUp.objects.filter(status=FollowUpStatus.SENT, sent_at__isnull=False))
    coming = _to_them(FollowUp.objects.filter(status__in=OPEN_STATUSES, due_at__isnull=False))
    return people.annotate(
        last_contact_at=Subquery(
            sent.order_by("-sent_at").values("sent_at")[:1], output_field=DateTimeField()
        ),
        next_touch_at=Subquery(
            coming.order_by("due_at").values("due_at")[:1], output_field=DateTimeField()
        ),
    )


def _loaded(people: QuerySet[Contact]) -> QuerySet[Contact]:
    return people.select_related("company").prefetch_related(
        Prefetch(
            "applications",
            queryset=Application.objects.select_related("company").order_by("-id"),
        ),
        Prefetch(
            "interviews",
            queryset=Interview.objects.select_related("application__company").order_by(
                "-scheduled_at"
            ),
        ),
    )


def person_list(
    *, user: User, query: str = "", role: str = "", due: bool = False
) -> QuerySet[Contact]:
    """The user's people by name: a search meets their name, address or company (folded
    as the table's search is), `role` keeps one role, `due` those with a note to come."""
    people = Contact.objects.filter(owner=user)
    for word in search_words(query):
        people = people.filter(
            Q(search_name__contains=word)
            | Q(email__icontains=word)
            | Q(company__search_name__contains=word)
        )
    if role:
        people = people.filter(role=role)
    people = _with_times(people)
    if due:
        people = people.filter(Q(next_touch_at__isnull=False))
    return _loaded(people).order_by("name", "pk")


def person_get(*, user: User, pk: object) -> Contact:
    """One of the user's people, or a 404 (someone else's is a 404 too)."""
    return get_owned_or_404(_loaded(_with_times(Contact.objects.all())), user=user, pk=pk)


@dataclass(frozen=True)
class Heard:
    """Something a person wrote: a rejection they sent, or job mail from their address."""

    at: datetime
    what: str
    subject: str
    text: str
    application: Application | None


@dataclass(frozen=True)
class PersonPage:
    person: Contact
    heard: list[Heard]
    followups: list[FollowUp]


def person_page(*, user: User, pk: object) -> PersonPage:
    """A person's page: who they are, what they wrote, every note to them."""
    person = person_get(user=user, pk=pk)
    return PersonPage(person=person, heard=_heard(person), followups=_followups_to(person))


def _heard(person: Contact) -> list[Heard]:
    """The rejections they sent on their applications, and the mail the inbox kept from
    their address, the latest first."""
    rejections = Rejection.objects.filter(application__in=person.applications.all())
    by_name = Q(sender_name__iexact=person.name)
    if person.email:
        rejections = rejections.filter(
            Q(sender_email__iexact=person.email) | (Q(sender_email="") & by_name)
        )
    else:
        rejections = rejections.filter(by_name)
    heard = [
        Heard(
            at=r.received_at,
            what=f"Rejection ({r.get_channel_display().lower()})",
            subject=r.subject,
            text=r.message,
            application=r.application,
        )
        for r in rejections.select_related("application__company")
    ]
    heard += [
        Heard(
            at=item.sent_at or item.created_at,
            what=item.get_kind_display(),
            subject=item.subject,
            text=item.text,
            application=item.application,
        )
        for item in inbox_items_from(user=person.owner, email=person.email)
    ]
    return sorted(heard, key=lambda h: h.at, reverse=True)


def _followups_to(person: Contact) -> list[FollowUp]:
    """Every follow-up to them (sent, to come, or closed), the latest first; those that
    needed no reply wrote to nobody."""
    by_name = Q(application__in=person.applications.all(), recipient_name__iexact=person.name)
    if person.email:
        to_them = Q(recipient_email__iexact=person.email) | (Q(recipient_email="") & by_name)
    else:
        to_them = by_name
    found = FollowUp.objects.filter(application__owner=person.owner_id).filter(to_them)
    return list(
        found.exclude(status=FollowUpStatus.NOT_NEEDED)
        .select_related("application__company")
        .order_by("-due_at", "-id")
    )


def person_cards(*, user: User) -> Iterator[Card]:
    """Every one of the user's people as a vCard says them, by name."""
    people = Contact.objects.filter(owner=user).select_related("company").order_by("name", "pk")
    return map(person_card, people.iterator(chunk_size=500))


def person_card(person: Contact) -> Card:
    """A person as their vCard says: the role and company, their LinkedIn, the notes."""
    return Card(
        uid=f"rebound-contact-{person.pk}",
        name=person.name,
        email=person.email,
        company=person.company.name if person.company else "",
        title=person.get_role_display(),
        url=person.linkedin_url,
        note=person.notes,
    )
