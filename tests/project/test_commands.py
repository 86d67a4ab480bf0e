"""The demo account `make run` relies on (the Redis check is in tests/core; `make bench`'s
own tests are in tests/bench)."""

from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import call_command

from tracker.accounts.models import User
from tracker.applications.models import Application, Rejection, Stage, StageChange
from tracker.applications.services import furthest_stage_of

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_demo_covers_every_stage_and_prints_its_login() -> None:
    output = _run("seed_demo", "--if-empty")

    demo = User.objects.get(username="demo")
    assert "Log in as demo / rebound-demo" in output
    assert demo.check_password("rebound-demo")
    stages = set(Application.objects.filter(owner=demo).values_list("stage", flat=True))
    assert stages == set(Stage.values)
    assert Rejection.objects.filter(application__owner=demo).exists()


def test_demo_histories_agree_with_their_applications() -> None:
    _run("seed_demo", "--applications", "60")

    for application in Application.objects.prefetch_related("history"):
        history = sorted(application.history.all(), key=lambda c: (c.at, c.pk))
        assert history[0].from_stage == ""
        assert history[-1].to_stage == application.stage
        assert application.furthest_stage == furthest_stage_of(c.to_stage for c in history)
        assert all(a.to_stage == b.from_stage for a, b in pairwise(history))


def test_the_demo_is_added_only_to_an_empty_database() -> None:
    _run("seed_demo", "--if-empty")
    before = StageChange.objects.count()

    output = _run("seed_demo", "--if-empty")

    assert "no demo data added" in output
    assert StageChange.objects.count() == before
