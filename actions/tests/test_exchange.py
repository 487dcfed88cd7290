"""The Excel round trip: what the export writes, and the import's all-or-nothing rules."""

import io
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from actions import exchange
from actions.enums import ActivityStatus
from actions.exchange import importing
from actions.models import Activity
from actions.services import update_activity
from actions.tests.factories import ActionPlanFactory, ActivityFactory, PartnerFactory
from core.tests.factories import MembershipFactory, UserFactory
from strategy.tests.factories import ThemeFactory

HEADER = [
    "ID",
    "Titel",
    "Beskrivelse",
    "Temaer",
    "Periode",
    "Start",
    "Slut",
    "Status",
    "Ansvarlig enhed",
    "Ansvarlig",
    "Samarbejdspartnere",
    "Budget",
    "Forbrug",
    "Timer",
    "Version",
    "Kontrolsum",
]
COL = {name: index for index, name in enumerate(HEADER, start=1)}


@pytest.fixture
def plan(municipality):
    return ActionPlanFactory(municipality=municipality, title="Handleplan for vækst 2016-2017")


@pytest.fixture
def setup(plan, municipality, other_municipality, staff):
    """Two activities, two themes, two partners, and another municipality's activity."""
    staff.first_name, staff.last_name = "Søren", "Ærbø"
    staff.save()
    startups = ThemeFactory(track__plan=plan, title="Iværksætteri", order=1)
    green = ThemeFactory(track=startups.track, plan=plan, title="Grøn omstilling", order=2)
    gate = PartnerFactory(municipality=municipality, name="Gate 21")
    dtu = PartnerFactory(municipality=municipality, name="DTU Miljø")
    PartnerFactory(municipality=other_municipality, name="Ballerup Erhverv")
    first = ActivityFactory(
        plan=plan,
        title="Iværksætterkaravane",
        description="Besøg hos nye virksomheder\nmed rådgivning",
        period_text="1. halvår 2016",
        starts_on=date(2016, 1, 1),
        ends_on=date(2016, 6, 30),
        status=ActivityStatus.IN_PROGRESS,
        responsible_unit="Erhvervsservice",
        owner=staff,
        budget=Decimal("125000.00"),
        spent=Decimal("40000.50"),
        hours=Decimal("120.5"),
        order=1,
    )
    first.themes.set([startups, green])
    first.partners.set([gate, dtu])
    second = ActivityFactory(
        plan=plan,
        title="Klimatjek for små virksomheder",
        period_text="løbende",
        starts_on=None,
        ends_on=None,
        status=ActivityStatus.PLANNED,
        order=2,
    )
    foreign = ActivityFactory(plan__municipality=other_municipality, title="Ballerups aktivitet")
    other_plan = ActivityFactory(plan=ActionPlanFactory(municipality=municipality))
    return {
        "first": first,
        "second": second,
        "foreign": foreign,
        "other_plan": other_plan,
        "startups": startups,
        "green": green,
        "gate": gate,
        "dtu": dtu,
    }


def exported(plan):
    return load_workbook(io.BytesIO(exchange.export_workbook(plan=plan)))


def as_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_import(plan, user, content: bytes, filename="aktiviteter.xlsx"):
    return exchange.import_activities(
        plan=plan, user=user, file=io.BytesIO(content), filename=filename
    )


def set_row(sheet, row: int, **values):
    for name, value in values.items():
        # sheet.cell(..., value=None) would leave the cell as it was.
        sheet.cell(row=row, column=COL[name]).value = value


def snapshot():
    """Every activity row with its lists and history, to show that nothing changed."""
    rows = []
    for activity in Activity.objects.order_by("pk"):
        data = {f.attname: getattr(activity, f.attname) for f in Activity._meta.concrete_fields}
        data["themes"] = sorted(activity.themes.values_list("pk", flat=True))
        data["partners"] = sorted(activity.partners.values_list("pk", flat=True))
        rows.append(data)
    return rows, Activity.history.count()


# Export


