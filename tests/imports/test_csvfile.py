"""Reading an uploaded CSV: files decoded, delimiters sniffed, problems by line."""

import pytest

from tracker.imports.csvfile import CsvFileError, decode_upload, read_csv, sniff_delimiter


def test_utf8_with_and_without_a_byte_order_mark() -> None:
    assert decode_upload("company\nCafé".encode()) == ("company\nCafé", "UTF-8")
    assert decode_upload("\ufeffcompany\nCafé".encode()) == ("company\nCafé", "UTF-8")


def test_latin1_as_windows_1252() -> None:
    text, encoding = decode_upload("company;salary\nCafé Müller;80 €".encode("cp1252"))

    assert text == "company;salary\nCafé Müller;80 €"
    assert "Latin-1" in encoding


def test_latin1_bytes_windows_1252_leaves_undefined() -> None:
    text, encoding = decode_upload(b"company\nA\x81B\xe9")

    assert text == "company\nA\x81Bé"
    assert encoding == "Latin-1"


def test_utf16_from_excel_unicode_text() -> None:
    text, _ = decode_upload("company\trole\nAcme\tDev".encode("utf-16"))

    assert text == "company\trole\nAcme\tDev"


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", r"Excel workbook \(\.xlsx\)"),
        (b"%PDF-1.7\n", "PDF"),
        (b"company\x00role\x00\x01\x02", "binary data"),
        ("company\x00role".encode("utf-16"), "binary data"),
        (bytes(range(1, 32)) * 20, "binary data"),
        (b"", "empty"),
        (b"  \r\n\r\n ", "empty"),
        ("\ufeff".encode(), "empty"),
    ],
)
def test_what_is_not_a_csv_is_refused_with_a_reason(raw: bytes, says: str) -> None:
    with pytest.raises(CsvFileError, match=says):
        decode_upload(raw)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("company,role\nAcme,Dev\n", ","),
        ("company;role\nAcme;Dev\n", ";"),
        ("company\trole\nAcme\tDev\n", "\t"),
        ('Company;Notes\nAcme;"one, two, three"\nGlobex;"four, five"\n', ";"),
        ("company\nAcme\n", ","),
    ],
)
def test_the_delimiter_is_sniffed(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_rows_keep_the_line_they_start_on() -> None:
    text = 'company,notes\n\nAcme,"two\nlines"\nGlobex,x\n'

    table = read_csv(text, ",")

    assert table.header == ["company", "notes"]
    assert [(r.line, r.cells) for r in table.rows] == [
        (3, ["Acme", "two\nlines"]),
        (5, ["Globex", "x"]),
    ]


def test_a_short_row_reads_as_empty_cells_and_empty_extras_are_fine() -> None:
    table = read_csv("a,b,c\n1\n1,2,3,,\n", ",")

    assert [r.cells for r in table.rows] == [["1", "", ""], ["1", "2", "3"]]


def test_a_row_with_more_cells_than_the_header_is_an_error_on_its_line() -> None:
    with pytest.raises(CsvFileError, match=r"Line 3: this row has 3 cells"):
        read_csv("a,b\n1,2\n1,2,3\n", ",")


def test_a_huge_cell_is_an_error_on_its_line_not_a_crash() -> None:
    text = "company,notes\nAcme,x\nGlobex," + "y" * 1_100_000 + "\n"

    with pytest.raises(CsvFileError, match=r"Line 3 is longer than 400,000 characters"):
        read_csv(text, ",")


def test_a_quote_never_closed_is_explained() -> None:
    text = 'company,notes\nAcme,"never closed\n' + "more text\n" * 20_000

    with pytest.raises(CsvFileError, match="quote that is never closed"):
        read_csv(text, ",")


def test_a_header_alone_has_no_rows() -> None:
    with pytest.raises(CsvFileError, match="no rows"):
        read_csv("company,role\n", ",")


def test_too_many_rows() -> None:
    with pytest.raises(CsvFileError, match="more than 3 rows"):
        read_csv("a\n1\n2\n3\n4\n", ",", max_rows=3)
