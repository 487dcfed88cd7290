"""The CPU other processes use is told apart from the benchmark's own."""

import os
import subprocess
import sys
import time

import pytest

from bench import machine
from bench.machine import TICKS_PER_SECOND, Neighbours, processes


def test_the_benchmarks_own_descendants_and_postgresql_are_left_out(monkeypatch):
    # pid → (name, parent, CPU ticks): 10 is the benchmark, 11 its gunicorn, 12 a worker of it;
    # 20 is another suite, 30 PostgreSQL, 40 a process that started during the page.
    before = {10: ("python", 1, 0), 11: ("gunicorn", 10, 0), 20: ("pytest", 1, 0)}
    after = {
        10: ("python", 1, 50),
        11: ("gunicorn", 10, 100),
        12: ("gunicorn", 11, 300),
        20: ("pytest", 1, 2 * TICKS_PER_SECOND),
        30: ("postgres", 1, 400),
        40: ("chromium", 20, TICKS_PER_SECOND),
    }
    tables = iter([before, after])
    monkeypatch.setattr(machine, "processes", lambda: next(tables))
    clock = iter([100.0, 102.0])
    monkeypatch.setattr(machine.time, "monotonic", lambda: next(clock, 102.0))
    monkeypatch.setattr(machine.os, "cpu_count", lambda: 2)

    share = Neighbours(root=10).share()

    # 3 s of CPU by others (2 + 1) in 2 s on 2 cores.
    assert share == pytest.approx(0.75)


def test_a_busy_process_of_someone_else_is_counted_on_the_live_machine():
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        foreign = Neighbours(root=-1)  # nothing is "own": the busy loop is someone else's
        ticks_before, started = processes()[busy.pid][2], time.monotonic()
        ticks_after = ticks_before
        # On a loaded machine the loop may wait for a core: until it has run a tenth of a second.
        while (
            ticks_after - ticks_before < TICKS_PER_SECOND / 10 and time.monotonic() < started + 20
        ):
            time.sleep(0.2)
            ticks_after = processes()[busy.pid][2]
        seconds = time.monotonic() - started
        foreign_share = foreign.share()
    finally:
        busy.kill()
        busy.wait()

    # What the busy loop really got (on a loaded machine less than a whole core) is at least
    # part of what others used; other processes only add to it.
    busy_share = (ticks_after - ticks_before) / TICKS_PER_SECOND / seconds / os.cpu_count()
    assert ticks_after - ticks_before >= TICKS_PER_SECOND / 10
    assert foreign_share >= 0.9 * busy_share
