"""The two CSV exports of the dashboard. Thin: the responses module streams them."""

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.views.decorators.http import require_GET

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications.filters import ApplicationFilterForm
from tracker.exports.responses import applications_csv_response, history_csv_response


@login_required
@require_GET
def export_applications(request: AuthenticatedRequest) -> StreamingHttpResponse:
    filters = ApplicationFilterForm(request.GET).filters()
    return applications_csv_response(request.user, filters, for_excel=_for_excel(request))


@login_required
@require_GET
def export_history(request: AuthenticatedRequest) -> StreamingHttpResponse:
    filters = ApplicationFilterForm(request.GET).filters()
    return history_csv_response(request.user, filters, for_excel=_for_excel(request))


def _for_excel(request: AuthenticatedRequest) -> bool:
    return request.GET.get("for") == "excel"
