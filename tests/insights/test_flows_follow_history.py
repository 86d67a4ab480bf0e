"""Insights' flows are the stage history, every application counted: random timelines made
through the services, with a spreadsheet imported beside them, draw exactly the moves
their histories hold, and an Offer node wherever the offer rate counts one."""

import csv
import io
from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_user
from tracker.accounts.models import User
from tracker.applications import services
from tracker.applications.models import (
    Application,
    ChangeSource,
    InterviewKind,
    Stage,
    StageChange,
)
from tracker.imports.models import ImportJob
from tracker.imports.tasks import import_applications_task
from tracker.insights import selectors as insights

pytestmark = pytest.mark.django_db

BEFORE_OFFER = (Stage.WISHLIST, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING)
IMPORTED = ["Applied", "Phone screen", "Interviewing", "Offer", "Accepted", "Rejected", "Ghosted"]


def _history_flows(user: User) -> Counter[tuple[str, str]]:
    """Each application's chain, link by link, as a diagram draws it: one sent in a stage
    past `applied` came from `applied`; an acceptance with no offer before it had one."""
    drawn: Counter[tuple[str, str]] = Counter()
    for application in Application.objects.filter(owner=user):
        rows = StageChange.objects.filter(application=application).order_by("at", "id")
        for row in rows:
            source, target = row.from_stage, row.to_stage
            if not source:
                if target in (Stage.WISHLIST, Stage.APPLIED):
                    continue
                source = Stage.APPLIED
            if target == Stage.ACCEPTED and source in BEFORE_OFFER:
                drawn[(source, Stage.OFFER)] += 1
                drawn[(Stage.OFFER, Stage.ACCEPTED)] += 1
            else:
                drawn[(source, target)] += 1
    return drawn


def _import(client: Client, statuses: list[str]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Company", "Job Title", "Status"])
    writer.writerows([f"Imported {i}", "Engineer", status] for i, status in enumerate(statuses))
    upload = SimpleUploadedFile("sheet.csv", out.getvalue().encode(), content_type="text/csv")
    assert client.post(reverse("import_upload"), {"file": upload}).status_code == 302
    job = ImportJob.objects.latest("pk")
    form = client.get(reverse("import_job", args=[job.pk])).context["form"]
    data = {bound.html_name: bound.value() for bound in form}
    data = {k: v for k, v in data.items() if v not in (None, False)}
    response = client.post(reverse("import_job", args=[job.pk]), {**data, "action": "import"})
    assert response.status_code == 302, response.content.decode()
    assert import_applications_task(job.pk) is True


STEP = st.one_of(
    st.tuples(st.just("drag"), st.sampled_from([s for s in Stage.values if s != "rejected"])),
    st.tuples(st.just("reject"), st.just("")),
    st.tuples(st.just("interview"), st.sampled_from(InterviewKind.values)),
)
TIMELINE = st.tuples(st.booleans(), st.lists(st.tuples(STEP, st.integers(0, 24 * 30)), max_size=5))


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    timelines=st.lists(TIMELINE, max_size=5),
    imported=st.lists(st.sampled_from(IMPORTED), max_size=6),
)
def test_the_flows_are_the_history_with_imports(
    db: None,
    timelines: list[tuple[bool, list[tuple[tuple[str, str], int]]]],
    imported: list[str],
) -> None:
    user = make_user(username=f"random-{User.objects.count()}")
    client = Client()
    client.force_login(user)
    if imported:
        _import(client, imported)
    for dated_start, steps in timelines:
        application = services.application_create(
            owner=user,
            company_name="Northwind",
            role="Engineer",
            applied_on=timezone.localdate() - timedelta(days=40) if dated_start else None,
        )
        for (kind, what), hours in steps:
            at = timezone.now() - timedelta(hours=hours)
            try:
                if kind == "drag":
                    services.application_change_stage(
                        application=application, to_stage=what, source=ChangeSource.BOARD
                    )
                elif kind == "reject":
                    services.application_reject(
                        application=application, source=ChangeSource.WEB, received_at=at
                    )
                else:
                    services.interview_create(application=application, scheduled_at=at, kind=what)
            except ValidationError:
                pass  # a refusal, naming what it contradicts: the timeline goes on

    flows = insights.insights_flows(user=user)
    drawn = {(f.source, f.target): f.count for f in flows.flows}
    expected = _history_flows(user)
    drawable = {pair: n for pair, n in expected.items() if insights._drawable(*pair)}
    assert drawn == drawable
    assert flows.left_out == sum(expected.values()) - sum(drawable.values())
    # The same in a date range that holds everything.
    wide = insights.insights_flows(
        user=user,
        applied_from=timezone.localdate() - timedelta(days=400),
        applied_to=timezone.localdate(),
    )
    assert wide == flows
    # Every application that went anywhere is in the diagram, and an offer shows.
    moved = Application.objects.filter(owner=user).exclude(
        stage__in=(Stage.APPLIED, Stage.WISHLIST),
        furthest_stage__in=(Stage.APPLIED, Stage.WISHLIST),
    )
    out_of_start = sum(n for (s, _t), n in drawn.items() if s in (Stage.APPLIED, Stage.WISHLIST))
    assert out_of_start >= moved.count()
    offered = insights.insights_rates(user=user).offers.count
    offer_drawn = any(Stage.OFFER in pair for pair in drawn)
    assert offered > 0 or not offer_drawn
    # (An offer reached only out of an outcome, say after a rejection, is a move left out.)
    assert offer_drawn or not offered or flows.left_out