def test_export_has_danish_header_and_one_row_per_activity(plan, setup):
    sheet = exported(plan)["Aktiviteter"]

    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert list(rows[1][:-1]) == [
        setup["first"].pk,
        "Iværksætterkaravane",
        "Besøg hos nye virksomheder\nmed rådgivning",
        "Iværksætteri; Grøn omstilling",
        "1. halvår 2016",
        datetime(2016, 1, 1),
        datetime(2016, 6, 30),
        "I gang",
        "Erhvervsservice",
        "staff",
        "DTU Miljø; Gate 21",
        125000,
        40000.5,
        120.5,
        1,
    ]
    assert list(rows[2][:-1]) == [
        setup["second"].pk,
        "Klimatjek for små virksomheder",
        None,
        None,
        "løbende",
        None,
        None,
        "Planlagt",
        None,
        None,
        None,
        None,
        None,
        None,
        1,
    ]
    checksums = [row[-1] for row in rows[1:]]
    assert [len(checksum) for checksum in checksums] == [16, 16]
    assert checksums[0] != checksums[1]
    assert len(rows) == 3


def test_export_carries_each_rows_version_in_hidden_columns_that_survive_a_save(plan, setup):
    update_activity(
        activity=setup["first"], user=None, expected_version=1, changes={"title": "Ny titel"}
    )

    saved_again = load_workbook(io.BytesIO(as_bytes(exported(plan))))
    sheet = saved_again["Aktiviteter"]

    assert [sheet.cell(row=row, column=COL["Version"]).value for row in (2, 3)] == [2, 1]
    assert (sheet.column_dimensions["O"].hidden, sheet.column_dimensions["P"].hidden) == (
        True,
        True,
    )
    assert not any(sheet.column_dimensions[letter].hidden for letter in "ABCDEFGHIJKLMN")


def test_export_formats_dates_and_numbers_and_freezes_the_header(plan, setup):
    workbook = exported(plan)
    sheet = workbook["Aktiviteter"]

    assert workbook.sheetnames == ["Aktiviteter", "Vejledning"]
    assert sheet.freeze_panes == "A2"
    assert sheet["F2"].is_date and sheet["G2"].is_date
    assert sheet["F2"].number_format == "dd-mm-yyyy"
    assert (sheet["L2"].number_format, sheet["M2"].number_format) == ("#,##0", "#,##0")
    assert sheet["N2"].number_format == "#,##0.0"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["B"].width == 50


def test_guide_sheet_is_protected_and_lists_columns_and_statuses(plan, setup):
    guide = exported(plan)["Vejledning"]

    first_column = [row[0] for row in guide.iter_rows(values_only=True)]
    assert guide.protection.sheet is True
    assert set(HEADER) <= set(first_column)
    explanations = {row[0]: row[1] for row in guide.iter_rows(values_only=True)}
    assert explanations["Version"].startswith(
        "Aktivitetens version i Kurs, da arket blev eksporteret (skjult kolonne)."
    )
    assert {"Planlagt", "I gang", "Gennemført", "Udskudt", "Opgivet"} <= set(first_column)


def test_text_that_looks_like_a_formula_is_exported_as_text(plan):
    ActivityFactory(plan=plan, title='=HYPERLINK("http://x")', description="-1+1\x0b")

    sheet = exported(plan)["Aktiviteter"]

    assert sheet["B2"].data_type == "s"
    assert sheet["B2"].value == '=HYPERLINK("http://x")'
    assert sheet["C2"].value == "-1+1"


def test_text_that_looks_like_a_formula_comes_back_as_the_same_text(plan, staff):
    activity = ActivityFactory(plan=plan, title='=HYPERLINK("http://x";"Klik")')
    workbook = exported(plan)
    set_row(workbook["Aktiviteter"], 2, Beskrivelse="+45 12 34 56 78")

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.ok, result.errors
    activity.refresh_from_db()
    assert (activity.title, activity.description) == (
        '=HYPERLINK("http://x";"Klik")',
        "+45 12 34 56 78",
    )


