"""Rendered fragments a page repeats from one visit to the next (a board's card, a table's
row, a follow-up card), kept in the shared "fragments" cache under a key naming everything
they show: a fragment whose any shown value changed is another fragment, so none is ever
stale. A page asks for all of its fragments of a kind at once: one round trip to Redis."""

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from django import template
from django.core.cache import caches
from django.utils.safestring import SafeString, mark_safe

FRAGMENT_CACHE = "fragments"


def fragment_key(kind: str, shown: tuple[Any, ...]) -> str:
    """The cache key of a `kind` of fragment showing `shown` (hashed: keys stay short)."""
    return f"{kind}:" + hashlib.blake2b(repr(shown).encode(), digest_size=20).hexdigest()


def cached_fragments(keyed: Sequence[tuple[str, Callable[[], str]]]) -> list[str]:
    """Each fragment kept under its key, in order; those not kept are rendered and kept."""
    kept = caches[FRAGMENT_CACHE]
    found = kept.get_many([key for key, _ in keyed]) if keyed else {}
    rendered: dict[str, str] = {}
    fragments = []
    for key, render in keyed:
        html = found.get(key) or rendered.get(key)
        if html is None:
            html = rendered[key] = render()
        fragments.append(html)
    if rendered:
        kept.set_many(rendered)
    return fragments


def rendered_partial(context: template.Context, partial: str, values: dict[str, Any]) -> str:
    """The template `partial` rendered with `values` in the context."""
    engine = context.template.engine  # type: ignore[union-attr]
    with context.push(**values):
        return str(engine.get_template(partial).render(context))


def cached_partials(
    context: template.Context, partial: str, keyed: Sequence[tuple[str, dict[str, Any]]]
) -> SafeString:
    """The template `partial` rendered once for each set of values in the context, joined;
    each kept under its key (which must name everything the partial shows)."""

    def renderer(values: dict[str, Any]) -> Callable[[], str]:
        return lambda: rendered_partial(context, partial, values)

    return mark_safe("".join(cached_fragments([(key, renderer(v)) for key, v in keyed])))
