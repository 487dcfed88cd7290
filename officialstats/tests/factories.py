from decimal import Decimal

import factory

from core.tests.factories import MunicipalityFactory
from officialstats.models import OfficialSeries

JOBS_SELECTION = {"OMRÅDE": ["165"], "BRANCHEDB0710": ["TOT"], "TAL": ["ANSATTE"]}
NEIGHBOURS = ["165", "151", "153", "161", "169", "187", "084", "000"]


class OfficialSeriesFactory(factory.django.DjangoModelFactory):
    """Jobs with their workplace in Albertslund (ERHV2), one figure a year."""

    class Meta:
        model = OfficialSeries

    municipality = factory.SubFactory(MunicipalityFactory)
    title = "Job i kommunen"
    unit = "job"
    table_id = "ERHV2"
    selection = factory.LazyFunction(lambda: dict(JOBS_SELECTION))


def jobs_goal(municipality, **kwargs):
    """Albertslund's goal: at least 21.369 jobs by 2017, from 19.369 in 2011."""
    from strategy.tests.factories import GoalFactory

    return GoalFactory(
        plan__municipality=municipality,
        baseline_value=Decimal(19369),
        target_value=Decimal(21369),
        **kwargs,
    )
