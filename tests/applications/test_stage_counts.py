"""The tallies the board, the table and insights read are kept by the database (triggers
on the applications and the stage history, applications/tally_triggers.py): whatever
writes, and however, they always equal a count of the rows themselves."""

import contextlib
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications import selectors, services
from tracker.applications.demo import demo_seed
from tracker.applications.models import (
    UNDATED,
    Application,
    ApplicationTally,
    ChangeSource,
    Company,
    MoveTally,
    Stage,
    StageChange,
)

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


# (stage, furthest stage, date applied) -> applications; (from, to) -> moves.
Tallies = tuple[dict[tuple[str, str, date], int], dict[tuple[str, str], int]]


def _tallies(user: User) -> Tallies:
    """The user's two tallies, leaving out keys that came to nought."""
    applications = {
        (t.stage, t.furthest_stage, t.applied_on): t.applications
        for t in ApplicationTally.objects.filter(owner=user)
        if t.applications
    }
    moves = {
        (t.from_stage, t.to_stage): t.moves for t in MoveTally.objects.filter(owner=user) if t.moves
    }
    return applications, moves


def _counted(user: User) -> Tallies:
    """The same, counted from the rows."""
    applications = {
        (stage, furthest, applied_on or UNDATED): n
        for stage, furthest, applied_on, n in Application.objects.filter(owner=user)
        .values("stage", "furthest_stage", "applied_on")
        .annotate(n=Count("*"))
        .values_list("stage", "furthest_stage", "applied_on", "n")
        .order_by()
    }
    moves = {
        (source, target): n
        for source, target, n in StageChange.objects.filter(owner=user)
        .values("from_stage", "to_stage")
        .annotate(n=Count("*"))
        .values_list("from_stage", "to_stage", "n")
        .order_by()
    }
    return applications, moves


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
        assert _tallies(user) == _counted(user)
    assert _tallies(other) == _counted(other)


def test_bulk_inserts_deletes_and_a_change_of_owner_are_counted(alice: User, bob: User) -> None:
    demo_seed(owner=alice, count=40, with_people=False)
    assert selectors.application_stage_counts(user=alice) == _recount(alice)

    Application.objects.filter(owner=alice, stage=Stage.APPLIED).delete()
    moved = Application.objects.filter(owner=alice, stage=Stage.REJECTED)
    company = Company.named(owner=bob, name="Acme")
    company.save()
    moved.update(owner=bob, company=company)

    StageChange.objects.filter(application__owner=bob).update(owner=bob)
    StageChange.objects.filter(owner=alice, from_stage="").delete()

    assert selectors.application_stage_counts(user=alice) == _recount(alice)
    assert selectors.application_stage_counts(user=bob) == _recount(bob)
    assert _recount(bob)[Stage.REJECTED] > 0
    assert _tallies(alice) == _counted(alice)
    assert _tallies(bob) == _counted(bob)


def test_deleting_every_application_leaves_every_count_at_nought(alice: User) -> None:
    for stage in (Stage.APPLIED, Stage.WISHLIST, Stage.APPLIED):
        application_for(alice, stage=stage)
    Application.objects.filter(owner=alice).delete()

    tallies = ApplicationTally.objects.filter(owner=alice).values_list("applications", flat=True)
    assert set(tallies) == {0}
    assert sum(selectors.application_stage_counts(user=alice).values()) == 0


def test_rows_deleted_after_their_tallies_write_no_new_tally(alice: User, bob: User) -> None:
    """A flush deletes table after table, the tallies perhaps first: the rows that go after
    them must not write tallies of -1 (for a user a flush is about to delete)."""
    demo_seed(owner=alice, count=20, with_people=False)
    demo_seed(owner=bob, count=5, with_people=False)
    ApplicationTally.objects.filter(owner=alice).delete()
    MoveTally.objects.filter(owner=alice).delete()
    StageChange.objects.filter(owner=alice).delete()
    Application.objects.filter(owner=alice).delete()
    assert not ApplicationTally.objects.filter(owner=alice).exists()
    assert not MoveTally.objects.filter(owner=alice).exists()
    assert _tallies(bob) == _counted(bob)


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_a_database_with_tallies(alice: User) -> None:
    """What every test that commits does after itself (and what `manage.py flush` does)."""
    demo_seed(owner=alice, count=20, with_people=False)
    call_command("flush", interactive=False, verbosity=0)
    assert not ApplicationTally.objects.exists()
    assert not MoveTally.objects.exists()


def test_a_redated_or_dated_application_moves_between_tallies(alice: User) -> None:
    undated = application_for(alice, stage=Stage.WISHLIST)
    assert _tallies(alice) == _counted(alice)
    services.application_update(application=undated, applied_on=timezone.localdate())
    assert _tallies(alice) == _counted(alice)
    assert ApplicationTally.objects.get(owner=alice, applications=1).applied_on != UNDATED


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


def test_every_tally_trigger_survives_the_migrations() -> None:
    """Django remakes a SQLite table for some changes of a field (copy, drop, rename),
    which drops the triggers it knows nothing of. Should a later migration do that to the
    applications or the stage history, this fails: write the triggers again after it
    (tally_triggers.write)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        found = {name for (name,) in cursor.fetchall()}
    expected = {
        f"applications_{tally}_{event}"
        for tally in ("applicationtally", "movetally")
        for event in ("insert", "delete", "update")
    }
    assert expected <= found
