"""The insights page. Thin: the selectors count, this view hands the figures over."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext

from tracker.accounts.http import AuthenticatedRequest
from tracker.applications.filters import DateRangeForm
from tracker.applications.models import Stage
from tracker.insights.selectors import Insights, insights_any, insights_summary


@login_required
def insights(request: AuthenticatedRequest) -> HttpResponse:
    form = DateRangeForm(request.GET)
    # A range with a mistake in it is shown with its error, and the page covers all dates.
    dates = form.cleaned_data if form.is_valid() else {}
    summary = insights_summary(
        user=request.user,
        applied_from=dates.get("applied_from"),
        applied_to=dates.get("applied_to"),
    )
    filtered = any(dates.values())
    context = {
        "form": form,
        "filtered": filtered,
        "summary": summary,
        # Which empty state to show: nothing at all yet, or nothing in this range.
        "has_any": summary is not None or (filtered and insights_any(user=request.user)),
        "chart_data": _chart_data(summary) if summary else None,
    }
    return render(request, "insights/insights.html", context)


def _chart_data(summary: Insights) -> dict[str, Any]:
    """What static/js/insights.js draws; the page's tables carry the same figures."""
    return {
        "stages": dict(Stage.choices),
        "flows": [{"from": f.source, "to": f.target, "flow": f.count} for f in summary.flows.flows],
        "weeks": [
            {"label": date_format(w.start, "DAY_MONTH"), "count": w.count}
            for w in summary.weeks.weeks
        ],
        "channels": [{"label": c.label, "count": c.count} for c in summary.channels],
        # The charts' own words, in the page's language.
        "words": {
            "moves": gettext("Moves between stages"),
            "move": gettext("move"),
            "movesCount": gettext("moves"),
            "sent": gettext("Applications sent"),
            "weekOf": gettext("Week of %(day)s"),
            "rejections": gettext("Rejections"),
        },
    }
