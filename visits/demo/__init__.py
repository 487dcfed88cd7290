"""Demo data for visits and contact persons: a few visits to the fabricated Albertslund firms
(`businesses/demo`), one by the mayor and one by Erhvervshus Hovedstaden, with topics, needs
and follow-ups, and two contact persons with their legal basis.

Everything here is **fabricated**: the people, what was said and the tasks. The visits are dated
relative to the moment the demo is loaded, so that the company pages show open follow-ups and
the reminder job has something due. Loading twice changes nothing: the contact persons are found
by name, and the visits are only added while the municipality has none. Assumes the strategy
demo (users) and the company demo have been loaded (`load_demo` does so first).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from businesses.models import Company
from contacts.enums import LegalBasis
from contacts.models import ContactPerson, MailingList
from contacts.services import subscribe
from core.models import Municipality, User
from strategy.demo import upsert
from visits import services
from visits.enums import Body
from visits.models import Visit, VisitTopic

BREWERY, LIGHT_FACTORY, BICYCLE_SHOP = "99990074", "99990090", "99990082"

CONTACTS = [
    (
        BREWERY,
        "Mette Fiktiv Brygger",
        {
            "title": "Direktør",
            "email": "mette@vestskov-bryghus.example",
            "legal_basis": LegalBasis.LEGITIMATE_INTEREST,
            "legal_basis_note": "Kommunens erhvervsservice over for virksomheden (dialog om "
            "rekruttering og udvidelse).",
            "source": "Visitkort ved borgmesterens besøg",
        },
    ),
    (
        LIGHT_FACTORY,
        "Jens Fiktiv Lysgaard",
        {
            "title": "Produktionschef",
            "email": "jens@lysfabrik.example",
            "phone": "43 00 00 15",
            "legal_basis": LegalBasis.CONSENT,
            "legal_basis_note": "Samtykke givet mundtligt på mødet med Erhvervshus Hovedstaden "
            "og bekræftet pr. e-mail.",
            "source": "Erhvervshus Hovedstaden",
        },
    ),
]


def load(stdout=None) -> dict:
    with transaction.atomic():
        albertslund = Municipality.objects.get(code="165")
        services.seed_topics(albertslund)
        firms = {
            f.cvr_number: f
            for f in Company.objects.filter(cvr_number__in=[BREWERY, LIGHT_FACTORY, BICYCLE_SHOP])
        }
        contacts = {
            cvr: upsert(
                ContactPerson,
                {"municipality": albertslund, "company": firms[cvr], "name": name},
                values,
            )
            for cvr, name, values in CONTACTS
        }
        newsletter = upsert(MailingList, {"municipality": albertslund, "name": "Erhvervsnyt"}, {})
        if not newsletter.subscriptions.exists():
            subscribe(mailing_list=newsletter, contact=contacts[BREWERY])
        added = 0
        if not Visit.objects.of_municipality(albertslund).exists():
            added = _visits(albertslund, firms, contacts)
    if stdout is not None:
        stdout.write(f"Besøg (fabrikerede): {added} tilføjet, {len(contacts)} kontaktpersoner.\n")
    return {"visits": added, "contacts": contacts}


def _visits(albertslund, firms, contacts) -> int:
    today = timezone.localdate()
    staff = User.objects.get(username="medarbejder")
    admin = User.objects.get(username="admin")
    topic = {t.name: t for t in VisitTopic.objects.of_municipality(albertslund)}
    plans = [
        {
            "company": firms[BREWERY],
            "visited_on": today - timedelta(days=40),
            "body": Body.MAYOR,
            "our_participants": [staff],
            "their_participants": [contacts[BREWERY]],
            "topics": [topic["Rekruttering og arbejdskraft"], topic["Udvidelse og lokaler"]],
            "summary": "Borgmesteren besøgte bryggeriet. Det vil udvide tapperiet i 2027.",
            "needs": [
                (topic["Rekruttering og arbejdskraft"], "To tapperimedarbejdere inden sommer"),
                (topic["Udvidelse og lokaler"], "En grund på 2.000 m² i Herstedvang"),
            ],
            "follow_ups": [
                ("Send jobcentrets tilbud om kandidater", staff, today + timedelta(days=2)),
                ("Undersøg ledige erhvervsgrunde", admin, today + timedelta(days=30)),
            ],
        },
        {
            "company": firms[LIGHT_FACTORY],
            "visited_on": today - timedelta(days=20),
            "body": Body.BUSINESS_HOUSE,
            "their_participants": [contacts[LIGHT_FACTORY]],
            "topics": [topic["Eksport og internationalisering"], topic["Grøn omstilling"]],
            "other_topic": "Lys i byrum (Gate 21)",
            "summary": "Erhvervshus Hovedstaden om eksport til Tyskland og energirenovering.",
            "needs": [(topic["Grøn omstilling"], "Energitjek af produktionshallen")],
            "follow_ups": [
                ("Formidl kontakt til energirådgivningen", staff, today - timedelta(days=3))
            ],
        },
        {
            "company": firms[LIGHT_FACTORY],
            "visited_on": today - timedelta(days=200),
            "body": Body.MUNICIPALITY,
            "our_participants": [staff, admin],
            "topics": [topic["Kompetencer og uddannelse"]],
            "needs": [(topic["Kompetencer og uddannelse"], "Efteruddannelse i LED-styring")],
        },
        {
            "company": firms[BICYCLE_SHOP],
            "visited_on": today - timedelta(days=90),
            "body": Body.JOBCENTER,
            "topics": [topic["Rekruttering og arbejdskraft"]],
            "needs": [(topic["Rekruttering og arbejdskraft"], "En lærling")],
        },
    ]
    for plan in plans:
        services.record_visit(municipality=albertslund, user=staff, **plan)
    return len(plans)
