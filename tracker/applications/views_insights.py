from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from tracker.accounts.http import AuthenticatedRequest


@login_required
def insights(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "applications/insights.html", {})
