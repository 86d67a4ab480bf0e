"""Inbox benchmarks: a first sync of a big mailbox, a poll of many idle ones.

Dev-only: `manage.py bench --inbox` runs tests/inbox/bench.py in a process of its own, which
starts a Dovecot, fills it and calls these on the scratch database. Each creates its own
users and removes them after.
"""

import json
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime, make_msgid
from pathlib import Path

from django.db.models import Q
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.models import Application
from tracker.bench.measure import Bench, Row
from tracker.inbox import crypto, imap, services
from tracker.inbox.models import InboundMail, InboxItem, Mailbox, MailboxStatus

COMPANIES = ("Hooli", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Acme", "Tyrell")


@dataclass(frozen=True)
class ImapServer:
    host: str
    port: int
    security: str = "none"


def sample_mail(n: int) -> bytes:
    """The n-th message of a sample mailbox: one in ten about a job, the rest other mail."""
    company = COMPANIES[n % len(COMPANIES)]
    if n % 10 == 0:
        sender = f"{company} Recruiting <no-reply@{company.lower()}.example>"
        subject = f"Your application to {company}"
        body = (
            f"Dear applicant,\n\nThank you for your interest in {company}. After careful "
            "consideration we have decided to move forward with other candidates. We will "
            f"keep your resume on file.\n\nThe {company} Talent Team\n"
        )
    else:
        sender = "Weekly Digest <digest@news.example>"
        subject = f"Your weekly digest #{n}"
        body = "Here is what happened this week in gardening.\n" * 30
    head = (
        f"From: {sender}\r\nTo: someone@example.com\r\nSubject: {subject}\r\n"
        f"Date: {format_datetime(timezone.now())}\r\nMessage-ID: {make_msgid()}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    )
    return (head + body.replace("\n", "\r\n")).encode()


def _user(tag: str) -> User:
    user = User.objects.create_user(
        username=f"bench-inbox-{tag}-{uuid.uuid4().hex[:8]}", email="someone@example.com"
    )
    for company in COMPANIES:
        applications.application_create(owner=user, company_name=company, role="Engineer")
    return user


def _drop(user: User) -> None:
    # Applications first: a company is protected while an application names it.
    Application.objects.filter(owner=user).delete()
    user.delete()


def _mailbox(user: User, server: ImapServer, account: tuple[str, str]) -> Mailbox:
    return services.mailbox_save(
        owner=user,
        host=server.host,
        port=server.port,
        security=server.security,
        username=account[0],
        password=account[1],
        folder="INBOX",
    )


def _poll_until_caught_up(mailbox: Mailbox) -> int:
    polls = 0
    while True:
        Mailbox.objects.filter(pk=mailbox.pk).update(next_poll_at=timezone.now())
        claimed = dict(services.mailboxes_claim_due())
        result = services.mailbox_poll(mailbox_id=mailbox.pk, claim=claimed[mailbox.pk])
        polls += 1
        # What the poll kept, read as the bulk queue's task reads it.
        while services.inbound_read(owner_id=mailbox.owner_id) == "more":
            pass
        if result != "more":
            if result != "ok":
                raise RuntimeError(f"The poll failed: {result}")
            return polls


def bench_first_sync(*, server: ImapServer, account: tuple[str, str]) -> dict[str, float]:
    """Seconds to read a whole (already filled) mailbox the first time, as the polls do."""
    user = _user("sync")
    try:
        mailbox = _mailbox(user, server, account)
        started = time.perf_counter()
        polls = _poll_until_caught_up(mailbox)
        seconds = time.perf_counter() - started
        mailbox.refresh_from_db()
        return {
            "seconds": seconds,
            "messages": float(mailbox.last_uid),
            "polls": float(polls),
            "queued": float(InboxItem.objects.filter(owner=user).count()),
        }
    finally:
        _drop(user)


def bench_idle_polls(
    *, server: ImapServer, accounts: Sequence[tuple[str, str]]
) -> dict[str, float]:
    """Seconds for one poll of every mailbox when none has anything new (in one process,
    one after another: the worst case for one worker)."""
    users = [_user("idle") for _ in accounts]
    try:
        mailboxes = [_mailbox(u, server, a) for u, a in zip(users, accounts, strict=True)]
        for mailbox in mailboxes:
            _poll_until_caught_up(mailbox)
        Mailbox.objects.filter(pk__in=[m.pk for m in mailboxes]).update(next_poll_at=timezone.now())
        started = time.perf_counter()
        results = [
            services.mailbox_poll(mailbox_id=pk, claim=claim)
            for pk, claim in services.mailboxes_claim_due()
        ]
        seconds = time.perf_counter() - started
        if results.count("ok") != len(mailboxes):
            raise RuntimeError(f"Some polls failed: {results}")
        return {"seconds": seconds, "mailboxes": float(len(mailboxes))}
    finally:
        for user in users:
            _drop(user)


def bench_idle_sweep(
    *, server: ImapServer, accounts: Sequence[tuple[str, str]], mailboxes: int, log: Path
) -> dict[str, float]:
    """Seconds from beat's sweep to the last of `mailboxes` idle mailboxes polled, through
    the sweep task and two real bulk workers (tracker.bench.worker), as production does it.

    The mailboxes share the few Dovecot `accounts` and start caught up: each holds its
    account's UIDVALIDITY and newest UID, exactly what a poll leaves behind, written in
    bulk instead of a poll apiece. `log` is Dovecot's log: its logins during the sweep
    count the polls, so a mailbox polled twice shows."""
    from tracker.bench.worker import WORKERS, worker
    from tracker.celery import app
    from tracker.inbox.tasks import sweep_mailboxes_task

    state = []
    for username, password in accounts:
        where = imap.MailboxAddress(server.host, server.port, server.security, username, password)
        with imap.mailbox_open(where) as session:
            newest = max(session.uids_after(0), default=0)
            state.append((username, crypto.password_encrypt(password), session.uidvalidity, newest))
    tag = uuid.uuid4().hex[:8]
    prefix = f"bench-inbox-sweep-{tag}-"
    setup = time.perf_counter()
    users = User.objects.bulk_create(
        User(username=f"{prefix}{i}", email="someone@example.com") for i in range(mailboxes)
    )
    later = timezone.now() + services.poll_interval()
    Mailbox.objects.bulk_create(
        Mailbox(
            owner=user,
            host=server.host,
            port=server.port,
            security=server.security,
            username=username,
            password_encrypted=password,
            uidvalidity=uidvalidity,
            last_uid=newest,
            status=MailboxStatus.OK,
            next_poll_at=later,
        )
        for user, (username, password, uidvalidity, newest) in zip(
            users, (state[i % len(state)] for i in range(mailboxes)), strict=True
        )
    )
    ours = Mailbox.objects.filter(owner__username__startswith=prefix)
    try:
        with worker():
            # Both workers up before the clock starts (a cold start is not the sweep's).
            deadline = time.perf_counter() + 60
            while len(app.control.ping(timeout=0.5) or []) < WORKERS:
                if time.perf_counter() > deadline:
                    raise RuntimeError("The bench's Celery workers did not start")
            setup = time.perf_counter() - setup
            logins_before = log.stat().st_size
            started_at = timezone.now()
            ours.update(next_poll_at=started_at, claim="")
            start = time.perf_counter()
            handed = int(sweep_mailboxes_task.apply_async(ignore_result=False).get(timeout=300))
            handed_in = time.perf_counter() - start
            waiting = ours.filter(Q(last_polled_at=None) | Q(last_polled_at__lt=started_at))
            deadline = start + 300
            while waiting.exists() and time.perf_counter() < deadline:
                time.sleep(0.05)
            seconds = time.perf_counter() - start
            # A second poll of one mailbox would come after the last first one: give it time.
            time.sleep(2)
        with log.open("rb") as lines:
            lines.seek(logins_before)
            logins = sum(1 for line in lines if b"imap-login: Info: Login: user=<" in line)
        return {
            "seconds": seconds,
            "mailboxes": float(mailboxes),
            "accounts": float(len(accounts)),
            "handed": float(handed),
            "handed_in": handed_in,
            "polled": float(ours.filter(last_polled_at__gte=started_at).count()),
            "ok": float(ours.filter(status=MailboxStatus.OK, failures=0).count()),
            "logins": float(logins),
            "read": float(InboundMail.objects.filter(owner__in=users).count()),
            "setup": setup,
        }
    finally:
        # No applications, nothing read: the users go in bulk, their mailboxes with them.
        User.objects.filter(username__startswith=prefix).delete()


INBOX_MESSAGES = 2_000


INBOX_MAILBOXES = 100


# Issue 28's goal: 1,000 mailboxes with nothing new, polled in under a minute by two bulk
# workers (beat sweeps every minute: a sweep that took longer would overlap the next).
SWEEP_MAILBOXES = 1_000
SWEEP_ACCOUNTS = 20
SWEEP_BUDGET_S = 60


def inbox_rows(bench: Bench) -> list[Row]:
    return _inbox_rows(bench) if bench.inbox else []


def _inbox_rows(bench: Bench) -> list[Row]:
    """The inbox's own bench (tests/inbox/bench.py: a Dovecot, a filled mailbox and
    idle ones), in a process of its own on this database; skipped without Dovecot."""
    if not shutil.which("dovecot"):
        return [Row("inbox", "—", "skipped: no dovecot on this machine")]
    done = subprocess.run(
        [sys.executable, "-m", "tests.inbox.bench"]
        + [str(n) for n in (INBOX_MESSAGES, INBOX_MAILBOXES, SWEEP_MAILBOXES, SWEEP_ACCOUNTS)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        bench.broken.append(f"the inbox bench failed: {tail}")
        return []
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    sync, idle, sweep = figures["first_sync"], figures["idle_polls"], figures["idle_sweep"]
    once = sweep["polled"] == sweep["logins"] == sweep["ok"] == sweep["mailboxes"]
    if not once or sweep["read"]:
        bench.broken.append(
            f"the mailbox sweep handed out {sweep['handed']:.0f} of {sweep['mailboxes']:.0f} "
            f"mailboxes: {sweep['polled']:.0f} polled, {sweep['logins']:.0f} logins, "
            f"{sweep['ok']:.0f} ok, {sweep['read']:.0f} messages read (none is new)"
        )
    return [
        Row(
            "inbox: first sync of a filled mailbox (IMAP, Dovecot)",
            f"{sync['messages']:,.0f} messages",
            f"{sync['seconds']:.1f} s in {sync['polls']:.0f} polls, "
            f"{sync['queued']:.0f} queued for review",
        ),
        Row(
            "inbox: one poll of idle mailboxes, one process",
            f"{idle['mailboxes']:.0f} mailboxes",
            f"{idle['seconds']:.1f} s",
        ),
        Row(
            "inbox: beat's sweep of idle mailboxes, 2 real bulk workers (IMAP, Dovecot)",
            f"{sweep['mailboxes']:,.0f} mailboxes on {sweep['accounts']:.0f} accounts",
            f"{sweep['seconds']:.1f} s ({sweep['handed_in']:.1f} s to claim and hand out, "
            f"in batches of {services.POLL_BATCH}); {sweep['logins']:,.0f} logins; "
            f"set up in {sweep['setup']:.1f} s",
            f"< {SWEEP_BUDGET_S} s, each polled once",
            sweep["seconds"] < SWEEP_BUDGET_S and once,
        ),
    ]
