from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import selectors
from tracker.applications.filters import ApplicationFilterForm
from tracker.applications.models import Stage

PAGE_SIZE = 50


@login_required
def application_table(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    filters = ApplicationFilterForm(request.GET).filters()
    applications = selectors.application_list(user=user, filters=filters)
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = selectors.application_stage_counts(user=user)
    context = {
        "page": page,
        "stage_counts": [(s, counts[s.value]) for s in Stage],
        "total": sum(counts.values()),
        "current_stage": filters.stage,
        "search": filters.search,
    }
    return render(request, "applications/table.html", context)