def test_export_filename_is_ascii():
    plan = ActionPlanFactory.build(title="Handleplan for grøn vækst – Ærø 2016")

    assert (
        exchange.export_filename(plan) == "aktiviteter-handleplan-for-groen-vaekst-aeroe-2016.xlsx"
    )


# Import: the good sheet


def test_unchanged_sheet_changes_nothing(plan, setup, staff):
    before = snapshot()

    result = run_import(plan, staff, as_bytes(exported(plan)))

    assert result.ok
    assert (result.created, result.updated) == ([], [])
    assert [a.pk for a in result.unchanged] == [setup["first"].pk, setup["second"].pk]
    assert snapshot() == before


def test_edited_sheet_updates_and_creates_exactly_the_expected_rows(plan, setup, staff):
    colleague = UserFactory(username="mette")
    MembershipFactory(user=colleague, municipality=plan.municipality)
    first, second = setup["first"], setup["second"]
    workbook = exported(plan)
    sheet = workbook["Aktiviteter"]
    set_row(
        sheet, 2, Titel="Iværksætterkaravane 2.0", Status="Gennemført", Periode="2. halvår 2016"
    )
    set_row(
        sheet,
        4,
        Titel="Grøn omstilling i industrien",
        Beskrivelse="Energitjek på 20 virksomheder",
        Temaer="grøn omstilling",
        Periode="2017",
        Status="",
        Ansvarlig="mette",
        Samarbejdspartnere="Gate 21;DTU Miljø",
        Budget="1.234,5",
        Timer=40,
    )
    before_second = snapshot()[0][1]

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.ok, result.errors
    assert [a.pk for a in result.updated] == [first.pk]
    assert [a.pk for a in result.unchanged] == [second.pk]
    assert len(result.created) == 1
    first.refresh_from_db()
    assert (first.title, first.status, first.period_text, first.starts_on, first.ends_on) == (
        "Iværksætterkaravane 2.0",
        "done",
        "2. halvår 2016",
        date(2016, 7, 1),
        date(2016, 12, 31),
    )
    assert first.version == 2
    assert first.budget == Decimal("125000.00") and first.hours == Decimal("120.5")
    assert set(first.themes.all()) == {setup["startups"], setup["green"]}
    record = first.history.order_by("-history_id").first()
    assert (record.history_user, record.history_change_reason) == (staff, "Importeret fra Excel")
    created = result.created[0]
    created.refresh_from_db()
    assert (
        created.plan,
        created.title,
        created.description,
        created.period_text,
        created.starts_on,
        created.ends_on,
        created.status,
        created.owner,
        created.budget,
        created.spent,
        created.hours,
        created.order,
    ) == (
        plan,
        "Grøn omstilling i industrien",
        "Energitjek på 20 virksomheder",
        "2017",
        date(2017, 1, 1),
        date(2017, 12, 31),
        "planned",
        colleague,
        Decimal("1234.50"),
        None,
        Decimal("40.0"),
        3,
    )
    assert list(created.themes.all()) == [setup["green"]]
    assert set(created.partners.all()) == {setup["gate"], setup["dtu"]}
    assert {h.history_user for h in created.history.all()} == {staff}
    assert created.history.order_by("history_id").first().history_type == "+"
    assert Activity.objects.filter(plan=plan).count() == 3
    assert snapshot()[0][1] == before_second
    assert setup["foreign"].title == Activity.objects.get(pk=setup["foreign"].pk).title


def test_dates_typed_in_start_and_end_override_the_period(plan, setup, staff):
    workbook = exported(plan)
    set_row(
        workbook["Aktiviteter"],
        4,
        Titel="Messe",
        Periode="foråret 2017",
        Start=datetime(2017, 4, 20),
        Slut="22-04-2017",
    )

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.ok, result.errors
    created = result.created[0]
    assert (created.starts_on, created.ends_on) == (date(2017, 4, 20), date(2017, 4, 22))


