"""Writing a CSV export as a stream: memory stays flat whatever the export's size."""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

# Rows per chunk handed to the web server: big enough that the per-chunk overhead of the
# WSGI stack vanishes, small enough that memory stays flat whatever the export's size.
STREAM_BATCH = 500


# Excel on Windows reads a CSV file as the machine's legacy code page ("TomÃ¡s") unless it
# starts with a byte-order mark; other tools take the mark for part of the first header.
BYTE_ORDER_MARK = "\ufeff"


def stream_csv(
    header: Sequence[str], rows: Iterable[Sequence[Any]], *, for_excel: bool = False
) -> Iterator[str]:
    """The CSV text in chunks of STREAM_BATCH rows, header first. Memory stays flat."""
    buffer = io.StringIO()
    if for_excel:
        buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer)
    writer.writerow(header)
    rows = iter(rows)
    while batch := list(islice(rows, STREAM_BATCH)):
        writer.writerows(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
