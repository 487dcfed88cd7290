"""The parts of RESULTS.md that benchmarks of their own write (company search, goal extraction,
newsletter sending), each between its own markers: a run replaces its part in place and leaves
the rest of the file as it is, and `bench.run`, which rewrites the page results, keeps them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


@dataclass(frozen=True)
class Section:
    name: str

    @property
    def start(self) -> str:
        return f"<!-- {self.name} START -->"

    @property
    def end(self) -> str:
        return f"<!-- {self.name} END -->"

    def write(self, text: str, path: Path = RESULTS) -> None:
        """Replace (or add) this section of `path` with `text` (which holds the markers)."""
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if self.start in current:
            before, rest = current.split(self.start, 1)
            after = rest.split(self.end, 1)[1].lstrip("\n")
            current = before + text + after
        else:
            current = current.rstrip("\n") + "\n\n" + text
        path.write_text(current, encoding="utf-8")

    def kept(self, path: Path = RESULTS) -> str:
        """This section of `path` with its markers, or "" when it has none."""
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if self.start not in text:
            return ""
        return self.start + text.split(self.start, 1)[1].split(self.end, 1)[0] + self.end + "\n"


COMPANY_SEARCH = Section("COMPANY SEARCH")
GOAL_EXTRACTION = Section("GOAL EXTRACTION")
NEWSLETTER_SENDING = Section("NEWSLETTER SENDING")
SEPARATE = (COMPANY_SEARCH, GOAL_EXTRACTION, NEWSLETTER_SENDING)
