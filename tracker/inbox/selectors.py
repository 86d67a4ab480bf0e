"""Reads of the inbox: the queue, its badge, what matching needs to know about applications."""

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Coalesce

from tracker import mail
from tracker.accounts.models import User
from tracker.applications.models import TERMINAL_STAGES, Application, Contact, Rejection
from tracker.inbox import matching
from tracker.inbox.models import InboundMail, InboundStatus, InboxItem, ItemKind, ItemStatus

KIND_WORDS = {
    ItemKind.REJECTION: "a rejection",
    ItemKind.INTERVIEW_INVITATION: "an interview invitation",
    ItemKind.OFFER: "an offer",
    ItemKind.OTHER: "news about an application",
}
CHANNEL_WORDS = {
    "automated": "form letter",
    "personal_email": "personal email",
    "phone": "phone call",
    "in_person": "in person",
}
ROLE_WORDS = {
    "recruiter": "recruiter",
    "hr": "HR",
    "hiring_manager": "hiring manager",
    "interviewer": "interviewer",
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
    however many of the reader's rules gave it."""
    reasons = [*item.because, *item.match_evidence]
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


def application_mail_updates(*, user: User, application_id: int) -> list[InboxItem]:
    """Job mail about the application that is none of a rejection, an invitation or an
    offer (a receipt, a take-home, a recruiter's note): its updates, newest first."""
    return list(
        InboxItem.objects.filter(owner=user, application_id=application_id, kind=ItemKind.OTHER)
        .only("id", "subject", "from_name", "from_email", "sent_at", "created_at", "status")
        .order_by("-created_at")[:20]
    )


def already_rejected_question(rejection: Rejection) -> str:
    """ "Already rejected on 3 Dec by Dana Smith, hiring manager: replace it, or keep it as
    a note?" """
    zone = rejection.application.owner.zone
    when = rejection.received_at.astimezone(zone)
    who = [p for p in (rejection.sender_name or rejection.sender_email,) if p]
    if rejection.sender_role in ROLE_WORDS:
        who.append(ROLE_WORDS[rejection.sender_role])
    by = f" by {', '.join(who)}" if who else ""
    return f"Already rejected on {when.day} {when:%b}{by}: replace it, or keep it as a note?"


def item_headline(item: InboxItem) -> str:
    """ "Looks like a rejection from Hooli for Senior Platform Engineer — Dave Okafor,
    hiring manager, personal email"."""
    what = KIND_WORDS.get(ItemKind(item.kind), "a message")
    application = item.application
    if application is not None:
        where = f" from {application.company.name} for {application.role}"
    else:
        where = " (no application matched)"
    who = [p for p in (item.sender_name or item.sender_email,) if p]
    if item.sender_role in ROLE_WORDS:
        who.append(ROLE_WORDS[item.sender_role])
    if item.channel in CHANNEL_WORDS:
        who.append(CHANNEL_WORDS[item.channel])
    tail = f" \N{EM DASH} {', '.join(who)}" if who else ""
    return f"Looks like {what}{where}{tail}"


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
