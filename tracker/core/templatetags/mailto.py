from django import template

from tracker.core.mailto import mailto_url

register = template.Library()


@register.filter(name="mailto")
def mailto(address: str) -> str:
    """`href="{{ contact.email|mailto }}"`: the one way templates link to an address."""
    return mailto_url(address or "")
