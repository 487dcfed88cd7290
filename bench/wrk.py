"""Load from a separate process: wrk on loopback, with `report.lua` printing what it measured.

wrk's own `--latency` table has no 95th percentile and its error count leaves out redirects,
so the Lua script reports p50, p95 and p99 from wrk's latency histogram and counts every answer
that is not 2xx. A request wrk gave up on (`--timeout`) has no latency; it counts as a timeout.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().with_name("report.lua")
MARKER = "BENCH "


@dataclass(frozen=True)
class LoadResult:
    connections: int
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    non_2xx: int
    first_non_2xx: int | None
    socket_errors: int
    timeouts: int

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failed(self) -> bool:
        return bool(self.non_2xx or self.socket_errors or self.timeouts or not self.requests)


def parse(output: str, connections: int) -> LoadResult:
    """The figures `report.lua` printed in wrk's output."""
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    if not lines:
        raise ValueError(f"no {MARKER.strip()} line in wrk's output:\n{output}")
    data = json.loads(lines[-1][len(MARKER) :])
    return LoadResult(
        connections=connections,
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        non_2xx=data["non2xx"],
        first_non_2xx=data["first_non2xx"] or None,
        socket_errors=data["connect_errors"] + data["read_errors"] + data["write_errors"],
        timeouts=data["timeouts"],
    )


def command(
    url: str,
    *,
    connections: int,
    seconds: float,
    cookie: str | None = None,
    timeout_seconds: int = 120,
) -> list[str]:
    # wrk needs a thread per connection at most; two threads drive 16 connections on two cores.
    threads = min(connections, 2)
    args = [
        shutil.which("wrk") or "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={math.ceil(seconds)}s",
        f"--timeout={timeout_seconds}s",
        f"--script={SCRIPT}",
    ]
    if cookie:
        args.append(f"--header=Cookie: {cookie}")
    return [*args, url]


def run(url: str, *, connections: int, seconds: float, cookie: str | None = None) -> LoadResult:
    completed = subprocess.run(
        command(url, connections=connections, seconds=seconds, cookie=cookie),
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 300,
    )
    return parse(completed.stdout, connections)


def available() -> bool:
    return shutil.which("wrk") is not None
