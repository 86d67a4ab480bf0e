"""The application page's contacts, interviews and notes: small forms, each a POST that
saves through a service and comes back to the page (or shows it again with the errors)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import services
from tracker.applications.forms import (
    ContactForm,
    ContactLinkForm,
    ContactRoleForm,
    InterviewForm,
    NotesForm,
    add_service_errors,
)
from tracker.applications.models import Application, Contact
from tracker.applications.shortcuts import get_application_for_user
from tracker.applications.views.application import render_application_page


def _back_to(application: Application, section: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(
        reverse("application_detail", args=[application.pk]) + f"#{section}"
    )


def _contact_of(application: Application, contact_pk: int) -> Contact:
    return get_object_or_404(application.contacts.all(), pk=contact_pk)


@login_required
@require_POST
def application_contact_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            contact, new = services.contact_find_or_create(
                owner=request.user,
                company=application.company,
                applications=[application],
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            added = (
                gettext("Added %(name)s.")
                if new
                else gettext("Added %(name)s (already one of your people).")
            )
            messages.success(request, added % {"name": contact.name})
            return _back_to(application, "contacts")
    return render_application_page(request, application, status=400, contact_form=form)


@login_required
@require_POST
def application_contact_link(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    form = ContactLinkForm(request.POST, application=application)
    if form.is_valid():
        contact = form.cleaned_data["contact"]
        try:
            services.contact_link(application=application, contact=contact)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, gettext("Added %(name)s.") % {"name": contact.name})
            return _back_to(application, "contacts")
    return render_application_page(request, application, status=400, link_form=form)


@login_required
@require_POST
def application_contact_role(
    request: AuthenticatedRequest, pk: int, contact_pk: int
) -> HttpResponse:
    application = get_application_for_user(request, pk)
    contact = _contact_of(application, contact_pk)
    form = ContactRoleForm(request.POST)
    if form.is_valid():
        try:
            services.contact_update_role(
                owner=request.user, contact=contact, role=form.cleaned_data["role"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                gettext("Changed %(name)s's role to %(role)s.")
                % {"name": contact.name, "role": contact.get_role_display()},
            )
            return _back_to(application, "contacts")
    return render_application_page(
        request, application, status=400, role_form=form, role_contact_pk=contact.pk
    )


@login_required
@require_POST
def application_contact_unlink(
    request: AuthenticatedRequest, pk: int, contact_pk: int
) -> HttpResponse:
    application = get_application_for_user(request, pk)
    contact = _contact_of(application, contact_pk)
    services.contact_unlink(application=application, contact=contact)
    messages.success(
        request, gettext("Removed %(name)s from this application.") % {"name": contact.name}
    )
    return _back_to(application, "contacts")


@login_required
@require_POST
def application_interview_add(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    form = InterviewForm(request.POST, application=application)
    if form.is_valid():
        stage_before = application.stage
        try:
            interview = services.interview_create(
                application=application,
                scheduled_at=form.cleaned_data["scheduled_at"],
                kind=form.cleaned_data["kind"],
                interviewers=list(form.cleaned_data["interviewers"]),
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as exc:
            # The stage change it may make names its moment `at`.
            add_service_errors(form, exc, at="scheduled_at")
        else:
            when = date_format(timezone.localtime(interview.scheduled_at), "WEEKDAY_DAY_TIME")
            messages.success(
                request,
                gettext("Logged the interview: %(kind)s, %(when)s.")
                % {"kind": interview.get_kind_display(), "when": when},
            )
            if application.stage != stage_before:
                messages.success(
                    request,
                    gettext("Moved to %(stage)s.") % {"stage": application.get_stage_display()},
                )
            for words in interview.adjusted:
                messages.info(request, words)
            return _back_to(application, "interviews")
    return render_application_page(request, application, status=400, interview_form=form)


@login_required
@require_POST
def application_interview_delete(
    request: AuthenticatedRequest, pk: int, interview_pk: int
) -> HttpResponse:
    application = get_application_for_user(request, pk)
    interview = get_object_or_404(application.interviews.all(), pk=interview_pk)
    services.interview_delete(interview=interview)
    messages.success(request, gettext("Deleted the interview."))
    return _back_to(application, "interviews")


@login_required
@require_POST
def application_notes(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    form = NotesForm(request.POST)
    if form.is_valid():
        try:
            services.application_update_notes(
                application=application, notes=form.cleaned_data["notes"]
            )
        except ValidationError as exc:
            # The page shows the saved notes, not the refused ones.
            application.refresh_from_db(fields=["notes"])
            add_service_errors(form, exc)
        else:
            messages.success(request, gettext("Saved the notes."))
            return _back_to(application, "notes")
    return render_application_page(request, application, status=400, notes_form=form)
