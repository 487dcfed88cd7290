"""Albertslund Kommune (165): Handleplan 2016-2017 for Erhvervsstrategien, as transcribed.

Source: `sources/albertslund-handleplan-2016-2017.txt` (the transcript lost the document's bullets
and paragraph breaks). Under each theme the document lists first the focus areas (fokusområder,
verb-led objectives), which become qualitative goals of the action plan, and then the central
activities 2016-2017, which become activities. Only two themes head the activities with
"Centrale aktiviteter 2016-2017:"; elsewhere the split is a judgement, recorded per theme in
`explicit_split`. Titles and theme descriptions are verbatim; the page numbers the transcript
carries at page ends are left out. Status updates, milestones, budgets and hours are illustrative
and say so in the updates' comments; the document names no persons, so the demo user
`medarbejder` owns every activity.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from actions.demo.common import (
    SOURCES,
    activity,
    check_all_used,
    demo_user,
    milestone,
    partner,
    progress,
    progress_of,
    require,
    set_m2m,
    status_update,
    upsert,
)
from actions.enums import ActivityStatus, ReportingCycle, TrafficLight
from actions.models import PlanSteering, ServicePromise
from core.models import Municipality
from strategy.demo import attach_source
from strategy.enums import GoalKind, PlanKind, PlanStatus, TrackKind
from strategy.models import Goal, Plan, Theme, Track

SOURCE_FILE = "albertslund-handleplan-2016-2017.txt"
PLAN_TITLE = "Handleplan 2016-2017 for Erhvervsstrategien"
STRATEGY_TITLE = "Erhvervsstrategi 2013-2017"
PERIOD = "2016-2017"

SUMMARY = (
    "Albertslund Kommunes Erhvervsstrategi 2013-2017 har to overordnede mål:\n"
    "– Skabe 2000 arbejdspladser i Albertslund Kommune inden 2017\n"
    "– Skabe optimale rammer for bæredygtig udvikling og vækst i virksomhederne og dermed "
    "understøtte alle aspekter af livet i Albertslund.\n\n"
    "Frontrunner og solid erhvervsdialog: Det strategiske fokus har i perioden 2013-2015 været at "
    "positionere kommunen som frontrunner for grønne og smarte løsninger både nationalt og "
    "internationalt. (…) Et markant resultat er etableringen af DOLL som levende "
    "demonstrationsområde for lys- og lysteknologi. (…) Grundlaget for en koordineret "
    "erhvervsservice og -dialog af høj kvalitet bygger på kommunens etablering af en "
    "administrativ enhed med én indgang til kommunens erhvervsservice.\n\n"
    "I 2016-17 fortsætter tilgangen med Albertslund Kommune som dagsordensættende aktør i "
    "regionale og internationale sammenhænge. (…) Sigtet er, at vi skaber arbejdspladser, vækst "
    "og velfærd for alle byens borgere."
)
INTERNAL_NOTE = (
    "Handleplanen angiver ikke vedtagelsesdato eller vedtagende organ. Dens oversigt kalder "
    "temaet 'Erhvervsområders udvikling og Albertslund Midtby' og skriver 'Handleplan for "
    "Erhvervsstrategi 2015-2017'; Kurs bruger indholdsfortegnelsens 'Erhvervsområder og "
    "Albertslund Midtby' og titlen på forsiden."
)
EVALUATION_NOTE = (
    "Handleplanen angiver hverken rapporteringsrytme, udvalg eller evaluering. Kvartalsvis "
    "rapportering er Kurs' standardindstilling, ikke dokumentets."
)
CROSS_CUTTING_SUMMARY = (
    "De tværgående spor er indsatser, som går på tværs af de strategiske spor. De skal bidrage "
    "til at opfylde målene i de strategiske spor."
)

GREEN, SKILLED, WELFARE, CROSS = (
    "Grøn vækst",
    "Kvalificeret arbejdskraft",
    "Vækst gennem velfærd",
    "Tværgående spor",
)
TRACKS = [
    (GREEN, TrackKind.STRATEGIC, ""),
    (SKILLED, TrackKind.STRATEGIC, ""),
    (WELFARE, TrackKind.STRATEGIC, ""),
    (CROSS, TrackKind.CROSS_CUTTING, CROSS_CUTTING_SUMMARY),
]

PARTNERS = {
    "Gate 21": "",
    "LOOP City": "Samarbejde om bæredygtig by- og erhvervsudvikling langs den nye Letbane.",
    "Greater Copenhagen": "",
    "Copenhagen Capacity": "Også omtalt som COPCAP.",
    "DTU": "",
    "AAU": "",
    "Invest in Denmark": "",
    "Region Hovedstaden": "",
    "Copenhagen Healthtech Cluster": "Også skrevet Copenhagen Health Tech Cluster.",
    "Lighting Metropolis (LIME)": (
        "Albertslund Kommune er projektejer; samarbejde med 23 offentlige og private partnere i "
        "Danmark og Sverige."
    ),
    "DOLL": (
        "Konsortium og Nationalt Green Lab for energieffektiv belysning, organiseret som Living "
        "Lab under Gate 21."
    ),
    "Erhvervssammenslutningen": "",
    "Bo-Vest": "",
    "Professionshøjskolen Metropol": "",
    "Væksthus Hovedstaden": "",
    "Iværksætterhuset": "",
    "Start-up Boot camp": "",
    "Hovedstadens Rekrutteringsservice": "",
    "Erhvervsstyrelsen": "",
    "Esbjerg Kommune": "",
    "Frederikssund Kommune": "",
    "Innovationsfonden": "",
    "El-forsk": "",
    "Green Cities": "",
    "Freja Ejendomme": "",
    "Glostrup Kommune": "",
    "Kommunernes og regionernes EU-office": "",
    "ELCA (European Lighting Alliance Cluster)": "",
    "LUCI (Lighting Urban City International)": "",
    "Mind Your Own Business": "",
    "Dansk Lys Innovationsnetværk": "",
    "European Innovation Partnership on Active and Healthy Aging": "",
    "Cisco": "",
    "GE": "",
    "Zumtobel": "",
    "Luminex": "",
    "DONG": "",
    "@newmedia": "",
}

JOBCENTER = "Jobcenter Albertslund"


def a(title: str, *partners: str, unit: str = "", period: str = PERIOD, jobs: bool = False):
    """An activity as the document lists it; `jobs` also links it to the 2.000-jobs goal."""
    return {"title": title, "partners": partners, "unit": unit, "period": period, "jobs": jobs}


# (track, theme, description, focus areas, activities, explicit_split, strategy tracks)
THEMES = [
    (
        GREEN,
        "Lys og lysteknologi",
        "Med etableringen af konsortiet DOLL som et Nationalt Green Lab for energieffektiv "
        "belysning har Albertslund Kommune placeret sig centralt på det lys- og lysteknologiske "
        "område. DOLL er et udviklings- og testlaboratorium, der har stor opmærksomhed fra "
        "virksomheder, byer og forskningsinstitutioner i ind- og udland. DOLL er organiseret som "
        "et Living Lab under Gate 21, er evalueret og vi skal videreudvikle DOLL som et "
        "velfungerende, tværregionalt konsortium, hvor test og demonstration af lys- og "
        "lysteknologi og smart by teknologier er kerneaktiviteter. Albertslund Kommune er nu "
        "projektejer på Lightning Metropolis (LIME), hvor kommunen i samarbejde med 23 offentlige "
        "og private partnere i Danmark og Sverige skal etablere Greater Copenhagen som ét af de "
        "globale fyrtårne inden for belysning og smart by teknologier. Vi forventer, at Lightning "
        "Metropolis bliver den fælles organisation for lys og sensorteknologi i Greater "
        "Copenhagen. De kommende år gennemfører Lightning Metropolis demonstrationsprojekter for "
        "uden- og indendørsbelysning i samarbejde mellem byer, forskere og virksomheder. "
        "Indsatserne omfatter bl.a. matchmaking mellem virksomheder, iværksættermiljøer, "
        "forskning og uddannelsesaktiviteter på området.",
        [
            "Understøtte DOLLs videreudvikling til et internationalt innovationshub og økosystem "
            "for virksomheder, iværksættere og vidensinstitutioner",
            "Udvikle og deltage i test- og demonstrationsprojekter",
            "Understøtte iværksættere og inkubationsmiljøer på det lys- og sensorteknologiske "
            "område",
            "Afsøge nye innovative partnerskaber mellem kommuner og vidensinstitutioner",
            "Skabe sammenhæng mellem erhvervsudviklingen i Hersted Industripark og DOLL.",
        ],
        [
            a(
                "Region Hovedstadens fyrtårnsprojekt: Udvikling af fælles data-hub",
                "Region Hovedstaden",
            ),
            a(
                "DOLL, Copenhagen Capacity, Greater Copenhagen og Invest in Denmark: Samarbejde "
                "om at tiltrække udenlandske investeringer",
                "DOLL",
                "Copenhagen Capacity",
                "Greater Copenhagen",
                "Invest in Denmark",
                jobs=True,
            ),
            a("Vært og medvært ved delegationsbesøg i DOLL Visitor Centre", "DOLL"),
            a("Lighting Metropolis (LIME)", "Lighting Metropolis (LIME)"),
            a(
                "Partnerskabskontrakt om Smart Urban Lighting samarbejde med universiteter, "
                "virksomheder og kommuner/regioner."
            ),
        ],
        True,
        [GREEN],
    ),
    (
        GREEN,
        "Smart Urban Services (SUS) og Smart City",
        "Albertslund Kommune investerer som led i Living Lab for Smart Urban Services (SUS) i "
        "Hersted Industripark i udvikling, test og afprøvning af nye løsninger og dataopsamling "
        "indenfor en række af de kommunale kerneområder. Smart Urban Services (SUS) er en "
        "videreudvikling af DOLL. Her udvikles en struktur for telekommunikation, der muliggør "
        "test af kommunikationssystemer og sensornetværk anvendt til intelligent, digital "
        "infrastrukturer, produkter og løsninger i byen. På den måde udvikler vi fremtidens måder "
        "at overvåge og styre driften af eksempelvis veje, kloaker, vand, energiforsyning eller "
        "trafik.",
        [
            "Demonstrere Smart by-cases i Hersted Industripark f.eks. byrumsudstyr, førerløse "
            "biler, intelligent parkering og støjsvag asfalt.",
            "Opbygge økosystemer blandt virksomheder for Smart Urban Services (SUS)",
            "Kompetenceudvikling af kommunens medarbejdere og tværgående samarbejde vedr. den "
            "smarte by",
            "Albertslund Kommunens aktiviteter er kendte af berørte borgere, virksomheder og "
            "samarbejdspartnere",
        ],
        [
            a("Strategi for Smart City"),
            a("Udvikle Privacy manifest for Albertslund Kommune"),
            a(
                "Videreudvikling af Living Labs i Hersted Industripark indenfor f.eks. trafik, "
                "parkering og affald"
            ),
            a("CPH Smart City Lighthouse konference 2016", period="2016"),
            a("Projektudvikling: Datahåndtering i stor skala inden for den smarte by"),
        ],
        False,
        [GREEN],
    ),
    (
        GREEN,
        "Iværksætteri",
        "Albertslunds markante profil inden for lysteknologi og den smarte by skal udnyttes til at "
        "skabe nye virksomheder og beskæftigelse inden for grønt og kreativt iværksætteri. Vi "
        "arbejder med hele spektret fra at understøtte nye former for lærings- og "
        "innovationsforløb med unge og andre, der overvejer at starte virksomhed over rådgivning "
        "til iværksættere og etablerede virksomheder til at opsøge og indbyde nye virksomheder til "
        "samarbejde med kommunen.",
        [
            "Introducere børn og unge til innovation og entreprenørskab",
            "Før-iværksættere introduceres til livet som selvstændig",
            "Ledige skal kende til tilbuddet omkring vejledning i at starte egen virksomhed",
            "Vi indleder samarbejder med virksomheder indenfor sund vækst og velfærdsteknologi "
            "samt grønt og socialt iværksætteri",
            "Tiltrække iværksættere og talenter med interesse for lys, fotonik, lysteknolog og den "
            "smarte by",
        ],
        [
            a(
                "Smart Grøn innovationsplatform, styregruppe, Gate 21: Erfarne iværksættere "
                "hjælper nye, grønne iværksættere",
                "Gate 21",
            ),
            a(
                "Projektudvikling: Innovations- og iværksætterhus i Hersted Industripark som en "
                "del af Start-up Boot camp, hvor 10 20 særligt udvalgte internationale, nye "
                "virksomheder deltager.",
                "Start-up Boot camp",
                jobs=True,
            ),
            a("Åben skole: Produktudvikling og praktikforløb (innovation, lys og den smarte by)"),
            a(
                "Netværksmøder mellem skoler og virksomheder med henblik på længevarende "
                "samarbejder og virksomhedssponsorater"
            ),
            a(
                "Markedsføring af Hovedstadens Iværksætterprogram, Iværksætterhusets og Væksthus "
                "Hovedstadens kursus- og vejledningstilbud til iværksættere, ledige og "
                "virksomheder.",
                "Iværksætterhuset",
                "Væksthus Hovedstaden",
            ),
        ],
        False,
        [GREEN],
    ),
    (
        GREEN,
        "Grøn erhvervsudvikling",
        "Albertslund stiller ambitiøse mål for grøn omstilling og bæredygtig byudvikling. Gennem "
        "miljøforbedringer, klimatilpasning og energioptimering skaber vi grundlag borgernes liv i "
        "rene og grønne omgivelser, og vi samarbejder med virksomheder om grønne tiltag til gavn "
        "for erhvervsudviklingen i området. Vi udvikler nye måder at få mere natur og grønt liv "
        "ind i byen, og vil eksperimentere med lokal produktion af fødevarer. Vi understøtter grøn "
        "vækst og erhvervsudvikling med strategisk energiplanlægning, nye planer for kommunens og "
        "virksomhedernes miljøhåndtering, og opsøger nye samarbejder og partnerskaber for "
        "opnåelse af grønne mål.",
        [
            "Udvikle innovativt laboratorium for Smart Grid det intelligente energisystem",
            "Platform og virksomhedsklynge for udvikling af urban farming",
            "Indsatsplaner danner rammer for at drive grøn, bæredygtig virksomhed, herunder "
            "energiforbrug, håndtering af farligt affald, spildevand, grundvandsbeskyttelse m.m.",
            "Styrke og udvikle ambitiøse virksomhedssamarbejder om el og varme",
            "Opretholde høj faglig kvalitet i miljøsagsbehandling og miljøvejledning",
            "Fastholde god byggesagsbehandling og kortere sagsbehandlingstid på byggesager (40-60 "
            "dage afhængig af sagstype)",
        ],
        [
            a("Markedsføre Grøn initiativpris til virksomheder"),
            a("Urban Farming innovationsprojekt og ansøgning."),
            a(
                "Horizon 2020 bidrag vedr. lavenergi med lavtemperaturfjernvarme, lokal vedvarende "
                "energi m.m."
            ),
            a("Smart Grid laboratorium"),
            a("Indsatsplan for Grundvandsbeskyttelse, Vandforsyningsplan og Spildevandsplan"),
            a(
                "Nyt koncept for Energieffektive virksomheder i Albertslund (benchmark, "
                "afprøvning, "
                "energitjek og ambitiøse samarbejder)"
            ),
        ],
        False,
        [GREEN],
    ),
    (
        GREEN,
        "Mobilitet",
        "Grøn mobilitetsplanlægning bidrager til at reducere trængsel og udledning af CO 2. En "
        "effektiv og bæredygtig transport giver virksomhederne muligheder for at skabe jobs og "
        "fastholde medarbejdere i arbejde. Albertslund Kommunes infrastruktur med kort afstand til "
        "motorveje og lufthavn giver nem adgang til og fra virksomhederne, og medarbejderne kan "
        "benytte de mange cykelstier, der er karakteristisk for Albertslund. Den ny Letbane "
        "forbinder i 2023 Albertslund og særligt Hersted Industripark med bolig- og "
        "erhvervsområder i 10 kommuner fra Ishøj i syd til Lyngby-Taarbæk i nord. Når Letbanen "
        "står færdig bliver den kollektive trafik og pendlernes adgang til virksomhederne "
        "forbedret. Vi vil med fokus på mobilitet i en regional sammenhæng give pendlere kort "
        "rejsetid på tværs af transportformer. I et tæt samarbejde med Region Hovedstaden og "
        "kommunerne omkring Letbanen vil vi udvikle og tilbyde nye transportløsninger, og "
        "optimere samarbejdet om byplanlægning og byudvikling på tværs af kommunerne i Greater "
        "Copenhagen.",
        [
            "Udarbejde ansøgninger til EU/Horizon 2020",
            "Samarbejde med flere af kommunens store og mellemstore virksomheder om at udarbejde "
            "transportpolitikker",
            "Øge andelen af pendlere som benytter cykel eller kollektiv transport",
            "Information om bæredygtig transportvalg (mobilitetsnetværk, samarbejde, folder og "
            "hjemmeside)",
        ],
        [
            a(
                "Region Hovedstadens fyrtårnsprojekt: Grøn mobilitetsplanlægning",
                "Region Hovedstaden",
            ),
            a("Horizon 2020 bidrag vedr. mobilitet"),
            a(
                "LOOP City: Smart City-program, delprojekt Loop City Digital Infrastruktur",
                "LOOP City",
            ),
            a(
                "LOOP-City, nye projekter: Effektiv og grøn mobilitet, Cykelparkering på letbanens "
                "stationsforpladser)",
                "LOOP City",
            ),
            a(
                "LOOP-City, igangværende projekter: Bustilpasning langs Ring 3 under anlægsfasen, "
                "Koblingen til letbanen, Analyse af et sammenhængende letbane/brt-net i "
                "Storkøbenhavn, Taskforce cykelparkering",
                "LOOP City",
            ),
        ],
        False,
        [GREEN],
    ),
    (
        SKILLED,
        "Rekruttering og jobskabelse",
        "Albertslund er en del af det storkøbenhavnske arbejdsmarked, og der er en stor ind- og "
        "udpendling i kommunen. Det afspejles i den måde, virksomhederne rekrutterer medarbejdere "
        "og skaber nye job. Jobcenter Albertslund vil i samarbejde med virksomhederne arbejde med "
        "at rekruttere arbejdskraft og lave aftaler om målrettet opkvalificering til eksisterende "
        "eller nyansat arbejdskraft. Albertslund har mange ledige, der er langt fra "
        "arbejdsmarkedet. Kommunen samarbejder med virksomhederne om at skabe jobs, der kan "
        "varetages af mange typer medarbejdere.",
        [
            "Styrke rekrutteringen gennem systematisk og strategisk samarbejde med lokale og "
            "regionale virksomheder samt de øvrige jobcentre på Sjælland",
            "Opkvalificering af ledige og eksisterende arbejdskraft",
            "Fokus på match mellem arbejdsløse og virksomheder",
            "Virksomhedskonsulenterne fra Jobcenteret har en proaktiv og systematisk "
            "virksomhedskontakt",
            "Virksomhedskonsulenter fra Jobcentret kontakter alle virksomheder med mere end 2 "
            "ansatte og synliggør Jobcentrets tilbud",
            "Tilbud om konkrete kandidater til ordinære job senest efter 72 timer efter, "
            "virksomhederne henvender sig.",
        ],
        [
            a("Deltage i National kampagne: Tema om virksomhedsplacering af flygtninge", jobs=True),
            a(
                "Jobcentrets strategiske virksomhedsservice (kampagner, nyhedsbreve, "
                "tværkommunalt samarbejde)",
                unit=JOBCENTER,
                jobs=True,
            ),
            a(
                "Jobcentrets målrettede virksomhedsaktivering, herunder fokus på voksenlærlinge og "
                "jobrotation (partnerskabsaftaler)",
                unit=JOBCENTER,
                jobs=True,
            ),
            a(
                "Region Hovedstadens fyrtårnsprojekt: Efterspørgselsstyret efteruddannelse af "
                "voksne",
                "Region Hovedstaden",
                jobs=True,
            ),
            a(
                "Hovedstadens Rekrutteringsservice: Rekruttering af arbejdskraft til større bygge- "
                "og anlægsprojekter på regionalt niveau.",
                "Hovedstadens Rekrutteringsservice",
                jobs=True,
            ),
            a(
                "Partnerskabsaftaler med virksomheder (rekruttering og fastholdelse, jobrotation, "
                "socialt ansvar)",
                jobs=True,
            ),
            a(
                "Jobcentrets indsats for alle nye ledige under 40 år (undersøgelse, screening, "
                "undervisning, kompetencevurdering, vejledning), herunder virksomhedskontakt om "
                "voksenlærlinge",
                unit=JOBCENTER,
                jobs=True,
            ),
        ],
        False,
        [SKILLED],
    ),
    (
        SKILLED,
        "Unges erhvervsuddannelse",
        "Virksomhederne i Albertslund har brug for kompetent og kvalificeret arbejdskraft og "
        "efterspørger en indsats for at styrke unges og lediges interesse for de erhvervsfaglige "
        "jobs. Albertslund Kommune prioriterer samarbejdet med virksomhederne højt, og bygger bro "
        "mellem virksomheder og skoler, matcher ledige med virksomhederne og bidrager med "
        "opkvalificering af den eksisterende arbejdskraft. Unges uddannelse indarbejdes i "
        "kommunens strategiske projekter med grøn omstilling, intelligent belysning og innovative "
        "partnerskaber, og løftes i samarbejde med kommuner og regioner i fælles regionale "
        "indsatser.",
        [
            "Sikre at unge opnår en erhvervskompetencegivende uddannelse",
            "Øge erhvervsuddannelsernes status og styrke unges viden om erhvervsuddannelser",
            "Flere unge tager en erhvervsuddannelse",
            "Uddannelse og kompetenceudvikling indgår i vækst- og udviklingsplaner og projekter, "
            "særligt kompetencer indenfor lys, lysteknologi og digitalisering.",
        ],
        [
            a("Samarbejde med Bo-Vest om praktikpladser og rekruttering af lokale unge", "Bo-Vest"),
            a("Visitation, screening, vejledning, aktivering i Ungeenheden", unit="Ungeenheden"),
            a("Samarbejde mellem skoler og erhvervsuddannelser"),
            a(
                "Ungestrategiens fokus på at unge efter afsluttet grundforløb forbliver i kontakt "
                "med erhvervsskolen, så de evt. kan starte i skolepraktik"
            ),
            a(
                "Region Hovedstadens fyrtårnsprojekt: Kvalitetsløft af erhvervsuddannelserne",
                "Region Hovedstaden",
            ),
            a(
                "Ungehuset og det boligsociale arbejde: Fritidsjobambassadør i Hedemarken.",
                unit="Ungehuset",
            ),
        ],
        False,
        [SKILLED],
    ),
    (
        SKILLED,
        "Virksomheders sociale engagement",
        "Virksomhederne i Albertslund er en del af det lokalsamfund Albertslund udgør. Vi vil "
        "opfordre og hjælpe virksomhederne med at danne relationer til lokale borgere, til "
        "iværksættere og til mulig kommende arbejdskraft fra lokalområdet. Virksomhedernes "
        "rummelighed og samarbejdsrelationer vil således være til gavn for både virksomheden og "
        "lokalsamfundet. Virksomhedernes sociale engagement omfatter mangfoldighed, innovation og "
        "kan gavne forretningsudviklingen.",
        [
            "Skabe rummelige arbejdspladser",
            "Sikre, at elever forstår virksomhedernes funktion og hverdagen på en arbejdsplads",
            "Opbygge rammer for socialøkonomiske virksomheder",
        ],
        [
            a(
                "Mentor mellem virksomheder og iværksættere og kontakt til lokalsamfund (Mind Your "
                "Own Business, Boligsocial helhedsplan)",
                "Mind Your Own Business",
            ),
            a(
                "Åben skole - virksomhedsbesøg, samarbejdsprojekter omkring f.eks. DOLL og fokus "
                "på håndværksfag",
                "DOLL",
            ),
            a("Albertslund Kommunes virksomhedspris til socialt ansvarlig virksomhed"),
            a(
                "Netværk for socialøkonomiske iværksættere (iværksættervejledning, mentorer fra "
                "virksomheder, understøtte etablering af socialøkonomiske virksomheder"
            ),
            a("Målrette indkøb, der understøtter socialøkonomiske virksomheder."),
        ],
        True,
        [SKILLED],
    ),
    (
        WELFARE,
        "Sundt lys og sensorteknologi",
        "Arbejdet med lys i sundhedssektoren er endnu i en pionerfase, hvor der i høj grad mangler "
        "konkret viden og forskning om, hvad der virker. Ved at etablere samarbejder med "
        "virksomheder og andre samarbejdspartnere om test af lys i kommunens sundhedsarbejde "
        "sikrer vi Albertslund en værdifuld position som foregangskommune og øger samtidigt ældre "
        "borgeres trivsel og sundhed. Albertslund etablerer samarbejdet med nye virksomheder og "
        "som del af partnerkredsen omkring DOLL. Både nationalt og internationalt er det i høj "
        "grad de samme virksomheder, som beskæftiger sig med Smart by relaterede aktiviteter og "
        "for eksempel sundt lys.",
        [
            "Etablere en platform for fremtidige indsatser på området Sundt lys og sensorteknologi",
        ],
        [
            a(
                "Gennemføre EL-forsk støttet projekt i Sundhedshus og Plejecenter samt private "
                "boliger.",
                "El-forsk",
            ),
            a(
                "Etablere Albertslund som test bed for Sundt lys som led i Region Hovedstadens "
                "regionale vækstog udviklingsstrategi sammen med Copenhagen Healthtech Cluster.",
                "Region Hovedstaden",
                "Copenhagen Healthtech Cluster",
            ),
        ],
        False,
        [WELFARE],
    ),
    (
        WELFARE,
        "Velfærds- og sundhedsteknologi",
        "På sundheds- og ældreområdet stiller Albertslund Kommune Sundhedshuset og Plejecenteret "
        "til rådighed som Living lab for afprøvning og udvikling af nye velfærdsteknologiske "
        "løsninger, med baggrund i erfaringer og eksisterende samarbejdsflader, som Albertslund "
        "allerede har omkring DOLL, Gate 21 og Dansk Lys Innovationsnetværk. Dog med en bredere "
        "tilgang til velfærdsteknologiske løsninger, med blik for de mange nye muligheder, der "
        "ligger i at kombinere sundhed og teknologi. Vi vil have et særligt fokus på digital "
        "understøttet genoptræning af ældre med både sundhedsfaglige og økonomiske gevinster for "
        "øje. Gennem deltagelse i europæiske samarbejder styrker vi mulighederne for "
        "internationalt samarbejde på sundhedsområdet.",
        [
            "Udvikle platform og strategi for innovation af velfærdsteknologiske løsninger",
            "At udvikle løsninger til den digitale genoptræning og hjemmepleje som understøtter "
            "innovations- og teknologimiljøet i Albertslund",
            "Deltagelse i European Innovation Partnership on Active and Healthy Aging for at "
            "tiltrække samarbejdspartnere og udviklingsmuligheder.",
            "Tiltrække veluddannede medarbejdere til sundheds- og omsorgsområdet",
        ],
        [
            a(
                "Innovationspartnerskab mellem Erhvervsstyrelsen, Esbjerg og Frederikssund "
                "kommuner og en række virksomheder (test og løsninger vedr. dehydrering, "
                "urinvejsinfektioner og faldulykker)",
                "Erhvervsstyrelsen",
                "Esbjerg Kommune",
                "Frederikssund Kommune",
            ),
            a(
                "Udvikle projekt om digitalt understøttet genoptræning som led i Region "
                "Hovedstadens regionale vækst- og udviklingsstrategi sammen med Copenhagen Health "
                "Tech Cluster",
                "Region Hovedstaden",
                "Copenhagen Healthtech Cluster",
            ),
            a(
                "Udvikle testmiljø for Sundt lys og sansebaserede løsninger som led i projekt "
                "under "
                "EUs Regionalfond sammen med Copenhagen Healthtech Cluster",
                "Copenhagen Healthtech Cluster",
            ),
            a(
                "Udvikle fremtidens sundhedspersonale sammen med professionshøjskolen Metropol.",
                "Professionshøjskolen Metropol",
            ),
        ],
        False,
        [WELFARE],
    ),
    (
        CROSS,
        "Erhvervsdialog",
        "Albertslund Kommune har ambitiøse mål omkring grøn omstilling, vækst, arbejdspladser "
        "m.m. Udviklingen skabes i en tæt dialog og samarbejde med erhvervslivet både lokalt og "
        "internationalt. Desuden driver vi En Indgang til kommunen og Task Force for "
        "virksomheder.",
        [
            "Synlig og målrettet dialog med virksomheder",
            "Fastholde og udvikle god erhvervsservice",
            "Øge borgernes og de regionale samarbejdspartneres opmærksomhed om Albertslund "
            "Kommunes erhvervsaktiviteter",
            "Øge virksomhedernes kendskab til Albertslund Kommunes erhvervstilbud.",
            "Øget internationalt kendskab til Albertslunds styrkepositioner",
        ],
        [
            a(
                "Greater Copenhagen er en del af vores kommunikationer i videst muligt omfang",
                "Greater Copenhagen",
            ),
            a(
                "Omtale af samtlige væsentlige begivenheder i Albertslund Posten, Miljøavisen og "
                "de sociale medier"
            ),
            a("Strategisk Erhvervsforum: Dialog med virksomheder i Albertslund Kommune"),
            a("Borgmesterbesøg: Direkte dialog med enkeltvirksomheder"),
            a(
                "Netværk, videndeling og temamøder for kommunale medarbejdere, der har "
                "virksomhedskontakt"
            ),
            a("Vært og medvært ved danske og udenlandske delegationsbesøg"),
            a(
                "Produktion og distribution af foldere og tekster på hjemmesider, bl.a. Greater "
                "Copenhagen, Lighting Metropolis (LIME), Smart Urban Services (SUS), LOOP City, "
                "informations- og velkomstpakke til virksomheder.",
                "Greater Copenhagen",
                "Lighting Metropolis (LIME)",
                "LOOP City",
            ),
            a(
                "Udbygning af dansk og engelsksproget hjemmeside (LOOP City, iværksætter- og "
                "vækstrådgivningstilbud, rekruttering og fastholdelse, energirådgivning m.m.)",
                "LOOP City",
            ),
            a(
                "Pressekontakt, artikler og web-tekster til Albertslundposten og relevante "
                "nationale og internationale medier."
            ),
            a("Kommunikationsmateriale til virksomhedsbesøg, konferencer, delegationsbesøg m.m."),
            a("Informationsmøder om udbud og indkøb"),
            a("Tværgående vejledning og samarbejder om miljø, byggeri og Jobcenterets tilbud"),
            a(
                "Vi bruger vores samarbejde med Erhvervssammenslutningen til at rekruttere "
                "virksomheder til kommunens projekter",
                "Erhvervssammenslutningen",
            ),
        ],
        False,
        ["Erhvervsservice", "Branding og profilering"],
    ),
    (
        CROSS,
        "Regionalt samarbejde og internationalisering",
        "Albertslund Kommune vil omstille globale trends til lokale handlinger og skabe "
        "arbejdspladser gennem projekter og internationalt fællesskab. Albertslund går derfor "
        "aktivt ind i og er medskaber af strategisk samarbejde og netværk både lokalt, regionalt, "
        "nationalt og internationalt.",
        [
            "Bidrage til fælles kommunalt og regionalt fodslag og klare prioriteringer",
            "Tiltrække og skabe grundlag for nødvendige investeringer",
            "Udvikle og implementere demonstrationsprojekter",
            "Demonstrere et synligt internationalt engagement",
        ],
        [
            a(
                "Region Hovedstadens fyrtårnsprojekter: Vi deltager i opstart af nye indsatser "
                "(Effektiv og bæredygtig mobilitet, Kompetent arbejdskraft og "
                "internationalisering, "
                "Sund vækst og Smart vækst)",
                "Region Hovedstaden",
            ),
            a(
                "LOOP-City: Albertslund deltager i programstyregruppe og opstart af nye og "
                "implementering af igangværende projekter",
                "LOOP City",
            ),
            a(
                "Sammen med Kommunernes og regionernes EU-office deltager vi i kommunalt/regionalt "
                "netværk, og samarbejder om projektansøgninger til bl.a. Horizon 2020 og intern "
                "organisering af arbejdet",
                "Kommunernes og regionernes EU-office",
            ),
            a(
                "Greater Copenhagen, deltager i netværk, branding (Investorportal, branding og "
                "delegationsbesøg) og markedsføring (Albertslunds hjemmesider, indlæg på møder, "
                "konferencer, m.m.)",
                "Greater Copenhagen",
            ),
            a(
                "Lighting Metropolis (LIME): Vi har formandskabet i styregruppen og deltager i "
                "projektgrupper",
                "Lighting Metropolis (LIME)",
            ),
            a(
                "Smart Urban Services (SUS) og DOLL (understøtte Nationalt Green Lab): "
                "kontaktpunkt, projektledelse (demonstration og test i 7 projekter), "
                "markedsføring, opfølgning på evaluering af DOLL m.m.",
                "DOLL",
            ),
            a(
                "Internationale netværk: ELCA (European Lighting Alliance Cluster), LUCI (Lighting "
                "Urban City International)",
                "ELCA (European Lighting Alliance Cluster)",
                "LUCI (Lighting Urban City International)",
            ),
            a(
                "Partnerskaber med internationale virksomheder: Invest in Denmark, Greater "
                "Copenhagens investorportal, COPCAP og virksomheder (Cisco, GE, Zumtobel, Luminex, "
                "DONG, @newmedia, m.fl.)",
                "Invest in Denmark",
                "Greater Copenhagen",
                "Copenhagen Capacity",
                "Cisco",
                "GE",
                "Zumtobel",
                "Luminex",
                "DONG",
                "@newmedia",
                jobs=True,
            ),
        ],
        False,
        ["Samarbejde & internationalisering"],
    ),
    (
        CROSS,
        "Erhvervsområder og Albertslund Midtby",
        "Erhvervsudviklingen i Albertslund tager udgangspunkt i tre erhvervsområder, samt "
        "Midtbyen, der står overfor en omdannelsesproces med Sundhedshuset, Plejecenter "
        "Albertshøj og udviklingen af Fængslet. Letbanen i Hersted Industripark får en afgørende "
        "betydning for områdets attraktivitet, og skal være en væsentlig drivkraft i udviklingen "
        "af Hersted Industripark. Ligeledes får samarbejdet med vores nabokommuner en stadigt "
        "større betydning i den langsigtede udvikling af Albertslund.",
        [
            "Profilere Hersted Industripark som kraftcenter og læringsmiljø inden for lys og "
            "digitale løsninger",
            "Understøtte erhvervsudviklingen i Midtbyen, Røde Vejrmølle og Værkstedsgården.",
        ],
        [
            a(
                "Dialog med Glostrup Kommune og virksomheder i Hersted Industripark om adgang til "
                "Letbane",
                "Glostrup Kommune",
            ),
            a(
                "Udarbejde to temakommuneplaner: For de tre industriområder, Hersted "
                "Industripark, Værkstedsgården og Røde Vejrmølle, samt til Midtbyen."
            ),
            a(
                "Strategi for at gøre Hersted Industripark til et stærkt kraftcenter inden for lys "
                "og den smarte by."
            ),
            a("Dialog med grundejerforeninger (Hersted Industripark m.fl.)"),
            a(
                "Dialog med Freja Ejendomme og lokale aktører omkring udvikling af "
                "Fængselsområdet.",
                "Freja Ejendomme",
            ),
            a("Udvikle platform og fysiske steder for Urban Farming"),
        ],
        False,
        [GREEN, "Branding og profilering"],
    ),
    (
        CROSS,
        "Innovation, fundraising og projekter",
        "Albertslund bruger byen som laboratorium og lægger by til, når fremtidens løsninger skal "
        "skabes. I samarbejde med virksomhedere, borgere og institutioner, regionale og "
        "internationale samarbejdspartnere omsætter og udvikler vi ny viden til nye produkter, "
        "services og processer, som skaber værdi for virksomhederne og for kommunen. Byens "
        "fysiske indretning, infrastrukturen, boliger, pladser og institutioner og byens borgere "
        "og medarbejderne i virksomhederne inddrages.",
        [
            "Udbygge relationer gennem netværk og samarbejde med danske og internationale "
            "organisationer og virksomheder",
            "Innovation gennem projektdeltagelse, fælles ansøgninger og dialog med borgere, "
            "private "
            "virksomheder, offentlige aktører og projektorganisationer",
            "Tiltrække nødvendige investeringer i relation til sundheds- og velfærdsteknologi, den "
            "smarte by, lys- og sensorteknologi, urban farming og grøn omstilling.",
        ],
        [
            a(
                "Deltage i netværk, projektsamarbejde og udviklingssamarbejde med bl.a. Gate21, EU "
                "s strukturfonde, Interreg., Erhvervsstyrelsen, Innovationsfonden, Invest in "
                "Denmark, El-forsk, Green Cities samt kommuner og regioner i Greater Copenhagen",
                "Gate 21",
                "Erhvervsstyrelsen",
                "Innovationsfonden",
                "Invest in Denmark",
                "El-forsk",
                "Green Cities",
                "Greater Copenhagen",
            ),
            a(
                "Undersøge og udvikle forretningsmodeller for udviklingsprojekter (iværksætterhus, "
                "urban farming i Hedemarken m.fl.)."
            ),
            a(
                "Udbygge samarbejdet med DTU, AAU og virksomheder om udviklingen af lys- og "
                "sensorteknologi samt urban farming",
                "DTU",
                "AAU",
            ),
        ],
        False,
        ["Innovation"],
    ),
]

SERVICE_PROMISES = [
    (
        "Rekruttering og jobskabelse",
        "Tilbud om konkrete kandidater til ordinære job senest efter 72 timer efter, "
        "virksomhederne henvender sig.",
        "72 timer",
    ),
    (
        "Grøn erhvervsudvikling",
        "Fastholde god byggesagsbehandling og kortere sagsbehandlingstid på byggesager (40-60 dage "
        "afhængig af sagstype)",
        "40-60 dage",
    ),
]


# Illustrative progress (not from the document); the status updates below say so.
PROGRESS = {
    "CPH Smart City Lighthouse konference 2016": progress(ActivityStatus.DONE),
    "Strategi for Smart City": progress(ActivityStatus.DONE),
    "Lighting Metropolis (LIME)": progress(ActivityStatus.IN_PROGRESS, "1500000", "620000", "900"),
    "Smart Grid laboratorium": progress(ActivityStatus.IN_PROGRESS, "800000", "350000", "300"),
    "Urban Farming innovationsprojekt og ansøgning.": progress(
        ActivityStatus.POSTPONED, "200000", "15000"
    ),
    "Projektudvikling: Innovations- og iværksætterhus…": progress(ActivityStatus.DROPPED),
    "Jobcentrets indsats for alle nye ledige under 40 år…": progress(
        ActivityStatus.IN_PROGRESS, hours="1200"
    ),
    "Strategisk Erhvervsforum: Dialog med virksomheder i Albertslund Kommune": progress(
        ActivityStatus.IN_PROGRESS
    ),
}


def _key(title: str) -> str:
    return " ".join(title.casefold().replace("&", "og").split())


def _strategy_goals(strategy: Plan, stdout=None):
    """The strategy's goals by normalised track title, and its overall 2.000-jobs goal."""
    by_track: dict[str, list[Goal]] = {}
    for goal in strategy.goals.select_related("track").filter(track__isnull=False):
        by_track.setdefault(_key(goal.track.title), []).append(goal)
    overall = (
        strategy.goals.filter(parent__isnull=True)
        .filter(Q(title__contains="2.000") | Q(target_value=2000))
        .order_by("order", "pk")
        .first()
    )
    if overall is None and stdout is not None:
        stdout.write("Advarsel: strategiens mål om 2.000 arbejdspladser blev ikke fundet.\n")
    return by_track, overall


