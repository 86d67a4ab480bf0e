"""The log as files: the printable page, the PDF and the CSV, all from one `Sheet`.

The PDF is the printable page itself, laid out by WeasyPrint with the same stylesheet a
browser prints with, so the page and the PDF cannot drift apart.
"""

import csv
import io

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy

from tracker.exports.formats import neutralise
from tracker.worksearch.layouts import Sheet
from tracker.worksearch.vocabulary import Layout

STYLESHEET = "css/worksearch-log.css"
_LANG = {Layout.GENERAL: "en-US", Layout.UK: "en-GB", Layout.DE: "de"}


def log_html(sheet: Sheet, *, for_pdf: bool = False, back_url: str = "") -> str:
    return render_to_string(
        "worksearch/document.html",
        {"sheet": sheet, "lang": _LANG[sheet.layout], "for_pdf": for_pdf, "back_url": back_url},
    )


class PdfUnavailable(Exception):
    """This server lacks the system libraries WeasyPrint draws with."""


PDF_UNAVAILABLE = gettext_lazy(
    "PDFs cannot be made on this server: its administrator needs to install Pango "
    "(see the README). The printable page and the CSV still work."
)


def log_pdf(sheet: Sheet) -> bytes:
    # Imported here: loading Pango costs a quarter of a second that only a PDF needs.
    try:
        from weasyprint import CSS, HTML  # type: ignore[import-untyped]
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]
    except OSError as exc:  # WeasyPrint could not load Pango
        raise PdfUnavailable(PDF_UNAVAILABLE) from exc

    stylesheet = finders.find(STYLESHEET)
    assert isinstance(stylesheet, str), f"{STYLESHEET} is missing from the static files"
    # No base URL, no links in the PDF's HTML, and no protocol allowed: whatever a user
    # typed into the log, WeasyPrint fetches nothing.
    fetcher = URLFetcher(allowed_protocols=())
    document = HTML(string=log_html(sheet, for_pdf=True), url_fetcher=fetcher)
    pdf = document.write_pdf(stylesheets=[CSS(filename=stylesheet)])
    assert pdf is not None
    return pdf


def log_csv(sheet: Sheet) -> str:
    """One row per entry under the layout's headings; dates as ISO 8601, which every
    spreadsheet reads the same way."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(sheet.headings)
    for day, cells in sheet.records:
        writer.writerow([day, *(neutralise(cell) for cell in cells)])
    return out.getvalue()


def file_name(sheet: Sheet, extension: str) -> str:
    return f"work-search-log-{sheet.start}-{sheet.end}.{extension}"
