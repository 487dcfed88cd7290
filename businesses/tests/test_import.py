"""The register import: a good file, malformed records, a repeated import, a change of name,
the incremental run from the service and the command with its report."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from businesses.cvr.client import CvrClient
from businesses.models import Company, CompanyAddress, CompanyName, ProductionUnit, RegisterSync
from businesses.services import import_file, sync_municipality
from businesses.tests.records import DATA, recorded

pytestmark = pytest.mark.django_db


def test_good_file_adds_every_company_and_unit_with_history():
    report = import_file(path=DATA / "records.jsonl")

    assert report.companies == {"added": 5}
    assert report.units == {"added": 5}
    lys = Company.objects.get(cvr_number="99990023")
    assert (lys.name, lys.address, lys.municipality_code) == (
        "Kongsholm Lysteknik A/S",
        "Roskildevej 300, 2620 Albertslund",
        "165",
    )
    assert list(lys.names.values_list("name", "valid_from", "valid_to")) == [
        ("Kongsholm Lysteknik A/S", date(2016, 1, 1), None),
        ("Kongsholm Lys A/S", date(2005, 6, 1), date(2015, 12, 31)),
    ]
    warehouse = ProductionUnit.objects.get(p_number="9990000053")
    assert (warehouse.company.cvr_number, warehouse.municipality_code) == ("99990066", "165")
    assert warehouse.company.municipality_code == "151"


def test_malformed_record_writes_nothing_of_the_file_and_names_the_record():
    with pytest.raises(ValueError) as error:
        import_file(path=DATA / "records_malformed.jsonl")

    assert str(error.value) == "CVR 99990023: ugyldig dato '2016-13-45'"
    assert Company.objects.count() == 0


def test_value_outside_the_bounds_is_refused_before_anything_is_written(tmp_path):
    source = (DATA / "records_renamed.jsonl").read_text(encoding="utf-8")
    path = tmp_path / "future.jsonl"
    path.write_text(source.replace("2024-05-01", "2124-05-01"), encoding="utf-8")

    with pytest.raises(ValueError) as error:
        import_file(path=path)

    assert str(error.value) == "99990015: valid_from: Datoen skal ligge mellem 1900 og 2100."
    assert Company.objects.count() == 0


def test_line_that_is_not_json_names_its_line(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text((DATA / "records_renamed.jsonl").read_text() + "{not json\n", encoding="utf-8")

    with pytest.raises(ValueError) as error:
        import_file(path=path)

    assert (
        str(error.value) == "broken.jsonl, linje 2: ikke gyldig JSON "
        "(Expecting property name enclosed in double quotes)"
    )


def test_repeated_import_changes_nothing():
    import_file(path=DATA / "records.jsonl")

    report = import_file(path=DATA / "records.jsonl")

    assert report.companies == {"unchanged": 5}
    assert report.units == {"unchanged": 5}
    assert (Company.objects.count(), ProductionUnit.objects.count()) == (5, 5)
    assert CompanyName.objects.count() == 6
    assert CompanyAddress.objects.count() == 6


def test_changed_name_updates_in_place_and_keeps_the_old_name_as_history():
    import_file(path=DATA / "records.jsonl")
    bakery_pk = Company.objects.get(cvr_number="99990015").pk

    report = import_file(path=DATA / "records_renamed.jsonl")

    assert report.companies == {"changed": 1}
    bakery = Company.objects.get(cvr_number="99990015")
    assert (bakery.pk, bakery.name) == (bakery_pk, "Albertslund Bageri & Café ApS")
    assert list(bakery.names.values_list("name", "valid_to")) == [
        ("Albertslund Bageri & Café ApS", None),
        ("Albertslund Bageri ApS", date(2024, 4, 30)),
    ]
    assert bakery.search_text.startswith("albertslund bageri cafe aps ")


def test_end_date_set_for_the_first_time_counts_as_closed(tmp_path):
    import_file(path=DATA / "records_renamed.jsonl")
    path = tmp_path / "closed.jsonl"
    path.write_text(
        (DATA / "records_renamed.jsonl")
        .read_text(encoding="utf-8")
        .replace(
            '"livsforloeb": [{"periode": {"gyldigFra": "2010-03-01", "gyldigTil": null}}]',
            '"livsforloeb": [{"periode": {"gyldigFra": "2010-03-01", "gyldigTil": "2024-12-31"}}]',
        ),
        encoding="utf-8",
    )

    report = import_file(path=path)

    assert report.companies == {"closed": 1}
    assert Company.objects.get(cvr_number="99990015").end_date == date(2024, 12, 31)


def test_firm_kept_by_a_municipality_becomes_the_registers_when_its_number_arrives(municipality):
    kept = Company.objects.create(cvr_number="99990015", name="Bageriet", kept_by=municipality)

    import_file(path=DATA / "records_renamed.jsonl")

    kept.refresh_from_db()
    assert (kept.kept_by, kept.name) == (None, "Albertslund Bageri & Café ApS")


def serve_register(httpserver):
    httpserver.expect_ordered_request(
        "/cvr-permanent/produktionsenhed/_search", method="POST"
    ).respond_with_json(recorded("produktionsenhed_page_1.json"))
    httpserver.expect_ordered_request("/_search/scroll", method="POST").respond_with_json(
        recorded("produktionsenhed_page_2.json")
    )
    httpserver.expect_ordered_request("/_search/scroll", method="DELETE").respond_with_json({})
    httpserver.expect_ordered_request(
        "/cvr-permanent/virksomhed/_search", method="POST"
    ).respond_with_json(recorded("virksomhed_page_1.json"))
    for page in ("virksomhed_page_2.json", "virksomhed_page_3.json"):
        httpserver.expect_ordered_request("/_search/scroll", method="POST").respond_with_json(
            recorded(page)
        )
    httpserver.expect_ordered_request("/_search/scroll", method="DELETE").respond_with_json({})


def test_sync_remembers_the_newest_change_and_the_next_run_asks_only_for_newer(
    municipality, httpserver
):
    serve_register(httpserver)
    with CvrClient(url=httpserver.url_for("/"), username="", password="") as client:
        report = sync_municipality(municipality=municipality, client=client)
    sync = RegisterSync.objects.get(municipality=municipality)
    assert (report.companies["added"], report.units["added"]) == (5, 5)
    assert (sync.added, sync.changed, sync.closed) == (10, 0, 0)
    assert sync.changed_since.isoformat() == "2025-02-03T07:00:00+00:00"

    httpserver.clear()
    serve_register(httpserver)
    with CvrClient(url=httpserver.url_for("/"), username="", password="") as client:
        sync_municipality(municipality=municipality, client=client)

    second_query = httpserver.log[0][0].get_json()["query"]["bool"]["filter"][1]
    assert second_query == {
        "range": {"VrproduktionsEnhed.sidstOpdateret": {"gte": "2025-02-03T07:00:00+00:00"}}
    }
    assert RegisterSync.objects.get(municipality=municipality).added == 0


def test_command_reports_what_it_did_with_a_progress_bar():
    out, err = StringIO(), StringIO()

    call_command("import_cvr", file=[DATA / "records.jsonl"], stdout=out, stderr=err)

    assert out.getvalue() == (
        f"{DATA / 'records.jsonl'}: virksomheder: 5 tilføjet, 0 ændret, 0 ophørt, 0 uændret; "
        "produktionsenheder: 5 tilføjet, 0 ændret, 0 ophørt, 0 uændret\n"
    )
    assert "records.jsonl [##############################] 10/10" in err.getvalue()


def test_command_imports_the_good_files_and_fails_naming_the_bad_one():
    err = StringIO()

    with pytest.raises(CommandError) as error:
        call_command(
            "import_cvr",
            "--quiet",
            file=[DATA / "records_malformed.jsonl", DATA / "records.jsonl"],
            stdout=StringIO(),
            stderr=err,
        )

    assert str(error.value) == f"Import fejlede for: {DATA / 'records_malformed.jsonl'}"
    assert "intet importeret. CVR 99990023: ugyldig dato '2016-13-45'" in err.getvalue()
    assert Company.objects.count() == 5