def test_status_code_and_clearing_fields_are_accepted(plan, setup, staff):
    workbook = exported(plan)
    set_row(
        workbook["Aktiviteter"],
        2,
        Status="postponed",
        Ansvarlig=None,
        Samarbejdspartnere=None,
        Temaer=None,
        Budget=None,
    )

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.ok, result.errors
    first = Activity.objects.get(pk=setup["first"].pk)
    assert (first.status, first.owner, first.budget) == ("postponed", None, None)
    assert (list(first.themes.all()), list(first.partners.all())) == ([], [])


def test_round_trip_preserves_danish_letters(plan, staff):
    title = "Æbleø – Øresund og Åmosen: «særlige» tiltag"
    activity = ActivityFactory(plan=plan, title=title, description="Ål, øl og æbler")
    workbook = exported(plan)
    set_row(workbook["Aktiviteter"], 3, Titel="Nyt på Ærø", Beskrivelse="Større søgning på kåring")
    content = as_bytes(workbook)

    result = run_import(plan, staff, content)

    assert result.ok, result.errors
    assert [a.pk for a in result.unchanged] == [activity.pk]
    activity.refresh_from_db()
    assert (activity.title, activity.description) == (title, "Ål, øl og æbler")
    assert Activity.objects.get(pk=result.created[0].pk).description == "Større søgning på kåring"
    assert load_workbook(io.BytesIO(content))["Aktiviteter"]["B2"].value == title


# Import: bad rows


