"""Every write to follow-ups and their reminders happens here."""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tracker.accounts.selectors import user_identity
from tracker.applications.models import ENDED_STAGES, Application, Interview, Rejection, Stage
from tracker.core import dates
from tracker.core.dispatch import dispatch, dispatch_on_commit
from tracker.followups import kinds, notices, rules
from tracker.followups.drafts import DraftFacts, compose
from tracker.followups.kinds import Kind
from tracker.followups.models import (
    OPEN_STATUSES,
    REJECTION_KINDS,
    FollowUp,
    FollowUpStatus,
    ProposalJob,
    Reminder,
)
from tracker.followups.rules import Proposal

# Moving on makes these moot: a nudge or a "still waiting?" about a stage you have left.
MOOT_WHEN_MOVED = (Kind.APPLICATION_NUDGE, Kind.GHOST_CHECK)
# The tasks, by name: tasks.py imports this module, so this one does not import it.
PROPOSE_TASK = "tracker.followups.tasks.propose_followups_task"
# Many applications' proposals at once (an import, the sweeper): one task per batch, on
# the bulk queue, so 20,000 rejected rows are 40 tasks that a single rejection never
# waits behind (it goes to the interactive queue as PROPOSE_TASK).
PROPOSE_BATCH_TASK = "tracker.followups.tasks.propose_followups_batch_task"
PROPOSAL_BATCH = 500
REMINDERS_TASK = "tracker.followups.tasks.send_due_reminders_task"
# A job not done this long after it was last sent is presumed lost (Redis was down).
JOB_REDISPATCH_AFTER = timedelta(minutes=2)


# --- Proposing -------------------------------------------------------------------------


def followups_on_stage_change(*, application: Application, from_stage: str, to_stage: str) -> None:
    """Runs inside the stage change's transaction, whatever path made the change."""
    followups_cancel(application=application, kinds=MOOT_WHEN_MOVED)
    if to_stage in ENDED_STAGES:
        # It ended: a thank-you for an interview is moot.
        followups_cancel(application=application, kinds=(Kind.INTERVIEW_THANK_YOU,))
    if to_stage == Stage.REJECTED:
        proposal_job_request(application=application)
    elif from_stage == Stage.REJECTED:
        # Rule 7: a rejection undone takes its follow-ups with it.
        followups_cancel(application=application, kinds=REJECTION_KINDS, include_not_needed=True)


def proposal_job_request(*, application: Application) -> ProposalJob:
    """Records that this application's follow-ups need working out, and sends the work.

    Call inside the transaction that made them necessary: the job row commits with it,
    and the task is published only after the commit (or found by the sweeper).
    """
    job, _ = ProposalJob.objects.update_or_create(
        application=application, done_at=None, defaults={"dispatched_at": timezone.now()}
    )
    dispatch_on_commit(PROPOSE_TASK, job.pk)
    return job


def proposal_jobs_request(*, applications: Sequence[Application]) -> list[ProposalJob]:
    """proposal_job_request for many new applications at once (an import of thousands):
    one INSERT for all the jobs, one bulk task per PROPOSAL_BATCH of them after the commit.
    The applications must have no open job yet; new ones have none."""
    now = timezone.now()
    jobs = ProposalJob.objects.bulk_create(
        ProposalJob(application=a, requested_at=now, dispatched_at=now) for a in applications
    )
    ids = [job.pk for job in jobs]
    for start in range(0, len(ids), PROPOSAL_BATCH):
        dispatch_on_commit(PROPOSE_BATCH_TASK, ids[start : start + PROPOSAL_BATCH])
    return jobs


def proposal_jobs_redispatch(*, now: datetime | None = None, limit: int = 1000) -> int:
    """The sweeper: re-sends proposal jobs the broker lost; returns how many it sent.

    Safe to overlap with itself and with the worker: a run of a job is idempotent, and a
    job sent again is marked so that the next sweep leaves it alone for a while.
    """
    now = now or timezone.now()
    stale = now - JOB_REDISPATCH_AFTER
    jobs = ProposalJob.objects.filter(done_at=None, requested_at__lte=stale).exclude(
        dispatched_at__gt=stale
    )
    sent = 0
    ids = list(jobs.values_list("pk", flat=True)[:limit])
    # In batches on the bulk queue: what the broker lost may be a whole import's worth.
    for start in range(0, len(ids), PROPOSAL_BATCH):
        batch = ids[start : start + PROPOSAL_BATCH]
        ProposalJob.objects.filter(pk__in=batch).update(dispatched_at=timezone.now())
        if dispatch(PROPOSE_BATCH_TASK, batch):
            sent += len(batch)
    return sent


