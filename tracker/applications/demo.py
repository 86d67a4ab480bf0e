"""Realistic sample data: the demo account of `make run` and the data behind benchmarks.

Rows are built in memory and bulk-inserted, so 100,000 applications take seconds, not hours.
Histories are what the stage-change service would have written, just without its per-row cost.
"""

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications.models import (
    Application,
    ChangeSource,
    Company,
    Contact,
    ContactRole,
    Interview,
    InterviewKind,
    Rejection,
    Source,
    Stage,
    StageChange,
)
from tracker.applications.search import search_fold
from tracker.applications.services import contact_from_rejection, furthest_stage_of
from tracker.mail.vocabulary import RejectionChannel, SenderRole

COMPANIES = [
    "Northwind Analytics", "Bluefin Robotics", "Copperleaf Health", "Juniper Labs",
    "Harbor & Hale", "Quillstone", "Meridian Freight", "Lumen Energy", "Atlas Paycheck",
    "Fernbrook Games", "Tidewater Bank", "Orchid Security", "Pinecone Studio", "Kestrel Maps",
    "Saltmarsh Foods", "Brightline Transit", "Cobalt Cloud", "Wrenfield Press", "Sable Insurance",
    "Marigold Retail", "Ironbark Logistics", "Halcyon Travel", "Nimbus Weather", "Driftwood Media",
]  # fmt: skip
ROLES = [
    "Backend Engineer", "Senior Python Developer", "Data Analyst", "Product Designer",
    "Platform Engineer", "Engineering Manager", "Site Reliability Engineer", "Frontend Developer",
    "Machine Learning Engineer", "Technical Writer", "QA Engineer", "Full-Stack Developer",
]  # fmt: skip
LOCATIONS = ["Remote", "Berlin", "Lisbon", "London (hybrid)", "Amsterdam", "Remote (EU)", "Paris"]
FIRST_NAMES = ["Dana", "Priya", "Tomás", "Mei", "Jonas", "Amara", "Lukas", "Sofia", "Kwame"]
LAST_NAMES = ["Smith", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Rossi", "Novak", "Haddad"]

# Where applications end up, and how often: most go nowhere, a few go far.
PATHS: list[tuple[list[str], int]] = [
    ([Stage.WISHLIST], 6),
    ([Stage.APPLIED], 22),
    ([Stage.APPLIED, Stage.SCREENING], 8),
    ([Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING], 7),
    ([Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER], 2),
    ([Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.ACCEPTED], 1),
    ([Stage.APPLIED, Stage.REJECTED], 24),
    ([Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.REJECTED], 8),
    ([Stage.APPLIED, Stage.SCREENING, Stage.WITHDRAWN], 3),
    ([Stage.APPLIED, Stage.GHOSTED], 19),
]
BATCH = 2_000
# Looked up once: a Choices class builds its list of values on every access.
SOURCES = Source.values
INTERVIEW_KINDS = InterviewKind.values


@dataclass
class Plan:
    company: str
    role: str
    stages: list[str]
    times: list[datetime]


def _plans(rng: random.Random, count: int, now: datetime) -> Iterator[Plan]:
    paths = [path for path, _ in PATHS]
    weights = [weight for _, weight in PATHS]
    for i in range(count):
        # The first few cover every path, so even a tiny demo shows every stage.
        path = paths[i] if i < len(paths) else rng.choices(paths, weights)[0]
        # Walk back from the last move (hours to months ago) through gaps of days. The
        # first interview-stage rejection is today's, so the demo has a reply to write.
        fresh = i == len(paths) - 3
        last = now - (
            timedelta(hours=3)
            if fresh
            else timedelta(days=rng.randint(0, 120), hours=rng.randint(2, 20))
        )
        times = [last]
        for _ in path[1:]:
            times.insert(0, times[0] - timedelta(days=rng.randint(2, 14), hours=rng.randint(0, 8)))
        yield Plan(rng.choice(COMPANIES), rng.choice(ROLES), path, times)


def _companies(owner: User, names: list[str]) -> dict[str, Company]:
    existing = {c.name: c for c in Company.objects.filter(owner=owner, name__in=names)}
    missing = [Company.named(owner=owner, name=n) for n in names if n not in existing]
    Company.objects.bulk_create(missing)
    return {c.name: c for c in Company.objects.filter(owner=owner, name__in=names)}


@transaction.atomic
def _folded(**fields: Any) -> Application:
    """A new application, its search text set as the services would."""
    application = Application(**fields)
    application.fold_for_search()
    return application


def demo_seed(*, owner: User, count: int, seed: int = 7, with_people: bool = True) -> int:
    """Adds `count` applications with histories to `owner`; returns how many were added."""
    rng = random.Random(seed)
    now = timezone.now()
    companies = _companies(owner, COMPANIES)
    plans = list(_plans(rng, count, now))
    for start in range(0, len(plans), BATCH):
        chunk = plans[start : start + BATCH]
        applications = Application.objects.bulk_create(
            [
                _folded(
                    owner=owner,
                    company=companies[p.company],
                    role=p.role,
                    location=rng.choice(LOCATIONS),
                    source=rng.choice(SOURCES),
                    applied_on=None if p.stages[0] == Stage.WISHLIST else p.times[0].date(),
                    stage=p.stages[-1],
                    stage_changed_at=p.times[-1],
                    furthest_stage=furthest_stage_of(p.stages),
                    salary_min=(low := rng.choice([None, 50_000, 60_000, 70_000])),
                    salary_max=None if low is None else low + rng.choice([5_000, 15_000]),
                    salary_currency="" if low is None else "EUR",
                )
                for p in chunk
            ]
        )
        _insert(
            StageChange,
            (
                {
                    "application_id": app.pk,
                    "owner_id": owner.pk,
                    "from_stage": p.stages[i - 1] if i else "",
                    "to_stage": stage,
                    "at": p.times[i],
                    "source": ChangeSource.WEB,
                }
                for app, p in zip(applications, chunk, strict=True)
                for i, stage in enumerate(p.stages)
            ),
        )
        _insert(
            Interview,
            (
                {
                    "application_id": app.pk,
                    "scheduled_at": p.times[p.stages.index(Stage.INTERVIEWING)],
                    "kind": rng.choice(INTERVIEW_KINDS),
                }
                for app, p in zip(applications, chunk, strict=True)
                if Stage.INTERVIEWING in p.stages
            ),
        )
        _insert(
            Rejection,
            (
                _rejection(rng, app, p)
                for app, p in zip(applications, chunk, strict=True)
                if p.stages[-1] == Stage.REJECTED
            ),
        )
        if with_people:
            _contacts(rng, owner, applications, chunk)
    return len(plans)


# Rows per INSERT: well within SQLite's and PostgreSQL's limits on parameters.
INSERT_ROWS = 500


def _insert(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> None:
    """What `bulk_create` stores, for rows whose ids nobody needs back, in a few INSERTs.

    At 100,000 applications, building a model instance and compiling an INSERT for each of
    the 350,000 history, interview and rejection rows was most of the seeding time. Fields
    left out get their default, as a new instance would; `auto_now` ones the time now.
    """
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]

    def value(field: models.Field[Any, Any], row: dict[str, Any]) -> Any:
        if field.attname in row:
            found = row[field.attname]
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            found = timezone.now()
        else:
            found = field.get_default()
        return field.get_db_prep_save(found, connection)

    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) VALUES ".format(
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    )
    one = "({})".format(", ".join(["%s"] * len(fields)))
    values = [[value(f, row) for f in fields] for row in rows]
    # Many rows to a statement, not a statement per row: the tallies' triggers run once
    # per statement on PostgreSQL (tally_triggers.py).
    with connection.cursor() as cursor:
        for start in range(0, len(values), INSERT_ROWS):
            chunk = values[start : start + INSERT_ROWS]
            cursor.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])


