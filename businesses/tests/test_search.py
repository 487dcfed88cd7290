"""Search ranking and scope, on the database the suite runs on (SQLite by default; PostgreSQL
with DATABASE_URL, where the trigram index is used)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from businesses.search import search_companies, trigrams
from businesses.tests.factories import CompanyFactory, ProductionUnitFactory

pytestmark = pytest.mark.django_db


def names(hits):
    return [hit.company.name for hit in hits]


@pytest.fixture
def firms(municipality, other_municipality):
    return {
        "bakery": CompanyFactory(name="Albertslund Bageri ApS", street="Hovedgaden"),
        "cafe": CompanyFactory(name="Bageriet i Vestskoven I/S", street="Stationstorvet"),
        "light": CompanyFactory(name="Kongsholm Lysteknik A/S", street="Roskildevej"),
        "ballerup": CompanyFactory(
            name="Ballerup Bageri ApS", municipality_code="151", postcode="2750", city="Ballerup"
        ),
        "own": CompanyFactory(
            cvr_number=None, name="Albertslund Bageri Pop-up", kept_by=municipality
        ),
        "theirs": CompanyFactory(
            cvr_number=None, name="Albertslund Bageri Ballerups liste", kept_by=other_municipality
        ),
    }


def test_typo_still_finds_the_company_first(municipality, firms):
    hits = search_companies("Albertslnd Bager", municipality=municipality)

    assert names(hits)[:2] == ["Albertslund Bageri ApS", "Albertslund Bageri Pop-up"]


def test_closer_match_ranks_higher_and_ceased_firms_after_active_ones(municipality, firms):
    CompanyFactory(name="Kongsholm Lysteknik A/S", end_date=date(2020, 1, 1), house_number="9")

    hits = search_companies("kongsholm lysteknik", municipality=municipality)

    assert [(hit.company.name, hit.company.end_date) for hit in hits] == [
        ("Kongsholm Lysteknik A/S", None),
        ("Kongsholm Lysteknik A/S", date(2020, 1, 1)),
    ]


def test_address_finds_the_firm(municipality, firms):
    hits = search_companies("Roskildevej", municipality=municipality)

    assert names(hits) == ["Kongsholm Lysteknik A/S"]


def test_exact_cvr_number_comes_first_and_a_prefix_finds_more(municipality, firms):
    bakery = firms["bakery"]

    exact = search_companies(bakery.cvr_number, municipality=municipality)
    spaced = search_companies(
        f"{bakery.cvr_number[:4]} {bakery.cvr_number[4:]}", municipality=municipality
    )
    prefix = search_companies(bakery.cvr_number[:3], municipality=municipality)

    assert names(exact) == ["Albertslund Bageri ApS"]
    assert names(spaced) == ["Albertslund Bageri ApS"]
    assert len(prefix) == 3


def test_p_number_finds_the_company_with_that_unit(municipality, firms):
    unit = ProductionUnitFactory(
        company=firms["ballerup"], municipality_code="165", p_number="9990000053"
    )

    hits = search_companies("9990000053", municipality=municipality)

    assert [(hit.company, hit.unit) for hit in hits] == [(firms["ballerup"], unit)]


def test_company_elsewhere_is_found_through_its_unit_in_the_municipality(municipality, firms):
    unit = ProductionUnitFactory(
        company=firms["ballerup"],
        name="Ballerup Bageri, butik Albertslund",
        municipality_code="165",
    )

    hits = search_companies("ballerup bageri", municipality=municipality)

    assert (hits[0].company, hits[0].unit) == (firms["ballerup"], unit)


def test_municipality_sees_its_list_and_own_firms_never_anothers(municipality, firms):
    hits = search_companies("albertslund bageri", municipality=municipality)

    assert "Albertslund Bageri Ballerups liste" not in names(hits)
    assert "Ballerup Bageri ApS" not in names(hits)
    assert "Albertslund Bageri Pop-up" in names(hits)


def test_public_search_covers_the_register_without_municipalities_own_firms(firms):
    hits = search_companies("bageri")

    assert set(names(hits)) == {
        "Albertslund Bageri ApS",
        "Bageriet i Vestskoven I/S",
        "Ballerup Bageri ApS",
    }


def test_empty_or_punctuation_query_finds_nothing(municipality, firms):
    assert search_companies("  ", municipality=municipality) == []
    assert search_companies("-/-", municipality=municipality) == []


def test_trigrams_are_padded_per_word_like_pg_trgm():
    assert trigrams("ab cd") == {"  a", " ab", "ab ", "  c", " cd", "cd "}


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the first pass is PostgreSQL's (pg_trgm)"
)


def usual_threshold() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('pg_trgm.word_similarity_threshold', true)")
        return cursor.fetchone()[0]


@postgresql_only
def test_a_page_of_close_matches_comes_from_the_first_pass_ranked_as_usual(municipality):
    CompanyFactory.create_batch(25, name="Vestskov Bageri", municipality_code="165")
    CompanyFactory(name="Vestskov Bagerier og Konditori", municipality_code="165")
    hits = search_companies("Vestskov Bageri", municipality=municipality)

    assert len(hits) == 20
    assert {hit.company.name for hit in hits} == {"Vestskov Bageri"}
    assert usual_threshold() == "0.6"


def company_text_searches(queries) -> int:
    return sum(
        1
        for query in queries
        if 'FROM "businesses_company"' in query["sql"] and "WORD_SIMILARITY" in query["sql"]
    )


@postgresql_only
def test_a_typo_of_a_common_name_is_answered_by_the_first_pass_alone(municipality):
    CompanyFactory.create_batch(25, name="Vestskov Konditori", municipality_code="165")
    with CaptureQueriesContext(connection) as queries:
        hits = search_companies("Vestskov Kondtori", municipality=municipality)

    assert len(hits) == 20
    assert {hit.company.name for hit in hits} == {"Vestskov Konditori"}
    assert company_text_searches(queries) == 1


@postgresql_only
def test_a_typo_with_few_close_matches_falls_back_to_the_usual_threshold(municipality, firms):
    with CaptureQueriesContext(connection) as queries:
        hits = search_companies("Albertslnd Bager", municipality=municipality)

    assert hits[0].company.name == "Albertslund Bageri ApS"
    assert company_text_searches(queries) == 2
    assert usual_threshold() == "0.6"
