import statistics
import subprocess
import sys
import time
import uuid
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.accounts.models import User
from tracker.applications import services as applications
from tracker.applications.demo import demo_seed
from tracker.applications.models import ChangeSource
from tracker.celery import app
from tracker.followups.models import FollowUp

WARM_UP = 5


class Command(BaseCommand):
    help = (
        "Measures the dashboard at several data sizes (queries, server time p50/p95) and "
        "prints a Markdown table. Run it on a scratch database: `make bench` does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--sizes", default="100,10000", help="applications per user")
        parser.add_argument("--requests", type=int, default=40, help="timed requests per row")
        parser.add_argument("--rejections", type=int, default=30, help="timed rejections")

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
        if options["rejections"]:
            p50, p95 = self._measure_rejections(options["rejections"])
            self.stdout.write("")
            self.stdout.write("| path | n | p50 ms | p95 ms |")
            self.stdout.write("|---|---:|---:|---:|")
            self.stdout.write(
                f"| reject → proposed follow-up, real worker | {options['rejections']} "
                f"| {p50:.0f} | {p95:.0f} |"
            )

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

    def _measure_rejections(self, count: int) -> tuple[float, float]:
        """From the rejection's commit to its follow-up in the database, via Redis and a
        `celery -A tracker worker` process on a queue of its own."""
        queue = f"bench-{uuid.uuid4().hex[:8]}"
        app.conf.task_default_queue = queue
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tracker", "worker", "-Q", queue,
             "--concurrency=1", "--without-gossip", "--without-mingle", "--loglevel=WARNING"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            user, _ = User.objects.get_or_create(username="bench-rejections")
            # Plenty, since the demo mix ends some applications rejected already.
            demo_seed(owner=user, count=3 * (count + 3), with_people=False)
            pending = list(user.application_set.exclude(stage="rejected")[: count + 3])
            timings = []
            for i, application in enumerate(pending):
                start = time.perf_counter()
                applications.application_reject(
                    application=application,
                    source=ChangeSource.WEB,
                    channel="personal_email",
                    sender_name="Dana Smith",
                )
                deadline = start + 30
                while not FollowUp.objects.filter(application=application).exists():
                    if time.perf_counter() > deadline:
                        raise CommandError("No follow-up after 30 s: is the worker running?")
                    time.sleep(0.002)
                if i >= 3:  # the first few warm the worker up
                    timings.append((time.perf_counter() - start) * 1000)
        finally:
            worker.terminate()
            worker.wait(timeout=20)
        return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]
