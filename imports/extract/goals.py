"""Goals in Danish policy text: which sentences state a target, and what the target is.

A sentence is read in three steps, each a small set of general rules rather than cases:

1. **Numbers that are not quantities are set aside**: years and dates (a deadline, a baseline
   year, a meeting), page references, addresses, postcodes and telephone numbers, money in a
   budget sentence, and counts of the document's own parts ("tre strategiske spor",
   "33 indsatser", "Seks mål").
2. **What is left is classified**: a quantity after "fra" with a "til" later is the baseline
   ("fra 57.000 i dag til 60.000"); a quantity in a restating clause ("svarende til …") is
   not the target; a rank ("top 10", "blandt de tre bedste"), a share ("mindst hver fjerde" =
   25 %), a factor ("fordoble" = ×2, "en stigning på 50 %" = ×1.5) or a plain quantity
   ("mindst 1.000 nye arbejdspladser", "1.200-1.500", "5 %-point") is the target.
3. **The sentence must state an intention**: it stands in a goal section (under a heading or
   label naming goals: "Mål", "Målsætninger", "Succeskriterier", "Ambitioner", "Pejlemærker")
   or says so itself ("skal", "vil", "mål om", "målsætning", "ambition", or an infinitive "At
   skabe …" as goal bullets are written). A sentence about the past or about today ("var",
   "blev", "har vi", "i dag") without such a statement is a figure, not a goal.

In a goal section, the first sentence of each bullet is a goal even without a number
(a qualitative goal); any further sentence there is a goal only with a target or a deadline.
Deadlines are the year or date after "senest", "inden", "inden udgangen af", "frem mod",
"frem til", "i" …; "om året", "årligt", "hvert år" make a goal recurring, from the year after
"fra" if one is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from imports.extract.numbers import (
    DIGITS,
    NUMBER,
    SHARES,
    TARGET_WORDS,
    YEAR,
    to_decimal,
)

MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH = "|".join(MONTHS)

I = re.IGNORECASE  # noqa: E741 - short for the many patterns below

GOAL_HEADING = re.compile(
    r"\b(mål|målene|målet|målsætning\w*|måltal\w*|succeskriteri\w*|ambition\w*|pejlemærke\w*|"
    r"delmål|effektmål|resultatmål|stræber\b[^.:]{0,30}\befter|sigter\s+mod)\b",
    I,
)
# Headings that name a part of a track rather than a track or theme of the plan.
ROLE_HEADING = re.compile(
    r"^(mål|målsætning(er)?|motivation|baggrund|formål|indledning|forord|indhold|"
    r"indholdsfortegnelse|succeskriterier|status|aktiviteter|handlinger|indsatser|vision|"
    r"mission|opfølgning|evaluering|ressourcer|økonomi|tidsplan|organisering|kontakt|bilag)\b",
    I,
)

INTENTION = re.compile(
    r"\b(skal|vil|ønsker at|målet|mål(?:et)? om|målsætning\w*|ambition\w*|sigter mod|"
    r"har som mål|sætter som mål|stræber efter|arbejder for at|forventes at|"
    r"fordoble\w*|tredoble\w*|halvere\w*)\b|^at\s",
    I,
)
STRONG_INTENTION = re.compile(
    r"\b(målet|mål(?:et)? om|målsætning\w*|ambition\w*|sigter mod|har som mål)\b", I
)
PAST = re.compile(
    r"\b(var|blev|havde|har været|er blevet|steg|faldt|voksede|lå|fik|opnåede|nåede|"
    r"gennemførte|vedtog|vedtaget|nedsatte|etablerede|lukkede)\b",
    I,
)
TODAY = re.compile(
    r"\b(i dag|aktuelt|for nuværende|p\.?t\.|lige nu|har vi|er der|udgør|ligger på|"
    r"findes der|tæller)\b",
    I,
)
BUDGET = re.compile(
    r"\b(budget\w*|afsat|afsætte\w*|investere\w*|pulje\w*|bevilg\w*|bevilling\w*|koste[rt]?|finansier\w*|"
    r"tilskud|ramme på|anlægs\w*|driftsudgift\w*|medfinansier\w*)\b",
    I,
)
# Nouns that count the document's own parts: "tre strategiske spor", "7 indsatsområder".
PART_NOUNS = (
    r"(?:(?:strategiske|tværgående|overordnede|konkrete|politiske|nye)\s+)?"
    r"(?:spor|indsatsområder|indsatsområde|temaer|tema|kapitler|kapitel|afsnit|mål|målsætninger|"
    r"pejlemærker|fokusområder|indsatser|initiativer|anbefalinger|principper|sider|punkter|"
    r"handlinger|delmål|søjler|værdier|visioner|hovedområder|områder for vækst|"
    r"fysiske områder|høringssvar|møder i|dele)\b"
)
ADDRESS = re.compile(
    r"\b[\wæøåÆØÅ]+(?:vej|gade|allé|alle|plads|vænge|torv|boulevard|stræde|park|bakke)"
    rf"\s+(?:{DIGITS})[A-Za-z]?\b|^\s*\d{{4}}\s+(?-i:[A-ZÆØÅ])[\wæøå]+|\+45[\s\d]+|"
    r"\b(?:tlf|telefon|cvr|ean)\.?:?\s*[\d ]+|"
    r"\b\d{2}\s\d{2}\s\d{2}\s\d{2}\b|\bpostboks\s+\d+|\b\S+@\S+|\bwww\.\S+",
    I,
)
PAGE_REFERENCE = re.compile(r"\bside(?:rne)?\s+\d+(?:\s*(?:-|og|af)\s*\d+)?", I)
FULL_DATE = re.compile(rf"\b(\d{{1,2}})\.\s*({MONTH})\s+({YEAR})", I)
DAY_MONTH = re.compile(rf"\b(?:d\.\s*)?\d{{1,2}}\.\s*(?:{MONTH})\b", I)
YEAR_RANGE = re.compile(rf"({YEAR})\s*[-–/]\s*({YEAR}|\d\d)(?!\d)")
YEAR_RE = re.compile(YEAR)
LEVEL_YEAR = re.compile(rf"({YEAR})-niveau(?:et)?|niveauet (?:fra|i) ({YEAR})", I)

DEADLINE_PATTERNS = [
    # (pattern, group holding the year, group holding a day-month date or None)
    re.compile(rf"\b(?:inden|før|ved|med|senest ved)\s+udgangen\s+af\s+({YEAR})", I),
    re.compile(
        rf"\b(?:senest|inden|pr\.|per|fra og med)\s+(?:den\s+)?"
        rf"(\d{{1,2}}\.\s*(?:{MONTH}))\s+({YEAR})",
        I,
    ),
    re.compile(
        rf"\b(?:senest\s+i|senest|inden|før|frem\s+mod|frem\s+til|til\s+og\s+med|i\s+løbet\s+af|"
        rf"allerede\s+i|i\s+perioden\s+{YEAR}\s*[-–]|i\s+år|i|til|mod|ultimo|primo|medio|"
        rf"ved\s+udgangen\s+af|efter)\s+({YEAR})",
        I,
    ),
]
RECURRING = re.compile(
    r"\b(om året|årligt|årlig|hvert år|hvert eneste år|pr\.?\s*år|per år|om måneden|månedligt|"
    r"hver måned|om ugen)\b",
    I,
)
RECURRING_FROM = re.compile(
    rf"\b(?:(?:om året|årligt|hvert år|pr\.?\s*år)\s+(?:fra|fra og med|startende i)\s+({YEAR})|"
    rf"fra\s+({YEAR})\s+(?:og\s+)?(?:om året|årligt|hvert år))",
    I,
)
COMPARATOR_LEAST = (
    r"mindst|minimum|min\.|over|mere end|flere end|op på|op til mindst|ikke under|som minimum|"
    r"ikke færre end|yderligere|i alt"
)
COMPARATOR_MOST = (
    r"højst|maksimalt|max\.?|under|færre end|mindre end|ikke over|ned på|ned til|ned under|op til"
)
DECREASE = re.compile(
    r"\b(reducere\w*|reduktion|nedbringe\w*|sænke\w*|mindske\w*|halvere\w*|falde\w*|fald|"
    r"begrænse\w*|nedgang|færre|kortere|nedskære\w*|ned på|ned til)\b",
    I,
)
UNIT = (
    r"\s*(?P<unit>%-?\s?point|%-point|procentpoint\w*|pct\.?-?point|%|pct\.?(?!\w)|procent(?!point)|"
    r"mio\.?\s*kr\.?|mia\.?\s*kr\.?|millioner\s+kr(?:oner|\.)?|milliarder\s+kr(?:oner|\.)?|"
    r"kr\.?(?!\w)|kroner|m²|m2(?!\w)|kvm\.?|ha(?!\w)|km(?!\w)|ton(?!\w)|tons|mw(?!\w)|gwh(?!\w)|"
    r"timer|dage|uger|måneder)?"
)
QUANTITY = re.compile(
    rf"(?P<cmp>(?:{COMPARATOR_LEAST}|{COMPARATOR_MOST})\s+)?"
    rf"(?P<low>{NUMBER}|\b(?:{TARGET_WORDS})\b)"
    rf"(?:\s*(?:[-–]|til)\s*(?P<high>(?:{DIGITS})(?!\d)))?"
    rf"{UNIT}",
    I,
)
RANK = re.compile(
    rf"\b(?:top[- ]?(?P<top>\d+|{TARGET_WORDS})|blandt\s+(?:de\s+)?(?P<among>\d+|{TARGET_WORDS})\s+"
    rf"(?:bedste|mest\s+\w+|første|største|førende)|(?:nr\.|nummer)\s*(?P<nr>\d+|et|én|to|tre)\b|"
    rf"(?P<first>førstepladsen|den\s+bedste\s+placering))",
    I,
)
SHARE = re.compile(
    r"\b(?:(?P<cmp>mindst|over|højst|under)\s+)?hver\s+(?P<nth>anden|tredje|fjerde|femte|sjette|tiende)\b|\b(?P<half>halvdelen)\b",
    I,
)
FACTOR = re.compile(
    r"\b(?P<verb>fordoble\w*|fordobling\w*|tredoble\w*|firdoble\w*|halvere\w*|halvering\w*)\b", I
)
FACTORS = {
    "fordob": Decimal(2),
    "tredob": Decimal(3),
    "firdob": Decimal(4),
    "halver": Decimal("0.5"),
}
CHANGE = re.compile(
    rf"\b(?P<word>stigning|vækst|forøgelse|øgning|fremgang|løft|fald|reduktion|nedgang|"
    rf"(?:stige|øge|øges|vokse|forøge|forøges|løfte|løftes|falde|reducere|reduceres|nedbringe|"
    rf"nedbringes|mindske|mindskes|sænke|sænkes|stiger|øger|vokser|falder))\s+(?:på|med)\s+"
    rf"(?:mindst\s+|minimum\s+|over\s+|ca\.\s+)?(?P<value>{NUMBER})\s*(?P<unit>%-?\s?point|procentpoint|%|pct\.?|procent)",
    I,
)
BASELINE_FROM = re.compile(
    rf"\bfra\s+(?:ca\.\s*|omkring\s+|knap\s+|godt\s+|nuværende\s+)?(?P<value>{NUMBER}){UNIT}"
    rf"(?P<between>[^.;:]{{0,60}}?)\s+til\s+",
    I,
)
RESTATING = re.compile(
    r"\b(svarende til|svarer til|dvs\.|det vil sige|hvilket svarer til)\b[^.;]*", I
)
METRIC_STOP = re.compile(
    rf"\s*(?:[,.;:()]|\s[-–]\s|\bsvarende\b|\bsvarer\b|\b(?:inden|senest|frem|før|fra|ved|om|hvert|"
    rf"årligt|årlig|pr\.|per|i løbet)\b(?!\s+for\b)|\bi\s+(?:{YEAR}|perioden|år\b)|\btil\s+{YEAR}|"
    rf"\bmod\s+{YEAR}|\bog\s+(?:at\s+)?(?:nå|skabe|etablere|fremme|sikre)\b|\bhvor(?:af)?\b|\bder\b|\bsom\b)",
    I,
)
SUBJECT_END = re.compile(r"\b(skal|vil|bør|må)\b", I)
LEADING_WORDS = re.compile(
    r"^(?:at\s+(?:der\s+)?(?:i\s+\w+\s+)?|det\s+er\s+målet\s+at\s+|målet\s+er\s+at\s+|vi\s+vil\s+|"
    r"kommunen\s+vil\s+|der\s+skal\s+være\s+|der\s+er\s+)",
    I,
)


@dataclass
class Quantity:
    start: int
    end: int
    value: Decimal
    high: Decimal | None = None
    unit: str = ""
    comparator: str = ""
    role: str = "target"  # target, baseline, restated, part, money


@dataclass
class Goal:
    text: str
    start: int
    end: int
    kind: str = "qualitative"  # qualitative, quantified, milestone
    metric: str = ""
    comparator: str | None = None
    target: Decimal | None = None
    target_high: Decimal | None = None
    unit: str = ""
    deadline: int | str | None = None
    deadline_text: str = ""
    recurring: bool = False
    recurring_from: int | None = None
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    baseline_derived: bool = False
    factor: Decimal | None = None
    direction: str = "higher_is_better"
    in_goal_section: bool = False
    track: str | None = None
    theme: str | None = None
    extras: dict = field(default_factory=dict)

    @property
    def has_target(self) -> bool:
        return self.target is not None or self.factor is not None or self.baseline_year is not None


def _unit(raw: str | None) -> str:
    if not raw:
        return ""
    raw = raw.lower().replace(" ", "")
    if "point" in raw:
        return "procentpoint"
    if raw in ("%", "pct.", "pct", "procent"):
        return "%"
    if raw.startswith(("mio", "million")):
        return "mio. kr."
    if raw.startswith(("mia", "milliard")):
        return "mia. kr."
    if raw.startswith(("kr", "kroner")):
        return "kr."
    if raw in ("m2", "m²", "kvm", "kvm."):
        return "m²"
    return raw.rstrip(".")


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by spaces, so that offsets stay the same."""
    chars = list(text)
    for first, last in spans:
        for index in range(first, min(last, len(chars))):
            chars[index] = " "
    return "".join(chars)