@transaction.atomic
def proposal_job_run(*, job_id: int) -> bool:
    """Works out the follow-ups for a job, once. False if another run already did it.

    The application row is locked first (as every stage change does), so a run and an
    edit of the rejection details never interleave; the job is then claimed by a
    conditional update, so a redelivered or duplicated task finds nothing to do.
    """
    application_id = (
        ProposalJob.objects.filter(pk=job_id).values_list("application_id", flat=True).first()
    )
    if application_id is None:
        return False
    application = (
        Application.objects.select_for_update()
        .select_related("owner", "company")
        .get(pk=application_id)
    )
    now = timezone.now()
    if not ProposalJob.objects.filter(pk=job_id, done_at=None).update(done_at=now):
        return False
    if application.stage == Stage.REJECTED:
        followups_propose_for_rejection(application=application, now=now)
    return True


def _rejection_facts(application: Application, now: datetime) -> rules.RejectionFacts:
    rejection = Rejection.objects.filter(application=application).first()
    if rejection is None:
        # Rejected without details (a bulk action, an import): a form letter until told.
        rejection = Rejection(received_at=application.stage_changed_at)
    sender_email = rejection.sender_email
    if not sender_email and rejection.sender_name:
        sender_email = _contact_email(application, rejection.sender_name)
    return rules.RejectionFacts(
        channel=rejection.channel,
        sender_role=rejection.sender_role,
        sender_name=rejection.sender_name,
        sender_email=sender_email,
        furthest_stage=application.furthest_stage,
        received_at=rejection.received_at,
        now=now,
        zone=application.owner.zone,
        message=rejection.message,
        company=application.company.name,
        meetings=_meetings(application.interviews.all()),
    )


def _meetings(interviews: Iterable[Interview]) -> tuple[rules.Meeting, ...]:
    """The logged interviews as the rules and drafts read them: round, time, people."""
    return tuple(
        rules.Meeting(
            kind=i.kind, at=i.scheduled_at, people=tuple(c.name for c in i.interviewers.all())
        )
        for i in sorted(interviews, key=lambda i: i.scheduled_at)
    )


def _contact_email(application: Application, name: str) -> str:
    """The email of the application's contact with this name, if the user logged one."""
    contact = application.contacts.filter(name__iexact=name.strip()).exclude(email="").first()
    return contact.email if contact else ""


def followups_propose_for_rejection(
    *, application: Application, now: datetime | None = None
) -> list[FollowUp]:
    """Applies the rules and stores their proposals, replacing unsent ones, keeping sent."""
    now = now or timezone.now()
    proposals = rules.rejection_proposals(_rejection_facts(application, now))
    stored = [followup_store(application=application, proposal=p, now=now) for p in proposals]
    wanted = {(p.kind, p.sequence) for p in proposals}
    stale = FollowUp.objects.filter(application=application, kind__in=REJECTION_KINDS).exclude(
        status=FollowUpStatus.SENT
    )
    for followup in stale:
        if (followup.kind, followup.sequence) in wanted:
            continue
        if followup.edited:
            # The user's words stay; the card says the new details may not need them.
            FollowUp.objects.filter(pk=followup.pk).update(draft_stale=True)
        else:
            _close(followup, FollowUpStatus.CANCELLED)
    return stored


def followup_store(
    *,
    application: Application,
    proposal: Proposal,
    now: datetime,
    interview: Interview | None = None,
    replace: bool = True,
) -> FollowUp:
    """Creates the follow-up a proposal describes, or replaces an unsent one in place.

    A draft the user edited keeps its subject and body; if the proposal says something
    else now, it is flagged stale and the user may rebuild it.
    """
    same = FollowUp.objects.filter(application=application, kind=proposal.kind)
    if interview is not None:
        same = same.filter(interview=interview)
    else:
        same = same.filter(sequence=proposal.sequence)
    followup = same.first()
    if followup is not None and (followup.status == FollowUpStatus.SENT or not replace):
        return followup
    followup = followup or FollowUp(
        application=application, kind=proposal.kind, sequence=proposal.sequence, interview=interview
    )
    if followup.edited:
        followup.draft_stale = followup.draft_stale or _proposes_otherwise(followup, proposal)
    else:
        draft = compose(_draft_facts(application, proposal, interview))
        followup.subject, followup.body = draft.subject, draft.body
    followup.status = FollowUpStatus.PROPOSED if proposal.needed else FollowUpStatus.NOT_NEEDED
    followup.elements = [e.value for e in proposal.elements]
    followup.recipient_name = proposal.recipient_name
    followup.recipient_email = proposal.recipient_email
    followup.due_at = proposal.due_at
    followup.reason = proposal.reason
    followup.sent_at = None
    followup.save()
    _drop_unsent_reminders(followup)
    last = len(proposal.reminders) - 1
    Reminder.objects.bulk_create(
        # With two reminders, the second is the last call (rule 5's 48-hour one).
        Reminder(followup=followup, remind_at=at, last_call=(i == last and i > 0))
        for i, at in enumerate(proposal.reminders)
    )
    if any(at <= now for at in proposal.reminders):
        _notify_soon()
    return followup


