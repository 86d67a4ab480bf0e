"""Export, import and calendar pages. Thin: the selectors and services do the work.

`applications_csv_response` and `history_csv_response` are also what the HTTP API
answers with, so the dashboard and the API export byte for byte the same thing.
"""

from collections.abc import Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRefresh

from tracker.accounts.http import AuthenticatedRequest
from tracker.accounts.models import User
from tracker.applications.filters import ApplicationFilterForm
from tracker.applications.selectors import ApplicationFilters
from tracker.exports import calendar, selectors, services
from tracker.exports.csvio import stream_csv
from tracker.exports.forms import ImportMappingForm, ImportUploadForm
from tracker.exports.models import CalendarFeed, ImportJob, ImportStatus


def _csv_response(chunks: Iterator[str], *, name: str, user: User) -> StreamingHttpResponse:
    today = timezone.localdate(timezone.now(), user.zone)
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rebound-{name}-{today}.csv"'
    patch_cache_control(response, private=True, no_store=True)
    return response


def applications_csv_response(user: User, filters: ApplicationFilters) -> StreamingHttpResponse:
    rows = selectors.export_application_rows(user=user, filters=filters)
    chunks = stream_csv(selectors.APPLICATION_COLUMNS, rows)
    return _csv_response(chunks, name="applications", user=user)


def history_csv_response(user: User, filters: ApplicationFilters) -> StreamingHttpResponse:
    rows = selectors.export_history_rows(user=user, filters=filters)
    chunks = stream_csv(selectors.HISTORY_COLUMNS, rows)
    return _csv_response(chunks, name="history", user=user)


@login_required
@require_GET
def export_applications(request: AuthenticatedRequest) -> StreamingHttpResponse:
    filters = ApplicationFilterForm(request.GET).filters()
    return applications_csv_response(request.user, filters)


@login_required
@require_GET
def export_history(request: AuthenticatedRequest) -> StreamingHttpResponse:
    filters = ApplicationFilterForm(request.GET).filters()
    return history_csv_response(request.user, filters)


# --- Import ----------------------------------------------------------------------------


def _get_import_for_user(request: AuthenticatedRequest, pk: int) -> ImportJob:
    """The signed-in user's import, or a 404: never someone else's."""
    try:
        return ImportJob.objects.select_related("owner").get(owner=request.user, pk=pk)
    except ImportJob.DoesNotExist:
        raise Http404("No such import.") from None


@login_required
def import_upload(request: AuthenticatedRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        filename, raw = form.file_bytes()
        history_filename, history_raw = form.history_bytes()
        try:
            job = services.import_job_create(
                owner=request.user,
                filename=filename,
                raw=raw,
                history_filename=history_filename,
                history_raw=history_raw,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("import_job", pk=job.pk)
    status = 400 if form.errors else 200
    return render(request, "exports/upload.html", {"form": form}, status=status)


@login_required
def import_job(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The mapping step while the job waits for it; its progress or outcome after."""
    job = _get_import_for_user(request, pk)
    if job.status != ImportStatus.NEW:
        if request.method == "POST":
            messages.info(request, "This import has already started.")
            return redirect("import_job", pk=job.pk)
        return render(request, "exports/job.html", _job_context(job))
    mapping = _stored_mapping(job)
    preview = services.import_preview(job=job, mapping=mapping)
    form = ImportMappingForm(
        request.POST or None, job=job, mapping=mapping, stage_values=preview.stage_values
    )
    if request.method == "POST" and form.is_valid():
        submitted = form.submitted_mapping()
        submitted["stages"] = {**mapping.stages, **submitted["stages"]}
        skip = form.cleaned_data["skip_duplicates"]
        try:
            mapping = services.import_mapping_clean(job=job, **submitted)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            services.import_job_set_mapping(job=job, mapping=mapping, skip_duplicates=skip)
            if request.POST.get("action") == "import":
                services.import_job_start(job=job, mapping=mapping, skip_duplicates=skip)
            return redirect("import_job", pk=job.pk)
    context = {
        "job": job,
        "form": form,
        "preview": preview,
        "column_rows": list(zip(form.column_fields(), preview.samples, strict=False)),
        "stage_rows": [
            (key, stage, value)
            for (key, stage), value in zip(form.stage_fields(), preview.stage_values, strict=True)
        ],
    }
    return render(request, "exports/mapping.html", context, status=400 if form.errors else 200)


def _stored_mapping(job: ImportJob) -> services.Mapping:
    """The mapping last confirmed (or guessed at upload), checked like any other."""
    try:
        return services.import_mapping_clean(
            job=job,
            columns_=job.mapping.get("columns", []),
            stages=job.mapping.get("stages", {}),
            date_order=job.mapping.get("date_order", "dmy"),
        )
    except ValidationError:
        # A guess that misses the company or role: let the user fill the gaps.
        return services.Mapping(
            list(job.mapping.get("columns", [])), {}, job.mapping.get("date_order", "dmy")
        )


def _job_context(job: ImportJob) -> dict[str, object]:
    # Queued this long, no worker has taken it: say so (the sweeper keeps re-sending it).
    stalled_since = timezone.now() - services.REDISPATCH_AFTER
    stalled = job.status == ImportStatus.QUEUED and (job.dispatched_at or job.created_at) < (
        stalled_since
    )
    return {"job": job, "stalled": stalled}


@login_required
@require_GET
def import_job_progress(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The progress bar alone, polled by the job page; the whole page once it is over."""
    job = _get_import_for_user(request, pk)
    if job.is_finished and request.htmx:
        return HttpResponseClientRefresh()
    return render(request, "exports/job.html#progress", _job_context(job))


@login_required
@require_POST
def import_job_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Back to the mapping step after a failed import, with the same file."""
    job = _get_import_for_user(request, pk)
    services.import_job_edit(job=job)
    return redirect("import_job", pk=job.pk)


# --- Calendar --------------------------------------------------------------------------


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The user's calendar, for a calendar app to subscribe to: no login, the token in
    the URL is the secret. An unknown (or replaced) token is a 404."""
    feed = (
        CalendarFeed.objects.filter(token=token, user__is_active=True)
        .select_related("user")
        .first()
    )
    if feed is None:
        raise Http404("No such calendar.")
    body = calendar.calendar_ics(user=feed.user, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rebound.ics"'
    patch_cache_control(response, private=True, max_age=0)
    return response


@login_required
@require_POST
def calendar_feed_regenerate(request: AuthenticatedRequest) -> HttpResponse:
    had_one = CalendarFeed.objects.filter(user=request.user).exists()
    services.calendar_feed_regenerate(user=request.user)
    if had_one:
        messages.success(request, "New calendar link made. The old one no longer works.")
    else:
        messages.success(request, "Calendar link made. Add it to your calendar app.")
    return redirect(f"{reverse('account_settings')}#calendar")
