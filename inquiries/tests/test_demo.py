"""The inquiries demo (`load_demo`): Albertslund's five service areas with the promises from the
documents, a team calendar, and inquiries in different states whose stored clocks are right."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from inquiries import services
from inquiries.enums import ClockStart, State, TimeUnit
from inquiries.models import Inquiry, Team, Topic

pytestmark = pytest.mark.django_db


def test_the_five_service_areas_are_teams_with_a_topic_each(demo):
    assert list(Team.objects.filter(municipality__code="165").values_list("name", flat=True)) == [
        "Byggesagsbehandling og lokalplanlægning",
        "Iværksætterrådgivning",
        "Jobcentret: rekruttering og fastholdelse",
        "Miljøtilsyn, energirådgivning og grønne ordninger",
        "Mobilitetsplanlægning",
    ]
    assert Topic.objects.filter(municipality__code="165").count() == 5


def test_the_documents_promises(demo):
    candidates = Topic.objects.get(name__startswith="Vi mangler medarbejdere")
    permits = Topic.objects.get(name="Byggetilladelse og lokalplaner")
    assert (candidates.response_time, candidates.response_unit) == (72, TimeUnit.CALENDAR_HOURS)
    assert (permits.resolution_min, permits.resolution_max, permits.clock_start) == (
        40,
        60,
        ClockStart.WHEN_COMPLETE,
    )


def test_the_demo_inquiries_are_in_different_states_with_the_clock_the_log_gives(demo):
    inquiries = Inquiry.objects.filter(municipality__code="165")
    assert sorted(inquiries.values_list("state", flat=True)) == sorted(
        [State.RECEIVED, State.RUNNING, State.INCOMPLETE, State.CLOSED]
    )
    stored = list(inquiries.order_by("pk").values_list("due_at", "resolution_due_at"))
    services.recompute_open_deadlines(now=timezone.now())
    assert list(inquiries.order_by("pk").values_list("due_at", "resolution_due_at")) == stored


def test_loading_the_demo_again_adds_no_inquiries(demo):
    count = Inquiry.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert Inquiry.objects.count() == count
