"""Safe rich text (meeting minutes): the HTML a person may type, cleaned by nh3 (ammonia).

Only structure and emphasis survive: paragraphs, headings, lists, bold, italic and links (with
`rel="noopener noreferrer"`, http, https and mailto only). Scripts, styles, event handlers and
every other attribute are removed, so a minute can be shown as HTML under a strict CSP.
"""

from __future__ import annotations

import re
from html import unescape

import nh3
from django.utils.html import strip_tags

TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "a", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"http", "https", "mailto"}


def sanitise(html: str) -> str:
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def summary(html: str, limit: int = 600) -> str:
    """The text of `html` on one line per paragraph, cut at a word near `limit` characters."""
    text = unescape(strip_tags(re.sub(r"</(p|h\d|li)>|<br\s*/?>", "\n", html or "")))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = "\n".join(line for line in lines if line)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
