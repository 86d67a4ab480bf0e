"""The board's card, kept in the fragment cache (`{% board_card card %}`): the board shows a
hundred cards or more, most of them the same from one visit to the next, and rendering
them was most of the page's CPU."""

import hashlib

from django import template
from django.core.cache import caches
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from tracker.applications.selectors import BoardCard

CARD_TEMPLATE = "applications/board.html#card"
FRAGMENT_CACHE = "board_cards"
# A card stays as long as a day of visits, unless pushed out by newer ones first.
CARD_KEPT_SECONDS = 24 * 3600

register = template.Library()


@register.simple_tag(takes_context=True)
def board_card(context: template.Context, card: BoardCard) -> SafeString:
    """The same HTML as `{% partial card %}`, rendered once for everything it shows."""
    cache = caches[FRAGMENT_CACHE]
    key = card_cache_key(card)
    html = cache.get(key)
    if html is None:
        engine = context.template.engine  # type: ignore[union-attr]
        with context.push(card=card):
            html = str(engine.get_template(CARD_TEMPLATE).render(context))
        cache.set(key, html, CARD_KEPT_SECONDS)
    return mark_safe(html)


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
    return "board-card:" + hashlib.blake2b(repr(shown).encode(), digest_size=20).hexdigest()
