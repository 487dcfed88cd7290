"""One GDPR request by e-mail address, answered in one place (`core.personal_data`): every app
registers its source, the export gathers them all, the erasure erases in all of them or in none,
and another municipality's data is never touched. Through the command and the staff page."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from actions.models import Partner
from contacts.models import ContactPerson, ErasureLog
from contacts.tests.factories import ContactPersonFactory, MailingListFactory
from core import personal_data
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory
from forum.models import Participant
from forum.tests.factories import ForumFactory, MeetingFactory, ParticipantFactory
from inquiries.models import Inquiry
from inquiries.tests.factories import TopicFactory
from newsletter.models import Subscriber
from newsletter.tests.factories import SubscriberFactory
from partnerships.models import PartnerContact
from procurement import services as procurement
from procurement.models import InterestRegistration

EMAIL = "karin@lys.example"
PAGE = reverse("personal_data", kwargs={"code": "165"})


def _hold(municipality, email=EMAIL):
    """The person in every source of `municipality`."""
    ContactPersonFactory(municipality=municipality, email=email, name="Karin Kontakt")
    SubscriberFactory(mailing_list=MailingListFactory(municipality=municipality), email=email)
    RegistrationFactory(event=EventFactory(municipality=municipality), email=email, name="Karin")
    meeting = MeetingFactory(forum=ForumFactory(municipality=municipality))
    ParticipantFactory(meeting=meeting, email=email, name="Karin Deltager")
    partner = Partner.objects.create(municipality=municipality, name="Gate 21")
    PartnerContact.objects.create(partner=partner, name="Karin Partner", email=email)
    tender = procurement.create_tender(
        municipality=municipality,
        title="Rengøring",
        description="",
        expected_publication=date(2027, 1, 15),
        estimated_value=None,
        contact_name="Indkøb",
        contact_email="indkob@kommune.example",
        contact_phone="",
        is_public=True,
    )
    InterestRegistration.objects.create(
        tender=tender,
        cvr_number="12345678",
        company_name="Lys A/S",
        contact_name="Karin Udbud",
        email=email,
    )
    topic = TopicFactory(municipality=municipality)
    Inquiry.objects.create(
        municipality=municipality,
        reference=f"H-{municipality.code}-1",
        topic=topic,
        team=topic.team,
        cvr_number="12345678",
        company_name="Lys A/S",
        contact_name="Karin Henvender",
        email=email.upper(),
        phone="43 21 12 34",
        message="Vi søger lokaler.",
        received_at=timezone.now(),
    )


def _held_anywhere(municipality, email=EMAIL) -> list[int]:
    """How many rows of each source still carry the address in `municipality`."""
    return [
        ContactPerson.objects.of_municipality(municipality).filter(email=email).count(),
        Subscriber.objects.of_municipality(municipality).filter(email=email).count(),
        Registration.objects.of_municipality(municipality).filter(email=email).count(),
        Participant.objects.of_municipality(municipality).filter(email=email).count(),
        PartnerContact.objects.of_municipality(municipality).filter(email=email).count(),
        InterestRegistration.objects.of_municipality(municipality).filter(email=email).count(),
        Inquiry.objects.of_municipality(municipality).filter(email__iexact=email).count(),
    ]


def _command(*options) -> dict:
    out = StringIO()
    call_command("personal_data", "--municipality", "165", *options, stdout=out)
    return json.loads(out.getvalue())


def test_every_dialogue_app_registers_a_source_with_a_danish_label():
    registered = {source.key: str(source.label) for source in personal_data.sources()}

    assert registered.keys() == {
        "contacts",
        "events",
        "forum",
        "inquiries",
        "newsletter",
        "partnerships",
        "procurement",
    }
    assert registered["newsletter"] == "Nyhedsbreve"


def test_the_export_holds_the_person_from_every_source(municipality):
    _hold(municipality)

    data = _command("--email", "Karin@Lys.example")

    assert data.keys() == {source.key for source in personal_data.sources()}
    assert data["contacts"]["contact_persons"][0]["person"]["name"] == "Karin Kontakt"
    assert data["newsletter"]["subscriptions"][0]["list"]
    assert data["events"]["registrations"][0]["name"] == "Karin"
    assert data["forum"]["meetings"][0]["name"] == "Karin Deltager"
    assert data["partnerships"]["contacts"][0]["person"]["name"] == "Karin Partner"
    assert data["procurement"]["interest_registrations"][0]["contact_name"] == "Karin Udbud"


def test_erasure_removes_the_person_everywhere_and_prints_counts_only(municipality):
    _hold(municipality)

    counts = _command("--email", EMAIL, "--erase")

    assert counts == {
        # The contact person's erasure goes first and anonymises their inquiry, so its log
        # counts it and the inquiries source finds nothing left.
        "contacts": {"contact_persons": 1, "inquiries": 1},
        "events": {"registrations": 1},
        "forum": {"followers": 0, "participants": 1, "proposals": 0},
        "inquiries": {"inquiries": 0},
        "newsletter": {"subscribers": 1, "deliveries": 0, "confirmation_mails": 0},
        "partnerships": {"contacts": 1},
        "procurement": {"interest_registrations": 1},
    }
    assert _held_anywhere(municipality) == [0] * 7
    assert ErasureLog.objects.get().inquiries == 1  # the contact person's erasure is logged
    # What is counted stays: the registration, participant and inquiry are anonymised.
    assert Registration.objects.exists() and Participant.objects.exists()
    assert Inquiry.objects.get().message == "Vi søger lokaler."


def test_an_inquiry_from_someone_who_is_no_contact_person_is_exported_and_anonymised(
    municipality,
):
    topic = TopicFactory(municipality=municipality)
    Inquiry.objects.create(
        municipality=municipality,
        reference="H-165-9",
        topic=topic,
        team=topic.team,
        cvr_number="12345678",
        company_name="Lys A/S",
        contact_name="Karin Henvender",
        email=EMAIL,
        phone="43 21 12 34",
        message="Vi søger lokaler.",
        received_at=timezone.now(),
    )

    (exported,) = _command("--email", EMAIL)["inquiries"]["inquiries"]
    counts = _command("--email", EMAIL, "--erase")

    assert (exported["reference"], exported["contact_name"], exported["phone"]) == (
        "H-165-9",
        "Karin Henvender",
        "43 21 12 34",
    )
    assert counts["inquiries"] == {"inquiries": 1}
    assert counts["contacts"] == {"contact_persons": 0, "inquiries": 0}
    inquiry = Inquiry.objects.get()
    assert EMAIL not in (inquiry.email, inquiry.contact_name) and inquiry.phone == ""


def test_erasure_is_all_or_nothing(municipality, monkeypatch):
    _hold(municipality)

    def fails(**person):
        raise RuntimeError("the last source fails")

    monkeypatch.setitem(
        personal_data._SOURCES,
        "failing",
        personal_data.Source("failing", "Fejler", export=dict, erase=fails),
    )

    with pytest.raises(RuntimeError):
        personal_data.erase_all(municipality, EMAIL)

    assert _held_anywhere(municipality) == [1] * 7
    assert not ErasureLog.objects.exists()


def test_another_municipality_s_data_is_neither_shown_nor_erased(municipality, other_municipality):
    _hold(other_municipality)

    data = _command("--email", EMAIL)
    counts = _command("--email", EMAIL, "--erase")

    assert all(personal_data._records(export) == 0 for export in data.values())
    assert all(not any(kinds.values()) for kinds in counts.values())
    assert _held_anywhere(other_municipality) == [1] * 7


def test_the_command_refuses_a_bad_address_and_an_unknown_municipality(municipality):
    with pytest.raises(CommandError, match="e-mail"):
        _command("--email", "ikke en adresse")
    with pytest.raises(CommandError, match="999"):
        call_command("personal_data", "--municipality", "999", "--email", EMAIL)


def test_staff_see_every_source_on_the_page_and_download_it(client, staff, municipality):
    _hold(municipality)
    client.force_login(staff)

    page = client.post(PAGE, {"email": EMAIL, "action": "show"})
    download = client.post(PAGE, {"email": EMAIL, "action": "json"})

    assert page.status_code == 200
    for source in personal_data.sources():
        assert str(source.label) in page.text
    assert "Karin Udbud" in page.text and "Karin Deltager" in page.text
    assert download["Content-Disposition"] == 'attachment; filename="persondata.json"'
    assert json.loads(download.content)["events"]["registrations"][0]["name"] == "Karin"


def test_staff_erase_after_a_confirm_step_and_read_the_counts(client, staff, municipality):
    _hold(municipality)
    client.force_login(staff)

    confirm = client.post(PAGE, {"email": EMAIL, "action": "confirm"})
    unticked = client.post(PAGE, {"email": EMAIL, "action": "erase"})
    assert _held_anywhere(municipality) == [1] * 7
    erased = client.post(PAGE, {"email": EMAIL, "action": "erase", "confirmed": "on"}, follow=True)

    assert 'value="erase"' in confirm.text and "Bekræft sletningen" in confirm.text
    assert unticked.status_code == 400
    assert erased.redirect_chain == [(PAGE, 302)]
    assert "Nyhedsbreve 1" in erased.text
    assert _held_anywhere(municipality) == [0] * 7
    assert ErasureLog.objects.get().erased_by == staff  # who handled the request is logged


def test_the_page_is_for_staff_only(
    client, municipality, committee_reader, outsider, administrator
):
    assert client.get(PAGE).status_code == 302  # anonymous: to the login
    client.force_login(committee_reader)
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"email": EMAIL, "action": "show"}).status_code == 403
    client.force_login(outsider)
    assert client.get(PAGE).status_code == 404
    client.force_login(administrator)
    assert client.get(PAGE).status_code == 200


def test_the_dialogue_overview_and_a_contact_s_export_link_to_the_page(client, staff, municipality):
    contact = ContactPersonFactory(municipality=municipality)
    client.force_login(staff)

    overview = client.get(reverse("dialogue", kwargs={"code": "165"}))
    export = client.get(
        reverse("contacts:export", kwargs={"code": "165", "contact_id": contact.pk})
    )

    assert f'href="{PAGE}"' in overview.text
    assert f'href="{PAGE}"' in export.text
