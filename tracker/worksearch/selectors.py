"""Every read of the work-search log, scoped to one user."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications.models import Application, Contact, ContactRole, Interview, Stage
from tracker.core.clock import start_of_local_day
from tracker.followups.models import FollowUp, FollowUpStatus
from tracker.worksearch import layouts
from tracker.worksearch import log as worklog
from tracker.worksearch.models import Activity, LogSettings
from tracker.worksearch.vocabulary import ActivityKind, Layout

# Whom to name for an application that has several contacts: who decides first.
_CONTACT_ORDER = [
    ContactRole.HIRING_MANAGER,
    ContactRole.RECRUITER,
    ContactRole.HR,
    ContactRole.INTERVIEWER,
    ContactRole.OTHER,
]


def log_settings(*, user: User) -> LogSettings:
    """The user's settings, or the defaults (unsaved) until they choose any."""
    found = LogSettings.objects.filter(user=user).first()
    return found if found is not None else LogSettings(user=user)


def activity_list(*, user: User) -> QuerySet[Activity]:
    return Activity.objects.filter(owner=user)


def activities_between(*, user: User, start: date, end: date) -> QuerySet[Activity]:
    return activity_list(user=user).filter(date__range=(start, end))


@dataclass(frozen=True)
class WorkSearchLog:
    log: worklog.Log
    sheet: layouts.Sheet


def work_search_log(
    *,
    user: User,
    start: date,
    end: date,
    layout: Layout | None = None,
    now: datetime | None = None,
) -> WorkSearchLog:
    """The log of the period in the user's chosen layout (or `layout`), with its weeks
    counted in the user's time zone from the day that layout's weeks start on. What has
    not happened yet by `now` (an interview ahead) is not proof of anything: left out."""
    settings = log_settings(user=user)
    layout = layout or Layout(settings.layout)
    zone = user.zone
    # The moments of the user's first and last day, wherever they live.
    since = start_of_local_day(start, zone)
    until = start_of_local_day(end + timedelta(days=1), zone)
    facts: dict[int, worklog.ApplicationFacts] = {}

    def application(app: Application) -> worklog.ApplicationFacts:
        if app.pk not in facts:
            facts[app.pk] = _application_facts(app)
        return facts[app.pk]

    contacts = Prefetch("contacts", queryset=Contact.objects.order_by("id"))
    applications = (
        Application.objects.filter(owner=user, applied_on__range=(start, end))
        .exclude(stage=Stage.WISHLIST)
        .select_related("company")
        .prefetch_related(contacts)
    )
    interviews = (
        Interview.objects.filter(
            application__owner=user,
            scheduled_at__gte=since,
            scheduled_at__lt=min(until, now or timezone.now()),
        )
        .select_related("application__company")
        .prefetch_related(
            Prefetch("interviewers", queryset=Contact.objects.order_by("id")),
            Prefetch("application__contacts", queryset=Contact.objects.order_by("id")),
        )
    )
    followups = (
        FollowUp.objects.filter(
            application__owner=user,
            status=FollowUpStatus.SENT,
            sent_at__gte=since,
            sent_at__lt=until,
        )
        .select_related("application__company")
        .prefetch_related(
            Prefetch("application__contacts", queryset=Contact.objects.order_by("id"))
        )
    )
    built = worklog.build_log(
        start=start,
        end=end,
        zone=zone,
        target=settings.weekly_target,
        week_starts_on=layouts.WORDS[layout].week_starts_on,
        applications=[application(a) for a in applications],
        interviews=[
            worklog.InterviewFacts(
                at=i.scheduled_at,
                kind=i.kind,
                application=application(i.application),
                interviewers=tuple(c.name for c in i.interviewers.all()),
            )
            for i in interviews
        ],
        followups=[
            worklog.FollowUpFacts(
                sent_at=f.sent_at,
                application=application(f.application),
                recipient=f.recipient_name,
            )
            for f in followups
            if f.sent_at is not None
        ],
        activities=[
            _activity_facts(a) for a in activities_between(user=user, start=start, end=end)
        ],
    )
    sheet = layouts.sheet(
        built, layout=layout, name=user.display_name, reference=settings.reference
    )
    return WorkSearchLog(log=built, sheet=sheet)


def _application_facts(app: Application) -> worklog.ApplicationFacts:
    company = app.company
    return worklog.ApplicationFacts(
        id=app.pk,
        # An interview or follow-up of an application never sent carries its own date.
        applied_on=app.applied_on or date.min,
        employer=worklog.Employer(
            name=company.name,
            address=company.address,
            phone=company.phone,
            # The posting says where the user applied when the company's site is unknown.
            website=company.website or app.url,
            id=company.pk,
        ),
        position=app.role,
        source=app.source,
        stage=app.stage,
        contact=_first_contact(app.contacts.all()),
    )


def _first_contact(contacts: Iterable[Contact]) -> str:
    ranked = sorted(contacts, key=lambda c: _CONTACT_ORDER.index(ContactRole(c.role)))
    return ranked[0].name if ranked else ""


def _activity_facts(activity: Activity) -> worklog.ActivityFacts:
    return worklog.ActivityFacts(
        id=activity.pk,
        date=activity.date,
        kind=ActivityKind(activity.kind),
        description=activity.description,
        employer=activity.employer,
        contact=activity.contact,
        duration_minutes=activity.duration_minutes,
    )
