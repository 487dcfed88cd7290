"""Reading an uploaded sheet: the file checks, the header, the rows and the cells' values."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from actions.exchange.columns import (
    COLUMNS,
    EXPORT_MARKS,
    HEADERS,
    LIST_SEPARATOR,
    MAX_PHYSICAL_ROWS,
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    NUMBER_PLACES,
    SHEET_TITLE,
    TEXT_DATE_FORMATS,
)
from core.ids import parse_id
from core.locale import NumberError, parse_decimal


class FileError(Exception):
    """A problem with the whole file; the message is for the user."""


def _read_upload(file, filename: str) -> bytes:
    if not filename.lower().endswith(".xlsx"):
        raise FileError(
            _(
                "Filen '%(name)s' er ikke et Excel-regneark (.xlsx). Gem arket som "
                "Excel-projektmappe (.xlsx) og prøv igen."
            )
            % {"name": filename}
        )
    data = file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileError(_("Filen er for stor: den må højst fylde 5 MB."))
    if not data:
        raise FileError(_("Filen er tom. Vælg det udfyldte regneark."))
    return data


def _open_workbook(data: bytes):
    """The workbook in `data`, read-only; any failure to read it is the user's file's fault."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if not workbook.worksheets:
            raise ValueError("no worksheets")
    except Exception as error:  # noqa: BLE001 - an uploaded file can fail in many ways
        raise FileError(
            _(
                "Filen kan ikke åbnes som et Excel-regneark. Den skal være gemt som "
                "Excel-projektmappe (.xlsx) – en omdøbt tekst- eller CSV-fil kan ikke bruges."
            )
        ) from error
    return workbook


def _sheet(workbook):
    """The "Aktiviteter" sheet, or the first sheet when it has been renamed."""
    if SHEET_TITLE in workbook.sheetnames:
        return workbook[SHEET_TITLE]
    return workbook.worksheets[0]


def _sheet_rows(sheet):
    """The sheet's rows as tuples of values; a damaged sheet gives a file error."""
    rows = sheet.iter_rows(values_only=True)
    count = 0
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as error:  # noqa: BLE001 - damaged XML inside a valid zip file
            raise FileError(_("Regnearket er beskadiget og kan ikke læses.")) from error
        count += 1
        if count > MAX_PHYSICAL_ROWS:
            raise FileError(
                _("Arket har mere end %(count)s aktiviteter. Del det op i flere filer.")
                % {"count": MAX_ROWS}
            )
        yield values


def _header_key(value) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _read_rows(sheet) -> tuple[dict[str, int], list[tuple[int, tuple]]]:
    """The column positions by key, and the non-empty data rows with their Excel row numbers."""
    rows = _sheet_rows(sheet)
    header = next(rows, None)
    wanted = {column.header.casefold(): column.key for column in COLUMNS}
    positions: dict[str, int] = {}
    for index, value in enumerate(header or ()):
        key = wanted.get(_header_key(value))
        if key is not None and key not in positions:
            positions[key] = index
    if not positions:
        raise FileError(
            _(
                "Arket har ikke overskriftsrækken fra Kurs i række 1 (ID, Titel, Beskrivelse …). "
                "Eksportér planens aktiviteter til Excel, og brug det ark."
            )
        )
    missing = [column for column in COLUMNS if column.key not in positions]
    if missing and all(column.key in EXPORT_MARKS for column in missing):
        raise FileError(
            _(
                "Arket er eksporteret fra en ældre udgave af Kurs og har ikke kolonnerne "
                "%(version)s og %(check)s, som viser, om aktiviteterne er ændret i Kurs siden. "
                "Eksportér planens aktiviteter igen, og ret i det nye ark."
            )
            % {"version": HEADERS["version"], "check": HEADERS["check"]}
        )
    if missing:
        raise FileError(
            _("Arket mangler kolonnerne: %(columns)s. Overskrifterne skal stå i række 1.")
            % {"columns": ", ".join(column.header for column in missing)}
        )
    data_rows = []
    for number, values in enumerate(rows, start=2):
        if all(value is None or (isinstance(value, str) and not value.strip()) for value in values):
            continue
        data_rows.append((number, values))
        if len(data_rows) > MAX_ROWS:
            raise FileError(
                _("Arket har mere end %(count)s aktiviteter. Del det op i flere filer.")
                % {"count": MAX_ROWS}
            )
    if not data_rows:
        raise FileError(_("Arket har ingen aktiviteter under overskriftsrækken."))
    return positions, data_rows


def _text(value) -> str:
    """A cell as text, stripped, with line breaks as "\n" (a browser sends "\r\n")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip().replace("\r\n", "\n").replace("\r", "\n")


def _normalised(column, value) -> str:
    """A cell as the import reads it, in a form that a save in Excel or LibreOffice keeps: a
    date without its time, a number rounded to the field's places, text as `_text` gives it."""
    if column.kind == "date" and isinstance(value, date):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    if column.kind == "number" and isinstance(value, int | float | Decimal):
        try:
            number = Decimal(str(value)).quantize(Decimal(1).scaleb(-NUMBER_PLACES[column.key]))
        except InvalidOperation:
            return _text(value)
        return str(number)
    return _text(value)


def row_fingerprint(cells: dict) -> str:
    """A short fingerprint of a row's content (its cells by column key, ID and version aside).

    The export writes it into the row's "Kontrolsum" cell; the import computes it again, and a
    row whose fingerprint is unchanged was not edited in the sheet.
    """
    content = "\x1f".join(
        _normalised(column, cells.get(column.key))
        for column in COLUMNS
        if column.kind != "id" and column.key != "check"
    )
    return hashlib.sha256(content.encode()).hexdigest()[:16]


def _names(value) -> list[str]:
    return [name.strip() for name in _text(value).split(LIST_SEPARATOR) if name.strip()]


def _parse_id(value) -> int | None:
    """An ID or version cell: None when empty; ValueError unless it is an id (`core.ids`)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    number = None if isinstance(value, float) else parse_id(value)
    if number is None:
        raise ValueError(value)
    return number


def _parse_date(value) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        for pattern in TEXT_DATE_FORMATS:
            try:
                return datetime.strptime(value.strip(), pattern).date()
            except ValueError:
                continue
    raise ValueError


def _parse_number(value) -> Decimal | None:
    """A number cell, or text as Danish writes it ("1.234,5", "25.000 kr."); the sheet is Danish.

    Raises NumberError (a ValueError) with a message for the user."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise NumberError(_("Skriv et tal, fx 25.000."))
    if isinstance(value, int | float):
        number = Decimal(str(value))
        if not number.is_finite():
            raise NumberError(_("Skriv et tal, fx 25.000."))
        return number
    text = re.sub(r"(?i)\s*(kr\.?|dkk)$", "", str(value).strip())
    return parse_decimal(text, "da")