def _proposes_otherwise(followup: FollowUp, proposal: Proposal) -> bool:
    return (
        followup.elements != [e.value for e in proposal.elements]
        or followup.recipient_name != proposal.recipient_name
        or followup.recipient_email != proposal.recipient_email
        or followup.reason != proposal.reason
    )


def _draft_facts(
    application: Application, proposal: Proposal, interview: Interview | None
) -> DraftFacts:
    if interview is not None:
        meetings = _meetings([interview])
    else:
        # Only rounds that had happened when the rejection (or the note) was written.
        until = application.stage_changed_at
        meetings = tuple(m for m in _meetings(application.interviews.all()) if m.at <= until)
    channel = ""
    if proposal.kind == Kind.REJECTION_REPLY:
        channel = (
            Rejection.objects.filter(application=application)
            .values_list("channel", flat=True)
            .first()
        ) or ""
    return DraftFacts(
        kind=proposal.kind,
        elements=proposal.elements,
        sequence=proposal.sequence,
        recipient_name=proposal.recipient_name,
        role=application.role,
        company=application.company.name,
        sender_name=user_identity(application.owner).signing_name,
        channel=channel,
        door=proposal.door,
        team=proposal.team,
        when=proposal.when,
        late=proposal.late,
        meetings=meetings,
        zone=application.owner.zone,
        seed=application.pk,
    )


def _notify_soon() -> None:
    """Something is already due: sweep reminders right after this commit, not in a minute."""
    dispatch_on_commit(REMINDERS_TASK)


def followups_cancel(
    *, application: Application, kinds: Iterable[str], include_not_needed: bool = False
) -> int:
    statuses = [*OPEN_STATUSES, *([FollowUpStatus.NOT_NEEDED] if include_not_needed else [])]
    cancelled = 0
    for followup in FollowUp.objects.filter(
        application=application, kind__in=list(kinds), status__in=statuses
    ):
        _close(followup, FollowUpStatus.CANCELLED)
        cancelled += 1
    return cancelled


def _drop_unsent_reminders(followup: FollowUp) -> None:
    followup.reminders.filter(sent_at=None).delete()


def _close(followup: FollowUp, status: str, *, at: datetime | None = None) -> None:
    followup.status = status
    followup.sent_at = at if status == FollowUpStatus.SENT else None
    followup.save(update_fields=["status", "sent_at", "updated_at"])
    # Nothing fires for a follow-up that is done with.
    _drop_unsent_reminders(followup)


# --- What the user does with a follow-up -----------------------------------------------


def _require_open(followup: FollowUp, action: str) -> None:
    if not followup.is_open:
        raise ValidationError(
            {"status": f"Cannot {action} a follow-up that is {followup.get_status_display()}."}
        )


@transaction.atomic
def followup_update_draft(*, followup: FollowUp, subject: str, body: str) -> FollowUp:
    _require_open(followup, "edit")
    subject, body = subject.strip(), body.strip()
    if (subject, body) != (followup.subject, followup.body):
        # The user's words from now on: new rejection details will not overwrite them.
        followup.edited = True
    followup.subject = subject
    followup.body = body
    followup.full_clean(exclude=["application", "interview"])
    followup.save(update_fields=["subject", "body", "edited", "updated_at"])
    return followup


@transaction.atomic
def followup_rebuild_draft(*, followup: FollowUp, now: datetime | None = None) -> FollowUp:
    """Rebuilds the draft from today's facts, replacing the user's edits (they asked)."""
    _require_open(followup, "rebuild")
    now = now or timezone.now()
    application = followup.application
    proposal = _current_proposal(followup, now)
    draft = compose(_draft_facts(application, proposal, followup.interview))
    followup.subject, followup.body = draft.subject, draft.body
    followup.elements = [e.value for e in proposal.elements]
    followup.recipient_name = proposal.recipient_name
    followup.recipient_email = proposal.recipient_email
    followup.reason = proposal.reason
    followup.edited = followup.draft_stale = False
    followup.save()
    return followup


