"""What every measure shares: the table's row, the run it belongs to, and timing."""

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.test import Client

from tracker.accounts.models import User
from tracker.applications.demo import demo_seed


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, on what, the figure and its budget."""

    measure: str
    data: str
    result: str
    budget: str = "—"
    # None where no budget is set.
    passed: bool | None = None

    def cells(self) -> list[str]:
        verdict = {None: "", True: "pass", False: "**miss**"}[self.passed]
        return [self.measure, self.data, self.result, self.budget, verdict]


@dataclass
class Bench:
    """One run of `make bench`: what to measure, at what sizes, and what it found wrong."""

    query_sizes: list[int]
    time_sizes: list[int]
    requests: int
    rejections: int
    reminders: int
    export_size: int
    import_rows: int
    crowd: int
    in_process: bool
    inbox: bool
    # Applications of the realistic account whose CPU per request is measured, and the
    # requests per page.
    cpu_size: int = 0
    cpu_requests: int = 0
    # Wrong answers rather than slow ones: reported in the table, then the command fails.
    broken: list[str] = field(default_factory=list)
    # Seconds the seeding of each size took.
    seeded: dict[int, float] = field(default_factory=dict)
    # The query plans read, for the record.
    plans: list[str] = field(default_factory=list)
    # Seconds the realistic account's seeding took (people and follow-ups included).
    seeded_people: float | None = None
    # The mix's mean CPU per request, in milliseconds, once measured.
    cpu_mix_ms: float | None = None

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> "Bench":
        def sizes(text: str) -> list[int]:
            return [int(s) for s in text.split(",") if s]

        return cls(
            query_sizes=sizes(options["query_sizes"]),
            time_sizes=sizes(options["time_sizes"]),
            requests=options["requests"],
            rejections=options["rejections"],
            reminders=options["reminders"],
            export_size=options["export_size"],
            import_rows=options["import_rows"],
            crowd=options["crowd"],
            in_process=options["in_process"],
            inbox=options["inbox"],
            cpu_size=options["cpu_size"],
            cpu_requests=options["cpu_requests"],
        )

    @property
    def cores(self) -> int:
        """The cores this process may run on (a container's share, not the host's)."""
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1

    @property
    def largest(self) -> int:
        return max([*self.time_sizes, self.export_size, 0])

    def user_with(self, size: int, crowd: int = 0) -> User:
        """The bench user with `size` applications, seeded the first time it is asked for;
        `crowd` > 0 names others of the same size, who only make the tables bigger."""
        name = f"bench-{size}" + (f"-{crowd}" if crowd else "")
        user, created = User.objects.get_or_create(username=name)
        if created:
            start = time.perf_counter()
            demo_seed(owner=user, count=size, with_people=False)
            self.seeded.setdefault(size, time.perf_counter() - start)
        return user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def session_for(user: User) -> str:
    """A session key for `user`, good for the test client and for gunicorn alike."""
    client = client_for(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def percentiles(timings: list[float]) -> tuple[float, float]:
    return statistics.median(timings), statistics.quantiles(timings, n=20)[-1]


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start
