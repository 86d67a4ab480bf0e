"""One application's pages: adding it, its page, editing and deleting it, moving it to
another stage and recording its rejection (a page of its own, or the board's dialog)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import events, selectors, services
from tracker.applications.forms import (
    ApplicationForm,
    ContactForm,
    ContactLinkForm,
    FeedbackForm,
    InterviewForm,
    NotesForm,
    PastedMessageForm,
    RejectionForm,
    StageChangeForm,
    add_service_errors,
)
from tracker.applications.models import (
    Application,
    ChangeSource,
    ContactRole,
    Feedback,
    Rejection,
    Stage,
)
from tracker.applications.rejection_reading import rejection_message_read
from tracker.applications.shortcuts import get_application_for_user
from tracker.applications.views.board import board_card_response
from tracker.core.ownership import get_owned_or_404
from tracker.mail.because import said


@login_required
def application_create(request: AuthenticatedRequest) -> HttpResponse:
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                owner=request.user,
                company_name=form.cleaned_data["company"],
                stage=form.cleaned_data["stage"],
                applied_on_stated=form.applied_on_stated,
                **form.details(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, gettext("Added %(application)s.") % {"application": application}
            )
            # Applied before? The rooms that know say so (capture's receiver).
            for words in events.said_when_added.ask(application):
                messages.warning(request, words)
            return redirect("application_detail", pk=application.pk)
    return render(request, "applications/form.html", {"form": form})


@login_required
def application_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    return render_application_page(request, application)


def render_application_page(
    request: AuthenticatedRequest,
    application: Application,
    stage_form: StageChangeForm | None = None,
    status: int = 200,
    **bound: object,
) -> HttpResponse:
    """The application page. A view whose form failed passes it in `bound` (as
    `contact_form`, `interview_form`, ...) to show its errors where it was filled in."""
    failed = bound.pop("feedback_form", None)
    feedback = [
        (
            item,
            failed
            if isinstance(failed, FeedbackForm) and failed.prefix == f"feedback-{item.pk}"
            else FeedbackForm(
                prefix=f"feedback-{item.pk}", initial={"text": item.text, "reasons": item.reasons}
            ),
        )
        for item in application.feedback.all()
    ]
    context = {
        "application": application,
        "history": selectors.application_history(application=application),
        "rejection": Rejection.objects.filter(application=application).first(),
        "interviews": application.interviews.prefetch_related("interviewers"),
        "contacts": application.contacts.select_related("company"),
        "stage_form": stage_form or StageChangeForm(initial={"stage": ""}),
        "contact_roles": ContactRole.choices,
        "now": timezone.now(),
        "contact_form": ContactForm(),
        "link_form": ContactLinkForm(application=application),
        "interview_form": InterviewForm(application=application),
        "notes_form": NotesForm(initial={"notes": application.notes}),
        "feedback": feedback,
        **bound,
    }
    return render(request, "applications/detail.html", context, status=status)


@login_required
def application_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    form = ApplicationForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_update(
                application=application,
                company_name=form.cleaned_data["company"],
                **form.details(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, gettext("Saved."))
            return redirect("application_detail", pk=application.pk)
    return render(request, "applications/form.html", {"form": form, "application": application})


@login_required
def application_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    if request.method == "POST":
        label = str(application)
        services.application_delete(application=application)
        messages.success(request, gettext("Deleted %(label)s.") % {"label": label})
        return redirect("dashboard")
    return render(request, "applications/confirm_delete.html", {"application": application})


@login_required
@require_POST
def application_change_stage(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    form = StageChangeForm(request.POST)
    if form.is_valid():
        try:
            change = services.application_change_stage(
                application=application,
                to_stage=form.cleaned_data["stage"],
                at=form.cleaned_data["at"],
                dated=form.dated,
                source=ChangeSource.WEB,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if change is None:
                messages.info(
                    request,
                    gettext("Already in %(stage)s.") % {"stage": application.get_stage_display()},
                )
            else:
                messages.success(
                    request,
                    gettext("Moved to %(stage)s.") % {"stage": change.get_to_stage_display()},
                )
                say_adjusted(request, change.adjusted)
            return redirect("application_detail", pk=application.pk)
    return render_application_page(request, application, form, status=400)


@login_required
def application_reject(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The rejection form: a page of its own, or (for htmx) the board's dialog, which
    gets the moved card back once the rejection is saved."""
    application = get_application_for_user(request, pk)
    existing = Rejection.objects.filter(application=application).first()
    if request.method == "POST" and "read_message" in request.POST:
        return _reject_form_from_message(request, application, editing=existing is not None)
    form = RejectionForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            rejection = services.application_reject(
                application=application,
                source=ChangeSource.BOARD if request.htmx else ChangeSource.WEB,
                dated=form.dated,
                **{name: form.cleaned_data[name] for name in RejectionForm.Meta.fields},
            )
        except ValidationError as exc:
            # The stage change names its moment `at`: here that is when it was received.
            add_service_errors(form, exc, at="received_at")
        else:
            if request.htmx:
                moved = gettext("Moved %(application)s to %(stage)s.") % {
                    "application": application,
                    "stage": Stage.REJECTED.label,
                }
                said = " ".join([moved, *rejection.adjusted])
                response = board_card_response(request, application.pk, said, rejected=True)
                response["HX-Retarget"] = f"#card-{application.pk}"
                response["HX-Reswap"] = "outerHTML"
                return response
            messages.success(request, gettext("Rejection recorded."))
            say_adjusted(request, rejection.adjusted)
            return redirect("application_detail", pk=application.pk)
    return _render_reject_form(
        request, {"form": form, "application": application, "editing": existing is not None}
    )


