"""The words the generator builds its plans from: tracks, themes, indicators, activities.

Plain data in the style of the seed documents (Albertslund's strategy and action plan, Ballerup's
timetable), so that generated pages read like a municipality's business policy.
"""

from __future__ import annotations

from dataclasses import dataclass

# (title, is_strategic, themes)
TRACKS = (
    ("Grøn vækst", True, ("Energi og klima", "Cirkulær økonomi", "Grønne erhvervsområder")),
    (
        "Kvalificeret arbejdskraft",
        True,
        ("Rekruttering og jobskabelse", "Uddannelse og opkvalificering", "Praktik og lærepladser"),
    ),
    (
        "Vækst gennem velfærd",
        True,
        ("Sundhed og velfærdsteknologi", "Socialøkonomiske virksomheder"),
    ),
    ("Turisme og oplevelser", True, ("Overnatninger", "Events og kultur", "Detailhandel")),
    ("Iværksætteri", True, ("Iværksætterrådgivning", "Vækstvirksomheder", "Inkubatormiljøer")),
    ("Digitalisering", True, ("Smart City", "Digitale kompetencer")),
    ("Fødevarer og landbrug", True, ("Fødevareproduktion", "Landdistrikter")),
    ("Erhvervsservice", False, ("Én indgang", "Byggesager", "Virksomhedsbesøg", "Grøn service")),
    ("Innovation", False, ("Offentlig-privat samarbejde", "Test og demonstration")),
    (
        "Samarbejde & internationalisering",
        False,
        ("Regionalt samarbejde", "Eksport", "Udenlandske investeringer"),
    ),
    ("Branding og profilering", False, ("Erhvervskommunikation", "Bosætning")),
)

SECTORS = (
    "grøn teknologi",
    "uddannelse og forskning",
    "sundhed, omsorg og pleje",
    "socialøkonomiske virksomheder",
    "turisme",
    "detailhandel",
    "fødevarer",
    "byggeri og anlæg",
    "transport og logistik",
    "it og digitalisering",
    "life science",
    "det maritime erhverv",
)


@dataclass(frozen=True)
class Indicator:
    """A quantified goal's indicator: what is counted, and the range of plausible figures.

    `low`/`high` bound the baseline; `change` is the relative change the target asks for
    (negative for an indicator where lower is better); `yearly` indicators are counted per year
    ("at least 50 a year"), so their target is a yearly figure and the baseline is left out.
    """

    title: str
    metric: str
    unit: str
    low: float
    high: float
    change: float
    yearly: bool = False
    decimals: int = 0
    source: str = "Kommunens egen opgørelse"