def _current_proposal(followup: FollowUp, now: datetime) -> Proposal:
    """What the rules propose for this follow-up now; its own stored choices otherwise."""
    application = followup.application
    if followup.kind in REJECTION_KINDS and application.stage == Stage.REJECTED:
        for proposal in rules.rejection_proposals(_rejection_facts(application, now)):
            if (proposal.kind, proposal.sequence) == (followup.kind, followup.sequence):
                return proposal
    return Proposal(
        Kind(followup.kind),
        followup.reason,
        due_at=followup.due_at,
        sequence=followup.sequence,
        elements=tuple(kinds.Element(e) for e in followup.elements),
        recipient_name=followup.recipient_name,
        recipient_email=followup.recipient_email,
    )


@transaction.atomic
def followup_mark_sent(*, followup: FollowUp, at: datetime | None = None) -> FollowUp:
    _require_open(followup, "mark as sent")
    _close(followup, FollowUpStatus.SENT, at=at or timezone.now())
    return followup


@transaction.atomic
def followup_skip(*, followup: FollowUp) -> FollowUp:
    _require_open(followup, "skip")
    _close(followup, FollowUpStatus.SKIPPED)
    return followup


@transaction.atomic
def followup_unskip(*, followup: FollowUp, now: datetime | None = None) -> FollowUp:
    """Undoes a skip: the follow-up is open again, reminded when it falls due."""
    if followup.status != FollowUpStatus.SKIPPED:
        raise ValidationError(
            {"status": f"Only a skipped follow-up can be restored; this one is "
             f"{followup.get_status_display()}."}
        )  # fmt: skip
    application = followup.application
    if followup.kind in REJECTION_KINDS and application.stage != Stage.REJECTED:
        raise ValidationError(
            {"status": "The application is no longer rejected, so this follow-up is moot."}
        )
    now = now or timezone.now()
    followup.status = FollowUpStatus.PROPOSED
    followup.save(update_fields=["status", "updated_at"])
    if followup.due_at is not None and followup.due_at > now:
        at = rules.remind_at(followup.due_at, now=now, zone=application.owner.zone)
        Reminder.objects.create(followup=followup, remind_at=at)
    return followup


@transaction.atomic
def followup_snooze(*, followup: FollowUp, until: datetime) -> FollowUp:
    _require_open(followup, "snooze")
    if until <= timezone.now():
        raise ValidationError({"until": "Snooze until a moment in the future."})
    try:
        dates.check_future_moment(until)
    except ValidationError as exc:
        raise ValidationError({"until": exc.messages}) from exc
    followup.status = FollowUpStatus.SNOOZED
    followup.due_at = until
    followup.save(update_fields=["status", "due_at", "updated_at"])
    _drop_unsent_reminders(followup)
    Reminder.objects.create(followup=followup, remind_at=until, last_call=True)
    return followup


@transaction.atomic
def followups_stop_keeping_in_touch(*, application: Application) -> int:
    """Rule 6: the user says stop; no more check-ins for this application."""
    return followups_cancel(application=application, kinds=(Kind.KEEP_IN_TOUCH,))


# --- Reminders -------------------------------------------------------------------------

REMINDER_BATCH = 500


def reminders_send_due(*, now: datetime | None = None, batch: int = REMINDER_BATCH) -> int:
    """Turns due reminders into notifications, each exactly once; returns how many.

    Each batch is claimed by one conditional UPDATE (`sent_at IS NULL` → now), so two
    sweepers running at once split the work instead of doubling it; the notifications
    are written in the claim's transaction, so a crash in between loses nothing.
    """
    now = now or timezone.now()
    total = 0
    while True:
        with transaction.atomic():
            due = list(
                Reminder.objects.filter(
                    sent_at=None, remind_at__lte=now, followup__status__in=OPEN_STATUSES
                )
                .order_by("remind_at")
                .values_list("pk", flat=True)[:batch]
            )
            if not due:
                return total
            claim = uuid.uuid4()
            # The claim: only rows still unsent are ours; a row another sweeper took is not.
            Reminder.objects.filter(pk__in=due, sent_at=None).update(
                sent_at=timezone.now(), claim=claim
            )
            mine = Reminder.objects.filter(claim=claim).select_related(
                "followup__application__company", "followup__application__owner"
            )
            total += notices.reminders_notify(list(mine))


# --- Beyond rejection ------------------------------------------------------------------


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
        created += _store_new(application, proposals, now)
    return created + _propose_missing_thank_yous(now)


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
    proposal = rules.interview_thank_you_proposal(
        interview_at=interview.scheduled_at,
        interviewer_names=[c.name for c in interview.interviewers.all()],
        now=now,
        zone=application.owner.zone,
    )
    email = next((c.email for c in interview.interviewers.all() if c.email), "")
    if len(interview.interviewers.all()) == 1 and email:
        proposal = replace(proposal, recipient_email=email)
    return followup_store(
        application=application, proposal=proposal, now=now, interview=interview, replace=False
    )


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
