"""Keeping in touch after the two notes, for as long as the user wants, and the LinkedIn
step after an interview. The rules (when, to whom, about what) are rules.next_touch and
rules.linkedin_proposal; this stores what they propose."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext

from tracker.accounts.language import in_language_of
from tracker.accounts.models import User
from tracker.applications.models import Application, Contact, Interview, Rejection, Stage
from tracker.followups import rules, vocabulary
from tracker.followups.kinds import Kind
from tracker.followups.models import (
    OPEN_STATUSES,
    FollowUp,
    FollowUpStatus,
    KeepingInTouch,
)
from tracker.followups.rules import NoteState, Person, Proposal
from tracker.followups.said import read_said
from tracker.followups.services.proposals import _close, _meetings, followup_store
from tracker.mail.vocabulary import RejectionChannel, SenderRole

# The beat sweep proposes a LinkedIn step for interviews this recent: one logged weeks
# late is no moment for an invitation "after we met".
LINKEDIN_WITHIN = timedelta(days=14)

_DONE = (FollowUpStatus.SENT, FollowUpStatus.SKIPPED)
# What rules.Note is read from.
_NOTE_FIELDS = (
    "sequence", "recipient_name", "recipient_email", "status", "due_at", "sent_at", "updated_at",
)  # fmt: skip


def keeping_start(
    *,
    user: User,
    application: Application | None = None,
    contact: Contact | None = None,
    now: datetime | None = None,
) -> KeepingInTouch:
    """The user's yes, for an application or a person; the next note is proposed at once
    when the two notes are already behind, so its date shows straight away."""
    if (application is None) == (contact is None):
        raise ValidationError(gettext("Keep in touch for one application or one person."))
    owner = application.owner_id if application is not None else contact.owner_id  # type: ignore[union-attr]
    if owner != user.pk:
        raise ValidationError(gettext("Not yours."))
    with transaction.atomic():
        keeping, _ = KeepingInTouch.objects.get_or_create(
            owner=user, application=application, contact=contact
        )
    followup_propose_next_touch(keeping=keeping, now=now)
    return keeping


@transaction.atomic
def keeping_stop(
    *, user: User, application: Application | None = None, contact: Contact | None = None
) -> int:
    """The one click that stops it: the wish goes, and the notes it proposed that are
    still to send are cancelled. The first two notes stay: they were never opted into."""
    wishes = KeepingInTouch.objects.filter(owner=user)
    if application is not None:
        wishes.filter(application=application).delete()
        notes = FollowUp.objects.filter(application=application)
    elif contact is not None:
        wishes.filter(contact=contact).delete()
        notes = FollowUp.objects.filter(application__in=contact.applications.all())
    else:
        return 0
    later = notes.filter(
        kind=Kind.KEEP_IN_TOUCH,
        sequence__gte=rules.FIRST_TOUCH_AGAIN,
        status__in=OPEN_STATUSES,
    )
    if contact is not None:
        key = rules.person_key(contact.name, contact.email)
        later = later.filter(pk__in=[f.pk for f in later if _key(f) == key])
    stopped = 0
    for followup in later:
        _close(followup, FollowUpStatus.CANCELLED)
        stopped += 1
    return stopped


def _key(followup: FollowUp) -> str:
    return rules.person_key(followup.recipient_name, followup.recipient_email)


def followups_propose_next_touches(*, now: datetime | None = None) -> int:
    """The beat sweep: for every wish to keep in touch, the next note once the one before
    it was sent or skipped. Safe to run twice: a note is one of its kind and sequence."""
    now = now or timezone.now()
    made = 0
    # Only wishes that could bring a note now, so a sweep a minute stays cheap however many
    # there are: an application still rejected, its second note or a later one done with
    # and none waiting; a person on a rejected application.
    notes = FollowUp.objects.filter(application=OuterRef("application"), kind=Kind.KEEP_IN_TOUCH)
    ready = (
        Q(application__stage=Stage.REJECTED)
        & Exists(notes.filter(sequence__gte=rules.FIRST_TOUCH_AGAIN - 1, status__in=_DONE))
        & ~Exists(notes.filter(status__in=OPEN_STATUSES))
    )
    person = Q(application__isnull=True, contact__applications__stage=Stage.REJECTED)
    wishes = (
        KeepingInTouch.objects.filter(ready | person)
        .distinct()
        .select_related("application__owner", "contact__owner")
    )
    for keeping in wishes.iterator(chunk_size=500):
        made += followup_propose_next_touch(keeping=keeping, now=now) is not None
    return made


def followup_propose_next_touch(
    *, keeping: KeepingInTouch, now: datetime | None = None
) -> FollowUp | None:
    """The next note the rules propose for this wish, stored; None when none is due yet."""
    now = now or timezone.now()
    if keeping.application is not None:
        candidates = [keeping.application]
        only = ""
    elif keeping.contact is not None:
        person = keeping.contact
        candidates = list(
            person.applications.filter(
                stage=Stage.REJECTED, furthest_stage__in=vocabulary.INTERVIEW_STAGES
            ).order_by("-stage_changed_at", "-pk")
        )
        only = rules.person_key(person.name, person.email)
    else:
        return None
    for application in candidates:
        if application.stage != Stage.REJECTED:
            continue
        with in_language_of(application.owner):
            proposal = rules.next_touch(_touch_facts(application, only=only, now=now))
        if proposal is None:
            continue
        try:
            with transaction.atomic():
                return followup_store(application=application, proposal=proposal, now=now)
        except IntegrityError:
            # Another sweep stored the same note first.
            return None
    return None


def _touch_facts(application: Application, *, only: str, now: datetime) -> rules.TouchFacts:
    notes = FollowUp.objects.filter(application=application, kind=Kind.KEEP_IN_TOUCH)
    rejection = Rejection.objects.filter(application=application).first()
    owner = application.owner
    # The user's other notes that still matter: open ones, and those done lately.
    recent = Q(status__in=OPEN_STATUSES) | Q(updated_at__gte=now - rules.TOUCH_AGAIN_LATEST)
    elsewhere = (
        FollowUp.objects.filter(recent, application__owner=owner, kind=Kind.KEEP_IN_TOUCH)
        .exclude(application=application)
        .only(*_NOTE_FIELDS)
    )
    until = application.stage_changed_at
    meetings = tuple(m for m in _meetings(application.interviews.all()) if m.at <= until)
    since = min([m.at for m in meetings] or [rejection.received_at if rejection else until])
    return rules.TouchFacts(
        notes=tuple(_note(f) for f in notes),
        people=_people(application, rejection),
        meetings=meetings,
        role=application.role,
        since=since,
        now=now,
        zone=owner.zone,
        seed=application.pk,
        only=only,
        elsewhere=tuple(_note(f) for f in elsewhere),
    )


def _note(followup: FollowUp) -> rules.Note:
    if followup.status in OPEN_STATUSES:
        state = NoteState.OPEN
    elif followup.status in _DONE:
        state = NoteState.DONE
    else:
        state = NoteState.STOPPED
    done = followup.sent_at or (followup.updated_at if state is NoteState.DONE else None)
    return rules.Note(
        sequence=followup.sequence,
        to=_key(followup),
        state=state,
        due_at=followup.due_at,
        done_at=done,
    )


def _people(application: Application, rejection: Rejection | None) -> tuple[Person, ...]:
    """Who on the application the user could write to: the rejection's sender, if a person
    wrote, and the application's contacts; each once, those who wrote marked so."""
    # The addresses the inbox kept job mail from, for this application: they wrote too.
    mail = application.inbox_items.values_list("from_email", "sender_email")
    wrote = {email.strip().lower() for pair in mail for email in pair if email.strip()}
    people: dict[str, Person] = {}
    personal = rejection is not None and rejection.channel != RejectionChannel.AUTOMATED
    if rejection is not None and personal and rejection.sender_name.strip():
        key = rules.person_key(rejection.sender_name, rejection.sender_email)
        people[key] = Person(
            name=rejection.sender_name,
            email=rejection.sender_email,
            role=rejection.sender_role,
            wrote=True,
            said=read_said(rejection.message),
        )
    for contact in application.contacts.all():
        key = rules.person_key(contact.name, contact.email)
        known = people.get(key)
        if known is not None:
            # The letter's sender, known on the application too: the contact says the
            # role when the letter did not.
            role = contact.role if known.role == SenderRole.UNKNOWN else known.role
            people[key] = Person(
                name=known.name, email=known.email or contact.email, role=role,
                wrote=True, said=known.said,
            )  # fmt: skip
            continue
        people[key] = Person(
            name=contact.name,
            email=contact.email,
            role=contact.role,
            wrote=bool(contact.email) and contact.email.lower() in wrote,
        )
    return tuple(people.values())


