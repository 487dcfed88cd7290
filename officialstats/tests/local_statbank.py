"""A local StatBank: an HTTP server in a thread answering from the files written from the
documentation (`officialstats.recorded`), with switches for the failures the client must report."""

from __future__ import annotations

import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from officialstats.recorded import FOLDER, RecordedStatBank


class LocalStatBank:
    """What the handler answers: the recorded files, or garbage, or nothing for a while."""

    def __init__(self, folder):
        self.folder = folder
        self.mode = "recorded"  # or "garbage", "slow", "down"
        self.requests: list[tuple[str, dict]] = []
        self.url = ""

    def change_table(self, table: str, change) -> None:
        """Rewrite the table's recorded `tableinfo` with `change(info)`: the table changed."""
        path = self.folder / "tableinfo" / f"{table}.json"
        info = json.loads(path.read_text("utf-8"))
        change(info)
        path.write_text(json.dumps(info, ensure_ascii=False), "utf-8")


def _handler(bank: LocalStatBank):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
            endpoint = self.path.removeprefix("/v1/").strip("/")
            bank.requests.append((endpoint, body))
            if bank.mode == "slow":
                time.sleep(2)
            status, content = (
                (200, b"<html>Service midlertidigt utilg\xc3\xa6ngelig</html>")
                if bank.mode == "garbage"
                else (503, b"Service Unavailable")
                if bank.mode == "down"
                else RecordedStatBank(bank.folder)(endpoint, body)
            )
            try:
                self.send_response(status)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def statbank(settings, tmp_path):
    """A local StatBank on a free port, with a copy of the recorded files a test may change;
    STATBANK_URL points at it and the timeout is one second."""
    folder = tmp_path / "statbank"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    bank = LocalStatBank(folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(bank))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    bank.url = f"http://127.0.0.1:{server.server_port}/v1/"
    settings.STATBANK_URL = bank.url
    settings.STATBANK_TIMEOUT = 1
    yield bank
    server.shutdown()
    server.server_close()