def test_bad_rows_give_exact_errors_and_change_nothing(plan, setup, staff):
    workbook = exported(plan)
    sheet = workbook["Aktiviteter"]
    set_row(sheet, 2, Titel=None)
    set_row(sheet, 3, Status="Færdig")
    set_row(sheet, 4, Titel="Ny aktivitet", Periode="engang")
    set_row(sheet, 5, Titel="Dyr aktivitet", Budget=-100)
    set_row(sheet, 6, ID=setup["foreign"].pk, Titel="Fremmed")
    set_row(sheet, 7, ID=setup["other_plan"].pk, Titel="Anden plan")
    before = snapshot()

    result = run_import(plan, staff, as_bytes(workbook))

    assert not result.ok
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Titel", "Titel skal udfyldes."),
        (
            3,
            "Status",
            "Ukendt status 'Færdig'. Brug en af: Planlagt, I gang, Gennemført, Udskudt, Opgivet.",
        ),
        (
            4,
            "Periode",
            "Perioden 'engang' kan ikke læses. Skriv fx '10. september 2013', 'oktober 2014', "
            "'4. kvartal 2008', '1. halvår 2009', 'foråret 2009', '2015' eller '2007-09'.",
        ),
        (5, "Budget", "Må ikke være negativ."),
        (
            6,
            "ID",
            f"Der er ingen aktivitet med ID {setup['foreign'].pk} i denne plan. Lad ID være tomt "
            "for at oprette en ny aktivitet.",
        ),
        (
            7,
            "ID",
            f"Der er ingen aktivitet med ID {setup['other_plan'].pk} i denne plan. Lad ID være "
            "tomt for at oprette en ny aktivitet.",
        ),
    ]
    assert (result.row_count, result.error_row_count) == (6, 6)
    assert (result.created, result.updated) == ([], [])
    assert snapshot() == before


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"Start": datetime(2017, 1, 1), "Slut": datetime(2016, 1, 1)},
         [("Slut", "Slut (01-01-2016) ligger før Start (01-01-2017).")]),
        ({"Start": "i morgen"}, [("Start", "Skriv en dato, fx 31-12-2016.")]),
        ({"Start": "31-12-9999", "Slut": "01-01-0001"},
         [("Start", "Datoen skal ligge mellem 1900 og 2100."),
          ("Slut", "Datoen skal ligge mellem 1900 og 2100.")]),
        ({"Slut": datetime(9999, 12, 31)}, [("Slut", "Datoen skal ligge mellem 1900 og 2100.")]),
        ({"Start": "29-02-2017"}, [("Start", "Skriv en dato, fx 31-12-2016.")]),
        ({"Timer": "mange"}, [("Timer", "'mange' er ikke et tal. Skriv fx 1.234,5.")]),
        (
            {"Budget": "12.5"},
            [
                (
                    "Budget",
                    "'12.5' kan læses på flere måder. Mente du 125 eller 12,5? "
                    "Skriv tal som fx 1.234,5.",
                )
            ],
        ),
        ({"Budget": "1e9"}, [("Budget", "'1e9' er ikke et tal. Skriv fx 1.234,5.")]),
        ({"Forbrug": -0.5}, [("Forbrug", "Må ikke være negativ.")]),
        ({"Temaer": "Iværksætteri; Turisme"}, [("Temaer", "Planen har ikke temaet 'Turisme'.")]),
        ({"Samarbejdspartnere": "Ballerup Erhverv"},
         [("Samarbejdspartnere", "Samarbejdspartneren 'Ballerup Erhverv' findes ikke i kommunen. "
           "En administrator kan oprette den under Administration → Samarbejdspartnere.")]),
        ({"Ansvarlig": "outsider"},
         [("Ansvarlig", "'outsider' er ikke brugernavnet på en bruger i kommunen.")]),
        ({"ID": "abc"},
         [("ID", "ID skal være et helt tal fra Kurs, eller tomt for en ny aktivitet.")]),
        ({"Titel": "x" * 501}, [("Titel", "Højst 500 tegn; cellen har 501.")]),
        ({"Titel": "x" * 32_767}, [("Titel", "Højst 500 tegn; cellen har 32.767.")]),
        ({"Beskrivelse": "x" * 20_001}, [("Beskrivelse", "Højst 20.000 tegn; cellen har 20.001.")]),
        ({"Periode": "2016" + " " * 97 + "x"}, [("Periode", "Højst 100 tegn; cellen har 102.")]),
        ({"Ansvarlig enhed": "x" * 201}, [("Ansvarlig enhed", "Højst 200 tegn; cellen har 201.")]),
        ({"Ansvarlig": "x" * 151}, [("Ansvarlig", "Højst 150 tegn; cellen har 151.")]),
        ({"Status": "x" * 51}, [("Status", "Højst 50 tegn; cellen har 51.")]),
        ({"Temaer": "x; " * 700}, [("Temaer", "Højst 2.000 tegn; cellen har 2.099.")]),
        ({"Samarbejdspartnere": "x" * 2001},
         [("Samarbejdspartnere", "Højst 2.000 tegn; cellen har 2.001.")]),
        ({"Budget": "1" * 31}, [("Budget", "Højst 30 tegn; cellen har 31.")]),
        ({"Start": "1" * 31}, [("Start", "Højst 30 tegn; cellen har 31.")]),
        ({"ID": "1" * 5000}, [("ID", "Højst 30 tegn; cellen har 5.000.")]),
        ({"ID": "1" * 19},
         [("ID", "ID skal være et helt tal fra Kurs, eller tomt for en ny aktivitet.")]),
    ],
)  # fmt: skip
def test_each_rule_gives_its_error(plan, setup, staff, outsider, values, expected):
    workbook = exported(plan)
    set_row(workbook["Aktiviteter"], 2, **values)
    before = snapshot()

    result = run_import(plan, staff, as_bytes(workbook))

    assert [(e.row, e.column, e.message) for e in result.errors] == [(2, *e) for e in expected]
    assert snapshot() == before


def test_the_same_id_twice_is_an_error(plan, setup, staff):
    workbook = exported(plan)
    set_row(workbook["Aktiviteter"], 4, ID=setup["first"].pk, Titel="Kopi")

    result = run_import(plan, staff, as_bytes(workbook))

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (4, "ID", f"ID {setup['first'].pk} står også i række 2.")
    ]


def test_counts_say_what_the_valid_rows_would_have_done(plan, setup, staff):
    workbook = exported(plan)
    sheet = workbook["Aktiviteter"]
    set_row(sheet, 2, Titel="Ny titel")
    set_row(sheet, 4, Titel="Ny")
    set_row(sheet, 5, Titel="Fejl", Status="?")

    result = run_import(plan, staff, as_bytes(workbook))

    assert (result.row_count, result.error_row_count) == (4, 1)
    assert (result.planned_creates, result.planned_updates) == (1, 1)


