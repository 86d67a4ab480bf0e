"""What `make load` found: reads locust's CSV files and the servers' logs, prints the
figures, records them in docs/benchmarks.md, and exits 1 if anything failed.

`python -m loadtest.report --csv PREFIX --log WEB_LOG --log WORKER_LOG --users 50 ...`
"""

import argparse
import csv
import os
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tracker.bench.results import (
    DOC,
    doc_section_write,
    machine_lines,
    markdown_table,
    paragraph,
)

LOGIN = "POST /accounts/login/ (POST)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv", required=True, help="the prefix given to locust --csv")
    parser.add_argument("--requests", type=Path, required=True, help="the locustfile's log")
    parser.add_argument(
        "--log", type=Path, action="append", default=[], help="a server's log (web, worker)"
    )
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--spawn-rate", type=int, required=True)
    parser.add_argument("--run-time", required=True)
    parser.add_argument("--applications", type=int, required=True, help="per account")
    parser.add_argument("--workers", type=int, required=True, help="gunicorn workers")
    parser.add_argument("--doc", default=str(DOC), help="'' to record nothing")
    args = parser.parse_args()

    total = next(r for r in _read_csv(f"{args.csv}_stats.csv") if r["Name"] == "Aggregated")
    requests, failed = int(total["Request Count"]), int(total["Failure Count"])
    logged = _logged_errors(args.log)
    problems = [
        f"{f['Occurrences']} times {f['Method']} {f['Name']}: {f['Error']}"
        for f in _read_csv(f"{args.csv}_failures.csv")
    ]
    problems += [
        f"{e['Count']} times an exception in locust: {e['Message']}"
        for e in _read_csv(f"{args.csv}_exceptions.csv")
    ]
    problems += [f"{n} times in the servers' logs: {line}" for line, n in logged.items()]
    passed = requests > 0 and not problems

    everything = _requests(args.requests)
    logins = [r for r in everything if r.name == LOGIN]
    begun = min((r.start for r in everything), default=0)
    # The steady state: what started once the last login had its answer.
    settled_at = max((r.end for r in logins), default=begun)
    settled = [r for r in everything if r.start >= settled_at]
    ended = max((r.end for r in everything), default=settled_at)
    summary = markdown_table(
        ["measure", "result", "budget", ""],
        [
            ["all requests", _figures(everything, ended - begun), "", ""],
            [
                f"logins (Argon2), all {len(logins)} in the first {settled_at - begun:.0f} s",
                _figures(logins),
                "",
                "",
            ],
            [
                f"steady state: after the last login ({ended - settled_at:.0f} s)",
                _figures(settled, ended - settled_at),
                "",
                "",
            ],
            ["failed requests", str(failed), "0", _verdict(failed == 0)],
            ["errors in the servers' logs", str(sum(logged.values())), "0", _verdict(not logged)],
        ],
        align="lrrl",
    )
    names = sorted({r.name for r in everything})
    per_request = markdown_table(
        ["request", "failed", "all", "steady state"],
        [
            [
                name,
                str(sum(not r.ok for r in everything if r.name == name)),
                _figures([r for r in everything if r.name == name]),
                _figures([r for r in settled if r.name == name]),
            ]
            for name in names
        ],
        align="lrrr",
    )
    print("\n".join([*summary, "", *per_request]))
    if problems:
        print("\nWhat went wrong:\n" + "\n".join(f"- {p}" for p in problems))
    if args.doc:
        doc_section_write("load", _doc_lines(args, summary, per_request, problems), Path(args.doc))
        print(f"\nRecorded in {args.doc}.")
    return 0 if passed else 1


@dataclass
class Request:
    """One request, as the locustfile logged it."""

    start: float
    name: str
    ms: float
    ok: bool

    @property
    def end(self) -> float:
        return self.start + self.ms / 1000


def _requests(path: Path) -> list[Request]:
    return [
        Request(float(r["start"]), r["name"], float(r["ms"]), r["ok"] == "True")
        for r in _read_csv(str(path))
    ]


def _figures(requests: list[Request], span: float = 0) -> str:
    """How many, how fast (given the seconds they took), p50 and p95."""
    times = [r.ms for r in requests]
    if len(times) < 2:
        return f"{len(times)} requests" if times else "—"
    p50, p95 = statistics.median(times), statistics.quantiles(times, n=20)[-1]
    per_second = f", {len(times) / span:.1f}/s" if span else ""
    return f"{len(times):,}{per_second}; p50 {p50:.0f} ms, p95 {p95:.0f} ms"


def _database() -> str:
    scheme = urlsplit(os.environ.get("DATABASE_URL", "")).scheme
    return "PostgreSQL" if scheme.startswith("postgres") else "SQLite"


def _verdict(passed: bool) -> str:
    return "pass" if passed else "**miss**"


def _read_csv(path: str) -> list[dict[str, str]]:
    with Path(path).open(newline="") as file:
        return list(csv.DictReader(file))


def _logged_errors(logs: list[Path]) -> dict[str, int]:
    """Logged errors, and exceptions' last lines, in the servers' logs; alike ones counted
    together (their times, process ids and the numbers in paths left out)."""
    found: dict[str, int] = {}
    for log in logs:
        for line in log.read_text(errors="replace").splitlines() if log.exists() else []:
            if re.search(r"\b(ERROR|CRITICAL)\b", line) or re.match(
                r"[\w.]+(Error|Exception): ", line
            ):
                key = re.sub(r"\d+", "N", line)[:200]
                found[key] = found.get(key, 0) + 1
    return found


def _doc_lines(
    args: argparse.Namespace, summary: list[str], per_request: list[str], problems: list[str]
) -> list[str]:
    return [
        "## Latest `make load`",
        "",
        *machine_lines(),
        # Locust, gunicorn and PostgreSQL share the machine with whatever else runs on it:
        # a load above the cores' count means the run had less CPU than the machine has.
        "- Load average at the end: "
        + ", ".join(f"{x:.1f}" for x in os.getloadavg())
        + " (1, 5 and 15 minutes)",
        *paragraph(
            f"- {args.users} simulated people (spawned {args.spawn_rate} a second) for "
            f"{args.run_time}, each logged in once as an account of its own with "
            f"{args.applications} applications, from an address of its own; gunicorn with "
            f"{args.workers} workers, a Celery worker, Redis and {_database()}, on the same "
            "machine as locust."
        ),
        "",
        *summary,
        "",
        *per_request,
        "",
        *([f"- {p}" for p in problems] or ["No failed request, no error in the servers' logs."]),
        "",
        *paragraph(
            "Each person logs in once through the login form, from an address of its own "
            "(X-Forwarded-For, locust standing in for the proxy), then clicks every one to "
            "three seconds: the board, the table (filtered and sorted), insights, application "
            "pages, stage changes from the application page and from the board, and "
            "rejections from the page and from the board's dialog. Times are as locust saw "
            "them, sharing the CPU with the servers. The logins come first, all within the "
            "first seconds, and Argon2 is slow on purpose: the steady state is the row after "
            "the last login."
        ),
        "",
        *paragraph(
            "Reproduce: `make load` (needs Redis: it uses database 14, emptied first, and a "
            "scratch SQLite file; `DATABASE_URL=postgres://…/rebound_load` on the command "
            "line for PostgreSQL). LOAD_USERS, LOAD_TIME, LOAD_SPAWN_RATE, LOAD_WORKERS, "
            "LOAD_APPLICATIONS and LOAD_REDIS change the run."
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
