"""The work-search log's pages: the log of a period with its downloads, the activity
form, and the log's settings."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import services as applications
from tracker.applications.forms import add_service_errors
from tracker.applications.models import Company
from tracker.core.ownership import get_owned_or_404
from tracker.worksearch import documents, layouts, selectors, services
from tracker.worksearch.forms import (
    ActivityForm,
    EmployerForm,
    LogSettingsForm,
    PeriodForm,
    default_period,
)
from tracker.worksearch.models import Activity
from tracker.worksearch.vocabulary import Layout

# The activities listed under the form, to check or delete a recent one.
RECENT_ACTIVITIES = 20


def _period_form(request: AuthenticatedRequest, source: Any) -> Any:
    """The period asked for, or last week and this one when none was."""
    if "from" in source or "to" in source:
        return PeriodForm(source)
    settings = selectors.log_settings(user=request.user)
    today = timezone.localdate(timezone.now(), request.user.zone)
    week_starts_on = layouts.WORDS[Layout(settings.layout)].week_starts_on
    start, end = default_period(today, week_starts_on)
    return PeriodForm({"from": start, "to": end, "layout": source.get("layout", "")})


def _log(request: AuthenticatedRequest, form: Any) -> selectors.WorkSearchLog:
    data = form.cleaned_data
    return selectors.work_search_log(
        user=request.user,
        start=data["from"],
        end=data["to"],
        layout=Layout(data["layout"]) if data.get("layout") else None,
    )


def _query(form: Any) -> str:
    data = form.cleaned_data
    params = {"from": data["from"].isoformat(), "to": data["to"].isoformat()}
    if data.get("layout"):
        params["layout"] = data["layout"]
    return urlencode(params)


def _page(
    request: AuthenticatedRequest,
    *,
    period: Any = None,
    activity_form: ActivityForm | None = None,
    settings_form: LogSettingsForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    period = period if period is not None else _period_form(request, request.GET)
    found = _log(request, period) if period.is_valid() else None
    today = timezone.localdate(timezone.now(), user.zone)
    context = {
        "period": period,
        "found": found,
        "query": _query(period) if found else "",
        "activity_form": activity_form or ActivityForm(initial={"date": today}),
        "settings_form": settings_form
        or LogSettingsForm(instance=selectors.log_settings(user=user)),
        "activities": selectors.activity_list(user=user)[:RECENT_ACTIVITIES],
    }
    if period.errors and status == 200:
        status = 400
    return render(request, "worksearch/log.html", context, status=status)


@login_required
@require_GET
def work_search_log(request: AuthenticatedRequest) -> HttpResponse:
    return _page(request)


def _document(request: AuthenticatedRequest) -> tuple[Any, selectors.WorkSearchLog | None]:
    period = _period_form(request, request.GET)
    return period, (_log(request, period) if period.is_valid() else None)


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_GET
def work_search_print(request: AuthenticatedRequest) -> HttpResponse:
    """The log as a page of its own, laid out for paper (the browser prints it)."""
    period, found = _document(request)
    if found is None:
        return _page(request, period=period)
    back = reverse("work_search_log") + "?" + _query(period)
    return HttpResponse(documents.log_html(found.sheet, back_url=back))


@login_required
@require_GET
def work_search_pdf(request: AuthenticatedRequest) -> HttpResponse:
    period, found = _document(request)
    if found is None:
        return _page(request, period=period)
    try:
        pdf = documents.log_pdf(found.sheet)
    except documents.PdfUnavailable as exc:
        return HttpResponse(str(exc), content_type="text/plain; charset=utf-8", status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    return _attachment(response, documents.file_name(found.sheet, "pdf"))


@login_required
@require_GET
def work_search_csv(request: AuthenticatedRequest) -> HttpResponse:
    period, found = _document(request)
    if found is None:
        return _page(request, period=period)
    response = HttpResponse(documents.log_csv(found.sheet), content_type="text/csv; charset=utf-8")
    return _attachment(response, documents.file_name(found.sheet, "csv"))


def _back(request: AuthenticatedRequest) -> HttpResponseRedirect:
    """To the log, showing the period the user was looking at."""
    period = PeriodForm(request.POST)
    query = "?" + _query(period) if period.is_valid() else ""
    return HttpResponseRedirect(reverse("work_search_log") + query)


@login_required
@require_POST
def activity_create(request: AuthenticatedRequest) -> HttpResponse:
    form = ActivityForm(request.POST)
    if form.is_valid():
        try:
            activity = services.activity_create(owner=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, gettext("Logged: %(kind)s.") % {"kind": activity.get_kind_display()}
            )
            return _back(request)
    return _page(
        request, period=_period_form(request, request.POST), activity_form=form, status=400
    )


@login_required
@require_POST
def activity_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    activity = get_owned_or_404(Activity, user=request.user, pk=pk)
    services.activity_delete(activity=activity)
    messages.success(request, gettext("Activity deleted."))
    return _back(request)


@login_required
@require_POST
def log_settings_update(request: AuthenticatedRequest) -> HttpResponse:
    form = LogSettingsForm(request.POST, instance=selectors.log_settings(user=request.user))
    if form.is_valid():
        try:
            services.log_settings_update(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, gettext("Log settings saved."))
            return _back(request)
    return _page(
        request, period=_period_form(request, request.POST), settings_form=form, status=400
    )


@login_required
@require_http_methods(["GET", "POST"])
def employer_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """An employer's address, phone and website, for the log: asked from its page when a
    company in the period has none."""
    company = get_owned_or_404(Company, user=request.user, pk=pk)
    source = request.POST if request.method == "POST" else request.GET
    period = PeriodForm(source)
    form = EmployerForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        try:
            applications.company_update_details(company=company, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, gettext("Saved how to reach %(company)s.") % {"company": company.name}
            )
            return _back(request)
    context = {"company": company, "form": form, "period": period if period.is_valid() else None}
    return render(request, "worksearch/employer.html", context, status=400 if form.errors else 200)
