from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.core.ownership import get_owned_or_404
from tracker.notifications import selectors, services
from tracker.notifications.models import Notification

PAGE_SIZE = 25
DROPDOWN_SIZE = 6


def _get_notification_for_user(request: AuthenticatedRequest, pk: int) -> Notification:
    """One of the user's in-app notifications (email and webhook copies are records)."""
    return get_owned_or_404(
        selectors.notifications_in_app(), user=request.user, pk=pk, owner_field="user"
    )


def _back_to_list(request: AuthenticatedRequest) -> HttpResponse:
    """Back to the page of the list the user was on."""
    url = reverse("notifications")
    page = request.POST.get("page", "")
    if page.isdigit() and page != "1":
        url += f"?page={page}"
    return redirect(url)


def _dropdown(request: AuthenticatedRequest, *, marked: int | None = None) -> HttpResponse:
    """The bell's dropdown body, with the bell's new count swapped in beside it."""
    latest = selectors.notification_latest(user=request.user, limit=DROPDOWN_SIZE)
    context = {"latest": latest, "marked": marked}
    return render(request, "notifications/bell.html#dropdown", context)


def _on_the_list(request: AuthenticatedRequest) -> bool:
    """Whether the htmx request came from the notifications page itself."""
    current = request.htmx.current_url_abs_path or ""
    return current.split("?")[0] == reverse("notifications")


@login_required
def notifications_page(request: AuthenticatedRequest) -> HttpResponse:
    inbox = selectors.notification_inbox(user=request.user)
    page = Paginator(inbox, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_GET
def notifications_dropdown(request: AuthenticatedRequest) -> HttpResponse:
    """Loaded when the bell opens, so that other pages pay only for the count."""
    return _dropdown(request)


@login_required
@require_POST
def notification_open(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Marks it read and goes where it points, if that is a page of this site."""
    notification = _get_notification_for_user(request, pk)
    services.notification_mark_read(notification=notification)
    link = notification.link
    # The link is written by the app, but a redirect must never leave the site.
    if link.startswith("/") and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        return redirect(link)
    return redirect("notifications")


@login_required
def notification_read(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    notification = _get_notification_for_user(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.notification_mark_read(notification=notification)
    if request.htmx:
        return _dropdown(request)
    return _back_to_list(request)


@login_required
@require_POST
def notifications_read_all(request: AuthenticatedRequest) -> HttpResponse:
    marked = services.notifications_mark_all_read(user=request.user)
    if request.htmx:
        response = _dropdown(request, marked=marked)
        if _on_the_list(request):
            # The list behind the bell shows them unread too: reload it rather than lie.
            response["HX-Refresh"] = "true"
        return response
    if marked:
        messages.success(
            request,
            ngettext(
                "Marked %(count)d notification read.",
                "Marked %(count)d notifications read.",
                marked,
            )
            % {"count": marked},
        )
    return _back_to_list(request)