def _deadline(text: str, masked_recurring: list[tuple[int, int]]) -> tuple[int | str | None, str]:
    """The last deadline the sentence states, as a year or an ISO date, and its wording."""
    found: list[tuple[int, int | str, str]] = []
    for pattern in DEADLINE_PATTERNS:
        for match in pattern.finditer(text):
            if any(first <= match.start() < last for first, last in masked_recurring):
                continue
            if match.group(0).lower().startswith("fra"):
                continue
            groups = [g for g in match.groups() if g]
            if len(groups) == 2 and not groups[0].isdigit():
                day_month, year = groups
                day, month = re.match(rf"(\d{{1,2}})\.\s*({MONTH})", day_month, I).groups()
                try:
                    value: int | str = date(int(year), MONTHS[month.lower()], int(day)).isoformat()
                except ValueError:
                    continue
            else:
                value = int(groups[-1])
            found.append((match.start(), value, match.group(0)))
    if not found:
        return None, ""
    # The earliest-written deadline that no other pattern already covered wins its position;
    # when a sentence has several, the one nearest the end is its goal's deadline.
    found.sort(key=lambda item: item[0])
    position, value, wording = found[-1]
    for other_position, other_value, other_wording in found:
        # "inden udgangen af 2015" also matches "af 2015"-less patterns inside it: keep the longest
        if other_position <= position < other_position + len(other_wording) and len(
            other_wording
        ) > len(wording):
            value, wording = other_value, other_wording
    return value, wording.strip()