INDICATORS = (
    Indicator(
        "Flere beskæftigede med arbejdssted i kommunen",
        "Beskæftigede med arbejdssted i kommunen",
        "beskæftigede",
        4_000,
        60_000,
        0.08,
        source="Danmarks Statistik, RAS",
    ),
    Indicator(
        "En placering blandt de bedste i DI's måling af erhvervsvenlige kommuner",
        "Placering i DI's måling af erhvervsvenlige kommuner",
        "plads",
        20,
        90,
        -0.55,
        source="Dansk Industri, Lokal Erhvervsvenlighed",
    ),
    Indicator(
        "Flere iværksættere gennem kommunens rådgivning",
        "Iværksættere vejledt om året",
        "iværksættere",
        30,
        150,
        0.0,
        yearly=True,
    ),
    Indicator(
        "Flere nye virksomheder",
        "Nystartede virksomheder om året",
        "virksomheder",
        40,
        600,
        0.0,
        yearly=True,
        source="Danmarks Statistik, Nye virksomheder",
    ),
    Indicator(
        "Flere abonnenter på erhvervsnyhedsbrevet",
        "Abonnenter på erhvervsnyhedsbrevet",
        "abonnenter",
        150,
        2_500,
        0.6,
    ),
    Indicator(
        "Kortere sagsbehandlingstid for erhvervsbyggesager",
        "Gennemsnitlig sagsbehandlingstid for erhvervsbyggesager",
        "dage",
        45,
        140,
        -0.4,
    ),
    Indicator(
        "Lavere ledighed",
        "Registreret ledighed",
        "%",
        2.5,
        7.5,
        -0.25,
        decimals=1,
        source="Danmarks Statistik, AUS08",
    ),
    Indicator(
        "Flere virksomhedsbesøg",
        "Virksomhedsbesøg om året",
        "besøg",
        40,
        400,
        0.0,
        yearly=True,
    ),
    Indicator(
        "Større tilfredshed med erhvervsservicen",
        "Virksomheder, der er tilfredse med erhvervsservicen",
        "%",
        55,
        80,
        0.15,
        decimals=1,
    ),
    Indicator(
        "Energibesparelser i virksomhederne",
        "Dokumenterede energibesparelser i virksomheder",
        "MWh",
        500,
        9_000,
        0.5,
    ),
    Indicator(
        "Flere elever i praktik i lokale virksomheder",
        "Elever i praktik i lokale virksomheder",
        "elever",
        30,
        900,
        0.3,
    ),
    Indicator(
        "Flere besøgende på erhvervshjemmesiden",
        "Besøgende på erhvervshjemmesiden",
        "besøgende",
        3_000,
        40_000,
        0.5,
    ),
    Indicator(
        "Henvendelser besvaret inden for servicemålet",
        "Henvendelser besvaret inden for servicemålet",
        "%",
        60,
        88,
        0.12,
        decimals=1,
    ),
    Indicator(
        "Flere overnatninger",
        "Overnatninger på hoteller, feriecentre og campingpladser",
        "overnatninger",
        20_000,
        900_000,
        0.2,
        source="Danmarks Statistik, TURIST",
    ),
    Indicator(
        "Flere eksporterende virksomheder",
        "Eksporterende virksomheder",
        "virksomheder",
        20,
        700,
        0.15,
    ),
    Indicator(
        "Flere erhvervsarrangementer",
        "Erhvervsrelaterede netværks-, dialog- og informationsmøder om året",
        "arrangementer",
        6,
        40,
        0.0,
        yearly=True,
    ),
    Indicator(
        "Lavere CO2-udledning fra erhvervslivet",
        "CO2-udledning fra erhvervslivet",
        "ton",
        20_000,
        600_000,
        -0.35,
        source="Energistyrelsen, Energi- og CO2-regnskab",
    ),
)

QUALITATIVE = (
    "At styrke samarbejdet mellem virksomheder og uddannelsesinstitutioner",
    "At fremme udviklings- og iværksættermiljøer inden for {sector}",
    "At understøtte innovationsevnen hos virksomheder i kommunen",
    "At skabe optimale rammer for bæredygtig udvikling og vækst i virksomhederne",
    "At virksomhederne oplever én indgang til kommunen",
    "At styrke den erhvervsrettede kommunikation",
    "At udbygge de strategiske partnerskaber med regionale erhvervsfremmeaktører",
    "At tiltrække og fastholde kvalificeret arbejdskraft inden for {sector}",
    "At fremme offentlig-privat samarbejde om løsninger inden for {sector}",
    "At profilere kommunen som et godt sted at drive virksomhed",
    "At understøtte virksomhedernes grønne omstilling",
    "At sikre en koordineret og proaktiv erhvervsdialog",
)

MILESTONES = (
    "En erhvervsrettet hjemmeside er etableret",
    "Ét fælles erhvervskontaktpunkt er etableret",
    "Et erhvervsråd med lokale virksomheder er nedsat",
    "Et iværksætterhus er åbnet",
    "En strategi for Smart City er vedtaget",
    "Et klimapartnerskab med lokale virksomheder er indgået",
    "En ny uddannelsesretning er etableret i kommunen",
    "En kommunal innovationsplatform på velfærdsområdet er etableret",
    "En udviklingsplan for erhvervsområdet er vedtaget",
    "En fælles rekrutteringsservice er etableret",
)

