"""The calendar feed, and the settings button that replaces its secret address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.calendar import feed as ics
from tracker.calendar import services
from tracker.calendar.models import CalendarFeed


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
        raise Http404(gettext("No such calendar."))
    body = ics.calendar_ics(user=feed.user, now=timezone.now())
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
        messages.success(request, gettext("New calendar link made. The old one no longer works."))
    else:
        messages.success(request, gettext("Calendar link made. Add it to your calendar app."))
    return redirect(f"{reverse('account_settings')}#calendar")
