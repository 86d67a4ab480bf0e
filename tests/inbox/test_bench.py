"""The inbox benchmarks still run (small sizes; `make bench` runs the real ones)."""

import pytest

from tests.inbox.dovecot import Dovecot
from tracker.bench.inbox import ImapServer, bench_first_sync, bench_idle_polls, sample_mail
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
