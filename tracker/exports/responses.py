"""The CSV export as an HTTP response, streamed: what the export pages and the HTTP API
both answer with, so the dashboard and the API export byte for byte the same thing (the
dashboard also offers each "for Excel": the same, after a byte-order mark)."""

from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from tracker.accounts.models import User
from tracker.applications.selectors import ApplicationFilters
from tracker.exports import selectors
from tracker.exports.formats import APPLICATION_COLUMNS, HISTORY_COLUMNS
from tracker.exports.streaming import stream_csv


def _csv_response(chunks: Iterator[str], *, name: str, user: User) -> StreamingHttpResponse:
    today = timezone.localdate(timezone.now(), user.zone)
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rebound-{name}-{today}.csv"'
    patch_cache_control(response, private=True, no_store=True)
    return response


def applications_csv_response(
    user: User, filters: ApplicationFilters, *, for_excel: bool = False
) -> StreamingHttpResponse:
    rows = selectors.export_application_rows(user=user, filters=filters)
    chunks = stream_csv(APPLICATION_COLUMNS, rows, for_excel=for_excel)
    return _csv_response(chunks, name="applications", user=user)


def history_csv_response(
    user: User, filters: ApplicationFilters, *, for_excel: bool = False
) -> StreamingHttpResponse:
    rows = selectors.export_history_rows(user=user, filters=filters)
    chunks = stream_csv(HISTORY_COLUMNS, rows, for_excel=for_excel)
    return _csv_response(chunks, name="history", user=user)
