"""Advice given to a firm on its company page (`businesses.timeline`), in one query."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from businesses.timeline import Entry
from outreach.models import AdviceSession


def entries(company, municipality) -> list[Entry]:
    url = reverse("outreach:advice", kwargs={"code": municipality.code})
    return [
        Entry(session.advised_on, _("Iværksætterrådgivning"), session.topic, url)
        for session in AdviceSession.objects.of_municipality(municipality)
        .filter(company=company)
        .only("advised_on", "topic")
    ]
