"""The inbox benchmarks still run (small sizes; `make bench` runs the real ones)."""

import pytest
from pytest_django import Settings

from tests.inbox.dovecot import Dovecot
from tests.workers import database_url
from tracker.bench.inbox import (
    ImapServer,
    bench_first_sync,
    bench_idle_polls,
    bench_idle_sweep,
    sample_mail,
)
from tracker.celery import app
from tracker.inbox.models import InboxItem, Mailbox

pytestmark = pytest.mark.django_db


def test_the_benchmarks_measure_and_clean_up(dovecot: Dovecot) -> None:
    server = ImapServer(host="127.0.0.1", port=dovecot.port)
    dovecot.add_user("benchbig", "pw")
    for n in range(30):
        dovecot.deliver("benchbig", sample_mail(n))
    idle = [(f"benchidle{i}", "pw") for i in range(3)]
    for account in idle:
        dovecot.add_user(*account)

    sync = bench_first_sync(server=server, account=("benchbig", "pw"))
    polls = bench_idle_polls(server=server, accounts=idle)

    assert (sync["messages"], sync["queued"]) == (30, 3)
    assert polls["mailboxes"] == 3
    assert sync["seconds"] > 0
    assert polls["seconds"] > 0
    assert not Mailbox.objects.exists()
    assert not InboxItem.objects.exists()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_sweep_bench_polls_each_mailbox_once_through_real_workers(
    dovecot: Dovecot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bench's workers read the project's settings from the environment, as under
    # `make bench`: here this test's database, Redis and inbox settings.
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "tracker.settings")
    monkeypatch.setenv("DATABASE_URL", database_url())
    monkeypatch.setenv("REDIS_URL", app.conf.broker_url)
    monkeypatch.setenv("INBOX_ENCRYPTION_KEY", settings.INBOX_ENCRYPTION_KEY)
    monkeypatch.setenv("OUTBOUND_ALLOWED_NETWORKS", "127.0.0.0/8")
    server = ImapServer(host="127.0.0.1", port=dovecot.port)
    accounts = [(f"benchsweep{i}", "pw") for i in range(2)]
    for account in accounts:
        dovecot.add_user(*account)
        dovecot.deliver(account[0], sample_mail(0))

    sweep = bench_idle_sweep(
        server=server, accounts=accounts, mailboxes=30, log=dovecot.root / "dovecot.log"
    )

    assert sweep["handed"] == sweep["polled"] == sweep["ok"] == sweep["logins"] == 30
    assert sweep["read"] == 0  # caught up: nothing was new
    assert not Mailbox.objects.exists()
