"""The import pages: upload, the column mapping, the job's progress. Thin: the services
do the work."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRefresh

from tracker.accounts.http import AuthenticatedRequest
from tracker.core.ownership import get_owned_or_404
from tracker.imports import services
from tracker.imports.forms import ImportMappingForm, ImportUploadForm
from tracker.imports.models import ImportJob, ImportStatus


def _get_import_for_user(request: AuthenticatedRequest, pk: int) -> ImportJob:
    """The signed-in user's import, its owner loaded (the job reads their time zone)."""
    return get_owned_or_404(ImportJob.objects.select_related("owner"), user=request.user, pk=pk)


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
    return render(request, "imports/upload.html", {"form": form}, status=status)


@login_required
def import_job(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The mapping step while the job waits for it; its progress or outcome after."""
    job = _get_import_for_user(request, pk)
    services.import_job_refuse_too_wide(job=job)
    if job.status != ImportStatus.NEW:
        if request.method == "POST":
            messages.info(request, gettext("This import has already started."))
            return redirect("import_job", pk=job.pk)
        return render(request, "imports/job.html", _job_context(job))
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
    return render(request, "imports/mapping.html", context, status=400 if form.errors else 200)


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
    return render(request, "imports/job.html#progress", _job_context(job))


@login_required
@require_POST
def import_job_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Back to the mapping step after a failed import, with the same file."""
    job = _get_import_for_user(request, pk)
    services.import_job_edit(job=job)
    return redirect("import_job", pk=job.pk)
