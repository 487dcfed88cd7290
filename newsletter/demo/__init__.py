"""Demo data for the newsletter: Albertslund's newsletter as the documents describe it.

Handleplan 2016-2017 (`../shared/seeds/001_…`), under "Rekruttering og fastholdelse", sets the
goal "Nyhedsbrev på de relevante samarbejdsområder med 500 abonnenter inden 2017", and
Erhvervsstrategi 2013-2017 (`000_…`) names newsletters as part of "Jobcentrets strategiske
virksomhedsservice (kampagner, nyhedsbreve, tværkommunalt samarbejde)". So the demo has that one
list, open for sign-up, and its goal counts its subscribers (`newsletter.subscribers`, named on
the goal in `strategy/demo/albertslund.py`). The
documents give no issue and no subscriber, so none is made up: the list starts empty. Loading
twice changes nothing.
"""

from __future__ import annotations

from django.db import transaction

from contacts.models import MailingList
from core.models import Municipality
from newsletter import services
from strategy.demo import upsert

NAME = "Jobcentrets nyhedsbrev"
DESCRIPTION = (
    "Nyhedsbrev på de relevante samarbejdsområder – en del af Jobcentrets strategiske "
    "virksomhedsservice (kampagner, nyhedsbreve, tværkommunalt samarbejde)."
)


def load(stdout=None) -> MailingList:
    with transaction.atomic():
        albertslund = Municipality.objects.get(code="165")
        mailing_list = upsert(
            MailingList,
            {"municipality": albertslund, "slug": "jobcenter"},
            {"name": NAME, "description": DESCRIPTION, "public_signup": True},
        )
        services.current_consent(mailing_list)
    if stdout is not None:
        stdout.write(f"Nyhedsbrev: {NAME} (tilmelding åben).\n")
    return mailing_list
