"""`make bench` itself, quickly: its table, where it records it, a missed budget failing
the command, and the helpers that read query plans."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tracker.bench import cpu, explain, pages

pytestmark = pytest.mark.django_db

QUICK = [
    *("--query-sizes", "12,30", "--time-sizes", "30", "--requests", "3", "--in-process"),
    *("--rejections", "0", "--reminders", "0", "--export-size", "0", "--import-rows", "0"),
    *("--cpu-size", "20", "--cpu-requests", "2"),
]


@pytest.fixture(autouse=True)
def _cpu_budgets_out_of_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    """A handful of applications is no page's real shape: its CPU budgets are not judged."""
    monkeypatch.setattr(cpu, "CPU_FLOOR_BUDGET", dict.fromkeys(cpu.CPU_FLOOR_BUDGET, 1e9))
    monkeypatch.setattr(cpu, "MIX_FLOOR_BUDGET", 1e9)


def _doc(tmp_path: Path) -> Path:
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n<!-- load:start -->\nload figures\n<!-- load:end -->\n")
    return doc


def test_bench_counts_queries_times_pages_and_records_its_table_beside_the_load_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "TABLE_ADMIN_BUDGET", 1e9)
    doc, out = _doc(tmp_path), StringIO()

    call_command("bench", *QUICK, "--doc", str(doc), stdout=out)

    output = out.getvalue()
    assert "| board: queries per request | 12 / 30 applications |" in output
    assert "| API list: test client, in process | 30 applications |" in output
    assert "| limit: the board's cards, bare template render | 30 applications |" in output
    assert "| CPU per request: table, filtered and sorted, page 2 | 20 applications" in output
    assert "| CPU per request: the mix's mean (12 pages above) | 20 applications" in output
    assert "| EXPLAIN: board queries read applications by index | 30 applications |" in output
    assert "load average" in output
    recorded = doc.read_text()
    # Each database's run has its own section of the file.
    if connection.vendor == "sqlite":
        assert "<!-- bench:start -->\n## Latest `make bench` (SQLite)" in recorded
    else:
        assert "<!-- bench-postgresql:start -->\n## Latest `make bench`" in recorded
    assert "| table: queries per request | 12 / 30 applications |" in recorded
    assert "load figures" in recorded


def test_a_missed_budget_is_recorded_as_a_miss_and_fails_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "TABLE_ADMIN_BUDGET", 0)
    doc, out = _doc(tmp_path), StringIO()

    with pytest.raises(CommandError, match="Missed budgets: table / admin changelist"):
        call_command("bench", *QUICK, "--doc", str(doc), stdout=out)

    assert "| ≤ 0 | **miss** |" in out.getvalue()
    assert "**miss**" in doc.read_text()


def test_a_plan_that_reads_the_whole_applications_table_is_a_full_scan() -> None:
    assert explain.full_scan("SCAN applications_application", "sqlite")
    assert not explain.full_scan("SCAN applications_application USING COVERING INDEX x", "sqlite")
    assert not explain.full_scan(
        "SEARCH applications_application USING INDEX x (owner_id=?)", "sqlite"
    )
    assert not explain.full_scan("SCAN applications_company", "sqlite")
    assert explain.full_scan(
        "Seq Scan on applications_application  (cost=0.00..1.30)", "postgresql"
    )
    assert not explain.full_scan(
        "Index Scan using app_owner_stage_idx on applications_application", "postgresql"
    )


def test_parameters_are_written_into_the_sql_for_explain() -> None:
    sql = "SELECT 1 WHERE a = %s AND b = %s AND c LIKE '%%x' AND d = %s AND e IS %s"
    written = explain.inline(sql, [3, "it's", True, None])
    assert written == "SELECT 1 WHERE a = 3 AND b = 'it''s' AND c LIKE '%x' AND d = 1 AND e IS NULL"


def test_a_page_budget_stretches_with_a_slower_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1 ms is no budget a page meets; on a machine a million times slower than the one it
    was set on (this run's bare SQL and card render against the reference), it is."""
    monkeypatch.setattr(pages, "TABLE_ADMIN_BUDGET", 1e9)
    monkeypatch.setattr(pages, "PAGE_P95_BUDGET_MS", {"dashboard": {30: 1}})
    monkeypatch.setattr(pages, "REFERENCE_LIMIT_MS", 1e-6)
    out = StringIO()

    call_command("bench", *QUICK, "--doc", str(_doc(tmp_path)), stdout=out)

    board = next(line for line in out.getvalue().splitlines() if "| board: test client" in line)
    assert "p95 ≤ 1 ms, " in board
    assert "times at this run's pace | pass |" in board
