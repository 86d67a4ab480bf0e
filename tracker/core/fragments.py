"""Rendered fragments a page repeats from one visit to the next (a board's card, a table's
row, a follow-up card), kept in the shared "fragments" cache under a key naming everything
they show: a fragment whose any shown value changed is another fragment, so none is ever
stale. A page asks for all of its fragments of a kind at once: one round trip to Redis."""

import functools
import hashlib
from collections.abc import Callable, Sequence
from importlib.metadata import version
from typing import Any

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import SafeString, mark_safe

FRAGMENT_CACHE = "fragments"
# What a fragment is made with besides the values it shows: a release that changes any of
# them renders its fragments anew instead of serving the last release's for an hour.
_MADE_WITH = ("templates/**/*.html", "tracker/**/*.py", "locale/*/LC_MESSAGES/*.mo")
_PACKAGES = ("django", "django-crispy-forms", "crispy-bootstrap5", "django-template-partials")


@functools.cache
def release_stamp() -> str:
    """A digest of this release's templates, code, translations and rendering packages."""
    digest = hashlib.blake2b(digest_size=8)
    for package in _PACKAGES:
        digest.update(f"{package} {version(package)}\n".encode())
    for pattern in _MADE_WITH:
        for path in sorted(settings.BASE_DIR.glob(pattern)):
            digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fragment_key(kind: str, shown: tuple[Any, ...]) -> str:
    """The cache key of a `kind` of fragment showing `shown`, in this release (hashed: keys
    stay short)."""
    shown_digest = hashlib.blake2b(repr(shown).encode(), digest_size=20).hexdigest()
    return f"{kind}:{release_stamp()}:{shown_digest}"


def cached_fragments(keyed: Sequence[tuple[str, Callable[[], str]]]) -> list[str]:
    """Each fragment kept under its key, in order; those not kept are rendered and kept."""
    kept = caches[FRAGMENT_CACHE]
    found = kept.get_many([key for key, _ in keyed]) if keyed else {}
    rendered: dict[str, str] = {}
    fragments = []
    for key, render in keyed:
        html = found.get(key, rendered.get(key))
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
