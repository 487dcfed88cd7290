"""Export of a plan's activities to an .xlsx workbook: the sheet "Aktiviteter" and the guide."""

from __future__ import annotations

import io

from django.db.models import Prefetch
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from actions.enums import ActivityStatus
from actions.exchange.columns import (
    COLUMNS,
    GUIDE_TITLE,
    LIST_SEPARATOR,
    SHEET_TITLE,
)
from actions.exchange.reading import MAX_ROWS, row_fingerprint
from actions.models import Activity, Partner
from strategy.models import Plan, Theme

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def clean_text(value: str) -> str:
    """Text without the control characters that a worksheet cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def write_text(cell, value: str) -> None:
    """Text stays text, also when it begins with '=' (openpyxl would store it as a formula)."""
    cell.value = clean_text(value) or None
    if cell.data_type == "f":
        cell.data_type = "s"


def _join(names) -> str:
    return f"{LIST_SEPARATOR} ".join(names)


def _export_activities(plan: Plan):
    return (
        Activity.objects.filter(plan=plan)
        .select_related("owner")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("order", "pk")),
            Prefetch("partners", queryset=Partner.objects.order_by("name")),
        )
        .order_by("order", "pk")
    )


def export_workbook(*, plan: Plan) -> bytes:
    """The plan's activities as an .xlsx file: the sheets "Aktiviteter" and "Vejledning"."""
    with translation.override("da"):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = SHEET_TITLE
        header_font = Font(bold=True)
        header_fill = PatternFill("solid", fgColor="DDE5EE")
        for index, column in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=1, column=index, value=column.header)
            cell.font = header_font
            cell.fill = header_fill
            dimension = sheet.column_dimensions[get_column_letter(index)]
            dimension.width = column.width
            dimension.hidden = column.hidden
        for row, activity in enumerate(_export_activities(plan), start=2):
            values = {
                "id": activity.pk,
                "title": activity.title,
                "description": activity.description,
                "themes": _join(theme.title for theme in activity.themes.all()),
                "period_text": activity.period_text,
                "starts_on": activity.starts_on,
                "ends_on": activity.ends_on,
                "status": str(ActivityStatus(activity.status).label),
                "responsible_unit": activity.responsible_unit,
                "owner": activity.owner.username if activity.owner else "",
                "partners": _join(partner.name for partner in activity.partners.all()),
                "budget": activity.budget,
                "spent": activity.spent,
                "hours": activity.hours,
                "version": activity.version,
            }
            written = {}
            for index, column in enumerate(COLUMNS, start=1):
                cell = sheet.cell(row=row, column=index)
                # The checksum is of the cells as written, so that the import can tell
                # whether anyone changed them.
                value = row_fingerprint(written) if column.key == "check" else values[column.key]
                if isinstance(value, str):
                    write_text(cell, value)
                else:
                    cell.value = value
                written[column.key] = cell.value
                if column.number_format:
                    cell.number_format = column.number_format
                if column.key == "description":
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 2)}"
        status_column = get_column_letter(_column_index("status"))
        labels = ",".join(str(status.label) for status in ActivityStatus)
        validation = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
        validation.error = _("Vælg en af statusværdierne.")
        validation.add(f"{status_column}2:{status_column}{MAX_ROWS + 1}")
        sheet.add_data_validation(validation)
        _write_guide(workbook.create_sheet(GUIDE_TITLE), plan)
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


def _column_index(key: str) -> int:
    return next(i for i, column in enumerate(COLUMNS, start=1) if column.key == key)


def _write_guide(sheet, plan: Plan) -> None:
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 100
    steps = [
        "Ret, tilføj eller fjern indhold i arket 'Aktiviteter'. Ændr ikke overskrifterne.",
        "En ny aktivitet: tilføj en række med tomt ID.",
        "Gem som Excel-projektmappe (.xlsx), og importér filen under handleplanen i Kurs.",
        "Importen gemmer alt eller intet: er der fejl i én række, gemmes ingen af rækkerne, og "
        "Kurs viser en liste over fejlene med rækkenumre.",
        "Aktiviteter, der ikke står i arket, bliver hverken ændret eller slettet.",
        "Er en aktivitet ændret i Kurs, efter arket blev eksporteret, og har du også ændret "
        "dens række, afviser importen rækken, så den andens ændring ikke overskrives: eksportér "
        "igen, og ret i det nye ark. Rækker, du ikke har ændret, lader importen være.",
    ]
    lines: list[tuple[str, str, bool]] = [
        (f"Aktiviteter i {plan.title}", "", True),
        ("", "", False),
        ("Sådan bruges arket", "", True),
    ]
    lines += [(f"{number}.", step, False) for number, step in enumerate(steps, start=1)]
    lines += [("", "", False), ("Kolonne", "Indhold", True)]
    lines += [(column.header, column.explanation, False) for column in COLUMNS]
    lines += [("", "", False), ("Status", "Tilladte værdier", True)]
    lines += [(str(status.label), "", False) for status in ActivityStatus]
    for row, (first, second, is_heading) in enumerate(lines, start=1):
        first_cell = sheet.cell(row=row, column=1)
        write_text(first_cell, first)
        second_cell = sheet.cell(row=row, column=2)
        write_text(second_cell, second)
        second_cell.alignment = wrap
        if is_heading:
            first_cell.font = bold
            second_cell.font = bold
    sheet.protection.sheet = True


def plan_slug(plan: Plan) -> str:
    """The plan's title for a file name, in ASCII: "Vækst 2016" -> "vaekst-2016"."""
    title = plan.title.lower()
    for letter, spelled in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        title = title.replace(letter, spelled)
    return slugify(title) or str(plan.pk)


def export_filename(plan: Plan) -> str:
    """E.g. "aktiviteter-handleplan-for-vaekst.xlsx"; ASCII, so that every browser keeps it."""
    return f"aktiviteter-{plan_slug(plan)}.xlsx"
