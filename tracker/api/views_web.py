"""The API token's page in Settings: create or replace it (shown once), or revoke it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from tracker.accounts.http import AuthenticatedRequest
from tracker.api import selectors, services


@login_required
@never_cache  # The response to a POST holds the token itself.
@require_http_methods(["GET", "POST"])
def api_token(request: AuthenticatedRequest) -> HttpResponse:
    new_key = ""
    if request.method == "POST":
        # Shown on this response only; the page never displays a saved token again.
        new_key = services.api_token_regenerate(user=request.user).key
    context = {"token": selectors.api_token_get(user=request.user), "new_key": new_key}
    return render(request, "api/token.html", context)


@login_required
@require_POST
def api_token_revoke(request: AuthenticatedRequest) -> HttpResponse:
    if services.api_token_revoke(user=request.user):
        messages.success(request, gettext("Token revoked: scripts using it can no longer sign in."))
    else:
        messages.info(request, gettext("You had no API token."))
    return redirect("api_token")
