"""The sheet's columns: keys, Danish headers, widths, number formats, the guide's texts."""

from __future__ import annotations

from dataclasses import dataclass

from actions.models import Activity
from core.bounds import largest_value
from core.models import User

# An id, a date, a number or a status is never longer than this.
SHORT_CELL = 30
# A list of theme or partner names.
NAMES_CELL = 2000
SHEET_TITLE = "Aktiviteter"
GUIDE_TITLE = "Vejledning"
LIST_SEPARATOR = ";"
DATE_FORMAT = "dd-mm-yyyy"
MONEY_FORMAT = "#,##0"
HOURS_FORMAT = "#,##0.0"


def _max_length(key: str) -> int:
    """The activity field's own limit, so that the sheet and the model agree."""
    return Activity._meta.get_field(key).max_length


@dataclass(frozen=True)
class Column:
    """One column of the sheet. `kind` says how a cell is read: "id", "text", "names" (a list
    separated by semicolons), "date" or "number"; a cell longer than `max_chars` is refused
    before it is read further (and never repeated in an error message)."""

    key: str
    header: str
    width: int
    explanation: str
    number_format: str = ""
    kind: str = "text"
    hidden: bool = False
    max_chars: int = SHORT_CELL


COLUMNS = [
    Column(
        "id",
        "ID",
        8,
        "Aktivitetens nummer i Kurs. Ændr det ikke. Lad det være tomt i en ny række for at "
        "oprette en ny aktivitet.",
        kind="id",
    ),
    Column(
        "title",
        "Titel",
        50,
        "Aktivitetens titel. Skal udfyldes (højst 500 tegn).",
        max_chars=_max_length("title"),
    ),
    Column(
        "description",
        "Beskrivelse",
        60,
        "Beskrivelse af aktiviteten. Valgfri (højst 20.000 tegn).",
        max_chars=_max_length("description"),
    ),
    Column(
        "themes",
        "Temaer",
        30,
        "Planens temaer/indsatsområder, adskilt med semikolon (;). Navnene skal findes i planen.",
        kind="names",
        max_chars=NAMES_CELL,
    ),
    Column(
        "period_text",
        "Periode",
        18,
        "Perioden som i dokumentet, fx '4. kvartal 2008', 'foråret 2009', 'oktober 2014' eller "
        "'2007-09'. En ny eller ændret periode giver Start og Slut.",
        max_chars=_max_length("period_text"),
    ),
    Column("starts_on", "Start", 12, "Første dag (dato). Valgfri.", DATE_FORMAT, kind="date"),
    Column(
        "ends_on",
        "Slut",
        12,
        "Sidste dag og frist (dato). Må ikke ligge før Start.",
        DATE_FORMAT,
        kind="date",
    ),
    Column(
        "status",
        "Status",
        14,
        "En af statusværdierne nedenfor. Tom: en ny aktivitet bliver 'Planlagt', en eksisterende "
        "beholder sin status.",
        max_chars=50,
    ),
    Column(
        "responsible_unit",
        "Ansvarlig enhed",
        25,
        "Den ansvarlige enhed. Valgfri.",
        max_chars=_max_length("responsible_unit"),
    ),
    Column(
        "owner",
        "Ansvarlig",
        16,
        "Brugernavnet på den ansvarlige person; skal være bruger i kommunen. Tom: ingen.",
        max_chars=User._meta.get_field("username").max_length,
    ),
    Column(
        "partners",
        "Samarbejdspartnere",
        35,
        "Kommunens samarbejdspartnere, adskilt med semikolon (;). Partnerne skal være oprettet i "
        "Kurs i forvejen (en administrator opretter dem under Administration → "
        "Samarbejdspartnere); importen opretter ikke nye.",
        kind="names",
        max_chars=NAMES_CELL,
    ),
    Column(
        "budget",
        "Budget",
        14,
        "Budget i kroner. Et tal, 0 eller mere.",
        MONEY_FORMAT,
        kind="number",
    ),
    Column(
        "spent",
        "Forbrug",
        14,
        "Forbrug i kroner. Et tal, 0 eller mere.",
        MONEY_FORMAT,
        kind="number",
    ),
    Column("hours", "Timer", 10, "Timer. Et tal, 0 eller mere.", HOURS_FORMAT, kind="number"),
    Column(
        "version",
        "Version",
        9,
        "Aktivitetens version i Kurs, da arket blev eksporteret (skjult kolonne). Ændr den ikke: "
        "er aktiviteten ændret i Kurs siden, og har du også ændret rækken, afviser importen "
        "rækken i stedet for at overskrive den andens ændring.",
        kind="id",
        hidden=True,
    ),
    Column(
        "check",
        "Kontrolsum",
        18,
        "Et fingeraftryk af rækken, som den blev eksporteret (skjult kolonne). Ændr det ikke: "
        "det viser importen, om du har ændret rækken. En uændret række lader importen være.",
        hidden=True,
    ),
]
# The columns that say what the row was when exported; a sheet without them is too old to import.
EXPORT_MARKS = ("version", "check")
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
TEXT_FIELDS = ["title", "description", "period_text", "responsible_unit"]
# A number's decimal places and largest value are the model field's.
NUMBER_PLACES = {
    column.key: Activity._meta.get_field(column.key).decimal_places
    for column in COLUMNS
    if column.kind == "number"
}
NUMBER_LIMITS = {
    key: largest_value(Activity._meta.get_field(key).max_digits, places)
    for key, places in NUMBER_PLACES.items()
}
