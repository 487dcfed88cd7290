"""The subscriber figure for the "500 subscribers" goal, and the GDPR export and erasure of an
e-mail address."""

import json
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.urls import reverse

from contacts.services import erase_contact, subscribe
from contacts.tests.factories import ContactPersonFactory, MailingListFactory
from newsletter import services
from newsletter.enums import SubscriberState
from newsletter.models import ConfirmationMail, Delivery, Subscriber
from newsletter.tests.factories import IssueFactory, SubscriberFactory
from strategy import sources

CPH = ZoneInfo("Europe/Copenhagen")


def at(*parts):
    return datetime(*parts, tzinfo=CPH)


def test_subscriber_figure_counts_confirmed_addresses_at_the_last_day(municipality, mailing_list):
    other_list = MailingListFactory(municipality=municipality, name="Erhvervsnyt")
    SubscriberFactory(mailing_list=mailing_list, email="a@x.example", confirmed_at=at(2016, 3, 1))
    SubscriberFactory(mailing_list=other_list, email="a@x.example", confirmed_at=at(2016, 4, 1))
    SubscriberFactory(mailing_list=mailing_list, email="b@x.example", confirmed_at=at(2016, 5, 1))
    SubscriberFactory(
        mailing_list=mailing_list,
        email="c@x.example",
        confirmed_at=at(2016, 5, 1),
        state=SubscriberState.UNSUBSCRIBED,
        unsubscribed_at=at(2016, 11, 1),
    )
    SubscriberFactory(
        mailing_list=mailing_list,
        email="d@x.example",
        confirmed_at=at(2016, 5, 1),
        state=SubscriberState.BOUNCED,
        bounced_at=at(2017, 2, 1),
    )
    SubscriberFactory(mailing_list=mailing_list, email="e@x.example", confirmed_at=at(2017, 1, 1))
    SubscriberFactory(
        mailing_list=mailing_list, email="p@x.example", state="pending", confirmed_at=None
    )
    source = sources.get("newsletter.subscribers")

    assert source.measure(municipality, date(2016, 1, 1), date(2016, 12, 31)) == Decimal(3)
    assert source.measure(municipality, date(2017, 1, 1), date(2017, 12, 31)) == Decimal(3)


def test_subscriber_figure_is_the_municipalitys_own(municipality, other_municipality, mailing_list):
    SubscriberFactory(mailing_list=mailing_list)
    SubscriberFactory(mailing_list=MailingListFactory(municipality=other_municipality))

    figure = sources.get("newsletter.subscribers").measure(
        municipality, date(2000, 1, 1), date(2100, 1, 1)
    )

    assert figure == Decimal(1)


def _subscribed(mailing_list, email="mette@bryggeri.example"):
    services.sign_up(
        mailing_list=mailing_list,
        email=email,
        name="Mette",
        company_name="Bryggeriet",
        consent=services.current_consent(mailing_list),
        ip="192.0.2.7",
        page="https://kurs.example/k/165/erhverv/nyhedsbrev/",
    )
    subscriber = Subscriber.objects.get(mailing_list=mailing_list, email=email)
    Subscriber.objects.filter(pk=subscriber.pk).update(state=SubscriberState.CONFIRMED)
    return subscriber


def test_export_holds_the_subscription_consent_and_issues(client, staff, mailing_list):
    subscriber = _subscribed(mailing_list)
    issue = IssueFactory(mailing_list=mailing_list, subject="Nyt fra Jobcentret")
    Delivery.objects.create(issue=issue, subscriber=subscriber, next_attempt_at=issue.created_at)
    client.force_login(staff)

    response = client.post(
        reverse("personal_data", kwargs={"code": "165"}),
        {"email": "Mette@Bryggeri.example", "action": "json"},
    )

    data = json.loads(response.content)["newsletter"]
    [subscription] = data["subscriptions"]
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert data["email"] == "mette@bryggeri.example"
    assert (subscription["list"], subscription["name"], subscription["company_name"]) == (
        "Jobcentrets nyhedsbrev",
        "Mette",
        "Bryggeriet",
    )
    assert subscription["consent_text"] == services.current_consent(mailing_list).text
    assert subscription["signup_ip"] == "192.0.2.7"
    assert [i["subject"] for i in subscription["issues"]] == ["Nyt fra Jobcentret"]


