"""Event descriptions are rich text that staff write and the public page shows as HTML, so they
are sanitised with nh3 before they are stored: a short list of formatting tags survives, links
get rel="noopener noreferrer" and only http(s) and mailto targets; scripts, styles and event
handlers are removed (the strict Content-Security-Policy would block them anyway)."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def clean_html(text: str) -> str:
    """`text` with only the allowed tags and safe links left."""
    return nh3.clean(
        text or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()
