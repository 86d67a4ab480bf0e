import statistics
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.accounts.models import User
from tracker.applications.demo import demo_seed

WARM_UP = 5


class Command(BaseCommand):
    help = (
        "Measures the dashboard at several data sizes (queries, server time p50/p95) and "
        "prints a Markdown table. Run it on a scratch database: `make bench` does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sizes", default="100,10000", help="applications per user")
        parser.add_argument("--requests", type=int, default=40, help="timed requests per row")

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.exclude(username__startswith="bench-").exists():
            raise CommandError("This database holds real users; run `make bench` instead.")
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        rows = []
        for size in (int(s) for s in options["sizes"].split(",")):
            user = self._user_with(size)
            client = Client()
            client.force_login(user)
            rows.append(self._measure(client, "dashboard", size, options["requests"]))
        self.stdout.write("| page | applications | queries | p50 ms | p95 ms |")
        self.stdout.write("|---|---:|---:|---:|---:|")
        for row in rows:
            self.stdout.write("| {} | {:,} | {} | {:.1f} | {:.1f} |".format(*row))

    def _user_with(self, size: int) -> User:
        user, created = User.objects.get_or_create(username=f"bench-{size}")
        if created:
            demo_seed(owner=user, count=size, with_people=False)
        return user

    def _measure(
        self, client: Client, name: str, size: int, count: int
    ) -> tuple[str, int, int, float, float]:
        url = reverse(name)
        for _ in range(WARM_UP):
            client.get(url)
        # A request starts by clearing the query log, so start it empty ourselves.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # Count now: the captured list is a view of the log, which the next request clears.
        query_count = len(queries)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        timings = []
        for _ in range(count):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        p95 = statistics.quantiles(timings, n=20)[-1]
        return name, size, query_count, statistics.median(timings), p95
