"""Reading an uploaded CSV file: pure functions, no ORM, no Django, easy to test.

It accepts what spreadsheets actually produce: UTF-8 with or without a byte-order mark,
Latin-1 (Windows-1252), UTF-16, comma, semicolon or tab delimiters, and reports problems
by line number. What the cells mean is for the columns to say (columns.py, rows.py).
"""

import csv
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# A file wider or longer-celled than any tracker is refused at upload: the mapping page
# builds a field per column, and the worker reads every cell of every row.
MAX_COLUMNS = 200
MAX_CELL_CHARS = 100_000  # twice the longest column (a job description, 50,000)
MAX_ROW_CHARS = 200_000
# A physical line is checked before the csv module splits it, so a line of a million
# delimiters never becomes a million cells; quoting can double a row's length.
MAX_LINE_CHARS = 2 * MAX_ROW_CHARS


class CsvFileError(ValueError):
    """A file that cannot be read as CSV; the message is for the user."""


# What people upload by mistake, recognised by its first bytes.
_NOT_CSV = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "an Excel workbook (.xlsx) or another zip archive",
    b"\xd0\xcf\x11\xe0": "an Excel workbook (.xls)",
}
_SAVE_AS_CSV = "Save it from your spreadsheet as CSV (comma-separated values) and upload that."


def decode_upload(raw: bytes) -> tuple[str, str]:
    """The file's text and the name of its encoding; CsvFileError if it is not text."""
    for magic, what in _NOT_CSV.items():
        if raw.startswith(magic):
            raise CsvFileError(f"This is {what}, not a CSV file. {_SAVE_AS_CSV}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text": UTF-16 with a byte-order mark.
        text, encoding = _decode(raw, "utf-16"), "UTF-16"
    elif b"\x00" in raw:
        raise CsvFileError(f"This is not a CSV file: it holds binary data. {_SAVE_AS_CSV}")
    else:
        try:
            text, encoding = raw.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            # Not UTF-8, so an older spreadsheet's Latin-1. Windows-1252 is what those
            # write in practice (its € and curly quotes sit where Latin-1 has unused
            # control codes); the few bytes it leaves undefined fall back to Latin-1.
            try:
                text, encoding = raw.decode("cp1252"), "Windows-1252 (Latin-1)"
            except UnicodeDecodeError:
                text, encoding = raw.decode("latin-1"), "Latin-1"
    if not text.strip():
        raise CsvFileError("The file is empty.")
    # A NUL is never text (and PostgreSQL cannot store one in a text column).
    if "\x00" in text or _mostly_control_characters(text[:100_000]):
        raise CsvFileError(f"This is not a CSV file: it holds binary data. {_SAVE_AS_CSV}")
    return text, encoding


def _decode(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise CsvFileError(f"This file is not valid {encoding.upper()} text.") from None


def _mostly_control_characters(sample: str) -> bool:
    control = sum(
        1 for ch in sample if ch not in "\t\r\n" and unicodedata.category(ch) in ("Cc", "Cs")
    )
    return control > max(10, len(sample) // 100)


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab, as csv.Sniffer guesses from the first rows.

    The sniffer sometimes picks a character that only occurs inside the notes; a
    delimiter must separate the header's names, so when it does not, the character the
    header uses most wins (a header with none of them is one column: a comma will do).
    """
    sample = text[:8_192]  # the sniffer's regexes slow down fast on longer samples
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    header = sample.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ""
    if delimiter not in header or not delimiter:
        counts = {d: header.count(d) for d in ",;\t"}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    return delimiter


@dataclass(frozen=True)
class CsvRow:
    line: int  # where the row starts in the file, counting the header as line 1
    cells: list[str]


@dataclass(frozen=True)
class CsvTable:
    header: list[str]
    rows: list[CsvRow]


def read_csv(text: str, delimiter: str, *, max_rows: int = MAX_ROWS) -> CsvTable:
    """The header and the non-blank rows; CsvFileError for a file that is not CSV.

    Each row is padded to the header's width, so a short row reads as empty cells.
    Cells are kept as written; the columns decide what a cell means.
    """
    rows: list[CsvRow] = []
    header: list[str] | None = None
    line = 1

    def lines() -> Iterator[str]:
        for number, physical in enumerate(io.StringIO(text, newline=""), 1):
            if len(physical) > MAX_LINE_CHARS:
                if header is None:
                    raise CsvFileError(_too_wide(physical.count(delimiter) + 1))
                raise CsvFileError(
                    f"Line {number} is longer than {MAX_LINE_CHARS:,} characters, more "
                    "than any application's cells hold. A quote that is never closed "
                    "causes this too."
                )
            yield physical

    reader = csv.reader(lines(), delimiter=delimiter)
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            _check_size(start, cells, is_header=header is None)
            if header is None:
                header = [cell.strip() for cell in cells]
                continue
            if len(rows) == max_rows:
                raise CsvFileError(
                    f"The file has more than {max_rows:,} rows. Split it into smaller files."
                )
            width = len(header)
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                raise CsvFileError(
                    f"Line {start}: this row has {len(cells)} cells but the header names "
                    f"{width} columns. Check the delimiter, or quote cells that contain it."
                )
            rows.append(CsvRow(start, (cells + [""] * width)[:width]))
    except csv.Error as exc:
        raise CsvFileError(f"Line {line}: {_explain(exc)}") from None
    if header is None:
        raise CsvFileError("The file is empty.")
    if not rows:
        raise CsvFileError("The file has a header row but no rows under it.")
    return CsvTable(header, rows)


def _too_wide(count: int) -> str:
    return (
        f"The file has {count:,} columns; Rebound reads at most {MAX_COLUMNS}. Remove the "
        "columns you do not need, or check the delimiter."
    )


def _check_size(line: int, cells: list[str], *, is_header: bool) -> None:
    """Refuses a row wider, or a cell or row longer, than any application needs."""
    if len(cells) > MAX_COLUMNS:
        if is_header:
            raise CsvFileError(_too_wide(len(cells)))
        raise CsvFileError(
            f"Line {line}: this row has {len(cells):,} cells; Rebound reads at most "
            f"{MAX_COLUMNS} columns."
        )
    if any(len(cell) > MAX_CELL_CHARS for cell in cells):
        raise CsvFileError(f"Line {line}: {_cell_too_long()}")
    if sum(map(len, cells)) > MAX_ROW_CHARS:
        raise CsvFileError(
            f"Line {line}: this row is longer than {MAX_ROW_CHARS:,} characters in all."
        )


def _cell_too_long() -> str:
    return (
        f"a cell is longer than {MAX_CELL_CHARS:,} characters. A quote that is never "
        "closed causes this too: the rest of the file becomes one cell."
    )


def _explain(exc: csv.Error) -> str:
    message = str(exc)
    if "field larger than field limit" in message:
        # The csv module's own limit (128 KB) is above MAX_CELL_CHARS.
        return _cell_too_long()
    return f"this is not valid CSV ({message})."
