"""The follow-ups a rejection or a move calls for: the jobs that ask the rules for them,
and storing each proposal with its draft and reminders."""

import gettext
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import cache

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from tracker.accounts.language import in_language_of
from tracker.accounts.selectors import user_identity
from tracker.applications.models import (
    ENDED_STAGES,
    Application,
    Contact,
    Interview,
    Rejection,
    Stage,
)
from tracker.core.dispatch import dispatch, dispatch_on_commit
from tracker.followups import rules
from tracker.followups.drafts import ENGLISH, Catalogue, DraftFacts, compose
from tracker.followups.kinds import Kind
from tracker.followups.models import (
    OPEN_STATUSES,
    REJECTION_KINDS,
    FollowUp,
    FollowUpStatus,
    ProposalJob,
    Reminder,
)
from tracker.followups.names import given_name
from tracker.followups.register import Voice, draft_voice
from tracker.followups.rules import Proposal
from tracker.followups.said import Said, read_said, their_subject
from tracker.followups.services.reminders import _notify_soon

# Moving on makes these moot: a nudge or a "still waiting?" about a stage you have left.
MOOT_WHEN_MOVED = (Kind.APPLICATION_NUDGE, Kind.GHOST_CHECK)


# The tasks, by name: tasks.py imports this module, so this one does not import it.
PROPOSE_TASK = "tracker.followups.tasks.propose_followups_task"


# Many applications' proposals at once (an import, the sweeper): one task per batch, on
# the bulk queue, so 20,000 rejected rows are 40 tasks that a single rejection never
# waits behind (it goes to the interactive queue as PROPOSE_TASK).
PROPOSE_BATCH_TASK = "tracker.followups.tasks.propose_followups_batch_task"


PROPOSAL_BATCH = 500


# A job not done this long after it was last sent is presumed lost (Redis was down).
JOB_REDISPATCH_AFTER = timedelta(minutes=2)


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
    # The reasons are written once, here, in the owner's language: the worker has no
    # request to take it from.
    with in_language_of(application.owner):
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
    contact: Contact | None = None,
) -> FollowUp:
    """Creates the follow-up a proposal describes, or replaces an unsent one in place.

    A draft the user edited keeps its subject and body; if the proposal says something
    else now, it is flagged stale and the user may rebuild it.
    """
    same = FollowUp.objects.filter(application=application, kind=proposal.kind)
    if contact is not None:
        same = same.filter(contact=contact)
    elif interview is not None:
        same = same.filter(interview=interview)
    else:
        same = same.filter(sequence=proposal.sequence)
    followup = same.first()
    if followup is not None and (followup.status == FollowUpStatus.SENT or not replace):
        return followup
    followup = followup or FollowUp(
        application=application,
        kind=proposal.kind,
        sequence=proposal.sequence,
        interview=interview,
        contact=contact,
    )
    with in_language_of(application.owner):
        facts, voice = _draft_facts(application, proposal, interview, followup.language)
        reason = draft_reason(proposal, voice)
    if followup.edited:
        followup.draft_stale = followup.draft_stale or _proposes_otherwise(
            followup, proposal, reason
        )
    else:
        draft = compose(facts, draft_catalogue(facts.language))
        followup.subject, followup.body = draft.subject, draft.body
        followup.written_in = facts.language
    followup.status = FollowUpStatus.PROPOSED if proposal.needed else FollowUpStatus.NOT_NEEDED
    followup.elements = [e.value for e in proposal.elements]
    followup.recipient_name = proposal.recipient_name
    followup.recipient_email = proposal.recipient_email
    followup.due_at = proposal.due_at
    followup.reason = reason
    followup.sent_at = None
    followup.save()
    told = _reminders_told(followup)
    _drop_unsent_reminders(followup)
    # A reminder already told (details saved again, a task delivered twice) is not told
    # twice: the user heard about this follow-up at that step.
    schedule = [(at, last) for at, last in _reminder_schedule(proposal) if last not in told]
    reminders = Reminder.objects.bulk_create(
        Reminder(followup=followup, remind_at=at, last_call=last) for at, last in schedule
    )
    due = [reminder for reminder in reminders if reminder.remind_at <= now]
    if due:
        _notify_soon(due)
    return followup


