"""Ids typed into addresses and filters: the one place that reads them.

An id is a row's primary key: ASCII digits only, at most 18 of them, so that it fits the 64-bit
integer every database here uses. Anything else (a "²", a minus sign, an id of 5,000 digits that
would overflow the database driver) is no id at all, and a page treats it as not found or as a
filter that is not set, never as a server error.
"""

from __future__ import annotations

import re

MAX_ID_DIGITS = 18
_ID = re.compile(rf"[0-9]{{1,{MAX_ID_DIGITS}}}")


def parse_id(raw) -> int | None:
    """`raw` as an id, or None when it is not one."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw if 0 < raw < 10**MAX_ID_DIGITS else None
    text = str(raw or "").strip()
    return int(text) if _ID.fullmatch(text) and int(text) > 0 else None


MAX_PAGE = 10_000


def page_number_of(raw) -> int:
    """A page number from a query string: 1 unless it is a whole number from 1 to `MAX_PAGE`."""
    number = parse_id(raw)
    return number if number is not None and number <= MAX_PAGE else 1


class IdConverter:
    """The `<id:…>` path converter: like `<int:…>`, but never longer than an id can be."""

    regex = _ID.pattern

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