ACTIVITY_FORMS = (
    "Netværksmøder for virksomheder inden for {sector}",
    "Kampagne: {theme}",
    "Analyse af {theme_lower}",
    "Pilotprojekt om {sector}",
    "Virksomhedsbesøg i erhvervsområderne",
    "Konference om {theme_lower}",
    "Rådgivningsforløb for virksomheder inden for {sector}",
    "Partnerskabsaftale med {partner}",
    "Ansøgning til {fund} om {theme_lower}",
    "Morgenmøde for lokale virksomheder: {theme_lower}",
    "Udvikling af {theme_lower} sammen med {partner}",
    "Temadag om {sector} for erhvervslivet",
    "Evaluering af indsatsen for {theme_lower}",
    "Matchmaking mellem virksomheder og vidensinstitutioner",
    "Informationsmateriale om {theme_lower}",
)

FUNDS = (
    "Erhvervsstyrelsen",
    "Innovationsfonden",
    "EU's regionalfond",
    "Region {region}",
    "Det Lokale Erhvervsfremmeråd",
)

RESPONSIBLE_UNITS = (
    "Erhverv og Beskæftigelse",
    "Jobcenter",
    "By, Land og Kultur",
    "Teknik og Miljø",
    "Kommunikation",
    "Borgmesterens Afdeling",
    "Erhvervsservice",
)

PARTNERS = (
    "Gate 21",
    "DTU",
    "Aalborg Universitet",
    "Erhvervshus {region}",
    "Region {region}",
    "Copenhagen Capacity",
    "Invest in Denmark",
    "Dansk Industri",
    "Dansk Erhverv",
    "{name} Erhvervsforening",
    "{name} Handelsstandsforening",
    "VisitDenmark",
    "Erhvervsakademi {region}",
    "Væksthus {region}",
    "Greater Copenhagen",
    "Business {name}",
    "LOOP City",
    "Green Cities",
    "Iværksætterhuset",
    "Innovationsfonden",
    "Lighting Metropolis",
    "Landbrug & Fødevarer",
    "HORESTA",
    "Danske Regioner",
    "Kommunernes Landsforening",
    "Erhvervsstyrelsen",
    "Professionshøjskolen",
    "Hovedstadens Rekrutteringsservice",
    "Dansk Byggeri",
    "Clean Cluster",
)

UPDATE_COMMENTS = {
    "green": (
        "Forløber efter planen.",
        "Aktiviteten kører efter planen; næste møde er aftalt med partnerne.",
        "Gennemført som planlagt, god deltagelse fra virksomhederne.",
        "Milepælen er nået, budgettet holder.",
    ),
    "yellow": (
        "Lidt forsinket; afventer partnernes tilbagemelding.",
        "Udfordringer med at rekruttere deltagende virksomheder.",
        "Medfinansieringen er endnu ikke helt på plads.",
        "Tidsplanen er presset, men slutdatoen holder endnu.",
    ),
    "red": (
        "Forsinket: kræver en beslutning om finansiering.",
        "Ansøgningen blev afvist; aktiviteten skal replanlægges.",
        "Ressourcerne er flyttet til en anden opgave; kræver prioritering i udvalget.",
    ),
}

FIRST_NAMES = (
    "Anne", "Mette", "Hanne", "Lene", "Susanne", "Camilla", "Louise", "Marianne", "Pia", "Line",
    "Peter", "Jens", "Lars", "Søren", "Henrik", "Thomas", "Morten", "Anders", "Mads", "Rasmus",
    "Ida", "Sofie", "Emma", "Freja", "Mikkel", "Jonas", "Kasper", "Nikolaj", "Karen", "Bo",
)  # fmt: skip
LAST_NAMES = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
    "Johansen", "Knudsen", "Mortensen", "Møller", "Holm", "Kjær", "Dahl", "Østergaard", "Lund",
)  # fmt: skip
PARTIES = ("A", "B", "C", "D", "F", "I", "M", "O", "V", "Ø", "Å", "Æ")
COMMITTEE_ROLES = ("Formand", "Næstformand", "", "", "", "", "", "", "")
