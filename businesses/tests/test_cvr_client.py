"""The CVR client against a local HTTP server answering with the recorded pages in `data/`."""

import base64
import json
from datetime import UTC, datetime

import pytest
from werkzeug import Response

from businesses.cvr.client import CvrClient, CvrServiceError
from businesses.tests.records import recorded

SCROLL_ID = "dmlyay1zY3JvbGwtMQ=="


@pytest.fixture
def client(httpserver):
    with CvrClient(
        url=httpserver.url_for("/"), username="kurs-test", password="hemmelig", page_size=3
    ) as cvr:
        yield cvr


def serve_company_pages(httpserver):
    httpserver.expect_ordered_request(
        "/cvr-permanent/virksomhed/_search", method="POST", query_string="scroll=2m"
    ).respond_with_json(recorded("virksomhed_page_1.json"))
    for page in ("virksomhed_page_2.json", "virksomhed_page_3.json"):
        httpserver.expect_ordered_request(
            "/_search/scroll", method="POST", json={"scroll": "2m", "scroll_id": SCROLL_ID}
        ).respond_with_json(recorded(page))
    httpserver.expect_ordered_request(
        "/_search/scroll", method="DELETE", json={"scroll_id": [SCROLL_ID]}
    ).respond_with_json({"succeeded": True, "num_freed": 1})


def test_client_scrolls_until_an_empty_page_and_clears_the_scroll(client, httpserver):
    serve_company_pages(httpserver)

    sources = list(client.companies(municipality_code="165", changed_since=None))

    assert [source["Vrvirksomhed"]["cvrNummer"] for source in sources] == [
        99990015,
        99990023,
        99990031,
        99990058,
        99990066,
    ]
    httpserver.check_assertions()


def test_client_sends_basic_auth_page_size_and_filters(client, httpserver):
    serve_company_pages(httpserver)
    since = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

    list(client.companies(municipality_code="165", changed_since=since, cvr_numbers={"99990066"}))

    first, *_ = [request for request, _response in httpserver.log]
    assert (
        first.headers["Authorization"]
        == "Basic " + base64.b64encode(b"kurs-test:hemmelig").decode()
    )
    assert json.loads(first.data) == {
        "size": 3,
        "query": {
            "bool": {
                "filter": [
                    {
                        "bool": {
                            "should": [
                                {
                                    "term": {
                                        "Vrvirksomhed.beliggenhedsadresse.kommune.kommuneKode": 165
                                    }
                                },
                                {"terms": {"Vrvirksomhed.cvrNummer": [99990066]}},
                            ],
                            "minimum_should_match": 1,
                        }
                    },
                    {
                        "range": {
                            "Vrvirksomhed.sidstOpdateret": {"gte": "2024-03-01T09:00:00+00:00"}
                        }
                    },
                ]
            }
        },
    }


def test_client_turns_a_refusal_into_an_error_with_the_status(client, httpserver):
    httpserver.expect_request("/cvr-permanent/produktionsenhed/_search").respond_with_response(
        Response("Unauthorized", status=401)
    )

    with pytest.raises(CvrServiceError) as error:
        list(client.production_units(municipality_code="165", changed_since=None))

    assert str(error.value) == (
        "CVR-registret svarede 401 på /cvr-permanent/produktionsenhed/_search: Unauthorized"
    )


def test_client_reads_credentials_from_settings(settings):
    settings.CVR_URL = "http://cvr.invalid/"
    settings.CVR_USERNAME, settings.CVR_PASSWORD = "bruger", "kode"

    with CvrClient.from_settings() as cvr:
        assert str(cvr.http.base_url) == "http://cvr.invalid"
        assert cvr.http.auth._auth_header == "Basic " + base64.b64encode(b"bruger:kode").decode()
