"""Follow-ups beyond a rejection: nudges and ghost checks for applications gone quiet, and
thank-yous after interviews."""

from dataclasses import replace
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tracker.accounts.language import in_language_of
from tracker.applications.models import Application, Interview, Stage
from tracker.followups import rules
from tracker.followups.kinds import Kind
from tracker.followups.models import (
    OPEN_STATUSES,
    FollowUp,
)
from tracker.followups.rules import Proposal
from tracker.followups.services.keeping import followups_propose_linkedin
from tracker.followups.services.proposals import followup_store


def followups_propose_nudges(*, now: datetime | None = None) -> int:
    """Nudges, ghost checks and interview thank-yous that have come due; each made once."""
    now = now or timezone.now()
    created = 0

    def lacks(kind: str, sequence: int = 1) -> Q:
        siblings = FollowUp.objects.filter(application=OuterRef("pk"), kind=kind, sequence=sequence)
        return Q(~Exists(siblings))

    def quiet_since(delay: timedelta) -> Q:
        return Q(stage_changed_at__lte=now - delay)

    # Only applications that could still get something new: once an application has its
    # nudges and its ghost check, the sweep no longer looks at it.
    # Applied and screening: nudges while they are timely, then a ghost check.
    ghost_after = min(rules.GHOST_AFTER_APPLYING, rules.GHOST_AFTER_SCREENING)
    timely = ~quiet_since(max(rules.GHOST_AFTER_APPLYING, rules.GHOST_AFTER_SCREENING))
    applied = Q(stage__in=[Stage.APPLIED, Stage.SCREENING]) & (
        (quiet_since(rules.NUDGE_AFTER) & timely & lacks(Kind.APPLICATION_NUDGE, 1))
        | (quiet_since(rules.NUDGE_AFTER * 2) & timely & lacks(Kind.APPLICATION_NUDGE, 2))
        | (quiet_since(ghost_after) & lacks(Kind.GHOST_CHECK))
    )
    interviewing = (
        Q(stage=Stage.INTERVIEWING)
        & quiet_since(rules.GHOST_AFTER_INTERVIEW)
        & lacks(Kind.GHOST_CHECK)
    )
    quiet = Application.objects.filter(applied | interviewing).select_related("owner", "company")
    for application in quiet.iterator(chunk_size=500):
        with in_language_of(application.owner):
            created += _store_new(application, _quiet_proposals(application, now), now)
    return created + _propose_missing_thank_yous(now)


def _quiet_proposals(application: Application, now: datetime) -> list[Proposal]:
    """The nudges and the ghost check a quiet application may be due, their reasons in the
    active language."""
    zone = application.owner.zone
    proposals: list[Proposal] = []
    if application.stage in (Stage.APPLIED, Stage.SCREENING):
        proposals += rules.nudge_proposals(
            applied_at=application.stage_changed_at,
            now=now,
            zone=zone,
            stage=application.stage,
        )
    last_interview = (
        application.interviews.order_by("-scheduled_at")
        .values_list("scheduled_at", flat=True)
        .first()
    )
    moved = max(filter(None, [application.stage_changed_at, last_interview]))
    ghost = rules.ghost_check_proposal(
        stage=application.stage, last_movement_at=moved, now=now, zone=zone
    )
    if ghost is not None:
        proposals.append(ghost)
    return proposals


def _store_new(application: Application, proposals: list[Proposal], now: datetime) -> int:
    """Stores the proposals this application does not have yet (in any status).

    A second nudge waits until the user has dealt with the first: two "any news?" notes
    side by side would only nag.
    """
    made = 0
    for proposal in proposals:
        with transaction.atomic():
            mine = FollowUp.objects.filter(application=application, kind=proposal.kind)
            exists = mine.filter(sequence=proposal.sequence).exists()
            earlier_open = mine.filter(sequence__lt=proposal.sequence, status__in=OPEN_STATUSES)
            if not exists and not earlier_open.exists():
                followup_store(application=application, proposal=proposal, now=now)
                made += 1
    return made


def followup_propose_thank_you(*, interview: Interview, now: datetime | None = None) -> FollowUp:
    """The thank-you for one interview; an existing one (in any status) is kept."""
    now = now or timezone.now()
    application = interview.application
    with in_language_of(application.owner):
        proposal = rules.interview_thank_you_proposal(
            interview_at=interview.scheduled_at,
            interviewer_names=[c.name for c in interview.interviewers.all()],
            now=now,
            zone=application.owner.zone,
        )
    email = next((c.email for c in interview.interviewers.all() if c.email), "")
    if len(interview.interviewers.all()) == 1 and email:
        proposal = replace(proposal, recipient_email=email)
    thank_you = followup_store(
        application=application, proposal=proposal, now=now, interview=interview, replace=False
    )
    followups_propose_linkedin(interview=interview, now=now)
    return thank_you


def _propose_missing_thank_yous(now: datetime) -> int:
    """Interviews logged without the service (an import, the admin) still get their thanks."""
    recent = Interview.objects.filter(
        scheduled_at__gte=now - timedelta(days=1),
        scheduled_at__lte=now,
        application__stage__in=[Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER],
    ).exclude(followups__kind=Kind.INTERVIEW_THANK_YOU)
    made = 0
    for interview in recent.select_related("application__owner", "application__company"):
        with transaction.atomic():
            followup_propose_thank_you(interview=interview, now=now)
            made += 1
    return made
