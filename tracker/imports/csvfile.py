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

from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy

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
# Whole sentences, so each language says "a ... image" its own way.
_NOT_CSV = {
    b"\x89PNG": gettext_lazy("This is a PNG image, not a CSV file."),
    b"\xff\xd8\xff": gettext_lazy("This is a JPEG image, not a CSV file."),
    b"GIF8": gettext_lazy("This is a GIF image, not a CSV file."),
    b"%PDF": gettext_lazy("This is a PDF document, not a CSV file."),
    b"PK\x03\x04": gettext_lazy(
        "This is an Excel workbook (.xlsx) or another zip archive, not a CSV file."
    ),
    b"\xd0\xcf\x11\xe0": gettext_lazy("This is an Excel workbook (.xls), not a CSV file."),
}
_SAVE_AS_CSV = gettext_lazy(
    "Save it from your spreadsheet as CSV (comma-separated values) and upload that."
)
_BINARY = gettext_lazy("This is not a CSV file: it holds binary data.")
_EMPTY = gettext_lazy("The file is empty.")


def _number(value: int) -> str:
    """A count as the user's language groups it: 10,000 or 10.000."""
    return number_format(value, force_grouping=True)


def decode_upload(raw: bytes) -> tuple[str, str]:
    """The file's text and the name of its encoding; CsvFileError if it is not text."""
    for magic, what in _NOT_CSV.items():
        if raw.startswith(magic):
            raise CsvFileError(f"{what} {_SAVE_AS_CSV}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text": UTF-16 with a byte-order mark.
        text, encoding = _decode(raw, "utf-16"), "UTF-16"
    elif b"\x00" in raw:
        raise CsvFileError(f"{_BINARY} {_SAVE_AS_CSV}")
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
        raise CsvFileError(str(_EMPTY))
    # A NUL is never text (and PostgreSQL cannot store one in a text column).
    if "\x00" in text or _mostly_control_characters(text[:100_000]):
        raise CsvFileError(f"{_BINARY} {_SAVE_AS_CSV}")
    return text, encoding


def _decode(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise CsvFileError(
            gettext("This file is not valid %(encoding)s text.") % {"encoding": encoding.upper()}
        ) from None


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
                    gettext(
                        "Line %(line)d is longer than %(limit)s characters, more than any "
                        "application's cells hold. A quote that is never closed causes this too."
                    )
                    % {"line": number, "limit": _number(MAX_LINE_CHARS)}
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
                    gettext("The file has more than %(count)s rows. Split it into smaller files.")
                    % {"count": _number(max_rows)}
                )
            width = len(header)
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                raise CsvFileError(
                    gettext(
                        "Line %(line)d: this row has %(cells)d cells but the header names "
                        "%(width)d columns. Check the delimiter, or quote cells that contain it."
                    )
                    % {"line": start, "cells": len(cells), "width": width}
                )
            rows.append(CsvRow(start, (cells + [""] * width)[:width]))
    except csv.Error as exc:
        raise CsvFileError(_on_line(line, _explain(exc))) from None
    if header is None:
        raise CsvFileError(str(_EMPTY))
    if not rows:
        raise CsvFileError(gettext("The file has a header row but no rows under it."))
    return CsvTable(header, rows)


def _too_wide(count: int) -> str:
    return gettext(
        "The file has %(count)s columns; Rebound reads at most %(most)d. Remove the "
        "columns you do not need, or check the delimiter."
    ) % {"count": _number(count), "most": MAX_COLUMNS}


def _on_line(line: int, problem: str) -> str:
    return gettext("Line %(line)d: %(problem)s") % {"line": line, "problem": problem}


def _check_size(line: int, cells: list[str], *, is_header: bool) -> None:
    """Refuses a row wider, or a cell or row longer, than any application needs."""
    if len(cells) > MAX_COLUMNS:
        if is_header:
            raise CsvFileError(_too_wide(len(cells)))
        raise CsvFileError(
            gettext(
                "Line %(line)d: this row has %(count)s cells; Rebound reads at most "
                "%(most)d columns."
            )
            % {"line": line, "count": _number(len(cells)), "most": MAX_COLUMNS}
        )
    if any(len(cell) > MAX_CELL_CHARS for cell in cells):
        raise CsvFileError(_on_line(line, _cell_too_long()))
    if sum(map(len, cells)) > MAX_ROW_CHARS:
        raise CsvFileError(
            gettext("Line %(line)d: this row is longer than %(limit)s characters in all.")
            % {"line": line, "limit": _number(MAX_ROW_CHARS)}
        )


def _cell_too_long() -> str:
    return gettext(
        "a cell is longer than %(limit)s characters. A quote that is never "
        "closed causes this too: the rest of the file becomes one cell."
    ) % {"limit": _number(MAX_CELL_CHARS)}


def _explain(exc: csv.Error) -> str:
    message = str(exc)
    if "field larger than field limit" in message:
        # The csv module's own limit (128 KB) is above MAX_CELL_CHARS.
        return _cell_too_long()
    return gettext("this is not valid CSV (%(problem)s).") % {"problem": message}
