"""The StatBank client against a local HTTP server answering from the files written from the
documentation: good answers, error answers, malformed answers, timeouts and no server at all."""

import socket
from datetime import date
from decimal import Decimal

import pytest

from officialstats.client import (
    HttpSend,
    StatBankClient,
    StatBankMalformed,
    StatBankNotFound,
    StatBankRequestError,
    StatBankUnavailable,
    parse_csv,
)
from officialstats.periods import PeriodError, period_start

JOBS = {"OMRÅDE": ["165", "151"], "BRANCHEDB0710": ["TOT"], "TAL": ["ANSATTE"], "Tid": ["2011"]}


def test_subjects_and_tables_are_read_from_their_documented_fields(statbank):
    client = StatBankClient()

    subjects = client.subjects()
    tables = client.tables(["06"])

    assert [(s.id, s.description, s.has_subjects) for s in subjects][:2] == [
        ("02", "Borgere", True),
        ("03", "Arbejde og indkomst", True),
    ]
    erhv2 = next(table for table in tables if table.id == "ERHV2")
    assert (erhv2.unit, erhv2.first_period, erhv2.latest_period) == ("antal", "2008", "2023")
    assert statbank.requests[1] == ("tables", {"lang": "da", "format": "JSON", "subjects": ["06"]})


def test_table_info_lists_the_variables_and_their_values(statbank):
    info = StatBankClient().table_info("ERHV2")

    assert [v.id for v in info.variables] == ["OMRÅDE", "BRANCHEDB0710", "TAL", "Tid"]
    assert info.variable("TAL").values[1].id == "ANSATTE"
    assert info.time_variable.id == "Tid"
    assert info.variable("OMRÅDE").can_be_left_out is True


def test_data_returns_one_observation_per_row_with_codes_period_and_value(statbank):
    observations = StatBankClient().data("ERHV2", JOBS)

    assert [(o.codes["OMRÅDE"], o.period, o.value) for o in observations] == [
        ("151", "2011", Decimal(33100)),
        ("165", "2011", Decimal(19369)),
    ]
    assert statbank.requests[0][1]["variables"][0] == {"code": "OMRÅDE", "values": ["165", "151"]}
    assert statbank.requests[0][1]["valuePresentation"] == "Code"


def test_an_unknown_table_is_reported_by_its_error_code(statbank):
    with pytest.raises(StatBankNotFound) as caught:
        StatBankClient().table_info("NOSUCHTABLE")

    assert caught.value.code == "EXTRACT-NOTFOUND"
    assert "EXTRACT-NOTFOUND" in str(caught.value)


def test_an_unknown_value_in_a_selection_is_reported_as_not_found(statbank):
    with pytest.raises(StatBankNotFound):
        StatBankClient().data("ERHV2", {**JOBS, "OMRÅDE": ["999"]})


def test_another_error_code_keeps_its_code(statbank):
    client = StatBankClient(lambda endpoint, body: (400, b'{"errorTypeCode": "REQUEST-EMPTY"}'))

    with pytest.raises(StatBankRequestError) as caught:
        client.tables()

    assert caught.value.code == "REQUEST-EMPTY"
    assert not isinstance(caught.value, StatBankNotFound)


def test_a_wrong_endpoint_or_an_outage_is_reported_as_unavailable(statbank):
    with pytest.raises(StatBankUnavailable, match="HTTP-status 404"):
        StatBankClient()._ask("nosuchendpoint", {})
    statbank.mode = "down"
    with pytest.raises(StatBankUnavailable, match="HTTP-status 503"):
        StatBankClient().table_info("ERHV2")


def test_a_body_that_is_not_the_documented_json_is_reported_as_malformed(statbank):
    statbank.mode = "garbage"

    with pytest.raises(StatBankMalformed, match="ikke JSON"):
        StatBankClient().table_info("ERHV2")
    with pytest.raises(StatBankMalformed, match="ikke en tabel"):
        StatBankClient().data("ERHV2", JOBS)


def test_json_of_another_shape_is_reported_as_malformed():
    client = StatBankClient(lambda endpoint, body: (200, b'{"id": "ERHV2", "text": "x"}'))

    with pytest.raises(StatBankMalformed, match="variables"):
        client.table_info("ERHV2")


def test_a_400_without_an_error_code_is_reported_as_malformed():
    client = StatBankClient(lambda endpoint, body: (400, b"Bad Request"))

    with pytest.raises(StatBankMalformed, match="fejlkode"):
        client.table_info("ERHV2")


def test_a_service_slower_than_the_timeout_is_reported_as_unavailable(statbank):
    statbank.mode = "slow"

    with pytest.raises(StatBankUnavailable, match="inden for 1 sekunder"):
        StatBankClient().table_info("ERHV2")


def test_no_server_at_all_is_reported_as_unavailable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    send = HttpSend(f"http://127.0.0.1:{port}/v1/", timeout=1)

    with pytest.raises(StatBankUnavailable, match="Kunne ikke nå Danmarks Statistik"):
        StatBankClient(send).subjects()


def test_csv_tolerates_a_byte_order_mark_header_case_missing_values_and_decimal_commas():
    content = "\ufeffområde;tid;INDHOLD\n165;2024K1;12,5\n151;2024K1;..\n".encode()

    observations = parse_csv(content, ["OMRÅDE", "Tid"])

    assert [(o.codes, o.period, o.value) for o in observations] == [
        ({"OMRÅDE": "165"}, "2024K1", Decimal("12.5")),
        ({"OMRÅDE": "151"}, "2024K1", None),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"OMR\xc3\x85DE;INDHOLD\n165;1\n", "mangler kolonnen Tid"),
        ("OMRÅDE;TID;INDHOLD\n165;2024;1;2\n".encode(), "har 4 felter"),
        ("OMRÅDE;TID;INDHOLD\n165;2024;mange\n".encode(), "ikke et tal"),
        ("OMRÅDE;TID;INDHOLD\n165;2024;NaN\n".encode(), "ikke et tal"),
        (b"\xff\xfe", "ikke UTF-8"),
    ],
)
def test_csv_that_does_not_match_the_request_is_reported_as_malformed(content, message):
    with pytest.raises(StatBankMalformed, match=message):
        parse_csv(content, ["OMRÅDE", "Tid"])


@pytest.mark.parametrize(
    ("code", "start"),
    [
        ("2024", date(2024, 1, 1)),
        ("2024K1", date(2024, 1, 1)),
        ("2024K3", date(2024, 7, 1)),
        ("2024H2", date(2024, 7, 1)),
        ("2024M01", date(2024, 1, 1)),
        ("2024M12", date(2024, 12, 1)),
    ],
)
def test_a_period_is_dated_on_its_first_day(code, start):
    assert period_start(code) == start


@pytest.mark.parametrize("code", ["2024K5", "2024M13", "2024M00", "24", "2024Q1", "9999", ""])
def test_a_code_that_is_no_documented_period_is_refused(code):
    with pytest.raises(PeriodError):
        period_start(code)
