"""Ballerup Kommune (151): Tidsplan 2007-2009 for the business policy of 2005, as transcribed.

Source: `sources/ballerup-tidsplan-2007-2009.txt`. Titles of activities are the "❖" bullets of the
"Tidsplan 2007-09" lists, verbatim (spelling and punctuation included); theme descriptions are the
sections' introductions, verbatim. Status updates, milestones and budgets are illustrative and say
so in their comments.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from actions.demo.common import (
    SOURCES,
    activity,
    check_all_used,
    demo_user,
    milestone,
    partner,
    progress,
    progress_of,
    set_m2m,
    status_update,
    upsert,
)
from actions.enums import ActivityStatus, ReportingCycle, TrafficLight
from actions.models import Committee, CommitteeMember, PlanSteering
from core.models import Municipality
from strategy.demo import attach_source
from strategy.enums import PlanKind, PlanStatus
from strategy.models import Plan, Theme

SOURCE_FILE = "ballerup-tidsplan-2007-2009.txt"
POLICY_TITLE = "Erhvervspolitik og erhvervspolitisk handlingsplan 2005"
TIMETABLE_TITLE = "Tidsplan 2007-2009 for Ballerup Kommunes erhvervspolitik"
COMMITTEE_NAME = "Erhvervs- og Beskæftigelsesudvalget"
PERIOD = "2007-09"

MEMBERS = [
    ("A", "Henrik Bolberg", "Formand"),
    ("A", "Ley Plum", "Næstformand"),
    ("A", "Dorris Børger", ""),
    ("F", "Birte Kramhøft", ""),
    ("A", "Grethe Larsen", ""),
    ("O", "Stig Møller", ""),
    ("V", "Marianna Hesselholt", ""),
]

POLICY_SUMMARY = (
    "I 2004 blev erhvervspolitikken for Ballerup Kommune evalueret og i foråret 2005 vedtog "
    "Kommunalbestyrelsen en revideret erhvervspolitik med tilhørende handlingsplan.\n\n"
    "Handlingsplanen indeholder 7 indsatsområder: Globalisering og ændrede konkurrencevilkår; "
    "Den nationale og regionale erhvervspolitik; Regionale samarbejder; Bæredygtig "
    "erhvervsudvikling; Uddannelseskoordinering; Potentiale i samarbejdet mellem erhverv og "
    "kultur; Erhvervsservice.\n\n"
    "For hvert indsatsområde og delområder angiver handlingsplanen en række aktiviteter og "
    "forventede resultater."
)
POLICY_NOTE = (
    "Selve erhvervspolitikken og handlingsplanen fra 2005 foreligger ikke i Kurs; oplysningerne "
    "stammer fra Tidsplan 2007-2009. Dokumentet angiver ikke en vedtagelsesdato, kun 'i foråret "
    "2005'. Perioden 2005-2009 er sat, fordi tidsplanen udmønter handlingsplanen til og med 2009."
)
TIMETABLE_SUMMARY = (
    "Som styringsredskab i forbindelse med realiseringen af planen har Erhvervs- og "
    "Beskæftigelsesudvalget udarbejdet dette tillæg med tidsplan for de enkelte "
    "indsatsområder.\n\n"
    "Tillægget fungerer som køreplan for realisering af handlingsplanen og Erhvervs- og "
    "Beskæftigelsesudvalgets løbende evaluering af handlingsplanens realisering. Dette er det "
    "andet tillæg til handlingsplanen og omhandler perioden 2007-2009."
)
TIMETABLE_NOTE = (
    "Dokumentet angiver ikke en vedtagelsesdato. Rapporteringsrytmen (kvartalsvis) er Kurs' "
    "standard; dokumentet nævner kun udvalgets 'løbende evaluering' og evalueringen i foråret 2009."
)
RESOURCE_NOTE = (
    "De interne ressourcer til realisering af de mange aktiviteter i handlingsplanen fastlægges "
    "af direktionen.\n\n"
    "Herudover er der i forbindelse med budgetforliget for 2006, afsat en pulje på 0,4 mio. kr. "
    "til realisering af de erhvervspolitiske målsætninger."
)
EVALUATION_NOTE = (
    "Erhvervs- og Beskæftigelsesudvalget evaluerer i foråret 2009 sammenhængen mellem de anvendte "
    "ressourcer og de opnåede resultater. På baggrund af evalueringen vurderer Erhvervs- og "
    "Beskæftigelsesudvalget, hvorvidt aktiviteterne skal fortsætte."
)

PARTNERS = {
    "Herlev Kommune": "",
    "Gladsaxe Kommune": "",
    "Bycirklen": "Samarbejde mellem Ballerup Kommune og de øvrige kommuner i Bycirklen.",
    "Wuxi (venskabsby)": "Venskabsby nær Shanghai.",
    "Vestforbrænding": "",
    "Milelauget": "Grundejerforening i Mileparken.",
    "ÖRIB": (
        "Et dansk/ svensk samarbejdsprojekt om placering af byer, transport og erhverv i "
        "Øresundsregionen i 2025."
    ),
    "Edge Cities": "",
    "Kontaktudvalget": (
        "Kontaktudvalget for samspil mellem Erhvervsliv, Uddannelsesinstitutioner, "
        "Kulturinstitutioner og Kommune; rådgivende om uddannelsesforhold og relationer mellem "
        "erhverv, uddannelse og kultur."
    ),
    "Aktivgruppen": (
        "Netværk med deltagelse af samtlige uddannelsesinstitutioner, repræsentanter fra "
        "erhvervslivet og eventuelt kulturinstitutionerne."
    ),
    "Kreative Kommuner": "Netværket Kreative Kommuner.",
    "Ballerup Erhvervsråd": "Sekretariatsbetjenes af Erhvervssekretariatet.",
    "Erhvervsskolerne": "",
    "Job og Familie": "",
    "Vækstforum": "Partnerskab i forbindelse med den regionale erhvervsudviklingsstrategi.",
    "Region Hovedstaden": "",
    "Kommune Kontaktrådet": "",
}

REGIONAL_INTRO_HERLEV = (
    "I forbindelse med strukturreformen og den nye organisering af det mellemkommunale samarbejde "
    "og det regionale arbejde er der betydelige politiske og praktiske fordele ved at intensivere "
    "det mellemkommunale samarbejde på det erhvervspolitiske område."
)
REGIONAL_INTRO_ABROAD = (
    "Ballerup Kommunes erhvervsstruktur har på mange områder mere til fælles med "
    "erhvervsstrukturen i andre udvalgte regioner i Europa end med erhvervsstrukturen i Øresunds- "
    "og Hovedstadsregionen. Virksomhederne er internationale og meget store og der er 2 store "
    "klynger af virksomheder indenfor henholdsvis IT/Kommunikation og Medico/Sundhed. På linie med "
    "andre regioner i EU vil Ballerup Kommune anvende potentialet i disse klyngedannelser i den "
    "fortsatte erhvervsudvikling. Der lægges vægt på samarbejdsmulighederne med deltagere i Edge "
    "Cities samarbejdet."
)
NATIONAL_NO_TIMETABLE = (
    'Dokumentet angiver ingen tidsplan for dette arbejde: "Det er ikke muligt at angive tidsplan '
    "for dette arbejde, der afhænger af initiativer fra regering og folketing, Region Hovedstaden "
    'og Kommune Kontaktrådet." Perioden 2007-09 er tidsplanens periode, ikke en frist.'
)

# The seven indsatsområder in document order: (title, description, activities). An activity is
# (title, extra values); extra values may hold description, responsible_unit and partners.
THEMES = [
    (
        "Globalisering og ændrede konkurrencevilkår",
        "Den erhvervspolitiske Handlingsplan prioriterer overvågning af globaliseringens "
        "konsekvenser for virksomheder og arbejdsmarked i Ballerup samt dialog med erhvervslivet "
        "og enkelt virksomheder om de strategiske overvejelser globaliseringen giver anledning "
        "til.",
        [
            (
                "Der foretages på baggrund af allerede udførte undersøgelser en kvalitativ "
                "vurdering af mulighederne for at igangsætte konkrete initiativer.",
                {},
            ),
            (
                "Dialogen med toneangivende virksomheder i forskellige brancher, om "
                "globaliseringens konsekvenser for virksomhed og brancher, fortsættes.",
                {},
            ),
            (
                "Innovations mulighederne i samarbejder mellem virksomheder og kultur- og "
                "uddannelsesinstitutioner afdækkes.",
                {},
            ),
            (
                "De erhvervsmæssige aspekter i den internationale politik konkretiseres og "
                "omsættes "
                "i initiativer.",
                {},
            ),
        ],
    ),
    (
        "Den nationale og regionale erhvervspolitik",
        "Handlingsplanen forudsætter at Ballerup Kommune deltager aktivt i såvel den nationale som "
        "den regionale erhvervspolitikformulering.\n\n"
        "Det er ikke muligt at angive tidsplan for dette arbejde, der afhænger af initiativer fra "
        "regering og folketing, Region Hovedstaden og Kommune Kontaktrådet.\n\n"
        "Men Ballerup Kommunes rolle i den nye regionale sammenhæng samt hvorledes Ballerup "
        "Kommune kan bidrage til den overordnede politik skal løbende defineres.\n\n"
        "Herunder skal Ballerup Kommune løbende vurdere mulighederne for selv eller sammen med "
        "andre kommuner, at indgå partnerskab med Vækstforum i forbindelse med realisering af den "
        "regionale erhvervsudviklingsstrategi.",
        # Prose, not bullets, and no timetable: kept as two ongoing activities over the
        # timetable's period; the first drops the connective "Men" of the sentence.
        [
            (
                "Ballerup Kommunes rolle i den nye regionale sammenhæng samt hvorledes Ballerup "
                "Kommune kan bidrage til den overordnede politik skal løbende defineres.",
                {
                    "description": NATIONAL_NO_TIMETABLE,
                    "partners": ["Region Hovedstaden", "Kommune Kontaktrådet"],
                },
            ),
            (
                "Herunder skal Ballerup Kommune løbende vurdere mulighederne for selv eller sammen "
                "med andre kommuner, at indgå partnerskab med Vækstforum i forbindelse med "
                "realisering af den regionale erhvervsudviklingsstrategi.",
                {"description": NATIONAL_NO_TIMETABLE, "partners": ["Vækstforum"]},
            ),
        ],
    ),
    (
        "Regionale samarbejder",
        "Handlingsplanen forudsætter at Ballerup Kommunes engagement i erhvervspolitiske regionale "
        "samarbejder fastholdes.\n\n"
        "De regionale samarbejder, omfatter 3 indsatsområder:\n\n"
        "1. Bycirkel\n"
        "2. Samarbejde med Herlev og Gladsaxe Kommuner\n"
        "3. Samarbejde med udenlandske regioner",
        [
            (
                "De erhvervsmæssige udfordringer der afledes af Venskabsbyrelationen med Wuxi nær "
                "Shanghai.",
                {
                    "description": "Bycirklen: Ballerup Kommune og de øvrige kommuner i Bycirklen "
                    "arbejder med de erhvervsmæssige udfordringer der afledes af "
                    "Venskabsbyrelationen med Wuxi nær Shanghai.",
                    "partners": ["Bycirklen", "Wuxi (venskabsby)"],
                },
            ),
            (
                "Overvejelser om videre udvikling af den generelle erhvervsfremme og "
                "erhvervsservicestrategi.",
                {
                    "description": "Bycirklen: Ballerup Kommune og de øvrige kommuner i Bycirklen "
                    "arbejder med overvejelser om videre udvikling af den generelle erhvervsfremme "
                    "og erhvervsservicestrategi.",
                    "partners": ["Bycirklen"],
                },
            ),
            (
                "Samarbejds muligheder med Herlev og Gladsaxe Kommuner afdækkes.",
                {
                    "description": "Samarbejde med Herlev og Gladsaxe Kommuner: "
                    + REGIONAL_INTRO_HERLEV,
                    "partners": ["Herlev Kommune", "Gladsaxe Kommune"],
                },
            ),
            (
                "Der afholdes fælles workshop for politikere og embedsmænd om samarbejds "
                "mulighederne i forbindelse med markedsføring og erhvervsservice..",
                {
                    "description": "Samarbejde med Herlev og Gladsaxe Kommuner: "
                    + REGIONAL_INTRO_HERLEV,
                    "partners": ["Herlev Kommune", "Gladsaxe Kommune"],
                },
            ),
            (
                "Der udarbejdes en handlingsplan for samarbejdets gennemførelse.",
                {
                    "description": "Samarbejde med Herlev og Gladsaxe Kommuner: "
                    + REGIONAL_INTRO_HERLEV,
                    "partners": ["Herlev Kommune", "Gladsaxe Kommune"],
                },
            ),
            (
                "Mulighederne for systematisk erfaringsudveksling med udenlandske regioner om "
                "erhvervspolitiske og arbejdsmarkedspolitiske instrumenter afdækkes.",
                {
                    "description": "Samarbejde med kommuner/regioner i andre lande: "
                    + REGIONAL_INTRO_ABROAD,
                    "partners": ["Edge Cities"],
                },
            ),
            (
                "Deltagelse i ÖRIB, et dansk/ svensk samarbejdsprojekt om placering af byer, "
                "transport og erhverv i Øresundsregionen i 2025.",
                {
                    "description": "Samarbejde med kommuner/regioner i andre lande: "
                    + REGIONAL_INTRO_ABROAD,
                    "partners": ["ÖRIB", "Edge Cities"],
                },
            ),
        ],
    ),
    (
        "Bæredygtig erhvervsudvikling",
        "Den erhvervspolitiske handlingsplan prioriterer bæredygtig udvikling højt og forudsætter "
        "en række igangsatte aktiviteter videreført.\n\n"
        "Aktiviteterne er tværsektorielle og involverer Grønt sekretariat, Miljø- og Teknik, Plan- "
        "og Byg, Erhvervssekretariatet, Job og familie, HR-udvikling, og samarbejde med en række "
        "kommuner.",
        [
            (
                "Arbejdet med miljørigtig omdannelse af de ældre erhvervsområder bliver "
                "intensiveret med Mileparken som eksempelprojekt.",
                {},
            ),
            (
                "Miljø og Teknik indleder samarbejde med Vestforbrænding og grundejerforeningen "
                "Milelauget om reetablering i forbindelse med indlæggelse af fjernvarme.",
                {
                    "responsible_unit": "Miljø og Teknik",
                    "partners": ["Vestforbrænding", "Milelauget"],
                },
            ),
            (
                "Miljø og Teknik og Erhvervssekretariatet tager initiativ til etablering af en ny "
                "grundejerforening i erhvervsområdet ved Telegrafvej og der indledes samarbejde "
                "med "
                "Vestforbrænding om reetablering i forbindelse med fjernvarmeforsyning.",
                {
                    "responsible_unit": "Miljø og Teknik og Erhvervssekretariatet",
                    "partners": ["Vestforbrænding"],
                },
            ),
            (
                "Mulighederne for at Ballerup Kommune kan blive Danmarks første Fair trade city "
                "afdækkes.",
                {},
            ),
            (
                "Kampagnen vi cykler til arbejde fortsætter som et tilbud til virksomheder der vil "
                "sætte fokus på miljø og sundhed.",
                {},
            ),
            (
                "Der gennemføres en affaldskampagne over for udvalgte virksomheder/brancher og "
                "vejledning om affaldsbehandling intensiveres.",
                {},
            ),
            (
                "Der afholdes sideløbende en række gå-hjem temamøder f.eks. under overskriften "
                '"Styr '
                'på miljøet".',
                {},
            ),
            (
                "Samarbejdet med virksomhederne omkring arbejdskraftmangel fortsætter og således "
                "videreføres indsatsen med ordinær og omvendt formidling.",
                {},
            ),
            (
                "Der arbejdes videre med indgåelse af strategiske samarbejder med konkrete "
                "offentlige og private virksomheder. De strategiske samarbejder har til formål, at "
                "gå ind og iværksætte en målrettet indsats i forhold til virksomhedens "
                "rekrutteringsbehov samtidig med at der sker en styrkelse af mulighederne for at "
                "formidle job til ledige med få faglige kompetencer eller ledige med behov for "
                "særlige ansættelsesvilkår.",
                {},
            ),
        ],
    ),
    (
        "Uddannelseskoordinering",
        "Koordinering af offentlige erhvervsrettede uddannelsestilbud er henlagt til et "
        "Kontaktudvalg bestående af repræsentanter for erhvervsliv, uddannelsesinstitutioner, "
        "kulturinstitutioner og Ballerup Kommune.\n\n"
        "Udvalget er rådgivende om uddannelsesforhold og relationer mellem erhverv, uddannelse og "
        "kultur i forhold til Erhvervs- og beskæftigelsesudvalget og Kulturudvalget.\n\n"
        "For at sikre det faglige niveau i udvalgets arbejde og gennemførelse af udvalgets "
        'initiativer etableres en "Aktivgruppe", med deltagelse af samtlige '
        "uddannelsesinstitutioner, repræsentanter fra erhvervslivet og eventuelt "
        "kulturinstitutionerne.",
        [
            (
                "Udvalget arbejder med at profilere Ballerup Kommune som uddannelsesmæssigt "
                "kraftcenter.",
                {"responsible_unit": "Kontaktudvalget", "partners": ["Kontaktudvalget"]},
            ),
            (
                "Udvalget arbejder med løsninger der generelt styrker samarbejdet mellem "
                "virksomheder og uddannelsesinstitutioner.",
                {"responsible_unit": "Kontaktudvalget", "partners": ["Kontaktudvalget"]},
            ),
            (
                "Udvalget reetablerer ”Aktivgruppen” som et netværk der arbejder med konkrete "
                "samarbejdsrelationer og projekter mellem uddannelsesinstitutioner og erhvervsliv "
                "og eventuelt kulturliv.",
                {
                    "responsible_unit": "Kontaktudvalget",
                    "partners": ["Kontaktudvalget", "Aktivgruppen"],
                },
            ),
        ],
    ),
    (
        "Potentiale i samarbejdet mellem erhverv og kultur",
        "Som et nyt indsatsområde prioriterer handlingsplanen afsøgning af potentialet i "
        "samarbejde mellem virksomheder og kulturinstitutioner.\n\n"
        "Arbejdet er henlagt til et strategisk program omhandlende de innovative muligheder i "
        "relationen mellem erhverv, uddannelse og kultur. Programmet udfoldes i et samarbejde "
        "mellem Børn- og Unge, Erhvervssekretariatet og Kultur.\n\n"
        "Uddannelseskoordinering indgår som en mindre del af det strategiske program.",
        [
            ("Samarbejds muligheder, områder og behov identificeres og beskrives.", {}),
            (
                "Kompetenceudviklingsbehov i forbindelse med de kreative kompetencer i erhvervsliv "
                "og uddannelsesinstitutioner afdækkes og beskrives.",
                {},
            ),
            (
                "Der etableres en samarbejdsplatform i forbindelse med netværket kreative "
                "Kommuner.",
                {"partners": ["Kreative Kommuner"]},
            ),
        ],
    ),
    (
        "Erhvervsservice",
        "Den erhvervspolitiske handlingsplan prioriterer service til enkelt virksomheder, generel "
        "vidensformidling til virksomhederne og specifik vidensformidling om ordninger for svage "
        "grupper på arbejdsmarkedet.\n\n"
        "Erhvervsservice omhandler en række aktiviteter, der er rettet dels mod erhvervslivet i "
        "sin helhed og dels mod grupper af virksomheder og enkelt virksomheder.\n\n"
        "Erhvervsserviceopgaverne kan groft opdeles i den daglige betjening af virksomheder og "
        "borgere og i faste tilbagevendende opgaver.\n\n"
        "Daglig betjening af virksomheder og borgere består i at fungere som virksomhedernes "
        "indgang til hele det offentlige område og i at informere og vejlede borgere, der ønsker "
        "at starte egen virksomhed.\n\n"
        "Faste opgaver er f.eks. sekretariatsbetjening af Ballerup erhvervsråd, Milelauget, "
        "Kontaktudvalget for samspil mellem Erhvervsliv, Uddannelsesinstitutioner, "
        "Kulturinstitutioner og Kommune samt den tilhørende aktivgruppe.\n\n"
        "Herudover betjening af EBU og borgmesterens deltagelse i en række aktiviteter, f.eks. "
        "bestyrelsen i det regionale Væksthus.\n\n"
        "Det er ikke muligt og meningsfuldt at opstille en tidsplan for samtlige aktiviteter.",
        [
            (
                "Ballerup erhvervsråd har et højt aktivitetsniveau med mange møder i bestyrelse, "
                "repræsentantskab og arbejdsgrupper (Ca. 15 årligt) der skal planlægges. Herudover "
                "afholder erhvervsrådet en række gå-hjemmøder for medlemmerne (ca. 8 årligt) der "
                'skal tilrettelægges og udsender bladet "Orientering" 8 gange årligt. '
                "Erhvervssekretariatet vedligeholder Ballerup erhvervsråds hjemmeside.",
                {
                    "responsible_unit": "Erhvervssekretariatet",
                    "partners": ["Ballerup Erhvervsråd"],
                },
            ),
            (
                "Der afholdes en række informationsmøder/kurser for iværksættere og mindre "
                "virksomheder og der samarbejdes med erhvervsskolerne om undervisning i opstart af "
                "virksomhed.",
                {"partners": ["Erhvervsskolerne"]},
            ),
            (
                "I samarbejde med Job og Familie udvikles et koncept for iværksætterkurser "
                "specielt rettet mod etniske minoriteter.",
                {"partners": ["Job og Familie"]},
            ),
        ],
    ),
]

NATIONAL_THEME = THEMES[1][0]

# Illustrative progress (not from the document); the status updates below say so.
PROGRESS = {
    "Der afholdes fælles workshop…": progress(ActivityStatus.DONE, "25000", "21500", "60"),
    "Der udarbejdes en handlingsplan for samarbejdets gennemførelse.": progress(
        ActivityStatus.IN_PROGRESS
    ),
    "Mulighederne for at Ballerup Kommune kan blive…": progress(
        ActivityStatus.IN_PROGRESS, "40000", "12000"
    ),
    "Ballerup erhvervsråd har et højt aktivitetsniveau…": progress(
        ActivityStatus.IN_PROGRESS, hours="400"
    ),
}


def load(stdout=None) -> dict:
    municipality, _ = Municipality.objects.get_or_create(code="151", defaults={"name": "Ballerup"})
    owner = demo_user("ballerup", stdout)

    committee, _ = upsert(Committee, {"municipality": municipality, "name": COMMITTEE_NAME}, {})
    for order, (party, name, role) in enumerate(MEMBERS, start=1):
        upsert(
            CommitteeMember,
            {"committee": committee, "name": name},
            {"party": party, "role": role, "order": order},
        )

    policy, _ = upsert(
        Plan,
        {"municipality": municipality, "title": POLICY_TITLE},
        {
            "kind": PlanKind.POLICY,
            "status": PlanStatus.ADOPTED,
            "period_start": 2005,
            "period_end": 2009,
            "adopted_on": None,
            "adopted_by": "Kommunalbestyrelsen i Ballerup Kommune",
            "implements": None,
            "summary": POLICY_SUMMARY,
            "internal_note": POLICY_NOTE,
        },
    )
    plan, _ = upsert(
        Plan,
        {"municipality": municipality, "title": TIMETABLE_TITLE},
        {
            "kind": PlanKind.TIMETABLE,
            "status": PlanStatus.ADOPTED,
            "period_start": 2007,
            "period_end": 2009,
            "adopted_on": None,
            "adopted_by": COMMITTEE_NAME,
            "implements": policy,
            "summary": TIMETABLE_SUMMARY,
            "internal_note": TIMETABLE_NOTE,
        },
    )
    attach_source(plan, SOURCES / SOURCE_FILE)
    upsert(
        PlanSteering,
        {"plan": plan},
        {
            "committee": committee,
            "administration": "Erhvervssekretariatet",
            "reporting_cycle": ReportingCycle.QUARTERLY,
            "resource_pool": Decimal("400000.00"),
            "resource_note": RESOURCE_NOTE,
            "evaluation_period": "foråret 2009",
            "evaluation_due": date(2009, 5, 31),
            "evaluation_note": EVALUATION_NOTE,
        },
    )

    partners = {name: partner(municipality, name, text) for name, text in PARTNERS.items()}
    activities, used = {}, []
    order = 0
    for theme_order, (theme_title, description, items) in enumerate(THEMES, start=1):
        theme, _ = upsert(
            Theme,
            {"plan": plan, "title": theme_title},
            {"track": None, "description": description, "order": theme_order},
        )
        for title, extra in items:
            order += 1
            extra = dict(extra)
            named = [partners[name] for name in extra.pop("partners", [])]
            obj = activity(
                plan,
                order=order,
                title=title,
                period_text=PERIOD,
                themes=[theme],
                owner=owner,
                description=extra.get("description", ""),
                responsible_unit=extra.get("responsible_unit", ""),
                **progress_of(PROGRESS, title, used),
            )
            set_m2m(obj, "partners", named)
            activities[title] = obj

    check_all_used(PROGRESS, used)
    _illustrate(activities, owner)
    return {
        "plan": plan,
        "themes": plan.themes.count(),
        "activities": plan.activities.count(),
        "partners": len(partners),
    }


def _find(activities: dict, start: str):
    matches = [obj for title, obj in activities.items() if title.startswith(start)]
    assert len(matches) == 1, start
    return matches[0]


def _illustrate(activities: dict, author) -> None:
    """Illustrative progress, so the timetable shows statuses, lights, money and milestones."""
    workshop = _find(activities, "Der afholdes fælles workshop")
    milestone(workshop, "Fælles workshop afholdt", date(2007, 11, 30), date(2007, 11, 22))
    status_update(
        workshop,
        date(2007, 12, 14),
        TrafficLight.GREEN,
        "Illustrativ: Workshoppen for politikere og embedsmænd fra Ballerup, Herlev og Gladsaxe er "
        "afholdt. Budget, forbrug og timer er illustrative (af puljen på 0,4 mio. kr.).",
        author,
    )

    plan_for_cooperation = _find(activities, "Der udarbejdes en handlingsplan")
    milestone(plan_for_cooperation, "Udkast til handlingsplan forelagt udvalget", date(2008, 6, 30))
    status_update(
        plan_for_cooperation,
        date(2008, 3, 31),
        TrafficLight.GREEN,
        "Illustrativ: Handlingsplanen skrives på grundlag af workshoppen. Milepælen er "
        "illustrativ.",
        author,
    )

    fair_trade = _find(activities, "Mulighederne for at Ballerup Kommune kan blive")
    status_update(
        fair_trade,
        date(2008, 6, 30),
        TrafficLight.YELLOW,
        "Illustrativ: Afdækningen er i gang, men kriterierne for Fair trade city kræver flere "
        "detailhandlere end forventet. Budget og forbrug er illustrative.",
        author,
    )

    council = _find(activities, "Ballerup erhvervsråd har et højt aktivitetsniveau")
    status_update(
        council,
        date(2008, 3, 31),
        TrafficLight.GREEN,
        'Illustrativ: Møder og gå-hjem-møder afholdes som planlagt; "Orientering" udkommer. '
        "Timetallet er illustrativt.",
        author,
    )
