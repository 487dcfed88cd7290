"""Monthly figures per team and topic, and goals counted from them (`strategy.sources`,
`collect_platform_figures`), with the goal page saying where the figure comes from."""

from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from inquiries import figures, services
from inquiries.enums import Action
from inquiries.models import Inquiry
from inquiries.tests.conftest import at, receive
from strategy.enums import DataSource
from strategy.models import Measurement
from strategy.tests.factories import GoalFactory, PlanFactory

pytestmark = pytest.mark.django_db


def closed_after(municipality, topic, user, days: int, *, start=None, respond=True):
    """An inquiry received at `start` (5 January 2026, 9:00) and closed `days` later."""
    start = start or at(2026, 1, 5, 9)
    inquiry = receive(municipality, topic, start)
    if respond:
        services.change_state(
            inquiry=inquiry,
            user=user,
            expected_version=inquiry.version,
            action=Action.RESPONDED,
            now=start + timedelta(hours=1),
        )
    return services.change_state(
        inquiry=inquiry,
        user=user,
        expected_version=inquiry.version,
        action=Action.CLOSED,
        now=start + timedelta(days=days),
    )


def test_nearest_rank_percentile_is_a_value_a_case_had():
    assert figures.nearest_rank([3.0, 1.0, 2.0, 10.0], 0.9) == 10.0
    assert figures.nearest_rank(list(range(1, 21)), 0.9) == 18
    assert figures.nearest_rank([], 0.9) is None


def test_monthly_figures_per_team_and_topic(municipality, topic, staff):
    for days in (2, 4, 6, 30):  # the promise is 20 days: three kept, one not
        closed_after(municipality, topic, staff, days)
    closed_after(municipality, topic, staff, 3, start=at(2026, 2, 2, 9))
    result = figures.monthly(municipality, date(2026, 1, 1), date(2026, 2, 28))
    assert result == [
        figures.MonthFigures(
            month=date(2026, 1, 1),
            team=topic.team.name,
            topic=topic.name,
            closed=3,
            judged=3,
            kept=3,
            median_days=4.0,
            p90_days=6.0,
        ),
        figures.MonthFigures(
            month=date(2026, 2, 1),
            team=topic.team.name,
            topic=topic.name,
            closed=2,
            judged=2,
            kept=1,
            median_days=16.5,
            p90_days=30.0,
        ),
    ]
    assert result[1].kept_share == 0.5


def test_a_case_closed_just_after_midnight_counts_in_the_copenhagen_month(
    municipality, topic, staff
):
    closed_after(municipality, topic, staff, 1, start=at(2026, 1, 31, 0, 30))
    assert [
        f.month for f in figures.monthly(municipality, date(2026, 1, 1), date(2026, 2, 28))
    ] == [date(2026, 2, 1)]


def test_kept_share_counts_only_cases_with_a_verdict(municipality, topic, staff):
    closed_after(municipality, topic, staff, 2)
    closed_after(municipality, topic, staff, 2, respond=False)  # answered only at close: late
    assert figures.kept_share(municipality, date(2026, 1, 1), date(2026, 1, 31)) == Decimal("50.0")
    assert figures.kept_share(municipality, date(2026, 3, 1), date(2026, 3, 31)) is None


@pytest.fixture
def platform_goal(municipality):
    return GoalFactory(
        plan=PlanFactory(municipality=municipality, period_start=2024, period_end=2027),
        title="Henvendelser besvaret inden for servicemålet",
        unit="%",
        target_value=Decimal(90),
        baseline_date=date(2024, 1, 1),
        deadline=date(2027, 12, 31),
        data_source=DataSource.PLATFORM,
        platform_source="inquiries.kept_share",
    )


def test_the_nightly_job_records_the_figure_on_the_goal_naming_its_source(
    municipality, topic, staff, platform_goal
):
    closed_after(municipality, topic, staff, 2)
    closed_after(municipality, topic, staff, 25)  # over the 20 days promised
    for _ in range(2):
        call_command("collect_platform_figures", "--date", "2026-02-10", stdout=StringIO())
    (measurement,) = Measurement.objects.filter(goal=platform_goal)
    assert (measurement.measured_on, measurement.value) == (date(2026, 1, 31), Decimal("50.0"))
    assert (measurement.period_start, measurement.period_end) == (
        date(2026, 1, 1),
        date(2026, 1, 31),
    )
    assert measurement.counted_from == "inquiries.kept_share"
    assert measurement.source == "Kurs: Henvendelser besvaret inden for servicemålet (%)"
    assert measurement.note.endswith("Perioden 2026-01-01 til 2026-01-31.")


def test_the_job_records_nothing_for_a_month_without_cases(platform_goal):
    call_command("collect_platform_figures", "--date", "2026-02-10", stdout=StringIO())
    assert Measurement.objects.count() == 0


def test_the_goal_page_shows_where_the_figure_comes_from(client, staff, platform_goal):
    client.force_login(staff)
    page = client.get(
        reverse("strategy:goal", kwargs={"code": "165", "goal_id": platform_goal.pk})
    ).content.decode()
    assert "Tælles i Kurs: Henvendelser besvaret inden for servicemålet (%)" in page
    assert "regnet fra sagernes hændelseslog" in page


def test_a_goal_cannot_name_a_source_kurs_does_not_know(platform_goal):
    platform_goal.platform_source = "inquiries.nothing"
    with pytest.raises(ValidationError) as error:
        platform_goal.full_clean()
    assert error.value.message_dict["platform_source"] == [
        "Kurs kender ikke kilden 'inquiries.nothing'."
    ]


def test_a_stored_closed_case_equals_its_recomputation(municipality, topic, staff):
    inquiry = closed_after(municipality, topic, staff, 12)
    stored = (inquiry.net_days, inquiry.kept)
    services.refresh_clock(inquiry, now=at(2026, 6, 1))
    assert (inquiry.net_days, inquiry.kept) == stored == (12.0, True)
    assert Inquiry.objects.get().net_days == 12.0


def figures_url(code="165"):
    return reverse("inquiries:figures", kwargs={"code": code})


def test_the_figures_page_shows_the_months_of_the_year(client, staff, municipality, topic):
    closed_after(municipality, topic, staff, 2)
    closed_after(municipality, topic, staff, 25)
    client.force_login(staff)
    content = client.get(figures_url(), {"year": 2026}).content.decode()
    assert "Servicemål i tal, 2026" in content
    assert "Januar 2026" in content
    assert "50 % (1/2)" in content
    assert "13,5" in content  # the median of 2 and 25 days


def test_the_figures_page_is_not_found_for_outsiders(client, outsider):
    client.force_login(outsider)
    assert client.get(figures_url()).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_the_figures_page_reads_a_fixed_number_of_queries(
    client, staff, municipality, topic, count, django_assert_num_queries
):
    for days in range(count):
        closed_after(municipality, topic, staff, days + 1)
    client.force_login(staff)
    # user, membership with its municipality, the closed inquiries (the session is cached)
    with django_assert_num_queries(3):
        client.get(figures_url(), {"year": 2026})
