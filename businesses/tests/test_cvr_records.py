from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from businesses.cvr.records import (
    Address,
    CompanyRecord,
    Dated,
    MalformedRecord,
    UnitRecord,
    parse_source,
)
from businesses.tests.records import recorded, sources


def by_cvr(cvr: int) -> dict:
    return next(
        s for s in sources("records.jsonl") if s.get("Vrvirksomhed", {}).get("cvrNummer") == cvr
    )


def test_company_record_takes_current_values_and_keeps_history():
    record = parse_source(by_cvr(99990023), label="post 2")

    assert isinstance(record, CompanyRecord)
    assert record.cvr_number == "99990023"
    assert record.facts.name == "Kongsholm Lysteknik A/S"
    assert record.names == [
        Dated("Kongsholm Lys A/S", date(2005, 6, 1), date(2015, 12, 31)),
        Dated("Kongsholm Lysteknik A/S", date(2016, 1, 1), None),
    ]
    assert record.facts.address == Address("Roskildevej", "300", "2620", "Albertslund", "165")
    assert (record.facts.industry_code, record.facts.industry_code_system) == ("274000", "DB25")
    assert (record.legal_form_code, record.legal_form) == (60, "Aktieselskab")
    assert record.facts.employee_band == "ANTAL_20_49"
    assert record.facts.updated_at == datetime(
        2025, 2, 3, 8, 0, tzinfo=ZoneInfo("Europe/Copenhagen")
    )


def test_company_record_reads_end_date_band_and_advertising_protection():
    ceased = parse_source(by_cvr(99990058), label="")
    protected = parse_source(by_cvr(99990031), label="")
    big = parse_source(by_cvr(99990066), label="")

    assert (ceased.facts.start_date, ceased.facts.end_date) == (date(2018, 4, 1), date(2023, 6, 30))
    assert ceased.facts.industry_code_system == "DB07"
    assert protected.facts.advertising_protected is True
    assert protected.facts.address.street == "Vridsløsevej"
    assert len(protected.addresses) == 2
    assert big.facts.employee_band == "ANTAL_1000_"


def test_production_unit_record_names_its_company():
    hit = recorded("produktionsenhed_page_1.json")["hits"]["hits"][4]

    record = parse_source(hit, label="")

    assert isinstance(record, UnitRecord)
    assert (record.p_number, record.cvr_number) == ("9990000053", "99990066")
    assert record.facts.address.municipality_code == "165"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda r: r.update(cvrNummer=99990016),
            "CVR 99990016: cvrNummer 99990016 fejler modulus 11-kontrollen",
        ),
        (lambda r: r.update(navne=[]), "CVR 99990015: intet navn"),
        (
            lambda r: r["livsforloeb"][0]["periode"].update(gyldigFra="1. marts"),
            "CVR 99990015: ugyldig dato '1. marts'",
        ),
        (
            lambda r: r["aarsbeskaeftigelse"][1].update(intervalKodeAntalAnsatte="MANGE"),
            "CVR 99990015: ukendt intervalKodeAntalAnsatte 'MANGE'",
        ),
        (lambda r: r.update(navne="Bageriet"), "CVR 99990015: forventede en liste, fik 'Bageriet'"),
    ],
)
def test_malformed_company_record_is_refused_naming_it(change, message):
    source = by_cvr(99990015)
    change(source["Vrvirksomhed"])

    with pytest.raises(MalformedRecord) as error:
        parse_source(source, label="post 1")

    assert str(error.value) == message


def test_record_of_unknown_kind_is_named_by_its_place():
    with pytest.raises(MalformedRecord) as error:
        parse_source({"Vrdeltager": {}}, label="fil.jsonl, post 7")

    assert str(error.value) == "fil.jsonl, post 7: hverken Vrvirksomhed eller VrproduktionsEnhed"
