"""The roll-up per industry and topic: its numbers equal the data, and each links to the
visits behind it."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from businesses.tests.factories import CompanyFactory
from visits import rollup
from visits.charts import heat_map, shade
from visits.models import Visit
from visits.tests.conftest import topic_named
from visits.tests.factories import NeedFactory, VisitFactory

pytestmark = pytest.mark.django_db

FIRST, LAST = date(2026, 1, 1), date(2026, 12, 31)


@pytest.fixture
def data(municipality, other_municipality):
    """Two breweries (C Industri, DB07), a bakery shop (G Handel, DB25), a firm without code;
    visits in and out of the period, and one in Ballerup."""
    recruitment = topic_named(municipality, "Rekruttering og arbejdskraft")
    green = topic_named(municipality, "Grøn omstilling")
    brewery = CompanyFactory(industry_code="110500", industry_code_system="DB07")
    dairy = CompanyFactory(industry_code="105100", industry_code_system="")
    shop = CompanyFactory(industry_code="471100", industry_code_system="DB25")
    unknown = CompanyFactory(industry_code="")

    def visit(company, on, topics, needs=()):
        made = VisitFactory(municipality=municipality, company=company, visited_on=on)
        made.topics.set(topics)
        for topic in needs:
            NeedFactory(visit=made, topic=topic)
        return made

    visit(brewery, date(2026, 2, 1), [recruitment, green], needs=[recruitment, recruitment])
    visit(dairy, date(2026, 3, 1), [recruitment], needs=[green, None])
    visit(shop, date(2026, 4, 1), [green])
    visit(unknown, date(2026, 5, 1), [])
    visit(brewery, date(2025, 12, 31), [recruitment], needs=[recruitment])  # before the period
    foreign = VisitFactory(municipality=other_municipality, company=brewery)
    foreign.topics.set([topic_named(other_municipality, "Rekruttering og arbejdskraft")])
    return recruitment, green


def counts(result, topic):
    return {
        row.key: next((c.visits, c.needs) for c in row.cells if c.topic == topic)
        for row in result.rows
    }


def test_visits_and_needs_are_counted_per_industry_and_topic(municipality, data):
    recruitment, green = data

    result = rollup.rollup(municipality, FIRST, LAST)

    assert [(row.key, row.visits) for row in result.rows] == [
        ("DB07-C", 2),
        ("DB25-G", 1),
        ("ukendt", 1),
    ]
    assert counts(result, recruitment) == {"DB07-C": (2, 2), "DB25-G": (0, 0), "ukendt": (0, 0)}
    assert counts(result, green) == {"DB07-C": (1, 1), "DB25-G": (1, 0), "ukendt": (0, 0)}
    assert result.visits == 4


def test_each_number_lists_exactly_the_visits_behind_it(client, staff, municipality, data):
    recruitment, _green = data
    client.force_login(staff)
    url = reverse("visits:list", kwargs={"code": "165"})
    period = {"fra": "2026-01-01", "til": "2026-12-31"}

    by_topic = client.get(url, {**period, "branche": "DB07-C", "emne": recruitment.pk})
    by_need = client.get(url, {**period, "branche": "DB07-C", "behov": recruitment.pk})
    unknown = client.get(url, {**period, "branche": "ukendt"})

    assert len(by_topic.context["page"].object_list) == 2
    assert len(by_need.context["page"].object_list) == 1
    assert [v.company.industry_code for v in unknown.context["page"].object_list] == [""]


def test_the_roll_up_page_shows_table_and_heat_map_in_a_fixed_number_of_queries(
    client, staff, municipality, data
):
    client.force_login(staff)
    url = reverse("visits:rollup", kwargs={"code": "165"})

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"fra": "2026-01-01", "til": "2026-12-31"})

    assert response.status_code == 200
    assert b"<svg" in response.content
    assert "C Industri (DB07)" in response.content.decode()
    assert len(queries) == 6


def test_the_heat_map_shades_in_proportion_to_the_largest_number(municipality, data):
    result = rollup.rollup(municipality, FIRST, LAST)

    chart = heat_map(result)

    assert [shade(n, 4) for n in (0, 1, 2, 3, 4)] == [0, 1, 2, 3, 4]
    assert len(chart.cells) == len(result.rows) * len(result.topics)
    assert max(cell.shade for cell in chart.cells) == 4
    assert Visit.objects.count() == 6
