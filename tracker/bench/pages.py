"""The board, the table, insights and the API list: queries per request, and time per
request against the admin changelist of the same applications."""

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection, reset_queries
from django.template.loader import get_template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tracker.accounts.models import User
from tracker.applications.selectors import board_columns
from tracker.bench.measure import Bench, Row, client_for, percentiles, session_for
from tracker.bench.web import Web, web_for

WARM_UP = 5


PAGES = {"dashboard": "board", "application_table": "table", "insights": "insights"}


API_LIST = "api:application-list"


# p95 over HTTP (one gunicorn worker) by page and by
# applications per user; the table against the admin changelist of the same applications.
# They hold for a machine as fast as the one they were set on: on a slower one (or the same
# one, slowed by its neighbours) each is stretched by how much slower this run found the
# machine's own limit for the board, its bare SQL and bare card render, against what they
# took there.
PAGE_P95_BUDGET_MS = {
    "dashboard": {10_000: 50, 100_000: 50},
    "application_table": {10_000: 50, 100_000: 150},
    "insights": {100_000: 100},
    API_LIST: {10_000: 25, 100_000: 25},
}


# The board's bare SQL and bare card render, p50, 10,000 applications, on the machine the
# budgets were set on (7 Dec 2026, 2 cores, quiet): 1.5 + 11.2 ms.
REFERENCE_LIMIT_MS = 12.7


TABLE_ADMIN_BUDGET = 0.3


QUERY_BUDGET = 10


BUDGETED_PAGES = ("dashboard", "application_table")


def query_rows(bench: Bench) -> list[Row]:
    """Queries per request of each page, at each size: the same at every size."""
    if not bench.query_sizes:
        return []
    return [_query_row(bench, name, page, bench.query_sizes) for name, page in PAGES.items()]


def page_rows(bench: Bench) -> list[Row]:
    if not bench.time_sizes:
        return []
    with web_for(bench) as web:
        return [
            row for size in bench.time_sizes for row in _page_rows(bench, size, bench.requests, web)
        ]


def _query_row(bench: Bench, name: str, page: str, sizes: list[int]) -> Row:
    counts = [_query_count(client_for(bench.user_with(s)), name) for s in sizes]
    constant = len(set(counts)) == 1
    budgeted = name in BUDGETED_PAGES
    if budgeted and not constant:
        bench.broken.append(f"the {page} runs {counts} queries at {sizes} applications")
    return Row(
        f"{page}: queries per request",
        " / ".join(f"{s:,}" for s in sizes) + " applications",
        " / ".join(str(c) for c in counts),
        f"≤ {QUERY_BUDGET}, the same at each size" if budgeted else "—",
        constant and max(counts) <= QUERY_BUDGET if budgeted else None,
    )


def _query_count(client: Client, name: str) -> int:
    url = reverse(name)
    for _ in range(WARM_UP):
        client.get(url)
    # A request starts by clearing the query log, so start it empty ourselves.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Count now: the captured list is a view of the log, which the next request clears.
    count = len(queries)
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}")
    return count


