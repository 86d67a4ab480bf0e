"""The follow-ups card of the application page: `{% load followups %}{% followups_panel
application %}`, so that applications' page shows follow-ups without importing them."""

from typing import Any

from django import template

from tracker.applications.models import Application
from tracker.followups.views import followups_panel_context

register = template.Library()


@register.inclusion_tag("followups/_application_panel.html", takes_context=True)
def followups_panel(context: template.Context, application: Application) -> dict[str, Any]:
    return followups_panel_context(context["request"], application)