def test_erasure_removes_every_row_of_the_address(client, staff, mailing_list, municipality):
    other_list = MailingListFactory(municipality=municipality, name="Erhvervsnyt")
    subscriber = _subscribed(mailing_list)
    _subscribed(other_list)
    issue = IssueFactory(mailing_list=mailing_list)
    Delivery.objects.create(issue=issue, subscriber=subscriber, next_attempt_at=issue.created_at)
    _subscribed(mailing_list, email="anden@firma.example")
    client.force_login(staff)

    response = client.post(
        reverse("personal_data", kwargs={"code": "165"}),
        {"email": "mette@bryggeri.example", "action": "erase", "confirmed": "on"},
    )

    assert response.status_code == 302
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["anden@firma.example"]
    assert not Delivery.objects.exists()
    assert ConfirmationMail.objects.count() == 1  # the other address's


def test_erasure_needs_the_tick(client, staff, mailing_list):
    _subscribed(mailing_list)
    client.force_login(staff)

    response = client.post(
        reverse("personal_data", kwargs={"code": "165"}),
        {"email": "mette@bryggeri.example", "action": "erase"},
    )

    assert response.status_code == 400
    assert Subscriber.objects.count() == 1


def test_erasure_leaves_other_municipalities_alone(other_municipality, mailing_list):
    _subscribed(mailing_list)
    other = MailingListFactory(municipality=other_municipality)
    SubscriberFactory(mailing_list=other, email="mette@bryggeri.example")

    services.erase_address(municipality=mailing_list.municipality, email="mette@bryggeri.example")

    assert list(Subscriber.objects.values_list("mailing_list", flat=True)) == [other.pk]


def test_erasing_a_contact_person_removes_their_newsletter_row(municipality, mailing_list):
    contact = ContactPersonFactory(municipality=municipality, email="ole@firma.example")
    subscribe(mailing_list=mailing_list, contact=contact)
    services.enrol_contact_persons(mailing_list)

    erase_contact(contact=contact, cause="request")

    assert not Subscriber.objects.exists()


def test_command_exports_and_erases_an_address(mailing_list):
    from io import StringIO

    from django.core.management import call_command

    _subscribed(mailing_list)
    out = StringIO()
    call_command(
        "personal_data", "--municipality", "165", "--email", "mette@bryggeri.example", stdout=out
    )
    assert json.loads(out.getvalue())["newsletter"]["subscriptions"][0]["name"] == "Mette"

    out = StringIO()
    call_command(
        "personal_data",
        "--municipality",
        "165",
        "--email",
        "mette@bryggeri.example",
        "--erase",
        stdout=out,
    )

    assert json.loads(out.getvalue())["newsletter"] == {
        "subscribers": 1,
        "deliveries": 0,
        "confirmation_mails": 1,
    }
    assert not Subscriber.objects.exists()


def test_unconfirmed_sign_ups_are_forgotten_after_30_days(mailing_list):
    from datetime import timedelta

    from django.utils import timezone

    consent = services.current_consent(mailing_list)
    services.sign_up(mailing_list=mailing_list, email="gammel@firma.example", consent=consent)
    services.sign_up(mailing_list=mailing_list, email="ny@firma.example", consent=consent)
    _subscribed(mailing_list, email="tilmeldt@firma.example")
    old = timezone.now() - timedelta(days=31)
    Subscriber.objects.exclude(email="ny@firma.example").update(created_at=old, signed_up_at=old)
    ConfirmationMail.objects.update(sent_at=timezone.now() - timedelta(hours=25))

    result = services.forget_unconfirmed()

    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "ny@firma.example",
        "tilmeldt@firma.example",
    ]
    assert (result.subscribers, result.confirmation_mails) == (1, 3)
