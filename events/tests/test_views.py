"""The staff pages: list with counts, create and edit (a stale edit refused), the event page with
registrations and attendance, cancelling; three users (staff, committee reader, outsider)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from businesses.models import Company
from businesses.tests.factories import CompanyFactory
from core.tests.mail import subject_of
from events.enums import RegistrationState as S
from events.models import Event, Registration
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"events:{name}", kwargs={"code": "165", **kwargs})


def form_data(**changes):
    return {
        "kind": "conference",
        "title": "Erhvervskonference",
        "description": "<p>Om <strong>grøn</strong> vækst</p>",
        "place": "Musikteatret",
        "starts_at": "2030-05-01T09:00",
        "ends_at": "2030-05-01T15:00",
        "date_precision": "exact",
        "capacity": "120",
        "registration_deadline": "2030-04-25T12:00",
        "is_public": "on",
        "privacy_text": "Vi bruger dine oplysninger til tilmeldingen.",
        **changes,
    }


def test_staff_create_an_event(client, staff):
    client.force_login(staff)

    response = client.post(url("create"), form_data())

    event = Event.objects.get()
    assert response.status_code == 302
    assert (event.title, event.capacity, timezone.localtime(event.starts_at).hour) == (
        "Erhvervskonference",
        120,
        9,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"starts_at": "2101-01-01T09:00", "ends_at": "", "registration_deadline": ""},
            "starts_at",
        ),
        ({"ends_at": "2030-05-01T08:00"}, None),
        ({"capacity": "0"}, "capacity"),
        ({"capacity": "99999999999999999999"}, "capacity"),
        ({"title": "x" * 300}, "title"),
        ({"starts_at": "ikke en dato"}, "starts_at"),
    ],
)
def test_bad_event_input_is_refused_and_kept(client, staff, changes, field):
    client.force_login(staff)

    response = client.post(url("create"), form_data(**changes))

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors if field else "__all__" in errors
    assert "Musikteatret" in response.text
    assert Event.objects.count() == 0


def test_a_stale_edit_is_refused_with_a_message(client, staff, event):
    client.force_login(staff)
    client.post(url("edit", event_id=event.pk), form_data(version="1", title="Først"))

    response = client.post(url("edit", event_id=event.pk), form_data(version="1", title="Sidst"))

    assert response.status_code == 409
    assert "ændret af en anden" in response.text
    event.refresh_from_db()
    assert (event.title, event.version) == ("Først", 2)


def test_the_list_counts_seats_waiting_and_attended(
    client, staff, event, django_assert_num_queries
):
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, state=S.WAITING)
    EventFactory(municipality=event.municipality)
    client.force_login(staff)

    response = client.get(url("list"))

    row = next(e for e in response.context["page"] if e.pk == event.pk)
    assert (row.seated, row.waiting_count, row.attended_count) == (2, 1, 0)


def test_the_list_reads_a_fixed_number_of_queries(
    client, staff, municipality, django_assert_max_num_queries
):
    client.force_login(staff)
    EventFactory.create_batch(3, municipality=municipality)
    with django_assert_max_num_queries(12) as one:
        client.get(url("list"))
    EventFactory.create_batch(27, municipality=municipality)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(url("list"))


def test_the_event_page_shows_registrations_and_records_attendance(
    client, staff, event, time_machine
):
    came = RegistrationFactory(event=event, name="Karin Mødt")
    away = RegistrationFactory(event=event, name="Per Væk")
    RegistrationFactory(event=event, state=S.WAITING, name="Lise Venter")
    client.force_login(staff)
    page = client.get(url("detail", event_id=event.pk))
    assert "Karin Mødt" in page.text and "Lise Venter" in page.text
    assert 'id="attendance-form"' in page.text
    time_machine.move_to(event.starts_at + timedelta(hours=1), tick=False)
    client.force_login(staff)  # the session of a month ago has expired

    response = client.post(url("attendance", event_id=event.pk), {"attended": [str(came.pk)]})

    assert response["Location"] == url("detail", event_id=event.pk)
    assert dict(Registration.objects.values_list("name", "state")) == {
        "Karin Mødt": S.ATTENDED,
        "Per Væk": S.NO_SHOW,
        "Lise Venter": S.WAITING,
        away.name: S.NO_SHOW,
    }


def test_attendance_before_the_start_is_refused(client, staff, event):
    RegistrationFactory(event=event)
    client.force_login(staff)

    response = client.post(url("attendance", event_id=event.pk), {"attended": ["1"]})

    assert response.status_code == 400
    assert "når arrangementet er begyndt" in response.text


def test_cancelling_the_event_tells_everyone(
    client, staff, event, smtp, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, email="a@example.com")
    RegistrationFactory(event=event, email="b@example.com", state=S.WAITING)
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("cancel", event_id=event.pk), {"version": "1"})

    assert response.status_code == 302
    assert sorted(m.envelope_recipients[0] for m in smtp.messages) == [
        "a@example.com",
        "b@example.com",
    ]
    assert subject_of(smtp.messages[0]) == "Aflyst: Netværksmøde om grøn omstilling"


def test_a_committee_reader_reads_but_cannot_change(client, committee_reader, event):
    client.force_login(committee_reader)

    assert client.get(url("detail", event_id=event.pk)).status_code == 200
    assert client.get(url("create")).status_code == 403
    assert client.post(url("cancel", event_id=event.pk), {"version": "1"}).status_code == 403
    event.refresh_from_db()
    assert not event.is_cancelled


def test_an_outsider_finds_nothing(client, outsider, event):
    RegistrationFactory(event=event, name="Karin Hemmelig")
    client.force_login(outsider)

    for address in (url("detail", event_id=event.pk), url("edit", event_id=event.pk)):
        response = client.get(address)
        assert response.status_code == 404
        assert "Karin Hemmelig" not in response.text


def test_staff_cancel_a_registration_and_the_seat_is_offered(
    client, staff, event, smtp, django_capture_on_commit_callbacks
):
    seated = RegistrationFactory(event=event, email="a@example.com")
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, state=S.WAITING, email="w@example.com")
    client.force_login(staff)
    assert f'id="cancel-{seated.pk}"' in client.get(url("detail", event_id=event.pk)).text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("registration_cancel", registration_id=seated.pk))

    assert response["Location"] == url("detail", event_id=event.pk)
    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert (seated.state, waiting.state) == (S.CANCELLED, S.OFFERED)
    assert [m.envelope_recipients for m in smtp.messages] == [["a@example.com"], ["w@example.com"]]


def test_an_outsider_cannot_cancel_a_registration(client, outsider, event):
    registration = RegistrationFactory(event=event)
    client.force_login(outsider)

    response = client.post(url("registration_cancel", registration_id=registration.pk))

    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.state == S.REGISTERED


def test_the_event_page_reads_a_fixed_number_of_queries(
    client, staff, event, django_assert_max_num_queries
):
    client.force_login(staff)
    RegistrationFactory(event=event, company=Company.objects.create(cvr_number="29403473"))
    with django_assert_max_num_queries(20) as one:
        client.get(url("detail", event_id=event.pk))
    for n in range(6):
        RegistrationFactory(
            event=event,
            state=S.WAITING if n % 2 else S.REGISTERED,
            company=CompanyFactory(),
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(url("detail", event_id=event.pk))
