"""The normalised text that search compares: the same rule for what is stored and what is asked."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Lower case, accents dropped (é to e, but æ, ø and å kept: they are letters in Danish),
    punctuation to spaces, one space between words: 'Café Ø-Bryg A/S' becomes 'cafe ø bryg a s'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # å decomposes into a and a ring; put it back together before the marks are dropped.
    recomposed = decomposed.replace("a\u030a", "å")
    letters = "".join(ch for ch in recomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", letters).split())
