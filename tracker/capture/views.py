from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications import services as applications
from tracker.applications.forms import ApplicationForm, add_service_errors
from tracker.capture import services
from tracker.capture.forms import LinkForm, PostingApplicationForm
from tracker.capture.selectors import application_prior_at_company


def _page(request: AuthenticatedRequest, status: int = 200, **context: object) -> HttpResponse:
    return render(request, "applications/form.html", context, status=status)


@login_required
@require_POST
def application_add_from_link(request: AuthenticatedRequest) -> HttpResponse:
    """Step one: the link fetched and read, the add form pre-filled from it."""
    link_form = LinkForm(request.POST)
    if link_form.is_valid():
        try:
            draft = services.application_draft_from_url(
                owner=request.user, url=link_form.cleaned_data["url"]
            )
        except ValidationError as exc:
            add_service_errors(link_form, exc)
        else:
            initial = draft.initial()
            if link_form.cleaned_data["keep_copy"]:
                initial["posting_text"] = draft.posting.page_text
            return _page(
                request,
                form=PostingApplicationForm(initial=initial),
                link_form=link_form,
                posting=draft.posting,
                prior=draft.prior,
                form_action="application_save_from_link",
            )
    return _page(request, status=400, form=ApplicationForm(), link_form=link_form)


@login_required
@require_POST
def application_save_from_link(request: AuthenticatedRequest) -> HttpResponse:
    """Step two: what the user confirmed, saved with its posting."""
    form = PostingApplicationForm(request.POST)
    if form.is_valid():
        try:
            application = applications.application_create(
                owner=request.user,
                company_name=form.cleaned_data["company"],
                stage=form.cleaned_data["stage"],
                **form.details(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                gettext("Added %(application)s, with its posting.") % {"application": application},
            )
            return redirect("application_detail", pk=application.pk)
    prior = application_prior_at_company(
        user=request.user,
        company_name=form.data.get("company", ""),
        url=form.data.get("url", ""),
        role=form.data.get("role", ""),
    )
    return _page(
        request,
        status=400,
        form=form,
        link_form=LinkForm(),
        prior=prior,
        form_action="application_save_from_link",
    )