def test_reading_rows_takes_the_same_number_of_queries_for_few_and_many(plan, setup, staff):
    def queries_for(extra_rows):
        workbook = exported(plan)
        for row in range(4, 4 + extra_rows):
            set_row(workbook["Aktiviteter"], row, Titel=f"Ny {row}", Ansvarlig="staff")
        set_row(workbook["Aktiviteter"], 4 + extra_rows, Status="?")  # no save
        content = as_bytes(workbook)
        with CaptureQueriesContext(connection) as captured:
            run_import(plan, staff, content)
        return len(captured)

    assert queries_for(1) == queries_for(8)


# Import: the file


def test_a_text_file_renamed_to_xlsx_is_refused(plan, setup, staff):
    result = run_import(plan, staff, "ID;Titel\n1;Hæj\n".encode(), filename="aktiviteter.xlsx")

    assert result.file_error == (
        "Filen kan ikke åbnes som et Excel-regneark. Den skal være gemt som Excel-projektmappe "
        "(.xlsx) – en omdøbt tekst- eller CSV-fil kan ikke bruges."
    )
    assert not result.ok


def test_a_csv_file_is_refused(plan, setup, staff):
    result = run_import(plan, staff, b"ID;Titel\n;Ny\n", filename="aktiviteter.csv")

    assert result.file_error == (
        "Filen 'aktiviteter.csv' er ikke et Excel-regneark (.xlsx). Gem arket som "
        "Excel-projektmappe (.xlsx) og prøv igen."
    )


def test_an_empty_file_is_refused(plan, staff):
    assert run_import(plan, staff, b"").file_error == "Filen er tom. Vælg det udfyldte regneark."


def test_a_file_over_5_mb_is_refused(plan, staff):
    content = b"0" * (exchange.MAX_UPLOAD_BYTES + 1)

    assert run_import(plan, staff, content).file_error == (
        "Filen er for stor: den må højst fylde 5 MB."
    )


def test_a_sheet_without_the_header_is_refused(plan, staff):
    workbook = Workbook()
    workbook.active.append(["Navn", "Dato"])
    workbook.active.append(["Noget", "i går"])

    assert run_import(plan, staff, as_bytes(workbook)).file_error.startswith(
        "Arket har ikke overskriftsrækken fra Kurs i række 1"
    )


def test_a_sheet_missing_columns_names_them(plan, staff):
    workbook = Workbook()
    workbook.active.append([name for name in HEADER if name not in ("Forbrug", "Timer")])
    workbook.active.append([None, "Ny"])

    assert run_import(plan, staff, as_bytes(workbook)).file_error == (
        "Arket mangler kolonnerne: Forbrug, Timer. Overskrifterne skal stå i række 1."
    )


def test_a_sheet_with_only_the_header_is_refused(plan, staff):
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append([None] * len(HEADER))

    assert run_import(plan, staff, as_bytes(workbook)).file_error == (
        "Arket har ingen aktiviteter under overskriftsrækken."
    )


def test_columns_are_found_by_header_in_any_order_and_extra_columns_ignored(plan, staff):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mine aktiviteter"
    sheet.append(["Noter", *reversed(HEADER)])
    sheet.append(
        ["ignoreres", *reversed([None, "Virksomhedsbesøg", None, None, "2016"] + [None] * 11)]
    )

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.ok, (result.file_error, result.errors)
    assert (result.created[0].title, result.created[0].period_text) == ("Virksomhedsbesøg", "2016")


def test_blank_rows_are_skipped_and_row_numbers_are_those_excel_shows(plan, setup, staff):
    workbook = exported(plan)
    set_row(workbook["Aktiviteter"], 9, Titel="Langt nede", Status="Snart")

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.row_count == 3
    assert [(e.row, e.column) for e in result.errors] == [(9, "Status")]


