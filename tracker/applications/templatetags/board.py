"""The board's card, kept in the fragment cache (`{% board_card card %}`): the board shows a
hundred cards or more, most of them the same from one visit to the next, and rendering
them was most of the page's CPU."""

from django import template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from tracker.applications.selectors import BoardCard
from tracker.core.fragments import cached_fragment, fragment_key

CARD_TEMPLATE = "applications/board.html#card"
FRAGMENT_CACHE = "board_cards"

register = template.Library()


@register.simple_tag(takes_context=True)
def board_card(context: template.Context, card: BoardCard) -> SafeString:
    """The same HTML as `{% partial card %}`, rendered once for everything it shows."""

    def render() -> str:
        engine = context.template.engine  # type: ignore[union-attr]
        with context.push(card=card):
            return str(engine.get_template(CARD_TEMPLATE).render(context))

    return mark_safe(cached_fragment(FRAGMENT_CACHE, card_cache_key(card), render))


def card_cache_key(card: BoardCard) -> str:
    """Everything the card's partial shows: the card's own worked-out values (its words
    come from them), the application's company and role, and the page's language. A card
    whose any of these changed is another card; anything else the partial comes to read
    must be named here."""
    application = card.application
    shown = (
        translation.get_language(),
        application.pk,
        application.company.name,
        application.role,
        card.url,
        card.label,
        card.since,
        card.days_in_stage,
        card.followup_due,
        card.followup_overdue,
        card.followup_today,
    )
    return fragment_key("board-card", shown)
