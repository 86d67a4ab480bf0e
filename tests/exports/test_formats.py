"""Writing CSV: formulas neutralised (and recognised on the way back), streamed in chunks."""

import csv
import io

import pytest

from tracker.exports.formats import neutralise, unneutralise
from tracker.exports.streaming import stream_csv


@pytest.mark.parametrize(
    "value", ["=1+1", "+33 6 12", "-2", "@SUM(A1)", "\tTab", "\rReturn", "'quoted"]
)
def test_a_cell_a_spreadsheet_would_run_is_quoted(value: str) -> None:
    assert neutralise(value) == "'" + value
    assert unneutralise(neutralise(value)) == value


@pytest.mark.parametrize("value", ["", "Acme", "1+1", "a=b", "O'Brien", " =spaced"])
def test_a_harmless_cell_is_left_alone(value: str) -> None:
    assert neutralise(value) == value
    assert unneutralise(value) == value


@pytest.mark.parametrize("value", ["'", "'x", "'Tis"])
def test_a_quote_someone_typed_is_not_taken_for_ours(value: str) -> None:
    assert unneutralise(value) == value
    assert unneutralise(neutralise(value)) == value


def test_the_stream_is_a_header_then_rows_in_bounded_chunks() -> None:
    rows = ((i, f"row {i}") for i in range(1_234))

    chunks = list(stream_csv(("id", "name"), rows))

    assert len(chunks) == 3  # 500 + 500 + 234 rows, the header in the first
    parsed = list(csv.reader(io.StringIO("".join(chunks))))
    assert parsed[0] == ["id", "name"]
    assert parsed[-1] == ["1233", "row 1233"]
    assert len(parsed) == 1_235


def test_an_empty_export_is_its_header() -> None:
    assert "".join(stream_csv(("id",), [])) == "id\r\n"
