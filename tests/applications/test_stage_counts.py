"""The stage counts the board and the table show are kept by the database (triggers on
the applications table, migration 0012): whatever writes applications, and however,
they always equal a count of the applications themselves."""

import contextlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import selectors, services
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application, ChangeSource, Company, Stage, StageCount

pytestmark = pytest.mark.django_db

ONWARD = [Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.GHOSTED, Stage.WITHDRAWN]


def _recount(user: User) -> dict[str, int]:
    counts = dict.fromkeys(Stage.values, 0)
    rows = (
        Application.objects.filter(owner=user)
        .values("stage")
        .annotate(n=Count("*"))
        .values_list("stage", "n")
        .order_by()
    )
    counts.update(rows)
    return counts


def _delete_then_fail(application: Application) -> None:
    with transaction.atomic():
        services.application_delete(application=application)
        raise RuntimeError("rolled back")


operations = st.lists(
    st.tuples(
        st.sampled_from(["create", "move", "reject", "delete", "bulk", "bulk_delete", "undo"]),
        st.integers(0, 50),
        st.sampled_from(ONWARD),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=operations)
def test_the_counts_equal_a_recount_whatever_writes(steps: list[tuple[str, int, str]]) -> None:
    user = User.objects.create_user(username=f"counted-{User.objects.count()}")
    other = User.objects.create_user(username=f"other-{User.objects.count()}")
    application_for(other)  # someone else's, never in the user's counts
    for operation, pick, stage in steps:
        mine = list(Application.objects.filter(owner=user).order_by("id"))
        chosen = mine[pick % len(mine)] if mine else None
        if operation == "create" or chosen is None:
            application_for(user, company=f"Company {pick}", stage=stage if pick % 3 else "applied")
        elif operation == "move":
            with contextlib.suppress(ValidationError):  # (a move it refuses)
                services.application_change_stage(
                    application=chosen, to_stage=stage, source=ChangeSource.WEB
                )
        elif operation == "reject":
            services.application_reject(application=chosen, source=ChangeSource.WEB)
        elif operation == "delete":
            services.application_delete(application=chosen)
        elif operation == "bulk":
            services.applications_bulk_change_stage(
                owner=user, ids=[a.pk for a in mine[: pick % 4 + 1]], to_stage=Stage.GHOSTED
            )
        elif operation == "bulk_delete":
            services.applications_bulk_delete(owner=user, ids=[a.pk for a in mine[: pick % 3 + 1]])
        elif operation == "undo":
            # A transaction that fails leaves the counts as they were.
            with pytest.raises(RuntimeError):
                _delete_then_fail(chosen)
        assert selectors.application_stage_counts(user=user) == _recount(user)
    assert selectors.application_stage_counts(user=other) == _recount(other)


def test_bulk_inserts_deletes_and_a_change_of_owner_are_counted(alice: User, bob: User) -> None:
    demo_seed(owner=alice, count=40, with_people=False)
    assert selectors.application_stage_counts(user=alice) == _recount(alice)

    Application.objects.filter(owner=alice, stage=Stage.APPLIED).delete()
    moved = Application.objects.filter(owner=alice, stage=Stage.REJECTED)
    company = Company.named(owner=bob, name="Acme")
    company.save()
    moved.update(owner=bob, company=company)

    assert selectors.application_stage_counts(user=alice) == _recount(alice)
    assert selectors.application_stage_counts(user=bob) == _recount(bob)
    assert _recount(bob)[Stage.REJECTED] > 0


def test_deleting_every_application_leaves_every_count_at_nought(alice: User) -> None:
    for stage in (Stage.APPLIED, Stage.WISHLIST, Stage.APPLIED):
        application_for(alice, stage=stage)
    Application.objects.filter(owner=alice).delete()

    assert set(StageCount.objects.filter(owner=alice).values_list("applications", flat=True)) == {0}
    assert sum(selectors.application_stage_counts(user=alice).values()) == 0


def test_the_counts_are_one_small_query(
    alice: User, django_assert_num_queries: pytest.FixtureRequest
) -> None:
    demo_seed(owner=alice, count=30, with_people=False)
    with django_assert_num_queries(1):  # type: ignore[operator]
        counts = selectors.application_stage_counts(user=alice)
    assert list(counts) == Stage.values
    assert sum(counts.values()) == 30


def test_an_edit_that_keeps_the_stage_changes_no_count(alice: User) -> None:
    application = application_for(alice)
    before = selectors.application_stage_counts(user=alice)
    services.application_update(
        application=application, role="Staff Engineer", applied_on=timezone.localdate()
    )
    application.save()  # a full save writes the stage too, unchanged
    assert selectors.application_stage_counts(user=alice) == before
    assert timezone.now() - application.created_at < timedelta(minutes=1)
