"""What events give the rest of Kurs: the figures goals count, the company timeline, and the
export and erasure of a person's registrations."""

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from businesses import timeline
from businesses.models import Company
from events import figures, services
from events.enums import EventKind
from events.enums import RegistrationState as S
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory
from strategy import sources

pytestmark = pytest.mark.django_db
CPH = ZoneInfo("Europe/Copenhagen")


def test_events_held_counts_the_four_kinds_not_cancelled_in_the_period(
    municipality, other_municipality
):
    for kind in EventKind.values:
        EventFactory(
            municipality=municipality, kind=kind, starts_at=datetime(2014, 3, 1, 9, tzinfo=CPH)
        )
    EventFactory(municipality=municipality, starts_at=datetime(2014, 12, 31, 23, 30, tzinfo=CPH))
    EventFactory(municipality=municipality, starts_at=datetime(2015, 1, 1, 0, 30, tzinfo=CPH))
    EventFactory(
        municipality=municipality,
        starts_at=datetime(2014, 6, 1, 9, tzinfo=CPH),
        cancelled_at=timezone.now(),
    )
    EventFactory(municipality=other_municipality, starts_at=datetime(2014, 6, 1, 9, tzinfo=CPH))

    source = sources.get("events.held")

    assert source.measure(municipality, date(2014, 1, 1), date(2014, 12, 31)) == Decimal(5)


def test_attendees_count_only_once_attendance_is_recorded(municipality):
    event = EventFactory(municipality=municipality, starts_at=datetime(2014, 3, 1, 9, tzinfo=CPH))
    RegistrationFactory.create_batch(2, event=event)
    period = (date(2014, 1, 1), date(2014, 12, 31))
    assert figures.attendees(municipality, *period) is None

    Registration.objects.filter(pk=event.registrations.first().pk).update(state=S.ATTENDED)
    Registration.objects.exclude(state=S.ATTENDED).update(state=S.NO_SHOW)

    assert sources.get("events.attendees").measure(municipality, *period) == Decimal(1)


def test_a_registration_with_a_cvr_number_is_on_the_company_timeline(
    municipality, other_municipality
):
    company = Company.objects.create(cvr_number="29403473", name="Albertslund Lys A/S")
    event = EventFactory(municipality=municipality, title="Lysnetværket")
    registration, _ = services.register(
        event=event, name="Karin", email="karin@example.com", cvr_number="29403473"
    )
    foreign = EventFactory(municipality=other_municipality, title="Ballerups møde")
    services.register(event=foreign, name="Karin", email="karin@example.com", cvr_number="29403473")

    entries = [e for e in timeline.entries(company, municipality) if e.kind == "Arrangement"]

    assert entries == [
        timeline.Entry(
            timezone.localdate(event.starts_at),
            "Arrangement",
            "Lysnetværket: Karin (tilmeldt)",
            reverse("events:detail", kwargs={"code": "165", "event_id": event.pk}),
        )
    ]
    assert registration.company == company


def test_export_holds_every_registration_of_the_address_in_the_municipality(
    municipality, other_municipality
):
    mine = RegistrationFactory(
        event=EventFactory(municipality=municipality, title="Mit møde"),
        email="karin@example.com",
        company_name="Lys A/S",
    )
    RegistrationFactory(
        event=EventFactory(municipality=other_municipality), email="karin@example.com"
    )
    RegistrationFactory(event=mine.event, email="other@example.com")

    data = services.personal_data(municipality=municipality, email="KARIN@example.com")

    assert [row["event"] for row in data["registrations"]] == ["Mit møde"]
    row = data["registrations"][0]
    assert (row["name"], row["email"], row["company_name"], row["state"]) == (
        mine.name,
        "karin@example.com",
        "Lys A/S",
        "Tilmeldt",
    )


def test_erasure_anonymises_and_keeps_the_counts(municipality, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    past = EventFactory(municipality=municipality, starts_at=timezone.now() - timedelta(days=3))
    attended = RegistrationFactory(event=past, email="karin@example.com", state=S.ATTENDED)
    coming = EventFactory(municipality=municipality, capacity=1)
    seat = RegistrationFactory(event=coming, email="karin@example.com", company_name="Lys")
    waiting = RegistrationFactory(event=coming, state=S.WAITING)

    assert services.erase_person(municipality=municipality, email="karin@example.com") == 2

    attended.refresh_from_db()
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert (attended.name, attended.email, attended.state) == ("", "", S.ATTENDED)
    assert (seat.name, seat.email, seat.company_name, seat.state) == ("", "", "", S.CANCELLED)
    assert waiting.state == S.OFFERED
    assert (
        services.personal_data(municipality=municipality, email="karin@example.com")[
            "registrations"
        ]
        == []
    )
    period = (timezone.localdate() - timedelta(days=10), timezone.localdate())
    assert figures.attendees(municipality, *period) == Decimal(1)


def test_the_command_exports_and_erases(municipality):
    RegistrationFactory(event=EventFactory(municipality=municipality), email="karin@example.com")
    out = StringIO()

    call_command("personal_data", municipality="165", email="karin@example.com", stdout=out)
    assert len(json.loads(out.getvalue())["events"]["registrations"]) == 1

    out = StringIO()
    call_command(
        "personal_data", municipality="165", email="karin@example.com", erase=True, stdout=out
    )
    assert json.loads(out.getvalue())["events"] == {"registrations": 1}


def test_staff_export_and_erase_on_the_page(client, staff, municipality):
    RegistrationFactory(
        event=EventFactory(municipality=municipality), email="karin@example.com", name="Karin"
    )
    client.force_login(staff)
    page_url = reverse("personal_data", kwargs={"code": "165"})

    page = client.post(page_url, {"email": "karin@example.com", "action": "show"})
    download = client.post(page_url, {"email": "karin@example.com", "action": "json"})
    refused = client.post(page_url, {"email": "ikke en mail", "action": "erase", "confirmed": "on"})
    erased = client.post(
        page_url, {"email": "karin@example.com", "action": "erase", "confirmed": "on"}
    )

    assert "Karin" in page.text
    assert json.loads(download.content)["events"]["registrations"][0]["name"] == "Karin"
    assert refused.status_code == 400
    assert erased.status_code == 302
    assert Registration.objects.get().name == ""


def test_a_committee_reader_cannot_open_personal_data(client, committee_reader):
    client.force_login(committee_reader)

    response = client.get(reverse("personal_data", kwargs={"code": "165"}))

    assert response.status_code == 403
