"""Reading an uploaded sheet: the file checks, the header, the rows and the cells' values."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from actions.exchange.columns import (
    COLUMNS,
    EXPORT_MARKS,
    HEADERS,
    LIST_SEPARATOR,
    NUMBER_PLACES,
    SHEET_TITLE,
)
from core.ids import parse_id
from core.locale import NumberError, format_number, parse_decimal

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
MAX_PHYSICAL_ROWS = 10 * MAX_ROWS  # blank rows included
# Unpacked, a sheet of 2,000 activities with descriptions of 10,000 characters takes 20 MB.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Sheets pack 5 to 20 times, a sheet of 2,000 equal long texts 150 times; a zip bomb 1,000 times.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECKED_FROM = 1024 * 1024
MAX_PARTS = 500
# Kurs' columns (A-P) and room for a few of the user's own; content further right is refused.
MAX_COLUMNS = 26
TEXT_DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d")


class FileError(Exception):
    """A problem with the whole file; the message is for the user."""


CANNOT_OPEN = gettext_lazy(
    "Filen kan ikke åbnes som et Excel-regneark. Den skal være gemt som Excel-projektmappe "
    "(.xlsx) – en omdøbt tekst- eller CSV-fil kan ikke bruges."
)
DAMAGED = gettext_lazy("Regnearket er beskadiget og kan ikke læses.")


@dataclass
class Sheet:
    """What the import reads of an uploaded sheet: the column index (from 0) of each column
    key, the rows with content and their Excel row numbers, and the cells holding a formula."""

    positions: dict[str, int]
    rows: list[tuple[int, tuple]]
    formulas: set[tuple[int, int]]

    def formula_keys(self, number: int) -> set[str]:
        """The keys of row `number`'s cells that hold a formula."""
        return {
            key for key, index in self.positions.items() if (number, index + 1) in self.formulas
        }


def read_sheet(file, filename: str) -> Sheet:
    """Check the upload and read its activity sheet; FileError for a file that cannot be used.

    In order, each before anything costly: the name ends in .xlsx; at most 5 MB is read; the
    archive's declared sizes are bounded (at most 50 MB unpacked, no part packed more than 200
    times, at most 500 parts); openpyxl opens the workbook (read-only); one streamed pass over
    the sheet's XML refuses content right of column Z or below row 20,001 and notes formulas;
    the header row gives the columns; the rows with content, at most 2,000, are read.
    """
    data = _read_upload(file, filename)
    _check_archive(data)
    workbook = _open_workbook(data)
    try:
        sheet = _sheet(workbook)
        extent = _scan(data, sheet)
        positions, rows = _read_rows(sheet, extent)
    finally:
        workbook.close()
    return Sheet(positions, rows, extent.formulas)


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


def _check_archive(data: bytes) -> None:
    """Refuse a zip bomb before anything is unpacked: the sizes the archive declares for its
    parts are checked (zipfile stops reading a part at its declared size, so they hold)."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise FileError(CANNOT_OPEN) from error
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise FileError(
            _(
                "Regnearket fylder mere end %(size)s MB, når det pakkes ud. Del arket op i flere "
                "filer, eller fjern billeder og andet, der ikke hører til aktiviteterne."
            )
            % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )
    if len(parts) > MAX_PARTS or any(
        part.file_size > RATIO_CHECKED_FROM
        and part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1)
        for part in parts
    ):
        raise FileError(
            _(
                "Filen er pakket usædvanligt tæt og ligner ikke et regneark fra Excel. Gem arket "
                "som Excel-projektmappe (.xlsx) i Excel eller LibreOffice, og prøv igen."
            )
        )


def _open_workbook(data: bytes):
    """The workbook in `data`, read-only; any failure to read it is the user's file's fault."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if not workbook.worksheets:
            raise ValueError("no worksheets")
    except Exception as error:  # noqa: BLE001 - an uploaded file can fail in many ways
        raise FileError(CANNOT_OPEN) from error
    return workbook


