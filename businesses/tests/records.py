"""The recorded register answers in `data/` (fabricated from the documented format: see its
README), read for tests."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def recorded(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def sources(name: str) -> list[dict]:
    """The `_source` documents of a JSON Lines file."""
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
