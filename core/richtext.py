"""Safe rich text: the HTML staff may type (meeting minutes, event descriptions, newsletter
issues), cleaned by nh3 (ammonia) before it is stored, and its plain-text forms.

Only structure and emphasis survive: paragraphs, headings, lists, quotes, bold, italic and links
(http, https and mailto only, with `rel="noopener noreferrer"`). Scripts, styles, event handlers
and every other attribute are removed, so the text can be shown as HTML under the site's strict
Content-Security-Policy. There is no editor script (the CSP allows none inline): people type in
a plain textarea, and text without any tag is taken as paragraphs separated by blank lines.
"""

from __future__ import annotations

import html
import re

import nh3

TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i", "a", "blockquote"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
_LINK = re.compile(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)


def clean_html(raw: str) -> str:
    """`raw` as safe HTML with only the allowed tags and attributes."""
    if not raw:
        return ""
    return nh3.clean(
        raw,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def clean_typed(raw: str) -> str:
    """`clean_html` of what a person typed: text without any tag becomes paragraphs (a blank
    line between them, a line break within)."""
    raw = (raw or "").strip()
    if raw and not _TAG.search(raw):
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", raw) if part.strip()]
        raw = "".join(
            "<p>" + "<br>".join(html.escape(line) for line in part.splitlines()) + "</p>"
            for part in paragraphs
        )
    return clean_html(raw)


def to_text(safe_html: str) -> str:
    """A readable plain-text version of cleaned HTML (a mail's text part): paragraphs, list
    items as "- ", links as 'text (address)'."""
    text = _LINK.sub(
        lambda m: m.group(2) if m.group(1) in m.group(2) else f"{m.group(2)} ({m.group(1)})",
        safe_html,
    )
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"<li>", "- ", text)
    text = re.sub(r"</(p|h2|h3|h4|blockquote|ul|ol)>", "\n\n", text)
    text = re.sub(r"</li>", "\n", text)
    text = html.unescape(nh3.clean(text, tags=set()))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def summary(safe_html: str, limit: int = 600) -> str:
    """The text of `safe_html`, a line per paragraph, cut at a word near `limit` characters."""
    text = html.unescape(
        nh3.clean(re.sub(r"</(p|h\d|li)>|<br\s*/?>", "\n", safe_html or ""), tags=set())
    )
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = "\n".join(line for line in lines if line)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
