"""The partnerships demo within the whole demo (`load_demo`): agreements linked to the action
plan's activities they name, and to the goals those serve."""

import pytest

from partnerships.models import Agreement

pytestmark = pytest.mark.django_db


def test_the_demo_agreements_take_part_in_the_handleplan_s_activities(demo):
    gate21 = Agreement.objects.get(partner__name="Gate 21", partner__municipality__code="165")
    loop = Agreement.objects.get(partner__name="LOOP City", partner__municipality__code="165")

    assert [a.title[:30] for a in gate21.activities.all()] == ["Smart Grøn innovationsplatform"]
    assert loop.activities.count() == 4  # three mobility projects and the programme group
    investments = Agreement.objects.filter(
        title="Samarbejde om at tiltrække udenlandske investeringer"
    )
    assert investments.count() == 4
    assert all(agreement.activities.count() == 1 for agreement in investments)