def say_adjusted(request: AuthenticatedRequest, adjusted: tuple[str, ...]) -> None:
    """Tells the user which earlier moves a dated change re-dated or dropped."""
    for words in adjusted:
        messages.info(request, words)


def _render_reject_form(request: AuthenticatedRequest, context: dict[str, Any]) -> HttpResponse:
    if request.htmx:
        context["in_dialog"] = True
        return render(request, "applications/reject.html#reject-form", context)
    return render(request, "applications/reject.html", context)


def _reject_form_from_message(
    request: AuthenticatedRequest, application: Application, *, editing: bool
) -> HttpResponse:
    """Pre-fills the rejection form from the pasted email. Nothing is saved: the user
    sees the reading and its evidence, corrects it if need be, and saves: a guess the user
    has not seen is never acted on. The reading comes from the mail room's reader,
    told what Rebound knows of the user and the application."""
    fields = RejectionForm.Meta.fields
    initial: dict[str, Any] = {name: request.POST.get(name, "") for name in fields}
    pasted = PastedMessageForm(request.POST)
    reading = None
    if pasted.is_valid():
        reading = rejection_message_read(
            user=request.user, message=pasted.cleaned_data["message"], application=application
        )
    if reading is not None:
        found = {
            "channel": reading.channel,
            "sender_name": reading.sender_name,
            "sender_email": reading.sender_email,
            "sender_role": reading.sender_role,
        }
        initial.update({k: v for k, v in found.items() if v and v != "unknown"})
    initial["shown_received_at"] = request.POST.get("shown_received_at", "")
    if reading is not None and reading.received_at is not None:
        # The email's own date: the user gave it by pasting it, so it dates the history
        # as a typed one would ("shown" is the default "now" alone).
        initial["received_at"] = reading.received_at
        initial["shown_received_at"] = ""
    if not initial.get("received_at"):
        initial.pop("received_at")
        initial.pop("shown_received_at")
    form = RejectionForm(initial=initial)
    if "message" in pasted.errors:
        # The form stays unbound (nothing of it was submitted to save); its message field
        # shows why the paste was not read.
        form.errors.update({"message": pasted.errors["message"]})
    context = {
        "form": form,
        "application": application,
        "editing": editing,
        "reading": reading,
        "because": [said(reason) for reason in reading.because] if reading else [],
    }
    return _render_reject_form(request, context)


@login_required
@require_POST
def feedback_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The user's correction of a piece of feedback: its words, its reasons."""
    feedback = get_owned_or_404(
        Feedback.objects.select_related("application"),
        user=request.user,
        pk=pk,
        owner_field="application__owner",
    )
    application = feedback.application
    form = FeedbackForm(request.POST, prefix=f"feedback-{feedback.pk}")
    if form.is_valid():
        try:
            services.feedback_update(
                feedback=feedback,
                text=form.cleaned_data["text"],
                reasons=form.cleaned_data["reasons"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, gettext("Feedback saved."))
            return redirect(f"{reverse('application_detail', args=[application.pk])}#feedback")
    return render_application_page(request, application, status=400, feedback_form=form)
