"""Demo partnerships for Albertslund, transcribed from the documents in `shared/seeds`:
Erhvervsstrategi 2013-2017 (E13), Handleplan 2016-2017 (H16) and Erhvervspolitik 2023-2026
(E23). Each agreement's purpose is the document's own sentence, its period only what the
document states, and `source` names the document. Organisations the documents name without
saying what the collaboration is get the partner row only (with what is written about them).
Agreements are linked to the demo action plan's activities whose title begins with the text
given here, and to the goals those activities serve. No contact persons: the documents name
none. Loading twice changes nothing (partners by name, agreements by partner and title).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from actions.demo.common import partner as demo_partner
from actions.models import Activity
from core.models import Municipality
from partnerships.enums import AgreementStatus
from partnerships.models import Agreement

E13 = "Erhvervsstrategi 2013-2017"
H16 = "Handleplan 2016-2017 for Erhvervsstrategien"
E23 = "Erhvervspolitik 2023-2026"
ACTIVE, ENDED = AgreementStatus.ACTIVE, AgreementStatus.ENDED


def agreement(
    title, purpose, source, *, period="", starts=None, ends=None, status=ACTIVE, activities=()
):
    return {
        "title": title,
        "purpose": purpose,
        "source": source,
        "period_text": period,
        "starts_on": starts,
        "ends_on": ends,
        "status": status,
        "activities": activities,
    }


CONCEPT = agreement(
    "Albertslund Konceptet",
    "Albertslund Konceptet er et offentligt-privat partnerskab, der med støtte fra "
    "Energistyrelsen gennemføres i perioden 2008 - 2013. Projektet prøverenoverer et antal "
    "forskellige boliger i kommunen og giver som et af de første projekter i Danmark værdifuld "
    "viden og erfaringer om energieffektiv bygningsrenovering primært af det industrialiserede "
    "byggeri. (…) Derfor har store firmaer som Velux, Danfoss og Rockwool deltaget som partnere.",
    E13,
    period="2008 - 2013",
    starts=date(2008, 1, 1),
    ends=date(2013, 12, 31),
    status=ENDED,
)
NIPS21 = agreement(
    "NIPS21 (Nye Initiativer På Sundhedsområdet)",
    "NIPS21 (Nye Initiativer På Sundhedsområdet) initiativet er et samarbejde mellem Ishøj og "
    "Albertslund kommuner samt Region Hovedstaden om etablering af en platform for innovation "
    "og udvikling på sundheds- og velfærdsområdet mellem kommunerne i regionen og imellem "
    "kommunerne og Region Hovedstaden.",
    E13,
)
INVESTMENTS = agreement(
    "Samarbejde om at tiltrække udenlandske investeringer",
    "DOLL, Copenhagen Capacity, Greater Copenhagen og Invest in Denmark: Samarbejde om at "
    "tiltrække udenlandske investeringer.",
    H16,
    period="2016-2017",
    activities=["DOLL, Copenhagen Capacity, Greater Copenhagen og Invest in Denmark"],
)

# (partner, what the documents write about it, its agreements)
PARTNERS = [
    (
        "DTU Fotonik",
        "Institut for Fotonik på Danmarks Tekniske Universitet (DTU).",
        [
            agreement(
                "Konsortium om Danish Outdoor Lighting Lab (DOLL)",
                "I slutningen af 2012 fik vi, i et konsortium med Institut for Fotonik på "
                "Danmarks Tekniske Universitet (DTU), støtte af Energistyrelsen til etableringen "
                "af et offentligt-privat Green Lab, Danish Outdoor Lighting Lab (DOLL). DOLL er "
                "et test- og udviklingslaboratorium for energieffektiv belysning og integration "
                "af bæredygtige energikilder.",
                E13,
                period="Fra slutningen af 2012",
            )
        ],
    ),
    (
        "Gate 21",
        "DOLL er organiseret som et Living Lab under Gate 21 (H16).",
        [
            agreement(
                "Smart Grøn innovationsplatform",
                "Smart Grøn innovationsplatform, styregruppe, Gate 21: Erfarne iværksættere "
                "hjælper nye, grønne iværksættere.",
                H16,
                period="2016-2017",
                activities=["Smart Grøn innovationsplatform"],
            )
        ],
    ),
    (
        "LOOP City",
        "",
        [
            agreement(
                "LOOP City-samarbejdet",
                "LOOP City samarbejdet har stor betydning for at skabe en bæredygtig by- og "
                "erhvervsudvikling langs den nye Letbane, og Albertslund har aktivt deltaget i "
                "projektudvikling og arbejdsprogrammer. LOOP-City: Albertslund deltager i "
                "programstyregruppe og opstart af nye og implementering af igangværende "
                "projekter.",
                H16,
                period="2016-2017",
                activities=["LOOP City:", "LOOP-City"],
            )
        ],
    ),
    (
        "Greater Copenhagen",
        "",
        [
            agreement(
                "Deltagelse i Greater Copenhagen",
                "Greater Copenhagen, deltager i netværk, branding (Investorportal, branding og "
                "delegationsbesøg) og markedsføring (Albertslunds hjemmesider, indlæg på møder, "
                "konferencer, m.m.).",
                H16,
                period="2016-2017",
                activities=["Greater Copenhagen, deltager i netværk"],
            ),
            agreement(
                "Regionalt samarbejde",
                "Det lokale og regionale samarbejde er en styrke for udviklingen af "
                "erhvervsområdet både nationalt og lokalt, og Albertslund vil fortsat prioritere "
                "deltagelse i fx Greater Copenhagen og Erhvervssammenslutningen.",
                E23,
            ),
            INVESTMENTS,
        ],
    ),
    ("Copenhagen Capacity", "", [INVESTMENTS]),
    ("Invest in Denmark", "", [INVESTMENTS]),
    ("DOLL", "", [INVESTMENTS]),
    (
        "Erhvervshus Hovedstaden",
        "Gratis workshops og forløb for iværksættere og virksomheder (E23).",
        [
            agreement(
                "Samarbejde om iværksættere og virksomheder",
                "Iværksættere og virksomheder i Albertslund sikres gode vilkår for udvikling "
                "gennem samarbejder med Erhvervshus Hovedstaden.",
                E23,
            )
        ],
    ),
    (
        "Erhvervssammenslutningen",
        "",
        [
            agreement(
                "Rekruttering af virksomheder til kommunens projekter",
                "Vi bruger vores samarbejde med Erhvervssammenslutningen til at rekruttere "
                "virksomheder til kommunens projekter.",
                H16,
                period="2016-2017",
                activities=["Vi bruger vores samarbejde med Erhvervssammenslutningen"],
            )
        ],
    ),
    (
        "Lighting Metropolis (LIME)",
        "",
        [
            agreement(
                "Lighting Metropolis (LIME)",
                "Albertslund Kommune er nu projektejer på Lightning Metropolis (LIME), hvor "
                "kommunen i samarbejde med 23 offentlige og private partnere i Danmark og "
                "Sverige skal etablere Greater Copenhagen som ét af de globale fyrtårne inden "
                "for belysning og smart by teknologier. Vi har formandskabet i styregruppen og "
                "deltager i projektgrupper.",
                H16,
                period="2016-2017",
                activities=["Lighting Metropolis (LIME)"],
            )
        ],
    ),
    (
        "Bo-Vest",
        "",
        [
            agreement(
                "Praktikpladser og rekruttering af lokale unge",
                "Samarbejde med Bo-Vest om praktikpladser og rekruttering af lokale unge.",
                H16,
                period="2016-2017",
                activities=["Samarbejde med Bo-Vest"],
            )
        ],
    ),
    (
        "Copenhagen Healthtech Cluster",
        "",
        [
            agreement(
                "Test bed for Sundt lys",
                "Etablere Albertslund som test bed for Sundt lys som led i Region Hovedstadens "
                "regionale vækst- og udviklingsstrategi sammen med Copenhagen Healthtech "
                "Cluster.",
                H16,
                period="2016-2017",
                activities=["Etablere Albertslund som test bed for Sundt lys"],
            )
        ],
    ),
    (
        "Realdania",
        "",
        [
            agreement(
                "Arkitektkonkurrence om Hersted Industripark",
                "I 2012-2013 gennemførte vi sammen med Realdania en arkitektkonkurrence om "
                "udarbejdelsen af en udviklingsstrategi for en omdannelse af Hersted "
                "Industripark.",
                E13,
                period="2012-2013",
                starts=date(2012, 1, 1),
                ends=date(2013, 12, 31),
                status=ENDED,
            )
        ],
    ),
    ("Velux", "", [CONCEPT]),
    ("Danfoss", "", [CONCEPT]),
    ("Rockwool", "", [CONCEPT]),
    ("Ishøj Kommune", "", [NIPS21]),
    ("Region Hovedstaden", "", [NIPS21]),
    (
        "Campus Albertslund",
        "Samarbejde med ungdomsuddannelsesinstitutionerne og VUC om en samlet indsats (E13).",
        [
            agreement(
                "Partnerskabet Campus Albertslund",
                "Igennem partnerskabet Campus Albertslund arbejdes allerede med kontakt mellem "
                "virksomheder og uddannelsessteder. Formålet er, at opnå partnerskaber, der "
                "bringer det omgivende samfund tættere ind i undervisningen gennem "
                "elevpraktikker, mentorforløb, fritidsjobs etc.",
                E13,
            )
        ],
    ),
    (
        "Ringbyen",
        "",
        [
            agreement(
                "Ringbyen",
                '"Ringbyen" med 9 andre kommuner om byudvikling og etablering af en Letbane '
                "langs med Ring 3.",
                E13,
            )
        ],
    ),
    (
        "Kommunekontaktrådet i Region Hovedstaden (KKR)",
        "",
        [
            agreement(
                "Samarbejde mellem regionens 29 kommuner",
                "Kommunekontaktrådet i Region Hovedstaden, hvor der samarbejdes mellem "
                "regionens 29 kommuner om bl.a. erhvervsudvikling og erhvervsservice.",
                E13,
            )
        ],
    ),
    (
        "Green Cities",
        "",
        [
            agreement(
                "Green Cities",
                "Green Cities, hvor der samarbejdes med fem andre kommuner i Danmark om grønne "
                "tiltag.",
                E13,
            )
        ],
    ),
    ("Cleantech Cluster", "", []),
    ("Væksthus Hovedstaden", "", []),
    (
        "Københavns Erhvervsakademi",
        "Dialog om ideer til nye uddannelsesretninger (E13).",
        [],
    ),
    ("Københavns Tekniske Skole", "Dialog om ideer til nye uddannelsesretninger (E13).", []),
    ("VUC-Vestegnen", "Dialog om ideer til nye uddannelsesretninger (E13).", []),
    ("Glostrup Hospital", "", []),
]


def _activities(municipality, prefixes):
    found = []
    for prefix in prefixes:
        found += list(
            Activity.objects.of_municipality(municipality).filter(title__startswith=prefix)
        )
    return found


def load(stdout=None) -> dict:
    municipality = Municipality.objects.filter(code="165").first()
    if municipality is None:
        return {}
    created = 0
    with transaction.atomic():
        for name, description, agreements in PARTNERS:
            partner = demo_partner(municipality, name, description)
            for values in agreements:
                values = dict(values)
                activities = _activities(municipality, values.pop("activities"))
                if Agreement.objects.filter(partner=partner, title=values["title"]).exists():
                    continue
                row = Agreement(partner=partner, **values)
                row.full_clean()
                row.save()
                created += 1
                row.activities.set(activities)
                row.goals.set({goal for activity in activities for goal in activity.goals.all()})
    if stdout is not None:
        stdout.write(f"Partnerskaber: {created} nye aftaler.\n")
    return {"agreements": created}
