"""notify(): any room tells a user the same way, once per (dedupe_key, channel)."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction

from tracker.accounts.models import User
from tracker.core import dispatch as dispatch_module
from tracker.notifications import services
from tracker.notifications.models import Channel, DeliveryStatus, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...]]]:
    """Tasks sent to the broker (the outside boundary, recorded instead)."""
    sent: list[tuple[str, tuple[Any, ...]]] = []

    def record(task: Any, *args: Any) -> bool:
        sent.append((task if isinstance(task, str) else task.name, args))
        return True

    monkeypatch.setattr(dispatch_module, "dispatch", record)
    return sent


@pytest.fixture
def tell(django_capture_on_commit_callbacks: Any) -> Callable[..., None]:
    """notify() as a room calls it, inside its transaction, the commit's work run after."""

    def _tell(user: User, key: str = "rejection-email:1", **fields: Any) -> None:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            services.notify(
                user=user,
                title="A rejection arrived",
                body="From Acme, for Backend Engineer.",
                link="/applications/1/",
                dedupe_key=key,
                **fields,
            )

    return _tell


def test_it_tells_in_the_app_and_on_each_channel_the_user_chose(
    alice: User, published: list[tuple[str, tuple[Any, ...]]], tell: Callable[..., None]
) -> None:
    alice.webhook_url = "https://hooks.example.org/rebound"
    alice.save()

    tell(alice)

    rows = {n.channel: n for n in Notification.objects.filter(user=alice)}
    assert set(rows) == {Channel.IN_APP, Channel.EMAIL, Channel.WEBHOOK}
    assert rows[Channel.IN_APP].status == DeliveryStatus.DELIVERED
    assert rows[Channel.EMAIL].status == DeliveryStatus.PENDING
    assert rows[Channel.IN_APP].link == "/applications/1/"
    assert sorted(args for _, args in published) == sorted(
        [(rows[Channel.EMAIL].pk,), (rows[Channel.WEBHOOK].pk,)]
    )
    assert {name for name, _ in published} == {services.DELIVER_TASK}


def test_telling_the_same_key_twice_reaches_each_channel_once(
    alice: User, published: list[tuple[str, tuple[Any, ...]]], tell: Callable[..., None]
) -> None:
    tell(alice)
    email = Notification.objects.get(user=alice, channel=Channel.EMAIL)
    services.notification_deliver(notification_id=email.pk)

    tell(alice)

    assert sorted(Notification.objects.values_list("channel", flat=True)) == [
        Channel.EMAIL,
        Channel.IN_APP,
    ]
    # The delivered email is not sent again.
    assert [args for _, args in published] == [(email.pk,)]


def test_a_new_key_is_a_new_notice(
    alice: User, published: list[Any], tell: Callable[..., None]
) -> None:
    tell(alice, key="rejection-email:1")
    tell(alice, key="rejection-email:2")

    assert Notification.objects.filter(user=alice, channel=Channel.IN_APP).count() == 2


def test_a_channel_turned_off_is_not_used(
    alice: User, published: list[Any], tell: Callable[..., None]
) -> None:
    alice.email_reminders = False
    alice.save()

    tell(alice)

    assert list(Notification.objects.values_list("channel", flat=True)) == [Channel.IN_APP]
    assert published == []


def test_nothing_is_told_when_the_transaction_that_decided_rolls_back(
    alice: User, published: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    def decide_then_fail() -> None:
        with transaction.atomic():
            services.notify(user=alice, title="Never", dedupe_key="rolled-back:1")
            raise RuntimeError("the change that decided failed")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        decide_then_fail()

    assert not Notification.objects.exists()
    assert callbacks == []
    assert published == []


def test_an_overlong_title_is_cut_and_extras_are_kept(
    alice: User, published: list[Any], tell: Callable[..., None]
) -> None:
    tell(alice, data={"event": "rejection", "application": 1})
    services.notify(user=alice, title="x" * 1000, dedupe_key="long:1")

    long = Notification.objects.get(dedupe_key="long:1", channel=Channel.IN_APP)
    assert len(long.title) == 300
    told = Notification.objects.get(dedupe_key="rejection-email:1", channel=Channel.IN_APP)
    assert told.data == {"event": "rejection", "application": 1}


@pytest.mark.parametrize(
    "fields",
    [{"dedupe_key": ""}, {"dedupe_key": "k" * 201}, {"link": "https://elsewhere.example/"}],
)
def test_a_malformed_notice_is_a_bug_said_at_once(alice: User, fields: dict[str, str]) -> None:
    notice: dict[str, Any] = {"user": alice, "title": "T", "dedupe_key": "k:1", **fields}

    with pytest.raises(ValueError, match=r"dedupe_key|link"):
        services.notify(**notice)

    assert not Notification.objects.exists()


def test_withdrawing_a_key_forgets_it_on_every_channel(
    alice: User, published: list[Any], tell: Callable[..., None]
) -> None:
    tell(alice, key="reminder:7")
    tell(alice, key="reminder:8")

    assert services.notifications_withdraw(dedupe_keys=["reminder:7"]) == 2

    assert set(Notification.objects.values_list("dedupe_key", flat=True)) == {"reminder:8"}
