"""A form's field rendered as django-crispy-forms renders it (`{{ form.field|as_kept_field }}`),
kept in the fragment cache while its form is unbound. The application page shows a dozen
fields on every visit (a contact to add, an interview to log, its notes), the same HTML
from one visit to the next; crispy's field template spent a third of the page's CPU on
them. A form sent back with errors is bound, and always rendered afresh."""

from typing import Any

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import template
from django.forms import BoundField
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from tracker.core.fragments import cached_fragments, fragment_key

register = template.Library()


@register.filter
def as_kept_field(field: BoundField) -> SafeString:
    if field.form.is_bound:
        return as_crispy_field(field)
    if getattr(field.field, "choices", None) is not None:
        # Read once, for the key and for a render: a model's choices query each time read.
        field.field.choices = list(field.field.choices)  # type: ignore[attr-defined]
    rendered = cached_fragments([(field_cache_key(field), lambda: as_crispy_field(field))])
    return mark_safe(rendered[0])


def field_cache_key(field: BoundField) -> str:
    """Everything an unbound field's HTML is made of: its form and name, its label, help
    and widget as this form instance set them, its value and its choices (a person to
    pick is another field once a contact is added), in the page's language and time zone
    (a date's value is the user's)."""
    form, widget = field.form, field.field.widget
    choices = getattr(field.field, "choices", None)
    shown: tuple[Any, ...] = (
        translation.get_language(),
        timezone.get_current_timezone_name(),
        type(form).__module__,
        type(form).__qualname__,
        form.use_required_attribute,
        field.html_name,
        field.auto_id,
        str(field.label),
        str(field.help_text),
        field.field.required,
        field.field.disabled,
        field.field.show_hidden_initial,
        type(widget).__module__,
        type(widget).__qualname__,
        sorted((name, repr(value)) for name, value in widget.attrs.items()),
        repr(field.value()),
        None if choices is None else [(str(value), str(label)) for value, label in choices],
    )
    return fragment_key("field", shown)
