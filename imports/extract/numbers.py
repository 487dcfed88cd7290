"""Numbers as Danish policy documents write them, found in running text.

Digits are parsed by `core.locale.parse_decimal` (Danish: "2.000" is two thousand, "2,5" two
and a half); this module only finds where a number stands and reads the few number words that
targets are written with ("mindst to", "top ti", "blandt de tre bedste", "hver fjerde").
"""

from __future__ import annotations

import re
from decimal import Decimal

from core.locale import NumberError, parse_decimal

WORDS = {
    "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13,
    "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
    "tyve": 20, "tredive": 30, "halvtreds": 50, "hundrede": 100, "tusind": 1000,
}  # fmt: skip
# Number words that a target may be written with; "en" and "et" are left out (articles).
TARGET_WORDS = "|".join(sorted((w for w in WORDS if WORDS[w] > 1), key=len, reverse=True))
# "hver fjerde" virksomhed: a share, as a percentage.
SHARES = {
    "anden": Decimal(50), "tredje": Decimal("33.3"), "fjerde": Decimal(25), "femte": Decimal(20),
    "sjette": Decimal("16.7"), "tiende": Decimal(10),
}  # fmt: skip

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# A number in text: not part of a word or of a longer number ("CO2", "NIPS21", "1.5.2020").
NUMBER = rf"(?<![\w.,/-])(?:{DIGITS})(?![\d])"
NUMBER_RE = re.compile(NUMBER)
YEAR = r"(?<![\d.,])(?:19\d\d|20\d\d|2100)(?!\d|,\d|\.\d)"


def to_decimal(text: str) -> Decimal | None:
    """A number written in digits or as a word; None when it is neither."""
    word = text.strip().lower()
    if word in WORDS:
        return Decimal(WORDS[word])
    try:
        return parse_decimal(word.replace(" ", ""), "da")
    except NumberError:
        # "1.5" is ambiguous to a person typing, but in print a point between digits
        # groups thousands only in threes; anything else is not a number we read.
        return None


def plain(value: Decimal | None) -> float | int | None:
    """`value` for JSON: an int when whole, else a float rounded to four places."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, 4))
