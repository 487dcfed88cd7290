"""The Excel import against hostile files: each is refused with a clear Danish error before it
costs the server much memory or time, and nothing is saved; and no row is silently lost.

The files are built here, part by part (zipfile and XML), as an attacker or a broken program
would write them.
"""

import io
import random
import string
import zipfile

import pytest
from openpyxl import load_workbook

from actions import exchange
from actions.exchange import reading
from actions.models import Activity
from actions.tests.factories import ActionPlanFactory

HEADER = [column.header for column in exchange.COLUMNS]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
        f'Type="{DOCUMENT}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{MAIN}" xmlns:r="{DOCUMENT}"><sheets>'
        '<sheet name="Aktiviteter" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" '
        f'Type="{DOCUMENT}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


@pytest.fixture
def plan(municipality):
    return ActionPlanFactory(municipality=municipality)


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text_cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def header_row() -> str:
    cells = "".join(text_cell(f"{column_letter(n)}1", h) for n, h in enumerate(HEADER, start=1))
    return f'<row r="1">{cells}</row>'


def new_activity_row(number: int, title: str, *extra_cells: str) -> str:
    cells = text_cell(f"B{number}", title) + text_cell(f"E{number}", "2016")
    return f'<row r="{number}">{cells}{"".join(extra_cells)}</row>'


def crafted_xlsx(*rows: str, dimension: str = "", sheet_chunks=None) -> bytes:
    """An .xlsx package written by hand: the sheet "Aktiviteter" with the header and `rows`
    (or the sheet XML from `sheet_chunks`, streamed so that it may be huge)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in PARTS.items():
            archive.writestr(name, content)
        if sheet_chunks is None:
            dimension_tag = f'<dimension ref="{dimension}"/>' if dimension else ""
            sheet_chunks = [
                f'<worksheet xmlns="{MAIN}">{dimension_tag}<sheetData>{header_row()}',
                *rows,
                "</sheetData></worksheet>",
            ]
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            for chunk in sheet_chunks:
                sheet.write(chunk.encode())
    return buffer.getvalue()


def one_huge_cell(size: int):
    """A sheet whose one text cell holds `size` letters; it packs to about a thousandth."""
    yield f'<worksheet xmlns="{MAIN}"><sheetData>{header_row()}<row r="2">'
    yield '<c r="B2" t="inlineStr"><is><t>'
    block = "A" * (1024 * 1024)
    for _ in range(size // len(block)):
        yield block
    yield "</t></is></c></row></sheetData></worksheet>"


def run_import(plan, user, content: bytes):
    return exchange.import_activities(
        plan=plan, user=user, file=io.BytesIO(content), filename="aktiviteter.xlsx"
    )


@pytest.fixture
def never_parsed(monkeypatch):
    """Fails the test if openpyxl is asked to open the file."""

    def refuse(*args, **kwargs):
        raise AssertionError("the file was handed to openpyxl")

    monkeypatch.setattr(reading, "load_workbook", refuse)


def test_the_crafted_files_are_workbooks_the_import_reads(plan, staff):
    content = crafted_xlsx(new_activity_row(2, "Virksomhedsbesøg"))

    result = run_import(plan, staff, content)

    assert result.ok, (result.file_error, result.errors)
    assert [a.title for a in result.created] == ["Virksomhedsbesøg"]


# (a) Zip bombs


def test_a_file_that_unpacks_to_more_than_50_mb_is_refused_before_it_is_parsed(
    plan, staff, never_parsed
):
    content = crafted_xlsx(sheet_chunks=one_huge_cell(51 * 1024 * 1024))
    assert len(content) < 100 * 1024

    result = run_import(plan, staff, content)

    assert result.file_error == (
        "Regnearket fylder mere end 50 MB, når det pakkes ud. Del arket op i flere filer, eller "
        "fjern billeder og andet, der ikke hører til aktiviteterne."
    )
    assert not Activity.objects.exists()


def test_a_file_packed_far_tighter_than_a_spreadsheet_is_refused_before_it_is_parsed(
    plan, staff, never_parsed
):
    content = crafted_xlsx(sheet_chunks=one_huge_cell(20 * 1024 * 1024))

    result = run_import(plan, staff, content)

    assert result.file_error == (
        "Filen er pakket usædvanligt tæt og ligner ikke et regneark fra Excel. Gem arket som "
        "Excel-projektmappe (.xlsx) i Excel eller LibreOffice, og prøv igen."
    )
    assert not Activity.objects.exists()


def test_a_file_of_many_parts_is_refused_before_it_is_parsed(plan, staff, never_parsed):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(reading.MAX_PARTS + 1):
            archive.writestr(f"xl/media/image{number}.png", b"")

    result = run_import(plan, staff, buffer.getvalue())

    assert result.file_error.startswith("Filen er pakket usædvanligt tæt")


# (b) Cells far outside the columns


def test_cells_in_the_last_column_are_refused_naming_the_first(plan, staff):
    rows = [
        new_activity_row(number, f"Aktivitet {number}", f'<c r="XFD{number}"><v>1</v></c>')
        for number in range(2, 2002)
    ]
    content = crafted_xlsx(*rows, dimension="A1:XFD2001")
    assert len(content) < 40 * 1024

    result = run_import(plan, staff, content)

    assert result.file_error == (
        "Arket har indhold i cellen XFD2, langt til højre for Kurs' kolonner. Kurs læser kun "
        "kolonnerne A-Z: slet indholdet i de andre kolonner, og prøv igen."
    )
    assert not Activity.objects.exists()


def test_a_cell_just_past_the_readable_columns_is_refused(plan, staff):
    content = crafted_xlsx(
        new_activity_row(2, "Første"), new_activity_row(3, "Anden", text_cell("AA3", "note"))
    )

    result = run_import(plan, staff, content)

    assert result.file_error.startswith("Arket har indhold i cellen AA3, langt til højre")


def test_own_notes_in_the_last_readable_column_are_ignored(plan, staff):
    content = crafted_xlsx(new_activity_row(2, "Første", text_cell("Z2", "min note")))

    result = run_import(plan, staff, content)

    assert result.ok, (result.file_error, result.errors)
    assert [a.title for a in result.created] == ["Første"]


def test_empty_formatted_cells_far_to_the_right_are_ignored(plan, staff):
    content = crafted_xlsx(new_activity_row(2, "Første", '<c r="XFD2" s="0"/>'))

    result = run_import(plan, staff, content)

    assert result.ok, (result.file_error, result.errors)


# (c) Rows: none lost, none far away


def test_a_sheet_whose_dimension_is_stale_imports_every_row(plan, staff):
    """openpyxl's read-only mode trusts <dimension>; a sheet saying A1:P2 has 5 rows here."""
    rows = [new_activity_row(number, f"Aktivitet {number}") for number in range(2, 7)]
    content = crafted_xlsx(*rows, dimension="A1:P2")
    assert load_workbook(io.BytesIO(content), read_only=True)["Aktiviteter"].max_row == 2

    result = run_import(plan, staff, content)

    assert result.ok, (result.file_error, result.errors)
    assert (result.row_count, [a.title for a in result.created]) == (
        5,
        ["Aktivitet 2", "Aktivitet 3", "Aktivitet 4", "Aktivitet 5", "Aktivitet 6"],
    )
    assert Activity.objects.count() == 5


