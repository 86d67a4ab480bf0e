"""An upload is refused at once, and saved nowhere, when it is too wide, has
a cell or row longer than any application holds, or is larger than the import takes;
the size is judged from the Content-Length before the multipart body is read."""

import io
import time
from typing import Any, cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http.multipartparser import MultiPartParser
from django.test import Client
from django.urls import reverse

from tracker.accounts.models import User
from tracker.imports.csvfile import MAX_COLUMNS, CsvFileError, read_csv
from tracker.imports.models import ImportJob, ImportStatus

pytestmark = pytest.mark.django_db


def _upload(client: Client, raw: bytes) -> Any:
    file = SimpleUploadedFile("wide.csv", raw, content_type="text/csv")
    return client.post(reverse("import_upload"), {"file": file})


def _header(width: int) -> bytes:
    return ",".join(f"column {i}" for i in range(width)).encode()


def test_a_hundred_thousand_columns_are_refused_quickly_and_nothing_is_saved(
    alice_client: Client,
) -> None:
    raw = _header(100_000) + b"\n" + b"Acme,Dev\n"

    start = time.monotonic()
    response = _upload(alice_client, raw)
    took = time.monotonic() - start

    assert response.status_code == 400
    assert "The file has 100,000 columns; Rebound reads at most 200." in response.content.decode()
    assert not ImportJob.objects.exists()
    assert took < 2


def test_two_hundred_columns_are_accepted_and_mapped_one_field_each(
    alice_client: Client,
) -> None:
    raw = b"company,role," + _header(MAX_COLUMNS - 2) + b"\nAcme,Dev\n"

    response = _upload(alice_client, raw)

    assert response.status_code == 302
    page = alice_client.get(response["Location"])
    assert len(page.context["form"].column_fields()) == MAX_COLUMNS


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_header(MAX_COLUMNS + 1) + b"\nAcme\n", "The file has 201 columns"),
        (b"company,role\nAcme,Dev" + b"," * 300 + b"\n", "Line 2: this row has 302 cells"),
        (b"company,notes\nAcme," + b"x" * 2**20 + b"\n", "Line 2 is longer than 400,000"),
        (b'company,notes\nAcme,"' + b"x\n" * 60_000 + b'"\n', "Line 2: a cell is longer than"),
        (
            b"company,role,a,b,c\n" + b",".join([b"y" * 60_000] * 5) + b"\n",
            "Line 2: this row is longer than 200,000 characters",
        ),
    ],
)
def test_too_wide_or_too_long_is_a_form_error(
    alice_client: Client, raw: bytes, message: str
) -> None:
    response = _upload(alice_client, raw)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_line_of_a_million_delimiters_is_refused_before_it_is_split() -> None:
    text = "company,role\n" + "," * 1_000_000 + "\n"

    start = time.monotonic()
    with pytest.raises(CsvFileError, match="Line 2 is longer than"):
        read_csv(text, ",")
    assert time.monotonic() - start < 0.5


class _Watch:
    """Counts what Django would do with an upload: parse it, spool it to disk."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed = 0
        self.spooled = 0
        parse, new_file = MultiPartParser.parse, TemporaryFileUploadHandler.new_file

        def counting_parse(parser: MultiPartParser) -> Any:
            self.parsed += 1
            return parse(parser)

        def counting_new_file(handler: TemporaryFileUploadHandler, *a: Any, **k: Any) -> None:
            self.spooled += 1
            new_file(handler, *a, **k)

        monkeypatch.setattr(MultiPartParser, "parse", counting_parse)
        monkeypatch.setattr(TemporaryFileUploadHandler, "new_file", counting_new_file)


def test_a_50_mb_upload_is_refused_from_its_length_without_being_read(
    alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = _Watch(monkeypatch)
    raw = b"company,role\n" + b"Acme,Dev\n" * (50 * 2**20 // 9)

    start = time.monotonic()
    response = _upload(alice_client, raw)
    took = time.monotonic() - start

    assert response.status_code == 413
    assert "this page takes at most 21 MB in all" in response.content.decode()
    assert "Nothing was saved." in response.content.decode()
    assert (watch.parsed, watch.spooled) == (0, 0)
    assert not ImportJob.objects.exists()
    assert took < 5


def test_a_file_within_the_limit_is_read_in_memory_never_spooled(
    alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = _Watch(monkeypatch)

    response = _upload(alice_client, b"company,role\n" + b"Acme,Dev\n" * 20_000)

    assert response.status_code == 302
    assert (watch.parsed, watch.spooled) == (1, 0)


def test_a_body_over_the_limit_is_refused_whatever_the_form_says(alice_client: Client) -> None:
    # A client that lies about nothing but sends its size first: refused unread.
    response = alice_client.generic(
        "POST",
        reverse("import_upload"),
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(315 * 2**20),
    )

    assert response.status_code == 413
    assert "What you sent is 315 MB" in response.content.decode()


def test_a_chunked_upload_without_a_length_is_refused_not_read(
    alice_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = _Watch(monkeypatch)
    request = alice_client.generic(
        "POST",
        reverse("import_upload"),
        data=b"",
        content_type="multipart/form-data; boundary=x",
        HTTP_TRANSFER_ENCODING="chunked",
        **cast(Any, {"wsgi.input": io.BytesIO(b"x" * 2**20)}),
    )

    assert request.status_code == 411
    assert "without saying its size" in request.content.decode()
    assert watch.parsed == 0


def test_other_pages_are_not_limited_by_the_import_limit(alice_client: Client) -> None:
    response = alice_client.generic(
        "POST", reverse("login"), data=b"", CONTENT_LENGTH=str(50 * 2**20)
    )

    assert response.status_code != 413


def test_a_job_stored_wider_than_the_cap_builds_no_fields_and_fails(
    alice: User, alice_client: Client
) -> None:
    header = [f"column {i}" for i in range(5_000)]
    job = ImportJob.objects.create(
        owner=alice,
        filename="old.csv",
        text=",".join(header) + "\n" + "x\n",
        header=header,
        total=1,
        mapping={"columns": [""] * 5_000, "stages": {}, "date_order": "dmy"},
    )

    response = alice_client.get(reverse("import_job", args=[job.pk]))

    assert response.status_code == 200
    assert "more than 200 columns" in response.content.decode()
    assert 'name="column_' not in response.content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.text == ""
