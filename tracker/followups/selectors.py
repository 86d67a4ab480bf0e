"""Every read of follow-ups that a page needs, scoped to one owner."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F, QuerySet

from tracker.accounts.models import User
from tracker.applications.models import Application, Contact, Stage
from tracker.core.clock import start_of_today, start_of_tomorrow
from tracker.core.mailto import mailto_url
from tracker.followups.kinds import Kind
from tracker.followups.models import (
    KIND_LABELS,
    LANGUAGE_CHOICES,
    OPEN_STATUSES,
    REJECTION_KINDS,
    FollowUp,
    FollowUpStatus,
    KeepingInTouch,
)

# Sent and "not needed" follow-ups pile up over a job search; the page shows the latest.
RECENT_LIMIT = 25
DRAFT_OPEN_AHEAD = timedelta(days=1)


@dataclass(frozen=True)
class FollowUpCard:
    """A follow-up as a card shows it: with its mail link and whether it is late."""

    followup: FollowUp
    mailto: str
    overdue: bool
    # Open and due within two days (a fresh rejection reply is due tomorrow): its draft
    # editor starts unfolded; check-ins weeks away stay folded.
    due_soon: bool
    # The languages the draft can be written in, each by its own name, for the switch.
    languages: tuple[tuple[str, str], ...] = tuple(LANGUAGE_CHOICES)


@dataclass(frozen=True)
class FollowUpSections:
    """The Follow-ups page, top to bottom: what needs doing first comes first."""

    overdue: list[FollowUpCard]
    today: list[FollowUpCard]
    upcoming: list[FollowUpCard]
    sent: list[FollowUpCard]
    not_needed: list[FollowUpCard]
    # True when older sent or "not needed" follow-ups exist beyond those listed.
    more_sent: bool
    more_not_needed: bool

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.today or self.upcoming or self.sent or self.not_needed)


@dataclass(frozen=True)
class FollowUpPanel:
    """The follow-ups of one application, for its page."""

    cards: list[FollowUpCard]
    # Rejected, and the worker has not proposed anything yet: the page waits for it.
    pending: bool
    # The two keep-in-touch notes are there, so the user may ask for more (or has).
    can_keep_in_touch: bool = False
    keeping_in_touch: bool = False


def followups_with_company() -> QuerySet[FollowUp]:
    """Follow-ups as a card shows them, with their application and its company."""
    return FollowUp.objects.select_related("application__company", "contact")


def followup_mailto(followup: FollowUp) -> str:
    """A mailto: link that opens the draft in the user's mail app (RFC 6068)."""
    return mailto_url(followup.recipient_email, subject=followup.subject, body=followup.body)


def followup_card(followup: FollowUp, *, now: datetime, zone: ZoneInfo) -> FollowUpCard:
    return _card(followup, start_of_today(now, zone), start_of_tomorrow(now, zone))


def _card(followup: FollowUp, day_start: datetime, tomorrow: datetime) -> FollowUpCard:
    due = followup.due_at
    return FollowUpCard(
        followup=followup,
        mailto=followup_mailto(followup),
        overdue=followup.is_open and due is not None and due < day_start,
        due_soon=followup.is_open and (due is None or due < tomorrow + DRAFT_OPEN_AHEAD),
    )


def _owned(user: User) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(application__owner=user).select_related(
        "application__company", "contact"
    )


def followup_skipped(*, user: User, pk: str | None) -> FollowUp | None:
    """The user's follow-up `pk` if it is skipped: the one the Follow-ups page offers to
    undo right after the skip (the page lists no skipped follow-ups of its own)."""
    if not pk or not pk.isdigit() or len(pk) > 18:
        return None
    return _owned(user).filter(pk=int(pk), status=FollowUpStatus.SKIPPED).first()