def _rejection(rng: random.Random, application: Application, plan: Plan) -> dict[str, Any]:
    if Stage.INTERVIEWING in plan.stages:
        return {
            "application_id": application.pk,
            "received_at": plan.times[-1],
            "channel": RejectionChannel.PERSONAL_EMAIL,
            "sender_role": SenderRole.HIRING_MANAGER,
            "sender_name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "message": "Thank you for the time you spent with the team. We have decided to "
            "move forward with another candidate whose experience is closer to what we need now.",
        }
    return {
        "application_id": application.pk,
        "received_at": plan.times[-1],
        "channel": RejectionChannel.AUTOMATED,
        "message": "Due to the high volume of applications, we will not be moving forward. "
        "We will keep your resume on file.",
    }


def _contacts(
    rng: random.Random, owner: User, applications: list[Application], plans: list[Plan]
) -> None:
    # One contact a person (an address is one person): a recruiter met again at the same
    # company is the same contact, on both applications.
    known = {c.email.lower(): c for c in Contact.objects.filter(owner=owner).exclude(email="")}
    for application, plan in zip(applications, plans, strict=True):
        if Stage.SCREENING not in plan.stages:
            continue
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        domain = application.company.name.split()[0].lower()
        # An address takes no accent (Tomás writes as tomas@), or it would not validate
        # when a later letter from the same person updates the contact.
        email = f"{search_fold(first)}@{domain}.example"
        contact = known.get(email)
        if contact is None:
            contact = known[email] = Contact.objects.create(
                owner=owner,
                company=application.company,
                name=f"{first} {last}",
                search_name=search_fold(f"{first} {last}"),
                email=email,
                role=ContactRole.RECRUITER,
            )
        contact.applications.add(application)
        for interview in application.interviews.all():
            interview.interviewers.add(contact)
    # Whoever wrote a personal rejection is one of the people, as on every other path.
    personal = Rejection.objects.filter(application__in=applications).exclude(
        channel=RejectionChannel.AUTOMATED
    )
    for rejection in personal.select_related("application__company", "application__owner"):
        contact_from_rejection(
            application=rejection.application,
            channel=rejection.channel,
            role=rejection.sender_role,
            name=rejection.sender_name,
            email=rejection.sender_email,
        )