def test_a_zip_file_that_is_not_a_workbook_is_refused(plan, staff):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")

    assert run_import(plan, staff, buffer.getvalue()).file_error.startswith(
        "Filen kan ikke åbnes som et Excel-regneark."
    )


def test_an_edit_by_someone_else_during_the_import_saves_nothing(plan, setup, staff, monkeypatch):
    workbook = exported(plan)
    set_row(workbook["Aktiviteter"], 2, Titel="Min ændring")
    set_row(workbook["Aktiviteter"], 3, Titel="Også min ændring")
    set_row(workbook["Aktiviteter"], 4, Titel="Ny aktivitet")
    read = importing._RowReader.read

    def read_then_someone_saves(self, number, *args, **kwargs):
        outcome = read(self, number, *args, **kwargs)
        if number == 4:  # after the rows are read, before they are applied
            Activity.objects.filter(pk=setup["second"].pk).update(title="Kollegaens", version=5)
        return outcome

    monkeypatch.setattr(importing._RowReader, "read", read_then_someone_saves)
    before = snapshot()

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.file_error == (
        "Aktiviteten i række 3 blev ændret af en anden under importen. Intet er gemt: eksportér "
        "arket igen og ret i den nye udgave."
    )
    assert (result.created, result.updated) == ([], [])
    # Row 2 was saved before row 3 failed: the transaction took it back.
    rows, history_count = snapshot()
    assert [row["title"] for row in rows] == [
        "Iværksætterkaravane",
        "Kollegaens",
        "Ballerups aktivitet",
        setup["other_plan"].title,
    ]
    assert history_count == before[1]


def test_a_row_the_service_refuses_during_the_import_saves_nothing(plan, setup, staff, monkeypatch):
    colleague = UserFactory(username="mette")
    membership = MembershipFactory(user=colleague, municipality=plan.municipality)
    workbook = exported(plan)
    set_row(workbook["Aktiviteter"], 2, Titel="Min ændring")
    set_row(workbook["Aktiviteter"], 4, Titel="Ny aktivitet", Ansvarlig="mette")
    set_row(workbook["Aktiviteter"], 5, Titel="Endnu en ny")
    read = importing._RowReader.read

    def read_then_mette_leaves(self, number, *args, **kwargs):
        outcome = read(self, number, *args, **kwargs)
        if number == 5:  # after the rows are read, before they are applied
            membership.delete()
        return outcome

    monkeypatch.setattr(importing._RowReader, "read", read_then_mette_leaves)
    before = snapshot()

    result = run_import(plan, staff, as_bytes(workbook))

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (4, "Ansvarlig", "Vælg en ansvarlig, der er bruger i kommunen.")
    ]
    assert (result.created, result.updated, result.unchanged) == ([], [], [])
    # Row 2 was saved before row 4 was refused: the transaction took it back.
    assert snapshot() == before


# Import: a sheet exported before someone edited in Kurs


@pytest.fixture
def web_edit(setup, municipality):
    """After the export, Søren edits the first activity on the web at 14:05 on 10 March 2026."""

    def edit():
        soeren = UserFactory(username="soeren", first_name="Søren", last_name="Ærbø")
        MembershipFactory(user=soeren, municipality=municipality)
        activity = setup["first"]
        update_activity(
            activity=activity,
            user=soeren,
            expected_version=activity.version,
            changes={"title": "Rettet på nettet"},
        )
        activity.history.filter(history_change_reason="Aktivitet redigeret").update(
            history_date=datetime(2026, 3, 10, 13, 5, tzinfo=UTC)
        )

    return edit


def test_a_stale_sheet_leaves_an_activity_edited_in_kurs_since_the_export_alone(
    plan, setup, staff, web_edit
):
    workbook = exported(plan)
    web_edit()
    set_row(workbook["Aktiviteter"], 3, Titel="Klimatjek 2.0")

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.ok, result.errors
    assert [a.pk for a in result.updated] == [setup["second"].pk]
    assert [a.pk for a in result.unchanged] == [setup["first"].pk]
    first = Activity.objects.get(pk=setup["first"].pk)
    assert (first.title, first.version) == ("Rettet på nettet", 2)
    assert Activity.objects.get(pk=setup["second"].pk).title == "Klimatjek 2.0"