def followup_list(
    *, user: User, status: str = "", application: Application | None = None
) -> QuerySet[FollowUp]:
    """The user's follow-ups (the API's lists), soonest due first, those with no date last."""
    qs = _owned(user)
    if status:
        qs = qs.filter(status=status)
    if application is not None:
        qs = qs.filter(application=application)
    return qs.order_by(F("due_at").asc(nulls_last=True), "id")


def followup_sections(*, user: User, now: datetime) -> FollowUpSections:
    """The Follow-ups page in three queries, however many follow-ups there are."""
    day_start = start_of_today(now, user.zone)
    tomorrow = start_of_tomorrow(now, user.zone)
    overdue, today, upcoming = [], [], []
    for followup in _owned(user).filter(status__in=OPEN_STATUSES).order_by("due_at", "id"):
        card = _card(followup, day_start, tomorrow)
        if followup.due_at is None or day_start <= followup.due_at < tomorrow:
            today.append(card)
        elif followup.due_at < day_start:
            overdue.append(card)
        else:
            upcoming.append(card)
    sent = list(
        _owned(user)
        .filter(status=FollowUpStatus.SENT)
        .order_by("-sent_at", "-id")[: RECENT_LIMIT + 1]
    )
    not_needed = list(
        _owned(user)
        .filter(status=FollowUpStatus.NOT_NEEDED)
        .order_by("-created_at", "-id")[: RECENT_LIMIT + 1]
    )
    return FollowUpSections(
        overdue=overdue,
        today=today,
        upcoming=upcoming,
        sent=[_card(f, day_start, tomorrow) for f in sent[:RECENT_LIMIT]],
        not_needed=[_card(f, day_start, tomorrow) for f in not_needed[:RECENT_LIMIT]],
        more_sent=len(sent) > RECENT_LIMIT,
        more_not_needed=len(not_needed) > RECENT_LIMIT,
    )


# Open ones first, soonest due first; then what is done with, most recent first.
_PANEL_ORDER = {
    FollowUpStatus.PROPOSED: 0,
    FollowUpStatus.SNOOZED: 0,
    FollowUpStatus.NOT_NEEDED: 1,
    FollowUpStatus.SENT: 2,
    FollowUpStatus.SKIPPED: 3,
}


def application_followup_panel(
    *, application: Application, now: datetime, zone: ZoneInfo
) -> FollowUpPanel:
    """The application's follow-ups in one query; cancelled ones are left out."""
    followups = list(
        FollowUp.objects.filter(application=application)
        .exclude(status=FollowUpStatus.CANCELLED)
        .select_related("application__company", "contact")
        .order_by("due_at", "id")
    )
    followups.sort(key=lambda f: _PANEL_ORDER.get(FollowUpStatus(f.status), 4))
    day_start = start_of_today(now, zone)
    tomorrow = start_of_tomorrow(now, zone)
    return FollowUpPanel(
        cards=[_card(f, day_start, tomorrow) for f in followups],
        pending=application.stage == Stage.REJECTED and not followups,
        can_keep_in_touch=application.stage == Stage.REJECTED
        and any(f.kind == Kind.KEEP_IN_TOUCH for f in followups),
        keeping_in_touch=KeepingInTouch.objects.filter(application=application).exists(),
    )


def keeping_in_touch_with(*, contact: Contact) -> bool:
    """Whether the user asked for a note to this person every two to three months."""
    return KeepingInTouch.objects.filter(contact=contact).exists()


def followups_edited_open(*, application: Application) -> list[str]:
    """The open rejection drafts the user edited, by name ("Reply to the rejection"):
    what leaving Rejected would cancel, so the board asks first."""
    kinds = (
        FollowUp.objects.filter(
            application=application,
            kind__in=REJECTION_KINDS,
            status__in=OPEN_STATUSES,
            edited=True,
        )
        .order_by("kind", "sequence")
        .values_list("kind", flat=True)
    )
    return [str(KIND_LABELS[Kind(kind)]) for kind in dict.fromkeys(kinds)]
