"""CPU per request of the pages people use most, on a realistic account, against the
machine's own floor for the same work; and the mix served to eight clients at once.

Wall-clock time on a shared machine measures the neighbours as much as the code. The CPU
time this process spends in Django's own WSGI handler (the one gunicorn calls) does not:
a busier machine leaves it nearly alone, a slower one slows it and the floor alike. The
floor of a page is what no code could go under on this machine: its own SELECTs through
the driver's bare cursor, and a bare Django template writing every row they fetched.
"""

import gc
import io
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management.base import CommandError
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, reset_queries
from django.template import Context, Engine
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications.demo import demo_seed
from tracker.applications.models import Application, Contact, Interview, Stage
from tracker.applications.selectors import board_columns
from tracker.bench.measure import Bench, Row, session_for
from tracker.bench.web import Web
from tracker.followups.demo import demo_followups

WARM_UP = 3

# A page's CPU may be at most this many times its bare twin (its own SELECTs through the
# bare cursor and a bare render of every row they fetched), and the mix's mean as many
# times the bare mean: the ratios of the run that halved the mix (7 Dec 2026), with half
# as much again for noise. Before it the follow-ups page stood at 26 times, the mix at 17.5.
CPU_FLOOR_BUDGET = {
    "board": 25,
    "board, a column's next cards": 25,
    "table, filtered and sorted": 22,
    "table, filtered and sorted, page 2": 22,
    "table, searched": 20,
    "application page": 30,
    "follow-ups page": 8,
    "API list": 12,
    "API list, filtered, page 2": 12,
    "insights": 12,
    "People page": 12,
    "People page, searched": 16,
}
MIX_FLOOR_BUDGET = 12

CONCURRENT_CLIENTS = 8


@dataclass(frozen=True)
class Page:
    name: str
    url: str


def cpu_user(bench: Bench) -> User:
    """The account the CPU is measured on: a realistic one, with the people met (contacts
    and interviewers), notes, and the follow-ups proposed for it, as the demo has."""
    size = bench.cpu_size
    user, created = User.objects.get_or_create(username=f"bench-people-{size}")
    if created:
        start = time.perf_counter()
        demo_seed(owner=user, count=size, with_people=True)
        _notes(user)
        demo_followups(owner=user)
        bench.seeded_people = time.perf_counter() - start
    return user


NOTE = (
    "Spoke with {name} about the team's on-call rota and the move to the new platform. "
    "They liked the migration story; ask about the budget for training next time.\n\n"
    "Salary band sounded flexible; the office is two days a week."
)


def _notes(user: User) -> None:
    """Notes on every third application and interview, as a careful user writes them."""
    applications = list(Application.objects.filter(owner=user).order_by("pk")[::3])
    for application in applications:
        application.notes = NOTE.format(name=application.company_id)
        application.fold_for_search()
    Application.objects.bulk_update(applications, ["notes", "search_text"], batch_size=500)
    interviews = list(Interview.objects.filter(application__owner=user).order_by("pk")[::3])
    for interview in interviews:
        interview.notes = "Two of them, forty minutes; a system design question on queues."
    Interview.objects.bulk_update(interviews, ["notes"], batch_size=500)


