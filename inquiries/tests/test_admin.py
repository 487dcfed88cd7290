"""Calendars and promises in the scoped admin: a change recomputes the open inquiries' deadlines,
and another municipality's calendars are out of reach."""

import pytest

from inquiries.models import Inquiry
from inquiries.tests.conftest import at, receive
from inquiries.tests.factories import WorkCalendarFactory

pytestmark = pytest.mark.django_db


def calendar_form(calendar, **changes):
    rows = list(calendar.hours.order_by("weekday"))
    data = {
        "municipality": calendar.municipality_id,
        "name": calendar.name,
        "hours-TOTAL_FORMS": len(rows),
        "hours-INITIAL_FORMS": len(rows),
        "disabled_holidays-TOTAL_FORMS": 1,
        "disabled_holidays-INITIAL_FORMS": 0,
        "disabled_holidays-0-holiday": "Workers' Day",
    }
    for index, row in enumerate(rows):
        data |= {
            f"hours-{index}-id": row.pk,
            f"hours-{index}-calendar": calendar.pk,
            f"hours-{index}-weekday": row.weekday,
            f"hours-{index}-opens": "08:00",
            f"hours-{index}-closes": row.closes.strftime("%H:%M"),
        }
    return data | changes


def test_switching_a_holiday_off_in_the_admin_recomputes_open_deadlines(
    client, administrator, municipality, topic, team
):
    inquiry = receive(municipality, topic, at(2026, 4, 30, 15))  # Thursday before 1 May
    assert inquiry.response_due_at == at(2026, 5, 4, 15)
    client.force_login(administrator)
    response = client.post(
        f"/admin/inquiries/workcalendar/{team.calendar.pk}/change/", calendar_form(team.calendar)
    )
    assert response.status_code == 302
    assert Inquiry.objects.get().response_due_at == at(2026, 5, 4, 9)


def test_changing_a_promise_in_the_admin_recomputes_open_deadlines(
    client, administrator, municipality, topic, team
):
    receive(municipality, topic, at(2026, 1, 5, 9))
    client.force_login(administrator)
    response = client.post(
        f"/admin/inquiries/topic/{topic.pk}/change/",
        {
            "municipality": municipality.pk,
            "team": team.pk,
            "name": topic.name,
            "order": 0,
            "is_active": "on",
            "response_time": 8,
            "response_unit": "working_hours",
            "resolution_min": 40,
            "resolution_max": 60,
            "resolution_unit": "calendar_days",
            "clock_start": "on_receipt",
            "warning_shares": "50,80,100",
        },
    )
    assert response.status_code == 302
    assert Inquiry.objects.get().resolution_due_at == at(2026, 3, 6, 9)


def test_another_municipalitys_calendar_is_not_offered(client, administrator, other_municipality):
    foreign = WorkCalendarFactory(municipality=other_municipality)
    client.force_login(administrator)
    assert client.get(f"/admin/inquiries/workcalendar/{foreign.pk}/change/").status_code == 302
    assert foreign.name not in client.get("/admin/inquiries/workcalendar/").content.decode()
