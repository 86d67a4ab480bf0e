"""What a spreadsheet's columns and cells mean: guesses, lenient reading, errors by column."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from tracker.imports.columns import (
    IGNORE,
    guess_columns,
    guess_date_order,
    guess_source,
    guess_stage,
)
from tracker.imports.csvfile import CsvRow
from tracker.imports.rows import (
    CellError,
    RowReader,
    parse_currency,
    parse_date,
    parse_salary,
    parse_url,
)

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_common_header_names_are_recognised() -> None:
    header = ["Company Name", "Job Title", "Date Applied", "Status", "Link", "Notes", "Misc"]

    assert guess_columns(header) == [
        "company", "role", "applied_on", "stage", "url", "notes", IGNORE,
    ]  # fmt: skip


def test_other_spellings_and_each_target_once() -> None:
    header = [
        "Employer",
        "Position",
        "Salary from",
        "Salary to",
        "Currency",
        "Where found",
        "Employer",
    ]

    assert guess_columns(header) == [
        "company", "role", "salary_min", "salary_max", "salary_currency", "source", IGNORE,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("Rejected", "rejected"),
        ("rejected after interview", "rejected"),
        ("Interview", "interviewing"),
        ("2nd interview scheduled", "interviewing"),
        ("Applied", "applied"),
        ("", "applied"),
        ("Offer", "offer"),
        ("Offer accepted", "accepted"),
        ("Phone screen", "screening"),
        ("No response", "ghosted"),
        ("Withdrew", "withdrawn"),
        ("Saved", "wishlist"),
        ("'=Rejected", "rejected"),
        ("Maybe", ""),
    ],
)
def test_status_words_become_stages(word: str, stage: str) -> None:
    assert guess_stage(word) == stage


@pytest.mark.parametrize(
    ("value", "source"),
    [
        ("LinkedIn", "job_board"),
        ("Referral from Sam", "referral"),
        ("Recruiter reached out", "recruiter_outreach"),
        ("Company website", "company_site"),
        ("company_site", "company_site"),
        ("", "job_board"),
        ("a friend of a friend's cousin", "networking"),
        ("Carrier pigeon", "other"),
    ],
)
def test_sources_are_read_leniently(value: str, source: str) -> None:
    assert guess_source(value) == source


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("2026-11-25", "dmy", date(2026, 11, 25)),
        ("2026-11-25T10:00:00", "dmy", date(2026, 11, 25)),
        ("2026-11-25 00:00:00", "mdy", date(2026, 11, 25)),
        ("25/11/2026", "dmy", date(2026, 11, 25)),
        ("11/25/2026", "mdy", date(2026, 11, 25)),
        ("03/04/2026", "dmy", date(2026, 4, 3)),
        ("03/04/2026", "mdy", date(2026, 3, 4)),
        ("25.11.26", "dmy", date(2026, 11, 25)),
        ("25 Nov 2026", "dmy", date(2026, 11, 25)),
        ("November 25, 2026", "dmy", date(2026, 11, 25)),
        ("Wed, 25 November 2026", "dmy", date(2026, 11, 25)),
        ("", "dmy", None),
    ],
)
def test_dates_as_spreadsheets_write_them(value: str, order: str, expected: date | None) -> None:
    assert parse_date(value, order) == expected


@pytest.mark.parametrize("value", ["yesterday", "2026-02-30", "31/31/2026", "13 Foo 2026"])
def test_a_bad_date_is_an_error(value: str) -> None:
    with pytest.raises(CellError, match="2026-11-25"):
        parse_date(value, "dmy")


def test_the_date_order_is_guessed_from_unambiguous_dates() -> None:
    assert guess_date_order(["01/02/2026", "25/11/2026"]) == "dmy"
    assert guess_date_order(["01/02/2026", "11/25/2026"]) == "mdy"
    assert guess_date_order(["2026-11-25", "01/02/2026"]) == "dmy"


@pytest.mark.parametrize(
    ("value", "amount"),
    [
        ("65000", 65_000),
        ("65,000", 65_000),
        ("65.000", 65_000),
        ("€65 000", 65_000),
        ("65k", 65_000),
        ("65.5k", 65_500),
        ("$120,000.00", 120_000),
        ("", None),
    ],
)
def test_salaries_are_read_leniently(value: str, amount: int | None) -> None:
    assert parse_salary(value) == amount


@pytest.mark.parametrize("value", ["-5", "lots", "99999999999"])
def test_a_bad_salary_is_an_error(value: str) -> None:
    with pytest.raises(CellError):
        parse_salary(value)


def test_currencies_and_urls() -> None:
    assert parse_currency("eur") == "EUR"
    assert parse_currency("€") == "EUR"
    assert parse_url("acme.example/jobs/1") == "https://acme.example/jobs/1"
    with pytest.raises(CellError):
        parse_currency("Euros")
    with pytest.raises(CellError):
        parse_url("not a url")


def _reader(header: list[str], **kwargs: object) -> RowReader:
    return RowReader(
        header=header,
        columns=guess_columns(header),
        zone=PARIS,
        today=date(2026, 11, 25),
        clock=NOW,
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_good_row_becomes_an_application() -> None:
    reader = _reader(["Company", "Title", "Status", "Date Applied", "Salary"])

    row, errors = reader.read(
        CsvRow(2, ["  Acme   Corp ", "Dev", "Interview", "25/11/2026", "60k"])
    )

    assert errors == []
    assert row is not None
    assert (row.company, row.role, row.stage, row.applied_on, row.salary_min) == (
        "Acme Corp", "Dev", "interviewing", date(2026, 11, 25), 60_000,
    )  # fmt: skip


def test_a_neutralised_cell_reads_as_what_was_meant() -> None:
    reader = _reader(["Company", "Role", "Notes"])

    row, _ = reader.read(CsvRow(2, ["'=Acme", "'-Dev", "'@note"]))

    assert row is not None
    assert (row.company, row.role, row.notes) == ("=Acme", "-Dev", "@note")


def test_every_problem_of_a_row_is_reported_by_line_and_column() -> None:
    reader = _reader(["Company", "Role", "Status", "Date Applied", "Salary min", "Salary max"])

    row, errors = reader.read(CsvRow(7, ["", "x" * 201, "Maybe", "2027-01-01", "90000", "80000"]))

    assert row is None
    assert {(e.line, e.column) for e in errors} == {
        (7, "Company"), (7, "Role"), (7, "Status"), (7, "Date Applied"), (7, "Salary max"),
    }  # fmt: skip
    messages = " ".join(e.message for e in errors)
    assert "company is missing" in messages
    assert "201 characters long; the limit is 200" in messages
    assert "which stage “Maybe” means" in messages
    assert "in the future" in messages
    assert "below the minimum" in messages


def test_the_users_stage_mapping_wins_over_the_guess() -> None:
    reader = _reader(
        ["Company", "Role", "Status"], stages={"maybe": "screening", "applied": "offer"}
    )

    maybe, _ = reader.read(CsvRow(2, ["Acme", "Dev", "Maybe"]))
    applied, _ = reader.read(CsvRow(3, ["Acme", "Dev", "APPLIED "]))

    assert maybe is not None
    assert maybe.stage == "screening"
    assert applied is not None
    assert applied.stage == "offer"
