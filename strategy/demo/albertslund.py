# ruff: noqa: E501 -- the document's paragraphs are kept whole, one string each, so they stay verbatim.
"""Albertslund's Erhvervsstrategi 2013-2017 and Erhvervspolitik 2023-2026, transcribed as data.

The texts are the documents' own (`sources/`), paragraph by paragraph. Only PDF artefacts are
repaired: words split across a page break ("erhvervsser- ... vicen", "universi- ... teter"), a
side box that the conversion dropped into the middle of a sentence (moved after it), and the
converter's bold/italic markers. Everything that is not in the documents is said to be so: the
derived baselines (from "svarende til en stigning på 50%") in their `baseline_source`, and the
measurements, which are all illustrative (`is_illustrative=True`).

Rules used to turn a "Mål" bullet into goals: the bullet text is the goal's title, verbatim; a
measurable target in the bullet becomes that goal's indicator; only a bullet with two separate
targets becomes a parent with one child goal per target. "inden 2017" and "senest i 2017" are
read as the end of 2017, the last year of the strategy's period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from strategy.demo import attach_source, upsert
from strategy.enums import (
    Assessment,
    Comparator,
    DataSource,
    Direction,
    GoalKind,
    PlanKind,
    PlanStatus,
    Recurrence,
    TrackKind,
)
from strategy.models import Commitment, Goal, KeyFigure, Measurement, Plan, Theme, Track

SOURCES = Path(__file__).resolve().parent / "sources"
STRATEGY_SOURCE = "albertslund-erhvervsstrategi-2013-2017.txt"
POLICY_SOURCE = "albertslund-erhvervspolitik-2023-2026.txt"

ILLUSTRATIVE_SOURCE = "Illustrativ demo-måling – ikke fra kommunens dokumenter"


@dataclass(frozen=True)
class TrackData:
    title: str
    kind: str
    summary: str
    motivation: tuple[str, ...]
    background: tuple[str, ...]


@dataclass(frozen=True)
class ThemeData:
    title: str
    track: str


@dataclass(frozen=True)
class GoalData:
    """One goal; `track`, `theme` and `parent` name other rows by title."""

    title: str
    kind: str = GoalKind.QUALITATIVE
    track: str | None = None
    theme: str | None = None
    parent: str | None = None
    description: str = ""
    metric: str = ""
    unit: str = ""
    direction: str = Direction.HIGHER_IS_BETTER
    baseline_value: Decimal | None = None
    baseline_date: date | None = None
    baseline_source: str = ""
    comparator: str = ""
    target_value: Decimal | None = None
    deadline: date | None = None
    deadline_text: str = ""
    recurrence: str = Recurrence.NONE
    recurrence_from_year: int | None = None
    data_source: str = DataSource.MANUAL
    # The figure a goal counted in Kurs is counted from (`strategy.sources`; registered by the
    # app that counts it).
    platform_source: str = ""


@dataclass(frozen=True)
class KeyFigureData:
    label: str
    value: Decimal
    unit: str = ""
    period: str = ""
    source: str = ""


@dataclass(frozen=True)
class CommitmentData:
    title: str
    text: str


@dataclass(frozen=True)
class PlanData:
    title: str
    kind: str
    period_start: int
    period_end: int
    adopted_on: date | None
    adopted_by: str
    summary: str
    internal_note: str
    source_file: str
    tracks: tuple[TrackData, ...] = ()
    themes: tuple[ThemeData, ...] = ()
    goals: tuple[GoalData, ...] = ()
    key_figures: tuple[KeyFigureData, ...] = ()
    commitments: tuple[CommitmentData, ...] = ()


@dataclass(frozen=True)
class MeasurementData:
    plan: str
    goal: str
    measured_on: date
    value: Decimal | None = None
    assessment: str = ""


def paragraphs(*texts: str) -> str:
    return "\n\n".join(texts)


# ---------------------------------------------------------------------------------------------
# Erhvervsstrategi 2013-2017: the tracks' "Motivation" and "Baggrund", verbatim
# ---------------------------------------------------------------------------------------------

# Strategisk spor: Grøn vækst
GREEN_GROWTH_MOTIVATION = (
    "Vi vil fremme Grøn Vækst og tiltrække nye grønne arbejdspladser ved at skabe optimale rammer og mulighed for partnerskaber og miljøer inden for grøn teknologi i kommunens erhvervsområder.",
    "I virksomhedernes dialog med kommunen fremgår det, at grøn omstilling for virksomhederne handler om energioptimering og miljøforbedringer, om forbedring af konkurrenceevne og af de forretningsmuligheder, der ligger i en grøn virksomhedsprofil. Og for nogle handler det også om at spille en aktiv rolle i den fælles miljø- og klimaudfordring.",
    "For os handler grøn vækst først og fremmest om grøn omstilling. På den ene side gør kommunens miljø- og klimaprofil det naturligt at gøre en aktiv indsats for, at virksomhederne i kommunen bliver stadig mere energieffektive og miljøvenlige. På den anden side skal det være attraktivt for virksomheder, der arbejder med grøn produktion og udvikling af grønne produkter at etablere sig i Albertslund. Det sidste er en forudsætning for at skabe deciderede grønne jobs.",
    "Som en del af Hovedstadsområdet har vi et ansvar for at skabe vækst og bidrage til en grøn omstilling, så hele Øresundsregionen bliver en aktiv og grøn metropol, der skaber arbejdspladser og forretningsmuligheder inden for grøn teknologi.",
    "Regeringen nedsatte i 2012 et Vækstteam for Energi og Klima, der har til opgave at belyse nye vækstmuligheder inden for energi- og klimaløsninger som de centrale områder i den grønne omstilling, der skal styrke vækstvilkårene på erhvervsområdet.",
    'Vækstteamet kom med sine anbefalinger i februar 2013 og skriver: "Den grønne omstilling skal bruges som afsæt for udviklingen af innovative produktionsprocesser og nye forretningsmuligheder, som skal skabe vækst og beskæftigelse i Danmark. Det er vigtigt for eksporten af nye teknologier og systemløsninger, at der er gode forudsætninger for at udvikle og teste i Danmark, ligesom det er vigtigt at kunne demonstrere og fremvise fuldskalaløsninger herhjemme. (...) Den grønne omstilling skal fremme udvikling, innovation og markedsmodning af nye løsninger".',
)
GREEN_GROWTH_BACKGROUND = (
    "Danmarks førerposition inden for grøn energiteknologi har været drevet af nytænkende iværksættere, tværgående samarbejdsprojekter og en fokuseret indsats inden for forskning og udvikling. En indsats som vi har været en del af gennem en række projekter og aktiviteter på klima- og miljøområdet. Samarbejdsprojekter er en model, der kan skabe grobund for grøn omstilling og grøn vækst i Albertslund med kommunen som en aktiv samarbejdspartner.",
    "I Klimaplan 2009 – 2015 har en del af aktiviteterne en grøn erhvervsvinkel. Eksempelvis Albertslund Konceptet, opførelse af passivhusinstitutioner og udvikling af den energieffektive A Lampe. Andre projekter som Carbon 20 - Kommunale partnerskaber om energibesparelser i virksomheder og Formel M – Vejen til bæredygtig transportadfærd involverer direkte virksomhederne i kommunen.",
    "Hersted Industripark – Green Labs, Udviklingsstrategi og letbane i Ringbyen",
    "I 2012-2013 gennemførte vi sammen med Realdania en arkitektkonkurrence om udarbejdelsen af en udviklingsstrategi for en omdannelse af Hersted Industripark. Hersted Industripark er et af Ringbyens store erhvervsområder med en optimal placering i forhold til den eksisterende infrastruktur. Det er samtidig et erhvervsområde, der har behov for fornyelse og nye erhvervstyper for at kunne tage konkurrencen op med andre og yngre erhvervsområder.",
    "Nye innovative virksomheder inden for grøn teknologi vil finde en plads i Hersted Industripark som del af en eller flere klynger, der udvikler nye grønne løsninger, gerne sammen med de eksisterende virksomheder i området. Det nye erhvervstræk skal understøttes af en omdannelse og fornyelse af erhvervsparken, hvor nye erhverv kan passes ind i den eksisterende bystruktur. Og hvor de arealer og bygninger, som stedet rummer i dag, vil indgå. Visionen er, at bygninger og byrum i Hersted Industriark gradvist fornyes, og området bliver en attraktiv erhvervspark med en ny grøn og bæredygtig profil.",
    "Realiseringen af udviklingsstrategien beror på et samarbejde mellem eksisterende virksomheder og grundejere, kommunen, nye aktører og interessenter.",
    "Vi ser fotonik som det teknologiområde, der skal være drivkraften i kommunens grønne omstilling og være med til skabe grøn vækst. Det sker gennem etableringen af innovations- og testcentre, såkaldte Green Labs i Hersted Industripark, der skal tiltrække nye investeringer til området. Fotonik er en central teknologi i skabelsen af fremtidens intelligente by. EU har udnævnt fotonik til en KET – Key Enabling Technology, som på tværs af sektorer øger effektivitet og innovationsgrad i de europæiske samfund og virksomheder.",
    "Albertslund Konceptet er et offentligt-privat partnerskab, der med støtte fra Energistyrelsen gennemføres i perioden 2008 - 2013. Projektet prøverenoverer et antal forskellige boliger i kommunen og giver som et af de første projekter i Danmark værdifuld viden og erfaringer om energieffektiv bygningsrenovering primært af det industrialiserede byggeri. Derudover får producenter, rådgivere, entreprenører, håndværksfirmaer og boligforeninger kompetencer til brug i andre renoveringsprojekter, også af erhvervsbyggeri. Albertslund Konceptet samler som det første store samarbejdsprojekt i kommunen mange forskellige parter og kompetencer om produktudvikling og test af effektive klima- og energiløsninger til boligrenovering. Fokus er på udvikling af konkrete løsninger med et markedspotentiale, også uden for Danmarks grænser. Derfor har store firmaer som Velux, Danfoss og Rockwool deltaget som partnere.",
    "I slutningen af 2012 fik vi, i et konsortium med Institut for Fotonik på Danmarks Tekniske Universitet (DTU), støtte af Energistyrelsen til etableringen af et offentligt-privat Green Lab, Danish Outdoor Lighting Lab (DOLL). DOLL er et test- og udviklingslaboratorium for energieffektiv belysning og integration af bæredygtige energikilder. Det består af tre laboratorier, et Quality Lighting Lab, et Virtual Lighting Lab og et Living Lighting Lab.",
    "Living Lighting Lab etableres i Hersted Industripark og skal teste nye energieffektive udendørs belysningsløsninger. Dertil opbygges også testfaciliteter til indendørs belysning, udstilling og uddannelse.",
    "DOLL giver virksomheder, udviklere, designere og rådgivere mulighed for at udvikle markedsorienterede produkter og løsninger, der samtidig kan bidrage til at opfylde nationale og lokale klima- og energimål. Ligesom potentielle aftagere af grønne produkter, som for eksempel kommuner, kan se produkterne testet i 1:1.",
    "I Hersted Industripark, der overvejende er et privatejet område, er vi en partner, der driver en grøn udvikling frem sammen med virksomheder, grundejere og nye samarbejdspartnere inden for grøn teknologi. Arbejdspladserne inden for grøn teknologi skal findes inden for udvikling, innovation, produktdesign, implementering og supportfunktioner.",
    "Finansiering af grønne løsninger",
    "Albertslund Kommune skal udnytte de muligheder for finansiering af erhvervsinitiativer, der ligger i EU's indsatsområder. EU kanalisere midler til de enkelte lande til finansiering af vækst- og jobskabende erhvervsinitiativer med det mål at opbygge en konkurrencedygtig europæisk industri.",
    "EU afsætter midler, der fremmer planerne for en massiv grøn udvikling af landenes erhverv, der skal øge vækst, konkurrenceevne og skabe arbejdspladser i EU landene. Det er særligt inden for de såkaldte Key Enabling Technologies, der omfatter teknologiområder som nanoteknologi, micro- og nanoelektronik, fotonik, nye avancerede materialer og bioteknologi.",
    'I Danmark afsætter Energistyrelsen midler gennem Green Labs DK, der er tilskudsordning til etablering af storskala testfaciliteter til demonstration af nye klimateknologier. Green Labs DK skal understøtte Danmark som et "Grønt teknologilaboratorium", hvor virksomheder har de rigtige betingelser i hele innovationskæden fra forskning, udvikling og demonstration og videre til markedet. Green Lab DK fremmer på den måde udnyttelsen og udvikling af erhvervspotentialet på området til gavn for vækst og beskæftigelse i Danmark.',
)

# Strategisk spor: Kvalificeret arbejdskraft
SKILLED_LABOUR_MOTIVATION = (
    "Vi vil servicere virksomhederne i kommunen med kvalificeret arbejdskraft. Det indebærer både, at vi samarbejder med virksomhederne om at opkvalificere den eksisterende arbejdskraft og skabe nye uddannelser og hjælper med at rekruttere kvalificeret arbejdskraft i og udenfor kommunen. Og at vi i vores beskæftigelsespolitik arbejder for at opkvalificere den arbejdskraft, der bor i kommunen til at matche de job, der findes.",
    "Adgang til kvalificeret arbejdskraft er en af forudsætningerne for at en virksomhed kan eksistere. Nye kompetencer til virksomhedens ansatte er en del af virksomhedens udvikling og vækst. Jobcenter Albertslund kan understøtte uddannelsesforløb for virksomhedens ansatte med jobrotation, hvor der ydes støtte til vikardækning og med voksenlærlingeforløb.",
    "Samarbejde mellem virksomheder og uddannelsesinstitutioner om specifikke uddannelsesretninger kan styrke en satsning på grøn vækst og sundhed, så der etableres klynger i Albertslund. Dermed får virksomhederne adgang til kvalificeret arbejdskraft indenfor disse brancher.",
    "Virksomhederne i Albertslund kan have behov for kvalificeret arbejdskraft, som ikke nødvendigvis findes i Albertslund og dets opland nu. For at tiltrække specielt kvalificeret arbejdskraft skal Albertslund være en attraktiv by at søge arbejde i og slå sig ned i.",
    "De lokale ressourcer hos Albertslunds borgere skal understøttes via målrettet uddannelse. Et samarbejde med virksomheder om uddannelse kan medvirke til at lokale arbejdssøgende matcher de jobs, der findes i Albertslund. Det er både de unge og de ufaglærte og kortuddannede, der har brug for opkvalificering.",
)
SKILLED_LABOUR_BACKGROUND = (
    "Vi er en kommune med mange arbejdspladser. Indpendlingen udgør 81% af antallet af arbejdspladser i kommunen (Statistikbanken, tal fra 2011). Vores samarbejde med virksomhederne om at sikre kvalificeret arbejdskraft har derfor et bredere sigte end befolkningen i vores egen kommune.",
    "Albertslund er hjemsted for borgere med 102 nationaliteter. En del er internationale studerende på et kortere eller længere ophold i Danmark. En del er rodfæstet i Albertslund, men har sproglige og kulturelle kompetencer, der kan udnyttes i valg af uddannelse og karriere. Der er en ressource i de studerende og højtuddannede fra f.eks. Kina, Indien og Afrika, som bor i Albertslund og har viden indenfor bl.a. IT og miljøteknologi. De internationale kontakter, der kan etableres ved udnyttelse af kompetencerne i befolkningen i Albertslund kan bidrage til at støtte virksomhedernes eksport og internationale produktudvikling.",
    "Igennem partnerskabet Campus Albertslund arbejdes allerede med kontakt mellem virksomheder og uddannelsessteder. Formålet er, at opnå partnerskaber, der bringer det omgivende samfund tættere ind i undervisningen gennem elevpraktikker, mentorforløb, fritidsjobs etc. Herudover arbejdes der i Campus Albertslund på at tiltrække og motivere elever til at vælge i Social og sundhedsuddannelserne.",
    "I Campus Albertslunds Projekt Eksperimentarium skal der udvikles talentudviklingsforløb i samarbejde med virksomheder. Projektet består overvejende af to indsatser; et talentudviklingsprogram for de bogligt stærke og et talentudviklingsprogram for de praktisk stærke. Her bliver samarbejdet med virksomheder helt afgørende. Der arbejdes eksempelvis med at matche praktisk stærke elever med virksomheder, der efterspørger disse kompetencer. F.eks. service- og handelsvirksomheder, der kan tilbyde uddannelsesforløb og praktikophold eller videre forløb på erhvervsuddannelser.",
    "Herudover vil vi i fællesskab med lokale virksomheder starte kortere akademiuddannelser for unge fra Vestegnen. Disse uddannelser skal kombinere uddannelse og praktik for de unge og sikre kvalificeret arbejdskraft til virksomhederne. Der er dialog med Københavns Erhvervsakademi, Københavns Tekniske Skole og VUC-Vestegnen om ideer til nye uddannelsesretninger. Indenfor NIPS21 samarbejdet arbejdes der med at indgå strategisk samarbejde med uddannelsesinstitutioner som grundlag for nye uddannelser inden for sundhed og pleje. En ny uddannelse indenfor international handel og service lokaliseret i Albertslund kunne understøtte koblingen mellem virksomhederne og Albertslunds internationale perspektiv.",
    "Flere uddannelsesretninger lokaliseret i Albertslund vil både give arbejdspladser direkte og give den lokale befolkning en lettilgængelig mulighed for opkvalificering. De nye uddannelser vil i sig selv give arbejdspladser til lærere og teknisk-administrative funktioner og give grundlag for yderligere arbejdspladser indenfor handel ved at trække studerende til byen.",
)

# Strategisk spor: Vækst gennem velfærd
WELFARE_GROWTH_MOTIVATION = (
    "Velfærdsydelse inden for sundhed, omsorg og pleje bliver i stigende grad et område, der skal nytænkes, for at imødegå et voksende pres på velfærdssamfundet. Det gælder ikke mindst i Albertslund, som er udfordret med flere både unge og ældre uden for arbejdsstyrken. Samtidig øger udsigterne til stigende sundhedsudgifter behovet for innovation på sundheds- og velfærdsområdet, der kan føre til en mere effektiv udnyttelse af de offentlige udgifter.",
    "Regeringens vækstteam for sundheds- og velfærdsløsninger slår i deres nye anbefalinger fast, at der er udsigt til et betydeligt vækstpotentiale inden for sundheds- og velfærdsområdet de kommende år. En del af den vækst satser vi på at få til Albertslund.",
    "Væksten på sundheds- og velfærdsområdet forventes blandt andet på sektorområder, hvor den primære viden er indlejret i offentlige institutioner og vidensinstitutioner, der ikke som udgangspunkt har et kommercielt sigte. Det gælder f.eks. på ældreområdet, det specialiserede socialområde og i øvrigt på stort set alle områder, hvor vi i Danmark er langt fremme servicemæssigt og organisatorisk.",
    "Skal kommunernes viden omsættes til vækst, skal der i højere grad åbnes for et styrket offentlig-privat samarbejde om udvikling og drift på sundheds- og velfærdsområderne. Det skal medvirke til, at private virksomheder kan tilegne sig og kommercialisere denne viden, samtidig med at de bidrager til en mere effektiv opgaveløsning.",
    "Nye forretningskoncepter kan derfor tage udgangspunkt i serviceydelser, som f.eks. ældrepleje, men vil også kunne understøtte samspillet mellem flere serviceydelser og dermed skabe yderligere efterspørgsel efter andre produkter og ydelser, som f.eks. hjælpemidler, IT og velfærdsteknologiske løsninger. Den stigende digitalisering af velfærdsområderne i det offentlige, skal give borgerne bedre mulighed for at tage ansvar for eget liv og aflaste det eksisterende ressourceforbrug, og samtidig understøtte kvaliteten i opgaveløsningen.",
    "Det er erhvervslivet, som skal udvikle og levere teknologien til fremtidens velfærdsløsninger på markedet. Det har derfor væsentlig betydning for vækstmulighederne inden for sundheds- og velfærdsområdet, at kommunerne er åbne overfor at indgå i samarbejder om udvikling og demonstration af nye produkter, servicekoncepter og serviceydelser med virksomhederne, således at de offentlige ansattes erfaringer og viden fra praksis inddrages. Muligheden for at udvikle og afprøve løsninger i praksis har betydning for udviklingen af produktet og de efterfølgende afsætningsmuligheder på markedet.",
    "Regeringens vækstteam anbefaler derfor, at der bl.a. i kommunerne sættes øget fokus på udvikling af markeder, og at vi i højere grad tænker erhvervsudvikling og vækstpotentiale ind i den måde, vi driver offentlige sundheds- og velfærdsydelser på, for at kunne realisere vækstpotentialet på sundheds- og velfærdsområdet.",
    "Presset på velfærdssamfundet åbner også mulighed for at kombinere samfundsansvar og vækst, tænke nyt og give plads til et bredt spektrum af virksomheder med forskellige formål og forretningsmodeller, herunder socialøkonomiske virksomheder. De socialøkonomiske virksomheder er professionelle leverandører og samarbejdspartnere, der kan ses som udviklingslaboratorier. De skaber nye løsninger ved at kombinere forretningsaktiviteter med samfundsgavnige formål, og det skaber plads til den mere udsatte del af arbejdskraften.",
    "Regeringen har sat fokus på socialøkonomiske virksomheder ved at etablere et hurtigtarbejdende udvalg i februar 2013, der har fået til opgave at klarlægge, hvad der skal til for at skabe flere succesfulde socialøkonomiske virksomheder i Danmark.",
)
WELFARE_GROWTH_BACKGROUND = (
    "Udvikling inden for sundhed og velfærd",
    "Vi er på vej med et nyt Sundhedshus og plejecenter i Albertslund Midtby. Den grundlæggende idé med et sundhedshus i Albertslund er at samle mange aktører og mange former for pleje og sundhedsfremmende aktiviteter – f.eks. fra hospital, kommune og praktiserende læger i ét hus.",
    "Vores nye Sundhedshus bliver omdrejningspunktet for en tværfaglig og nyudviklende tilgang til ydelser inden for sundhed og pleje, og der er som ét af sporene fokus på udvikling og innovation. Nye løsninger skal opbygges i samarbejde med lokale virksomheder og vidensmiljøer og kan blive en drivkraft for vækst og nye virksomheder i Albertslund.",
    "Herudover samarbejder vi med Ishøj Kommune og Region Hovedstaden i NIPS21 (Nye Initiativer På Sundhedsområdet) om at etablere en kommunal platform, der kan drive innovative projekter inden for sundhed og velfærd med inddragelse af private virksomheder og vidensaktører. Planen er, at NIPS21 skal bredes ud til flere kommuner i regionen, så mulighederne for at skabe nye innovative løsninger på sundheds- og velfærdsområdet får et bredere fundament.",
    "NIPS21 (Nye Initiativer På Sundhedsområdet) initiativet er et samarbejde mellem Ishøj og Albertslund kommuner samt Region Hovedstaden om etablering af en platform for innovation og udvikling på sundheds- og velfærdsområdet mellem kommunerne i regionen og imellem kommunerne og Region Hovedstaden. NIPS21 skal være et praksisnært forankret udviklings- og innovationsmiljø. NIPS21 skal understøtte udviklingen af de offentlige sundhedsopgaver og skabe erhvervsudvikling og vækst, gennem fælles sundheds- og velfærdsinnovation, effektive offentligt-private samarbejder og bæredygtig byudvikling, som understøtter borgernes sunde adfærd.",
    "Socialøkonomiske virksomheder",
    "Et nyt syn på vækst gennem velfærd åbner også mulighed for at kombinere samfundsansvar med erhverv og beskæftigelse og se muligheder for at inkludere flere på arbejdsmarkedet.",
    "Albertslund har en borger sammensætning, hvor en del af befolkningen har en forholdsvis lav uddannelse og mange med anden etnisk herkomst. Samtidig er Albertslunds historie præget af en demokratisk ånd og anderledes tænkende ildsjæle, der vil gøre en forskel. Desuden har vi i Albertslund et stærkt foreningsliv, hvor en stor del af Kommunens borgere er aktive. Vi har anderkendte socialøkonomiske virksomheder som Coop, Forbrændingen, Skovhjelperne og ikke mindst de almene boligforeninger. Mange virksomheder sætter desuden CSR (virksomhedens sociale ansvar) på deres officielle dagsorden og er villige til at tage et vist samfundsansvar.",
    'Borgernes store engagement skal i samarbejde med kommunen og virksomhederne udbygges til at skabe flere arbejdspladser til nogle af de borgere, der ikke nødvendigvis passer ind i en almindelig virksomhedskontekst. Begrebet "socialøkonomisk virksomhed" bygger i høj grad på at frivillige/foreninger har værdi og kan skabe social værditilvækst. For at understøtte bæredygtige socialøkonomiske virksomheder, er udgangspunktet, at kommunen bidrager med rådgivning, men ikke subsidierer virksomhederne.',
    "En socialøkonomisk virksomhed er defineret ved (Mandag Morgen):",
    '- Den har et socialt, miljømæssigt eller sundhedsmæssigt formål og skaber social værdi\n- Den er innovativ – dvs. arbejder med nye produkter, services eller processer\n- Den er professionelt organiseret – dvs. ikke udelukkede baseret på frivillig arbejdskraft\n- Den er privat eller kollektivt ejet – altså ikke offentligt ejet\n- Den er "not-for-profit" – dvs. geninvesterer evt. overskud for at fremme det sociale formål',
)

# Tværgående spor: Erhvervsservice
BUSINESS_SERVICE_MOTIVATION = (
    "Det er igennem vores erhvervsservice, vi møder virksomhederne i det daglige. Kommunen er den offentlige myndighed, som det lokale erhvervsliv oftest er i kontakt med. Vores erhvervspolitik og erhvervsservice har derfor stor betydning for, hvor nemt og attraktivt, det er at drive virksomhed i området, og hvordan erhvervslivet evner at tackle omstillingen til global videnøkonomi. Erhvervsservice er også vigtig for vores økonomi, da gode lokale rammebetingelser skaber flere jobs, flere virksomheder, højere produktivitet og større indtjening i virksomhederne. Det bidrager til større skatteindtægter og mindre sociale udgifter i kommunen.",
)
BUSINESS_SERVICE_BACKGROUND = (
    "I den nyeste analyse fra Dansk Industri om erhvervsvenlige kommuner, er vi samlet placeret som nr. 37 ud af 98 kommuner. Analysen er et udtryk for, hvor erhvervsvenlig virksomhederne oplever kommunen er, målt på forskellige parametre. Direkte adspurgte oplever virksomhederne i visse dele af erhvervsservicen en mangelfuld kommunikation med kommunen. Virksomhederne efterlyser overordnet en mere enstrengt og tilgængelig adgang til kommunen samt en mere målrettet erhvervsinformation. Én indgang betyder for virksomheden, at den bliver hørt ved første kontakt og hurtigt får kontakt og rådgivning fra den rigtige medarbejder.",
    "Albertslunds Kommunes erhvervsservice består af:",
    "- Ydelser fra jobcentret i forhold til rekruttering og fastholdelse\n- Miljøtilsyn, energirådgivning og grønne ordninger\n- Mobilitetsplanlægning\n- Byggesagsbehandling og lokalplanlægning\n- Iværksætterrådgivning",
    "Vores erhvervsservice udøves i dag af ca. 25 medarbejdere og fem teams på tværs af kommunen, der alle har virksomhedskontakt på en daglig basis. Kontakten og rådgivningen af virksomhederne er primært baseret på 1:1 og enkeltstående konkrete sager, hvor der er brug for en dialog eller sagsbehandling mellem kommunen og den enkelte virksomhed. Der er behov for at den viden og de kompetencer, der findes i kommunen i forhold til det virksomhedsrettede arbejde udnyttes og koordineres bedre. Herudover at der organisatorisk arbejdes med at skabe én oplevet indgang til kommunen for virksomhederne.",
    "Kommunen har herudover en særlig styrkeposition i forhold til den grønne erhvervsservice, hvor der er tradition for at gå langt i at hjælpe virksomhederne til en grøn omstilling. Denne styrkeposition bør fortsat understøttes, udvikles og markedsføres som unik erhvervsservice i særklasse.",
    "Som eksempel har Albertslund Forsyning i mange år haft en direkte kundekontakt med byens erhvervsliv. Der ydes rådgivning i, hvordan erhvervslivet bedst muligt håndterer hhv. affald, vand, spildevand og fjernvarme, og især inden for fjernvarmen er der en lang række af tilbud til erhvervslivet.",
    "Vores rådgivning og tilskud trimmer virksomhederne og er medvirkende til at gøre erhvervsbygningsmassen mere attraktiv i Albertslund og er således en væsentlig del af den samlede pakke til erhvervslivet, kommunen tilbyder.",
    "Fra 2006 har Albertslund Forsyning haft et sparekrav om hvert år at bidrage til realisering af energibesparelser. Besparelserne skal dokumenteres og indberettes til Energistyrelsen. Det er besluttet at sparekravet skal realiseres lokalt. Der ydes gratis rådgivning til egne brugere og et højt tilskud til energibesparende tiltag. Så fra at være et krav fra Regeringen, er kravet vendt til at være en hjørnesten i kommunens klimaplan og i byens udvikling og transformation i øvrigt. I 2011 – 2012 har 16 virksomheder fået rådgivning og tilskud på i alt 2,3 mio. kr. Samtidig har de opnået årlige energibesparelser på 4.425 MWh eller mere end 5 mio. kr.",
)

# Tværgående spor: innovation
INNOVATION_MOTIVATION = (
    "Innovation er af såvel OECD, regeringen som erhvervsorganisationerne identificeret som et af de vigtigste midler til at skabe fortsat vækst. Innovation handler om at kunne omsætte og udvikle ny viden til nye produkter, services og processer, som skaber værdi. For at understøtte væksten i Albertslund, er det vigtigt at fremme og udvikle innovation i erhvervslivet. Innovation kan være en medvirkende faktor til, at nye forretningsgrundlag og nye virksomheder kan opstå og en forudsætning for, at virksomhederne kan udvikle deres konkurrenceevne på et globalt marked.",
    "Den offentlige forvaltning og velfærdssamfundet er under pres. Borgernes forventninger til mængden og kvaliteten af den offentlige service er stigende, og samtidig er de offentlige ressourcer begrænsede.",
    "Vi vil derfor opruste organisationsevnen og se innovationsmuligheder i egen organisation og understøtte og fremme mulighederne for samarbejde og innovative udviklingsprojekter mellem lokale virksomheder, videns- og uddannelsesinstitutioner, andre relevante vækstaktører og kommunen.",
)
INNOVATION_BACKGROUND = (
    "Udgangspunktet for Albertslund er en stærk position i forhold til udvikling på miljø og klimaområdet. Kommunen har en lang tradition for at inddrage universiteter og vidensmiljøer og skabe innovation og muligheder for nye grønne løsninger. Dette skal understøttes og udvikles yderligere i samarbejde med de lokale virksomheder.",
    "Et eksempel på et tværgående innovationsprojekt er, når vi sammen med virksomheder, Glostrup Hospital, borgere og Københavns Erhvervsakademi vil skabe både ny lys-teknologi for ældre borgere, der ser dårligt og nye fotonik uddannelser med omdrejningspunkt i Danish Outdoor Lighting Laboratory (DOLL) i Hersted industripark. Det giver samtidig bedre velfærd til de ældre, vækst og nye produktmuligheder til virksomhederne samt stærkere uddannelsesudbud til vores unge.",
    "Herudover sættes der ind med ekstra fokus på vækst gennem udvikling af velfærdstjenester. Sikring af fremtidens velfærd kræver at kommunen går sammen med virksomheder og vidensaktører om at skabe nye innovative løsninger på velfærdsområdet.",
    "Med udgangspunkt i disse to spor skal innovationsevnen hos de lokale virksomheder understøttes og fremmes. Innovationsbegrebet ses bredt og tværgående og på mange niveauer fra kompliceret højteknologisk produktudvikling til innovation i velkendte industriprocesser. Herudover kan det også være innovation at skabe nye processer og samspil på sundhed og velfærdsområdet. Samarbejdet med Væksthuset, universiteter, vidensmiljøer og uddannelsesinstitutioner styrkes. Herudover tænkes de udenlandske studerende ind som en ressource.",
)

# Tværgående spor: Samarbejde & Internationalisering
COOPERATION_MOTIVATION = (
    "Globalisering og internationalisering er et centralt område for erhvervslivet - og et område, der kun bliver mere vigtigt i de kommende år. Vi er i en lille økonomi som Danmark tvunget til at være åbne og orientere os internationalt. Globaliseringen er en udfordring på alle niveauer i virksomhederne. Det kan det være i forhold til produktudviklingen, der skal tage højde for præferencer og vilkår på udenlandske markeder, og det kan det være i forhold til kontakt og forhandlinger med samarbejdspartnere fra andre lande, der skal være med til at sikre adgangen til nye markeder.",
    "Der er derfor behov for at vi som kommune arbejder med, hvordan vi kan understøtte virksomhedernes internationalisering bedst muligt.",
    "Samtidig er det også vigtigt for Albertslund som by, som er så integreret en del af hovedstadsområdet både fysisk og befolkningsmæssigt, at se sig selv i en større sammenhæng, hvis udvikling og vækst skal fremmes. Derfor bygger vi i Albertslund videre på åbenhed og udsyn og indgår aktivt i strategisk samarbejde og netværk både på et lokalt, regionalt, nationalt og et internationalt plan. Vi bygger også videre på en erkendelse af, at det ofte er hensigtsmæssigt og mest optimalt at løse større udviklingsopgaver sammen med andre for at opnå stordriftsfordele, få del i udviklingsmidler og dele viden.",
)
COOPERATION_BACKGROUND = (
    "Erhvervslivet i kommunen har behov for, at vi understøtter internationalisering af hensyn til nye afsætningsmarkeder, outsourcing, forskning og videndeling. Virksomhederne har desuden i dialogen med kommunen givet udtryk for, at de ser netværk med andre virksomheder som en vigtig drivkraft for vækst. Derfor kan vi blandt andet fremme det internationale perspektiv ved at facilitere netværk og vidensdeling blandt virksomheder i kommunen og understøtte, at virksomhederne får den rigtige rådgivning til deres internationale udvikling. Her kan vi i højere grad optimere vores samarbejde med bl.a. Væksthus Hovedstaden og Copenhagen Capacity.",
    "Der er også behov for, at kommunen udbygger sine strategiske partnerskaber med andre byer på EU og internationalt plan og stiller dem til rådighed for virksomhederne. Det vil både give kommunen flere internationale kompetencer om udenlandske markeder, men også bane vejen for nye aftaler, der kan understøtte væksten i Albertslund.",
    'Og vi vil bygge videre på vores strategiske regionale partnerskaber, hvor der er indlejret både viden og kompetencer, som virksomhederne i Albertslund kan få glæde af. Vi indgår allerede i en række strategiske samarbejder med andre kommuner bl.a. "Ringbyen" med 9 andre kommuner om byudvikling og etablering af en Letbane langs med Ring 3, Kommunekontaktrådet i Region Hovedstaden, hvor der samarbejdes mellem regionens 29 kommuner om bl.a. erhvervsudvikling og erhvervsservice, Green Cities, hvor der samarbejdes med fem andre kommuner i Danmark om grønne tiltag og Cleantech Cluster. Disse samarbejder skal styrkes og udbygges.',
    "Endelig vil vi vil blive bedre til at administrere og optimere vores samarbejdsrelationer til de eksterne videnspartnere og opdyrke samarbejde og arbejdsdeling i erhvervsservicesystemet, til gavn for det lokale erhvervsliv.",
)

# Tværgående spor: Branding og profilering
BRANDING_MOTIVATION = (
    "En virksomheds placering skal være attraktiv og kunne forbindes med god omtale af et område. En virksomhed vil derfor gerne placere sig et sted, der er attraktivt og som har et godt omdømme. Omdømmet kan hjælpe virksomheden med at omsætte sine produkter. Desuden er en god brand værdi også ønskværdig i forbindelse med tiltrækning af nye borgere og arbejdskraft til kommunen samt i forbindelse med virksomhedens hævning af medarbejdere.",
    "Derfor skal der ske en målrettet branding af Albertslund som en kommune, der styrker erhvervsudviklingen med fokus på de strategiske indsatsområder. Erhvervsområderne og de muligheder de giver skal profileres. Og i den forbindelse vil vi opruste vores egen erhvervsrettede kommunikation.",
)
BRANDING_BACKGROUND = (
    "De erhvervsaktiviteter der foregår i Albertslund skal være mere kendte. Der foregår mange aktiviteter i den grønne erhvervsservice og i erhvervsområderne i forbindelse med Albertslunds satsning på det grønne område. Det er ikke nødvendigvis kendt i omverdenen, og det bør benyttes til at brande Albertslund som et godt sted at drive virksomhed. Det vil give grundlag for at tiltrække flere arbejdspladser, der vil profilere sig som grøn virksomhed eller som vil være en del af et grønt udviklingsmiljø.",
    "Vores erhvervskommunikation bygger i dag på forskellige parallelle indsatser, der ikke er samstemte. En samstemning og mere strategisk kommunikation kan styrke både branding af Albertslund som erhvervskommune og kommunens kommunikation til virksomhederne. Det kan blandt andet gøres ved en fælles kommunikationspakke.",
    "Det er vigtigt at bruge kommunens DNA og genfortælle historien om Albertslund i al kommunikation. Herudover skal det være sammenhæng mellem, hvad vi siger og hvad vi gør.",
)


# ---------------------------------------------------------------------------------------------
# Erhvervsstrategi 2013-2017
# ---------------------------------------------------------------------------------------------

STRATEGY_TITLE = "Erhvervsstrategi 2013-2017"

GREEN_GROWTH = "Grøn vækst"
SKILLED_LABOUR = "Kvalificeret arbejdskraft"
WELFARE_GROWTH = "Vækst gennem velfærd"
BUSINESS_SERVICE = "Erhvervsservice"
INNOVATION = "Innovation"
COOPERATION = "Samarbejde & internationalisering"
BRANDING = "Branding og profilering"

# The one-line "Vi vil ..." of each track is from "Erhvervsstrategien og vores satsninger".
STRATEGY_TRACKS = (
    TrackData(
        GREEN_GROWTH,
        TrackKind.STRATEGIC,
        "Vi vil fremme Grøn Vækst og tiltrække grønne arbejdspladser ved at skabe optimale rammer og mulighed for partnerskaber og miljøer inden for grøn teknologi i kommunens erhvervsområder.",
        GREEN_GROWTH_MOTIVATION,
        GREEN_GROWTH_BACKGROUND,
    ),
    TrackData(
        SKILLED_LABOUR,
        TrackKind.STRATEGIC,
        "Vi vil servicere virksomhederne i kommunen med kvalificeret arbejdskraft og sikre opkvalificering af den eksisterende arbejdskraft, hjælpe med at rekruttere ny arbejdskraft og fremme uddannelse og samarbejde mellem virksomheder og uddannelsesinstitutioner.",
        SKILLED_LABOUR_MOTIVATION,
        SKILLED_LABOUR_BACKGROUND,
    ),
    TrackData(
        WELFARE_GROWTH,
        TrackKind.STRATEGIC,
        "Vi vil fremme beskæftigelse og vækst gennem offentlig-privat samarbejde inden for løsninger i sundheds –og velfærdssektoren og fremme etablering af socialøkonomiske virksomheder.",
        WELFARE_GROWTH_MOTIVATION,
        WELFARE_GROWTH_BACKGROUND,
    ),
    TrackData(
        BUSINESS_SERVICE,
        TrackKind.CROSS_CUTTING,
        "Vi vil opbygge en synlig og enstregtig erhvervsservice og målrettet erhvervsinformation.",
        BUSINESS_SERVICE_MOTIVATION,
        BUSINESS_SERVICE_BACKGROUND,
    ),
    TrackData(
        INNOVATION,
        TrackKind.CROSS_CUTTING,
        "Vi vil fremme evnen til innovation og omstilling som drivkraft for udvikling og vækst.",
        INNOVATION_MOTIVATION,
        INNOVATION_BACKGROUND,
    ),
    TrackData(
        COOPERATION,
        TrackKind.CROSS_CUTTING,
        "Vi vil bruge vores eksterne ressourcer aktivt på et lokalt, regionalt og globalt plan.",
        COOPERATION_MOTIVATION,
        COOPERATION_BACKGROUND,
    ),
    TrackData(
        BRANDING,
        TrackKind.CROSS_CUTTING,
        "Vi vil skabe et stærkt erhvervmæssig brand og profilering af Albertslund som mulighedernes by.",
        BRANDING_MOTIVATION,
        BRANDING_BACKGROUND,
    ),
)

# The sub-headings of the Erhvervsservice track's "Mål" list.
CUSTOMER_EXPERIENCE = "Virksomhedernes oplevelse af kommunen"
ENTREPRENEURS = "Iværksætter"
RECRUITMENT = "Rekruttering og fastholdelse"
GREEN_SERVICE = "Grøn erhvervsservice"

STRATEGY_THEMES = tuple(
    ThemeData(title, BUSINESS_SERVICE)
    for title in (CUSTOMER_EXPERIENCE, ENTREPRENEURS, RECRUITMENT, GREEN_SERVICE)
)

JOBS_GOAL = "Vi vil skabe 2.000 nye arbejdspladser i Albertslund Kommune inden 2017."
JOBS_BASELINE = Decimal(19369)
NEW_JOBS = Decimal(2000)

END_2013 = date(2013, 12, 31)
END_2014 = date(2014, 12, 31)
END_2015 = date(2015, 12, 31)
END_2017 = date(2017, 12, 31)
STRATEGY_START = date(2013, 1, 1)


def track_jobs_goal(
    title: str,
    track: str,
    metric: str,
    target: int,
    *,
    theme: str | None = None,
    deadline: date | None = None,
    deadline_text: str = "",
) -> GoalData:
    """A track's share of the 2.000 new jobs: counted from zero at the strategy's start."""
    return GoalData(
        title,
        GoalKind.QUANTIFIED,
        track=track,
        theme=theme,
        parent=JOBS_GOAL,
        metric=metric,
        unit="arbejdspladser",
        baseline_value=Decimal(0),
        baseline_date=STRATEGY_START,
        baseline_source="Nye arbejdspladser tælles fra strategiens start (0)",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(target),
        deadline=deadline,
        deadline_text=deadline_text,
    )


WEBSITE_GOAL = "At etablere en erhvervsrettet hjemmeside inden udgangen af 2013 og nå 18.000 besøgende på erhvervshjemmesiden inden for det første år svarende til en stigning på 50%."
EDUCATION_GOAL = "At der lokaliseres mindst to nye uddannelsesretninger i Albertslund. Den første uddannelsesretning er etableret senest i 2017."
JOBCENTRE_GOAL = "At størstedelen af virksomhederne inden udgangen af 2015 oplever en effektiv kommunikation med Albertslund Jobcenter. Nyhedsbrev på de relevante samarbejdsområder med 500 abonnenter inden 2017."

# In document order: the two overall goals, then each track's "Mål" bullets. A parent comes
# before its children, because the children name it.
STRATEGY_GOALS = (
    GoalData(
        JOBS_GOAL,
        GoalKind.QUANTIFIED,
        description=paragraphs(
            'Erhvervsstrategien bygger på kommuneplanstrategien for Albertslund "Forstad på Forkant" fra 2011, hvor der blev sat et mål om at skabe 2.000 nye arbejdspladser. I henhold til Danmarks Statistik var der i 2011 19.369 beskæftigede med arbejdssted i Albertslund Kommune.',
            "Måltallet 21.369 er udgangspunktet 19.369 beskæftigede (2011) plus de 2.000 nye arbejdspladser. Sporenes syv jobmål (1.000 + 100 + 400 + 100 + 100 + 100 + 200) udgør tilsammen de 2.000.",
        ),
        metric="Beskæftigede med arbejdssted i Albertslund Kommune",
        unit="beskæftigede",
        baseline_value=JOBS_BASELINE,
        baseline_date=date(2011, 1, 1),
        baseline_source="Danmarks Statistik, 2011 (beskæftigede med arbejdssted i kommunen)",
        comparator=Comparator.AT_LEAST,
        target_value=JOBS_BASELINE + NEW_JOBS,
        deadline=END_2017,
        deadline_text="inden 2017",
        data_source=DataSource.STATBANK,
    ),
    GoalData(
        "Vi vil skabe optimale rammer for bæredygtig udvikling og vækst i virksomhederne og dermed understøtte alle aspekter af livet i Albertslund."
    ),
    # Strategisk spor: Grøn vækst
    track_jobs_goal(
        "At skabe mindst 1000 nye arbejdspladser inden for grøn teknologi inden 2017",
        GREEN_GROWTH,
        "Nye arbejdspladser inden for grøn teknologi",
        1000,
        deadline=END_2017,
        deadline_text="inden 2017",
    ),
    GoalData(
        "At fremme offentlig-privat innovation og samarbejde gennem etablering af 2 – 3 klynger inden for grøn teknologi med specielt fokus på fotonik",
        GoalKind.QUANTIFIED,
        track=GREEN_GROWTH,
        description="Dokumentet siger 2 – 3 klynger; måltallet er den nedre grænse.",
        metric="Klynger inden for grøn teknologi med specielt fokus på fotonik",
        unit="klynger",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(2),
    ),
    GoalData(
        "At fremme udviklings- og iværksættermiljøer inden for grøn teknologi og miljøløsninger",
        track=GREEN_GROWTH,
    ),
    # Strategisk spor: Kvalificeret arbejdskraft
    track_jobs_goal(
        "At skabe mindst 100 nye arbejdspladser inden for uddannelse og forskning.",
        SKILLED_LABOUR,
        "Nye arbejdspladser inden for uddannelse og forskning",
        100,
    ),
    GoalData(
        "At sikre at eksisterende arbejdspladser bevares i Albertslund gennem rekruttering og opkvalificering af arbejdskraft. Der er mindst 60 godkendte jobrotationer i private virksomheder i 2013. Hvert år fastsættes mål i den årlige beskæftigelsesplan.",
        GoalKind.QUANTIFIED,
        track=SKILLED_LABOUR,
        description="Måltallet 60 gælder 2013; de følgende års mål fastsættes i den årlige beskæftigelsesplan.",
        metric="Godkendte jobrotationer i private virksomheder",
        unit="jobrotationer",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(60),
        deadline=END_2013,
        deadline_text="i 2013",
        recurrence=Recurrence.YEARLY,
        recurrence_from_year=2013,
    ),
    GoalData(
        EDUCATION_GOAL,
        GoalKind.QUANTIFIED,
        track=SKILLED_LABOUR,
        metric="Nye uddannelsesretninger lokaliseret i Albertslund",
        unit="nye uddannelsesretninger",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(2),
    ),
    GoalData(
        "Den første uddannelsesretning er etableret senest i 2017.",
        GoalKind.MILESTONE,
        track=SKILLED_LABOUR,
        parent=EDUCATION_GOAL,
        deadline=END_2017,
        deadline_text="senest i 2017",
    ),
    GoalData(
        "At kommunen i samarbejde med de regionale erhvervsstøtteinstitutioner er en aktiv partner i at fremme international arbejdskraft i lokale virksomheder. Der er frem til 2014 samarbejde om international arbejdskraft med mindst to virksomheder.",
        GoalKind.QUANTIFIED,
        track=SKILLED_LABOUR,
        metric="Virksomheder med samarbejde om international arbejdskraft",
        unit="virksomheder",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(2),
        deadline=END_2014,
        deadline_text="frem til 2014",
    ),
    # Strategisk spor: Vækst gennem velfærd
    track_jobs_goal(
        "At skabe mindst 400 nye arbejdspladser baseret på sundhed, omsorg og pleje inden 2017",
        WELFARE_GROWTH,
        "Nye arbejdspladser baseret på sundhed, omsorg og pleje",
        400,
        deadline=END_2017,
        deadline_text="inden 2017",
    ),
    # The bullet also asks to promote new social enterprises; only the 100 jobs are measurable.
    track_jobs_goal(
        "At fremme etablering af nye socialøkonomiske virksomheder og skabe mindst 100 nye arbejdspladser i socialøkonomiske virksomheder inden 2017",
        WELFARE_GROWTH,
        "Nye arbejdspladser i socialøkonomiske virksomheder",
        100,
        deadline=END_2017,
        deadline_text="inden 2017",
    ),
    GoalData(
        "At etablere en kommunal innovationsplatform på velfærds- og sundhedsområdet senest i 2015 og fremme beskæftigelse og vækst gennem offentlig-privat samarbejde inden for løsninger i sundhedssektoren og kommunale velfærdsopgaver",
        GoalKind.MILESTONE,
        track=WELFARE_GROWTH,
        deadline=END_2015,
        deadline_text="senest i 2015",
    ),
    # Tværgående spor: Erhvervsservice
    GoalData(
        "At Albertslund Kommune placeres i top 10 på Dansk Industris barometer over erhvervsvenlige kommuner inden 2017.",
        GoalKind.QUANTIFIED,
        track=BUSINESS_SERVICE,
        theme=CUSTOMER_EXPERIENCE,
        metric="Placering i DI's måling af erhvervsvenlige kommuner",
        unit="plads",
        direction=Direction.LOWER_IS_BETTER,
        baseline_value=Decimal(37),
        baseline_date=STRATEGY_START,
        baseline_source="Dansk Industri, nyeste analyse før strategien: nr. 37 af 98 kommuner",
        comparator=Comparator.AT_MOST,
        target_value=Decimal(10),
        deadline=END_2017,
        deadline_text="inden 2017",
    ),
    GoalData(
        "At størstedelen af virksomhederne i Albertslund inden udgangen af 2015 oplever én indgang til kommunen og en stærkere erhvervsrettet kommunikation til virksomhederne.",
        track=BUSINESS_SERVICE,
        theme=CUSTOMER_EXPERIENCE,
        deadline=END_2015,
        deadline_text="inden udgangen af 2015",
    ),
    track_jobs_goal(
        "At skabe mindst 100 nye arbejdspladser på baggrund af nye iværksættere og vækstiværksættere.",
        BUSINESS_SERVICE,
        "Nye arbejdspladser på baggrund af nye iværksættere og vækstiværksættere",
        100,
        theme=ENTREPRENEURS,
    ),
    GoalData(
        "At der senest i 2015 er mindst 50 iværksættere igennem IværksætterKontakt-punktets rådgivning i Albertslund om året, svarende til en stigning på 50%.",
        GoalKind.QUANTIFIED,
        track=BUSINESS_SERVICE,
        theme=ENTREPRENEURS,
        metric="Iværksættere igennem IværksætterKontaktpunktets rådgivning i Albertslund om året",
        unit="iværksættere",
        baseline_value=Decimal("33.3333"),
        baseline_date=STRATEGY_START,
        baseline_source='Afledt, ikke oplyst i dokumentet: 50 om året er "en stigning på 50%", altså et udgangspunkt på 50 / 1,5 ≈ 33,3 iværksættere om året',
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(50),
        deadline=END_2017,
        deadline_text="senest i 2015 ... om året",
        recurrence=Recurrence.YEARLY,
        recurrence_from_year=2015,
        data_source=DataSource.PLATFORM,
        platform_source="outreach.entrepreneurs_advised",
    ),
    GoalData(
        JOBCENTRE_GOAL,
        track=BUSINESS_SERVICE,
        theme=RECRUITMENT,
        deadline=END_2015,
        deadline_text="inden udgangen af 2015",
    ),
    GoalData(
        "Nyhedsbrev på de relevante samarbejdsområder med 500 abonnenter inden 2017.",
        GoalKind.QUANTIFIED,
        track=BUSINESS_SERVICE,
        theme=RECRUITMENT,
        parent=JOBCENTRE_GOAL,
        metric="Abonnenter på nyhedsbrevet på de relevante samarbejdsområder",
        unit="abonnenter",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(500),
        deadline=END_2017,
        deadline_text="inden 2017",
        data_source=DataSource.PLATFORM,
        platform_source="newsletter.subscribers",
    ),
    GoalData(
        "At Albertslunds Kommunes grønne erhvervsservice, som f.eks. energigennemgang og mobilitetsplanlægning på virksomhederne, senest i 2015 opleves som unik erhvervsservice i særklasse.",
        track=BUSINESS_SERVICE,
        theme=GREEN_SERVICE,
        deadline=END_2015,
        deadline_text="senest i 2015",
    ),
    # Tværgående spor: Innovation
    GoalData("At understøtte innovationsevnen hos virksomheder i Albertslund", track=INNOVATION),
    GoalData(
        "At fremme innovationsevnen hos nøglemedarbejdere i Albertslund Kommune", track=INNOVATION
    ),
    GoalData(
        "At fremme tværgående innovative udviklingsprojekter i Albertslund med deltagelse af lokale virksomheder",
        track=INNOVATION,
    ),
    # Tværgående spor: Samarbejde & internationalisering
    track_jobs_goal(
        "At skabe mindst 100 nye arbejdspladser gennem øget eksport.",
        COOPERATION,
        "Nye arbejdspladser gennem øget eksport",
        100,
    ),
    GoalData(
        "At understøtte internationalisering og tiltrække og omsætte internationale kompetencer til gavn for erhvervslivet i Albertslund.",
        track=COOPERATION,
    ),
    GoalData(
        "At skabe udvikling og videndeling gennem strategiske byalliancer, internationale netværk og indgå aktive strategiske samarbejder med regionale og internationale erhvervsfremme aktører.",
        track=COOPERATION,
    ),
    # Tværgående spor: Branding og profilering
    track_jobs_goal(
        "At skabe mindst 200 nye arbejdspladser gennem øget profilering af Albertslund som erhvervskommune.",
        BRANDING,
        "Nye arbejdspladser gennem øget profilering af Albertslund som erhvervskommune",
        200,
    ),
    GoalData(
        "At der er mindst 50 eksponeringer af erhvervmæssig omtale i landsdækkende medier og fagblade om året fra 2013.",
        GoalKind.QUANTIFIED,
        track=BRANDING,
        metric="Eksponeringer af erhvervsmæssig omtale i landsdækkende medier og fagblade om året",
        unit="eksponeringer",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(50),
        recurrence=Recurrence.YEARLY,
        recurrence_from_year=2013,
        data_source=DataSource.PLATFORM,
        platform_source="outreach.national_media_mentions",
    ),
    GoalData(WEBSITE_GOAL, track=BRANDING),
    GoalData(
        "Erhvervsrettet hjemmeside etableret inden udgangen af 2013",
        GoalKind.MILESTONE,
        track=BRANDING,
        parent=WEBSITE_GOAL,
        deadline=END_2013,
        deadline_text="inden udgangen af 2013",
    ),
    GoalData(
        "Nå 18.000 besøgende på erhvervshjemmesiden inden for det første år svarende til en stigning på 50%",
        GoalKind.QUANTIFIED,
        track=BRANDING,
        parent=WEBSITE_GOAL,
        metric="Besøgende på erhvervshjemmesiden inden for det første år",
        unit="besøgende",
        baseline_value=Decimal(12000),
        baseline_date=STRATEGY_START,
        baseline_source='Afledt, ikke oplyst i dokumentet: 18.000 er "en stigning på 50%", altså et udgangspunkt på 18.000 / 1,5 = 12.000 besøgende',
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(18000),
        deadline=END_2014,
        deadline_text="inden for det første år",
    ),
    GoalData(
        "At skabe interesse og viden om Albertslunds erhvervsaktiviteter og muligheder gennem markedsføring direkte til netværk, sociale medier, på konferencer og via rådgivning og møder. Der afholdes mindst 10 erhvervsrelaterede netværks-, dialog-, informationsmøder og konferencer om året fra 2014.",
        GoalKind.QUANTIFIED,
        track=BRANDING,
        metric="Erhvervsrelaterede netværks-, dialog-, informationsmøder og konferencer om året",
        unit="møder og konferencer",
        comparator=Comparator.AT_LEAST,
        target_value=Decimal(10),
        recurrence=Recurrence.YEARLY,
        recurrence_from_year=2014,
        data_source=DataSource.PLATFORM,
        # The forum's meetings are published as events in the demo (events/demo), so the events
        # alone count them; a municipality that does not publish them adds "+ forum.meetings".
        platform_source="events.held",
    ),
    GoalData(
        "At der i alle kommunikationer lægges vægt på Albertslunds grønne profil som vores unikke styrke og attraktionsværdi.",
        track=BRANDING,
    ),
)

# Every number the strategy gives as context, in document order.
STRATEGY_KEY_FIGURES = (
    KeyFigureData("Arbejdspladser i Albertslund (ca.)", Decimal(20000), "arbejdspladser"),
    KeyFigureData(
        "Beskæftigede med arbejdssted i Albertslund Kommune",
        JOBS_BASELINE,
        "beskæftigede",
        "2011",
        "Danmarks Statistik",
    ),
    KeyFigureData(
        "Fuldtidsbeskæftigede lønmodtagere med arbejdssted i Albertslund Kommune",
        Decimal(16492),
        "fuldtidsbeskæftigede",
        "2011",
        "Jobindsats.dk",
    ),
    KeyFigureData(
        "Gazellevirksomheder lokaliseret i Albertslund",
        Decimal(7),
        "virksomheder",
        "2012",
        "Børsens liste over Gazellevirksomheder 2012",
    ),
    KeyFigureData(
        "Unge i Albertslund Kommune, der ikke er i gang med en ungdomsuddannelse", Decimal(18), "%"
    ),
    KeyFigureData("Befolkningen med grundskolen som højeste uddannelse", Decimal(33), "%"),
    KeyFigureData(
        "Areal, der frigives til omdannelse og udvikling, når Vridsløselille Statsfængsel lukker",
        Decimal(200000),
        "m²",
        "2015",
    ),
    KeyFigureData(
        "Indpendlingens andel af antallet af arbejdspladser i kommunen",
        Decimal(81),
        "%",
        "2011",
        "Statistikbanken",
    ),
    KeyFigureData("Nationaliteter blandt borgerne i Albertslund", Decimal(102), "nationaliteter"),
    KeyFigureData(
        "Placering i Dansk Industris analyse af erhvervsvenlige kommuner (ud af 98 kommuner)",
        Decimal(37),
        "plads",
        "nyeste analyse før strategien",
        "Dansk Industri",
    ),
    KeyFigureData(
        "Medarbejdere i erhvervsservicen med daglig virksomhedskontakt (ca.)",
        Decimal(25),
        "medarbejdere",
    ),
    KeyFigureData("Teams på tværs af kommunen med daglig virksomhedskontakt", Decimal(5), "teams"),
    KeyFigureData(
        "Virksomheder, der har fået rådgivning og tilskud til energibesparelser",
        Decimal(16),
        "virksomheder",
        "2011-2012",
    ),
    KeyFigureData("Tilskud til de 16 virksomheder i alt", Decimal("2.3"), "mio. kr.", "2011-2012"),
    KeyFigureData(
        "Årlige energibesparelser opnået af de 16 virksomheder", Decimal(4425), "MWh", "2011-2012"
    ),
    KeyFigureData(
        "Årlige energibesparelser opnået af de 16 virksomheder, i kroner (mere end)",
        Decimal(5),
        "mio. kr.",
        "2011-2012",
    ),
    KeyFigureData("Andre kommuner i samarbejdet Ringbyen", Decimal(9), "kommuner"),
    KeyFigureData(
        "Kommuner i regionen, der samarbejder i Kommunekontaktrådet i Region Hovedstaden",
        Decimal(29),
        "kommuner",
    ),
    KeyFigureData("Andre kommuner i samarbejdet Green Cities", Decimal(5), "kommuner"),
)

STRATEGY = PlanData(
    title=STRATEGY_TITLE,
    kind=PlanKind.STRATEGY,
    period_start=2013,
    period_end=2017,
    adopted_on=date(2013, 9, 10),
    adopted_by="Kommunalbestyrelsen i Albertslund",
    # Sentences of the vision chapter and of "Erhvervsstrategien og vores satsninger", verbatim.
    summary=paragraphs(
        "Albertslund – et fælles eksperimentarium for vækst og det hele liv",
        "I Albertslund ser vi vækst i virksomhederne som en vigtig parameter for udviklingen af byen. Derfor er en klar og visionær erhvervsstrategi et væsentligt middel til at understøtte en udvikling af erhvervslivet og herigennem også sikre en social, økonomisk og miljømæssigt bæredygtig by.",
        "Erhvervsudviklingen skal være drivkraften for byomdannelse og vækst.",
        "I Albertslund bruger vi byens ressourcer aktivt til at skabe vækst og udvikling. Vi stiller åbent byen til rådighed som et eksperimentarium for de virksomheder og aktive borgere, som ønsker at være med til at skabe nye løsninger i fremtidens by. Vi inviterer virksomhederne ind i forpligtende samarbejde og udvikler sammen nye innovative løsninger.",
        "Vi udfordrer den traditionelle kommunale aktørrolle og gentænker vores rolle som udviklings- og kommerciel partner, der er medvirkende til at skabe vækst og udvikling i virksomhederne og i samfundet.",
        "Erhvervsstrategien er båret af tre strategiske spor, som er de faglige områder, hvor vi vil opruste vores satsninger i forhold til at skabe vækst og nye arbejdspladser. Herudover er der fire tværgående spor, som støtter op om de strategiske spor.",
    ),
    internal_note=paragraphs(
        'Transskriberet fra strategiens tekstudgave (kildedokumentet). Fristerne "inden 2017" og "senest i 2017" er registreret som 31.12.2017, strategiperiodens sidste dag.',
        'Udgangspunkterne 33,3 iværksættere om året og 12.000 besøgende står ikke i dokumentet; de er regnet baglæns fra "svarende til en stigning på 50%".',
    ),
    source_file=STRATEGY_SOURCE,
    tracks=STRATEGY_TRACKS,
    themes=STRATEGY_THEMES,
    goals=STRATEGY_GOALS,
    key_figures=STRATEGY_KEY_FIGURES,
)

# ---------------------------------------------------------------------------------------------
# Erhvervspolitik 2023-2026
# ---------------------------------------------------------------------------------------------

POLICY_TITLE = "Erhvervspolitik 2023-2026"

PARTNERSHIP_OBJECTIVE = "Der indgås partnerskaber og samarbejder med virksomheder med henblik på at understøtte den grønne omstilling og rekruttering af kvalificeret arbejdskraft."
DIALOGUE_OBJECTIVE = (
    "Virksomhederne oplever, at det er nemt at have dialog med kommunen om relevante forhold."
)

POLICY = PlanData(
    title=POLICY_TITLE,
    kind=PlanKind.POLICY,
    period_start=2023,
    period_end=2026,
    adopted_on=None,
    adopted_by="Kommunalbestyrelsen i Albertslund",
    summary=paragraphs(
        "Den bæredygtige by for børnene, det grønne og fællesskabet",
        "Albertslund Kommune vil virksomhederne – vi skal hjælpe hinanden med at vækste!",
        "Erhvervspolitikken er den overordnede politiske vision for erhvervsindsatsen i Albertslund Kommune de kommende tre år, 2024-26.",
        "Politikken tager afsæt i kommunens samlede vision om, at Albertslund er den bæredygtige by for børnene, det grønne og fællesskaber. Fællesskaberne skal vi dyrke med virksomhederne, og vi skal gå skridtet videre og indgå partnerskaber med byens virksomheder dér, hvor et samarbejde vil give værdi for virksomheden, kommunen og for vores by som helhed.",
        "Med afsæt i visionen om Albertslund som den bæredygtige by for børnene, det grønne og fællesskaber er der formuleret to målsætninger i erhvervspolitikken, som skal fungere som pejlemærker for det fremtidige arbejde.",
        "Målsætningerne gælder for alle virksomheder. De er ambitiøse, men det er nødvendigt, at vi som kommune tager de store nationale udfordringer alvorligt, ligesom de lokale udfordringer også er vigtige at tage hånd om. Kommunens rolle er at understøtte virksomhederne, og det vil kræve en ekstra indsats at realisere målsætningerne over de kommende tre år.",
    ),
    internal_note=paragraphs(
        'Titel og forside siger 2023-2026, men teksten siger "de kommende tre år, 2024-26". Perioden er registreret som i titlen.',
        "Vedtagelsesdatoen fremgår ikke af dokumentet.",
    ),
    source_file=POLICY_SOURCE,
    goals=(
        GoalData(
            PARTNERSHIP_OBJECTIVE,
            description=paragraphs(
                "Fremtidsscenariet i erhvervspolitikken handler om, at virksomhederne oplever, at kommunen er åben for at indgå forskellige former for samarbejde og partnerskaber, når der er et match. En målsætning der er relevant for at gøre fremskridt lokalt i Albertslund med den bæredygtige dagsorden, herunder at lykkes med den grønne omstilling og rekruttering af arbejdskraft.",
                "Virksomhederne og kommunen står tættere, og vi ønsker i højere grad end tidligere at arbejde i samme retning og påvirke den bæredygtige dagsorden. Det vil vi gøre ved at tage et fælles ansvar - både socialt og miljømæssigt.",
            ),
        ),
        GoalData(
            DIALOGUE_OBJECTIVE,
            description="Det er en forudsætning for et godt samarbejde med erhvervslivet, at kommunen understøtter virksomhederne, når virksomhederne har et konkret behov. Der er rum for, at vi som kommune samlet set forbedrer os i den dialog.",
        ),
    ),
    key_figures=(
        KeyFigureData(
            "Deltagere i forløb, workshops m.m. hos Erhvervshus Hovedstaden, gennemsnit pr. kommune i Region Hovedstaden (ekskl. Københavns Kommune)",
            Decimal(128),
            "deltagere",
            "2022",
            "Erhvervshus Hovedstaden",
        ),
        KeyFigureData(
            "Deltagere fra Københavns Kommune i forløb, workshops m.m. hos Erhvervshus Hovedstaden",
            Decimal(3217),
            "deltagere",
            "2022",
            "Erhvervshus Hovedstaden",
        ),
        KeyFigureData(
            "Andel af arbejdsstyrken, der pendler ind i Albertslund hver dag", Decimal(86), "%"
        ),
        KeyFigureData(
            "Udenbys borgere, der dagligt pendler til arbejdspladser placeret i Albertslund Kommune",
            Decimal(21562),
            "personer",
        ),
        KeyFigureData(
            "Borgere i Albertslund, der arbejder i egen kommune", Decimal(3352), "personer"
        ),
        KeyFigureData(
            "Borgere i Albertslund, der dagligt pendler til arbejdspladser placeret i andre kommuner",
            Decimal(13336),
            "personer",
        ),
    ),
    commitments=(
        CommitmentData(
            "Indgå partnerskaber og samarbejder med virksomheder",
            "Vi skal samarbejde på nye måder med byens virksomheder og indgå partnerskaber omkring emner som rekruttering, sociale tiltag og den grønne omstilling. Virksomhederne investerer tid og ressourcer i at løfte et ansvar i samarbejde med kommunen og/eller med andre organisationer. Fx ved at arbejde tættere sammen med virksomhederne om rekruttering og uddannelse eller ved at etablere et partnerskab med byens virksomheder, der er frontløbere indenfor den grønne omstilling.",
        ),
        CommitmentData(
            "Kendskab til erhvervslivet og virksomhederne i Albertslund",
            "Vi samarbejder på tværs af kommunen og med byens virksomheder om at skabe gode koblinger til erhvervslivet, fx for børn og unge, så fremtidens arbejdskraft får kendskab til arbejdspladserne i og de forskellige uddannelsesmuligheder. Det vil øge virksomhedernes muligheder for at rekruttere kvalificeret arbejdskraft på den lange bane.",
        ),
        CommitmentData(
            "Tydeliggøre udbudsprocesserne",
            "Vi vil byens virksomheder! Det skal være gennemsigtigt, hvordan man kan komme i spil til opgaver, der udbydes af kommunen. Ligesom det skal være tydeligt, hvorfor man ikke vælges til en opgave, eller hvorfor en virksomhed ikke længere skal udføre en opgave for kommunen. Vi vil undersøge, hvordan vi kan bruge den offentlige indkøbsmuskel til at foretage innovationsfremmende eller grønne udbud, til fordel for nystartede eller grønne virksomheder indenfor lovgivningens rammer.",
        ),
        CommitmentData(
            "Målrettet og koordineret dialog",
            "Vi vil løbende justere den måde, vi er i dialog med virksomhederne på, så vi understøtter deres ønsker og behov bedst muligt. Vi vil spørge virksomhederne til råds for at blive klogere på deres forventninger til kommunen.",
        ),
    ),
)

PLANS = (STRATEGY, POLICY)

# ---------------------------------------------------------------------------------------------
# Illustrative measurements: invented for the demo, so that every status can be seen. None of
# these numbers is Albertslund's; each row is marked `is_illustrative`.
# ---------------------------------------------------------------------------------------------


def _yearly(plan: str, goal: str, values: dict[int, int]) -> list[MeasurementData]:
    """A yearly goal's running total, entered once at each year's end."""
    return [
        MeasurementData(plan, goal, date(year, 12, 31), Decimal(value))
        for year, value in values.items()
    ]


def _goal(title_start: str) -> str:
    """The full title of the strategy goal whose title starts with `title_start`."""
    (title,) = [g.title for g in STRATEGY_GOALS if g.title.startswith(title_start)]
    return title


MEASUREMENTS = (
    # The overall 2.000 jobs: short of the 21.369 at the deadline (off track).
    *[
        MeasurementData(STRATEGY_TITLE, JOBS_GOAL, on, Decimal(value))
        for on, value in (
            (date(2013, 11, 30), 19105),
            (date(2015, 11, 30), 19870),
            (date(2017, 11, 30), 20640),
        )
    ],
    # The track job goals: some reached (achieved), most not (off track).
    MeasurementData(
        STRATEGY_TITLE, _goal("At skabe mindst 1000"), date(2015, 12, 31), Decimal(310)
    ),
    MeasurementData(STRATEGY_TITLE, _goal("At skabe mindst 1000"), END_2017, Decimal(640)),
    MeasurementData(
        STRATEGY_TITLE,
        _goal("At skabe mindst 100 nye arbejdspladser inden for"),
        END_2017,
        Decimal(45),
    ),
    MeasurementData(STRATEGY_TITLE, _goal("At skabe mindst 400"), date(2015, 12, 31), Decimal(210)),
    MeasurementData(STRATEGY_TITLE, _goal("At skabe mindst 400"), END_2017, Decimal(430)),
    MeasurementData(STRATEGY_TITLE, _goal("At fremme etablering af nye"), END_2017, Decimal(38)),
    MeasurementData(
        STRATEGY_TITLE, _goal("At skabe mindst 100 nye arbejdspladser på"), END_2017, Decimal(120)
    ),
    MeasurementData(
        STRATEGY_TITLE,
        _goal("At skabe mindst 100 nye arbejdspladser gennem"),
        END_2017,
        Decimal(60),
    ),
    MeasurementData(STRATEGY_TITLE, _goal("At skabe mindst 200"), END_2017, Decimal(150)),
    # DI's ranking improved from 37 but never reached the top 10 (off track).
    *[
        MeasurementData(
            STRATEGY_TITLE,
            _goal("At Albertslund Kommune placeres"),
            date(year, 6, 1),
            Decimal(rank),
        )
        for year, rank in ((2014, 31), (2015, 24), (2016, 19), (2017, 16))
    ],
    # 64 job rotations in 2013, above the 60 (achieved).
    *_yearly(STRATEGY_TITLE, _goal("At sikre at eksisterende"), {2013: 64}),
    # At least 50 entrepreneurs every year from 2015 (achieved).
    *_yearly(STRATEGY_TITLE, _goal("At der senest i 2015"), {2015: 52, 2016: 57, 2017: 61}),
    # Newsletter subscribers passed 500 before the deadline (achieved).
    MeasurementData(STRATEGY_TITLE, _goal("Nyhedsbrev"), date(2015, 12, 31), Decimal(240)),
    MeasurementData(STRATEGY_TITLE, _goal("Nyhedsbrev"), END_2017, Decimal(515)),
    # Media exposures: 2013 fell short of 50 (off track for the period).
    *_yearly(
        STRATEGY_TITLE,
        _goal("At der er mindst 50 eksponeringer"),
        {2013: 41, 2014: 56, 2015: 62, 2016: 58, 2017: 64},
    ),
    # The business website went live in November 2013 (achieved) ...
    MeasurementData(
        STRATEGY_TITLE, _goal("Erhvervsrettet hjemmeside"), date(2013, 11, 15), Decimal(1)
    ),
    # ... but had fewer than 18.000 visitors in its first year (off track).
    MeasurementData(STRATEGY_TITLE, _goal("Nå 18.000"), date(2014, 12, 31), Decimal(16850)),
    # At least 10 business meetings and conferences every year from 2014 (achieved).
    *_yearly(
        STRATEGY_TITLE,
        _goal("At skabe interesse og viden"),
        {2014: 11, 2015: 12, 2016: 10, 2017: 13},
    ),
    # The policy's objectives, assessed by staff: partnerships on track, dialogue at risk.
    MeasurementData(
        POLICY_TITLE, PARTNERSHIP_OBJECTIVE, date(2025, 6, 30), assessment=Assessment.ON_TRACK
    ),
    MeasurementData(
        POLICY_TITLE, PARTNERSHIP_OBJECTIVE, date(2026, 9, 30), assessment=Assessment.ON_TRACK
    ),
    MeasurementData(
        POLICY_TITLE, DIALOGUE_OBJECTIVE, date(2025, 6, 30), assessment=Assessment.ON_TRACK
    ),
    MeasurementData(
        POLICY_TITLE, DIALOGUE_OBJECTIVE, date(2026, 9, 30), assessment=Assessment.AT_RISK
    ),
)

# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def write_plan(municipality, data: PlanData, *, editor, owner) -> Plan:
    """Write one plan. Every goal gets `owner` (illustrative: the documents name no persons),
    so that reminders and the "owners behind" overview have someone to address."""

    def put(model, lookup, values):
        return upsert(model, lookup, values, history_user=editor)

    plan = put(
        Plan,
        {"municipality": municipality, "title": data.title},
        {
            "kind": data.kind,
            "status": PlanStatus.ADOPTED,
            "period_start": data.period_start,
            "period_end": data.period_end,
            "adopted_on": data.adopted_on,
            "adopted_by": data.adopted_by,
            "implements": None,
            "summary": data.summary,
            "internal_note": data.internal_note,
        },
    )
    attach_source(plan, SOURCES / data.source_file)

    tracks = {
        track.title: put(
            Track,
            {"plan": plan, "title": track.title},
            {
                "kind": track.kind,
                "summary": track.summary,
                "motivation": paragraphs(*track.motivation),
                "background": paragraphs(*track.background),
                "order": order,
            },
        )
        for order, track in enumerate(data.tracks, start=1)
    }
    themes = {
        theme.title: put(
            Theme,
            {"plan": plan, "title": theme.title},
            {"track": tracks[theme.track], "order": order},
        )
        for order, theme in enumerate(data.themes, start=1)
    }
    goals: dict[str, Goal] = {}
    for order, goal in enumerate(data.goals, start=1):
        goals[goal.title] = put(
            Goal,
            {"plan": plan, "title": goal.title},
            {
                "kind": goal.kind,
                "track": tracks[goal.track] if goal.track else None,
                "theme": themes[goal.theme] if goal.theme else None,
                "parent": goals[goal.parent] if goal.parent else None,
                "description": goal.description,
                "order": order,
                "metric": goal.metric,
                "unit": goal.unit,
                "direction": goal.direction,
                "baseline_value": goal.baseline_value,
                "baseline_date": goal.baseline_date,
                "baseline_source": goal.baseline_source,
                "comparator": goal.comparator,
                "target_value": goal.target_value,
                "deadline": goal.deadline,
                "deadline_text": goal.deadline_text,
                "recurrence": goal.recurrence,
                "recurrence_from_year": goal.recurrence_from_year,
                "data_source": goal.data_source,
                "platform_source": goal.platform_source,
                "owner": owner,
            },
        )
    for order, figure in enumerate(data.key_figures, start=1):
        put(
            KeyFigure,
            {"plan": plan, "label": figure.label},
            {
                "value": figure.value,
                "unit": figure.unit,
                "period": figure.period,
                "source": figure.source,
                "order": order,
            },
        )
    for order, commitment in enumerate(data.commitments, start=1):
        put(
            Commitment,
            {"plan": plan, "title": commitment.title},
            {"text": commitment.text, "order": order},
        )
    return plan


def write_measurements(plans: dict[str, Plan], *, measurer) -> None:
    for item in MEASUREMENTS:
        goal = Goal.objects.get(plan=plans[item.plan], title=item.goal)
        upsert(
            Measurement,
            {"goal": goal, "measured_on": item.measured_on, "is_illustrative": True},
            {
                "value": item.value,
                "assessment": item.assessment,
                "source": ILLUSTRATIVE_SOURCE,
                "note": "",
                "entered_by": measurer,
            },
            history_user=measurer,
        )


def write_albertslund(municipality, *, editor, measurer) -> list[Plan]:
    """Write both plans and the illustrative measurements; returns the plans."""
    plans = {
        data.title: write_plan(municipality, data, editor=editor, owner=measurer) for data in PLANS
    }
    write_measurements(plans, measurer=measurer)
    return list(plans.values())