def _page_rows(bench: Bench, size: int, count: int, web: Web | None) -> list[Row]:
    """Board, table, insights and the API list, each request followed by the admin
    changelist of the same applications, so that every page meets the same noise as
    the admin it is compared with. Over HTTP against gunicorn when `web` is given,
    through the test client otherwise (the quick run of the tests)."""
    user = bench.user_with(size)
    data = f"{size:,} applications"
    limit_rows, limit_ms = _limit_rows(user, data, count)
    pace = max(1.0, limit_ms / REFERENCE_LIMIT_MS)
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    admin_url = reverse("admin:applications_application_changelist")
    urls = {name: reverse(name) for name in PAGES}
    urls[API_LIST] = reverse("api:application-list")
    fetch = web.fetch if web else _in_process
    ours, theirs = session_for(user), session_for(admin)
    pairs = [(ours, url) for url in urls.values()]
    timings = _alternating(
        fetch, [*pairs, (theirs, f"{admin_url}?owner__id__exact={user.pk}")], count
    )
    by_name = dict(zip(urls, timings, strict=False))
    admin_timings = timings[-1]
    how = "over HTTP, gunicorn 1 worker" if web else "test client, in process"
    rows = []
    for name, page in {**PAGES, API_LIST: "API list"}.items():
        p50, p95 = percentiles(by_name[name])
        budget = _page_budget(name, size)
        figure = f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        if budget is None:
            rows.append(Row(f"{page}: {how}", data, figure))
        else:
            stretched = budget * pace
            said = f"p95 ≤ {budget} ms" + (
                f", {pace:.2f} times at this run's pace" if pace > 1 else ""
            )
            rows.append(Row(f"{page}: {how}", data, figure, said, p95 <= stretched))
    table_p50, admin_p50 = (
        statistics.median(t) for t in (by_name["application_table"], admin_timings)
    )
    ratio = table_p50 / admin_p50
    rows.append(
        Row(
            f"table / admin changelist, same applications, p50, {how}",
            data,
            f"{ratio:.2f} (table {table_p50:.1f} ms, admin {admin_p50:.1f} ms)",
            f"≤ {TABLE_ADMIN_BUDGET}",
            ratio <= TABLE_ADMIN_BUDGET,
        )
    )
    return [*rows, *limit_rows]


def _limit_rows(user: User, data: str, count: int) -> tuple[list[Row], float]:
    """What the machine itself takes for the board: its own SQL through the driver's
    bare cursor, and its cards through a bare Django template render; and the sum of
    their medians, this run's limit for the board."""
    now = timezone.now()
    with CaptureQueriesContext(connection) as queries:
        columns = board_columns(user=user, now=now)
    statements = [q["sql"] for q in queries.captured_queries]
    cards = [card for column in columns for card in column.cards]
    card_template = get_template("applications/board.html#card")

    def select() -> None:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.cursor.execute(sql)
                cursor.cursor.fetchall()

    def render() -> None:
        for card in cards:
            card_template.render({"card": card})

    selects, renders = _alternating(
        lambda work, _: (work(), 200)[1], [(select, ""), (render, "")], count
    )
    limit_ms = statistics.median(selects) + statistics.median(renders)
    return [
        Row(
            "limit: the board's SQL, bare driver cursor",
            data,
            "p50 {:.1f} ms, p95 {:.1f} ms ({} queries)".format(
                *percentiles(selects), len(statements)
            ),
        ),
        Row(
            "limit: the board's cards, bare template render",
            data,
            "p50 {:.1f} ms, p95 {:.1f} ms ({} cards)".format(*percentiles(renders), len(cards)),
        ),
    ], limit_ms


_clients: dict[str, Client] = {}


def _in_process(session: str, url: str) -> int:
    client = _clients.get(session)
    if client is None:
        client = _clients[session] = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    return client.get(url).status_code


def _alternating(
    fetch: Callable[[Any, str], int], pages: list[tuple[Any, str]], count: int
) -> list[list[float]]:
    """Milliseconds per request for each (session, url), after warm-up, the requests
    going round the pages in turn so that each meets the same noise."""
    # The seeding's garbage is this process's, not the web server's: collect it first.
    gc.collect()
    for session, url in pages:
        for _ in range(WARM_UP):
            status = fetch(session, url)
        if status != 200:
            raise CommandError(f"{url} answered {status}")
    timings: list[list[float]] = [[] for _ in pages]
    for _ in range(count):
        for (session, url), times in zip(pages, timings, strict=True):
            start = time.perf_counter()
            fetch(session, url)
            times.append((time.perf_counter() - start) * 1000)
    return timings


def _page_budget(name: str, size: int) -> int | None:
    return PAGE_P95_BUDGET_MS.get(name, {}).get(size)