def cpu_pages(user: User) -> list[Page]:
    """The pages measured: each page people use most, with a filter, a sort, a search and
    a second page where the page has them."""
    columns = board_columns(user=user, now=timezone.now())
    longest = max(columns, key=lambda column: column.count)
    last = longest.cards[-1]
    more = reverse("board_column_more", args=[longest.stage])
    before = last.stage_changed_at.isoformat()
    # The application with the most on its page: people, interviews, notes, follow-ups.
    busiest = (
        Application.objects.filter(owner=user, stage=Stage.REJECTED)
        .exclude(notes="")
        .filter(contacts__isnull=False, interviews__isnull=False, followups__isnull=False)
        .order_by("pk")
        .first()
    ) or Application.objects.filter(owner=user).order_by("pk").first()
    assert busiest is not None
    table, api, people = reverse("application_table"), reverse("api:application-list"), "/people/"
    applied = Application.objects.filter(owner=user, stage=Stage.APPLIED).count()
    person = Contact.objects.filter(owner=user).order_by("pk").first()
    search = person.name.split()[0] if person else "a"
    return [
        Page("board", reverse("dashboard")),
        Page(
            "board, a column's next cards",
            f"{more}?" + urlencode({"before": before, "id": last.pk, "shown": len(longest.cards)}),
        ),
        Page("table, filtered and sorted", f"{table}?stage=rejected&sort=company"),
        Page("table, filtered and sorted, page 2", f"{table}?stage=rejected&sort=company&page=2"),
        Page("table, searched", f"{table}?q=engineer"),
        Page("application page", reverse("application_detail", args=[busiest.pk])),
        Page("follow-ups page", reverse("followups")),
        Page("API list", api),
        # A tiny account (the tests' quick run) has no second page, which is a 404.
        Page("API list, filtered, page 2", f"{api}?stage=applied&page={2 if applied > 50 else 1}"),
        Page("insights", reverse("insights")),
        Page("People page", people),
        Page("People page, searched", f"{people}?{urlencode({'q': search})}"),
    ]


class InProcess:
    """Requests through Django's own WSGI handler in this process, as gunicorn makes them,
    timed in this process's CPU time."""

    def __init__(self, session: str) -> None:
        self.handler = WSGIHandler()
        self.cookie = f"{settings.SESSION_COOKIE_NAME}={session}"

    def get(self, url: str) -> tuple[int, bytes]:
        parts = urlsplit(url)
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": parts.path,
            "QUERY_STRING": parts.query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "testserver",
            "HTTP_COOKIE": self.cookie,
            "HTTP_ACCEPT": "application/json" if parts.path.startswith("/api/") else "text/html",
            "HTTP_ACCEPT_LANGUAGE": "en",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        status: list[str] = []

        def start_response(line: str, headers: Any, exc_info: Any = None) -> Callable[..., None]:
            status.append(line)
            return lambda _: None

        response = self.handler(environ, start_response)
        try:
            body = b"".join(response)
        finally:
            response.close()
        return int(status[0].split()[0]), body

    def cpu_ms(self, url: str) -> float:
        start = time.process_time()
        status, _ = self.get(url)
        spent = (time.process_time() - start) * 1000
        if status != 200:
            raise CommandError(f"{url} answered {status}")
        return spent


@contextmanager
def _connection_kept() -> Iterator[None]:
    """Inside a transaction (the tests' quick run) a request must not close the
    connection at its end, as the test client arranges too; a live run keeps the
    production behaviour."""
    if not connection.in_atomic_block:
        yield
        return
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# A row a line, written whole: the least a template can do with every row fetched.
BARE = Engine.get_default().from_string(
    "<table>{% for row in rows %}<tr><td>{{ row }}</td></tr>{% endfor %}</table>"
)


def _floor(client: InProcess, url: str) -> Callable[[], tuple[int, int]]:
    """The page's floor as a function: its SELECTs through the driver's bare cursor, then
    a bare template writing every row fetched. Returns (queries, rows) when called."""
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    statements = [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")
    ]

    def work() -> tuple[int, int]:
        rows: list[Any] = []
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.cursor.execute(sql)
                rows += cursor.cursor.fetchall()
        BARE.render(Context({"rows": rows}))
        return len(statements), len(rows)

    return work