def test_a_row_changed_in_the_sheet_and_in_kurs_since_the_export_is_refused(
    plan, setup, staff, web_edit
):
    workbook = exported(plan)
    web_edit()
    set_row(workbook["Aktiviteter"], 2, Status="Gennemført")
    set_row(workbook["Aktiviteter"], 3, Titel="Klimatjek 2.0")
    before = snapshot()

    result = run_import(plan, staff, as_bytes(workbook))

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (
            2,
            "ID",
            "Aktiviteten er ændret i Kurs af Søren Ærbø den 10. mar. 2026 kl. 14:05, efter arket "
            "blev eksporteret. Eksportér arket igen, og ret i den nye udgave, så ændringen ikke "
            "overskrives.",
        )
    ]
    assert (result.planned_creates, result.planned_updates) == (0, 1)
    assert snapshot() == before


def test_a_conflicting_row_with_errors_of_its_own_names_both(plan, setup, staff):
    workbook = exported(plan)
    # Changed without a history row: the error cannot say by whom.
    Activity.objects.filter(pk=setup["second"].pk).update(title="Uden historik", version=3)
    set_row(workbook["Aktiviteter"], 3, Status="Færdig")

    result = run_import(plan, staff, as_bytes(workbook))

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (
            3,
            "ID",
            "Aktiviteten er ændret i Kurs, efter arket blev eksporteret. Eksportér arket igen, og "
            "ret i den nye udgave, så ændringen ikke overskrives.",
        ),
        (
            3,
            "Status",
            "Ukendt status 'Færdig'. Brug en af: Planlagt, I gang, Gennemført, Udskudt, Opgivet.",
        ),
    ]


def test_a_row_edited_to_what_kurs_now_holds_is_no_conflict(plan, setup, staff, web_edit):
    workbook = exported(plan)
    web_edit()
    set_row(workbook["Aktiviteter"], 2, Titel="Rettet på nettet")

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.ok, result.errors
    assert [a.pk for a in result.unchanged] == [setup["first"].pk, setup["second"].pk]


def test_an_unchanged_row_is_left_alone_without_reading_it_again(plan, setup, staff):
    """An untouched row is not checked again: its owner may have left since, and that is no
    reason to refuse the rows that were changed."""
    workbook = exported(plan)
    staff.memberships.update(municipality=setup["foreign"].plan.municipality)
    set_row(workbook["Aktiviteter"], 3, Titel="Klimatjek 2.0")

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.ok, result.errors
    assert [a.pk for a in result.unchanged] == [setup["first"].pk]


def test_a_sheet_exported_before_versions_were_carried_is_refused(plan, setup, staff):
    workbook = exported(plan)
    workbook["Aktiviteter"].delete_cols(COL["Version"], 2)
    set_row(workbook["Aktiviteter"], 3, Titel="Klimatjek 2.0")
    before = snapshot()

    result = run_import(plan, staff, as_bytes(workbook))

    assert result.file_error == (
        "Arket er eksporteret fra en ældre udgave af Kurs og har ikke kolonnerne Version og "
        "Kontrolsum, som viser, om aktiviteterne er ændret i Kurs siden. Eksportér planens "
        "aktiviteter igen, og ret i det nye ark."
    )
    assert snapshot() == before


@pytest.mark.parametrize("version", [None, "", "to", 0, "1" * 5000])
def test_a_row_with_an_id_but_no_exported_version_is_refused(plan, setup, staff, version):
    workbook = exported(plan)
    set_row(workbook["Aktiviteter"], 2, Titel="Ny titel", Version=version)
    before = snapshot()

    result = run_import(plan, staff, as_bytes(workbook))

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (
            2,
            "ID",
            "Rækken mangler aktivitetens version fra eksporten (den skjulte kolonne Version). "
            "Eksportér planens aktiviteter igen, og ret i det nye ark.",
        )
    ]
    assert snapshot() == before
