"""Answers of the StatBank API written from its documentation, replayed without a network.

The files in this folder were written by hand from the documented interface
(/work/shared/INTEGRATIONS.md and README.md here), not recorded from the live service, and their
figures are illustrative. `RecordedStatBank` answers a request the way the documentation says the
service does, from these files: it is the transport (`officialstats.client.Send`) of the demo
(`load_demo` never calls the network) and what the tests' local HTTP server serves.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def _matches(code: str, patterns: list[str]) -> bool:
    """StatBank's value patterns as far as Kurs uses them: `*`, a prefix such as `2020*`, or a
    code."""
    return any(
        pattern == "*"
        or code == pattern
        or (pattern.endswith("*") and code.startswith(pattern[:-1]))
        for pattern in patterns
    )


class RecordedStatBank:
    """The StatBank API answered from the files in `folder` (`officialstats.client.Send`).

    `subjects` and `tables` answer their one file whatever subjects are asked for; `tableinfo`
    answers `tableinfo/<TABLE>.json`; `data` answers the rows of `data/<TABLE>.csv` that match
    the selection, in the order of the request's variables. An unknown endpoint answers 404; an
    unknown table, variable or value answers 400 with `errors/EXTRACT-NOTFOUND.json`, and a
    missing format `errors/REQUEST-MISSING.json`, as the documentation describes. Unlike the
    service, a variable left out is not summed over: Kurs always names every variable."""

    def __init__(self, folder: Path = FOLDER):
        self.folder = Path(folder)

    def __call__(self, endpoint: str, body: dict) -> tuple[int, bytes]:
        if endpoint in {"subjects", "tables"}:
            return 200, (self.folder / f"{endpoint}.json").read_bytes()
        if endpoint not in {"tableinfo", "data"}:
            return 404, b"Not Found"
        if not body.get("format"):
            return self._error("REQUEST-MISSING")
        table = str(body.get("table", "")).upper()
        info_file = self.folder / "tableinfo" / f"{table}.json"
        if not table.isalnum() or not info_file.exists():
            return self._error("EXTRACT-NOTFOUND")
        if endpoint == "tableinfo":
            return 200, info_file.read_bytes()
        return self._data(table, json.loads(info_file.read_text("utf-8")), body)

    def _error(self, code: str) -> tuple[int, bytes]:
        return 400, (self.folder / "errors" / f"{code}.json").read_bytes()

    def _data(self, table: str, info: dict, body: dict) -> tuple[int, bytes]:
        known = {variable["id"]: variable for variable in info["variables"]}
        selection = {item["code"]: list(item["values"]) for item in body.get("variables", [])}
        for code, patterns in selection.items():
            values = {value["id"] for value in known.get(code, {}).get("values", [])}
            if not values or any(
                not any(_matches(value, [pattern]) for value in values) for pattern in patterns
            ):
                return self._error("EXTRACT-NOTFOUND")
        text = (self.folder / "data" / f"{table}.csv").read_text("utf-8")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        header = rows[0]
        positions = [(header.index(code.upper()), code) for code in selection]
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow([header[i] for i, _code in positions] + [header[-1]])
        for row in rows[1:]:
            if all(_matches(row[i], selection[code]) for i, code in positions):
                writer.writerow([row[i] for i, _code in positions] + [row[-1]])
        return 200, out.getvalue().encode("utf-8")
