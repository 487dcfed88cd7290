"""A small progress bar on stderr, for long commands (the benchmark generator, the CVR import):
one line, redrawn in place on a terminal, a line per tenth elsewhere (CI logs stay short)."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, label: str, total: int, *, stream=None, width: int = 30):
        self.label = label
        self.total = max(total, 1)
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.done = 0
        self.note = ""
        self.started = time.monotonic()
        self.interactive = getattr(self.stream, "isatty", lambda: False)()
        self._tenths_shown = -1

    def advance(self, steps: int = 1, note: str = "") -> None:
        self.done = min(self.done + steps, self.total)
        self.note = note or self.note
        tenths = self.done * 10 // self.total
        if self.interactive:
            self.stream.write("\r" + self.line())
            self.stream.flush()
        elif tenths != self._tenths_shown:
            self._tenths_shown = tenths
            self.stream.write(self.line() + "\n")

    def line(self) -> str:
        filled = self.done * self.width // self.total
        bar = "#" * filled + "." * (self.width - filled)
        elapsed = time.monotonic() - self.started
        note = f" {self.note}" if self.note else ""
        return f"{self.label} [{bar}] {self.done}/{self.total}{note} {elapsed:.0f} s"

    def close(self) -> None:
        if self.interactive:
            self.stream.write("\n")
            self.stream.flush()
