"""What else the machine is doing while the benchmark runs: the CPU used by processes that are
not the benchmark's own (this process and its descendants: gunicorn, its workers, wrk) nor
PostgreSQL's, from /proc. On a shared machine another test suite can take a core; the runner
waits for a quiet machine before each page and reports what others used during it.

PostgreSQL's processes are left out because the benchmark's own queries run in them; another
suite's queries are therefore not counted.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
NOT_COUNTED = {"postgres"}


def processes() -> dict[int, tuple[str, int, int]]:
    """Every process: pid → (name, parent pid, user + system CPU ticks)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry.name)] = (name, int(fields[1]), int(fields[11]) + int(fields[12]))
    return found


def descendants(root: int, table: dict[int, tuple[str, int, int]]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, (_name, parent, _ticks) in table.items():
        children.setdefault(parent, []).append(pid)
    found, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


class Neighbours:
    """CPU used by other processes between `start()` and `share()`, as a share of the machine
    (1.0: every core busy)."""

    def __init__(self, root: int | None = None):
        self.root = root if root is not None else os.getpid()
        self.start()

    def start(self) -> None:
        self.before = processes()
        self.started = time.monotonic()

    def share(self) -> float:
        now = processes()
        ours = descendants(self.root, now) | descendants(self.root, self.before)
        used = 0
        for pid, (name, _parent, ticks) in now.items():
            if pid in ours or name in NOT_COUNTED:
                continue
            before = self.before.get(pid)
            used += ticks - (before[2] if before and before[0] == name else 0)
        seconds = max(time.monotonic() - self.started, 1e-6)
        return used / TICKS_PER_SECOND / seconds / (os.cpu_count() or 1)

    def wait_until_quiet(self, *, limit: float, window: float = 5, timeout: float = 600) -> float:
        """Wait until others use at most `limit` of the machine over `window` seconds, or
        `timeout` has passed; returns the last share seen."""
        deadline = time.monotonic() + timeout
        while True:
            self.start()
            time.sleep(window)
            share = self.share()
            if share <= limit or time.monotonic() >= deadline:
                return share
