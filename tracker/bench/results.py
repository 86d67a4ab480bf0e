"""Writing benchmark results down: Markdown tables, the machine they ran on, and
docs/benchmarks.md, whose sections `make bench` and `make load` each keep up to date.

Plain Python, no Django setup needed: the load test's report imports it too.
"""

import os
import platform
import re
import sqlite3
import textwrap
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import django

DOC = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
DOC_TEMPLATE = """# Benchmarks

The figures behind SPEC.md section 8 ("Budgets"), written by the commands that measure
them: `make bench` rewrites the first section (SQLite), `make load` the second, and
`make bench DATABASE_URL=postgres://…/rebound_bench` the PostgreSQL ones (with
`BENCH_SCALE=1m`, the last). All run in production mode (`DJANGO_DEBUG=0`) on a scratch
database, never on your data.
Each section names the machine and the day it ran; timings from a shared or busy machine
read high, while the query counts, the ratios and "exactly once" hold anywhere.

<!-- bench:start -->
Not run yet: `make bench`.
<!-- bench:end -->

<!-- load:start -->
Not run yet: `make load`.
<!-- load:end -->
"""


def markdown_table(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, align: str = ""
) -> list[str]:
    """The lines of a Markdown table. `align` has an "l" or "r" per column (left if
    missing): figures read best right-aligned."""
    rule = ["---:" if a == "r" else "---" for a in align.ljust(len(header), "l")]
    return [_row(header), _row(rule), *(_row([str(cell) for cell in row]) for row in rows)]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def paragraph(text: str) -> list[str]:
    """Prose for the Markdown file, wrapped as the rest of the docs are."""
    return textwrap.wrap(text, width=90, break_on_hyphens=False)


def machine_lines() -> list[str]:
    """What the figures depend on besides the code: CPU, cores, memory, versions."""
    return [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores; RAM {_ram_gib():.0f} GiB",
        f"- {platform.system()} {platform.release()}; Python {platform.python_version()}, "
        f"Django {django.get_version()}, SQLite {sqlite3.sqlite_version}",
        f"- Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
    ]


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or platform.machine()
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else platform.machine()


def _ram_gib() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        return 0.0


def doc_section_write(name: str, lines: Sequence[str], doc: Path = DOC) -> None:
    """Replaces section `name` of docs/benchmarks.md (between its two marker comments),
    keeping the other sections as the other command last wrote them."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = "\n".join([start, *lines, end])
    text = doc.read_text() if doc.exists() else DOC_TEMPLATE
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text)