def load(stdout=None) -> dict:
    municipality = require(Municipality.objects.filter(code="165"), "Albertslund Kommune (165)")
    strategy = require(
        Plan.objects.filter(municipality=municipality, title=STRATEGY_TITLE),
        f"Planen '{STRATEGY_TITLE}'",
    )
    owner = demo_user("medarbejder", stdout)
    goals_by_track, overall_goal = _strategy_goals(strategy, stdout)

    plan, _ = upsert(
        Plan,
        {"municipality": municipality, "title": PLAN_TITLE},
        {
            "kind": PlanKind.ACTION_PLAN,
            "status": PlanStatus.ADOPTED,
            "period_start": 2016,
            "period_end": 2017,
            "adopted_on": None,
            "implements": strategy,
            "summary": SUMMARY,
            "internal_note": INTERNAL_NOTE,
        },
    )
    attach_source(plan, SOURCES / SOURCE_FILE)
    upsert(
        PlanSteering,
        {"plan": plan},
        {
            "administration": "Sekretariat for Vækst & Regional Udvikling",
            "reporting_cycle": ReportingCycle.QUARTERLY,
            "evaluation_note": EVALUATION_NOTE,
        },
    )

    tracks = {}
    for order, (title, kind, summary) in enumerate(TRACKS, start=1):
        tracks[title], _ = upsert(
            Track,
            {"plan": plan, "title": title},
            {"kind": kind, "summary": summary, "order": order},
        )
    partners = {name: partner(municipality, name, text) for name, text in PARTNERS.items()}

    themes, activities, used = {}, {}, []
    goal_order = activity_order = 0
    missing_tracks = set()
    for theme_order, row in enumerate(THEMES, start=1):
        track_title, title, description, focus_areas, items, _explicit, strategy_tracks = row
        track = tracks[track_title]
        theme, _ = upsert(
            Theme,
            {"plan": plan, "title": title},
            {"track": track, "description": description, "order": theme_order},
        )
        themes[title] = theme
        for focus in focus_areas:
            goal_order += 1
            upsert(
                Goal,
                {"plan": plan, "title": focus},
                {
                    "track": track,
                    "theme": theme,
                    "kind": GoalKind.QUALITATIVE,
                    "order": goal_order,
                    "owner": owner,
                },
            )
        served = []
        for name in strategy_tracks:
            found = goals_by_track.get(_key(name))
            if found:
                served.extend(found)
            else:
                missing_tracks.add(name)
        for item in items:
            activity_order += 1
            obj = activity(
                plan,
                order=activity_order,
                title=item["title"],
                period_text=item["period"],
                themes=[theme],
                is_central=True,
                owner=owner,
                responsible_unit=item["unit"],
                **progress_of(PROGRESS, item["title"], used),
            )
            goals = served + ([overall_goal] if item["jobs"] and overall_goal else [])
            set_m2m(obj, "goals", goals)
            set_m2m(obj, "partners", [partners[name] for name in item["partners"]])
            activities[item["title"]] = obj
    if missing_tracks and stdout is not None:
        stdout.write(
            "Advarsel: strategien har ingen mål i sporene "
            + ", ".join(sorted(missing_tracks))
            + "\n"
        )

    for theme_title, text, response_time in SERVICE_PROMISES:
        upsert(
            ServicePromise,
            {"plan": plan, "text": text},
            {"theme": themes[theme_title], "response_time": response_time},
        )

    check_all_used(PROGRESS, used)
    _illustrate(activities, owner)
    return {
        "plan": plan,
        "tracks": plan.tracks.count(),
        "themes": plan.themes.count(),
        "goals": plan.goals.count(),
        "activities": plan.activities.count(),
        "partners": len(partners),
    }


