"""Reads of the inbox: the queue, its badge, what matching needs to know about applications."""

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop

from tracker import mail
from tracker.accounts.models import User
from tracker.applications.models import TERMINAL_STAGES, Application, Contact, Rejection
from tracker.inbox import matching
from tracker.inbox.evidence import evidences_said
from tracker.inbox.models import InboundMail, InboundStatus, InboxItem, ItemKind, ItemStatus

# The headline, whole, for each kind: with the application it matched, and without one.
HEADLINES = {
    ItemKind.REJECTION: (
        gettext_noop("Looks like a rejection from %(company)s for %(role)s"),
        gettext_noop("Looks like a rejection (no application matched)"),
    ),
    ItemKind.INTERVIEW_INVITATION: (
        gettext_noop("Looks like an interview invitation from %(company)s for %(role)s"),
        gettext_noop("Looks like an interview invitation (no application matched)"),
    ),
    ItemKind.OFFER: (
        gettext_noop("Looks like an offer from %(company)s for %(role)s"),
        gettext_noop("Looks like an offer (no application matched)"),
    ),
    ItemKind.OTHER: (
        gettext_noop("Looks like news about an application from %(company)s for %(role)s"),
        gettext_noop("Looks like news about an application (no application matched)"),
    ),
}
OTHER_HEADLINE = (
    gettext_noop("Looks like a message from %(company)s for %(role)s"),
    gettext_noop("Looks like a message (no application matched)"),
)
# Words in a list after the sender's name ("Dana Smith, hiring manager, personal email").
CHANNEL_WORDS = {
    "automated": gettext_noop("form letter"),
    "personal_email": gettext_noop("personal email"),
    "phone": gettext_noop("phone call"),
    "in_person": gettext_noop("in person"),
}
ROLE_WORDS = {
    "recruiter": gettext_noop("recruiter"),
    "hr": gettext_noop("HR"),
    "hiring_manager": gettext_noop("hiring manager"),
    "interviewer": gettext_noop("interviewer"),
}


def inbox_unreadable_count(*, user: User) -> int:
    """Messages that arrived and could not be read: said on the inbox page, never hidden."""
    return InboundMail.objects.filter(owner=user, status=InboundStatus.UNREADABLE).count()


def inbox_pending_count(*, user: User) -> int:
    return InboxItem.objects.filter(owner=user, status=ItemStatus.PENDING).count()


def inbox_items_pending(*, user: User) -> QuerySet[InboxItem]:
    """The queue, newest message first by the date it was sent (when it says one), not
    by when Rebound read it: a mailbox read for the first time brings old mail last."""
    return (
        InboxItem.objects.filter(owner=user, status=ItemStatus.PENDING)
        .select_related("application__company")
        .order_by(Coalesce("sent_at", "created_at").desc(), "-id")
    )


def inbox_items(*, user: User, status: str = "", kind: str = "") -> QuerySet[InboxItem]:
    """The user's items, newest first, of one status or kind if asked."""
    items = InboxItem.objects.filter(owner=user)
    if status:
        items = items.filter(status=status)
    if kind:
        items = items.filter(kind=kind)
    return items.order_by("-created_at", "-id")


def inbox_items_decided(*, user: User, limit: int = 20) -> list[InboxItem]:
    return list(
        InboxItem.objects.filter(owner=user)
        .exclude(status=ItemStatus.PENDING)
        .select_related("application__company")
        .order_by("-decided_at", "-id")[:limit]
    )


def inbox_subjects_seen(*, user: User, limit: int) -> list[str]:
    """Subjects of the user's newest job mail matched to an application."""
    return list(
        InboxItem.objects.filter(owner=user, application__isnull=False)
        .exclude(subject="")
        .order_by("-created_at")
        .values_list("subject", flat=True)[:limit]
    )


def inbox_item_get(*, user: User, pk: int) -> InboxItem:
    """The user's item; someone else's raises DoesNotExist (a 404 to the views)."""
    return InboxItem.objects.select_related("application__company").get(owner=user, pk=pk)


def item_why(item: InboxItem) -> list[str]:
    """Why the reader thinks what it does, then why this application: each reason once,
    however many of the reader's rules gave it, in the active language."""
    reasons = evidences_said([*item.because, *item.match_evidence])
    seen: set[str] = set()
    kept = []
    for reason in reasons:
        key = " ".join(str(reason).split()).casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(reason)
    return kept


