"""Inbox figures for `make bench`: starts a Dovecot, fills it, times tracker.bench.inbox.

Run on a scratch database (as make bench does): `DATABASE_URL=sqlite:////tmp/x.sqlite3
python -m tests.inbox.bench [messages] [mailboxes] [swept] [accounts]` after `manage.py
migrate`, with Redis up (the sweep's Celery workers). Root only (Dovecot's rules); prints
one JSON line.
"""

import json
import os
import sys
import uuid


def main(
    messages: int = 2000, mailboxes: int = 100, swept: int = 1000, accounts: int = 20
) -> dict[str, dict[str, float]]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    django.setup()
    from django.conf import settings

    from tests.inbox.dovecot import dovecot_server
    from tracker.bench.inbox import (
        ImapServer,
        bench_first_sync,
        bench_idle_polls,
        bench_idle_sweep,
        sample_mail,
    )

    settings.OUTBOUND_ALLOWED_NETWORKS = [*settings.OUTBOUND_ALLOWED_NETWORKS, "127.0.0.0/8"]
    if not settings.INBOX_ENCRYPTION_KEY:
        from cryptography.fernet import Fernet

        settings.INBOX_ENCRYPTION_KEY = Fernet.generate_key().decode()
    # The sweep's Celery workers are processes of their own: the same settings, by the
    # environment they inherit.
    os.environ["INBOX_ENCRYPTION_KEY"] = settings.INBOX_ENCRYPTION_KEY
    os.environ["OUTBOUND_ALLOWED_NETWORKS"] = ",".join(settings.OUTBOUND_ALLOWED_NETWORKS)
    with dovecot_server() as dovecot:
        server = ImapServer(host="127.0.0.1", port=dovecot.port)
        big = ("bigbox", uuid.uuid4().hex)
        dovecot.add_user(*big)
        for n in range(messages):
            dovecot.deliver(big[0], sample_mail(n))
        idle = [(f"idle{i}", uuid.uuid4().hex) for i in range(mailboxes)]
        for account in idle:
            dovecot.add_user(*account)
            dovecot.deliver(account[0], sample_mail(0))
        shared = [(f"sweep{i}", uuid.uuid4().hex) for i in range(accounts)]
        for account in shared:
            dovecot.add_user(*account)
            dovecot.deliver(account[0], sample_mail(0))
        return {
            "first_sync": bench_first_sync(server=server, account=big),
            "idle_polls": bench_idle_polls(server=server, accounts=idle),
            "idle_sweep": bench_idle_sweep(
                server=server, accounts=shared, mailboxes=swept, log=dovecot.root / "dovecot.log"
            ),
        }


if __name__ == "__main__":
    counts = [int(a) for a in sys.argv[1:5]]
    print(json.dumps(main(*counts)))
