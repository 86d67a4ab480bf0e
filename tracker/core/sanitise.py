"""HTML from elsewhere (a job board's posting) made safe to show inside our pages."""

import html
import re

import nh3

# Formatting a posting uses; nothing that runs, loads or restyles the page.
ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "a", "div", "span", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def sanitise_html(value: str, *, limit: int = 50_000) -> str:
    """Scripts, styles, event handlers, images and javascript: links dropped; links kept
    with rel="noopener noreferrer nofollow". Text without tags becomes paragraphs. HTML
    that arrived escaped (as many sites put it inside JSON-LD) is read as HTML."""
    value = value.strip()
    if "<" not in value and re.search(r"&lt;\s*/?\s*[a-z]", value, re.I):
        value = html.unescape(value)
    if "<" not in value:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
        value = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    # Cut after cleaning, at a tag boundary, then clean again to close what was cut open.
    if len(cleaned) > limit:
        cut = cleaned.rfind("<", 0, limit)
        cleaned = nh3.clean(
            cleaned[: cut if cut > 0 else limit],
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            link_rel="noopener noreferrer nofollow",
        )
    return cleaned.strip()
