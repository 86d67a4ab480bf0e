"""The follow-ups card of the application page: `{% load followups %}{% followups_panel
application %}`, so that applications' page shows follow-ups without importing them; and
the follow-ups page's cards, kept in the fragment cache (`{% followup_cards cards %}`)."""

from typing import Any

from django import template
from django.utils import timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from tracker.applications.models import Application
from tracker.core.fragments import cached_partials, fragment_key, rendered_partial
from tracker.followups.models import FollowUp
from tracker.followups.selectors import FollowUpCard
from tracker.followups.views import followups_panel_context

CARD_TEMPLATE = "followups/_card.html"

register = template.Library()


@register.inclusion_tag("followups/_application_panel.html", takes_context=True)
def followups_panel(context: template.Context, application: Application) -> dict[str, Any]:
    return followups_panel_context(context["request"], application)


# What a card's HTML holds in place of the request's CSRF token while it sits in the
# cache: every request writes its own token back in.
_TOKEN_MARK = "csrfmarkf0110wupcard"


@register.simple_tag(takes_context=True)
def followup_cards(context: template.Context, cards: list[FollowUpCard], **options: Any) -> str:
    """`{% followup_cards cards show_application=True fold_draft=True %}`: the cards of
    _card.html, the same HTML as their includes, kept in the fragment cache under
    everything they show, so a page that lists hundreds of follow-ups renders only the
    changed ones.

    Cards after a refused action (with its bound forms and their errors) are never kept.
    """
    token = str(context.get("csrf_token") or "")
    if context.get("draft_form") or context.get("snooze_form") or token in ("", "NOTPROVIDED"):
        return mark_safe(
            "".join(rendered_partial(context, CARD_TEMPLATE, {"card": c, **options}) for c in cards)
        )
    origin = str(context.get("origin", ""))
    keyed = [
        (
            card_cache_key(card, origin=origin, **options),
            {"card": card, "csrf_token": _TOKEN_MARK, **options},
        )
        for card in cards
    ]
    html = cached_partials(context, CARD_TEMPLATE, keyed)
    # The token as the {% csrf_token %} tag writes it (escaped), in every form of the cards.
    return mark_safe(html.replace(_TOKEN_MARK, str(conditional_escape(token))))


def card_cache_key(card: FollowUpCard, **options: Any) -> str:
    """Everything _card.html shows, or that changes how it shows it: every column of the
    follow-up (so a field the card starts to show is covered already), its application's
    role, its company's name and its contact's LinkedIn address, the card's flags, and the
    language and time zone. A card whose any of these changed is another card. Anything
    else the template comes to read must be named here."""
    followup = card.followup
    application = followup.application
    contact = followup.contact if followup.contact_id else None
    shown = (
        translation.get_language(),
        timezone.get_current_timezone_name(),
        sorted(options.items()),
        card.overdue,
        card.due_soon,
        card.mailto,
        card.languages,
        [getattr(followup, field.attname) for field in FollowUp._meta.concrete_fields],
        application.role,
        application.company.name,
        contact.linkedin_url if contact is not None else None,
    )
    return fragment_key("followup-card", shown)