def cpu_rows(bench: Bench) -> list[Row]:
    if not bench.cpu_size:
        return []
    user = cpu_user(bench)
    pages = cpu_pages(user)
    client = InProcess(session_for(user))
    with _connection_kept():
        floors = {page.name: _floor(client, page.url) for page in pages}
        shapes = {name: work() for name, work in floors.items()}
        for page in pages:
            for _ in range(WARM_UP):
                client.cpu_ms(page.url)
        spent: dict[str, list[float]] = {page.name: [] for page in pages}
        bare: dict[str, list[float]] = {page.name: [] for page in pages}
        gc.collect()
        # Round the pages in turn, each followed by its floor, so all meet the same noise.
        for _ in range(bench.cpu_requests):
            for page in pages:
                spent[page.name].append(client.cpu_ms(page.url))
                start = time.process_time()
                floors[page.name]()
                bare[page.name].append((time.process_time() - start) * 1000)
    data = f"{bench.cpu_size:,} applications with people, notes, follow-ups"
    rows = []
    ours, theirs = [], []
    for page in pages:
        cpu, floor = statistics.median(spent[page.name]), statistics.median(bare[page.name])
        ours.append(cpu)
        theirs.append(floor)
        queries, fetched = shapes[page.name]
        budget = CPU_FLOOR_BUDGET[page.name]
        rows.append(
            Row(
                f"CPU per request: {page.name}",
                data,
                f"{cpu:.1f} ms; bare {floor:.2f} ms ({queries} queries, {fetched} rows); "
                f"{cpu / floor:.1f} times",
                f"≤ {budget} times bare",
                cpu <= budget * floor,
            )
        )
    mix, mix_floor = statistics.mean(ours), statistics.mean(theirs)
    rows.append(
        Row(
            f"CPU per request: the mix's mean ({len(pages)} pages above)",
            data,
            f"{mix:.1f} ms; bare {mix_floor:.2f} ms; {mix / mix_floor:.1f} times",
            f"≤ {MIX_FLOOR_BUDGET} times bare",
            mix <= MIX_FLOOR_BUDGET * mix_floor,
        )
    )
    bench.cpu_mix_ms = mix
    return rows


def concurrency_rows(bench: Bench) -> list[Row]:
    """Eight clients at once against gunicorn with a worker per core, each going round
    the mix's pages: throughput and p95 in wall-clock time, and the workers' own CPU per
    request, against what the cores could serve at that CPU cost."""
    if not bench.cpu_size or bench.in_process or not bench.cpu_requests:
        return []
    user = cpu_user(bench)
    pages = cpu_pages(user)
    session = session_for(user)
    workers = bench.cores
    web = Web(workers=workers)
    try:
        for page in pages:
            for _ in range(WARM_UP):
                if web.fetch(session, page.url) != 200:
                    raise CommandError(f"{page.url} answered over HTTP with an error")
        rounds = max(2, bench.cpu_requests // 10)
        latencies: list[float] = []
        failed = 0
        lock = threading.Lock()

        def client(offset: int) -> None:
            nonlocal failed
            order = pages[offset % len(pages) :] + pages[: offset % len(pages)]
            for _ in range(rounds):
                for page in order:
                    start = time.perf_counter()
                    status = web.fetch(session, page.url)
                    took = (time.perf_counter() - start) * 1000
                    with lock:
                        latencies.append(took)
                        failed += status != 200

        threads = [threading.Thread(target=client, args=(i,)) for i in range(CONCURRENT_CLIENTS)]
        cpu_before = web.workers_cpu()
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
        server_cpu = web.workers_cpu() - cpu_before
    finally:
        web.stop()
    count = len(latencies)
    throughput = count / wall
    p50, p95 = statistics.median(latencies), statistics.quantiles(latencies, n=20)[-1]
    per_request = server_cpu * 1000 / count
    # What the cores could serve if every one of them did nothing but these requests.
    ceiling = bench.cores * 1000 / per_request
    share = throughput / ceiling
    return [
        Row(
            f"{CONCURRENT_CLIENTS} clients at once, the mix over HTTP, gunicorn {workers} workers",
            f"{bench.cpu_size:,} applications; {count} requests",
            f"{throughput:.1f} requests/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms, {failed} failed; "
            f"workers' CPU {per_request:.1f} ms/request, {share:.0%} of the cores' ceiling "
            f"({ceiling:.0f}/s)",
            "0 failed",
            failed == 0,
        )
    ]