def _reminder_schedule(proposal: Proposal) -> list[tuple[datetime, bool]]:
    """The proposal's reminders, each with whether it is the last call: with two, the
    second is (rule 5's 48-hour one)."""
    last = len(proposal.reminders) - 1
    return [(at, i == last and i > 0) for i, at in enumerate(proposal.reminders)]


def _reminders_told(followup: FollowUp) -> set[bool]:
    """Which steps of the follow-up's reminders were told already: the first, the last."""
    return set(followup.reminders.exclude(sent_at=None).values_list("last_call", flat=True))


def _proposes_otherwise(followup: FollowUp, proposal: Proposal, reason: str) -> bool:
    return (
        followup.elements != [e.value for e in proposal.elements]
        or followup.recipient_name != proposal.recipient_name
        or followup.recipient_email != proposal.recipient_email
        or followup.reason != reason
    )


def draft_reason(proposal: Proposal, voice: Voice) -> str:
    """The rules' reason, and the language the draft is written in and why."""
    reason = proposal.reason
    if proposal.kind in (Kind.NONE, Kind.GHOST_CHECK):
        return reason
    return f"{reason} {voice.because}"


@cache
def draft_catalogue(language: str) -> Catalogue:
    """The words of a draft in `language`, from the compiled catalogue in locale/ (read once
    per process). Their own gettext domain, "drafts": the interface's "django" domain, should
    it be translated, is extracted by makemessages, which would drop words it finds no
    gettext call for. Read with gettext directly: USE_I18N is off (it costs every page)."""
    if language == "en":
        return ENGLISH
    return gettext.translation(
        "drafts", localedir=settings.BASE_DIR / "locale", languages=[language]
    )


def _draft_facts(
    application: Application, proposal: Proposal, interview: Interview | None, language: str = ""
) -> tuple[DraftFacts, Voice]:
    """What the draft is written from, and the voice it speaks in (`language` if the user
    chose one)."""
    if interview is not None:
        meetings = _meetings([interview])
    else:
        # Only rounds that had happened when the rejection (or the note) was written.
        until = application.stage_changed_at
        meetings = tuple(m for m in _meetings(application.interviews.all()) if m.at <= until)
    channel = letter = subject = ""
    said = Said()
    if proposal.kind in (Kind.REJECTION_REPLY, Kind.KEEP_IN_TOUCH):
        rejection = Rejection.objects.filter(application=application).first()
        if rejection is not None:
            channel = rejection.channel if proposal.kind == Kind.REJECTION_REPLY else ""
            letter = rejection.message
            subject = rejection.subject or their_subject(rejection.message)
            said = read_said(rejection.message)
            if proposal.sequence >= rules.FIRST_TOUCH_AGAIN and not _sent_it(rejection, proposal):
                # A later note may go to someone else: what the letter said is not theirs.
                said = Said()
    elif proposal.kind == Kind.LINKEDIN:
        rejection = Rejection.objects.filter(application=application).first()
        # Their letter, if one came, says the language; else the posting does.
        letter = rejection.message if rejection is not None else ""
    identity = user_identity(application.owner)
    posting = application.posting_text or strip_tags(application.description)
    voice = draft_voice(
        letter=letter,
        posting=posting[:3000],
        chosen=language,
        user_names=tuple(filter(None, (given_name(name) for name in identity.names))),
    )
    facts = DraftFacts(
        kind=proposal.kind,
        elements=proposal.elements,
        sequence=proposal.sequence,
        recipient_name=proposal.recipient_name,
        role=application.role,
        company=application.company.name,
        sender_name=identity.signing_name,
        channel=channel,
        door=proposal.door,
        team=proposal.team,
        when=proposal.when,
        late=proposal.late,
        meetings=meetings,
        zone=application.owner.zone,
        seed=application.pk,
        language=voice.language,
        formal=voice.formal,
        first_name=voice.first_name,
        their_subject=subject,
        said=said,
        notes=interview.notes if interview is not None else "",
        topic=proposal.topic,
        months=proposal.months,
    )
    return facts, voice


def _sent_it(rejection: Rejection, proposal: Proposal) -> bool:
    """Whether the rejection's sender is the proposal's reader."""
    return rules.person_key(rejection.sender_name, rejection.sender_email) == rules.person_key(
        proposal.recipient_name, proposal.recipient_email
    )


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
