"""Kurs served by gunicorn as in production (`make serve`), for the benchmark: DEBUG off,
settings from the environment, bound to 127.0.0.1 on a free port; and its workers' memory.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(*, database_url: str, secret_key: str, folder: Path, **extra: str) -> dict:
    """The environment of a production start (README: Production), plain HTTP on loopback."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG"}
        and not name.startswith(("SECURE_", "BEHIND_PROXY", "STATIC_", "MEDIA_"))
    }
    env.update(
        DEBUG="false",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        LOG_LEVEL="WARNING",
        **extra,
    )
    (folder / "static").mkdir(parents=True, exist_ok=True)
    (folder / "media").mkdir(parents=True, exist_ok=True)
    return env


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: the fields follow the last ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def rss_kb(pid: int) -> int:
    """Resident memory of a process in kB (VmRSS in /proc/<pid>/status), 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


LISTEN, TIME_WAIT = "0A", "06"


def open_connections(port: int) -> int:
    """TCP connections to local `port` that a worker has yet to finish: accepted or waiting in
    the listen queue, open or closed by the client (from /proc/net/tcp and tcp6)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == port and fields[3] not in {LISTEN, TIME_WAIT}:
                count += 1
    return count


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    workers: int
    log: Path
    started: float = field(default_factory=time.monotonic)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        return children_of(self.process.pid)

    def worker_rss(self) -> dict[int, int]:
        return {pid: rss_kb(pid) for pid in self.worker_pids()}

    def wait_idle(self, *, timeout: float = 600) -> None:
        """Wait until the workers have finished every request sent to them.

        When wrk stops, the requests it sent are still queued in the listen socket and the
        workers serve them all: the next run must not start behind them."""
        deadline = time.monotonic() + timeout
        while open_connections(self.port) and time.monotonic() < deadline:
            time.sleep(0.1)

    def restart_workers(self, *, timeout: float = 60) -> None:
        """Fresh workers (gunicorn reloads on SIGHUP), each having served a first request.

        Memory a page's load leaves in a worker stays there (Python keeps its heap), so a
        page measured after another would not show its own growth; and a new worker's first
        request loads the URLs and the views, which is no page's own cost."""
        old = set(self.worker_pids())
        self.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            current = set(self.worker_pids())
            if len(current) == self.workers and not current & old:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"gunicorn did not restart its workers:\n{self.log.read_text()}")
        # Concurrent first requests: a worker busy with its first one leaves the next to another.
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            list(pool.map(lambda _: _answers(self.base_url + "/healthz/"), range(3 * self.workers)))
        self.wait_idle()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(env: dict, *, workers: int, log: Path, timeout: float = 60) -> Server:
    """gunicorn with `workers` workers, ready when every worker is up and /healthz/ answers."""
    port = free_port()
    handle = log.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kurs.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            # Slow pages under 16 connections can take longer than gunicorn's default 30 s.
            "--timeout=300",
            "--no-control-socket",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    server = Server(process, port, workers, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start-up:\n{log.read_text()}")
        if len(server.worker_pids()) >= workers and _answers(server.base_url + "/healthz/"):
            return server
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{log.read_text()}")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False