def second_rejection_questions(items: list[InboxItem]) -> dict[int, str]:
    """For each pending rejection about an application already rejected, the question it
    asks ("Already rejected on 3 Dec by ...: replace it, or keep it as a note?")."""
    ids = {i.application_id for i in items if i.kind == ItemKind.REJECTION and i.application_id}
    rejections = {
        r.application_id: r
        for r in Rejection.objects.filter(application_id__in=ids).select_related(
            "application__owner"
        )
    }
    return {
        item.pk: already_rejected_question(rejections[item.application_id])
        for item in items
        if item.kind == ItemKind.REJECTION and item.application_id in rejections
    }


def application_mail_updates(*, owner_id: int, application_id: int) -> list[InboxItem]:
    """Job mail about the application that is none of a rejection, an invitation or an
    offer (a receipt, a take-home, a recruiter's note): its updates, newest first."""
    return list(
        InboxItem.objects.filter(
            owner_id=owner_id, application_id=application_id, kind=ItemKind.OTHER
        )
        .only("id", "subject", "from_name", "from_email", "sent_at", "created_at", "status")
        .order_by("-created_at")[:20]
    )


def already_rejected_question(rejection: Rejection) -> str:
    """ "Already rejected on 3 Dec by Dana Smith, hiring manager: replace it, or keep it as
    a note?" """
    zone = rejection.application.owner.zone
    when = date_format(rejection.received_at.astimezone(zone), "DAY_MONTH")
    who = [p for p in (rejection.sender_name or rejection.sender_email,) if p]
    if rejection.sender_role in ROLE_WORDS:
        who.append(gettext(ROLE_WORDS[rejection.sender_role]))
    if who:
        return gettext(
            "Already rejected on %(date)s by %(who)s: replace it, or keep it as a note?"
        ) % {"date": when, "who": ", ".join(who)}
    return gettext("Already rejected on %(date)s: replace it, or keep it as a note?") % {
        "date": when
    }


def item_headline(item: InboxItem) -> str:
    """ "Looks like a rejection from Hooli for Senior Platform Engineer — Dave Okafor,
    hiring manager, personal email"."""
    matched, unmatched = HEADLINES.get(ItemKind(item.kind), OTHER_HEADLINE)
    application = item.application
    if application is not None:
        what = gettext(matched) % {"company": application.company.name, "role": application.role}
    else:
        what = gettext(unmatched)
    who = [p for p in (item.sender_name or item.sender_email,) if p]
    if item.sender_role in ROLE_WORDS:
        who.append(gettext(ROLE_WORDS[item.sender_role]))
    if item.channel in CHANNEL_WORDS:
        who.append(gettext(CHANNEL_WORDS[item.channel]))
    return f"{what} \N{EM DASH} {', '.join(who)}" if who else what


def match_candidates(
    *, user: User
) -> tuple[list[matching.Candidate], dict[int, list[mail.KnownContact]]]:
    """The user's applications as matching sees them, and each one's contacts for the reader.

    Loaded once per poll (three queries), however many messages it reads.
    """
    threads: dict[int, list[str]] = {}
    for application_id, message_id in (
        InboxItem.objects.filter(owner=user, application__isnull=False)
        .exclude(message_id="")
        .values_list("application_id", "message_id")
    ):
        threads.setdefault(application_id, []).append(message_id)
    applications = (
        Application.objects.filter(owner=user)
        .select_related("company")
        .only("id", "role", "url", "stage", "company__name", "company__website")
        .prefetch_related(
            Prefetch("contacts", queryset=Contact.objects.only("id", "name", "email", "role"))
        )
    )
    candidates: list[matching.Candidate] = []
    contacts: dict[int, list[mail.KnownContact]] = {}
    for application in applications:
        people = list(application.contacts.all())
        candidates.append(
            matching.Candidate(
                id=application.pk,
                company=application.company.name,
                role=application.role,
                urls=tuple(u for u in (application.url, application.company.website) if u),
                contact_emails=tuple(c.email for c in people if c.email),
                thread_ids=tuple(threads.get(application.pk, ())),
                closed=application.stage in TERMINAL_STAGES,
            )
        )
        if people:
            contacts[application.pk] = [
                mail.KnownContact(name=c.name, email=c.email, role=c.role) for c in people
            ]
    return candidates, contacts


def inbox_items_from(*, user: User, email: str) -> QuerySet[InboxItem]:
    """The job mail that came from this address, the latest first. A confirmed rejection
    is left out: its text is the application's rejection now, shown as such."""
    if not email.strip():
        return InboxItem.objects.none()
    return (
        InboxItem.objects.filter(owner=user, sender_email__iexact=email.strip())
        .exclude(kind=ItemKind.REJECTION, status=ItemStatus.CONFIRMED)
        .select_related("application__company")
        .order_by(Coalesce("sent_at", "created_at").desc(), "-id")
    )
