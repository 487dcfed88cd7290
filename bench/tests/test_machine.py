"""The CPU other processes use is told apart from the benchmark's own."""

import os
import subprocess
import sys
import time

from bench.machine import Neighbours


def test_the_benchmarks_own_children_are_left_out_and_other_processes_counted():
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        own = Neighbours()  # the busy loop is a child of this process: the benchmark's own
        foreign = Neighbours(root=-1)  # nothing is "own": the busy loop is someone else's
        time.sleep(1.0)
        own_share, foreign_share = own.share(), foreign.share()
    finally:
        busy.kill()
        busy.wait()

    assert foreign_share - own_share >= 0.5 / os.cpu_count()
