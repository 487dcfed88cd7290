"""Excel round trip for a plan's activities: export to .xlsx, and import an edited sheet back.

Export (`export_workbook`) writes the sheet "Aktiviteter", one row per activity with its id, and
the read-only sheet "Vejledning" that explains the columns. Import (`import_activities`) reads
such a sheet back, all or nothing:

1. The file is checked: the name must end in .xlsx, it may be at most 5 MB, openpyxl must be
   able to open it, and it must have the header row and at least one activity row.
2. Every row is read and validated, and every problem is collected as a `RowError` (the row
   number Excel shows, the column, a message in Danish). Nothing is written yet.
3. Only when there is no error at all are the rows applied, in one transaction: a row with an
   empty ID creates an activity in the plan; a row with the ID of one of the plan's activities
   updates it (its `version` goes up and one history row names the importer). Rows equal to
   the database are left alone. Activities missing from the sheet are neither changed nor
   deleted.

Decisions:
- Partners are not created by the import: a name that is not one of the municipality's partners
  is an error, so that a typo does not create a second "Gate21". Administrators create partners.
- An empty status keeps an existing activity's status, and makes a new activity "Planlagt".
- The period follows the activity form: a new or changed period text must be one that
  `parse_period` reads, and gives Start and Slut unless these cells were changed as well; an
  unchanged text (also one imported as the document wrote it, such as "løbende") is kept.
- Columns are found by their header, in any order; extra columns are ignored.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from actions.enums import ActivityStatus
from actions.models import Activity, Partner
from actions.periods import PeriodError, parse_period
from core.concurrency import ConcurrentEditError, claim_next_version
from core.locale import NumberError, parse_decimal
from core.models import User
from strategy.models import Plan, Theme

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
MAX_PHYSICAL_ROWS = 10 * MAX_ROWS  # blank rows included
SHEET_TITLE = "Aktiviteter"
GUIDE_TITLE = "Vejledning"
LIST_SEPARATOR = ";"
DATE_FORMAT = "dd-mm-yyyy"
MONEY_FORMAT = "#,##0"
HOURS_FORMAT = "#,##0.0"
TEXT_DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    explanation: str
    number_format: str = ""


COLUMNS = [
    Column(
        "id",
        "ID",
        8,
        "Aktivitetens nummer i Kurs. Ændr det ikke. Lad det være tomt i en ny række for at "
        "oprette en ny aktivitet.",
    ),
    Column("title", "Titel", 50, "Aktivitetens titel. Skal udfyldes (højst 500 tegn)."),
    Column("description", "Beskrivelse", 60, "Beskrivelse af aktiviteten. Valgfri."),
    Column(
        "themes",
        "Temaer",
        30,
        "Planens temaer/indsatsområder, adskilt med semikolon (;). Navnene skal findes i planen.",
    ),
    Column(
        "period_text",
        "Periode",
        18,
        "Perioden som i dokumentet, fx '4. kvartal 2008', 'foråret 2009', 'oktober 2014' eller "
        "'2007-09'. En ny eller ændret periode giver Start og Slut.",
    ),
    Column("starts_on", "Start", 12, "Første dag (dato). Valgfri.", DATE_FORMAT),
    Column(
        "ends_on", "Slut", 12, "Sidste dag og frist (dato). Må ikke ligge før Start.", DATE_FORMAT
    ),
    Column(
        "status",
        "Status",
        14,
        "En af statusværdierne nedenfor. Tom: en ny aktivitet bliver 'Planlagt', en eksisterende "
        "beholder sin status.",
    ),
    Column("responsible_unit", "Ansvarlig enhed", 25, "Den ansvarlige enhed. Valgfri."),
    Column(
        "owner",
        "Ansvarlig",
        16,
        "Brugernavnet på den ansvarlige person; skal være bruger i kommunen. Tom: ingen.",
    ),
    Column(
        "partners",
        "Samarbejdspartnere",
        35,
        "Kommunens samarbejdspartnere, adskilt med semikolon (;). Partnerne skal være oprettet i "
        "Kurs i forvejen; importen opretter ikke nye.",
    ),
    Column("budget", "Budget", 14, "Budget i kroner. Et tal, 0 eller mere.", MONEY_FORMAT),
    Column("spent", "Forbrug", 14, "Forbrug i kroner. Et tal, 0 eller mere.", MONEY_FORMAT),
    Column("hours", "Timer", 10, "Timer. Et tal, 0 eller mere.", HOURS_FORMAT),
]
HEADERS = {column.key: column.header for column in COLUMNS}
SCALAR_FIELDS = [
    "title",
    "description",
    "period_text",
    "starts_on",
    "ends_on",
    "status",
    "responsible_unit",
    "owner",
    "budget",
    "spent",
    "hours",
]
NUMBER_PLACES = {"budget": 2, "spent": 2, "hours": 1}
NUMBER_LIMITS = {"budget": Decimal(10) ** 12, "spent": Decimal(10) ** 12, "hours": Decimal(10) ** 9}
TEXT_LIMITS = {"title": 500, "period_text": 100, "responsible_unit": 200}


# Export


def _clean_text(value: str) -> str:
    """Text without the control characters that a worksheet cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _write_text(cell, value: str) -> None:
    """Text stays text, also when it begins with '=' (openpyxl would store it as a formula)."""
    cell.value = _clean_text(value) or None
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
            sheet.column_dimensions[get_column_letter(index)].width = column.width
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
            }
            for index, column in enumerate(COLUMNS, start=1):
                value = values[column.key]
                cell = sheet.cell(row=row, column=index)
                if isinstance(value, str):
                    _write_text(cell, value)
                else:
                    cell.value = value
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
        _write_text(first_cell, first)
        second_cell = sheet.cell(row=row, column=2)
        _write_text(second_cell, second)
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


