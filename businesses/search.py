"""Company search by name, CVR number, P-number or address: the one function the pages and the
API call (`search_companies`).

How hits are found and ranked:
1. A query of digits only (spaces allowed, as people write "9999 0015") is a number: companies
   whose CVR number, or with a production unit whose P-number, begins with it; an exact number
   first, then by number.
2. Otherwise the query is normalised like the stored search text (`businesses.text.normalise`:
   lower case, accents and punctuation dropped) and compared with the name, address, postcode
   and city of companies and of production units. A company found through one of its production
   units is shown with that unit.
   - On PostgreSQL by trigram word similarity (`pg_trgm`; GIN indexes from migration 0002 for
     the whole register, and from 0003 on (municipality code, text) for a municipality's): the
     query is matched against the closest run of words in the text, so a typo ("Albertslnd
     Bager") still finds "Albertslund Bageri". Hits must reach `pg_trgm`'s word similarity
     threshold (0.6 by default); the best come first. A first pass asks for close matches only
     (`FIRST_PASS_THRESHOLD`) and is enough when it fills the page.
   - On SQLite, without trigram indexes: candidates share a three-letter start with a query
     word, and are ranked in Python by the share of the query's trigrams found in the text,
     the same idea at smaller scale (SQLite is the single-machine default, not for a national
     register).
   Ties go to the active firm, then by name.

Scope: with a municipality, its list (`CompanyQuerySet.on_list_of`: located there, with a
production unit there, or its own firm; see `_scoped` for how text search reaches each part
fast); without one, the public register (never a firm kept by a municipality).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q

from businesses.cvr.numbers import normalise_number
from businesses.models import Company, ProductionUnit
from businesses.text import normalise

LIMIT = 20
# SQLite ranks in Python: at most this many candidates are read per table.
SQLITE_CANDIDATES = 2_000
SQLITE_THRESHOLD = 0.5


@dataclass(frozen=True)
class Hit:
    company: Company
    unit: ProductionUnit | None
    score: float


def search_companies(
    query: str, *, municipality=None, limit: int = LIMIT, with_own_firms: bool = True
) -> list[Hit]:
    """Companies matching `query`, best first (module doc), on `municipality`'s list or in the
    public register; `with_own_firms=False` leaves out the firms on the municipality's own list
    (for readers who are not its members). Each hit has its company (and the matching
    production unit, if any) loaded: reading them costs no further query."""
    number = normalise_number(query)
    if number.isdigit():
        return _by_number(number, municipality, limit, with_own_firms)
    text = normalise(query)
    if not text:
        return []
    companies, units = _scoped(municipality, with_own_firms, by_text=True)
    if connection.vendor == "postgresql":
        found = _trigram(companies, text, limit) + _trigram(units, text, limit)
    else:
        found = _python_ranked(companies, text) + _python_ranked(units, text)
    return _best_per_company(found, limit, municipality)


def _scoped(municipality, with_own_firms: bool, *, by_text: bool = False):
    """The companies and production units a search looks in.

    By text, companies are those located in the municipality or kept on its list, each a
    condition with an index that PostgreSQL combines with the trigram index; a company located
    elsewhere is found through its production unit in the municipality, whose name and
    address are searched too. By number, the whole list (`on_list_of`), through the numbers'
    own indexes."""
    companies = Company.objects.all()
    units = ProductionUnit.objects.select_related("company")
    if municipality is None:
        return companies.filter(kept_by__isnull=True), units
    units = units.filter(municipality_code=municipality.code)
    own = Q(kept_by=municipality) if with_own_firms else Q(pk__in=[])
    if by_text:
        located = Q(municipality_code=municipality.code, kept_by__isnull=True)
        return companies.filter(located | own), units
    listed = companies.on_list_of(municipality).filter(Q(kept_by__isnull=True) | own)
    return listed, units


def _by_number(number: str, municipality, limit: int, with_own_firms: bool) -> list[Hit]:
    companies, units = _scoped(municipality, with_own_firms)
    hits = [
        Hit(company, None, 1.0 if company.cvr_number == number else 0.5)
        for company in companies.filter(cvr_number__startswith=number).order_by("cvr_number")[
            :limit
        ]
    ]
    hits += [
        Hit(unit.company, unit, 1.0 if unit.p_number == number else 0.5)
        for unit in units.filter(p_number__startswith=number).order_by("p_number")[:limit]
    ]
    return _best_per_company(hits, limit, municipality)


# A first pass asks for close matches only: a query of common words ("Jensen Tømrer ApS", a large
# town's name) would otherwise make the trigram index hand tens of thousands of firms to be scored
# (1-3 s over the national register). Every hit of the first pass outranks every hit the usual
# threshold adds, so when it finds `limit` the ranking is the same as one pass at the usual
# threshold, which runs when it finds fewer. 0.75 still takes in most names with one letter
# missing or wrong (0.72-0.82 against the name meant, by the word's length and the letter's
# place), so the first pass fills the page for most queries. On the generated national register
# (bench.companies) it was the fastest of 0.9, 0.8, 0.75, 0.7 and 0.9-then-0.75: about half the
# time of 0.9 for exact names, addresses and typos over the whole register, the same for typos
# in a municipality.
FIRST_PASS_THRESHOLD = "0.75"
THRESHOLD_SETTING = "pg_trgm.word_similarity_threshold"
PG_TRGM_DEFAULT = "0.6"


def _trigram(queryset, text: str, limit: int) -> list[Hit]:
    with connection.cursor() as cursor:
        # Unknown (NULL) until pg_trgm is loaded into the connection: then its default holds.
        cursor.execute("SELECT current_setting(%s, true)", [THRESHOLD_SETTING])
        usual = cursor.fetchone()[0] or PG_TRGM_DEFAULT
        if float(usual) < float(FIRST_PASS_THRESHOLD):
            # For the connection, set back at once: PostgreSQL also undoes it with a
            # transaction that fails before that.
            cursor.execute(
                "SELECT set_config(%s, %s, false)", [THRESHOLD_SETTING, FIRST_PASS_THRESHOLD]
            )
            try:
                close = _ranked(queryset, text, limit)
            finally:
                cursor.execute("SELECT set_config(%s, %s, false)", [THRESHOLD_SETTING, usual])
            if len(close) >= limit:
                return close
    return _ranked(queryset, text, limit)


def _ranked(queryset, text: str, limit: int) -> list[Hit]:
    rows = (
        queryset.filter(search_text__trigram_word_similar=text)
        .annotate(score=TrigramWordSimilarity(text, "search_text"))
        .order_by("-score", F("end_date").asc(nulls_first=True), "name", "pk")[:limit]
    )
    return [_hit(row, row.score) for row in rows]


def _python_ranked(queryset, text: str) -> list[Hit]:
    starts = {word[:3] for word in text.split() if len(word) >= 3} or {text}
    matches = Q()
    for start in starts:
        matches |= Q(search_text__contains=start)
    wanted = trigrams(text)
    hits = []
    for row in queryset.filter(matches).order_by("name", "pk")[:SQLITE_CANDIDATES]:
        score = len(wanted & trigrams(row.search_text)) / len(wanted)
        if score >= SQLITE_THRESHOLD:
            hits.append(_hit(row, score))
    return hits


def trigrams(text: str) -> set[str]:
    """The trigrams of each word, padded as pg_trgm pads them: '  w', ' wo', 'wor', 'ord', 'rd '."""
    found = set()
    for word in text.split():
        padded = f"  {word} "
        found.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return found


def _hit(row, score: float) -> Hit:
    if isinstance(row, ProductionUnit):
        return Hit(row.company, row, float(score))
    return Hit(row, None, float(score))


def _best_per_company(hits: list[Hit], limit: int, municipality) -> list[Hit]:
    """One hit per company, its best. On a tie the company's own match wins, unless the
    company lies outside the municipality searched: then the unit there says why it is listed."""
    best: dict[int, Hit] = {}
    for hit in hits:
        kept = best.get(hit.company.pk)
        unit_explains = (
            hit.unit is not None
            and municipality is not None
            and hit.company.municipality_code != municipality.code
        )
        if kept is None or hit.score > kept.score or (hit.score == kept.score and unit_explains):
            best[hit.company.pk] = hit
    ranked = sorted(
        best.values(),
        key=lambda hit: (
            -hit.score,
            hit.company.end_date is not None,
            hit.company.name,
            hit.company.pk,
        ),
    )
    return ranked[:limit]
