"""Tables as files: Excel (.xlsx) and CSV, for the exports of goals, measurements and activities.

A table is a header row and rows of cells; a cell is text, a number (int or Decimal), a date, a
yes/no or empty. Both formats keep numbers as numbers and dates as dates, and neither lets a
cell become a formula:

- Excel: numbers and dates are typed cells (dates shown dd-mm-yyyy); text is stored as text,
  also when it begins with "=" (`actions.exchange.exporting.write_text`).
- CSV, as Danish Excel opens it by a double click: UTF-8 with a byte order mark (without it
  Excel reads æøå wrongly), ";" between cells (Danish Excel's list separator, since "," is the
  decimal mark), a decimal comma and no thousands separator (1234,5), dates as YYYY-MM-DD
  (which every Excel reads as a date), yes/no as "ja"/"nej". Text that begins with = + - @, a
  tab or a carriage return, which a spreadsheet would take for a formula, gets a leading
  apostrophe (OWASP's advice on CSV injection); the value is otherwise unchanged.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from actions.exchange import XLSX_CONTENT_TYPE
from actions.exchange.exporting import write_text

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
CONTENT_TYPES = {"xlsx": XLSX_CONTENT_TYPE, "csv": CSV_CONTENT_TYPE}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd-mm-yyyy"


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 14
    number_format: str = ""


@dataclass
class Table:
    title: str  # the sheet's name
    columns: list[Column]
    rows: list[list]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    if isinstance(value, (int, Decimal, float)):
        return str(value).replace(".", ",")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.header for column in table.columns])
    writer.writerows([_csv_cell(value) for value in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.title[:31]  # Excel's limit on a sheet's name
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE5EE")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_number, row in enumerate(table.rows, start=2):
        for index, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            cell = sheet.cell(row=row_number, column=index)
            if isinstance(value, str):
                write_text(cell, value)
            elif isinstance(value, bool):
                write_text(cell, _("ja") if value else _("nej"))
            else:
                cell.value = value
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif column.number_format:
                cell.number_format = column.number_format
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


WRITERS = {"xlsx": to_xlsx, "csv": to_csv}
