from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications.models import Application
from tracker.applications.shortcuts import get_application_for_user
from tracker.core.ownership import get_owned_or_404
from tracker.followups import selectors, services
from tracker.followups.forms import ORIGINS, DraftForm, SnoozeForm
from tracker.followups.kinds import Kind
from tracker.followups.models import FollowUp

# The application page asks for its follow-ups about once a second while the worker
# works them out; after this many tries it stops and suggests a reload.
PANEL_POLLS = 20


def _get_followup_for_user(request: AuthenticatedRequest, pk: int) -> FollowUp:
    return get_owned_or_404(
        selectors.followups_with_company(),
        user=request.user,
        pk=pk,
        owner_field="application__owner",
    )


def _origin(request: AuthenticatedRequest) -> str:
    origin = request.POST.get("from", "")
    return origin if origin in ORIGINS else "application"


def _back(request: AuthenticatedRequest, followup: FollowUp) -> HttpResponse:
    """Back to the page the action was taken on, scrolled to the follow-up's card."""
    if _origin(request) == "followups":
        url = reverse("followups")
    else:
        url = reverse("application_detail", args=[followup.application_id])
    return redirect(f"{url}#followup-{followup.pk}")


def _refused(
    request: AuthenticatedRequest,
    followup: FollowUp,
    *,
    error: ValidationError | None = None,
    draft_form: DraftForm | None = None,
    snooze_form: SnoozeForm | None = None,
) -> HttpResponse:
    """The follow-up on a page of its own with what went wrong: a 400, never a 500.

    Form errors show on their fields; a service's refusal (the follow-up was already sent,
    say) is a message, since the form it concerns may no longer be shown.
    """
    if error is not None:
        for message in error.messages:
            messages.error(request, message)
    card = selectors.followup_card(followup, now=timezone.now(), zone=request.user.zone)
    context = {
        "card": card,
        "origin": _origin(request),
        "draft_form": draft_form,
        "snooze_form": snooze_form,
    }
    return render(request, "followups/followup.html", context, status=400)


@login_required
def followups_page(request: AuthenticatedRequest) -> HttpResponse:
    sections = selectors.followup_sections(user=request.user, now=timezone.now())
    context = {
        "sections": sections,
        "origin": "followups",
        # Just skipped here: gone from the lists, so its Undo is offered at the top.
        "skipped": selectors.followup_skipped(user=request.user, pk=request.GET.get("skipped")),
    }
    return render(request, "followups/list.html", context)


@login_required
@require_POST
def followup_draft(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    followup = _get_followup_for_user(request, pk)
    form = DraftForm(request.POST)
    if not form.is_valid():
        return _refused(request, followup, draft_form=form)
    try:
        services.followup_update_draft(
            followup=followup, subject=form.cleaned_data["subject"], body=form.cleaned_data["body"]
        )
    except ValidationError as exc:
        return _refused(request, followup, error=exc, draft_form=form)
    messages.success(request, gettext("Draft saved."))
    return _back(request, followup)


def _act(
    request: AuthenticatedRequest,
    pk: int,
    action: Callable[..., object],
    said: Callable[[FollowUp], str],
) -> HttpResponse:
    """One of the card's buttons: the service's action on the user's follow-up, then what
    to say, or the refusal on the page it came from."""
    followup = _get_followup_for_user(request, pk)
    try:
        action(followup=followup)
    except ValidationError as exc:
        return _refused(request, followup, error=exc)
    messages.success(request, said(followup))
    return _back(request, followup)


@login_required
@require_POST
def followup_sent(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        services.followup_mark_sent,
        lambda _: gettext("Marked as sent. No more reminders for this one."),
    )


@login_required
@require_POST
def followup_undo_sent(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        services.followup_undo_sent,
        lambda _: gettext("Not sent yet: the follow-up is open again, with its reminders."),
    )


@login_required
@require_POST
def followup_detach_answer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        services.followup_detach_answer,
        lambda _: gettext("Taken off: it is no longer this follow-up's answer."),
    )


