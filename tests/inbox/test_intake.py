"""Mail is kept as it arrives and read on the bulk queue: a time limit ends the reading and
is never caught by the handler of one message; nothing is lost, nothing read twice."""

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.utils import timezone

from tests.factories import application_for
from tests.inbox.conftest import connect, poll, raw_mail
from tests.inbox.dovecot import Dovecot
from tracker.accounts.models import User
from tracker.inbox import services
from tracker.inbox.models import InboundMail, InboxItem, Mailbox, Via
from tracker.inbox.services import intake, reading

pytestmark = pytest.mark.django_db


def keep(user: User, raw: bytes) -> InboundMail:
    return services.inbound_store(owner=user, raw=raw, via=Via.FORWARD)


def test_a_time_limit_ends_the_reading_and_the_message_is_tried_again(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    mail = keep(alice, raw_mail())
    real = intake.message_ingest

    def out_of_time(**kwargs: object) -> object:
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(intake, "message_ingest", out_of_time)
    with pytest.raises(SoftTimeLimitExceeded):
        services.inbound_read(owner_id=alice.pk)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("waiting", 1)

    monkeypatch.setattr(intake, "message_ingest", real)
    InboundMail.objects.filter(pk=mail.pk).update(lease_until=None)  # the lease ran out
    assert services.inbound_read(owner_id=alice.pk) == "done"
    assert InboxItem.objects.filter(owner=alice).count() == 1
    assert not InboundMail.objects.exists()


def test_mail_that_outlasts_every_try_is_recorded_and_the_rest_is_read(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    application_for(alice, company="Hooli", role="Senior Platform Engineer")
    stuck = keep(alice, b"From: a@b.example\nTo: c@d.example\nSubject: stuck\n\nx")
    InboundMail.objects.filter(pk=stuck.pk).update(attempts=services.MAX_READS)
    keep(alice, raw_mail())

    assert services.inbound_read(owner_id=alice.pk) == "done"

    stuck.refresh_from_db()
    assert (stuck.status, bytes(stuck.raw)) == ("unreadable", b"")
    assert InboxItem.objects.filter(owner=alice).count() == 1


def test_the_sweep_reads_what_no_task_read(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[tuple[str, int]] = []

    def dispatch(name: str, pk: int) -> bool:
        sent.append((name, pk))
        return True

    monkeypatch.setattr(reading, "dispatch", dispatch)
    fresh = keep(alice, raw_mail())
    assert services.inbound_sweep() == 0  # its own task may be on its way
    InboundMail.objects.filter(pk=fresh.pk).update(received_at=fresh.received_at.replace(year=2020))
    assert services.inbound_sweep() == 1
    assert sent == [(services.READ_TASK, alice.pk)]


def test_a_poll_keeps_its_progress_after_every_message(
    alice: User, dovecot: Dovecot, imap_user: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        dovecot.deliver(imap_user[0], raw_mail(subject=f"Message {n}"))
    mailbox = connect(alice, dovecot, imap_user)
    real = intake.inbound_store
    kept: list[int] = []

    def limited(**kwargs: object) -> InboundMail:
        if len(kept) == 3:
            raise SoftTimeLimitExceeded()
        kept.append(1)
        return real(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(intake, "inbound_store", limited)
    with pytest.raises(SoftTimeLimitExceeded):
        poll(mailbox)
    assert Mailbox.objects.get(pk=mailbox.pk).last_uid == 3
    assert InboundMail.objects.filter(owner=alice, via=Via.IMAP).count() == 3

    monkeypatch.setattr(intake, "inbound_store", real)
    Mailbox.objects.filter(pk=mailbox.pk).update(next_poll_at=timezone.now())  # lease over
    assert poll(mailbox) == "ok"
    assert Mailbox.objects.get(pk=mailbox.pk).last_uid == 5