def _non_quantity_spans(text: str, lower: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in (ADDRESS, PAGE_REFERENCE, FULL_DATE, DAY_MONTH, YEAR_RANGE, LEVEL_YEAR):
        spans += [match.span() for match in pattern.finditer(text)]
    for match in YEAR_RE.finditer(text):
        before = lower[max(0, match.start() - 25) : match.start()]
        after = text[match.end() : match.end() + 20]
        is_year = bool(
            re.search(
                r"(\bi|inden|senest|fra|til|mod|år|primo|ultimo|medio|af|siden|før|efter|"
                rf"perioden|pr\.|per|ved|{MONTH}|\()\s*$",
                before,
            )
            or not re.match(r"\s+[a-zæøå]", after)
            # "Erhvervshandleplan 2016 sætter …", "Vækststrategi 2015": a year in a name
            or re.search(r"(?<![.!?]\s)\b[A-ZÆØÅ][\wæøå-]+\s$", text[: match.start()])
            or re.match(
                r"\s+(og|til|er|var|blev|hvor|som|med|der|i|på|for|har|skal|vil|kom|lukker|"
                r"vedtog|blev|fik)\b",
                after,
            )
        )
        if is_year:
            spans.append(match.span())
    return spans


def parse_sentence(text: str) -> Goal:
    """Everything the rules read from one sentence: target, unit, comparator, metric, deadline,
    recurrence, baseline. Whether the sentence is a goal at all is decided by the caller."""
    goal = Goal(text=text, start=0, end=len(text))
    lower = text.lower()
    spans = _non_quantity_spans(text, lower)

    recurring_from = RECURRING_FROM.search(text)
    recurring_spans = []
    if recurring_from:
        goal.recurring_from = int(recurring_from.group(1) or recurring_from.group(2))
        recurring_spans.append(recurring_from.span())
    goal.recurring = bool(RECURRING.search(text))
    goal.deadline, goal.deadline_text = _deadline(text, recurring_spans)

    level = LEVEL_YEAR.search(text)
    if level:
        goal.baseline_year = int(level.group(1) or level.group(2))
        goal.comparator = "at_least"

    masked = _mask(text, spans)
    restated = [m.span() for m in RESTATING.finditer(masked)]
    budget = bool(BUDGET.search(text))

    # Baseline "fra 57.000 i dag til …": the quantity after "fra" with a "til" after it.
    baseline_spans = []
    for match in BASELINE_FROM.finditer(masked):
        value = to_decimal(match.group("value"))
        if value is None:
            continue
        goal.baseline_value = value
        between = text[match.end("value") : match.end()]
        years = YEAR_RE.findall(between)
        goal.baseline_year = int(years[-1]) if years else goal.baseline_year
        baseline_spans.append(
            (match.start("value"), match.end("value") + len(match.group("unit") or ""))
        )

    # Factors and changes.
    change = CHANGE.search(masked)
    factor_word = FACTOR.search(masked)
    change_value = None
    if change:
        amount = to_decimal(change.group("value"))
        unit = _unit(change.group("unit"))
        decreasing = bool(DECREASE.match(change.group("word")))
        if amount is not None and unit == "%":
            change_value = Decimal(1) + (-amount if decreasing else amount) / Decimal(100)
        elif amount is not None:
            change_value = None
            goal.extras["points"] = -amount if decreasing else amount
        spans.append((change.start("value"), change.end("unit")))
    if factor_word:
        key = factor_word.group("verb").lower()[:6]
        goal.factor = FACTORS.get(key)

    masked = _mask(text, spans + baseline_spans)

    # Quantities left after masking.
    quantities: list[Quantity] = []
    for match in QUANTITY.finditer(masked):
        raw = match.group("low")
        if not raw or not raw.strip():
            continue
        value = to_decimal(raw)
        if value is None:
            continue
        is_word = not raw[0].isdigit()
        cmp_raw = (match.group("cmp") or "").strip().lower()
        if is_word and not cmp_raw:
            continue  # "to" and "ti" are numbers only where a comparator says so
        quantity = Quantity(
            start=match.start("low"),
            end=match.end(),
            value=value,
            high=to_decimal(match.group("high")) if match.group("high") else None,
            unit=_unit(match.group("unit")),
        )
        if cmp_raw:
            goal.extras["explicit_comparator"] = True
            quantity.comparator = (
                "at_most"
                if re.fullmatch(COMPARATOR_MOST, cmp_raw, I) and cmp_raw not in ("op til mindst",)
                else "at_least"
            )
        after = masked[quantity.end : quantity.end + 60]
        if re.match(rf"\s*{PART_NOUNS}", after, I):
            quantity.role = "part"
        elif quantity.unit in ("mio. kr.", "mia. kr.", "kr.") and budget:
            quantity.role = "money"
        elif any(first <= quantity.start < last for first, last in restated):
            quantity.role = "restated"
        elif re.match(r"\s*(?:[\wæøå]+\s+){0,3}?i dag\b", after, I) or re.search(
            r"\bfra\s+(?:ca\.\s*)?$", masked[max(0, quantity.start - 12) : quantity.start], I
        ):
            quantity.role = "baseline"
        quantities.append(quantity)

    today = [q for q in quantities if q.role == "baseline"]
    if today and goal.baseline_value is None:
        goal.baseline_value = today[0].value
        goal.extras["baseline_unit"] = today[0].unit

    # Ranks and shares.
    rank = RANK.search(masked)
    share = SHARE.search(masked)
    targets = [q for q in quantities if q.role == "target"]

    if rank and (rank.group("top") or rank.group("among") or rank.group("first")):
        raw = rank.group("top") or rank.group("among")
        goal.target = to_decimal(raw) if raw else Decimal(1)
        goal.unit = "placering"
        goal.comparator = "at_most"
        goal.direction = "lower_is_better"
        goal.metric = _metric_after(text, rank.end()) or _subject(text)
        # "nr. 37" in the same sentence is where the municipality stands.
        targets = [q for q in targets if not (rank.start() <= q.start < rank.end())]
    elif share:
        goal.target = SHARES.get((share.group("nth") or "").lower(), Decimal(50))
        goal.unit = "%"
        cmp_word = (share.group("cmp") or "mindst").lower()
        goal.comparator = "at_most" if cmp_word in ("højst", "under") else "at_least"
        goal.metric = _metric_after(text, share.end()) or _subject(text)
    elif targets:
        chosen = targets[0]
        goal.target = chosen.value
        goal.target_high = chosen.high
        goal.unit = chosen.unit
        goal.comparator = chosen.comparator or None
        goal.metric = _metric_for(text, chosen)
    elif change_value is not None:
        goal.factor = change_value
    if change_value is not None and goal.target is not None:
        # "nå 18.000 besøgende … svarende til en stigning på 50%": the baseline follows.
        if goal.baseline_value is None:
            goal.baseline_value = (goal.target / change_value).quantize(Decimal("0.01"))
            goal.baseline_derived = True
    elif change_value is not None:
        goal.factor = change_value
    if "points" in goal.extras and goal.target is None:
        goal.target = goal.extras.pop("points")
        goal.unit = "procentpoint"
        goal.metric = _subject(text)

    if goal.factor is not None and goal.target is None:
        if goal.baseline_value is not None:
            goal.target = (goal.baseline_value * goal.factor).quantize(Decimal("0.01")).normalize()
        goal.metric = goal.metric or _factor_metric(text, factor_word) or _subject(text)

    if goal.target is not None or goal.factor is not None or goal.baseline_year is not None:
        goal.kind = "quantified"
        decreasing = bool(DECREASE.search(text)) or (goal.factor is not None and goal.factor < 1)
        # A goal to reduce is reached at or below its target, unless it says "mindst".
        if goal.unit != "placering" and decreasing and not _explicit_least(text):
            goal.direction = "lower_is_better"
            goal.comparator = "at_most"
        if not goal.comparator:
            goal.comparator = "at_least"
        if goal.baseline_year is not None and not goal.metric:
            goal.metric = _subject(text)
    elif goal.deadline is not None:
        goal.kind = "milestone"
    goal.extras["quantities"] = quantities
    return goal


def _explicit_least(text: str) -> bool:
    return bool(re.search(rf"\b({COMPARATOR_LEAST})\b", text, I))


def _clean_metric(words: str) -> str:
    words = " ".join(words.replace("**", "").split())
    words = re.sub(r"^(?:af|på|i|blandt|inden for|til|med)\s+", "", words, flags=I)
    words = re.sub(r"\s+(?:og|samt|eller|at|i|på|for|med|til|af)$", "", words, flags=I)
    return words.strip(" ,.;:-–")


def _metric_after(text: str, position: int) -> str:
    rest = text[position:]
    stop = METRIC_STOP.search(rest, 1)
    words = rest[: stop.start()] if stop else rest
    words = " ".join(words.split()[:9])
    return _clean_metric(words)


def _metric_for(text: str, quantity: Quantity) -> str:
    if quantity.unit in ("%", "procentpoint"):
        after = text[quantity.end :]
        if re.match(r"\s*af\s+", after, I):
            return _metric_after(text, quantity.end)
        return _subject(text)
    metric = _metric_after(text, quantity.end)
    return metric or _subject(text)


def _factor_metric(text: str, match) -> str:
    if not match:
        return ""
    return _metric_after(text, match.end())


def _subject(text: str) -> str:
    """What the sentence is about: the words before its modal verb, or its object."""
    clean = LEADING_WORDS.sub("", text.strip())
    end = SUBJECT_END.search(clean)
    subject = clean[: end.start()] if end else clean
    subject = " ".join(subject.split()[:12])
    return _clean_metric(subject)


def states_intention(text: str) -> bool:
    return bool(INTENTION.search(text))


def reports_figure(text: str) -> bool:
    """A sentence about the past or about today, not about what is to be reached."""
    return bool(PAST.search(text) or TODAY.search(text))


PARTS_LABEL = re.compile(
    r"\b(temaer|indsatsområder|spor|indsatser|initiativer|handlinger|fokusområder)\b", I
)


def names_parts(text: str) -> bool:
    """A line that introduces the document's parts ("Strategien dækker følgende temaer:")."""
    return bool(PARTS_LABEL.search(text)) and not re.search(r"\bmål", text, I)


def is_goal_heading(text: str) -> bool:
    return bool(GOAL_HEADING.search(text))
