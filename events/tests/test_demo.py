"""The events demo (`load_demo`): the three meetings of Strategisk Erhvervsforum that its terms
of reference plan, known to the month; loading again adds nothing."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from events import figures
from events.demo import FORUM
from events.enums import DatePrecision, EventKind
from events.models import Event

pytestmark = pytest.mark.django_db


def test_the_forum_meetings_are_loaded_as_the_document_plans_them(demo):
    events = Event.objects.filter(municipality__code="165").order_by("starts_at")

    assert [
        (e.title, e.kind, e.date_precision, timezone.localtime(e.starts_at).date(), e.capacity)
        for e in events
    ] == [
        (
            "Strategisk Erhvervsforum",
            EventKind.DIALOGUE,
            DatePrecision.MONTH,
            date(2014, 10, 1),
            None,
        ),
        (
            "Strategisk Erhvervsforum",
            EventKind.DIALOGUE,
            DatePrecision.MONTH,
            date(2015, 1, 1),
            None,
        ),
        (
            "Strategisk Erhvervsforum",
            EventKind.DIALOGUE,
            DatePrecision.MONTH,
            date(2015, 9, 1),
            None,
        ),
    ]
    albertslund = events[0].municipality
    assert figures.events_held(albertslund, date(2015, 1, 1), date(2015, 12, 31)) == Decimal(2)


def test_loading_again_adds_nothing(demo):
    before = Event.objects.count()

    call_command("load_demo", stdout=StringIO(), stderr=StringIO())

    assert Event.objects.count() == before


def test_a_meeting_known_to_the_month_shows_the_month(client, demo):
    event = Event.objects.filter(municipality__code="165").earliest("starts_at")

    response = client.get(
        reverse("events:public_detail", kwargs={"code": "165", "event_id": event.pk})
    )

    assert "oktober 2014" in response.text
    assert "Tilmeldingen er lukket." in response.text
    assert FORUM in response.text