# Import


@dataclass(frozen=True)
class RowError:
    """One problem: the row number as Excel shows it, the column header, a message in Danish."""

    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    """What an import did, or why it did nothing.

    `file_error` is a problem with the whole file (wrong type, too large, no header, no rows);
    `errors` are the problems of single rows. When either is set, nothing was saved, and
    `created`/`updated` are empty; `planned_creates`/`planned_updates` still say what the valid
    rows would have done.
    """

    file_error: str = ""
    errors: list[RowError] = field(default_factory=list)
    row_count: int = 0
    planned_creates: int = 0
    planned_updates: int = 0
    created: list[Activity] = field(default_factory=list)
    updated: list[Activity] = field(default_factory=list)
    unchanged: list[Activity] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.errors

    @property
    def error_row_count(self) -> int:
        return len({error.row for error in self.errors})


class _FileError(Exception):
    pass


class _Conflict(Exception):
    pass


@dataclass
class _RowChange:
    row: int
    activity: Activity | None
    values: dict
    themes: list[Theme]
    partners: list[Partner]
    changed: bool = True


def _read_upload(file, filename: str) -> bytes:
    if not filename.lower().endswith(".xlsx"):
        raise _FileError(
            _(
                "Filen '%(name)s' er ikke et Excel-regneark (.xlsx). Gem arket som "
                "Excel-projektmappe (.xlsx) og prøv igen."
            )
            % {"name": filename}
        )
    data = file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise _FileError(_("Filen er for stor: den må højst fylde 5 MB."))
    if not data:
        raise _FileError(_("Filen er tom. Vælg det udfyldte regneark."))
    return data