def touch_proposal(followup: FollowUp, now: datetime) -> Proposal | None:
    """What the rules would write for a later note already stored (to rebuild its draft):
    the same reader, due date and sequence, from today's facts."""
    if followup.kind != Kind.KEEP_IN_TOUCH or followup.sequence < rules.FIRST_TOUCH_AGAIN:
        return None
    application = followup.application
    facts = _touch_facts(application, only="", now=now)
    key = _key(followup)
    reader = next(
        (p for p in facts.people if rules.person_key(p.name, p.email) == key),
        Person(name=followup.recipient_name, email=followup.recipient_email),
    )
    due = followup.due_at or now
    with in_language_of(application.owner):
        return rules.touch_again(facts, reader=reader, sequence=followup.sequence, due_at=due)


# The LinkedIn step.


def followups_propose_linkedin_steps(*, now: datetime | None = None) -> int:
    """The beat sweep: interviews that have happened, of users who want the step, each
    person met gets one reminder to connect (once, whatever the applications)."""
    now = now or timezone.now()
    # Someone met at the interview who has no step yet.
    unmet = Interview.interviewers.through.objects.filter(interview_id=OuterRef("pk")).exclude(
        contact__followups__kind=Kind.LINKEDIN
    )
    interviews = Interview.objects.filter(
        Exists(unmet),
        scheduled_at__gte=now - LINKEDIN_WITHIN,
        scheduled_at__lte=now,
        application__owner__linkedin_step=True,
    ).select_related("application__owner", "application__company")
    return sum(len(followups_propose_linkedin(interview=i, now=now)) for i in interviews)


def followups_propose_linkedin(
    *, interview: Interview, now: datetime | None = None
) -> list[FollowUp]:
    """A reminder to connect with each person met at `interview` who has none yet, if the
    user turned the step on; nothing for an interview still to come."""
    now = now or timezone.now()
    application = interview.application
    owner = application.owner
    if not owner.linkedin_step or interview.scheduled_at > now:
        return []
    made = []
    for person in interview.interviewers.all():
        if FollowUp.objects.filter(kind=Kind.LINKEDIN, contact=person).exists():
            continue
        with in_language_of(owner):
            proposal = rules.linkedin_proposal(
                interview_at=interview.scheduled_at,
                name=person.name,
                email=person.email,
                now=now,
                zone=owner.zone,
            )
        try:
            with transaction.atomic():
                made.append(
                    followup_store(
                        application=application,
                        proposal=proposal,
                        now=now,
                        interview=interview,
                        contact=person,
                        replace=False,
                    )
                )
        except IntegrityError:
            continue  # Another run made this person's step first.
    return made
