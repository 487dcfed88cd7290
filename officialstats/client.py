"""A client for Statistics Denmark's public StatBank API (Statistikbanken, api.statbank.dk/v1).

Written from the API's documentation (/work/shared/INTEGRATIONS.md); the machines that built it
had no internet, so it is tested against responses written from that documentation
(`officialstats/recorded/`), not against the live service. Four endpoints:

- `subjects`: the subject tree; `tables`: the tables of some subjects; `tableinfo`: one table's
  variables and their values (what a selection is chosen from); `data`: the figures of a
  selection, asked for as `;`-separated CSV with codes (`valuePresentation=Code`).

Every request is a POST of a UTF-8 JSON body to `<STATBANK_URL><endpoint>` with a timeout
(`STATBANK_TIMEOUT`). What can go wrong becomes one of the exceptions below, each with a message a
person can act on; nothing is retried here (the nightly command runs again tomorrow):

- no answer, a refused connection or a timeout: `StatBankUnavailable`;
- HTTP 400 with `{"errorTypeCode": …, "message": …}`: `StatBankRequestError` carrying the code
  (`EXTRACT-NOTFOUND` as `StatBankNotFound`); the code is matched, never the text;
- any other status (a wrong endpoint answers 404, an outage 5xx): `StatBankUnavailable`;
- a body that is not what the documentation describes: `StatBankMalformed`.

Tolerance where the documentation leaves room (unconfirmed facts): the CSV's header names the
variables in any case (`TID` for the variable `Tid`) and may start with a byte-order mark; the
value is the last column; `..` and empty cells are missing values; a decimal may be written with a
comma. Variable ids are whatever `tableinfo` says, never hard-coded, so a table whose variables
are unconfirmed (PEND100/101, DEMO19, RAS3xx) works once its `tableinfo` is read.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings

# The value presentation asked for: codes in every cell, which is what selections store.
CSV_FORMAT = "CSV"
MISSING_VALUES = {"", "..", "-"}


class StatBankError(Exception):
    """Something went wrong talking to Statistics Denmark; the message says what."""


class StatBankUnavailable(StatBankError):
    """No usable answer: the network, a timeout, or a status other than 200 and 400."""


class StatBankRequestError(StatBankError):
    """Statistics Denmark refused the request (HTTP 400) with an error code."""

    def __init__(self, code: str, message: str):
        super().__init__(f"Danmarks Statistik afviste forespørgslen ({code}): {message}")
        self.code = code


class StatBankNotFound(StatBankRequestError):
    """`EXTRACT-NOTFOUND`: an unknown table, variable or value."""


class StatBankMalformed(StatBankError):
    """An answer that is not what the documentation describes."""


@dataclass(frozen=True)
class Subject:
    id: str
    description: str
    has_subjects: bool
    subjects: tuple[Subject, ...] = ()


@dataclass(frozen=True)
class Table:
    id: str
    text: str
    unit: str
    updated: str
    first_period: str
    latest_period: str
    variables: tuple[str, ...]


@dataclass(frozen=True)
class Value:
    id: str
    text: str


@dataclass(frozen=True)
class Variable:
    id: str
    text: str
    is_time: bool
    # A variable that may be left out of a request (StatBank then sums over it).
    can_be_left_out: bool
    values: tuple[Value, ...]

    def value_ids(self) -> set[str]:
        return {value.id for value in self.values}


@dataclass(frozen=True)
class TableInfo:
    id: str
    text: str
    unit: str
    updated: str
    variables: tuple[Variable, ...]

    def variable(self, variable_id: str) -> Variable | None:
        return next((v for v in self.variables if v.id == variable_id), None)

    @property
    def time_variable(self) -> Variable | None:
        return next((v for v in self.variables if v.is_time), None)


@dataclass(frozen=True)
class Observation:
    """One cell of a table: the code of each variable, the period and the value (None: missing)."""

    codes: dict[str, str]
    period: str
    value: Decimal | None


# What sends a request: (endpoint, JSON body) -> (HTTP status, body bytes). The HTTP transport
# below, or `officialstats.recorded.RecordedStatBank` for the demo, which has no network.
Send = Callable[[str, dict], tuple[int, bytes]]


class HttpSend:
    """POSTs the body as JSON to the StatBank API over HTTP(S)."""

    def __init__(self, base_url: str | None = None, timeout: float | None = None):
        self.base_url = (base_url or settings.STATBANK_URL).rstrip("/") + "/"
        self.timeout = timeout or settings.STATBANK_TIMEOUT

    def __call__(self, endpoint: str, body: dict) -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.base_url + endpoint,
            data=json.dumps(body, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - the configured https URL
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except TimeoutError as error:
            raise StatBankUnavailable(
                f"Danmarks Statistik svarede ikke inden for {self.timeout:g} sekunder "
                f"({self.base_url})."
            ) from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StatBankUnavailable(
                f"Kunne ikke nå Danmarks Statistik ({self.base_url}): {reason}."
            ) from error


class StatBankClient:
    """The four endpoints, answered as the dataclasses above (module doc: errors, tolerance)."""

    def __init__(self, send: Send | None = None, *, lang: str = "da"):
        self.send = send or HttpSend()
        self.lang = lang

    def _ask(self, endpoint: str, body: dict) -> bytes:
        status, content = self.send(endpoint, {"lang": self.lang, **body})
        if status == 200:
            return content
        if status == 400:
            raise _request_error(content)
        raise StatBankUnavailable(
            f"Danmarks Statistik svarede med HTTP-status {status} på '{endpoint}'."
        )

    def _json(self, endpoint: str, body: dict):
        content = self._ask(endpoint, {"format": "JSON", **body})
        try:
            return json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            raise StatBankMalformed(
                f"Svaret fra Danmarks Statistik på '{endpoint}' er ikke JSON."
            ) from error

    def subjects(self, subject_ids: list[str] | None = None) -> list[Subject]:
        body = {"subjects": subject_ids} if subject_ids else {}
        return _parse(lambda data: [_subject(item) for item in data], self._json("subjects", body))

    def tables(self, subject_ids: list[str] | None = None) -> list[Table]:
        body = {"subjects": subject_ids} if subject_ids else {}
        return _parse(lambda data: [_table(item) for item in data], self._json("tables", body))

    def table_info(self, table_id: str) -> TableInfo:
        return _parse(_table_info, self._json("tableinfo", {"table": table_id}))

    def data(self, table_id: str, selection: dict[str, list[str]]) -> list[Observation]:
        """The observations of `selection` (variable id -> value codes or patterns such as `*`,
        the time variable `Tid` included), one per row of the answer."""
        body = {
            "table": table_id,
            "format": CSV_FORMAT,
            "valuePresentation": "Code",
            "variables": [{"code": code, "values": values} for code, values in selection.items()],
        }
        return parse_csv(self._ask("data", body), list(selection))


def _request_error(content: bytes) -> StatBankRequestError:
    try:
        error = json.loads(content.decode("utf-8-sig"))
        code, message = str(error["errorTypeCode"]), str(error.get("message", ""))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as problem:
        raise StatBankMalformed(
            "Danmarks Statistik afviste forespørgslen (HTTP 400) uden en læsbar fejlkode."
        ) from problem
    if code == "EXTRACT-NOTFOUND":
        return StatBankNotFound(code, message)
    return StatBankRequestError(code, message)


def _parse(build, data):
    """`build(data)`, with a JSON of another shape than documented reported as malformed."""
    try:
        return build(data)
    except (KeyError, TypeError, AttributeError) as error:
        raise StatBankMalformed(
            f"Svaret fra Danmarks Statistik har ikke den dokumenterede form (mangler {error})."
        ) from error


def _subject(item: dict) -> Subject:
    return Subject(
        id=str(item["id"]),
        description=str(item["description"]),
        has_subjects=bool(item.get("hasSubjects")),
        subjects=tuple(_subject(child) for child in item.get("subjects") or ()),
    )


def _table(item: dict) -> Table:
    return Table(
        id=str(item["id"]),
        text=str(item["text"]),
        unit=str(item.get("unit") or ""),
        updated=str(item.get("updated") or ""),
        first_period=str(item.get("firstPeriod") or ""),
        latest_period=str(item.get("latestPeriod") or ""),
        variables=tuple(str(name) for name in item.get("variables") or ()),
    )


def _table_info(data: dict) -> TableInfo:
    variables = tuple(
        Variable(
            id=str(variable["id"]),
            text=str(variable["text"]),
            is_time=bool(variable.get("time")),
            can_be_left_out=bool(variable.get("elimination")),
            values=tuple(Value(str(v["id"]), str(v["text"])) for v in variable["values"]),
        )
        for variable in data["variables"]
    )
    if not variables:
        raise KeyError("variables")
    return TableInfo(
        id=str(data["id"]),
        text=str(data["text"]),
        unit=str(data.get("unit") or ""),
        updated=str(data.get("updated") or ""),
        variables=variables,
    )


def _number(text: str) -> Decimal | None:
    cleaned = text.strip()
    if cleaned in MISSING_VALUES:
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    message = f"'{text}' i svaret fra Danmarks Statistik er ikke et tal."
    try:
        number = Decimal(cleaned)
    except InvalidOperation as error:
        raise StatBankMalformed(message) from error
    if not number.is_finite():
        raise StatBankMalformed(message)
    return number


def parse_csv(content: bytes, variable_ids: list[str]) -> list[Observation]:
    """The rows of a `data` answer in CSV: a header naming `variable_ids` (any case, in any
    order) and the value last. The time variable is the one named `Tid`/`TID` (every StatBank
    table has one under that name; its id is matched without regard to case)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StatBankMalformed("Svaret fra Danmarks Statistik er ikke UTF-8.") from error
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    if not rows or len(rows[0]) < 2:
        raise StatBankMalformed("Svaret fra Danmarks Statistik er ikke en tabel (CSV).")
    header = [name.strip().upper() for name in rows[0]]
    columns = {}
    for variable_id in variable_ids:
        if variable_id.upper() not in header[:-1]:
            raise StatBankMalformed(
                f"Svaret fra Danmarks Statistik mangler kolonnen {variable_id}."
            )
        columns[variable_id] = header.index(variable_id.upper())
    time_id = next((v for v in variable_ids if v.upper() == "TID"), None)
    if time_id is None:
        raise StatBankMalformed("Forespørgslen skal have tidsvariablen Tid.")
    observations = []
    for row in rows[1:]:
        if not row:
            continue
        if len(row) != len(header):
            raise StatBankMalformed(
                f"En række i svaret fra Danmarks Statistik har {len(row)} felter, ikke "
                f"{len(header)}."
            )
        codes = {variable_id: row[index].strip() for variable_id, index in columns.items()}
        period = codes.pop(time_id)
        observations.append(Observation(codes, period, _number(row[-1])))
    return observations
