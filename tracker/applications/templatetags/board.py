"""The board's cards and the table's rows, kept in the fragment cache (`{% board_cards cards %}`,
`{% table_rows rows %}`): the board shows a hundred cards or more and the table fifty rows,
most of them the same from one visit to the next, and rendering them was most of those
pages' CPU."""

from django import template
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from tracker.applications.selectors import BoardCard, TableRow
from tracker.core.fragments import cached_partials, fragment_key

CARD_TEMPLATE = "applications/board.html#card"
ROW_TEMPLATE = "applications/table.html#row"

register = template.Library()


@register.simple_tag(takes_context=True)
def board_card(context: template.Context, card: BoardCard) -> SafeString:
    """The same HTML as `{% partial card %}`, rendered once for everything it shows."""
    return board_cards(context, [card])


@register.simple_tag(takes_context=True)
def board_cards(context: template.Context, cards: list[BoardCard]) -> SafeString:
    """Every card of a column, fetched from the cache at once."""
    return cached_partials(
        context, CARD_TEMPLATE, [(card_cache_key(c), {"card": c}) for c in cards]
    )


@register.simple_tag(takes_context=True)
def table_rows(context: template.Context, rows: list[TableRow]) -> SafeString:
    """The table's rows, the same HTML as `{% partial row %}` for each."""
    return cached_partials(context, ROW_TEMPLATE, [(row_cache_key(r), {"row": r}) for r in rows])


def card_cache_key(card: BoardCard) -> str:
    """Everything the card's partial shows: the card's own values (its words and dates
    come from them), the page's language and time zone (its days are the user's). A card
    whose any of these changed is another card; anything else the partial comes to read
    must be named here."""
    shown = (
        translation.get_language(),
        timezone.get_current_timezone_name(),
        card.pk,
        card.company,
        card.role,
        card.url,
        card.stage_changed_at,
        card.days_in_stage,
        card.followup_due,
        card.followup_overdue,
        card.followup_today,
    )
    return fragment_key("board-card", shown)


def row_cache_key(row: TableRow) -> str:
    """Everything the table's row partial shows, and the page's language and time zone (its
    dates are the user's): a row whose any of these changed is another row."""
    application = row.application
    shown = (
        translation.get_language(),
        timezone.get_current_timezone_name(),
        application.pk,
        application.company.name,
        application.role,
        application.location,
        application.stage,
        row.url,
        row.label,
        row.stage_label,
        row.changed_ago,
        row.changed_iso,
        row.applied,
        row.applied_iso,
        row.followup_due,
        row.followup_overdue,
    )
    return fragment_key("table-row", shown)
