"""The media-mention and advice logs: the yearly counts on their pages, the platform sources
goals count from, bad input, scoping, anonymising an advised person, and the company timeline."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from businesses import timeline
from businesses.tests.factories import CompanyFactory
from outreach import services
from outreach.enums import Reach
from outreach.models import AdviceSession, MediaMention
from strategy import sources

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"outreach:{name}", kwargs={"code": "165", **kwargs})


def mention(municipality, on, reach=Reach.NATIONAL, title="Albertslund lyser op"):
    return services.record_mention(
        municipality=municipality, mentioned_on=on, outlet="Børsen", reach=reach, title=title
    )


def advice(municipality, on, advised, cvr_number=""):
    return services.record_advice(
        municipality=municipality,
        advised_on=on,
        advised=advised,
        cvr_number=cvr_number,
        topic="Forretningsplan",
        adviser="Erhvervskonsulenten",
    )


def test_the_national_mentions_source_counts_national_mentions_in_the_period(
    municipality, other_municipality
):
    mention(municipality, date(2025, 3, 1))
    mention(municipality, date(2025, 12, 31))
    mention(municipality, date(2025, 6, 1), reach=Reach.LOCAL)
    mention(municipality, date(2026, 1, 1))
    mention(other_municipality, date(2025, 5, 1))
    source = sources.get("outreach.national_media_mentions")

    assert source.measure(municipality, date(2025, 1, 1), date(2025, 12, 31)) == Decimal(2)
    assert source.measure(municipality, date(2024, 1, 1), date(2024, 12, 31)) == Decimal(0)


def test_the_advised_source_counts_each_entrepreneur_once_a_year(municipality):
    firm = CompanyFactory()
    advice(municipality, date(2025, 2, 1), "Anna Fiktiv")
    advice(municipality, date(2025, 9, 1), "anna  fiktiv")
    advice(municipality, date(2025, 3, 1), "Bo's Cykler", cvr_number=firm.cvr_number)
    advice(municipality, date(2025, 4, 1), "Bos Cykler ApS", cvr_number=firm.cvr_number)
    advice(municipality, date(2025, 5, 1), "Carl Fiktiv")
    advice(municipality, date(2026, 1, 2), "Anna Fiktiv")
    source = sources.get("outreach.entrepreneurs_advised")

    assert source.measure(municipality, date(2025, 1, 1), date(2025, 12, 31)) == Decimal(3)
    assert source.measure(municipality, date(2026, 1, 1), date(2026, 12, 31)) == Decimal(1)


def test_an_anonymised_session_still_counts(municipality):
    session = advice(municipality, date(2025, 2, 1), "Anna Fiktiv")
    advice(municipality, date(2025, 3, 1), "Bent Fiktiv")

    services.anonymise_advice(session=session)

    session.refresh_from_db()
    assert session.advised == "Anonymiseret" and session.is_anonymised
    source = sources.get("outreach.entrepreneurs_advised")
    assert source.measure(municipality, date(2025, 1, 1), date(2025, 12, 31)) == Decimal(2)


def test_the_pages_show_the_counts_per_year(client, staff, municipality):
    mention(municipality, date(2025, 3, 1))
    mention(municipality, date(2025, 4, 1), reach=Reach.LOCAL)
    advice(municipality, date(2024, 2, 1), "Anna Fiktiv")
    advice(municipality, date(2024, 3, 1), "Anna Fiktiv")
    client.force_login(staff)

    mentions_page = client.get(url("mentions")).content.decode()
    advice_page = client.get(url("advice")).content.decode()

    assert "<td>2025</td><td>1</td><td>2</td>" in mentions_page
    assert "<td>2024</td><td>1</td><td>2</td>" in advice_page


def test_staff_add_a_mention_and_bad_input_is_refused_and_kept(client, staff, municipality):
    client.force_login(staff)
    good = {
        "mentioned_on": "2025-03-01",
        "outlet": "Ingeniøren",
        "reach": Reach.NATIONAL,
        "title": "Lys i Hersted",
        "link": "ing.dk/artikel",
    }

    assert client.post(url("mention_add"), good).status_code == 302
    bad_date = client.post(url("mention_add"), good | {"mentioned_on": "3000-01-01"})
    huge = client.post(url("mention_add"), good | {"title": "x" * 100_000})

    assert bad_date.status_code == 400 and huge.status_code == 400
    assert "Ingeniøren" in bad_date.content.decode()
    assert MediaMention.objects.get().link == "https://ing.dk/artikel"


def test_advice_with_a_cvr_number_reaches_the_company_timeline(client, staff, municipality):
    firm = CompanyFactory()
    client.force_login(staff)

    bad = client.post(
        url("advice_add"),
        {
            "advised_on": "2025-03-01",
            "advised": "Bo Fiktiv",
            "cvr_number": "12345678",
            "topic": "Finansiering",
            "adviser": "Erhvervskonsulenten",
        },
    )
    good = client.post(
        url("advice_add"),
        {
            "advised_on": "2025-03-01",
            "advised": "Bo Fiktiv",
            "cvr_number": firm.cvr_number,
            "topic": "Finansiering",
            "adviser": "Erhvervskonsulenten",
        },
    )

    assert bad.status_code == 400 and good.status_code == 302
    assert AdviceSession.objects.get().company == firm
    assert [(e.kind, e.title) for e in timeline.entries(firm, municipality)] == [
        ("Iværksætterrådgivning", "Finansiering")
    ]


def test_an_outsider_gets_404_and_a_committee_reader_403_on_changes(
    client, outsider, committee_reader, municipality
):
    session = advice(municipality, date(2025, 2, 1), "Anna Fiktiv")
    client.force_login(outsider)
    assert client.get(url("advice")).status_code == 404

    client.force_login(committee_reader)
    assert client.get(url("advice")).status_code == 200
    assert client.post(url("advice_anonymise", advice_id=session.pk)).status_code == 403
    assert client.post(url("mention_add"), {}).status_code == 403
    session.refresh_from_db()
    assert not session.is_anonymised


def test_a_goal_counted_in_kurs_records_the_year_s_national_mentions(municipality):
    from strategy.enums import DataSource
    from strategy.services import count_platform_figure
    from strategy.tests.factories import GoalFactory, PlanFactory

    goal = GoalFactory(
        plan=PlanFactory(municipality=municipality),
        title="Mindst 50 eksponeringer i landsdækkende medier og fagblade om året",
        data_source=DataSource.PLATFORM,
        platform_source="outreach.national_media_mentions",
    )
    for day in (1, 2, 3):
        mention(municipality, date(2025, 3, day))

    measurement = count_platform_figure(
        goal=goal, first_day=date(2025, 1, 1), last_day=date(2025, 12, 31), today=date(2026, 3, 1)
    )

    assert measurement.value == 3
    assert measurement.measured_on == date(2025, 12, 31)
    assert "landsdækkende" in measurement.source
    assert measurement.counted_from == "outreach.national_media_mentions"

    mention(municipality, date(2025, 12, 1))
    recounted = count_platform_figure(
        goal=goal, first_day=date(2025, 1, 1), last_day=date(2025, 12, 31), today=date(2026, 3, 1)
    )
    assert (recounted.pk, recounted.value) == (measurement.pk, 4)