def _find(activities: dict, start: str):
    if start in activities:
        return activities[start]
    matches = [obj for title, obj in activities.items() if title.startswith(start)]
    assert len(matches) == 1, start
    return matches[0]


def _illustrate(activities: dict, author) -> None:
    """Illustrative progress: every status and traffic light, money, hours and milestones."""
    conference = _find(activities, "CPH Smart City Lighthouse konference 2016")
    milestone(conference, "Konferencen afholdt", date(2016, 10, 31), date(2016, 10, 4))
    status_update(
        conference,
        date(2016, 10, 31),
        TrafficLight.GREEN,
        "Illustrativ: Konferencen er gennemført. Milepælens datoer er illustrative.",
        author,
    )

    smart_city = _find(activities, "Strategi for Smart City")
    status_update(
        smart_city,
        date(2016, 12, 15),
        TrafficLight.GREEN,
        "Illustrativ: Strategien er udarbejdet og sendt til politisk behandling.",
        author,
    )

    lime = _find(activities, "Lighting Metropolis (LIME)")
    milestone(lime, "Partnerkreds og styregruppe på plads", date(2016, 3, 31), date(2016, 3, 15))
    milestone(lime, "Første demonstrationsprojekter i drift", date(2017, 6, 30))
    status_update(
        lime,
        date(2016, 12, 15),
        TrafficLight.GREEN,
        "Illustrativ: Projektet kører efter planen. Budget, forbrug, timer og milepæle er "
        "illustrative; dokumentet angiver ingen beløb.",
        author,
    )

    smart_grid = _find(activities, "Smart Grid laboratorium")
    status_update(
        smart_grid,
        date(2017, 3, 31),
        TrafficLight.YELLOW,
        "Illustrativ: Forsinket, fordi partnernes medfinansiering endnu ikke er på plads. Budget, "
        "forbrug og timer er illustrative.",
        author,
    )

    urban_farming = _find(activities, "Urban Farming innovationsprojekt og ansøgning.")
    status_update(
        urban_farming,
        date(2017, 3, 31),
        TrafficLight.RED,
        "Illustrativ: Ansøgningen er udskudt til næste ansøgningsrunde og kræver en beslutning om "
        "kommunal medfinansiering. Budget og forbrug er illustrative.",
        author,
    )

    startup_house = _find(activities, "Projektudvikling: Innovations- og iværksætterhus")
    status_update(
        startup_house,
        date(2016, 11, 30),
        TrafficLight.RED,
        "Illustrativ: Opgivet i denne form, da der ikke kunne findes en operatør til huset; "
        "forretningsmodellen undersøges videre under 'Innovation, fundraising og projekter'.",
        author,
    )

    young_unemployed = _find(activities, "Jobcentrets indsats for alle nye ledige under 40 år")
    status_update(
        young_unemployed,
        date(2017, 3, 31),
        TrafficLight.GREEN,
        "Illustrativ: Alle nye ledige under 40 år er indkaldt til screening. Timetallet er "
        "illustrativt.",
        author,
    )

    forum = _find(activities, "Strategisk Erhvervsforum")
    status_update(
        forum,
        date(2016, 9, 30),
        TrafficLight.GREEN,
        "Illustrativ: Forummets møder afholdes som planlagt.",
        author,
    )
