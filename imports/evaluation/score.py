"""Score the extractor against hand-written expected goals: precision and recall per document.

`uv run python -m imports.evaluation.score` prints a table. Each file in `expected/` names a
document in `documents/` and lists its goals as a person reads them: a piece of the source
sentence, and the values the goal must have (target, unit, deadline, recurring, factor …).

- A found goal **matches** an expected one when one's sentence contains the other's text
  (whitespace ignored); each expected goal is matched at most once.
- **Precision** is matched / found, **recall** matched / expected. A document with no expected
  goals and nothing found scores 1 on both; with no expected goals, every goal found is a miss.
- **Values** counts, over matched goals, the expected values that the goal has exactly.

Documents marked `held_out` were written down before the extractor was first run on them, and
the rules were not changed for them afterwards: their figures are the honest estimate of how
the extractor does on a document it has never seen. They are reported on their own line.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
VALUE_KEYS = ("target", "target_high", "unit", "deadline", "recurring", "factor", "comparator")


def _norm(text: str) -> str:
    return " ".join(text.replace("–", "-").split()).lower()


@dataclass
class DocumentScore:
    name: str
    municipality: str
    held_out: bool
    expected: int
    found: int
    matched: int
    values_right: int
    values_checked: int
    misses: list[str]
    extras: list[str]

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


def _same(expected, found) -> bool:
    if isinstance(expected, (int, float)) and isinstance(found, (int, float)):
        return abs(expected - found) < 0.01
    return expected == found


def score_document(path: Path) -> DocumentScore:
    from imports.extract import extract, goal_json, read_path

    spec = json.loads(path.read_text(encoding="utf-8"))
    extraction = extract(read_path(HERE / spec["document"]))
    found = [goal_json(goal) for goal in extraction.goals]
    unmatched = list(range(len(found)))
    matched = values_right = values_checked = 0
    misses = []
    for expected in spec["goals"]:
        wanted = _norm(expected["text"])
        hit = next(
            (
                i
                for i in unmatched
                if wanted in _norm(found[i]["text"]) or _norm(found[i]["text"]) in wanted
            ),
            None,
        )
        if hit is None:
            misses.append(expected["text"])
            continue
        unmatched.remove(hit)
        matched += 1
        for key in VALUE_KEYS:
            if key in expected:
                values_checked += 1
                values_right += _same(expected[key], found[hit].get(key))
    return DocumentScore(
        name=path.stem,
        municipality=spec.get("municipality", ""),
        held_out=bool(spec.get("held_out")),
        expected=len(spec["goals"]),
        found=len(found),
        matched=matched,
        values_right=values_right,
        values_checked=values_checked,
        misses=misses,
        extras=[found[i]["text"] for i in unmatched],
    )


def score_all() -> list[DocumentScore]:
    return [score_document(path) for path in sorted(EXPECTED.glob("*.json"))]


def _total(scores: list[DocumentScore], label: str) -> str:
    expected = sum(s.expected for s in scores)
    found = sum(s.found for s in scores)
    matched = sum(s.matched for s in scores)
    right = sum(s.values_right for s in scores)
    checked = sum(s.values_checked for s in scores)
    precision = matched / found if found else 1.0
    recall = matched / expected if expected else 1.0
    return (
        f"{label:<48} {expected:>4} {found:>5} {matched:>5} {precision:>9.2f} {recall:>6.2f}"
        f" {right:>4}/{checked:<4}"
    )


def report(scores: list[DocumentScore], verbose: bool = False) -> str:
    lines = [
        f"{'document':<48} {'exp':>4} {'found':>5} {'match':>5} {'precision':>9} {'recall':>6}"
        f" {'values':>9}"
    ]
    for s in scores:
        label = f"{s.name}{' (held out)' if s.held_out else ''}"
        lines.append(
            f"{label[:48]:<48} {s.expected:>4} {s.found:>5} {s.matched:>5} {s.precision:>9.2f}"
            f" {s.recall:>6.2f} {s.values_right:>4}/{s.values_checked:<4}"
        )
        if verbose:
            lines += [f"    missed: {text}" for text in s.misses]
            lines += [f"    extra:  {text[:100]}" for text in s.extras]
    lines.append("-" * 90)
    lines.append(_total([s for s in scores if not s.held_out], "tuned on"))
    lines.append(_total([s for s in scores if s.held_out], "held out (never tuned on)"))
    lines.append(_total(scores, "overall"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurs.settings")
    django.setup()
    print(report(score_all(), verbose="-v" in argv or "--verbose" in argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