@login_required
@require_POST
def followup_skip(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    response = _act(
        request,
        pk,
        services.followup_skip,
        lambda followup: (
            gettext("Still waiting: the application stays as it is.")
            if followup.kind == Kind.GHOST_CHECK
            else gettext("Skipped. No more reminders for this one.")
        ),
    )
    if response.status_code == 302 and _origin(request) == "followups":
        # The Follow-ups page lists no skipped follow-up: it offers this one's Undo.
        return redirect(f"{reverse('followups')}?skipped={pk}")
    return response


@login_required
@require_POST
def followup_unskip(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        services.followup_unskip,
        lambda _: gettext("Restored: the follow-up is open again."),
    )


@login_required
@require_POST
def followup_rebuild(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        services.followup_rebuild_draft,
        lambda _: gettext("Draft rebuilt from the current details."),
    )


@login_required
@require_POST
def followup_language(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The draft, written again in the language the user clicked."""
    language = request.POST.get("language", "")
    return _act(
        request,
        pk,
        lambda followup: services.followup_switch_language(followup=followup, language=language),
        lambda f: (
            gettext("Draft written in %(language)s.") % {"language": f.get_language_display()}
        ),
    )


@login_required
@require_POST
def followup_snooze(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    followup = _get_followup_for_user(request, pk)
    form = SnoozeForm(request.POST, zone=request.user.zone)
    if not form.is_valid():
        return _refused(request, followup, snooze_form=form)
    try:
        services.followup_snooze(followup=followup, until=form.cleaned_data["until"])
    except ValidationError as exc:
        return _refused(request, followup, error=exc, snooze_form=form)
    until = timezone.localtime(followup.due_at, request.user.zone)
    when = date_format(until, "WEEKDAY_DAY_MONTH_TIME")
    messages.success(request, gettext("Snoozed until %(when)s.") % {"when": when})
    return _back(request, followup)


@login_required
@require_POST
def followups_stop_keeping_in_touch(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = get_application_for_user(request, pk)
    stopped = services.followups_stop_keeping_in_touch(application=application)
    if stopped:
        messages.success(request, gettext("No more keep-in-touch reminders for this application."))
    else:
        messages.info(request, gettext("There were no keep-in-touch notes left to stop."))
    if _origin(request) == "followups":
        return redirect("followups")
    return redirect("application_detail", pk=application.pk)


@login_required
@require_POST
def followups_keep_in_touch(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Yes to a note every two to three months after the two, for this application."""
    application = get_application_for_user(request, pk)
    services.keeping_start(user=request.user, application=application)
    messages.success(
        request,
        gettext(
            "Rebound will suggest a note every two to three months after these two, one "
            "person at a time. One click stops it."
        ),
    )
    if _origin(request) == "followups":
        return redirect("followups")
    return redirect(f"{reverse('application_detail', args=[application.pk])}#followups")


@login_required
@require_GET
def application_followups_panel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The application page's follow-ups card alone, which the page polls while it waits."""
    application = get_application_for_user(request, pk)
    try:
        attempt = max(0, min(int(request.GET.get("attempt", "0")), PANEL_POLLS))
    except ValueError:
        attempt = 0
    context = followups_panel_context(request, application, attempt=attempt)
    return render(request, "followups/_application_panel.html#followups-panel", context)


def followups_panel_context(
    request: AuthenticatedRequest, application: Application, *, attempt: int = 0
) -> dict[str, object]:
    """What the application page's follow-ups card needs, on the page and when polled."""
    panel = selectors.application_followup_panel(
        application=application, now=timezone.now(), zone=request.user.zone
    )
    return {
        "application": application,
        "followups": panel,
        # Ask again in a second while the worker is busy, up to PANEL_POLLS times.
        "followups_poll": attempt + 1 if panel.pending and attempt < PANEL_POLLS else None,
        "followups_polled": attempt > 0,
    }
