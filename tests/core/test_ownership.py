"""get_owned_or_404: yours, or a 404 like a missing one, never someone else's."""

import pytest
from django.http import Http404

from tests.factories import application_for
from tracker.accounts.models import User
from tracker.applications.models import Application
from tracker.core.ownership import get_owned_or_404
from tracker.followups.models import FollowUp

pytestmark = pytest.mark.django_db


def test_it_returns_alices_object_to_alice(alice: User) -> None:
    application = application_for(alice)

    assert get_owned_or_404(Application, user=alice, pk=application.pk) == application


def test_bob_gets_a_404_for_alices_object(alice: User, bob: User) -> None:
    application = application_for(alice)

    with pytest.raises(Http404) as raised:
        get_owned_or_404(Application, user=bob, pk=application.pk)

    assert str(raised.value) == "No such application."


def test_a_missing_object_is_the_same_404(bob: User) -> None:
    with pytest.raises(Http404) as raised:
        get_owned_or_404(Application, user=bob, pk=987654)

    assert str(raised.value) == "No such application."


@pytest.mark.parametrize("pk", ["abc", None, "1; DROP TABLE"])
def test_a_pk_of_the_wrong_shape_names_nothing(alice: User, pk: object) -> None:
    with pytest.raises(Http404):
        get_owned_or_404(Application, user=alice, pk=pk)


def test_the_owner_may_sit_behind_a_relation_and_the_queryset_narrow_it(
    alice: User, bob: User
) -> None:
    application = application_for(alice)
    followup = FollowUp.objects.create(
        application=application, kind="application_nudge", reason="r"
    )
    queryset = FollowUp.objects.filter(status="proposed").select_related("application")

    found = get_owned_or_404(queryset, user=alice, pk=followup.pk, owner_field="application__owner")
    assert found == followup
    with pytest.raises(Http404):
        get_owned_or_404(queryset, user=bob, pk=followup.pk, owner_field="application__owner")
    FollowUp.objects.filter(pk=followup.pk).update(status="sent")
    with pytest.raises(Http404):
        get_owned_or_404(queryset, user=alice, pk=followup.pk, owner_field="application__owner")
