"""Every read of the People page and the contacts API, scoped to one owner: each person
with the applications and interviews they were part of, what they wrote, and when the
user last wrote to them and will next.

Follow-ups and rejections keep their recipient or sender as typed, not a contact's id:
one is a person's when it is on one of their applications and its name and address are
theirs by the merge rule (contact_keys.contact_is_recipient). That rule is applied here,
in Python, to the few follow-ups of the people on one page (two queries whatever the
page), rather than as SQL correlated per person over every follow-up there is.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext

from tracker.accounts.models import User
from tracker.applications.contact_keys import ContactKeys, contact_is_recipient
from tracker.applications.models import Application, Contact, Interview, Rejection
from tracker.applications.search import search_words
from tracker.core.ownership import get_owned_or_404
from tracker.followups.models import OPEN_STATUSES, FollowUp, FollowUpStatus, KeepingInTouch
from tracker.inbox.selectors import inbox_items_from
from tracker.people.vcard import Card

# What the times are read from: sent follow-ups (when the user last wrote) and those
# still to send (when next).
_TIMED = Q(status=FollowUpStatus.SENT, sent_at__isnull=False) | Q(
    status__in=OPEN_STATUSES, due_at__isnull=False
)
_Links = dict[int, set[int]]


def _keys(person: Contact) -> ContactKeys:
    return ContactKeys.of(name=person.name, email=person.email, company_id=person.company_id)


def _links(people: Iterable[int]) -> _Links:
    """Each person's applications, by id."""
    links: _Links = defaultdict(set)
    through = Contact.applications.through.objects.filter(contact_id__in=list(people))
    for contact_id, application_id in through.values_list("contact_id", "application_id"):
        links[contact_id].add(application_id)
    return links


def _theirs(person: Contact, links: _Links, followups: dict[int, list[FollowUp]]) -> list[FollowUp]:
    keys = _keys(person)
    return [
        f
        for application_id in links.get(person.pk, ())
        for f in followups.get(application_id, ())
        if contact_is_recipient(keys, name=f.recipient_name, email=f.recipient_email)
    ]


def people_with_times(people: Sequence[Contact]) -> Sequence[Contact]:
    """Sets on each person `last_contact_at` (the last follow-up to them marked sent),
    `next_touch_at` (when the next one still to send is due), None when there is none, and
    `keep_in_touch` (the user asked for a note every two to three months)."""
    links = _links(p.pk for p in people)
    timed = FollowUp.objects.filter(_TIMED, application_id__in=set().union(*links.values()))
    followups: dict[int, list[FollowUp]] = defaultdict(list)
    for followup in timed.only(
        "application_id", "recipient_name", "recipient_email", "status", "sent_at", "due_at"
    ):
        followups[followup.application_id].append(followup)
    keeping = set(
        KeepingInTouch.objects.filter(contact__in=[p.pk for p in people]).values_list(
            "contact_id", flat=True
        )
    )
    for person in people:
        # The user asked for a note to them every two to three months.
        person.keep_in_touch = person.pk in keeping  # type: ignore[attr-defined]
        theirs = _theirs(person, links, followups)
        sent = [f.sent_at for f in theirs if f.status == FollowUpStatus.SENT and f.sent_at]
        coming = [f.due_at for f in theirs if f.status in OPEN_STATUSES and f.due_at]
        person.last_contact_at = max(sent, default=None)  # type: ignore[attr-defined]
        person.next_touch_at = min(coming, default=None)  # type: ignore[attr-defined]
    return people


def _with_a_note_to_come(user: User) -> list[int]:
    """The ids of the user's people with a follow-up to them still to send."""
    people = list(Contact.objects.filter(owner=user).only("name", "email", "company_id"))
    people_with_times(people)
    return [p.pk for p in people if getattr(p, "next_touch_at", None) is not None]


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
    as the table's search is), `role` keeps one role, `due` those with a note to come.
    Their times are set on a page of them by people_with_times."""
    people = Contact.objects.filter(owner=user)
    for word in search_words(query):
        people = people.filter(
            Q(search_name__contains=word)
            | Q(email__icontains=word)
            | Q(company__search_name__contains=word)
        )
    if role:
        people = people.filter(role=role)
    if due:
        people = people.filter(pk__in=_with_a_note_to_come(user))
    return _loaded(people).order_by("name", "pk")


def person_get(*, user: User, pk: object) -> Contact:
    """One of the user's people, with their times, or a 404 (someone else's is a 404 too)."""
    person = get_owned_or_404(_loaded(Contact.objects.all()), user=user, pk=pk)
    people_with_times([person])
    return person


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
    keys = _keys(person)
    rejections = Rejection.objects.filter(application__in=person.applications.all())
    heard = [
        Heard(
            at=r.received_at,
            what=gettext("Rejection (%(channel)s)") % {"channel": r.get_channel_display()},
            subject=r.subject,
            text=r.message,
            application=r.application,
        )
        for r in rejections.select_related("application__company")
        if contact_is_recipient(keys, name=r.sender_name, email=r.sender_email)
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
    """Every follow-up to them on their applications (sent, to come, or closed), the
    latest first; those that needed no reply wrote to nobody."""
    keys = _keys(person)
    found = (
        FollowUp.objects.filter(application__in=person.applications.all())
        .exclude(status=FollowUpStatus.NOT_NEEDED)
        .select_related("application__company")
        .order_by("-due_at", "-id")
    )
    return [
        f
        for f in found
        if contact_is_recipient(keys, name=f.recipient_name, email=f.recipient_email)
    ]


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
