from django import template
from django.utils.safestring import SafeString, mark_safe

from tracker.core.sanitise import sanitise_html

register = template.Library()


@register.filter
def sanitised(value: str) -> SafeString:
    """A kept posting as HTML. The services sanitise it on the way in already; this
    repeats it on the way out, so a row written by any other path shows safely too."""
    return mark_safe(sanitise_html(value or ""))