def test_rows_without_a_number_are_counted_as_excel_counts_them(plan, staff):
    content = crafted_xlsx(
        "<row>" + '<c t="inlineStr"><is><t></t></is></c>' * 1 + text_cell("B2", "Uden nummer")
        + text_cell("E2", "2016") + "</row>",
        "<row>" + text_cell("B3", "Også uden") + text_cell("H3", "Færdig") + "</row>",
    )  # fmt: skip

    result = run_import(plan, staff, content)

    assert [(e.row, e.column) for e in result.errors] == [(3, "Status")]


def test_content_far_below_the_last_readable_row_is_refused(plan, staff):
    content = crafted_xlsx(new_activity_row(2, "Første"), new_activity_row(1048576, "Sidste"))

    result = run_import(plan, staff, content)

    assert result.file_error == (
        "Arket har indhold helt nede i række 1.048.576. Kurs læser højst 20.001 rækker: slet "
        "indholdet længere nede, og prøv igen."
    )
    assert not Activity.objects.exists()


def test_a_sheet_with_2001_activities_is_refused(plan, staff):
    rows = [new_activity_row(number, f"Aktivitet {number}") for number in range(2, 2003)]

    result = run_import(plan, staff, crafted_xlsx(*rows))

    assert result.file_error == "Arket har mere end 2000 aktiviteter. Del det op i flere filer."
    assert not Activity.objects.exists()


def test_a_sheet_with_2000_activities_is_read(plan, staff):
    rows = [new_activity_row(number, f"Aktivitet {number}") for number in range(2, 2001)]
    rows.append(new_activity_row(2001, "Den sidste", text_cell("H2001", "Færdig")))

    result = run_import(plan, staff, crafted_xlsx(*rows))

    assert (result.file_error, result.row_count, result.planned_creates) == ("", 2000, 1999)
    assert [(e.row, e.column) for e in result.errors] == [(2001, "Status")]


# Cells the import does not read


def test_cells_of_millions_of_characters_are_refused_without_repeating_them(plan, staff):
    letters = random.Random(1).choices(string.ascii_letters, k=3_000_000)
    content = crafted_xlsx(
        new_activity_row(2, "Første", text_cell("H2", "".join(letters[:600_000]))),
        new_activity_row(3, "".join(letters)),
    )
    assert len(content) < exchange.MAX_UPLOAD_BYTES

    result = run_import(plan, staff, content)

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Status", "Højst 50 tegn; cellen har 600.000."),
        (3, "Titel", "Højst 500 tegn; cellen har 3.000.000."),
    ]
    assert not Activity.objects.exists()


def test_a_formula_is_refused_with_a_row_error(plan, staff):
    content = crafted_xlsx(
        new_activity_row(2, "Første", '<c r="L2"><f>1000*2</f><v>2000</v></c>'),
        new_activity_row(3, "Anden", '<c r="B3" t="str"><f>"Ti"&amp;"tel"</f><v>Titel</v></c>'),
    )

    result = run_import(plan, staff, content)

    message = "Cellen indeholder en formel. Skriv selve værdien: importen læser ikke formler."
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Budget", message),
        (3, "Titel", message),
    ]
    assert not Activity.objects.exists()


def test_a_formula_in_a_column_the_import_ignores_is_ignored(plan, staff):
    content = crafted_xlsx(
        new_activity_row(2, "Første", '<c r="Q2"><f>1+1</f><v>2</v></c>'),
    )

    result = run_import(plan, staff, content)

    assert result.ok, (result.file_error, result.errors)


def test_damaged_sheet_xml_is_refused(plan, staff):
    rows = [new_activity_row(number, f"Aktivitet {number}") for number in range(2, 1000)]
    content = crafted_xlsx(*rows, "<row r='1000'><c r='B1000'", dimension="A1:P1000")

    result = run_import(plan, staff, content)

    assert result.file_error == "Regnearket er beskadiget og kan ikke læses."