def _sheet(workbook):
    """The "Aktiviteter" sheet, or the first sheet when it has been renamed."""
    if SHEET_TITLE in workbook.sheetnames:
        return workbook[SHEET_TITLE]
    return workbook.worksheets[0]


@dataclass
class _Extent:
    """What a quick pass over the sheet's XML found: the last row with content, and the cells
    (row, column; both from 1) that hold a formula."""

    last_row: int = 0
    formulas: set[tuple[int, int]] = field(default_factory=set)


def _scan(data: bytes, sheet) -> _Extent:
    """Stream the sheet's XML once, before openpyxl reads its rows, and refuse content far to
    the right (a cell in column XFD would make openpyxl build rows 16,384 cells wide) or far
    down. Only cells with a value count; an empty formatted cell does not. The pass keeps one
    row in memory, and it does not trust the sheet's <dimension>, which can be stale.
    """
    extent = _Extent()
    row = column = 0
    sheet_data = None
    archive = zipfile.ZipFile(io.BytesIO(data))
    try:
        # openpyxl keeps the sheet's part name here; no public API gives it.
        source = archive.open(sheet._worksheet_path)
        for event, element in ElementTree.iterparse(source, events=("start", "end")):
            tag = element.tag.rpartition("}")[2]
            if event == "start":
                if tag == "sheetData":
                    sheet_data = element
                elif tag == "row":
                    row = int(element.get("r") or row + 1)
                    column = 0
                continue
            if tag == "c":
                reference = element.get("r")
                column = (
                    column_index_from_string(reference.rstrip("0123456789"))
                    if reference
                    else column + 1
                )
                children = {child.tag.rpartition("}")[2] for child in element}
                if children & {"v", "is", "f"}:
                    _check_place(row, column)
                    extent.last_row = row
                    if "f" in children:
                        extent.formulas.add((row, column))
                element.clear()
            elif tag == "row" and sheet_data is not None:
                sheet_data.clear()
    except (ElementTree.ParseError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise FileError(DAMAGED) from error
    finally:
        archive.close()
    return extent


def _check_place(row: int, column: int) -> None:
    if column > MAX_COLUMNS:
        raise FileError(
            _(
                "Arket har indhold i cellen %(cell)s, langt til højre for Kurs' kolonner. Kurs "
                "læser kun kolonnerne A-%(last)s: slet indholdet i de andre kolonner, og prøv igen."
            )
            % {
                "cell": f"{get_column_letter(column)}{row}",
                "last": get_column_letter(MAX_COLUMNS),
            }
        )
    if row > MAX_PHYSICAL_ROWS + 1:
        raise FileError(
            _(
                "Arket har indhold helt nede i række %(row)s. Kurs læser højst %(rows)s rækker: "
                "slet indholdet længere nede, og prøv igen."
            )
            % {
                "row": format_number(row),
                "rows": format_number(MAX_PHYSICAL_ROWS + 1),
            }
        )


def _sheet_rows(sheet, extent: _Extent):
    """The sheet's rows as tuples of values, A to the last readable column; a damaged sheet
    gives a file error. The rows are read as far as the scan found content, whatever the
    sheet's <dimension> says."""
    if not extent.last_row:
        return
    sheet.reset_dimensions()
    rows = sheet.iter_rows(
        min_row=1, max_row=extent.last_row, max_col=MAX_COLUMNS, values_only=True
    )
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as error:  # noqa: BLE001 - damaged XML inside a valid zip file
            raise FileError(DAMAGED) from error
        yield values


def _header_key(value) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _read_rows(sheet, extent: _Extent) -> tuple[dict[str, int], list[tuple[int, tuple]]]:
    """The column positions by key, and the non-empty data rows with their Excel row numbers."""
    rows = _sheet_rows(sheet, extent)
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
