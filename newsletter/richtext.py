"""The body of an issue: a small, safe subset of HTML (nh3), and its plain-text twin for the mail.

Staff write HTML or plain paragraphs in a textarea (no editor script: the site's CSP allows none
inline, and a plain textarea works everywhere). Whatever is typed is cleaned on every save to the
tags below; links keep only `href` with http(s) or mailto, and get `rel="noopener noreferrer"`.
Text without any tag is taken as paragraphs separated by blank lines.
"""

from __future__ import annotations

import html
import re

import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "h2", "h3", "blockquote"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def clean_html(raw: str) -> str:
    """`raw` as safe HTML with only the allowed tags and attributes."""
    raw = raw.strip()
    if raw and not _TAG.search(raw):
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", raw) if part.strip()]
        raw = "".join(
            "<p>" + "<br>".join(html.escape(line) for line in part.splitlines()) + "</p>"
            for part in paragraphs
        )
    return nh3.clean(
        raw,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


_LINK = re.compile(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)


def to_text(safe_html: str) -> str:
    """A readable plain-text version of cleaned HTML: paragraphs, list items, links as
    'text (address)'."""
    text = _LINK.sub(
        lambda m: m.group(2) if m.group(1) in m.group(2) else f"{m.group(2)} ({m.group(1)})",
        safe_html,
    )
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"<li>", "- ", text)
    text = re.sub(r"</(p|h2|h3|blockquote|ul|ol)>", "\n\n", text)
    text = re.sub(r"</li>", "\n", text)
    text = html.unescape(nh3.clean(text, tags=set()))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