def _open_workbook(data: bytes):
    """The workbook in `data`, read-only; any failure to read it is the user's file's fault."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if not workbook.worksheets:
            raise ValueError("no worksheets")
    except Exception as error:  # noqa: BLE001 - an uploaded file can fail in many ways
        raise _FileError(
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
            raise _FileError(_("Regnearket er beskadiget og kan ikke læses.")) from error
        count += 1
        if count > MAX_PHYSICAL_ROWS:
            raise _FileError(
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
        raise _FileError(
            _(
                "Arket har ikke overskriftsrækken fra Kurs i række 1 (ID, Titel, Beskrivelse …). "
                "Eksportér planens aktiviteter til Excel, og brug det ark."
            )
        )
    missing = [column.header for column in COLUMNS if column.key not in positions]
    if missing:
        raise _FileError(
            _("Arket mangler kolonnerne: %(columns)s. Overskrifterne skal stå i række 1.")
            % {"columns": ", ".join(missing)}
        )
    data_rows = []
    for number, values in enumerate(rows, start=2):
        if all(value is None or (isinstance(value, str) and not value.strip()) for value in values):
            continue
        data_rows.append((number, values))
        if len(data_rows) > MAX_ROWS:
            raise _FileError(
                _("Arket har mere end %(count)s aktiviteter. Del det op i flere filer.")
                % {"count": MAX_ROWS}
            )
    if not data_rows:
        raise _FileError(_("Arket har ingen aktiviteter under overskriftsrækken."))
    return positions, data_rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


def _names(value) -> list[str]:
    return [name.strip() for name in _text(value).split(LIST_SEPARATOR) if name.strip()]


def _parse_id(value) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError
        return int(value)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if not text.isdigit():
        raise ValueError
    return int(text)


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


class _RowReader:
    """Reads one plan's rows against what the plan and the municipality have."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.activities = {
            activity.pk: activity
            for activity in Activity.objects.filter(plan=plan)
            .select_related("owner")
            .prefetch_related("themes", "partners")
        }
        self.themes: dict[str, Theme] = {}
        for theme in Theme.objects.filter(plan=plan).order_by("order", "pk"):
            self.themes.setdefault(theme.title.strip().casefold(), theme)
        self.partners = {
            partner.name.strip().casefold(): partner
            for partner in Partner.objects.filter(municipality_id=plan.municipality_id)
        }
        self.users = {
            user.username: user
            for user in User.objects.filter(
                memberships__municipality_id=plan.municipality_id
            ).distinct()
        }
        self.users_folded: dict[str, list[User]] = {}
        for user in self.users.values():
            self.users_folded.setdefault(user.username.casefold(), []).append(user)
        with translation.override("da"):
            self.statuses = {str(s.label).casefold(): s.value for s in ActivityStatus}
        self.statuses.update({s.value: s.value for s in ActivityStatus})
        self.seen_ids: dict[int, int] = {}

    def read(self, number: int, values: tuple, positions: dict[str, int]):
        errors: list[RowError] = []

        def cell(key):
            index = positions[key]
            return values[index] if index < len(values) else None

        def error(key, message):
            errors.append(RowError(number, HEADERS[key], message))

        activity = None
        try:
            activity_id = _parse_id(cell("id"))
        except ValueError:
            error("id", _("ID skal være et helt tal fra Kurs, eller tomt for en ny aktivitet."))
            activity_id = None
        else:
            if activity_id is not None:
                activity = self.activities.get(activity_id)
                if activity is None:
                    error(
                        "id",
                        _(
                            "Der er ingen aktivitet med ID %(id)s i denne plan. Lad ID være "
                            "tomt for at oprette en ny aktivitet."
                        )
                        % {"id": activity_id},
                    )
                elif activity_id in self.seen_ids:
                    error(
                        "id",
                        _("ID %(id)s står også i række %(row)s.")
                        % {"id": activity_id, "row": self.seen_ids[activity_id]},
                    )
                    activity = None
                else:
                    self.seen_ids[activity_id] = number

        result = {}
        for key in ("title", "description", "period_text", "responsible_unit"):
            result[key] = _text(cell(key))
        if not result["title"]:
            error("title", _("Titel skal udfyldes."))
        for key, limit in TEXT_LIMITS.items():
            if len(result[key]) > limit:
                error(key, _("Højst %(limit)s tegn.") % {"limit": limit})

        raw_status = _text(cell("status"))
        if not raw_status:
            result["status"] = activity.status if activity else ActivityStatus.PLANNED.value
        elif raw_status.casefold() in self.statuses:
            result["status"] = self.statuses[raw_status.casefold()]
        else:
            with translation.override("da"):
                allowed = ", ".join(str(s.label) for s in ActivityStatus)
            error(
                "status",
                _("Ukendt status '%(status)s'. Brug en af: %(allowed)s.")
                % {"status": raw_status, "allowed": allowed},
            )

        dates = {}
        for key in ("starts_on", "ends_on"):
            try:
                dates[key] = _parse_date(cell(key))
            except ValueError:
                error(key, _("Skriv en dato, fx 31-12-2016."))
                dates[key] = None
        text = result["period_text"]
        if text and (activity is None or text != (activity.period_text or "")):
            try:
                period = parse_period(text)
            except PeriodError as problem:
                error("period_text", str(problem))
            else:
                parsed = {"starts_on": period.starts_on, "ends_on": period.ends_on}
                for key, value in parsed.items():
                    typed = dates[key]
                    if typed is None or (activity is not None and typed == getattr(activity, key)):
                        dates[key] = value
        result.update(dates)
        if dates["starts_on"] and dates["ends_on"] and dates["ends_on"] < dates["starts_on"]:
            error(
                "ends_on",
                _("Slut (%(end)s) ligger før Start (%(start)s).")
                % {
                    "end": dates["ends_on"].strftime("%d-%m-%Y"),
                    "start": dates["starts_on"].strftime("%d-%m-%Y"),
                },
            )

        for key, places in NUMBER_PLACES.items():
            try:
                amount = _parse_number(cell(key))
            except NumberError as problem:
                error(key, str(problem))
                continue
            if amount is not None:
                if amount < 0:
                    error(key, _("Må ikke være negativ."))
                    continue
                amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
                if amount >= NUMBER_LIMITS[key]:
                    error(key, _("Tallet er for stort."))
                    continue
            result[key] = amount

        username = _text(cell("owner"))
        result["owner"] = None
        if username:
            user = self.users.get(username)
            if user is None and len(self.users_folded.get(username.casefold(), [])) == 1:
                user = self.users_folded[username.casefold()][0]
            if user is None:
                error(
                    "owner",
                    _("'%(username)s' er ikke brugernavnet på en bruger i kommunen.")
                    % {"username": username},
                )
            result["owner"] = user

        themes = []
        for name in _names(cell("themes")):
            theme = self.themes.get(name.casefold())
            if theme is None:
                error("themes", _("Planen har ikke temaet '%(name)s'.") % {"name": name})
            elif theme not in themes:
                themes.append(theme)
        partners = []
        for name in _names(cell("partners")):
            partner = self.partners.get(name.casefold())
            if partner is None:
                error(
                    "partners",
                    _(
                        "Samarbejdspartneren '%(name)s' findes ikke i kommunen. En administrator "
                        "kan oprette den."
                    )
                    % {"name": name},
                )
            elif partner not in partners:
                partners.append(partner)

        if not errors:
            errors += self._model_errors(number, result)
        if errors:
            return None, errors
        change = _RowChange(number, activity, result, themes, partners)
        if activity is not None:
            change.changed = self._differs(activity, change)
        return change, []

    def _model_errors(self, number: int, values: dict) -> list[RowError]:
        """The model's own field rules, as a last check (lengths, digits, choices)."""
        candidate = Activity(plan=self.plan, **values)
        try:
            # The plan and the owner are checked above; excluding them saves two queries a row.
            candidate.full_clean(
                exclude=["plan", "owner"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as problem:
            return [
                RowError(number, HEADERS.get(name, name), " ".join(messages))
                for name, messages in problem.message_dict.items()
            ]
        return []

    @staticmethod
    def _differs(activity: Activity, change: _RowChange) -> bool:
        for name in SCALAR_FIELDS:
            if getattr(activity, name) != change.values[name]:
                return True
        if {t.pk for t in activity.themes.all()} != {t.pk for t in change.themes}:
            return True
        return {p.pk for p in activity.partners.all()} != {p.pk for p in change.partners}


def _apply(changes: list[_RowChange], *, plan: Plan, user, result: ImportResult) -> None:
    reason = _("Importeret fra Excel")
    next_order = (Activity.objects.filter(plan=plan).aggregate(Max("order"))["order__max"] or 0) + 1
    with transaction.atomic():
        for change in changes:
            activity = change.activity
            if activity is None:
                activity = Activity(plan=plan, order=next_order, **change.values)
                next_order += 1
                activity._history_user = user
                activity._change_reason = reason
                activity.save()
                if change.themes or change.partners:
                    # The lists need the activity's id: set them, then write a second history
                    # row that records them.
                    activity.skip_history_when_saving = True
                    try:
                        activity.themes.set(change.themes)
                        activity.partners.set(change.partners)
                    finally:
                        del activity.skip_history_when_saving
                    activity.save()
                result.created.append(activity)
                continue
            if not change.changed:
                result.unchanged.append(activity)
                continue
            try:
                claim_next_version(activity, expected_version=activity.version, message="")
            except ConcurrentEditError as error:
                raise _Conflict(change.row) from error
            for name, value in change.values.items():
                setattr(activity, name, value)
            activity.skip_history_when_saving = True
            try:
                activity.themes.set(change.themes)
                activity.partners.set(change.partners)
            finally:
                del activity.skip_history_when_saving
            activity._history_user = user
            activity._change_reason = reason
            activity.save()
            result.updated.append(activity)


def import_activities(*, plan: Plan, user, file, filename: str) -> ImportResult:
    """Create and update `plan`'s activities from the .xlsx `file`; all rows or none.

    `file` is a binary file object (an upload); at most 5 MB of it is read. Returns an
    ImportResult; nothing is saved unless `result.ok`. Side effects when saved: the activities,
    their theme and partner lists, a `version` bump on each changed activity, and history rows
    naming `user` with the reason "Importeret fra Excel".
    """
    result = ImportResult()
    try:
        workbook = _open_workbook(_read_upload(file, filename))
        try:
            positions, rows = _read_rows(_sheet(workbook))
        finally:
            workbook.close()
    except _FileError as problem:
        result.file_error = str(problem)
        return result
    result.row_count = len(rows)
    reader = _RowReader(plan)
    changes: list[_RowChange] = []
    for number, values in rows:
        change, errors = reader.read(number, values, positions)
        result.errors += errors
        if change is not None:
            changes.append(change)
    result.planned_creates = sum(1 for c in changes if c.activity is None)
    result.planned_updates = sum(1 for c in changes if c.activity is not None and c.changed)
    if result.errors:
        return result
    try:
        _apply(changes, plan=plan, user=user, result=result)
    except _Conflict as conflict:
        result.created, result.updated, result.unchanged = [], [], []
        result.file_error = _(
            "Aktiviteten i række %(row)s blev ændret af en anden under importen. Intet er gemt: "
            "eksportér arket igen og ret i den nye udgave."
        ) % {"row": conflict.args[0]}
    return result
